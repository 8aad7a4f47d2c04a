package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * gif_cond_exp — conductance-based generalized integrate-and-fire neuron with escape noise (Mensi et al. 2012,
 * Pozzorini et al. 2015) and exponentially decaying excitatory/inhibitory conductances (NEST 3.9
 * models/gif_cond_exp.{h,cpp}; doc: models/gif_cond_exp.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) - I_stc + I_e + I_stim
 *   dg_ex/dt = -g_ex / tau_syn_ex,  dg_in/dt = -g_in / tau_syn_in
 *   (V = V_reset in the synaptic and leak terms while refractory; a spike of weight w >= 0 adds w to g_ex,
 *   of weight w < 0 adds -w to g_in)
 * </pre>
 * Threshold adaptation, spike-triggered currents, escape noise and GSL integration: {@link GifCondBase}.
 */
public final class GifCondExp extends GifCondBase {
    static final int V_M = 0, G_EXC = 1, G_INH = 2, EX = 1, IN = 2;
    @PerNode public double[] E_ex, E_in, tau_synE, tau_synI;

    public GifCondExp(int n) {
        super(n, 3);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -85.0);
        tau_synE = fill(n, 2.0);
        tau_synI = fill(n, 2.0);
    }

    @Override
    public GifCondExp make(int n) {
        return new GifCondExp(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "g_ex", "g_in", "I_stc", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return sfa[i];
            case 1: return y[i][G_EXC];
            case 2: return y[i][G_INH];
            case 3: return stc[i];
            default: return y[i][V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("g_ex", y[i][G_EXC]);
        d.put("g_in", y[i][G_INH]);
    }

    @Override
    public void setStatus(int i, Status s) {
        GP p = new GP(i, s);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double eex = s.d("E_ex", E_ex[i]);
        double ein = s.d("E_in", E_in[i]);
        p.check();
        if (te <= 0 || ti <= 0) throw badProperty("Synapse time constants must be strictly positive.");
        double v = s.d("V_m", y[i][V_M]);
        double gex = s.d("g_ex", y[i][G_EXC]);
        double gin = s.d("g_in", y[i][G_INH]);
        setArchiving(i, s);
        p.commit();
        tau_synE[i] = te; tau_synI[i] = ti; E_ex[i] = eex; E_in[i] = ein;
        y[i][V_M] = v; y[i][G_EXC] = gex; y[i][G_INH] = gin;
    }

    @Override
    int dim(int i) {
        return 3;
    }

    @Override
    int spikeChannels() {
        return 2;
    }

    /** gif_cond_exp_dynamics. */
    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r_ref[i] > 0;
        final double V = refr ? V_reset[i] : yy[V_M];
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iL = g_L[i] * (V - E_L[i]);
        f[0] = refr ? 0.0 : (-iL + I_stim[i] + I_e[i] - iSynExc - iSynInh - stc[i]) / c_m[i];
        f[1] = -yy[G_EXC] / tau_synE[i];
        f[2] = -yy[G_INH] / tau_synI[i];
    }

    @Override
    void applySpikes(int i, double[] yy, long step) {
        yy[G_EXC] += buf.take(EX, step, i);
        yy[G_INH] += buf.take(IN, step, i);
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (weight >= 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
