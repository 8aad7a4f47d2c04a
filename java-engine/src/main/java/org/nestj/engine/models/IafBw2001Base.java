package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GslSolverFailure;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;

/**
 * What NEST's iaf_bw_2001 and iaf_bw_2001_exact share (models/iaf_bw_2001{,_exact}.{h,cpp}): the membrane with
 * AMPA, GABA and NMDA conductances
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
 *   I_AMPA = (V - E_ex) s_AMPA,  I_GABA = (V - E_in) s_GABA,  ds_X/dt = -s_X / tau_X  (X = AMPA, GABA)
 *   I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) s_NMDA
 * </pre>
 * its parameters (same keys, checks and messages), recordables and receptors, and the update step: GSL's RKF45
 * (control y_new(gsl_error_tol, 0)) over one step, spike input, refractory clamp or threshold check
 * (V >= V_th: spike, V = V_reset, refractory for t_ref), new stimulus current. The models differ in the NMDA
 * gate s_NMDA and its dynamics ({@link #nmdaGate}, {@link #nmdaDynamics}), its spike input
 * ({@link #addNmdaInput}), the state size ({@link #odeDim}) and the spike they send ({@link #emitSpike}).
 */
abstract class IafBw2001Base extends GslNeuronBlock {
    static final int V_M = 0, S_AMPA = 1, S_GABA = 2;
    /** Ring-buffer channels: AMPA, GABA (current: GslNeuronBlock.CUR = 2). */
    static final int CH_AMPA = 0, CH_GABA = 1;
    static final int AMPA = 1, GABA = 2, NMDA = 3;

    @PerNode public double[] E_L, E_ex, E_in, V_th, V_reset, C_m, g_L, t_ref, tau_AMPA, tau_GABA, tau_decay_NMDA,
            tau_rise_NMDA, alpha, conc_Mg2, gsl_error_tol;
    /** the currents of the last right-hand-side evaluation */
    @PerNode public double[] iNmda, iAmpa, iGaba;
    int[] refractoryCounts;
    private final ThreadLocal<Ctx> ctxs = ThreadLocal.withInitial(Ctx::new);

    IafBw2001Base(int n, int dim) {
        super(n, dim);
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
        iNmda = fill(n, 0.0);
        iAmpa = fill(n, 0.0);
        iGaba = fill(n, 0.0);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    // ------------------------------------------------------------------ recordables, receptors

    private static final String[] RECORDABLES = {"I_AMPA", "I_GABA", "I_NMDA", "s_NMDA", "s_AMPA", "s_GABA", "V_m"};

    @Override
    public final String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public final double recordable(int var, int i) {
        switch (var) {
            case 0: return iAmpa[i];
            case 1: return iGaba[i];
            case 2: return iNmda[i];
            case 3: return sNmda(i);
            case 4: return y[i][S_AMPA];
            case 5: return y[i][S_GABA];
            default: return y[i][V_M];
        }
    }

    /** The recordable s_NMDA. */
    abstract double sNmda(int i);

    @Override
    public final Map<String, Long> receptorTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("AMPA", (long) AMPA);
        m.put("GABA", (long) GABA);
        m.put("NMDA", (long) NMDA);
        return m;
    }

