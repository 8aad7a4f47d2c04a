package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_cond_exp_sfa_rr — conductance-based leaky integrate-and-fire neuron with spike-frequency adaptation
 * and relative refractory mechanisms (NEST 3.9 models/iaf_cond_exp_sfa_rr.{h,cpp}; doc:
 * models/iaf_cond_exp_sfa_rr.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) - g_sfa (V - E_sfa) - g_rr (V - E_rr)
 *               + I_stim + I_e
 *   dg_X/dt = -g_X / tau_X   (X = syn_ex, syn_in, sfa, rr)
 *   (in the right-hand side V = min(V, V_th); while refractory V = V_reset and dV/dt = 0)
 *   spike: V = V_reset, g_sfa += q_sfa, g_rr += q_rr; a spike of weight w adds |w| to g_ex / g_in
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then refractory
 * clamp or threshold check, then the new stimulus current.
 */
public final class IafCondExpSfaRr extends GslNeuronBlock {
    static final int V_M = 0, G_EXC = 1, G_INH = 2, G_SFA = 3, G_RR = 4;
    @PerNode public double[] V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L, tau_synE, tau_synI, I_e, tau_sfa,
            tau_rr, E_sfa, E_rr, q_sfa, q_rr;
    int[] refractoryCounts;

    public IafCondExpSfaRr(int n) {
        super(n, 5);
        V_th = fill(n, -57.0);
        V_reset = fill(n, -70.0);
        t_ref = fill(n, 0.5);
        g_L = fill(n, 28.95);
        C_m = fill(n, 289.5);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -75.0);
        E_L = fill(n, -70.0);
        tau_synE = fill(n, 1.5);
        tau_synI = fill(n, 10.0);
        I_e = fill(n, 0.0);
        tau_sfa = fill(n, 110.0);
        tau_rr = fill(n, 1.97);
        E_sfa = fill(n, -70.0);
        E_rr = fill(n, -70.0);
        q_sfa = fill(n, 14.48);
        q_rr = fill(n, 3214.0);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    @Override
    public IafCondExpSfaRr make(int n) {
        return new IafCondExpSfaRr(n);
    }

    private static final String[] RECORDABLES = {"g_ex", "g_in", "g_rr", "g_sfa", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][G_EXC];
            case 1: return y[i][G_INH];
            case 2: return y[i][G_RR];
            case 3: return y[i][G_SFA];
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
        d.put("tau_sfa", tau_sfa[i]);
        d.put("tau_rr", tau_rr[i]);
        d.put("E_sfa", E_sfa[i]);
        d.put("E_rr", E_rr[i]);
        d.put("q_sfa", q_sfa[i]);
        d.put("q_rr", q_rr[i]);
        d.put("V_m", y[i][V_M]);
        d.put("g_ex", y[i][G_EXC]);
        d.put("g_in", y[i][G_INH]);
        d.put("g_sfa", y[i][G_SFA]);
        d.put("g_rr", y[i][G_RR]);
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
        double esfa = s.d("E_sfa", E_sfa[i]);
        double err = s.d("E_rr", E_rr[i]);
        double qsfa = s.d("q_sfa", q_sfa[i]);
        double qrr = s.d("q_rr", q_rr[i]);
        double tsfa = s.d("tau_sfa", tau_sfa[i]);
        double trr = s.d("tau_rr", tau_rr[i]);
        if (vr >= vth) throw badProperty("Reset potential must be smaller than threshold.");
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (te <= 0 || ti <= 0 || tsfa <= 0 || trr <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double gex = s.d("g_ex", yi[G_EXC]);
        double gin = s.d("g_in", yi[G_INH]);
        double gsfa = s.d("g_sfa", yi[G_SFA]);
        double grr = s.d("g_rr", yi[G_RR]);
        setArchiving(i, s);
        V_th[i] = vth; V_reset[i] = vr; t_ref[i] = tr; E_L[i] = el; E_ex[i] = eex; E_in[i] = ein;
        C_m[i] = cm; g_L[i] = gl; tau_synE[i] = te; tau_synI[i] = ti; I_e[i] = ie;
        E_sfa[i] = esfa; E_rr[i] = err; q_sfa[i] = qsfa; q_rr[i] = qrr; tau_sfa[i] = tsfa; tau_rr[i] = trr;
        yi[V_M] = v; yi[G_EXC] = gex; yi[G_INH] = gin; yi[G_SFA] = gsfa; yi[G_RR] = grr;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : Math.min(yy[V_M], V_th[i]);
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iL = g_L[i] * (V - E_L[i]);
        final double iSfa = yy[G_SFA] * (V - E_sfa[i]);
        final double iRr = yy[G_RR] * (V - E_rr[i]);
        f[V_M] = refr ? 0.0 : (-iL + iStim[i] + I_e[i] - iSynExc - iSynInh - iSfa - iRr) / C_m[i];
        f[G_EXC] = -yy[G_EXC] / tau_synE[i];
        f[G_INH] = -yy[G_INH] / tau_synI[i];
        f[G_SFA] = -yy[G_SFA] / tau_sfa[i];
        f[G_RR] = -yy[G_RR] / tau_rr[i];
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
                    yi[G_SFA] += q_sfa[i];
                    yi[G_RR] += q_rr[i];
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
