package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GslSolverFailure;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;

/**
 * ht_neuron — neuron model after Hill &amp; Tononi (2005), J Neurophysiol 93:1671-1698
 * (NEST 3.9 models/ht_neuron.{h,cpp}; doc: https://nest-simulator.readthedocs.io/en/v3.9/models/ht_neuron.html).
 *
 * <pre>
 *   dV/dt     = (I_Na + I_K + I_syn + I_NaP + I_KNa + I_T + I_h + I_stim) / tau_m + I_spike
 *   dtheta/dt = -(theta - theta_eq) / tau_theta
 *   leaks:      I_Na = -g_NaL (V - E_Na),  I_K = -g_KL (V - E_K)
 *   I_spike   = -(V - E_K) / tau_spike while refractory (ref_steps > 0), else 0
 *   synapses X = AMPA, NMDA, GABA_A, GABA_B (beta functions):
 *     d(dg_X)/dt = -dg_X / tau_rise_X,   dg_X/dt = dg_X - g_X / tau_decay_X
 *     a spike of weight w on port X adds w g_peak_X beta_normalization_factor(tau_rise_X, tau_decay_X) to dg_X
 *   I_syn = -g_AMPA (V - E_AMPA) - g_NMDA m_NMDA (V - E_NMDA) - g_GABA_A (V - E_GABA_A) - g_GABA_B (V - E_GABA_B)
 *   NMDA unblock: m_eq(V) = 1 / (1 + exp(-S_act_NMDA (V - V_act_NMDA)))
 *     instant_unblock_NMDA: m_NMDA = m_eq(V); otherwise m_NMDA = A1(V) m_fast + (1 - A1(V)) m_slow, A1 = 0.51 - 0.0028 V,
 *     dm_fast/dt = (m_eq - m_fast) / tau_Mg_fast_NMDA, dm_slow/dt = (m_eq - m_slow) / tau_Mg_slow_NMDA,
 *     where m_fast, m_slow enter the right-hand side as min(m_eq(V), m_*) (blocking is instantaneous)
 *   I_NaP = -g_peak_NaP m_inf^N_NaP (V - E_rev_NaP),   m_inf = 1 / (1 + exp(-(V + 55.7) / 7.7))
 *   I_KNa = -g_peak_KNa / (1 + (0.25 / D)^3.5) (V - E_rev_KNa),
 *     dD/dt = (tau_D_KNa 0.025 / (1 + exp(-(V + 10) / 5)) + 0.001 - D) / tau_D_KNa
 *   I_T   = -g_peak_T m_T^N_T h_T (V - E_rev_T),
 *     m_T' = (1 / (1 + exp(-(V + 59) / 6.2)) - m_T) / tau_m_T,  h_T' = (1 / (1 + exp((V + 83) / 4)) - h_T) / tau_h_T,
 *     tau_m_T = 0.22 / (exp(-(V + 132) / 16.7) + exp((V + 16.8) / 18.2)) + 0.13,
 *     tau_h_T = 8.2 + (56.6 + 0.27 exp((V + 115.2) / 5)) / (1 + exp((V + 86) / 3.2))
 *   I_h   = -g_peak_h m_h (V - E_rev_h),  m_h' = (1 / (1 + exp((V + 75) / 5.5)) - m_h) / tau_m_h,
 *     tau_m_h = 1 / (exp(-14.59 - 0.086 V) + exp(-1.87 + 0.0701 V))
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)). After every accepted GSL step inside a simulation step
 * (as NEST's update does): voltage clamp (V = V at the start of the run) if requested, m_fast/m_slow clipped to
 * m_eq(V), and if not refractory and V &gt;= theta: spike, V = theta = E_Na, refractory (I_spike active) for
 * t_ref + 1 steps counted from now. After the step: refractory count down, spike input into dg_X, the record,
 * the new stimulus current. The recorded I_NaP, I_KNa, I_T, I_h are those of the last right-hand-side call.
 * Spike receptors 1..4 (AMPA, NMDA, GABA_A, GABA_B); current input on port 0.
 */
public final class HtNeuron extends GslNeuronBlock {
    // state vector (NEST's State_::StateVecElems_)
    static final int V_M = 0, THETA = 1, DG_AMPA = 2, G_AMPA = 3, DG_NMDA = 4, G_NMDA = 5, DG_GABA_A = 6,
            G_GABA_A = 7, DG_GABA_B = 8, G_GABA_B = 9, M_FAST_NMDA = 10, M_SLOW_NMDA = 11, M_IH = 12, D_IKNA = 13,
            M_IT = 14, H_IT = 15, DIM = 16;
    /** Receptor ports; spikes of port p go to ring-buffer channel p - 1, currents to channel CH_CUR. */
    static final int AMPA = 1, NMDA = 2, GABA_A = 3, GABA_B = 4, CH_CUR = 4;

