package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_exp — current-based adaptive exponential integrate-and-fire neuron with exponentially decaying
 * postsynaptic currents (NEST 3.9 models/aeif_psc_exp.{h,cpp}; doc: models/aeif_psc_exp.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn_ex - I_syn_in - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dI_X/dt = -I_X/tau_syn_X;  spike of weight w: I_ex += w (w > 0), I_in += -w (w <= 0)
 * </pre>
 * State vector (V_m, I_ex, I_in, w); synapses, input and status in {@link AeifExInBase}; stepping, spike and reset
 * handling in {@link AeifBase}.
 */
public final class AeifPscExp extends AeifExInBase {
    static final int I_EXC = 1, I_INH = 2, W_ = 3;

    public AeifPscExp(int n) {
        super(n, W_, I_EXC, I_INH, -1, -1, "I_syn_ex", "I_syn_in");
    }

    @Override
    public AeifPscExp make(int n) {
        return new AeifPscExp(n);
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double iEx = yy[I_EXC], iIn = yy[I_INH], w = yy[W_];
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike + iEx - iIn - w + I_e[i] + iStim[i]) / C_m[i];
        f[I_EXC] = -iEx / tau_syn_ex[i];
        f[I_INH] = -iIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    @Override
    void checkParameters(P p) {
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Ensure that C_m > 0");
        p.checkTref();
    }
}
