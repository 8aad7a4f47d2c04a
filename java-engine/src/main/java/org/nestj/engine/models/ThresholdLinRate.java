package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;

/**
 * NEST's nonlinearities_threshold_lin_rate (models/threshold_lin_rate.{h,cpp}), the gain of
 * threshold_lin_rate_ipn, threshold_lin_rate_opn and rate_transformer_threshold_lin:
 * input(h) = min(max(g (h - theta), 0), alpha); no multiplicative coupling (factors 1).
 */
public final class ThresholdLinRate extends RateNonlinearity {
    final double[] g, theta, alpha;

    public ThresholdLinRate(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        theta = new double[n];
        alpha = org.nestj.engine.kernel.NodeBlock.fill(n, Double.POSITIVE_INFINITY);
    }

    @Override
    public ThresholdLinRate make(int n) {
        return new ThresholdLinRate(n);
    }

    @Override
    public double input(int i, double h) {
        // std::min(std::max(a, 0.), alpha): max(a, b) is (a < b ? b : a), min(a, b) is (b < a ? b : a)
        double a = g[i] * (h - theta[i]);
        double m = a < 0. ? 0. : a;
        return alpha[i] < m ? alpha[i] : m;
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("theta", theta[i]);
        d.put("alpha", alpha[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
        theta[i] = s.d("theta", theta[i]);
        alpha[i] = s.d("alpha", alpha[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        ThresholdLinRate o = (ThresholdLinRate) src;
        g[i] = o.g[j];
        theta[i] = o.theta[j];
        alpha[i] = o.alpha[j];
    }
}