    /** Double parameters in NEST's Parameters_::get order (the booleans are kept separately). */
    static final String[] KEYS = {"E_Na", "E_K", "g_NaL", "g_KL", "tau_m", "theta_eq", "tau_theta", "t_ref",
        "tau_spike", "g_peak_AMPA", "tau_rise_AMPA", "tau_decay_AMPA", "E_rev_AMPA", "g_peak_NMDA", "tau_rise_NMDA",
        "tau_decay_NMDA", "E_rev_NMDA", "V_act_NMDA", "S_act_NMDA", "tau_Mg_slow_NMDA", "tau_Mg_fast_NMDA",
        "g_peak_GABA_A", "tau_rise_GABA_A", "tau_decay_GABA_A", "E_rev_GABA_A", "g_peak_GABA_B", "tau_rise_GABA_B",
        "tau_decay_GABA_B", "E_rev_GABA_B", "g_peak_NaP", "E_rev_NaP", "N_NaP", "g_peak_KNa", "E_rev_KNa",
        "tau_D_KNa", "g_peak_T", "E_rev_T", "N_T", "g_peak_h", "E_rev_h"};
    static final double[] DEFAULTS = {30.0, -90.0, 0.2, 1.0, 16.0, -51.0, 2.0, 2.0,
        1.75, 0.1, 0.5, 2.4, 0.0, 0.075, 4.0,
        40.0, 0.0, -25.57, 0.081, 22.7, 0.68,
        0.33, 1.0, 7.0, -70.0, 0.0132, 60.0,
        200.0, -90.0, 1.0, 30.0, 3.0, 1.0, -90.0,
        1250.0, 1.0, 0.0, 2.0, 1.0, -40.0};
    static final int E_NA = 0, E_K = 1, G_NAL = 2, G_KL = 3, TAU_M = 4, THETA_EQ = 5, TAU_THETA = 6, T_REF = 7,
            TAU_SPIKE = 8, GP_AMPA = 9, TR_AMPA = 10, TD_AMPA = 11, E_AMPA = 12, GP_NMDA = 13, TR_NMDA = 14,
            TD_NMDA = 15, E_NMDA = 16, V_ACT_NMDA = 17, S_ACT_NMDA = 18, TAU_MG_SLOW = 19, TAU_MG_FAST = 20,
            GP_GABA_A = 21, TR_GABA_A = 22, TD_GABA_A = 23, E_GABA_A = 24, GP_GABA_B = 25, TR_GABA_B = 26,
            TD_GABA_B = 27, E_GABA_B = 28, GP_NAP = 29, E_NAP = 30, N_NAP = 31, GP_KNA = 32, E_KNA = 33,
            TAU_D_KNA = 34, GP_T = 35, E_T = 36, N_T = 37, GP_H = 38, E_H = 39;

    /** per node: the double parameters (indices above), the two switches, the intrinsic currents of the last rhs call */
    @PerNode public double[][] p;
    @PerNode public boolean[] instant_unblock_NMDA, voltage_clamp;
    @PerNode public double[] iNaP, iKNa, iT, iH;
    /** pre_run_hook variables: conductance steps per receptor, refractory steps, clamp voltage */
    double[][] condSteps;
    int[] refractoryCounts;
    double[] vClamp;
    private final ThreadLocal<Ctx> ctxs = ThreadLocal.withInitial(Ctx::new);

    public HtNeuron(int n) {
        super(n, DIM);
        p = new double[n][];
        instant_unblock_NMDA = fillB(n, false);
        voltage_clamp = fillB(n, false);
        iNaP = fill(n, 0.0);
        iKNa = fill(n, 0.0);
        iT = fill(n, 0.0);
        iH = fill(n, 0.0);
        for (int i = 0; i < n; i++) {
            p[i] = DEFAULTS.clone();
            initState(i);
        }
    }

    /** State_(node, p): V at the leak equilibrium, theta = theta_eq, gates at equilibrium, synapses 0. */
    private void initState(int i) {
        final double[] q = p[i], s = y[i];
        s[V_M] = (q[G_NAL] * q[E_NA] + q[G_KL] * q[E_K]) / (q[G_NAL] + q[G_KL]);
        s[THETA] = q[THETA_EQ];
        for (int k = 2; k < DIM; k++) s[k] = 0.0;
        equilibrate(q, s);
    }

