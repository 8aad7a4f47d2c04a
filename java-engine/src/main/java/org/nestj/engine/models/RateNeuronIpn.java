package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * NEST's rate_neuron_ipn template (models/rate_neuron_ipn.h, rate_neuron_ipn_impl.h): rate neurons
 * with input noise, one subclass per nonlinearity (lin_rate_ipn, tanh_rate_ipn,
 * threshold_lin_rate_ipn, sigmoid_rate_ipn):
 *
 * <pre>
 *   tau dX/dt = -lambda X + mu + phi(sum_j w_j X_j(t - d_j)) + sqrt(tau) sigma xi(t)
 * </pre>
 *
 * integrated with the stochastic exponential Euler method (lambda > 0: P1 = exp(-lambda h/tau),
 * P2 = -expm1(-lambda h/tau)/lambda, noise factor sqrt(-expm1(-2 lambda h/tau)/(2 lambda))), or
 * Euler-Maruyama for lambda = 0. With mult_coupling the excitatory/inhibitory input is scaled by the
 * nonlinearity's coupling factors of the old rate; linear_summation applies phi to the summed input,
 * otherwise to each input on arrival. rectify_output clamps X at rectify_rate from below.
 *
 * <p>Inputs: rate_connection_delayed (ring buffers by arrival step; positive weights excitatory,
 * negative inhibitory) and rate_connection_instantaneous (per-lag buffers of the current slice,
 * solved by waveform relaxation: {@link #wfrUpdate} runs the slice on a copy of the state and reports
 * whether every lag changed by at most wfr_tol since the previous iteration). Each update sends the
 * rate before every step's update (delayed event) and, after the final update, the end-of-slice
 * rate as the instantaneous guess for the next slice. Recordables: noise, rate.
 */
public abstract class RateNeuronIpn extends NeuronBlock {
    @PerNode public double[] tau, lambda, sigma, mu, rectify_rate;
    @PerNode public boolean[] linear_summation, rectify_output, mult_coupling;
    @PerNode public double[] rate, noise;
    double[] P1, P2, noiseFactor;
    /** delayed inputs [slot][node] (ring of min_delay + max_delay slots) */
    double[] ex, in;
    int len;
    /** per node [i * md + lag]: instantaneous inputs of the slice, last wfr values, normal deviates */
    double[] instEx, instIn, lastY, rnd;
    int md;
    /** wfr_tol of the kernel */
    double wfrTol = 0.0001;

    protected RateNeuronIpn(int n, double tauDefault) {
        super(n);
        tau = fill(n, tauDefault);
        lambda = fill(n, 1.0);
        sigma = fill(n, 1.0);
        mu = fill(n, 0.0);
        rectify_rate = fill(n, 0.0);
        linear_summation = fillB(n, true);
        rectify_output = fillB(n, false);
        mult_coupling = fillB(n, false);
        rate = fill(n, 0.0);
        noise = fill(n, 0.0);
    }

    /** The nonlinearity phi of node i. */
    protected abstract double input(int i, double h);

    /** Factor of multiplicative excitatory coupling of node i at rate r. */
    protected double multCouplingEx(int i, double r) {
        return 1.;
    }

    protected double multCouplingIn(int i, double r) {
        return 1.;
    }

    /** The nonlinearity's parameters. */
    protected abstract void getNonlinearity(int i, Map<String, Object> d);

    /** Reads the nonlinearity's parameters; apply() stores them once all checks passed. */
    protected abstract Runnable setNonlinearity(int i, Status s);

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("tau", tau[i]);
        d.put("lambda", lambda[i]);
        d.put("sigma", sigma[i]);
        d.put("mu", mu[i]);
        d.put("rectify_rate", rectify_rate[i]);
        d.put("linear_summation", linear_summation[i]);
        d.put("rectify_output", rectify_output[i]);
        d.put("mult_coupling", mult_coupling[i]);
        d.put("std", sigma[i]);
        d.put("mean", mu[i]);
        d.put("rate", rate[i]);
        d.put("noise", noise[i]);
        getNonlinearity(i, d);
        d.put("node_uses_wfr", usesWfr);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ta = s.d("tau", tau[i]);
        double la = s.d("lambda", lambda[i]);
        double m = s.d("mu", mu[i]);
        double rr = s.d("rectify_rate", rectify_rate[i]);
        double sg = s.d("sigma", sigma[i]);
        boolean ls = s.b("linear_summation", linear_summation[i]);
        boolean ro = s.b("rectify_output", rectify_output[i]);
        boolean mc = s.b("mult_coupling", mult_coupling[i]);
        if (s.has("mean")) {
            m = s.d("mean", m);
            System.err.println("rate_neuron_ipn< TNonlinearities >::Parameters_::set [Warning]: The parameter mean has been "
                    + "renamed to mu. Please use the new name from now on.");
        }
        if (s.has("std")) {
            sg = s.d("std", sg);
            System.err.println("rate_neuron_ipn< TNonlinearities >::Parameters_::set [Warning]: The parameter std has been "
                    + "renamed to sigma. Please use the new name from now on.");
        }
        if (ta <= 0) throw badProperty("Time constant must be > 0.");
        if (la < 0) throw badProperty("Passive decay rate must be >= 0.");
        if (sg < 0) throw badProperty("Noise parameter must not be negative.");
        if (rr < 0) throw badProperty("Rectifying rate must not be negative.");
        double r = s.d("rate", rate[i]);
        Runnable nl = setNonlinearity(i, s);
        setArchiving(i, s);
        tau[i] = ta;
        lambda[i] = la;
        mu[i] = m;
        rectify_rate[i] = rr;
        sigma[i] = sg;
        linear_summation[i] = ls;
        rectify_output[i] = ro;
        mult_coupling[i] = mc;
        rate[i] = r;
        nl.run();
    }

    private static final String[] REC = {"noise", "rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? noise[i] : rate[i];
    }

    @Override
    public boolean sendsRates() {
        return true;
    }

    /** node_uses_wfr: the kernel's use_wfr when the block was created (as NEST's constructor reads it) */
    boolean usesWfr = true;

    @Override
    public void created() {
        usesWfr = kernel.useWfr();
    }

    @Override
    public boolean usesWfr() {
        return usesWfr;
    }

    @Override
    public void setWfrTol(double tol) {
        wfrTol = tol;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public int checkDelayedRateReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "DelayedRateConnectionEvent");
        return 0;
    }

    @Override
    public int checkInstantRateReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "InstantaneousRateConnectionEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        len = ringLen;
        ex = new double[n * len];
        in = new double[n * len];
        md = (int) kernel.connections.minDelay();
        instEx = new double[n * md];
        instIn = new double[n * md];
        lastY = new double[n * md];
        rnd = new double[n * md];
        for (int i = 0; i < n; i++) {
            Rng r = nodeRng(i);
            for (int k = 0; k < md; k++) rnd[i * md + k] = r.normal();
        }
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        P1 = new double[n];
        P2 = new double[n];
        noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            if (lambda[i] > 0) {
                P1[i] = Math.exp(-lambda[i] * h / tau[i]);
                P2[i] = -1.0 / lambda[i] * Math.expm1(-lambda[i] * h / tau[i]);
                noiseFactor[i] = Math.sqrt(-0.5 / lambda[i] * Math.expm1(-2. * lambda[i] * h / tau[i]));
            } else {
                P1[i] = 1;
                P2[i] = h / tau[i];
                noiseFactor[i] = Math.sqrt(h / tau[i]);
            }
        }
    }

    @Override
    public void handleDelayedRate(int i, long step, double r, double weight, int rport) {
        double v = linear_summation[i] ? weight * r : weight * input(i, r);
        int k = (int) (step % len) * n + i;
        if (weight >= 0.0) ex[k] += v;
        else in[k] += v;
    }

    @Override
    public void handleInstantRate(int i, int lag, double r, double weight, int rport) {
        double v = linear_summation[i] ? weight * r : weight * input(i, r);
        if (weight >= 0.0) instEx[i * md + lag] += v;
        else instIn[i * md + lag] += v;
    }

    /**
     * update_ of node i over lags [from, to); wfr: a waveform-relaxation pass (delayed inputs are
     * kept, nothing is recorded, the state is restored by the caller). Returns true if some lag
     * moved by more than wfr_tol (wfr only).
     */
    private boolean step(int i, long origin, int from, int to, boolean wfr, boolean rec, RateEvents.Out ro) {
        final int rb = i * md;
        final int vb = wfr ? -1 : ro.begin(i);
        boolean exceeded = false;
        // the instantaneous event carries the rates before each step (zeros outside [from, to))
        final int ib = ro.beginInstant(i);
        for (int lag = from; lag < to; lag++) {
            long st = origin + lag;
            double old = rate[i];
            if (!wfr) ro.v[vb + lag] = old;
            ro.vi[ib + lag] = old;
            noise[i] = sigma[i] * rnd[rb + lag];
            double x = P1[i] * old + P2[i] * mu[i] + noiseFactor[i] * noise[i];
            int k = (int) (st % len) * n + i;
            double dIn = in[k], dEx = ex[k];
            if (!wfr) {
                in[k] = 0.0;
                ex[k] = 0.0;
            }
            double iIn = instIn[rb + lag], iEx = instEx[rb + lag];
            double hEx = 1., hIn = 1.;
            if (mult_coupling[i]) {
                hEx = multCouplingEx(i, old);
                hIn = multCouplingIn(i, old);
            }
            if (linear_summation[i]) {
                if (mult_coupling[i]) {
                    x += P2[i] * hEx * input(i, dEx + iEx);
                    x += P2[i] * hIn * input(i, dIn + iIn);
                } else {
                    x += P2[i] * input(i, dEx + iEx + dIn + iIn);
                }
            } else {
                x += P2[i] * hEx * (dEx + iEx);
                x += P2[i] * hIn * (dIn + iIn);
            }
            if (rectify_output[i] && x < rectify_rate[i]) x = rectify_rate[i];
            rate[i] = x;
            if (wfr) {
                exceeded = exceeded || Math.abs(x - lastY[rb + lag]) > wfrTol;
                lastY[rb + lag] = x;
            } else if (rec && recordedBy[i] != null) {
                record(st, i);
            }
        }
        if (!wfr) {
            java.util.Arrays.fill(lastY, rb, rb + md, 0.0);
            // the end-of-slice rate is the instantaneous guess for the next slice
            for (int lag = from; lag < to; lag++) ro.vi[ib + lag] = rate[i];
            Rng r = nodeRng(i);
            for (int q = 0; q < md; q++) rnd[rb + q] = r.normal();
        }
        java.util.Arrays.fill(instEx, rb, rb + md, 0.0);
        java.util.Arrays.fill(instIn, rb, rb + md, 0.0);
        return exceeded;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            step(i, origin, from, to, false, rec, ro);
        }
    }

    @Override
    public boolean wfrUpdate(long origin, int from, int to, int i0, int i1) {
        final RateEvents.Out ro = rateOut;
        boolean done = true;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double r = rate[i], nz = noise[i];
            boolean exceeded = step(i, origin, from, to, true, false, ro);
            rate[i] = r;
            noise[i] = nz;
            done = done && !exceeded;
        }
        return done;
    }
}
