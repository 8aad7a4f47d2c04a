package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_cond_exp — leaky integrate-and-fire neuron with exponentially decaying synaptic conductances
 * (NEST 3.9 models/iaf_cond_exp.{h,cpp}; doc: models/iaf_cond_exp.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
 *   dg_X/dt = -g_X / tau_syn_X
 *   (in the right-hand side V = min(V, V_th); while refractory V = V_reset and dV/dt = 0)
 *   a spike of weight w adds |w| to g_X (X = ex for w > 0, in otherwise)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then refractory
 * clamp or threshold check, then the new stimulus current.
 */
public final class IafCondExp extends GslNeuronBlock {
    static final int V_M = 0, G_EXC = 1, G_INH = 2;
    @PerNode public double[] V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L, tau_synE, tau_synI, I_e;
    int[] refractoryCounts;

    public IafCondExp(int n) {
        super(n, 3);
        V_th = fill(n, -55.0);
        V_reset = fill(n, -60.0);
        t_ref = fill(n, 2.0);
        g_L = fill(n, 16.6667);
        C_m = fill(n, 250.0);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -85.0);
        E_L = fill(n, -70.0);
        tau_synE = fill(n, 0.2);
        tau_synI = fill(n, 2.0);
        I_e = fill(n, 0.0);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    @Override
    public IafCondExp make(int n) {
        return new IafCondExp(n);
    }

    private static final String[] RECORDABLES = {"g_ex", "g_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][G_EXC];
            case 1: return y[i][G_INH];
            default: return y[i][V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("t_ref", t_ref[i]);
        d.put("g_L", g_L[i]);
        d.put("E_L", E_L[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("C_m", C_m[i]);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("I_e", I_e[i]);
        d.put("V_m", y[i][V_M]);
        d.put("g_ex", y[i][G_EXC]);
        d.put("g_in", y[i][G_INH]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double vth = s.d("V_th", V_th[i]);
        double vr = s.d("V_reset", V_reset[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double el = s.d("E_L", E_L[i]);
        double eex = s.d("E_ex", E_ex[i]);
        double ein = s.d("E_in", E_in[i]);
        double cm = s.d("C_m", C_m[i]);
        double gl = s.d("g_L", g_L[i]);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double ie = s.d("I_e", I_e[i]);
        if (vr >= vth) throw badProperty("Reset potential must be smaller than threshold.");
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (te <= 0 || ti <= 0) throw badProperty("All time constants must be strictly positive.");
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double gex = s.d("g_ex", yi[G_EXC]);
        double gin = s.d("g_in", yi[G_INH]);
        setArchiving(i, s);
        V_th[i] = vth; V_reset[i] = vr; t_ref[i] = tr; E_L[i] = el; E_ex[i] = eex; E_in[i] = ein;
        C_m[i] = cm; g_L[i] = gl; tau_synE[i] = te; tau_synI[i] = ti; I_e[i] = ie;
        yi[V_M] = v; yi[G_EXC] = gex; yi[G_INH] = gin;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : Math.min(yy[V_M], V_th[i]);
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iL = g_L[i] * (V - E_L[i]);
        f[0] = refr ? 0.0 : (-iL + iStim[i] + I_e[i] - iSynExc - iSynInh) / C_m[i];
        f[1] = -yy[G_EXC] / tau_synE[i];
        f[2] = -yy[G_INH] / tau_synI[i];
    }

    @Override
    public void calibrate() {
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Solver sv = solver();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                integrate(sv, i, h);
                yi[G_EXC] += take(EX, step, i);
                yi[G_INH] += take(IN, step, i);
                if (r[i] > 0) {
                    --r[i];
                    yi[V_M] = V_reset[i];
                } else if (yi[V_M] >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    yi[V_M] = V_reset[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight > 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