    /** Sets the NMDA unblock, I_h, I_KNa and I_T gating variables to their equilibria at s[V_M]. */
    private static void equilibrate(double[] q, double[] s) {
        final double v = s[V_M];
        s[M_FAST_NMDA] = mEqNmda(q, v);
        s[M_SLOW_NMDA] = mEqNmda(q, v);
        s[M_IH] = mEqH(v);
        s[D_IKNA] = dEqKNa(q, v);
        s[M_IT] = mEqT(v);
        s[H_IT] = hEqT(v);
    }

    static double mEqH(double v) {
        return 1.0 / (1.0 + GlibcMath.exp((v - -75.0) / 5.5));
    }

    static double hEqT(double v) {
        return 1.0 / (1.0 + GlibcMath.exp((v + 83.0) / 4));
    }

    static double mEqT(double v) {
        return 1.0 / (1.0 + GlibcMath.exp(-(v + 59.0) / 6.2));
    }

    static double dEqKNa(double[] q, double v) {
        final double dInflux = 0.025 / (1.0 + GlibcMath.exp(-(v - -10.0) / 5.0));
        return q[TAU_D_KNA] * dInflux + 0.001;
    }

    static double mEqNmda(double[] q, double v) {
        return 1.0 / (1.0 + GlibcMath.exp(-q[S_ACT_NMDA] * (v - q[V_ACT_NMDA])));
    }

    private double mNmda(int i, double v, double mEq, double mFast, double mSlow) {
        final double a1 = 0.51 - 0.0028 * v;
        final double a2 = 1 - a1;
        return instant_unblock_NMDA[i] ? mEq : a1 * mFast + a2 * mSlow;
    }

    /** std::min(a, b): b if b &lt; a, else a. */
    private static double min(double a, double b) {
        return b < a ? b : a;
    }

    @Override
    public HtNeuron make(int n) {
        return new HtNeuron(n);
    }

    @Override
    int channels() {
        return 5;
    }

    private static final String[] RECORDABLES = {"g_AMPA", "g_GABA_A", "g_GABA_B", "g_NMDA", "I_h", "I_KNa", "I_NaP",
        "I_T", "theta", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        final double[] s = y[i];
        switch (var) {
            case 0: return s[G_AMPA];
            case 1: return s[G_GABA_A];
            case 2: return s[G_GABA_B];
            case 3: {
                final double v = s[V_M];
                return s[G_NMDA] * mNmda(i, v, mEqNmda(p[i], v), s[M_FAST_NMDA], s[M_SLOW_NMDA]);
            }
            case 4: return iH[i];
            case 5: return iKNa[i];
            case 6: return iNaP[i];
            case 7: return iT[i];
            case 8: return s[THETA];
            default: return s[V_M];
        }
    }

    @Override
    public Map<String, Long> receptorTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("AMPA", (long) AMPA);
        m.put("NMDA", (long) NMDA);
        m.put("GABA_A", (long) GABA_A);
        m.put("GABA_B", (long) GABA_B);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        final double[] q = p[i];
        for (int k = 0; k < KEYS.length; k++) {
            d.put(KEYS[k], q[k]);
            if (k == TAU_MG_FAST) d.put("instant_unblock_NMDA", instant_unblock_NMDA[i]);
        }
        d.put("voltage_clamp", voltage_clamp[i]);
        d.put("V_m", y[i][V_M]);
        d.put("theta", y[i][THETA]);
        getArchiving(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        final double[] q = p[i].clone();
        for (int k = 0; k < KEYS.length; k++) q[k] = s.d(KEYS[k], q[k]);
        final boolean instant = s.b("instant_unblock_NMDA", instant_unblock_NMDA[i]);
        final boolean clamp = s.b("voltage_clamp", voltage_clamp[i]);
        validate(q);
        final double[] st = y[i].clone();
        st[V_M] = s.d("V_m", st[V_M]);
        st[THETA] = s.d("theta", st[THETA]);
        // as NEST's State_::set: the equilibria use the node's present (not the new) parameters
        if (s.b("equilibrate", false)) equilibrate(p[i], st);
        setArchiving(i, s);
        p[i] = q;
        instant_unblock_NMDA[i] = instant;
        voltage_clamp[i] = clamp;
        System.arraycopy(st, 0, y[i], 0, DIM);
    }

