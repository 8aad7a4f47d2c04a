package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GslSolverFailure;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;
import org.nestj.engine.numerics.GlibcLog;

/**
 * Shared machinery of NEST 3.9's adaptive exponential integrate-and-fire family (aeif_*; Brette and Gerstner 2005),
 * all integrated with GSL's adaptive RKF45 (old {@code gsl_odeiv} API) under
 * {@code gsl_odeiv_control_yp_new(gsl_error_tol, gsl_error_tol)}:
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   V >= V_peak (V_th if Delta_T == 0): spike, V = V_reset, w += b, clamped at V_reset for t_ref
 * </pre>
 *
 * What every model of the family does the same way (models/aeif_*.cpp):
 * <ul>
 *   <li>per neuron, the persistent adaptive step {@code IntegrationStep_} (reset to the resolution by init_buffers),
 *       the state vector {@code y} (y[0] = V_m), the refractory counter {@code r_} and the stimulus {@code I_stim_};</li>
 *   <li>per simulation step: {@code t = 0; while (t < h) { evolve_apply; instability check; spike/reset/clamp }}
 *       ({@link #afterApply}), then the end-of-step work ({@link #endStep}: refractory count-down, spike input from
 *       the ring buffers, the new I_stim), then recording;</li>
 *   <li>in the right-hand side, V is clamped to V_reset while refractory and bounded by min(V, V_peak) otherwise.</li>
 * </ul>
 * Ring buffer layout: channel 0 holds currents, channels 1.. the model's spike inputs.
 *
 * <p>The state vector of each node is one primitive {@code double[]} (the contiguous array GSL integrates in place);
 * parameters are structure-of-arrays. Integrators and the right-hand-side adapter are kept per thread chunk, so
 * nothing is allocated per step or spike.
 */
public abstract class AeifBase extends NeuronBlock {
    /** Ring buffer channel of current input. */
    protected static final int CUR = 0;
    /** NEST's max_exp_arg = log(DBL_MAX / 1e20), for the overflow check of Delta_T. */
    protected static final double MAX_EXP_ARG = GlibcLog.log(Double.MAX_VALUE / 1e20);

    // parameters common to the family (NEST's Parameters_)
    @PerNode public double[] V_peak, V_reset, t_ref, g_L, C_m, E_L, Delta_T, tau_w, a, b, V_th, I_e, gsl_error_tol;
    // state (NEST's State_): ODE state vector per node, refractory counter
    @PerNode public double[][] y;
    @PerNode public int[] r;
    // NEST's Buffers_: adaptive step size and stimulus current, reset by init_buffers
    protected double[] hInt, iStim;
    // NEST's Variables_ (pre_run_hook)
    protected double[] vPeakEff;
    protected int[] refractoryCounts;
    protected InputBuffer buf;
    /** Index of w in the state vector. */
    protected final int W;
    private Ctx[] ctxs;

    protected AeifBase(int n, int wIndex) {
        super(n);
        W = wIndex;
        V_peak = fill(n, 0.0);
        V_reset = fill(n, -60.0);
        t_ref = fill(n, 0.0);
        g_L = fill(n, 30.0);
        C_m = fill(n, 281.0);
        E_L = fill(n, -70.6);
        Delta_T = fill(n, 2.0);
        tau_w = fill(n, 144.0);
        a = fill(n, 4.0);
        b = fill(n, 80.5);
        V_th = fill(n, -50.4);
        I_e = fill(n, 0.0);
        gsl_error_tol = fill(n, 1e-6);
        y = new double[n][];
        r = fillI(n, 0);
    }

    // ------------------------------------------------------------------ model hooks

    /** The right-hand side of node i (NEST's *_dynamics); must reproduce NEST's arithmetic exactly. */
    protected abstract void rhs(int i, double[] yy, double[] f);

    /** Number of spike input channels (ring buffer channels 1..k). */
    protected abstract int spikeChannels();

    /**
     * What NEST does after each evolve_apply call: the default is aeif_cond_alpha's clamp while refractory,
     * otherwise spike detection at V_peak with reset, w += b and the refractory counter.
     */
    protected void afterApply(int i, double[] yy, long step, int lag, SpikeOut out) {
        if (r[i] > 0) {
            yy[0] = V_reset[i];
        } else if (yy[0] >= vPeakEff[i]) {
            yy[0] = V_reset[i];
            yy[W] += b[i];
            r[i] = refractoryCounts[i] > 0 ? refractoryCounts[i] + 1 : 0;
            emitSpike(i, step, lag, out);
        }
    }