    /** NEST's UnknownReceptorType(receptor_type, name) as thrown by handles_test_event(SpikeEvent&). */
    final NestException unknownReceptorType(int rport) {
        return new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in "
                + model.name + ".");
    }

    // ------------------------------------------------------------------ parameters

    static final String[] PARAM_KEYS = {"E_L", "E_ex", "E_in", "V_th", "V_reset", "C_m", "g_L", "t_ref", "tau_AMPA",
        "tau_GABA", "tau_decay_NMDA", "tau_rise_NMDA", "alpha", "conc_Mg2", "gsl_error_tol"};
    static final int P_EL = 0, P_EEX = 1, P_EIN = 2, P_VTH = 3, P_VRESET = 4, P_CM = 5, P_GL = 6, P_TREF = 7,
            P_TAMPA = 8, P_TGABA = 9, P_TDEC = 10, P_TRISE = 11, P_ALPHA = 12, P_MG = 13, P_TOL = 14;

    /** Parameters_::set of node i (same keys, checks and messages in both models), in PARAM_KEYS order. */
    final double[] readParameters(int i, Status s) {
        final double[] cur = {E_L[i], E_ex[i], E_in[i], V_th[i], V_reset[i], C_m[i], g_L[i], t_ref[i], tau_AMPA[i],
            tau_GABA[i], tau_decay_NMDA[i], tau_rise_NMDA[i], alpha[i], conc_Mg2[i], gsl_error_tol[i]};
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

    final void storeParameters(int i, double[] p) {
        E_L[i] = p[P_EL]; E_ex[i] = p[P_EEX]; E_in[i] = p[P_EIN]; V_th[i] = p[P_VTH]; V_reset[i] = p[P_VRESET];
        C_m[i] = p[P_CM]; g_L[i] = p[P_GL]; t_ref[i] = p[P_TREF]; tau_AMPA[i] = p[P_TAMPA]; tau_GABA[i] = p[P_TGABA];
        tau_decay_NMDA[i] = p[P_TDEC]; tau_rise_NMDA[i] = p[P_TRISE]; alpha[i] = p[P_ALPHA]; conc_Mg2[i] = p[P_MG];
        gsl_error_tol[i] = p[P_TOL];
    }

    // ------------------------------------------------------------------ dynamics

    @Override
    final void dynamics(int i, double[] yy, double[] f) {
        final double v = yy[V_M];
        final double ea = (v - E_ex[i]) * yy[S_AMPA];
        final double eg = (v - E_in[i]) * yy[S_GABA];
        final double en = (v - E_ex[i]) / (1 + conc_Mg2[i] * GlibcMath.exp(-0.062 * v) / 3.57) * nmdaGate(i, yy);
        iAmpa[i] = ea;
        iGaba[i] = eg;
        iNmda[i] = en;
        final double iSyn = ea + eg + en;
        f[V_M] = (-g_L[i] * (v - E_L[i]) - iSyn + iStim[i]) / C_m[i];
        f[S_AMPA] = -yy[S_AMPA] / tau_AMPA[i];
        f[S_GABA] = -yy[S_GABA] / tau_GABA[i];
        nmdaDynamics(i, yy, f);
    }

    /** s_NMDA of state yy, the NMDA conductance's gate. */
    abstract double nmdaGate(int i, double[] yy);

    /** The derivatives of the NMDA state variables. */
    abstract void nmdaDynamics(int i, double[] yy, double[] f);

    @Override
    public void calibrate() {
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    // ------------------------------------------------------------------ update

    @Override
    public final void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Ctx c = ctxs.get();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            final Rkf45 rk = c.cache.get(odeDim(i), gsl_error_tol[i]);
            c.node = i;
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                integrate(rk, c, i, h, yi);
                yi[S_AMPA] += take(CH_AMPA, step, i);
                yi[S_GABA] += take(CH_GABA, step, i);
                addNmdaInput(i, step, yi);
                if (r[i] > 0) {
                    --r[i];
                    yi[V_M] = V_reset[i];
                } else if (yi[V_M] >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    yi[V_M] = V_reset[i];
                    emitSpike(i, step, lag, out);
                }
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    /** The size of node i's ODE state at this update. */
    abstract int odeDim(int i);

    /** Adds the NMDA spike input of step to the state yi. */
    abstract void addNmdaInput(int i, long step, double[] yi);

    /** Records the spike of node i at the end of step (spiked) and sends it. */
    abstract void emitSpike(int i, long step, int lag, SpikeOut out);

    /** NEST's evolve loop for one simulation step, GSL failures reported as GSLSolverFailure. */
    private void integrate(Rkf45 rk, OdeRhs f, int i, double h, double[] yi) {
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
        final SolverCache cache = new SolverCache();

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
}
