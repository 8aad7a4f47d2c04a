package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
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
 * {@code nodeRng(i)}, refractory clamp, the new I_stim. The adaptation/parameter checks are those of the
 * gif_psc_exp family ({@link GifPscExp#checkGif}).
 *
 * <p>Ring buffer layout: channel 0 current input, channels 1.. the model's spike inputs.
 */
abstract class GifCondBase extends NeuronBlock {
    static final int CUR = 0;
    @PerNode public double[] g_L, E_L, V_reset, Delta_V, V_T_star, lambda_0, t_ref, c_m, I_e, gsl_error_tol;
    @PerNode public double[][] tau_sfa, q_sfa, tau_stc, q_stc, sfa_elems, stc_elems, y;
    @PerNode public double[] sfa, stc, I_stim;
    @PerNode public int[] r_ref;
    double[] hStep;
    double[][] P_sfa, P_stc;
    int[] refractoryCounts;
    InputBuffer buf;
    private final ThreadLocal<GslVarDim> work = ThreadLocal.withInitial(() -> new GslVarDim(this::dynamics));

    GifCondBase(int n, int dim0) {
        super(n);
        g_L = fill(n, 4.0);
        E_L = fill(n, -70.0);
        V_reset = fill(n, -55.0);
        Delta_V = fill(n, 0.5);
        V_T_star = fill(n, -35.0);
        lambda_0 = fill(n, 0.001);
        t_ref = fill(n, 4.0);
        c_m = fill(n, 80.0);
        I_e = fill(n, 0.0);
        gsl_error_tol = fill(n, 1e-3);
        tau_sfa = GifPscExp.empty(n);
        q_sfa = GifPscExp.empty(n);
        tau_stc = GifPscExp.empty(n);
        q_stc = GifPscExp.empty(n);
        sfa_elems = GifPscExp.empty(n);
        stc_elems = GifPscExp.empty(n);
        y = new double[n][];
        sfa = fill(n, 0.0);
        stc = fill(n, 0.0);
        I_stim = fill(n, 0.0);
        r_ref = fillI(n, 0);
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

    final void getCommon(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("I_e", I_e[i]);
        d.put("E_L", E_L[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", c_m[i]);
        d.put("V_reset", V_reset[i]);
        d.put("Delta_V", Delta_V[i]);
        d.put("V_T_star", V_T_star[i]);
        d.put("lambda_0", lambda_0[i] * 1000.0);
        d.put("t_ref", t_ref[i]);
        d.put("gsl_error_tol", gsl_error_tol[i]);
        d.put("tau_sfa", tau_sfa[i].clone());
        d.put("q_sfa", q_sfa[i].clone());
        d.put("tau_stc", tau_stc[i].clone());
        d.put("q_stc", q_stc[i].clone());
        d.put("V_m", y[i][0]);
        d.put("E_sfa", sfa[i]);
        d.put("I_stc", stc[i]);
    }

    /** The common parameters read from a status dictionary (NEST's temporary Parameters_ copy). */
    final class GP {
        final int i;
        final double ie, el, gl, cm, vr, dv, vt, l0, tr, tol;
        final double[] tsfa, qsfa, tstc, qstc;

        GP(int i, Status s) {
            this.i = i;
            ie = s.d("I_e", I_e[i]);
            el = s.d("E_L", E_L[i]);
            gl = s.d("g_L", g_L[i]);
            cm = s.d("C_m", c_m[i]);
            vr = s.d("V_reset", V_reset[i]);
            dv = s.d("Delta_V", Delta_V[i]);
            vt = s.d("V_T_star", V_T_star[i]);
            l0 = s.has("lambda_0") ? s.d("lambda_0", 0.0) / 1000.0 : lambda_0[i];
            tr = s.d("t_ref", t_ref[i]);
            tol = s.d("gsl_error_tol", gsl_error_tol[i]);
            tsfa = s.da("tau_sfa", tau_sfa[i]);
            qsfa = s.da("q_sfa", q_sfa[i]);
            tstc = s.da("tau_stc", tau_stc[i]);
            qstc = s.da("q_stc", q_stc[i]);
        }

        void check() {
            GifPscExp.checkGif(tsfa, qsfa, tstc, qstc, gl, dv, cm, tr, l0);
        }

        void commit() {
            I_e[i] = ie; E_L[i] = el; g_L[i] = gl; c_m[i] = cm; V_reset[i] = vr; Delta_V[i] = dv; V_T_star[i] = vt;
            lambda_0[i] = l0; t_ref[i] = tr; gsl_error_tol[i] = tol;
            tau_sfa[i] = tsfa; q_sfa[i] = qsfa; tau_stc[i] = tstc; q_stc[i] = qstc;
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
        if (buf.channels < 1 + spikeChannels()) {
            // ports were added after the buffers were set up: grow, keeping pending input
            InputBuffer nb = new InputBuffer(n, 1 + spikeChannels(), buf.len);
            System.arraycopy(buf.d, 0, nb.d, 0, buf.d.length);
            buf = nb;
        }
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
            final double[] yy = y[i], se = stc_elems[i], fe = sfa_elems[i], pst = P_stc[i], psf = P_sfa[i];
            final double[] qst = q_stc[i], qsf = q_sfa[i];
            final int dim = dim(i);
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                double st = 0.0;
                for (int k = 0; k < se.length; k++) {
                    st += se[k];
                    se[k] = pst[k] * se[k];
                }
                stc[i] = st;
                double sf = V_T_star[i];
                for (int k = 0; k < fe.length; k++) {
                    sf += fe[k];
                    fe[k] = psf[k] * fe[k];
                }
                sfa[i] = sf;
                w.integrate(i, yy, dim, h, hStep, gsl_error_tol[i], model.name);
                applySpikes(i, yy, step);
                if (r_ref[i] == 0) {
                    final double lambda = lambda_0[i] * GlibcMath.exp((yy[0] - sf) / Delta_V[i]);
                    if (lambda > 0.0 && nodeRng(i).uniform() < -Math.expm1(-lambda * h)) {
                        for (int k = 0; k < se.length; k++) se[k] += qst[k];
                        for (int k = 0; k < fe.length; k++) fe[k] += qsf[k];
                        r_ref[i] = refractoryCounts[i];
                        spiked(i, step + 1);
                        out.spike(gid(i), lag, 1);
                    }
                } else {
                    --r_ref[i];
                    yy[0] = V_reset[i];
                }
                I_stim[i] = buf.take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
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
}
