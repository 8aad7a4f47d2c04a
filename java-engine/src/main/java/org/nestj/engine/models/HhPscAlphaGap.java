package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.Rkf45;

/**
 * hh_psc_alpha_gap — Hodgkin-Huxley neuron with alpha-shaped postsynaptic currents and gap-junction
 * support (Mancilla et al. 2007 channels; NEST 3.9 models/hh_psc_alpha_gap.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/hh_psc_alpha_gap.html).
 *
 * <pre>
 *   C_m dV/dt = -(g_Na m³h (V - E_Na) + (g_Kv1 n⁴ + g_Kv3 p²) (V - E_K) + g_L (V - E_L))
 *               + I_stim + I_e + I_syn_ex + I_syn_in + I_gap
 *   dx/dt = alpha_x(V) (1 - x) - beta_x(V) x   (x = m, h, n, p)
 *     alpha_m = 40 (V - 75.5) / (1 - exp(-(V - 75.5) / 13.5)),  beta_m = 1.2262 / exp(V / 42.248)
 *     alpha_h = 0.0035 / exp(V / 24.186),  beta_h = 0.017 (51.25 + V) / (1 - exp(-(51.25 + V) / 5.2))
 *     alpha_p = (V - 95) / (1 - exp(-(V - 95) / 11.8)),  beta_p = 0.025 / exp(V / 22.222)
 *     alpha_n = 0.014 (V + 44) / (1 - exp(-(V + 44) / 2.3)),  beta_n = 0.0043 / exp((V + 44) / 34)
 *   dI_X'/dt = -dI_X / tau_syn_X,   dI_X/dt = dI_X - I_X / tau_syn_X
 *   a spike of weight w adds w e / tau_syn_X to dI_X (X = ex for w > 0, in otherwise)
 *   I_gap = sum_j g_ij (V_j(t) - V)   (V_j interpolated per step, see HhNeuronBlock)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-6, 0)); after each step: spike input, spike detection
 * (not refractory, V >= 0 and V fell during the step: spike, refractory for t_ref, no reset), the record,
 * the new stimulus current. Synaptic currents, step and spike check shared with hh_psc_alpha:
 * {@link HhPscAlphaBase}, {@link HhNeuronBlock}.
 */
public final class HhPscAlphaGap extends HhPscAlphaBase {
    static final int HH_P = 4, DI_EXC = 5, I_EXC = 6, DI_INH = 7, I_INH = 8;
    @PerNode public double[] g_Kv1, g_Kv3;

    public HhPscAlphaGap(int n) {
        super(n, 9, true, DI_EXC);
        g_Na = fill(n, 4500.0);
        g_Kv1 = fill(n, 9.0);
        g_Kv3 = fill(n, 9000.0);
        g_L = fill(n, 10.0);
        C_m = fill(n, 40.0);
        E_Na = fill(n, 74.0);
        E_K = fill(n, -90.0);
        E_L = fill(n, -70.0);
        tau_synE = fill(n, 0.2);
        tau_synI = fill(n, 2.0);
        for (int i = 0; i < n; i++) {
            final double[] s = y[i];
            final double v0 = -69.60401191631222;
            s[V_M] = v0;
            final double alphaM = 40. * (v0 - 75.5) / (1. - GlibcMath.exp(-(v0 - 75.5) / 13.5));
            final double betaM = 1.2262 / GlibcMath.exp(v0 / 42.248);
            final double alphaH = 0.0035 / GlibcMath.exp(v0 / 24.186);
            final double betaH = 0.017 * (51.25 + v0) / (1. - GlibcMath.exp(-(51.25 + v0) / 5.2));
            final double alphaP = (v0 - 95.) / (1. - GlibcMath.exp(-(v0 - 95.) / 11.8));
            final double betaP = 0.025 / GlibcMath.exp(v0 / 22.222);
            final double alphaN = 0.014 * (v0 + 44.) / (1. - GlibcMath.exp(-(v0 + 44.) / 2.3));
            final double betaN = 0.0043 / GlibcMath.exp((v0 + 44.) / 34.);
            s[HH_H] = alphaH / (alphaH + betaH);
            s[HH_N] = alphaN / (alphaN + betaN);
            s[HH_M] = alphaM / (alphaM + betaM);
            s[HH_P] = alphaP / (alphaP + betaP);
        }
    }

    @Override
    public HhPscAlphaGap make(int n) {
        return new HhPscAlphaGap(n);
    }

