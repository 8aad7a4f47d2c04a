package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GslQags;
import org.nestj.engine.numerics.GslSf;
import org.nestj.engine.numerics.NestNumerics;

/**
 * siegert_neuron — rate model whose gain is the stationary firing rate of a leaky integrate-and-fire
 * neuron driven by white (tau_syn = 0) or colored noise (Fourcaud and Brunel 2002; Schuecker et al. 2015,
 * eq. 25), for mean-field analysis of spiking networks (NEST 3.9 models/siegert_neuron.{h,cpp};
 * https://nest-simulator.readthedocs.io/en/v3.9/models/siegert_neuron.html).
 *
 * <pre>
 *   tau dr/dt = -r + mean + Phi(mu, sigma^2),   mu = sum_j drift_factor_j r_j,  sigma^2 = sum_j diffusion_factor_j r_j
 *   Phi = 1e3 / (t_ref + tau_m sqrt(pi) int_{y_r}^{y_th} e^{s^2} (1 + erf s) ds)      [1/s, times in ms]
 *   y_th = (theta - mu)/sigma + alpha/2 sqrt(tau_syn/tau_m),  y_r = (V_reset - mu)/sigma + alpha/2 sqrt(tau_syn/tau_m),
 *   alpha = sqrt(2) |zeta(1/2)|;  Phi = 0 if theta - mu > 6 sigma
 * </pre>
 *
 * The integral is evaluated as NEST does, depending on the signs of y_r and y_th, from Dawson's
 * function and {@code gsl_integration_qags} of erfcx(s) = exp(s^2 + log erfc(s)) (epsabs 0, epsrel
 * 1.49e-8, 1000 subintervals), ported from GSL ({@link GslQags}, {@link GslSf}). The rate is
 * propagated exactly: r <- P1 r + P2 (mean + Phi), P1 = exp(-h/tau), P2 = -expm1(-h/tau).
 *
 * <p>Input: diffusion_connection (DiffusionConnectionEvent, a secondary event without delay): for
 * every lag of the slice the drift and diffusion inputs sum drift_factor resp. diffusion_factor times
 * the sender's rate. With use_wfr (node_uses_wfr taken from the kernel at creation, as NEST does) the
 * slice is solved by waveform relaxation ({@link #wfrUpdate}); each update sends the rates before every
 * step and, after the final update, the end-of-slice rate for all lags as the guess for the next
 * slice. Recordable: rate. Rate events, no spike input and the waveform-relaxation bookkeeping:
 * {@link WfrRateNode}.
 */
public final class SiegertNeuron extends WfrRateNode {
    @PerNode public double[] tau, tau_m, tau_syn, t_ref, mean, theta, V_reset;
    double[] P1, P2;
    /** per node [i * md + lag]: drift and diffusion inputs of the slice */
    double[] drift, diffusion;

    public SiegertNeuron(int n) {
        super(n);
        tau = fill(n, 1.0);
        tau_m = fill(n, 5.0);
        tau_syn = fill(n, 0.0);
        t_ref = fill(n, 2.0);
        mean = fill(n, 0.0);
        theta = fill(n, 15.0);
        V_reset = fill(n, 0.0);
    }

