package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * NEST's rate_neuron_ipn template (NEST 3.9 models/rate_neuron_ipn.h, rate_neuron_ipn_impl.h;
 * https://nest-simulator.readthedocs.io/en/v3.9/models/rate_neuron_ipn.html): rate neurons with input
 * noise, one subclass per nonlinearity (lin_rate_ipn, tanh_rate_ipn, threshold_lin_rate_ipn,
 * sigmoid_rate_ipn, gauss_rate_ipn, sigmoid_rate_gg_1998_ipn):
 *
 * <pre>
 *   tau dX/dt = -lambda X + mu + phi(sum_j w_j X_j(t - d_j)) + sqrt(tau) sigma xi(t)
 * </pre>
 *
 * integrated with the stochastic exponential Euler method (lambda > 0: P1 = exp(-lambda h/tau),
 * P2 = -expm1(-lambda h/tau)/lambda, noise factor sqrt(-expm1(-2 lambda h/tau)/(2 lambda))), or
 * Euler-Maruyama for lambda = 0 (P1 = 1, P2 = h/tau, noise factor sqrt(h/tau)):
 *
 * <pre>
 *   noise = sigma xi_k,   X_{k+1} = P1 X_k + P2 mu + noise_factor noise + (input, see {@link RateNeuron}),
 * </pre>
 *
 * the coupling factors evaluated at X_k; rectify_output clamps X at rectify_rate from below. Sends
 * X_k for each step and, after the final update of a slice, the end-of-slice rate as the instantaneous
 * guess for the next slice (see {@link RateNode}). Recordables: noise, rate.
 */
public abstract class RateNeuronIpn extends RateNeuron {
    @PerNode public double[] lambda, rectify_rate;
    @PerNode public boolean[] rectify_output;
    double[] noiseFactor;

    protected RateNeuronIpn(int n, RateNonlinearity nl) {
        super(n, nl);
        lambda = fill(n, 1.0);
        rectify_rate = fill(n, 0.0);
        rectify_output = fillB(n, false);
    }

    @Override
    protected void getTemplate(int i, Map<String, Object> d) {
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
    }

    @Override
    protected Runnable setTemplate(int i, Status s) {
        double ta = s.d("tau", tau[i]);
        double la = s.d("lambda", lambda[i]);
        double m = s.d("mu", mu[i]);
        double rr = s.d("rectify_rate", rectify_rate[i]);
        double sg = s.d("sigma", sigma[i]);
        boolean ls = s.b("linear_summation", linear_summation[i]);
        boolean ro = s.b("rectify_output", rectify_output[i]);
        boolean mc = s.b("mult_coupling", mult_coupling[i]);
        m = renamed(s, "rate_neuron_ipn", "mean", "mu", m);
        sg = renamed(s, "rate_neuron_ipn", "std", "sigma", sg);
        if (ta <= 0) throw badProperty("Time constant must be > 0.");
        if (la < 0) throw badProperty("Passive decay rate must be >= 0.");
        if (sg < 0) throw badProperty("Noise parameter must not be negative.");
        if (rr < 0) throw badProperty("Rectifying rate must not be negative.");
        final double r = s.d("rate", rate[i]);
        final double m1 = m, sg1 = sg;
        return () -> {
            tau[i] = ta;
            lambda[i] = la;
            mu[i] = m1;
            rectify_rate[i] = rr;
            sigma[i] = sg1;
            linear_summation[i] = ls;
            rectify_output[i] = ro;
            mult_coupling[i] = mc;
            rate[i] = r;
        };
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
    protected double[][] state() {
        return new double[][] {rate, noise};
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        P1 = new double[n];
        P2 = new double[n];
        noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            if (lambda[i] > 0) {
                P1[i] = GlibcMath.exp(-lambda[i] * h / tau[i]);
                P2[i] = -1.0 / lambda[i] * NestNumerics.expm1(-lambda[i] * h / tau[i]);
                noiseFactor[i] = Math.sqrt(-0.5 / lambda[i] * NestNumerics.expm1(-2. * lambda[i] * h / tau[i]));
            } else {
                P1[i] = 1;
                P2[i] = h / tau[i];
                noiseFactor[i] = Math.sqrt(h / tau[i]);
            }
        }
    }

    @Override
    protected double advance(int i, int q, double dEx, double dIn, double iEx, double iIn) {
        final double old = rate[i];
        noise[i] = sigma[i] * rnd[q];
        double x = P1[i] * old + P2[i] * mu[i] + noiseFactor[i] * noise[i];
        double hEx = 1., hIn = 1.;
        if (mult_coupling[i]) {
            hEx = nl.multCouplingEx(i, old);
            hIn = nl.multCouplingIn(i, old);
        }
        x = addInput(i, x, hEx, hIn, dEx, dIn, iEx, iIn);
        if (rectify_output[i] && x < rectify_rate[i]) x = rectify_rate[i];
        rate[i] = x;
        return old;
    }

    @Override
    protected double sliceGuess(int i) {
        return rate[i];
    }
}