    /** The checks of NEST's Parameters_::set, in its order, with its messages (BadParameter). */
    static void validate(double[] q) {
        nonNegative(q, GP_AMPA);
        nonNegative(q, GP_GABA_A);
        nonNegative(q, GP_GABA_B);
        nonNegative(q, GP_KNA);
        nonNegative(q, S_ACT_NMDA);
        nonNegative(q, GP_NMDA);
        nonNegative(q, GP_T);
        nonNegative(q, GP_H);
        nonNegative(q, GP_NAP);
        nonNegative(q, G_KL);
        nonNegative(q, G_NAL);
        nonNegative(q, T_REF);
        for (int k : new int[] {TR_AMPA, TD_AMPA, TR_GABA_A, TD_GABA_A, TR_GABA_B, TD_GABA_B, TR_NMDA, TD_NMDA,
            TAU_MG_FAST, TAU_MG_SLOW, TAU_SPIKE, TAU_THETA, TAU_M, TAU_D_KNA}) {
            if (q[k] <= 0) throw NestException.badParameter(KEYS[k] + " > 0 required.");
        }
        smaller(q, TR_AMPA, TD_AMPA);
        smaller(q, TR_GABA_A, TD_GABA_A);
        smaller(q, TR_GABA_B, TD_GABA_B);
        smaller(q, TR_NMDA, TD_NMDA);
        smaller(q, TAU_MG_FAST, TAU_MG_SLOW);
    }

    private static void nonNegative(double[] q, int k) {
        if (q[k] < 0) throw NestException.badParameter(KEYS[k] + " >= 0 required.");
    }

    private static void smaller(double[] q, int a, int b) {
        if (q[a] >= q[b]) throw NestException.badParameter(KEYS[a] + " < " + KEYS[b] + " required.");
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double[] q = p[i];
        final double V = voltage_clamp[i] ? vClamp[i] : yy[V_M];

        // NMDA: the unblock variables enter as min(m_eq(V), m_*); the state itself is clipped after each step
        final double mEqNmda = mEqNmda(q, V);
        final double mFast = min(mEqNmda, yy[M_FAST_NMDA]);
        final double mSlow = min(mEqNmda, yy[M_SLOW_NMDA]);
        final double mNmda = mNmda(i, V, mEqNmda, mFast, mSlow);

        final double iSyn = -yy[G_AMPA] * (V - q[E_AMPA]) - yy[G_NMDA] * mNmda * (V - q[E_NMDA])
                - yy[G_GABA_A] * (V - q[E_GABA_A]) - yy[G_GABA_B] * (V - q[E_GABA_B]);
        final double iSpike = r[i] > 0 ? -(V - q[E_K]) / q[TAU_SPIKE] : 0.0;
        final double iNa = -q[G_NAL] * (V - q[E_NA]);
        final double iK = -q[G_KL] * (V - q[E_K]);

        final double mInfNaP = 1.0 / (1.0 + GlibcMath.exp(-(V - -55.7) / 7.7));
        final double inap = -q[GP_NAP] * GlibcMath.pow(mInfNaP, q[N_NAP]) * (V - q[E_NAP]);
        final double mInfKNa = 1.0 / (1.0 + GlibcMath.pow(0.25 / yy[D_IKNA], 3.5));
        final double ikna = -q[GP_KNA] * mInfKNa * (V - q[E_KNA]);
        final double it = -q[GP_T] * GlibcMath.pow(yy[M_IT], q[N_T]) * yy[H_IT] * (V - q[E_T]);
        final double ih = -q[GP_H] * yy[M_IH] * (V - q[E_H]);
        iNaP[i] = inap;
        iKNa[i] = ikna;
        iT[i] = it;
        iH[i] = ih;

        f[V_M] = (iNa + iK + iSyn + inap + ikna + it + ih + iStim[i]) / q[TAU_M] + iSpike;
        f[THETA] = -(yy[THETA] - q[THETA_EQ]) / q[TAU_THETA];

        f[DG_AMPA] = -yy[DG_AMPA] / q[TR_AMPA];
        f[G_AMPA] = yy[DG_AMPA] - yy[G_AMPA] / q[TD_AMPA];

        f[DG_NMDA] = -yy[DG_NMDA] / q[TR_NMDA];
        f[G_NMDA] = yy[DG_NMDA] - yy[G_NMDA] / q[TD_NMDA];
        f[M_FAST_NMDA] = (mEqNmda - mFast) / q[TAU_MG_FAST];
        f[M_SLOW_NMDA] = (mEqNmda - mSlow) / q[TAU_MG_SLOW];

        f[DG_GABA_A] = -yy[DG_GABA_A] / q[TR_GABA_A];
        f[G_GABA_A] = yy[DG_GABA_A] - yy[G_GABA_A] / q[TD_GABA_A];

        f[DG_GABA_B] = -yy[DG_GABA_B] / q[TR_GABA_B];
        f[G_GABA_B] = yy[DG_GABA_B] - yy[G_GABA_B] / q[TD_GABA_B];

        f[D_IKNA] = (dEqKNa(q, V) - yy[D_IKNA]) / q[TAU_D_KNA];

        final double tauMT = 0.22 / (GlibcMath.exp(-(V + 132.0) / 16.7) + GlibcMath.exp((V + 16.8) / 18.2)) + 0.13;
        final double tauHT = 8.2 + (56.6 + 0.27 * GlibcMath.exp((V + 115.2) / 5.0))
                / (1.0 + GlibcMath.exp((V + 86.0) / 3.2));
        f[M_IT] = (mEqT(V) - yy[M_IT]) / tauMT;
        f[H_IT] = (hEqT(V) - yy[H_IT]) / tauHT;

        final double tauMH = 1.0 / (GlibcMath.exp(-14.59 - 0.086 * V) + GlibcMath.exp(-1.87 + 0.0701 * V));
        f[M_IH] = (mEqH(V) - yy[M_IH]) / tauMH;
    }

