package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * The voltage-based plasticity history of one neuron of a Clopath model (NEST's ClopathArchivingNode,
 * nestkernel/clopath_archiving_node.cpp): the low-pass filtered potentials u_bar_plus and u_bar_minus
 * delayed by delay_u_bars, an LTD ring of max_delay + 1 entries (time, dw) and an LTP history (time,
 * dw, access counter) that clopath_synapse reads. Written after every step while the neuron has
 * incoming Clopath connections:
 * <pre>
 *   LTP if u > theta_plus and u_bar_plus(t - delay) > theta_minus:
 *       dw = A_LTP (u - theta_plus)(u_bar_plus(t - delay) - theta_minus) h
 *   LTD if u_bar_minus(t - delay) > theta_minus:
 *       dw = A_LTD (u_bar_minus(t - delay) - theta_minus)                       (A_LTD_const)
 *       dw = A_LTD u_bar_bar^2 (u_bar_minus(t - delay) - theta_minus) / u_ref^2   (otherwise)
 * </pre>
 */
public final class ClopathArchive {
    private double[] delPlus = new double[0], delMinus = new double[0];
    private int delIdx, delSteps;
    private double[] ltdT = new double[0], ltdDw = new double[0];
    private int ltdCur;
    /** the LTP history read by clopath_synapse */
    public final ExtendedHistory ltp = new ExtendedHistory();

    /** NEST's init_clopath_buffers: the delay line keeps old values when it keeps its length. */
    public void init(int delaySteps, int maxDelaySteps) {
        delIdx = 0;
        delSteps = delaySteps + 1;
        delPlus = Arrays.copyOf(delPlus, delSteps);
        delMinus = Arrays.copyOf(delMinus, delSteps);
        ltdCur = 0;
        int len = maxDelaySteps + 1;
        if (ltdT.length != len) {
            ltdT = Arrays.copyOf(ltdT, len);
            ltdDw = Arrays.copyOf(ltdDw, len);
        }
    }

    /** NEST's write_clopath_history for the step ending at tMs. */
    public void write(double tMs, double u, double uBarPlus, double uBarMinus, double uBarBar, int nIncoming,
            double A_LTD, double A_LTP, double uRefSquared, double thetaPlus, double thetaMinus, boolean ltdConst,
            double h) {
        delPlus[delIdx] = uBarPlus;
        delMinus[delIdx] = uBarMinus;
        delIdx = (delIdx + 1) % delSteps;
        final double dPlus = delPlus[delIdx], dMinus = delMinus[delIdx];
        if (u > thetaPlus && dPlus > thetaMinus && nIncoming > 0) {
            ltp.push(tMs, A_LTP * (u - thetaPlus) * (dPlus - thetaMinus) * h, nIncoming);
        }
        if (dMinus > thetaMinus && nIncoming > 0) {
            double dw = ltdConst ? A_LTD * (dMinus - thetaMinus)
                    : A_LTD * uBarBar * uBarBar * (dMinus - thetaMinus) / uRefSquared;
            ltdT[ltdCur] = tMs;
            ltdDw[ltdCur] = dw;
            ltdCur = (ltdCur + 1) % ltdT.length;
        }
    }

    /** NEST's get_LTD_value(t): the dw written at time t (within eps), else 0. */
    public double ltdValue(double t, double eps) {
        if (ltdT.length == 0 || t < 0.0) return 0.0;
        for (int j = 0; j < ltdT.length; j++) {
            if (Math.abs(t - ltdT[j]) < eps) return ltdDw[j];
        }
        return 0.0;
    }

    /** Models that keep a Clopath history (aeif_psc_delta_clopath, hh_psc_alpha_clopath). */
    public interface Holder {
        ClopathArchive clopathArchive(int i);
    }
}
