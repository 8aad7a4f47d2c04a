package org.nestj.engine.models;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * iaf_cond_beta — leaky integrate-and-fire neuron with beta-shaped synaptic conductances
 * (NEST 3.9 models/iaf_cond_beta.{h,cpp}; doc: models/iaf_cond_beta.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
 *   d dg_X/dt = -dg_X / tau_decay_X,   dg_X/dt = dg_X - g_X / tau_rise_X
 *   (in the right-hand side V = min(V, V_th); while refractory V = V_reset and dV/dt = 0)
 *   a spike of weight w adds |w| * beta_normalization_factor(tau_rise_X, tau_decay_X) to dg_X
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: refractory clamp or threshold
 * check, then spike input, then the new stimulus current (parameters, status, stepping and input in
 * {@link IafCondBase}).
 */
public final class IafCondBeta extends IafCondBase {
    static final int DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4;
    /** iaf_cond_alpha's state layout and recordables, with a rise and a decay time per synapse type. */
    private static final Layout LAYOUT =
            IafCondAlpha.LAYOUT.withTimeConstants("tau_rise_ex", "tau_decay_ex", "tau_rise_in", "tau_decay_in");
    @PerNode public double[] tau_rise_ex, tau_decay_ex, tau_rise_in, tau_decay_in;

    public IafCondBeta(int n) {
        // V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L; tau_rise_ex, tau_decay_ex, tau_rise_in, tau_decay_in
        super(n, LAYOUT, -55.0, -60.0, 2.0, 16.6667, 250.0, 0.0, -85.0, -70.0, 0.2, 0.2, 2.0, 2.0);
        tau_rise_ex = tau[0];
        tau_decay_ex = tau[1];
        tau_rise_in = tau[2];
        tau_decay_in = tau[3];
    }

    @Override
    public IafCondBeta make(int n) {
        return new IafCondBeta(n);
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : Math.min(yy[V_M], V_th[i]);
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iLeak = g_L[i] * (V - E_L[i]);
        f[0] = refr ? 0.0 : (-iLeak - iSynExc - iSynInh + iStim[i] + I_e[i]) / C_m[i];
        f[1] = -yy[DG_EXC] / tau_decay_ex[i];
        f[2] = yy[DG_EXC] - (yy[G_EXC] / tau_rise_ex[i]);
        f[3] = -yy[DG_INH] / tau_decay_in[i];
        f[4] = yy[DG_INH] - (yy[G_INH] / tau_rise_in[i]);
    }

    /** NEST's beta_normalization_factor (libnestutil/beta_normalization_factor.h): peak conductance 1 nS. */
    static double betaNormalizationFactor(double tauRise, double tauDecay) {
        final double eps = Math.ulp(1.0);
        final double diff = tauDecay - tauRise;
        double peak = 0;
        if (Math.abs(diff) > eps) {
            final double tPeak = tauDecay * tauRise * GlibcLog.log(tauDecay / tauRise) / diff;
            peak = GlibcMath.exp(-tPeak / tauDecay) - GlibcMath.exp(-tPeak / tauRise);
        }
        if (Math.abs(peak) < eps) return Math.E / tauDecay;
        return (1. / tauRise - 1. / tauDecay) / peak;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (psInitE == null) {
            psInitE = new double[n];
            psInitI = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psInitE[i] = betaNormalizationFactor(tau_rise_ex[i], tau_decay_ex[i]);
            psInitI[i] = betaNormalizationFactor(tau_rise_in[i], tau_decay_in[i]);
        }
    }
}
