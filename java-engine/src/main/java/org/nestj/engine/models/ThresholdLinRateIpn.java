package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * threshold_lin_rate_ipn — rate neuron with input noise and gain
 * phi(h) = min(max(g (h - theta), 0), alpha); no multiplicative coupling factors
 * (NEST 3.9 models/threshold_lin_rate.{h,cpp}; dynamics in {@link RateNeuronIpn}).
 */
public final class ThresholdLinRateIpn extends RateNeuronIpn {
    @PerNode public double[] g, theta, alpha;

    public ThresholdLinRateIpn(int n) {
        super(n, 10.0);
        g = fill(n, 1.0);
        theta = fill(n, 0.0);
        alpha = fill(n, Double.POSITIVE_INFINITY);
    }

    @Override
    public ThresholdLinRateIpn make(int n) {
        return new ThresholdLinRateIpn(n);
    }

    @Override
    protected double input(int i, double h) {
        return Math.min(Math.max(g[i] * (h - theta[i]), 0.), alpha[i]);
    }

    @Override
    protected void getNonlinearity(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("theta", theta[i]);
        d.put("alpha", alpha[i]);
    }

    @Override
    protected Runnable setNonlinearity(int i, Status s) {
        double gg = s.d("g", g[i]);
        double th = s.d("theta", theta[i]);
        double al = s.d("alpha", alpha[i]);
        return () -> {
            g[i] = gg;
            theta[i] = th;
            alpha[i] = al;
        };
    }
}
