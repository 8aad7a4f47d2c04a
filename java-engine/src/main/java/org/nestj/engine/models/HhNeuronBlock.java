package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * Shared machinery of NEST 3.9's Hodgkin-Huxley models hh_cond_exp_traub, hh_cond_beta_gap_traub, hh_psc_alpha,
 * hh_psc_alpha_clopath and hh_psc_alpha_gap (models/hh_*.{h,cpp}), all integrated with GSL's RKF45
 * ({@link GslNeuronBlock}; the alpha-shaped currents of the hh_psc_alpha models: {@link HhPscAlphaBase}).
 *
 * <p>What they do the same way: V_m and the gating variables m, h, n are state elements 0 to 3; the
 * parameters t_ref, g_Na, g_L, C_m, E_Na, E_K, E_L and I_e; per simulation step: integrate, add the spike
 * input ({@link #afterStep}), then {@link #endStep}: spike check without reset (refractory: count down;
 * otherwise a spike when V_m reached the model's threshold and fell during the step), the record, the new
 * stimulus current.
 *
 * <p>Gap junctions, for the models constructed with {@code gap} (hh_psc_alpha_gap, hh_cond_beta_gap_traub: their
 * update_(origin, from, to, called_from_wfr_update), wfr_update and handle(GapJunctionEvent); Hahne et al.
 * 2015, Front. Neuroinform. 9:22).
 *
 * <p>Input: the gap current of node i in lag l of the slice at t = time / h within the step is
 * {@code I_gap = -sum_j g_ij V + c0 + c1 t + c2 t^2 + c3 t^3}, the coefficients summed over the
 * incoming gap junctions (weight g_ij times the sender's coefficients of lag l; order 0: c0 only, order
 * 1: c0 + c1 t). Every update_ call clears the sums after the slice, so they hold what was delivered
 * since: at the end of the previous slice (a constant extrapolation), or by the last waveform-relaxation
 * pass.
 *
 * <p>Output: each update_ call sends per lag of the slice {@code wfr_interpolation_order + 1}
 * coefficients of V over the step, zeros for lags it did not run: the final update sends V at the end
 * of its steps (constant), a waveform-relaxation pass the interpolation of its trajectory (order 3:
 * cubic Hermite from V and h dV/dt at both ends of the step; order 1: linear; order 0: V at the start).
 * A pass runs on the node's state and restores it afterwards (not the adaptive step size, as in NEST),
 * reads spike input without consuming it, and reports whether V changed by more than wfr_tol in any
 * lag since the previous pass.
 */
abstract class HhNeuronBlock extends GslNeuronBlock {
    /** state indices of V_m and the gating variables m, h, n */
    static final int V_M = 0, HH_M = 1, HH_H = 2, HH_N = 3;
    @PerNode public double[] t_ref, g_Na, g_L, C_m, E_Na, E_K, E_L, I_e;
    int[] refractoryCounts;
    /** true for the models that send and receive gap junctions */
    final boolean gap;
    /** summed incoming coefficients [i * gapLen + lag * (order + 1) + j] and gap weights (NEST's B_) */
    double[] coeff, sumj;
    /** V of the previous waveform-relaxation pass [i * minDelay + lag] */
    double[] lastY;
    /** the lag being integrated (NEST's B_.lag_), read by the right-hand side */
    final int[] gapLag;
    int order = 3, minDelay = 1, gapLen = 4;
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[2][dim]);

    /** t_ref = 2 ms, I_e = 0; the subclass sets the other parameters and the initial state. */
    HhNeuronBlock(int n, int dim, boolean gap) {
        super(n, dim);
        this.gap = gap;
        t_ref = fill(n, 2.0);
        I_e = fill(n, 0.0);
        gapLag = gap ? new int[n] : null;
        sumj = gap ? new double[n] : null;
    }

    // ------------------------------------------------------------------ status

    /** V_m, Act_m, Inact_h, Act_n (State_::get). */
    final void putGates(int i, Map<String, Object> d) {
        final double[] yi = y[i];
        d.put("V_m", yi[V_M]);
        d.put("Act_m", yi[HH_M]);
        d.put("Inact_h", yi[HH_H]);
        d.put("Act_n", yi[HH_N]);
    }

    /** The archiving-node entries and node_uses_wfr, last in the gap models' dictionaries. */
    final void putGapArchiving(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("node_uses_wfr", nodeUsesWfr);
    }

    /** V_m, Act_m, Inact_h, Act_n of node i after a status change (State_::set; not yet checked or applied). */
    final double[] readGates(int i, Status s) {
        final double[] yi = y[i];
        return new double[] {s.d("V_m", yi[V_M]), s.d("Act_m", yi[HH_M]), s.d("Inact_h", yi[HH_H]),
            s.d("Act_n", yi[HH_N])};
    }

    /** true if one of the gating variables read by {@link #readGates} is negative. */
    static boolean gatesNegative(double[] g) {
        return g[HH_M] < 0 || g[HH_H] < 0 || g[HH_N] < 0;
    }

    static final String NEGATIVE_GATES = "All (in)activation variables must be non-negative.";

    /** Applies what {@link #readGates} read. */
    final void setGates(int i, double[] g) {
        System.arraycopy(g, 0, y[i], 0, 4);
    }

    // ------------------------------------------------------------------ update

    /**
     * After the integration of a step of the final update: the spike input of the step, then
     * {@link #endStep} (uOld: V_m before the step).
     */
    abstract void afterStep(int i, long origin, int lag, double uOld, SpikeOut out);

    /** For the gap models: after the integration of a step of a waveform-relaxation pass, the spike input, read without consuming it. */
    void afterWfrStep(int i, long step) {
        throw new IllegalStateException(model.name + " has no waveform-relaxation update");
    }

    /**
     * The end of a step after its spike input: the spike check (refractory: count down; otherwise a spike when
     * V_m >= threshold and V_m fell during the step, uOld being V_m before it; no reset), the record, the new
     * stimulus current.
     */
    final void endStep(int i, double uOld, double threshold, long origin, int lag, SpikeOut out) {
        final double[] yi = y[i];
        final long step = origin + lag;
        if (r[i] > 0) {
            --r[i];
        } else if (yi[V_M] >= threshold && uOld > yi[V_M]) {
            r[i] = refractoryCounts[i];
            spiked(i, step + 1);
            out.spike(gid(i), lag, 1);
        }
        if (recordedBy != null && recordedBy[i] != null) record(step, i);
        iStim[i] = take(CUR, step, i);
    }

    @Override
    public void calibrate() {
        if (gap) sizeGapBuffers();
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final Solver sv = solver();
        if (!gap) {
            final double h = kernel.time.resolution();
            for (int i = i0; i < i1; i++) {
                if (frozen != null && frozen[i]) continue;
                final double[] yi = y[i];
                for (int lag = from; lag < to; lag++) {
                    final double uOld = yi[V_M];
                    integrate(sv, i, h);
                    afterStep(i, origin, lag, uOld, out);
                }
            }
            return;
        }
        final double[] fTemp = scratch.get()[0];
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            update(origin, from, to, i, false, out, sv, fTemp);
        }
    }

    // ------------------------------------------------------------------ gap junctions

    @Override
    public boolean sendsGap() {
        return gap;
    }

    @Override
    public boolean usesWfr() {
        return gap && nodeUsesWfr;
    }

    @Override
    public int checkGapReceptor(int i, int rport) {
        if (!gap) return super.checkGapReceptor(i, rport);
        if (rport != 0) throw unknownReceptor(rport, "GapJunctionEvent");
        return 0;
    }

    @Override
    public void handleGap(int i, double[] src, int base, int len, double w) {
        sumj[i] += w;
        final int o = i * gapLen;
        for (int k = 0; k < len; k++) coeff[o + k] += w * src[base + k];
    }

    /** (Re)sizes the gap buffers for the current min_delay and interpolation order, keeping what fits (NEST's resize). */
    private void sizeGapBuffers() {
        int md = (int) kernel.connections.minDelay();
        int ord = (int) kernel.wfrInterpolationOrder;
        int len = md * (ord + 1);
        if (coeff == null || coeff.length != n * len) {
            coeff = new double[n * len];
        }
        if (lastY == null || lastY.length != n * md) {
            lastY = new double[n * md];
        }
        order = ord;
        minDelay = md;
        gapLen = len;
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        if (gap) {
            sizeGapBuffers();
            Arrays.fill(sumj, 0.0);
        }
    }

    /** The gap current of node i at time (ms) within the current step, for membrane potential v. */
    final double gapCurrent(int i, double time, double v) {
        final double t = time / kernel.time.resolution();
        final int lag = gapLag[i];
        final double[] c = coeff;
        final int b = i * gapLen;
        switch (order) {
            case 0:
                return -sumj[i] * v + c[b + lag];
            case 1:
                return -sumj[i] * v + c[b + lag * 2] + c[b + lag * 2 + 1] * t;
            default:
                return -sumj[i] * v + c[b + lag * 4] + c[b + lag * 4 + 1] * t + c[b + lag * 4 + 2] * t * t
                        + c[b + lag * 4 + 3] * t * t * t;
        }
    }

    /** Spike input of channel ch for step, left in the buffer (NEST's get_value_wfr_update). */
    final double peek(int ch, long step, int i) {
        return buf.d[buf.index(ch, step, i)];
    }

    @Override
    public boolean wfrUpdate(long origin, int from, int to, int i0, int i1) {
        final Solver sv = solver();
        final double[][] sc = scratch.get();
        final double[] fTemp = sc[0], saved = sc[1];
        boolean done = true;
        for (int i = i0; i < i1; i++) {
            System.arraycopy(y[i], 0, saved, 0, dim);
            final int rSaved = r[i];
            final boolean exceeded = update(origin, from, to, i, true, null, sv, fTemp);
            System.arraycopy(saved, 0, y[i], 0, dim);
            r[i] = rSaved;
            done = !exceeded && done;
        }
        return done;
    }

    /** NEST's update_ for node i of a gap model; true if wfr_tol was exceeded (waveform-relaxation passes). */
    private boolean update(long origin, int from, int to, int i, boolean wfr, SpikeOut out, Solver sv, double[] fTemp) {
        final double h = kernel.time.resolution();
        final double tol = kernel.wfrTol;
        final int ord1 = order + 1;
        final double[] yi = y[i];
        final RateEvents.Out o = rateOut;
        final double[] nc = o.gap;
        final int nb = i * gapLen;
        final int lb = i * minDelay;
        Arrays.fill(nc, nb, nb + gapLen, 0.0);
        boolean exceeded = false;
        double yI = 0.0, hfI = 0.0;
        for (int lag = from; lag < to; lag++) {
            gapLag[i] = lag;
            if (wfr) {
                yI = yi[V_M];
                if (order == 3) {
                    dynamics(i, 0.0, yi, fTemp);
                    hfI = h * fTemp[V_M];
                }
            }
            final double uOld = yi[V_M];
            integrate(sv, i, h);
            if (!wfr) {
                afterStep(i, origin, lag, uOld, out);
            } else {
                afterWfrStep(i, origin + lag);
                exceeded = exceeded || Math.abs(yi[V_M] - lastY[lb + lag]) > tol;
                lastY[lb + lag] = yi[V_M];
                final int c = nb + lag * ord1;
                nc[c] = yI;
                if (order == 1) {
                    nc[c + 1] = yi[V_M] - yI;
                } else if (order == 3) {
                    final double yIp1 = yi[V_M];
                    dynamics(i, h, yi, fTemp);
                    final double hfIp1 = h * fTemp[V_M];
                    nc[c + 1] = hfI;
                    nc[c + 2] = -3 * yI + 3 * yIp1 - 2 * hfI - hfIp1;
                    nc[c + 3] = 2 * yI - 2 * yIp1 + hfI + hfIp1;
                }
            }
        }
        if (!wfr) {
            // constant extrapolation of the final V; the next passes start afresh
            for (int lag = from; lag < to; lag++) nc[nb + lag * ord1] = yi[V_M];
            Arrays.fill(lastY, lb, lb + minDelay, 0.0);
        }
        sumj[i] = 0.0;
        Arrays.fill(coeff, nb, nb + gapLen, 0.0);
        return exceeded;
    }
}
