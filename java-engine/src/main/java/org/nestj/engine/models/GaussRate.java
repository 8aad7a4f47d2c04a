package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * NEST's nonlinearities_gauss_rate (models/gauss_rate.{h,cpp}), the gain of gauss_rate_ipn and
 * rate_transformer_gauss:
 *
 * <pre>
 *   input(h) = g exp(-(h - mu)^2 / (2 sigma^2))      (defaults g = 1, mu = 0, sigma = 0)
 * </pre>
 *
 * evaluated as NEST does, {@code g * exp(-pow(h - mu, 2.) / (2. * pow(sigma, 2.)))} with glibc's exp (the
 * compiler folds pow(x, 2.) into x * x); with the default sigma = 0 the gain is 0 except at h = mu, where it is NaN (0/0). No
 * multiplicative coupling. In gauss_rate_ipn the keys mu and sigma are shared with the neuron's mean
 * input and noise parameter: a status dictionary sets both, and the status shows the gain's values
 * (NEST writes the nonlinearity's entries last).
 */
public final class GaussRate extends RateNonlinearity {
    final double[] g, mu, sigma;

    public GaussRate(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        mu = new double[n];
        sigma = new double[n];
    }

    @Override
    public GaussRate make(int n) {
        return new GaussRate(n);
    }

    @Override
    public double input(int i, double h) {
        final double d = h - mu[i];
        return g[i] * GlibcMath.exp(-(d * d) / (2. * (sigma[i] * sigma[i])));
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("mu", mu[i]);
        d.put("sigma", sigma[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
        mu[i] = s.d("mu", mu[i]);
        sigma[i] = s.d("sigma", sigma[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        GaussRate o = (GaussRate) src;
        g[i] = o.g[j];
        mu[i] = o.mu[j];
        sigma[i] = o.sigma[j];
    }
}
