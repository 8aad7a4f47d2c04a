package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * NEST's nonlinearities_sigmoid_rate (models/sigmoid_rate.{h,cpp}), the gain of sigmoid_rate_ipn and
 * rate_transformer_sigmoid: input(h) = g / (1 + exp(-beta (h - theta))); no multiplicative coupling.
 */
public final class SigmoidRate extends RateNonlinearity {
    final double[] g, beta, theta;

    public SigmoidRate(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        beta = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        theta = new double[n];
    }

    @Override
    public SigmoidRate make(int n) {
        return new SigmoidRate(n);
    }

    @Override
    public double input(int i, double h) {
        return g[i] / (1. + GlibcMath.exp(-beta[i] * (h - theta[i])));
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("beta", beta[i]);
        d.put("theta", theta[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
        beta[i] = s.d("beta", beta[i]);
        theta[i] = s.d("theta", theta[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        SigmoidRate o = (SigmoidRate) src;
        g[i] = o.g[j];
        beta[i] = o.beta[j];
        theta[i] = o.theta[j];
    }
}