    /** After the while loop: refractory count-down, {@link #applySpikes}, new I_stim. */
    protected void endStep(int i, double[] yy, long step) {
        if (r[i] > 0) --r[i];
        applySpikes(i, yy, step);
        iStim[i] = buf.take(CUR, step, i);
    }

    /** Adds the spike input of absolute step {@code step} to the state (default: none). */
    protected void applySpikes(int i, double[] yy, long step) {
    }

    /** Name of the threshold parameter held in {@link #V_th} (aeif_psc_delta_clopath: V_th_rest). */
    protected String thKey() {
        return "V_th";
    }

    /** Extra work of init_buffers_ for a node whose buffers are initialised for the first time. */
    protected void initNodeBuffers(int i) {
    }

    protected final void emitSpike(int i, long step, int lag, SpikeOut out) {
        spiked(i, step + 1);
        out.spike(gid(i), lag, 1);
    }

    // ------------------------------------------------------------------ node life cycle

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1 + spikeChannels(), ringLen);
        if (hInt == null) {
            hInt = new double[n];
            iStim = new double[n];
        }
        if (!buffersInitialised) {
            double h = kernel.time.resolution();
            for (int i = 0; i < n; i++) {
                hInt[i] = h;
                iStim[i] = 0.0;
                initNodeBuffers(i);
            }
        }
    }

    /** Makes sure the ring buffer holds at least 1 + k channels (keeps the pending input of existing channels). */
    protected final void ensureSpikeChannels(int k) {
        if (buf == null || buf.channels >= 1 + k) return;
        InputBuffer nb = new InputBuffer(n, 1 + k, buf.len);
        System.arraycopy(buf.d, 0, nb.d, 0, buf.d.length);
        buf = nb;
    }

    @Override
    public void calibrate() {
        if (vPeakEff == null) {
            vPeakEff = new double[n];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            vPeakEff[i] = Delta_T[i] > 0.0 ? V_peak[i] : V_th[i];
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
        int threads = threadStart == null ? 1 : Math.max(1, threadStart.length - 1);
        if (ctxs == null || ctxs.length < threads) ctxs = new Ctx[threads];
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        // one solver context per executing thread (a thread may update units of another's share)
        final int t = out.thread;
        Ctx c = ctxs[t];
        if (c == null) {
            c = new Ctx();
            ctxs[t] = c;
        }
        final boolean rec = recording();
        final double hs = kernel.time.resolution();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yy = y[i];
            final Rkf45 s = c.solver(yy.length, gsl_error_tol[i]);
            c.node = i;
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                double tt = 0.0;
                while (tt < hs) {
                    try {
                        tt = s.apply(c, tt, hs, hInt, i, yy);
                    } catch (GslSolverFailure e) {
                        throw new NestException("GSLSolverFailure", "In model " + model.name + ", the GSL solver "
                                + "returned with exit status " + e.getStatus() + ".\nPlease make sure you have installed "
                                + "a recent GSL version (> gsl-1.10).");
                    }
                    // check for unreasonable values; V_m may explode
                    if (yy[0] < -1e3 || yy[W] < -1e6 || yy[W] > 1e6) {
                        throw new NestException("NumericalInstability",
                                "NEST detected a numerical instability while updating " + model.name + ".");
                    }
                    afterApply(i, yy, step, lag, out);
                }
                endStep(i, yy, step);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    /** Per-thread integrators (one per state dimension and tolerance in use) and the right-hand-side adapter. */
    private final class Ctx implements OdeRhs {
        int node;
        private Rkf45[] solvers = new Rkf45[2];
        private double[] tols = new double[2];
        private int count;

        Rkf45 solver(int dim, double tol) {
            for (int k = 0; k < count; k++) {
                if (tols[k] == tol && solvers[k].dimension() == dim) return solvers[k];
            }
            if (count == solvers.length) {
                solvers = java.util.Arrays.copyOf(solvers, count * 2);
                tols = java.util.Arrays.copyOf(tols, count * 2);
            }
            solvers[count] = Rkf45.controlYp(dim, tol, tol);
            tols[count] = tol;
            return solvers[count++];
        }

        @Override
        public void eval(double t, double[] yy, double[] f) {
            rhs(node, yy, f);
        }
    }

    // ------------------------------------------------------------------ input

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CUR, step, i, current);
    }

    /**
     * The excitatory/inhibitory split of the two-synapse models: positive weights to channel 1, the others negated
     * to channel 2 (NEST's spike_exc_ / spike_inh_).
     */
    protected final void addExIn(int i, long step, double weight, int mult) {
        if (weight > 0.0) {
            buf.add(1, step, i, weight * mult);
        } else {
            buf.add(2, step, i, -weight * mult);
        }
    }

    // ------------------------------------------------------------------ status helpers

    /** The common parameters of one node, read from a status dictionary onto the node's current values. */
    protected final class P {
        double vPeak, vReset, tRef, gL, cM, eL, deltaT, tauW, aa, bb, vTh, iE, tol;

        P(int i, Status s) {
            vTh = s.d(thKey(), V_th[i]);
            vPeak = s.d("V_peak", V_peak[i]);
            tRef = s.d("t_ref", t_ref[i]);
            eL = s.d("E_L", E_L[i]);
            vReset = s.d("V_reset", V_reset[i]);
            cM = s.d("C_m", C_m[i]);
            gL = s.d("g_L", g_L[i]);
            aa = s.d("a", a[i]);
            bb = s.d("b", b[i]);
            deltaT = s.d("Delta_T", Delta_T[i]);
            tauW = s.d("tau_w", tau_w[i]);
            iE = s.d("I_e", I_e[i]);
            tol = s.d("gsl_error_tol", gsl_error_tol[i]);
        }

        void checkResetBelowPeak(String msg) {
            if (vReset >= vPeak) throw badProperty(msg);
        }

        void checkDeltaT(String negMsg, String thName) {
            if (deltaT < 0.0) {
                throw badProperty(negMsg);
            } else if (deltaT > 0.0) {
                if ((vPeak - vTh) / deltaT >= MAX_EXP_ARG) {
                    throw badProperty("The current combination of V_peak, " + thName + " and Delta_T"
                            + ("V_th".equals(thName) ? "" : " ") + "will lead to numerical overflow at spike time; try"
                            + "for instance to increase Delta_T or to reduce V_peak" + "to avoid this problem.");
                }
            }
        }

        void checkPeakAboveTh() {
            if (vPeak < vTh) throw badProperty("V_peak >= V_th required.");
        }

        void checkCm(String msg) {
            if (cM <= 0) throw badProperty(msg);
        }

        void checkTref() {
            if (tRef < 0) throw badProperty("Refractory time cannot be negative.");
        }

        void checkTol() {
            if (tol <= 0.0) throw badProperty("The gsl_error_tol must be strictly positive.");
        }

        void commit(int i) {
            V_th[i] = vTh;
            V_peak[i] = vPeak;
            t_ref[i] = tRef;
            E_L[i] = eL;
            V_reset[i] = vReset;
            C_m[i] = cM;
            g_L[i] = gL;
            a[i] = aa;
            b[i] = bb;
            Delta_T[i] = deltaT;
            tau_w[i] = tauW;
            I_e[i] = iE;
            gsl_error_tol[i] = tol;
        }
    }

    /** Adds the common parameters and V_m, w of node i. */
    protected void getCommon(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("C_m", C_m[i]);
        d.put(thKey(), V_th[i]);
        d.put("t_ref", t_ref[i]);
        d.put("g_L", g_L[i]);
        d.put("E_L", E_L[i]);
        d.put("V_reset", V_reset[i]);
        d.put("a", a[i]);
        d.put("b", b[i]);
        d.put("Delta_T", Delta_T[i]);
        d.put("tau_w", tau_w[i]);
        d.put("I_e", I_e[i]);
        d.put("V_peak", V_peak[i]);
        d.put("gsl_error_tol", gsl_error_tol[i]);
        d.put("V_m", y[i][0]);
        d.put("w", y[i][W]);
    }

    /** std::min(v, peak) as NEST's right-hand sides use it (b < a ? b : a). */
    protected static double minV(double v, double peak) {
        return peak < v ? peak : v;
    }

    /** A new state vector of dimension dim with V_m = E_L and everything else 0 (NEST's State_(P)). */
    protected static double[] initialState(int dim, double eL) {
        double[] v = new double[dim];
        v[0] = eL;
        return v;
    }
}
