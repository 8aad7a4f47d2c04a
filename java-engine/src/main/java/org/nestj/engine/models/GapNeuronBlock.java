package org.nestj.engine.models;

import java.util.Arrays;

import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;

/**
 * Gap-junction machinery shared by NEST's hh_psc_alpha_gap and hh_cond_beta_gap_traub (their
 * update_(origin, from, to, called_from_wfr_update), wfr_update and handle(GapJunctionEvent); Hahne et
 * al. 2015, Front. Neuroinform. 9:22).
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
abstract class GapNeuronBlock extends GslNeuronBlock {
    /** index of V_m in the state vector */
    static final int V = 0;
    /** summed incoming coefficients [i * gapLen + lag * (order + 1) + j] and gap weights (NEST's B_) */
    double[] coeff, sumj;
    /** V of the previous waveform-relaxation pass [i * minDelay + lag] */
    double[] lastY;
    /** the lag being integrated (NEST's B_.lag_), read by the right-hand side */
    final int[] gapLag;
    int order = 3, minDelay = 1, gapLen = 4;
    private final ThreadLocal<double[][]> scratch = ThreadLocal.withInitial(() -> new double[2][dim]);

    GapNeuronBlock(int n, int dim) {
        super(n, dim);
        gapLag = new int[n];
        sumj = new double[n];
    }

    @Override
    public boolean sendsGap() {
        return true;
    }

    @Override
    public boolean usesWfr() {
        return nodeUsesWfr;
    }

    @Override
    public int checkGapReceptor(int i, int rport) {
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
        sizeGapBuffers();
        Arrays.fill(sumj, 0.0);
    }

    @Override
    public void calibrate() {
        sizeGapBuffers();
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

    /**
     * After the integration of a step of the final update: spike input, spike detection (uOld: V
     * before the step), the record, the new stimulus current.
     */
    abstract void afterStep(int i, long origin, int lag, double uOld, SpikeOut out);

    /** After the integration of a step of a waveform-relaxation pass: spike input, read without consuming it. */
    abstract void afterWfrStep(int i, long step);

    /** Spike input of channel ch for step, left in the buffer (NEST's get_value_wfr_update). */
    final double peek(int ch, long step, int i) {
        return buf.d[buf.index(ch, step, i)];
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final Solver sv = solver();
        final double[] fTemp = scratch.get()[0];
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            update(origin, from, to, i, false, out, sv, fTemp);
        }
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

    /** NEST's update_ for node i; true if wfr_tol was exceeded (waveform-relaxation passes). */
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
                yI = yi[V];
                if (order == 3) {
                    dynamics(i, 0.0, yi, fTemp);
                    hfI = h * fTemp[V];
                }
            }
            final double uOld = yi[V];
            integrate(sv, i, h);
            if (!wfr) {
                afterStep(i, origin, lag, uOld, out);
            } else {
                afterWfrStep(i, origin + lag);
                exceeded = exceeded || Math.abs(yi[V] - lastY[lb + lag]) > tol;
                lastY[lb + lag] = yi[V];
                final int c = nb + lag * ord1;
                nc[c] = yI;
                if (order == 1) {
                    nc[c + 1] = yi[V] - yI;
                } else if (order == 3) {
                    final double yIp1 = yi[V];
                    dynamics(i, h, yi, fTemp);
                    final double hfIp1 = h * fTemp[V];
                    nc[c + 1] = hfI;
                    nc[c + 2] = -3 * yI + 3 * yIp1 - 2 * hfI - hfIp1;
                    nc[c + 3] = 2 * yI - 2 * yIp1 + hfI + hfIp1;
                }
            }
        }
        if (!wfr) {
            // constant extrapolation of the final V; the next passes start afresh
            for (int lag = from; lag < to; lag++) nc[nb + lag * ord1] = yi[V];
            Arrays.fill(lastY, lb, lb + minDelay, 0.0);
        }
        sumj[i] = 0.0;
        Arrays.fill(coeff, nb, nb + gapLen, 0.0);
        return exceeded;
    }
}
