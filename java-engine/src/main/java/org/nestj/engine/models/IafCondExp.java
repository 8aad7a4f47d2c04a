package org.nestj.engine.models;

import org.nestj.engine.kernel.PerNode;

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
 * clamp or threshold check, then the new stimulus current (parameters, status, stepping and input in
 * {@link IafCondBase}).
 */
public final class IafCondExp extends IafCondBase {
    static final int G_EXC = 1, G_INH = 2;
    private static final Layout LAYOUT = new Layout(3, G_EXC, G_INH,
            new String[] {"V_m", "g_ex", "g_in"}, new int[] {V_M, G_EXC, G_INH},
            new String[] {"g_ex", "g_in", "V_m"}, new int[] {G_EXC, G_INH, V_M}, "tau_syn_ex", "tau_syn_in");
    @PerNode public double[] tau_synE, tau_synI;

    public IafCondExp(int n) {
        // V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L; tau_syn_ex, tau_syn_in
        super(n, LAYOUT, -55.0, -60.0, 2.0, 16.6667, 250.0, 0.0, -85.0, -70.0, 0.2, 2.0);
        tau_synE = tau[0];
        tau_synI = tau[1];
    }

    @Override
    public IafCondExp make(int n) {
        return new IafCondExp(n);
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
}
