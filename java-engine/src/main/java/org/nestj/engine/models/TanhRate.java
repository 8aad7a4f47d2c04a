package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * NEST's nonlinearities_tanh_rate (models/tanh_rate.{h,cpp}), the gain of tanh_rate_ipn, tanh_rate_opn
 * and rate_transformer_tanh: input(h) = tanh(g (h - theta)); no multiplicative coupling (factors 1).
 */
public final class TanhRate extends RateNonlinearity {
    final double[] g, theta;

    public TanhRate(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        theta = new double[n];
    }

    @Override
    public TanhRate make(int n) {
        return new TanhRate(n);
    }

    @Override
    public double input(int i, double h) {
        return GlibcMath.tanh(g[i] * (h - theta[i]));
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("theta", theta[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
        theta[i] = s.d("theta", theta[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        TanhRate o = (TanhRate) src;
        g[i] = o.g[j];
        theta[i] = o.theta[j];
    }
}
