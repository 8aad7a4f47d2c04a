package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_alpha — current-based adaptive exponential integrate-and-fire neuron with alpha-shaped postsynaptic
 * currents (NEST 3.9 models/aeif_psc_alpha.{h,cpp}; doc: models/aeif_psc_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn_ex - I_syn_in - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dI_X'/dt = -dI_X/tau_syn_X,  dI_X/dt = dI_X' - I_X/tau_syn_X   (X = ex, in)
 *   spike of weight w: dI_ex += w e/tau_syn_ex (w > 0), dI_in += -w e/tau_syn_in (w <= 0)
 * </pre>
 * State vector (V_m, dI_ex, I_ex, dI_in, I_in, w); synapses, input and status in {@link AeifExInBase}; stepping,
 * spike and reset handling in {@link AeifBase}.
 */
public final class AeifPscAlpha extends AeifExInBase {
    static final int DI_EXC = 1, I_EXC = 2, DI_INH = 3, I_INH = 4, W_ = 5;

    public AeifPscAlpha(int n) {
        super(n, W_, I_EXC, I_INH, DI_EXC, DI_INH, "I_syn_ex", "I_syn_in");
    }

    @Override
    public AeifPscAlpha make(int n) {
        return new AeifPscAlpha(n);
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double dIEx = yy[DI_EXC], iEx = yy[I_EXC], dIIn = yy[DI_INH], iIn = yy[I_INH], w = yy[W_];
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike + iEx - iIn - w + I_e[i] + iStim[i]) / C_m[i];
        f[DI_EXC] = -dIEx / tau_syn_ex[i];
        f[I_EXC] = dIEx - iEx / tau_syn_ex[i];
        f[DI_INH] = -dIIn / tau_syn_in[i];
        f[I_INH] = dIIn - iIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    @Override
    void checkParameters(P p) {
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Capacitance must be strictly positive.");
        p.checkTref();
    }
}