    @Override
    public SiegertNeuron make(int n) {
        return new SiegertNeuron(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("mean", mean[i]);
        d.put("theta", theta[i]);
        d.put("V_reset", V_reset[i]);
        d.put("tau", tau[i]);
        d.put("tau_m", tau_m[i]);
        d.put("tau_syn", tau_syn[i]);
        d.put("t_ref", t_ref[i]);
        d.put("rate", rate[i]);
        getArchiving(i, d);
        d.put("node_uses_wfr", nodeUsesWfr);
    }

    @Override
    public void setStatus(int i, Status s) {
        double m = s.d("mean", mean[i]);
        double th = s.d("theta", theta[i]);
        double vr = s.d("V_reset", V_reset[i]);
        double ta = s.d("tau", tau[i]);
        double tm = s.d("tau_m", tau_m[i]);
        double ts = s.d("tau_syn", tau_syn[i]);
        double tr = s.d("t_ref", t_ref[i]);
        if (vr >= th) throw badProperty("Reset potential must be smaller than threshold.");
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        if (ta <= 0) throw badProperty("time constant must be > 0.");
        if (tm <= 0) throw badProperty("Membrane time constant must be > 0.");
        if (ts < 0) throw badProperty("Membrane time constant must not be negative.");
        double r = s.d("rate", rate[i]);
        setArchiving(i, s);
        mean[i] = m;
        theta[i] = th;
        V_reset[i] = vr;
        tau[i] = ta;
        tau_m[i] = tm;
        tau_syn[i] = ts;
        t_ref[i] = tr;
        rate[i] = r;
    }

    private static final String[] REC = {"rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return rate[i];
    }

    @Override
    public boolean sendsDiffusion() {
        return true;
    }

    @Override
    public int checkDiffusionReceptor(int i, int rport) {
        if (rport == 0 || rport == 1) return rport;
        throw new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in " + model.name + ".");
    }

    @Override
    public void initBuffers(int ringLen) {
        md = (int) kernel.connections.minDelay();
        drift = new double[n * md];
        diffusion = new double[n * md];
        lastY = new double[n * md];
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        P1 = new double[n];
        P2 = new double[n];
        for (int i = 0; i < n; i++) {
            P1[i] = GlibcMath.exp(-h / tau[i]);
            P2[i] = -NestNumerics.expm1(-h / tau[i]);
        }
    }

    @Override
    public void handleDiffusion(int i, int lag, double value, double driftFactor, double diffusionFactor, int rport) {
        drift[i * md + lag] += driftFactor * value;
        diffusion[i * md + lag] += diffusionFactor * value;
    }

    // ------------------------------------------------------------------ the Siegert formula

    /** erfcx(s) = exp(s^2) erfc(s), as NEST writes it. */
    private static final GslQags.Fn ERFCX = x -> GlibcMath.exp(1.0 * 1.0 * x * x + GslSf.logErfc(x));
    private static final double ALPHA = 2.0652531522312172;
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    /** one GSL workspace (1000 subintervals) per updating thread */
    private static final ThreadLocal<GslQags> WORKSPACE = ThreadLocal.withInitial(() -> new GslQags(1000));

    /** NEST's siegert_neuron::siegert(mu, sigma_square) of node i, in 1/s. */
    double siegert(int i, double mu, double sigmaSquare, GslQags w) {
        final double sigma = Math.sqrt(sigmaSquare);
        if ((theta[i] - mu) > 6. * sigma) return 0.;
        final double thresholdShift = ALPHA / 2. * Math.sqrt(tau_syn[i] / tau_m[i]);
        final double yTh = (theta[i] - mu) / sigma + thresholdShift;
        final double yR = (V_reset[i] - mu) / sigma + thresholdShift;
        final double errAbs = 0.0, errRel = 1.49e-8;
        final int maxSub = 1000;
        double integral;
        if (yR > 0.) {
            check(w.integrate(ERFCX, yR, yTh, errAbs, errRel, maxSub));
            final double result = w.result;
            integral = 2. * GslSf.dawson(yTh) - 2. * GlibcMath.exp(yR * yR - yTh * yTh) * GslSf.dawson(yR)
                    - GlibcMath.exp(-yTh * yTh) * result;
            return 1e3 * GlibcMath.exp(-yTh * yTh) / (GlibcMath.exp(-yTh * yTh) * t_ref[i] + tau_m[i] * SQRT_PI * integral);
        } else if (yTh < 0.) {
            check(w.integrate(ERFCX, -yTh, -yR, errAbs, errRel, maxSub));
            integral = w.result;
            return 1e3 * 1. / (t_ref[i] + tau_m[i] * SQRT_PI * integral);
        } else {
            check(w.integrate(ERFCX, yTh, -yR, errAbs, errRel, maxSub));
            final double result = w.result;
            integral = 2. * GslSf.dawson(yTh) + GlibcMath.exp(-yTh * yTh) * result;
            return 1e3 * GlibcMath.exp(-yTh * yTh) / (GlibcMath.exp(-yTh * yTh) * t_ref[i] + tau_m[i] * SQRT_PI * integral);
        }
    }

    /** GSL's default error handler, never replaced by NEST, aborts the process on a failed integration. */
    private static void check(int status) {
        if (status != GslQags.GSL_SUCCESS) {
            throw new NestException("GSLError", "gsl: qags.c: ERROR: " + GslQags.message(status)
                    + " (GSL's default error handler aborts NEST here)");
        }
    }

    // ------------------------------------------------------------------ update

    /** update_ of node i over lags [from, to); wfr: a waveform-relaxation pass; true if wfr_tol was exceeded. */
    private boolean step(int i, long origin, int from, int to, boolean wfr, boolean rec, RateEvents.Out ro, GslQags w) {
        final int rb = i * md;
        boolean exceeded = false;
        final int ib = ro.beginInstant(i);
        for (int lag = from; lag < to; lag++) {
            ro.vi[ib + lag] = rate[i];
            double drive = siegert(i, drift[rb + lag], diffusion[rb + lag], w);
            rate[i] = P1[i] * rate[i] + P2[i] * (mean[i] + drive);
            if (!wfr) {
                if (rec && recordedBy[i] != null) record(origin + lag, i);
            } else {
                if (wfrMoved(rb + lag, rate[i])) exceeded = true;
            }
        }
        if (!wfr) {
            java.util.Arrays.fill(lastY, rb, rb + md, 0.0);
            for (int lag = from; lag < to; lag++) ro.vi[ib + lag] = rate[i];
        }
        java.util.Arrays.fill(drift, rb, rb + md, 0.0);
        java.util.Arrays.fill(diffusion, rb, rb + md, 0.0);
        return exceeded;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        final GslQags w = WORKSPACE.get();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            step(i, origin, from, to, false, rec, ro, w);
        }
    }

    @Override
    public boolean wfrUpdate(long origin, int from, int to, int i0, int i1) {
        final RateEvents.Out ro = rateOut;
        final GslQags w = WORKSPACE.get();
        boolean done = true;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double r = rate[i];
            boolean exceeded = step(i, origin, from, to, true, false, ro, w);
            rate[i] = r;
            done = done && !exceeded;
        }
        return done;
    }
}