    @Override
    Rkf45 newStepper() {
        return Rkf45.controlY(dim, 1e-6, 0.0);
    }

    private static final String[] RECORDABLES = {"Act_m", "Act_n", "I_syn_ex", "I_syn_in", "Inact_h", "Inact_p", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][HH_M];
            case 1: return y[i][HH_N];
            case 2: return y[i][I_EXC];
            case 3: return y[i][I_INH];
            case 4: return y[i][HH_H];
            case 5: return y[i][HH_P];
            default: return y[i][V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("t_ref", t_ref[i]);
        d.put("g_Na", g_Na[i]);
        d.put("g_Kv1", g_Kv1[i]);
        d.put("g_Kv3", g_Kv3[i]);
        d.put("g_L", g_L[i]);
        d.put("E_Na", E_Na[i]);
        d.put("E_K", E_K[i]);
        d.put("E_L", E_L[i]);
        d.put("C_m", C_m[i]);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("I_e", I_e[i]);
        putGates(i, d);
        d.put("Inact_p", y[i][HH_P]);
        putGapArchiving(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double tr = s.d("t_ref", t_ref[i]);
        double cm = s.d("C_m", C_m[i]);
        double gna = s.d("g_Na", g_Na[i]);
        double ena = s.d("E_Na", E_Na[i]);
        double gk1 = s.d("g_Kv1", g_Kv1[i]);
        double gk3 = s.d("g_Kv3", g_Kv3[i]);
        double ek = s.d("E_K", E_K[i]);
        double gl = s.d("g_L", g_L[i]);
        double el = s.d("E_L", E_L[i]);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double ie = s.d("I_e", I_e[i]);
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (te <= 0 || ti <= 0) throw badProperty("All time constants must be strictly positive.");
        if (gk1 < 0 || gk3 < 0 || gna < 0 || gl < 0) throw badProperty("All conductances must be non-negative.");
        final double[] g = readGates(i, s);
        double p = s.d("Inact_p", y[i][HH_P]);
        if (gatesNegative(g) || p < 0) throw badProperty(NEGATIVE_GATES);
        setArchiving(i, s);
        t_ref[i] = tr; C_m[i] = cm; g_Na[i] = gna; E_Na[i] = ena; g_Kv1[i] = gk1; g_Kv3[i] = gk3; E_K[i] = ek;
        g_L[i] = gl; E_L[i] = el; tau_synE[i] = te; tau_synI[i] = ti; I_e[i] = ie;
        setGates(i, g);
        y[i][HH_P] = p;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        dynamics(i, 0.0, yy, f);
    }

    @Override
    void dynamics(int i, double time, double[] yy, double[] f) {
        final double V = yy[V_M], m = yy[HH_M], h = yy[HH_H], n = yy[HH_N], p = yy[HH_P];
        final double Iex = yy[I_EXC], Iin = yy[I_INH];
        final double alphaM = 40. * (V - 75.5) / (1. - GlibcMath.exp(-(V - 75.5) / 13.5));
        final double betaM = 1.2262 / GlibcMath.exp(V / 42.248);
        final double alphaH = 0.0035 / GlibcMath.exp(V / 24.186);
        final double betaH = 0.017 * (51.25 + V) / (1. - GlibcMath.exp(-(51.25 + V) / 5.2));
        final double alphaP = (V - 95.) / (1. - GlibcMath.exp(-(V - 95.) / 11.8));
        final double betaP = 0.025 / GlibcMath.exp(V / 22.222);
        final double alphaN = 0.014 * (V + 44.) / (1. - GlibcMath.exp(-(V + 44.) / 2.3));
        final double betaN = 0.0043 / GlibcMath.exp((V + 44.) / 34.);
        final double iNa = g_Na[i] * m * m * m * h * (V - E_Na[i]);
        final double iK = (g_Kv1[i] * n * n * n * n + g_Kv3[i] * p * p) * (V - E_K[i]);
        final double iL = g_L[i] * (V - E_L[i]);
        final double iGap = gapCurrent(i, time, V);
        f[V_M] = (-(iNa + iK + iL) + iStim[i] + I_e[i] + Iex + Iin + iGap) / C_m[i];
        f[HH_M] = alphaM * (1 - m) - betaM * m;
        f[HH_H] = alphaH * (1 - h) - betaH * h;
        f[HH_P] = alphaP * (1 - p) - betaP * p;
        f[HH_N] = alphaN * (1 - n) - betaN * n;
        synapseDynamics(i, yy, f);
    }
}
