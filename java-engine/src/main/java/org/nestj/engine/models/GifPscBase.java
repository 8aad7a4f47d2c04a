package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * Shared machinery of NEST 3.9's current-based generalized integrate-and-fire models (gif_psc_exp,
 * gif_psc_exp_multisynapse; models/gif_psc_exp*.{h,cpp}), integrated exactly:
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - I_stc + I_syn + I_e + I_stim       (tau_m = C_m / g_L)
 *   V(t+h) = P30 (I_stim + I_e - I_stc) + P33 V + P31 E_L + (synaptic propagation, the model's)
 * </pre>
 * Here: the membrane potential V, the membrane propagators P33, P30, P31 and the adaptation propagators (per
 * node, with the model's synaptic propagators from {@link #calibrateSynapses}), the status dictionary, and the
 * growth of the ring buffers to {@link #channels}. Adaptation, escape noise and the common checks:
 * {@link GifBase}. The update loops are the models' own.
 */
abstract class GifPscBase extends GifBase {
    @PerNode public double[] V;
    double[] P33, P30, P31;

    GifPscBase(int n) {
        super(n);
        V = fill(n, -70.0);
    }

    /** Ring buffer channels the block needs (currents and spikes). */
    abstract int channels();

    /** Allocates the model's synaptic propagator arrays (first calibration). */
    abstract void allocateSynapses();

    /** Sizes node i's synaptic state and computes its synaptic propagators for resolution h and tau_m = C_m/g_L. */
    abstract void calibrateSynapses(int i, double h, double tauM);

    @Override
    double membranePotential(int i) {
        return V[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, channels(), ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P33 == null) {
            allocateSynapses();
            P33 = new double[n]; P30 = new double[n]; P31 = new double[n];
            P_sfa = new double[n][]; P_stc = new double[n][];
            refractoryCounts = new int[n];
        }
        buf = buf.withChannels(channels()); // ports added after the buffers were set up
        for (int i = 0; i < n; i++) {
            final double tauM = c_m[i] / g_L[i];
            calibrateSynapses(i, h, tauM);
            P33[i] = GlibcMath.exp(-h / tauM);
            P30[i] = -1 / c_m[i] * NestNumerics.expm1(-h / tauM) * tauM;
            P31[i] = -NestNumerics.expm1(-h / tauM);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            P_sfa[i] = new double[tau_sfa[i].length];
            for (int k = 0; k < P_sfa[i].length; k++) P_sfa[i][k] = GlibcMath.exp(-h / tau_sfa[i][k]);
            if (sfa_elems[i].length != P_sfa[i].length) sfa_elems[i] = Arrays.copyOf(sfa_elems[i], P_sfa[i].length);
            P_stc[i] = new double[tau_stc[i].length];
            for (int k = 0; k < P_stc[i].length; k++) P_stc[i][k] = GlibcMath.exp(-h / tau_stc[i][k]);
            if (stc_elems[i].length != P_stc[i].length) stc_elems[i] = Arrays.copyOf(stc_elems[i], P_stc[i].length);
        }
    }
}
