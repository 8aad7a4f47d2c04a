package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_cond_alpha — conductance-based adaptive exponential integrate-and-fire neuron with alpha-shaped synaptic
 * conductances (NEST 3.9 models/aeif_cond_alpha.{h,cpp}; doc: models/aeif_cond_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dg_X'/dt = -dg_X/tau_syn_X,  dg_X/dt = dg_X' - g_X/tau_syn_X   (X = ex, in)
 *   spike of weight w: dg_ex' += w e/tau_syn_ex (w > 0), dg_in' += -w e/tau_syn_in (w <= 0)
 * </pre>
 * State vector (V_m, dg_ex, g_ex, dg_in, g_in, w); synapses, input and status in {@link AeifExInBase} (reversal
 * potentials: {@link AeifCondExInBase}); stepping, spike and reset handling in {@link AeifBase}.
 */
public class AeifCondAlpha extends AeifCondExInBase {
    static final int DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4, W_ = 5;

    public AeifCondAlpha(int n) {
        super(n, W_, G_EXC, G_INH, DG_EXC, DG_INH);
    }

    @Override
    public AeifCondAlpha make(int n) {
        return new AeifCondAlpha(n);
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double dgEx = yy[DG_EXC], gEx = yy[G_EXC], dgIn = yy[DG_INH], gIn = yy[G_INH], w = yy[W_];
        final double iSynExc = gEx * (V - E_ex[i]);
        final double iSynInh = gIn * (V - E_in[i]);
        final double dT = Delta_T[i], gl = g_L[i];
        final double iSpike = dT == 0.0 ? 0.0 : (gl * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : vDot(i, V, iSpike, iSynExc, iSynInh, w);
        f[DG_EXC] = -dgEx / tau_syn_ex[i];
        f[G_EXC] = dgEx - gEx / tau_syn_ex[i];
        f[DG_INH] = -dgIn / tau_syn_in[i];
        f[G_INH] = dgIn - gIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    /** dV/dt of aeif_cond_alpha (aeif_cond_alpha_astro adds I_SIC after I_stim). */
    protected double vDot(int i, double V, double iSpike, double iSynExc, double iSynInh, double w) {
        return (-g_L[i] * (V - E_L[i]) + iSpike - iSynExc - iSynInh - w + I_e[i] + iStim[i]) / C_m[i];
    }

    @Override
    void checkParameters(P p) {
        p.checkResetBelowPeak("Ensure that: V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Capacitance must be strictly positive.");
        p.checkTref();
    }
}
