package org.nestj.engine.models;

import org.nestj.engine.kernel.PerNode;

/**
 * iaf_cond_alpha — leaky integrate-and-fire neuron with alpha-shaped synaptic conductances
 * (NEST 3.9 models/iaf_cond_alpha.{h,cpp}; doc: models/iaf_cond_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
 *   dg_X'/dt = -dg_X / tau_syn_X,   g_X' = dg_X - g_X / tau_syn_X
 *   (in the right-hand side V = min(V, V_th); while refractory V = V_reset and dV/dt = 0)
 *   a spike of weight w adds |w| e / tau_syn_X to dg_X (X = ex for w > 0, in otherwise)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: refractory clamp or threshold
 * check (V >= V_th: spike, V = V_reset, refractory for t_ref), then spike input, then the new stimulus current
 * (parameters, status, stepping and input in {@link IafCondBase}).
 */
public final class IafCondAlpha extends IafCondBase {
    static final int DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4;
    /** State layout (also iaf_cond_beta's): V_m, then (dg, g) of the excitatory and of the inhibitory synapse. */
    static final Layout LAYOUT = new Layout(5, DG_EXC, DG_INH,
            new String[] {"V_m", "g_ex", "dg_ex", "g_in", "dg_in"}, new int[] {V_M, G_EXC, DG_EXC, G_INH, DG_INH},
            new String[] {"g_ex", "g_in", "t_ref_remaining", "V_m"}, new int[] {G_EXC, G_INH, T_REF_REMAINING, V_M},
            "tau_syn_ex", "tau_syn_in");
    @PerNode public double[] tau_synE, tau_synI;

    public IafCondAlpha(int n) {
        // V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L; tau_syn_ex, tau_syn_in
        super(n, LAYOUT, -55.0, -60.0, 2.0, 16.6667, 250.0, 0.0, -85.0, -70.0, 0.2, 2.0);
        tau_synE = tau[0];
        tau_synI = tau[1];
    }

    @Override
    public IafCondAlpha make(int n) {
        return new IafCondAlpha(n);
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : Math.min(yy[V_M], V_th[i]);
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iLeak = g_L[i] * (V - E_L[i]);
        f[0] = refr ? 0.0 : (-iLeak - iSynExc - iSynInh + iStim[i] + I_e[i]) / C_m[i];
        final double te = tau_synE[i], ti = tau_synI[i];
        f[1] = -yy[DG_EXC] / te;
        f[2] = yy[DG_EXC] - (yy[G_EXC] / te);
        f[3] = -yy[DG_INH] / ti;
        f[4] = yy[DG_INH] - (yy[G_INH] / ti);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (psInitE == null) {
            psInitE = new double[n];
            psInitI = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psInitE[i] = 1.0 * Math.E / tau_synE[i];
            psInitI[i] = 1.0 * Math.E / tau_synI[i];
        }
    }
}
