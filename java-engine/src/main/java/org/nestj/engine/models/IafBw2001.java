package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.BoostGamma;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GslSolverFailure;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;

/**
 * iaf_bw_2001 — leaky integrate-and-fire neuron with AMPA, GABA and approximate NMDA conductances after
 * Wang (1999) and Brunel &amp; Wang (2001) (NEST 3.9 models/iaf_bw_2001.{h,cpp}; doc: models/iaf_bw_2001.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
 *   I_AMPA = (V - E_ex) s_AMPA,  I_GABA = (V - E_in) s_GABA
 *   I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) s_NMDA
 *   ds_X/dt = -s_X / tau_X   (X = AMPA, GABA; tau_decay_NMDA for NMDA)
 * </pre>
 * Receptor ports AMPA = 1, GABA = 2 (a spike adds w to s_X) and NMDA = 3 (only from iaf_bw_2001 senders;
 * adds w times the sender's increment). A sender keeps its own presynaptic NMDA gate s_pre: at each spike
 * s_pre decays by exp(-(t_spike - t_lastspike) / tau_decay_NMDA), the increment is
 * {@code delta = k_0 + k_1 s_pre} with {@code k_0 = (alpha tau_r)^(tau_r/tau_d) gamma_lower(1 - tau_r/tau_d, alpha tau_r)}
 * (boost::math::tgamma_lower in NEST: {@link BoostGamma}),
 * {@code k_1 = expm1(-alpha tau_r)}, and s_pre += delta. As in NEST, delta travels with the spike in its offset
 * field (the model is "off grid"), so spike recorders store the spike at t - delta unless time_in_steps is set.
 * Integrated with GSL's RKF45 (control y_new(gsl_error_tol, 0)); per step: integrate, add spike input, refractory
 * clamp or threshold check (V >= V_th: spike, V = V_reset, refractory for t_ref), new stimulus current.
 */
public final class IafBw2001 extends GslNeuronBlock {
    static final int V_M = 0, S_AMPA = 1, S_GABA = 2, S_NMDA = 3;
    /** Ring-buffer channels: AMPA, GABA, current (GslNeuronBlock.CUR = 2), NMDA. */
    static final int CH_AMPA = 0, CH_GABA = 1, CH_NMDA = 3;
    static final int AMPA = 1, GABA = 2, NMDA = 3;

    @PerNode public double[] E_L, E_ex, E_in, V_th, V_reset, C_m, g_L, t_ref, tau_AMPA, tau_GABA, tau_decay_NMDA,
            tau_rise_NMDA, alpha, conc_Mg2, gsl_error_tol;
    /** State besides y: presynaptic NMDA gate and the currents of the last right-hand-side evaluation. */
    @PerNode public double[] sNmdaPre, iNmda, iAmpa, iGaba;
    double[] k0, k1;
    /** per node: the arguments (a, x) of the last lower incomplete gamma evaluation and its value */
    private double[] gammaA, gammaX, gammaVal;
    int[] refractoryCounts;
    private final ThreadLocal<Ctx> ctxs = ThreadLocal.withInitial(Ctx::new);

    public IafBw2001(int n) {
        super(n, 4);
        E_L = fill(n, -70.0);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -70.0);
        V_th = fill(n, -55.0);
        V_reset = fill(n, -60.0);
        C_m = fill(n, 500.0);
        g_L = fill(n, 25.0);
        t_ref = fill(n, 2.0);
        tau_AMPA = fill(n, 2.0);
        tau_GABA = fill(n, 5.0);
        tau_decay_NMDA = fill(n, 100.0);
        tau_rise_NMDA = fill(n, 2.0);
        alpha = fill(n, 0.5);
        conc_Mg2 = fill(n, 1.0);
        gsl_error_tol = fill(n, 1e-3);
        sNmdaPre = fill(n, 0.0);
        iNmda = fill(n, 0.0);
        iAmpa = fill(n, 0.0);
        iGaba = fill(n, 0.0);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    @Override
    public IafBw2001 make(int n) {
        return new IafBw2001(n);
    }

    @Override
    int channels() {
        return 4;
    }

