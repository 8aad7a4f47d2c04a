package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * gif_psc_exp_multisynapse — generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini
 * et al. 2015) with any number of exponential synaptic currents, one per receptor port 1..n
 * (n = len(tau_syn)) (NEST 3.9 models/gif_psc_exp_multisynapse.{h,cpp}; doc: models/gif_psc_exp_multisynapse.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - sum_j eta_j(t) + sum_k I_syn_k + I_e + I_stim
 *   eta_j (I_stc), gamma_j (E_sfa = V_T_star + sum gamma_j) and escape noise as gif_psc_exp
 * </pre>
 * Unlike gif_psc_exp, the synaptic contribution to V uses the currents at the start of the step
 * (as NEST does). Random draws use the node's stream. Membrane, adaptation and status in {@link GifPscBase} and
 * {@link GifBase}. Ring buffer layout: channel 0 currents, channel k the spikes of port k.
 */
public final class GifPscExpMultisynapse extends GifPscBase {
    @PerNode public double[][] tau_syn, i_syn;
    @PerNode public boolean[] hasConnections;
    double[][] P11, P21;

    public GifPscExpMultisynapse(int n) {
        super(n);
        tau_syn = new double[n][];
        for (int i = 0; i < n; i++) tau_syn[i] = new double[] {2.0};
        i_syn = empty(n);
        hasConnections = new boolean[n];
    }

    @Override
    public GifPscExpMultisynapse make(int n) {
        return new GifPscExpMultisynapse(n);
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
            default: return V[i];
        }
    }

    int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, tau_syn[i].length);
        return m;
    }

    @Override
    void getModelParameters(int i, Map<String, Object> d) {
        d.put("n_receptors", (long) tau_syn[i].length);
        d.put("has_connections", hasConnections[i]);
        d.put("tau_syn", tau_syn[i].clone());
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = new Common(i, s);
        p.readAdaptation(s);
        p.check();
        double[] ts = tau_syn[i];
        if (s.has("tau_syn")) {
            double[] t = s.da("tau_syn", ts);
            if (hasConnections[i] && t.length < ts.length) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double x : t) {
                if (x <= 0) throw badProperty("All synaptic time constants must be > 0.");
            }
            ts = t;
        }
        double v = s.d("V_m", V[i]);
        setArchiving(i, s);
        p.commit();
        tau_syn[i] = ts;
        V[i] = v;
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        if (rport <= 0 || rport > tau_syn[i].length) throw incompatibleReceptor(rport, "SpikeEvent");
        hasConnections[i] = true;
        return rport;
    }

    @Override
    int channels() {
        return maxPorts() + 1;
    }

    @Override
    void allocateSynapses() {
        P11 = new double[n][]; P21 = new double[n][];
    }

    @Override
    void calibrateSynapses(int i, double h, double tauM) {
        int np = tau_syn[i].length;
        P11[i] = new double[np];
        P21[i] = new double[np];
        if (i_syn[i].length != np) i_syn[i] = Arrays.copyOf(i_syn[i], np);
        for (int k = 0; k < np; k++) {
            P11[i][k] = GlibcMath.exp(-h / tau_syn[i][k]);
            P21[i][k] = IafPropagator.exp(tau_syn[i][k], tauM, c_m[i], h);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] se = stc_elems[i], fe = sfa_elems[i], pst = P_stc[i], psf = P_sfa[i];
            final double[] qst = q_stc[i], qsf = q_sfa[i];
            final double[] is = i_syn[i], p11 = P11[i], p21 = P21[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                final double sf = decayAdaptation(i, se, pst, fe, psf), st = stc[i];
                int slot = (int) (step % len);
                double sumSynPot = 0.0;
                for (int k = 0; k < is.length; k++) {
                    sumSynPot += p21[k] * is[k];
                    is[k] = p11[k] * is[k];
                    int kk = ((k + 1) * len + slot) * n + i;
                    is[k] += bd[kk];
                    bd[kk] = 0;
                }
                if (r_ref[i] == 0) {
                    V[i] = P30[i] * (I_stim[i] + I_e[i] - st) + P33[i] * V[i] + P31[i] * E_L[i] + sumSynPot;
                    escapeNoise(i, V[i], sf, h, se, qst, fe, qsf, step, lag, out);
                } else {
                    --r_ref[i];
                    V[i] = V_reset[i];
                }
                int k0 = slot * n + i;
                I_stim[i] = bd[k0];
                bd[k0] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport >= 1 && rport < buf.channels) buf.add(rport, step, i, weight * mult);
    }
}
