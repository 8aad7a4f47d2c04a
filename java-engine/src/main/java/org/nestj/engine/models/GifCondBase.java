package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * Shared machinery of NEST 3.9's conductance-based generalized integrate-and-fire models with escape noise
 * (Mensi et al. 2012, Pozzorini et al. 2015; models/gif_cond_exp.*, gif_cond_exp_multisynapse.*):
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - I_syn(V) - sum_j eta_j(t) + I_e + I_stim          (dV/dt = 0 while refractory)
 *   eta_j: spike-triggered currents (jump q_stc[j], decay tau_stc[j]), I_stc = sum_j eta_j at the step start
 *   E_sfa = V_T_star + sum_j gamma_j: moving threshold (jump q_sfa[j], decay tau_sfa[j])
 *   escape noise: with lambda = lambda_0 exp((V - E_sfa)/Delta_V), a spike in the step with probability
 *   1 - exp(-lambda h); then V is held at V_reset for t_ref (no reset in the spike step itself)
 * </pre>
 * Per step, as NEST: decay of the stc/sfa elements, GSL RKF45 integration (control y_new(gsl_error_tol, 0), see
 * {@link GslVarDim}), spike input, escape-noise draw (only when lambda &gt; 0) from the node's own random stream
 * {@code nodeRng(i)}, refractory clamp, the new I_stim. Parameters, adaptation elements and the
 * adaptation/parameter checks are those of the whole gif family ({@link GifBase}).
 *
 * <p>Ring buffer layout: channel 0 current input, channels 1.. the model's spike inputs.
 */
abstract class GifCondBase extends GifBase {
    static final int CUR = 0;
    @PerNode public double[] gsl_error_tol;
    @PerNode public double[][] y;
    double[] hStep;
    private final ThreadLocal<GslVarDim> work = ThreadLocal.withInitial(() -> new GslVarDim(this::dynamics));

    GifCondBase(int n, int dim0) {
        super(n);
        gsl_error_tol = fill(n, 1e-3);
        y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = new double[dim0];
            y[i][0] = E_L[i];
        }
    }

    // ------------------------------------------------------------------ model hooks

    /** The right-hand side of node i (NEST's *_dynamics). */
    abstract void dynamics(int i, double[] yy, double[] f);

    /** Dimension of node i's ODE system. */
    abstract int dim(int i);

    /** Number of spike input channels (ring buffer channels 1..k) of the block. */
    abstract int spikeChannels();

    /** Adds the spike input of absolute step {@code step} to the state (reads and clears all spike channels). */
    abstract void applySpikes(int i, double[] yy, long step);

    // ------------------------------------------------------------------ status

    @Override
    final double membranePotential(int i) {
        return y[i][0];
    }

    @Override
    final void getModelParameters(int i, Map<String, Object> d) {
        d.put("gsl_error_tol", gsl_error_tol[i]);
    }

    /** The common parameters read from a status dictionary, with gsl_error_tol (NEST's temporary Parameters_ copy). */
    final class GP extends Common {
        final double tol;

        GP(int i, Status s) {
            super(i, s);
            tol = s.d("gsl_error_tol", gsl_error_tol[i]);
            readAdaptation(s);
        }

        @Override
        void commit() {
            super.commit();
            gsl_error_tol[i] = tol;
        }
    }

    // ------------------------------------------------------------------ life cycle

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1 + spikeChannels(), ringLen);
        if (hStep == null) hStep = new double[n];
        if (!buffersInitialised) {
            final double h = kernel.time.resolution();
            Arrays.fill(hStep, h);
        }
    }

    @Override
    public void calibrate() {
        final double h = kernel.time.resolution();
        if (refractoryCounts == null) {
            refractoryCounts = new int[n];
            P_sfa = new double[n][];
            P_stc = new double[n][];
        }
        buf = buf.withChannels(1 + spikeChannels()); // ports added after the buffers were set up
        for (int i = 0; i < n; i++) {
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            P_sfa[i] = new double[tau_sfa[i].length];
            for (int k = 0; k < P_sfa[i].length; k++) P_sfa[i][k] = GlibcMath.exp(-h / tau_sfa[i][k]);
            if (sfa_elems[i].length != P_sfa[i].length) sfa_elems[i] = Arrays.copyOf(sfa_elems[i], P_sfa[i].length);
            P_stc[i] = new double[tau_stc[i].length];
            for (int k = 0; k < P_stc[i].length; k++) P_stc[i][k] = GlibcMath.exp(-h / tau_stc[i][k]);
            if (stc_elems[i].length != P_stc[i].length) stc_elems[i] = Arrays.copyOf(stc_elems[i], P_stc[i].length);
        }
    }

    @Override
    public final void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final GslVarDim w = work.get();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] se = stc_elems[i], fe = sfa_elems[i], pst = P_stc[i], psf = P_sfa[i];
            final double[] qst = q_stc[i], qsf = q_sfa[i];
            final double[] yy = y[i];
            final int dim = dim(i);
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                final double sf = decayAdaptation(i, se, pst, fe, psf);
                w.integrate(i, yy, dim, h, hStep, gsl_error_tol[i], model.name);
                applySpikes(i, yy, step);
                if (r_ref[i] == 0) {
                    escapeNoise(i, yy[0], sf, h, se, qst, fe, qsf, step, lag, out);
                } else {
                    --r_ref[i];
                    yy[0] = V_reset[i];
                }
                I_stim[i] = buf.take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }
}