    private static final String[] RECORDABLES = {"I_AMPA", "I_GABA", "I_NMDA", "s_NMDA", "s_AMPA", "s_GABA", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return iAmpa[i];
            case 1: return iGaba[i];
            case 2: return iNmda[i];
            case 3: return y[i][S_NMDA];
            case 4: return y[i][S_AMPA];
            case 5: return y[i][S_GABA];
            default: return y[i][V_M];
        }
    }

    @Override
    public Map<String, Long> receptorTypes() {
        return receptorMap();
    }

    static Map<String, Long> receptorMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("AMPA", (long) AMPA);
        m.put("GABA", (long) GABA);
        m.put("NMDA", (long) NMDA);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("E_L", E_L[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("C_m", C_m[i]);
        d.put("g_L", g_L[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_AMPA", tau_AMPA[i]);
        d.put("tau_GABA", tau_GABA[i]);
        d.put("tau_decay_NMDA", tau_decay_NMDA[i]);
        d.put("tau_rise_NMDA", tau_rise_NMDA[i]);
        d.put("alpha", alpha[i]);
        d.put("conc_Mg2", conc_Mg2[i]);
        d.put("gsl_error_tol", gsl_error_tol[i]);
        d.put("V_m", y[i][V_M]);
        d.put("s_AMPA", y[i][S_AMPA]);
        d.put("s_GABA", y[i][S_GABA]);
        d.put("s_NMDA", y[i][S_NMDA]);
        d.put("I_NMDA", iNmda[i]);
        d.put("I_AMPA", iAmpa[i]);
        d.put("I_GABA", iGaba[i]);
        getArchiving(i, d);
    }

    /** Parameters_::set of iaf_bw_2001 and iaf_bw_2001_exact (same keys, checks and messages). */
    static double[] readParameters(Status s, double[] cur) {
        final String[] keys = PARAM_KEYS;
        double[] p = new double[keys.length];
        for (int k = 0; k < keys.length; k++) p[k] = s.d(keys[k], cur[k]);
        if (p[P_VRESET] >= p[P_VTH]) throw NestException.badProperty("Reset potential must be smaller than threshold.");
        if (p[P_CM] <= 0) throw NestException.badProperty("Capacitance must be strictly positive.");
        if (p[P_TREF] < 0) throw NestException.badProperty("Refractory time cannot be negative.");
        if (p[P_TAMPA] <= 0 || p[P_TGABA] <= 0 || p[P_TDEC] <= 0 || p[P_TRISE] <= 0) {
            throw NestException.badProperty("All time constants must be strictly positive.");
        }
        if (p[P_ALPHA] <= 0) throw NestException.badProperty("alpha > 0 required.");
        if (p[P_MG] <= 0) throw NestException.badProperty("Mg2 concentration must be strictly positive.");
        if (p[P_TOL] <= 0.0) throw NestException.badProperty("The gsl_error_tol must be strictly positive.");
        return p;
    }

    static final String[] PARAM_KEYS = {"E_L", "E_ex", "E_in", "V_th", "V_reset", "C_m", "g_L", "t_ref", "tau_AMPA",
        "tau_GABA", "tau_decay_NMDA", "tau_rise_NMDA", "alpha", "conc_Mg2", "gsl_error_tol"};
    static final int P_EL = 0, P_EEX = 1, P_EIN = 2, P_VTH = 3, P_VRESET = 4, P_CM = 5, P_GL = 6, P_TREF = 7,
            P_TAMPA = 8, P_TGABA = 9, P_TDEC = 10, P_TRISE = 11, P_ALPHA = 12, P_MG = 13, P_TOL = 14;

    @Override
    public void setStatus(int i, Status s) {
        double[] p = readParameters(s, new double[] {E_L[i], E_ex[i], E_in[i], V_th[i], V_reset[i], C_m[i], g_L[i],
            t_ref[i], tau_AMPA[i], tau_GABA[i], tau_decay_NMDA[i], tau_rise_NMDA[i], alpha[i], conc_Mg2[i],
            gsl_error_tol[i]});
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double sa = s.d("s_AMPA", yi[S_AMPA]);
        double sg = s.d("s_GABA", yi[S_GABA]);
        double sn = s.d("s_NMDA", yi[S_NMDA]);
        setArchiving(i, s);
        E_L[i] = p[P_EL]; E_ex[i] = p[P_EEX]; E_in[i] = p[P_EIN]; V_th[i] = p[P_VTH]; V_reset[i] = p[P_VRESET];
        C_m[i] = p[P_CM]; g_L[i] = p[P_GL]; t_ref[i] = p[P_TREF]; tau_AMPA[i] = p[P_TAMPA]; tau_GABA[i] = p[P_TGABA];
        tau_decay_NMDA[i] = p[P_TDEC]; tau_rise_NMDA[i] = p[P_TRISE]; alpha[i] = p[P_ALPHA]; conc_Mg2[i] = p[P_MG];
        gsl_error_tol[i] = p[P_TOL];
        yi[V_M] = v; yi[S_AMPA] = sa; yi[S_GABA] = sg; yi[S_NMDA] = sn;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double v = yy[V_M];
        final double ea = (v - E_ex[i]) * yy[S_AMPA];
        final double eg = (v - E_in[i]) * yy[S_GABA];
        final double en = (v - E_ex[i]) / (1 + conc_Mg2[i] * GlibcMath.exp(-0.062 * v) / 3.57) * yy[S_NMDA];
        iAmpa[i] = ea;
        iGaba[i] = eg;
        iNmda[i] = en;
        final double iSyn = ea + eg + en;
        f[V_M] = (-g_L[i] * (v - E_L[i]) - iSyn + iStim[i]) / C_m[i];
        f[S_AMPA] = -yy[S_AMPA] / tau_AMPA[i];
        f[S_NMDA] = -yy[S_NMDA] / tau_decay_NMDA[i];
        f[S_GABA] = -yy[S_GABA] / tau_GABA[i];
    }

    @Override
    public void calibrate() {
        if (refractoryCounts == null) {
            k0 = new double[n];
            k1 = new double[n];
            refractoryCounts = new int[n];
            gammaA = new double[n];
            gammaX = new double[n];
            gammaVal = new double[n];
            java.util.Arrays.fill(gammaA, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            final double alphaTau = alpha[i] * tau_rise_NMDA[i];
            final double rd = tau_rise_NMDA[i] / tau_decay_NMDA[i];
            k1[i] = GlibcMath.expm1(-alpha[i] * tau_rise_NMDA[i]);
            // boost::math::tgamma_lower(1 - rd, alphaTau); re-evaluated only when its arguments change (it costs
            // microseconds), and shared with the previous node when the arguments are the same
            final double a = 1 - rd;
            if (!(a > 0)) {
                // boost's domain error (double arguments are promoted to long double; 21 digits), which
                // NEST's prepare_nodes wraps
                throw new NestException("WrappedThreadException", "Error in function boost::math::gamma_p<long double>("
                        + "long double, long double): Argument a to the incomplete gamma function must be greater than "
                        + "zero (got a=" + NestException.ostream(a, 21) + ").");
            }
            if (!(a == gammaA[i] && alphaTau == gammaX[i])) {
                if (i > 0 && a == gammaA[i - 1] && alphaTau == gammaX[i - 1]) {
                    gammaVal[i] = gammaVal[i - 1];
                } else {
                    gammaVal[i] = BoostGamma.tgammaLower(a, alphaTau);
                }
                gammaA[i] = a;
                gammaX[i] = alphaTau;
            }
            k0[i] = GlibcMath.pow(alphaTau, rd) * gammaVal[i];
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Ctx c = ctxs.get();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            final Rkf45 rk = c.solver(dim, gsl_error_tol[i]);
            c.node = i;
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                integrate(rk, c, i, h, yi);
                yi[S_AMPA] += take(CH_AMPA, step, i);
                yi[S_GABA] += take(CH_GABA, step, i);
                yi[S_NMDA] += take(CH_NMDA, step, i);
                if (r[i] > 0) {
                    --r[i];
                    yi[V_M] = V_reset[i];
                } else if (yi[V_M] >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    yi[V_M] = V_reset[i];
                    final double tLast = t_spike[i];
                    spiked(i, step + 1);
                    final double tSpike = t_spike[i];
                    sNmdaPre[i] = sNmdaPre[i] * GlibcMath.exp(-(tSpike - tLast) / tau_decay_NMDA[i]);
                    final double delta = k0[i] + k1[i] * sNmdaPre[i];
                    sNmdaPre[i] += delta;
                    out.spike(gid(i), lag, 1, delta);
                }
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    /** NEST's evolve loop for one simulation step, GSL failures reported as GSLSolverFailure. */
    final void integrate(Rkf45 rk, OdeRhs f, int i, double h, double[] yi) {
        try {
            rk.integrateStep(f, h, hStep, i, yi);
        } catch (GslSolverFailure e) {
            throw new NestException("GSLSolverFailure", "In model " + model.name + ", the GSL solver returned with "
                    + "exit status " + e.getStatus() + ".\nPlease make sure you have installed a recent GSL version "
                    + "(> gsl-1.10).");
        }
    }

    /** Per-thread integrators (one per dimension and tolerance in use) and the right-hand-side adapter. */
    final class Ctx implements OdeRhs {
        int node;
        private final SolverCache cache = new SolverCache();

        Rkf45 solver(int d, double tol) {
            return cache.get(d, tol);
        }

        @Override
        public void eval(double t, double[] yy, double[] f) {
            dynamics(node, yy, f);
        }
    }

    /** Rkf45 instances with control y_new(tol, 0), looked up by (dimension, tolerance). */
    static final class SolverCache {
        private Rkf45[] solvers = new Rkf45[4];
        private double[] tols = new double[4];
        private int count, last;

        Rkf45 get(int dim, double tol) {
            if (count > 0 && tols[last] == tol && solvers[last].dimension() == dim) return solvers[last];
            for (int k = 0; k < count; k++) {
                if (tols[k] == tol && solvers[k].dimension() == dim) {
                    last = k;
                    return solvers[k];
                }
            }
            if (count == solvers.length) {
                solvers = java.util.Arrays.copyOf(solvers, count * 2);
                tols = java.util.Arrays.copyOf(tols, count * 2);
            }
            solvers[count] = Rkf45.controlY(dim, tol, 0.0);
            tols[count] = tol;
            last = count;
            return solvers[count++];
        }
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (!(0 < rport && rport < 4)) throw unknownReceptorType(rport);
        if (rport == NMDA && !(src.prototype instanceof IafBw2001)) {
            throw NestException.illegalConnection(
                    "For NMDA synapses in iaf_bw_2001, pre-synaptic neuron must also be of type iaf_bw_2001");
        }
        return rport;
    }

    /** NEST's UnknownReceptorType(receptor_type, name) as thrown by handles_test_event(SpikeEvent&). */
    NestException unknownReceptorType(int rport) {
        return new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in "
                + model.name + ".");
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport < NMDA) buf.add(rport - 1, step, i, weight * mult);
        else buf.add(CH_NMDA, step, i, weight * mult * offset);
    }
}
