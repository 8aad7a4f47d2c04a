package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * NEST's rate_neuron_opn template (NEST 3.9 models/rate_neuron_opn.h, rate_neuron_opn_impl.h;
 * https://nest-simulator.readthedocs.io/en/v3.9/models/rate_neuron_opn.html): rate neurons with output
 * noise, one subclass per nonlinearity (lin_rate_opn, tanh_rate_opn, threshold_lin_rate_opn):
 *
 * <pre>
 *   tau dX_i/dt = -X_i + mu + phi(sum_j w_ij psi(X_j(t - d_ij) + sqrt(tau) sigma xi_j(t)))
 * </pre>
 *
 * The noise is added to the rate a neuron sends, not to its dynamics. Per step (P1 = exp(-h/tau),
 * P2 = -expm1(-h/tau), output noise factor sqrt(tau/h) for noise held constant over a step):
 *
 * <pre>
 *   noise = sigma xi_k,   noisy_rate = X_k + sqrt(tau/h) noise,
 *   X_{k+1} = P1 X_k + P2 mu + (input, see {@link RateNeuron}, coupling factors evaluated at noisy_rate)
 * </pre>
 *
 * The noisy rate is what the neuron sends for each step; after the final update of a slice the last
 * step's noisy rate is the instantaneous guess for the next slice. No lambda and no rectification.
 * Recordables: noise, noisy_rate, rate.
 *
 * <p>NEST's copy constructor of this template does not copy the nonlinearity: nodes made by Create
 * (copies of the model's prototype) and models made by CopyModel start from the nonlinearity's
 * built-in defaults, whatever SetDefaults set (GetDefaults of the model still shows those values);
 * parameters given to Create or SetStatus apply. nestj does the same.
 */
public abstract class RateNeuronOpn extends RateNeuron {
    @PerNode public double[] noisy_rate;
    double[] outputNoiseFactor;

    protected RateNeuronOpn(int n, RateNonlinearity nl) {
        super(n, nl);
        noisy_rate = fill(n, 0.0);
    }

    @Override
    protected boolean copiesNonlinearity() {
        return false;
    }

    @Override
    protected void getTemplate(int i, Map<String, Object> d) {
        d.put("tau", tau[i]);
        d.put("sigma", sigma[i]);
        d.put("mu", mu[i]);
        d.put("linear_summation", linear_summation[i]);
        d.put("mult_coupling", mult_coupling[i]);
        d.put("std", sigma[i]);
        d.put("mean", mu[i]);
        d.put("rate", rate[i]);
        d.put("noise", noise[i]);
        d.put("noisy_rate", noisy_rate[i]);
    }

    @Override
    protected Runnable setTemplate(int i, Status s) {
        double ta = s.d("tau", tau[i]);
        double m = s.d("mu", mu[i]);
        double sg = s.d("sigma", sigma[i]);
        boolean ls = s.b("linear_summation", linear_summation[i]);
        boolean mc = s.b("mult_coupling", mult_coupling[i]);
        m = renamed(s, "rate_neuron_opn", "mean", "mu", m);
        sg = renamed(s, "rate_neuron_opn", "std", "sigma", sg);
        if (ta <= 0) throw badProperty("Time constant must be > 0.");
        if (sg < 0) throw badProperty("Noise parameter must not be negative.");
        final double r = s.d("rate", rate[i]);
        final double m1 = m, sg1 = sg;
        return () -> {
            tau[i] = ta;
            mu[i] = m1;
            sigma[i] = sg1;
            linear_summation[i] = ls;
            mult_coupling[i] = mc;
            rate[i] = r;
        };
    }

    private static final String[] REC = {"noise", "noisy_rate", "rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? noise[i] : var == 1 ? noisy_rate[i] : rate[i];
    }

    @Override
    protected double[][] state() {
        return new double[][] {rate, noise, noisy_rate};
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        P1 = new double[n];
        P2 = new double[n];
        outputNoiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            P1[i] = GlibcMath.exp(-h / tau[i]);
            P2[i] = -NestNumerics.expm1(-h / tau[i]);
            outputNoiseFactor[i] = Math.sqrt(tau[i] / h);
        }
    }

    @Override
    protected double advance(int i, int q, double dEx, double dIn, double iEx, double iIn) {
        noise[i] = sigma[i] * rnd[q];
        final double nr = rate[i] + outputNoiseFactor[i] * noise[i];
        noisy_rate[i] = nr;
        double x = P1[i] * rate[i] + P2[i] * mu[i];
        double hEx = 1., hIn = 1.;
        if (mult_coupling[i]) {
            hEx = nl.multCouplingEx(i, nr);
            hIn = nl.multCouplingIn(i, nr);
        }
        rate[i] = addInput(i, x, hEx, hIn, dEx, dIn, iEx, iIn);
        return nr;
    }

    @Override
    protected double sliceGuess(int i) {
        return noisy_rate[i];
    }
}