    @Override
    public void calibrate() {
        if (refractoryCounts == null) {
            condSteps = new double[n][4];
            refractoryCounts = new int[n];
            vClamp = new double[n];
        }
        for (int i = 0; i < n; i++) {
            final double[] q = p[i], c = condSteps[i];
            c[AMPA - 1] = q[GP_AMPA] * IafCondBeta.betaNormalizationFactor(q[TR_AMPA], q[TD_AMPA]);
            c[NMDA - 1] = q[GP_NMDA] * IafCondBeta.betaNormalizationFactor(q[TR_NMDA], q[TD_NMDA]);
            c[GABA_A - 1] = q[GP_GABA_A] * IafCondBeta.betaNormalizationFactor(q[TR_GABA_A], q[TD_GABA_A]);
            c[GABA_B - 1] = q[GP_GABA_B] * IafCondBeta.betaNormalizationFactor(q[TR_GABA_B], q[TD_GABA_B]);
            refractoryCounts[i] = (int) kernel.time.msToSteps(q[T_REF]);
            vClamp[i] = y[i][V_M];
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Ctx c = ctxs.get();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i], q = p[i], cs = condSteps[i];
            c.node = i;
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                double t = 0.0;
                while (t < h) {
                    t = apply(c, i, t, h, yi);
                    if (voltage_clamp[i]) yi[V_M] = vClamp[i];
                    final double mEq = mEqNmda(q, yi[V_M]);
                    yi[M_FAST_NMDA] = min(mEq, yi[M_FAST_NMDA]);
                    yi[M_SLOW_NMDA] = min(mEq, yi[M_SLOW_NMDA]);
                    if (r[i] == 0 && yi[V_M] >= yi[THETA]) {
                        yi[V_M] = q[E_NA];
                        yi[THETA] = q[E_NA];
                        r[i] = refractoryCounts[i] + 1;
                        spiked(i, step + 1);
                        out.spike(gid(i), lag, 1);
                    }
                }
                if (r[i] > 0) --r[i];
                for (int k = 0; k < 4; k++) yi[2 + 2 * k] += cs[k] * take(k, step, i);
                iStim[i] = take(CH_CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    /** One gsl_odeiv_evolve_apply; a GSL failure becomes NEST's GSLSolverFailure. */
    private double apply(Ctx c, int i, double t, double h, double[] yi) {
        try {
            return c.rk.apply(c, t, h, hStep, i, yi);
        } catch (GslSolverFailure e) {
            throw new NestException("GSLSolverFailure", "In model " + model.name + ", the GSL solver returned with "
                    + "exit status " + e.getStatus() + ".\nPlease make sure you have installed a recent GSL version "
                    + "(> gsl-1.10).");
        }
    }

    /** Per-thread integrator (gsl_odeiv_control_y_new(1e-3, 0)) and right-hand-side adapter. */
    final class Ctx implements OdeRhs {
        final Rkf45 rk = Rkf45.controlY(DIM, 1e-3, 0.0);
        int node;

        @Override
        public void eval(double t, double[] yy, double[] f) {
            dynamics(node, yy, f);
        }
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (!(0 < rport && rport <= GABA_B)) throw unknownReceptorType(rport);
        return rport - 1;   // NEST's handles_test_event: the connection's rport is receptor_type - 1
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptorType(rport);
        return 0;
    }

    /** NEST's UnknownReceptorType(receptor_type, name). */
    private NestException unknownReceptorType(int rport) {
        return new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in "
                + model.name + ".");
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(rport, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CH_CUR, step, i, current);
    }
}
