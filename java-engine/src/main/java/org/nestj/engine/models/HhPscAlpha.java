package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * hh_psc_alpha — Hodgkin-Huxley neuron with alpha-shaped postsynaptic currents
 * (NEST 3.9 models/hh_psc_alpha.{h,cpp}; doc: models/hh_psc_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -(g_Na m³h (V - E_Na) + g_K n⁴ (V - E_K) + g_L (V - E_L)) + I_stim + I_e + I_syn_ex + I_syn_in
 *   dx/dt = alpha_x(V) (1 - x) - beta_x(V) x   (x = m, h, n; Hodgkin-Huxley rates)
 *   dI_X'/dt = -dI_X / tau_syn_X,   dI_X/dt = dI_X - I_X / tau_syn_X
 *   a spike of weight w adds w e / tau_syn_X to dI_X (X = ex for w > 0, in otherwise; sign kept)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then spike detection
 * (not refractory, V >= 0 and V fell during the step: spike, refractory for t_ref, no reset), then the record,
 * then the new stimulus current. Synaptic currents, step and spike check shared with hh_psc_alpha_gap:
 * {@link HhPscAlphaBase}, {@link HhNeuronBlock}.
 */
public class HhPscAlpha extends HhPscAlphaBase {
    static final int DI_EXC = 4, I_EXC = 5, DI_INH = 6, I_INH = 7;
    @PerNode public double[] g_K;

    public HhPscAlpha(int n) {
        this(n, 8);
    }

    HhPscAlpha(int n, int dim) {
        super(n, dim, false, DI_EXC);
        g_Na = fill(n, 12000.0);
        g_K = fill(n, 3600.0);
        g_L = fill(n, 30.0);
        C_m = fill(n, 100.0);
        E_Na = fill(n, 50.0);
        E_K = fill(n, -77.0);
        E_L = fill(n, -54.402);
        tau_synE = fill(n, 0.2);
        tau_synI = fill(n, 2.0);
        for (int i = 0; i < n; i++) initGates(y[i], -65.0);
    }

    /** State_(): V = v0, the gating variables at their steady state for v0, all else 0. */
    static void initGates(double[] s, double v0) {
        s[V_M] = v0;
        final double alphaN = (0.01 * (v0 + 55.)) / (1. - GlibcMath.exp(-(v0 + 55.) / 10.));
        final double betaN = 0.125 * GlibcMath.exp(-(v0 + 65.) / 80.);
        final double alphaM = (0.1 * (v0 + 40.)) / (1. - GlibcMath.exp(-(v0 + 40.) / 10.));
        final double betaM = 4. * GlibcMath.exp(-(v0 + 65.) / 18.);
        final double alphaH = 0.07 * GlibcMath.exp(-(v0 + 65.) / 20.);
        final double betaH = 1. / (1. + GlibcMath.exp(-(v0 + 35.) / 10.));
        s[HH_H] = alphaH / (alphaH + betaH);
        s[HH_N] = alphaN / (alphaN + betaN);
        s[HH_M] = alphaM / (alphaM + betaM);
    }

    @Override
    public HhPscAlpha make(int n) {
        return new HhPscAlpha(n);
    }

    private static final String[] RECORDABLES = {"Act_m", "Act_n", "I_syn_ex", "I_syn_in", "Inact_h", "V_m"};

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
            default: return y[i][V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("t_ref", t_ref[i]);
        d.put("g_Na", g_Na[i]);
        d.put("g_K", g_K[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", C_m[i]);
        d.put("E_Na", E_Na[i]);
        d.put("E_K", E_K[i]);
        d.put("E_L", E_L[i]);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("I_e", I_e[i]);
        putGates(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double tr = s.d("t_ref", t_ref[i]);
        double cm = s.d("C_m", C_m[i]);
        double gna = s.d("g_Na", g_Na[i]);
        double ena = s.d("E_Na", E_Na[i]);
        double gk = s.d("g_K", g_K[i]);
        double ek = s.d("E_K", E_K[i]);
        double gl = s.d("g_L", g_L[i]);
        double el = s.d("E_L", E_L[i]);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double ie = s.d("I_e", I_e[i]);
        boolean extraTauOk = readExtraParams(i, s);
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (te <= 0 || ti <= 0 || !extraTauOk) throw badProperty("All time constants must be strictly positive.");
        if (gk < 0 || gna < 0 || gl < 0) throw badProperty("All conductances must be non-negative.");
        final double[] g = readGates(i, s);
        readExtraState(i, s);
        if (gatesNegative(g)) throw badProperty(NEGATIVE_GATES);
        setArchiving(i, s);
        readExtraArchiving(i, s);
        t_ref[i] = tr; C_m[i] = cm; g_Na[i] = gna; E_Na[i] = ena; g_K[i] = gk; E_K[i] = ek; g_L[i] = gl;
        E_L[i] = el; tau_synE[i] = te; tau_synI[i] = ti; I_e[i] = ie;
        setGates(i, g);
        commitExtra(i);
    }

    /** Hook for subclasses: reads further parameters; false if one of their time constants is invalid. */
    boolean readExtraParams(int i, Status s) {
        return true;
    }

    /** Hook for subclasses: reads further state variables (nothing is committed before {@link #commitExtra}). */
    void readExtraState(int i, Status s) {
    }

    /** Hook for subclasses: reads and validates further archiving-node keys. */
    void readExtraArchiving(int i, Status s) {
    }

    /** Hook for subclasses: commits what the read hooks read. */
    void commitExtra(int i) {
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double V = yy[V_M], m = yy[HH_M], h = yy[HH_H], n = yy[HH_N];
        final double Iex = yy[I_EXC], Iin = yy[I_INH];
        final double alphaN = (0.01 * (V + 55.)) / (1. - GlibcMath.exp(-(V + 55.) / 10.));
        final double betaN = 0.125 * GlibcMath.exp(-(V + 65.) / 80.);
        final double alphaM = (0.1 * (V + 40.)) / (1. - GlibcMath.exp(-(V + 40.) / 10.));
        final double betaM = 4. * GlibcMath.exp(-(V + 65.) / 18.);
        final double alphaH = 0.07 * GlibcMath.exp(-(V + 65.) / 20.);
        final double betaH = 1. / (1. + GlibcMath.exp(-(V + 35.) / 10.));
        final double iNa = g_Na[i] * m * m * m * h * (V - E_Na[i]);
        final double iK = g_K[i] * n * n * n * n * (V - E_K[i]);
        final double iL = g_L[i] * (V - E_L[i]);
        f[V_M] = (-(iNa + iK + iL) + iStim[i] + I_e[i] + Iex + Iin) / C_m[i];
        f[HH_M] = alphaM * (1 - m) - betaM * m;
        f[HH_H] = alphaH * (1 - h) - betaH * h;
        f[HH_N] = alphaN * (1 - n) - betaN * n;
        synapseDynamics(i, yy, f);
    }
}
