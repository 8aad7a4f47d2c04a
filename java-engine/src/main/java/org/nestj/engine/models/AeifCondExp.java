package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_cond_exp — conductance-based adaptive exponential integrate-and-fire neuron with exponentially decaying
 * synaptic conductances (NEST 3.9 models/aeif_cond_exp.{h,cpp}; doc: models/aeif_cond_exp.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dg_X/dt = -g_X/tau_syn_X;  spike of weight w: g_ex += w (w > 0), g_in += -w (w <= 0)
 * </pre>
 * State vector (V_m, g_ex, g_in, w); synapses, input and status in {@link AeifExInBase} (reversal potentials:
 * {@link AeifCondExInBase}); stepping, spike and reset handling in {@link AeifBase}.
 */
public final class AeifCondExp extends AeifCondExInBase {
    static final int G_EXC = 1, G_INH = 2, W_ = 3;

    public AeifCondExp(int n) {
        super(n, W_, G_EXC, G_INH, -1, -1);
    }

    @Override
    public AeifCondExp make(int n) {
        return new AeifCondExp(n);
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double gEx = yy[G_EXC], gIn = yy[G_INH], w = yy[W_];
        final double iSynExc = gEx * (V - E_ex[i]);
        final double iSynInh = gIn * (V - E_in[i]);
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike - iSynExc - iSynInh - w + I_e[i] + iStim[i]) / C_m[i];
        f[G_EXC] = -gEx / tau_syn_ex[i];
        f[G_INH] = -gIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    @Override
    void checkParameters(P p) {
        p.checkPeakAboveTh();
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkResetBelowPeak("Ensure that: V_reset < V_peak .");
        p.checkCm("Ensure that C_m >0");
        p.checkTref();
    }
}
