package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * gif_cond_exp_multisynapse — conductance-based generalized integrate-and-fire neuron with escape noise
 * (Mensi et al. 2012, Pozzorini et al. 2015) and any number of exponentially decaying conductances, one per
 * receptor port 1..n (n = len(tau_syn) = len(E_rev)) (NEST 3.9 models/gif_cond_exp_multisynapse.{h,cpp};
 * doc: models/gif_cond_exp_multisynapse.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - sum_k g_k (V' - E_rev_k) - I_stc + I_e + I_stim     (V' = V_reset while refractory,
 *                                                                                  the leak uses V as in NEST)
 *   dg_k/dt = -g_k / tau_syn_k;  a spike of weight w >= 0 on port k adds w to g_k
 * </pre>
 * State vector (V_m, g_1, ..., g_n). Threshold adaptation, spike-triggered currents, escape noise and GSL
 * integration: {@link GifCondBase}. nestj's kernel checks ports against the block, so ports are checked against the
 * largest receptor count of the block and a connection marks has_connections on all nodes of the block.
 */
public final class GifCondExpMultisynapse extends GifCondBase {
    @PerNode public double[][] tau_syn, E_rev;
    @PerNode public boolean[] has_connections;

    public GifCondExpMultisynapse(int n) {
        super(n, 3); // NEST's initial y_ has STATE_VEC_SIZE + 1 entries
        tau_syn = new double[n][];
        E_rev = new double[n][];
        has_connections = fillB(n, false);
        for (int i = 0; i < n; i++) {
            tau_syn[i] = new double[] {2.0};
            E_rev[i] = new double[] {0.0};
        }
    }

    @Override
    public GifCondExpMultisynapse make(int n) {
        return new GifCondExpMultisynapse(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "I_stc", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return sfa[i];
            case 1: return stc[i];
            default: return y[i][0];
        }
    }

    int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, tau_syn[i].length);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("n_receptors", (long) tau_syn[i].length);
        d.put("E_rev", E_rev[i].clone());
        d.put("has_connections", has_connections[i]);
        d.put("tau_syn", tau_syn[i].clone());
        d.put("g", Arrays.copyOfRange(y[i], 1, y[i].length));
    }

    @Override
    public void setStatus(int i, Status s) {
        GP p = new GP(i, s);
        final int oldN = tau_syn[i].length;
        final boolean eRevFlag = s.has("E_rev"), tauFlag = s.has("tau_syn");
        final double[] er = s.da("E_rev", E_rev[i]);
        final double[] ts = s.da("tau_syn", tau_syn[i]);
        if (eRevFlag || tauFlag) {
            if ((er.length != oldN || ts.length != oldN) && (!eRevFlag || !tauFlag)) {
                throw badProperty("If the number of receptor ports is changed, both arrays E_rev and tau_syn must be "
                        + "provided.");
            }
            if (er.length != ts.length) {
                throw badProperty("The reversal potential, and synaptic time constant arrays must have the same size.");
            }
            if (ts.length < oldN && has_connections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double t : ts) {
                if (t <= 0) throw badProperty("All synaptic time constants must be strictly positive");
            }
        }
        p.check();
        double v = s.d("V_m", y[i][0]);
        setArchiving(i, s);
        p.commit();
        E_rev[i] = er;
        tau_syn[i] = ts;
        y[i] = Arrays.copyOf(y[i], 1 + ts.length); // State_::set: y_.resize(1 + n_receptors, 0.0)
        y[i][0] = v;
        sfa_elems[i] = Arrays.copyOf(sfa_elems[i], tau_sfa[i].length);
        stc_elems[i] = Arrays.copyOf(stc_elems[i], tau_stc[i].length);
    }

    @Override
    int dim(int i) {
        return 1 + tau_syn[i].length;
    }

    @Override
    int spikeChannels() {
        return maxPorts();
    }

    /** gif_cond_exp_multisynapse_dynamics. */
    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r_ref[i] > 0;
        final double iL = -g_L[i] * (yy[0] - E_L[i]);
        final double V = refr ? V_reset[i] : yy[0];
        final double[] er = E_rev[i], ts = tau_syn[i];
        final int m = ts.length;
        double iSyn = 0.0;
        for (int k = 0; k < m; k++) iSyn += -yy[1 + k] * (V - er[k]);
        f[0] = refr ? 0.0 : (iL + I_stim[i] + I_e[i] + iSyn - stc[i]) / c_m[i];
        for (int k = 0; k < m; k++) f[1 + k] = -yy[1 + k] / ts[k];
    }

    @Override
    void applySpikes(int i, double[] yy, long step) {
        final int m = tau_syn[i].length;
        for (int k = 0; k < m; k++) yy[1 + k] += buf.take(1 + k, step, i);
        for (int k = m + 1; k < buf.channels; k++) buf.take(k, step, i); // ports this node does not have
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport <= 0 || rport > maxPorts()) throw incompatibleReceptor(rport, "SpikeEvent");
        Arrays.fill(has_connections, true);
        return rport;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (weight < 0) {
            throw NestException.badProperty(
                    "Synaptic weights for conductance-based multisynapse models must be non-negative.");
        }
        buf.add(rport, step, i, weight * mult);
    }
}
