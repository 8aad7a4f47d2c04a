package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
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
 * clamp or threshold check, then the new stimulus current (parameters, status, stepping and input in
 * {@link IafCondBase}).
 */
public final class IafCondExpSfaRr extends IafCondBase {
    static final int G_EXC = 1, G_INH = 2, G_SFA = 3, G_RR = 4;
    private static final Layout LAYOUT = new Layout(5, G_EXC, G_INH,
            new String[] {"V_m", "g_ex", "g_in", "g_sfa", "g_rr"}, new int[] {V_M, G_EXC, G_INH, G_SFA, G_RR},
            new String[] {"g_ex", "g_in", "g_rr", "g_sfa", "V_m"}, new int[] {G_EXC, G_INH, G_RR, G_SFA, V_M},
            "tau_syn_ex", "tau_syn_in");
    @PerNode public double[] tau_synE, tau_synI, tau_sfa, tau_rr, E_sfa, E_rr, q_sfa, q_rr;

    public IafCondExpSfaRr(int n) {
        // V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L; tau_syn_ex, tau_syn_in
        super(n, LAYOUT, -57.0, -70.0, 0.5, 28.95, 289.5, 0.0, -75.0, -70.0, 1.5, 10.0);
        tau_synE = tau[0];
        tau_synI = tau[1];
        tau_sfa = fill(n, 110.0);
        tau_rr = fill(n, 1.97);
        E_sfa = fill(n, -70.0);
        E_rr = fill(n, -70.0);
        q_sfa = fill(n, 14.48);
        q_rr = fill(n, 3214.0);
    }

    @Override
    public IafCondExpSfaRr make(int n) {
        return new IafCondExpSfaRr(n);
    }

    @Override
    void putOwnParameters(int i, Map<String, Object> d) {
        d.put("tau_sfa", tau_sfa[i]);
        d.put("tau_rr", tau_rr[i]);
        d.put("E_sfa", E_sfa[i]);
        d.put("E_rr", E_rr[i]);
        d.put("q_sfa", q_sfa[i]);
        d.put("q_rr", q_rr[i]);
    }

    /** E_sfa, E_rr, q_sfa, q_rr, tau_sfa, tau_rr (NEST's set order). */
    @Override
    double[] readOwnParameters(int i, Status s) {
        return new double[] {s.d("E_sfa", E_sfa[i]), s.d("E_rr", E_rr[i]), s.d("q_sfa", q_sfa[i]),
            s.d("q_rr", q_rr[i]), s.d("tau_sfa", tau_sfa[i]), s.d("tau_rr", tau_rr[i])};
    }

    @Override
    boolean badOwnTimeConstant(double[] p) {
        return p[4] <= 0 || p[5] <= 0;
    }

    @Override
    void setOwnParameters(int i, double[] p) {
        E_sfa[i] = p[0]; E_rr[i] = p[1]; q_sfa[i] = p[2]; q_rr[i] = p[3]; tau_sfa[i] = p[4]; tau_rr[i] = p[5];
    }

    @Override
    void onSpike(int i, double[] yi) {
        yi[G_SFA] += q_sfa[i];
        yi[G_RR] += q_rr[i];
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
}
