package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * sigmoid_rate_ipn — rate neuron with input noise and gain phi(h) = g / (1 + exp(-beta (h - theta)));
 * no multiplicative coupling factors (NEST 3.9 models/sigmoid_rate.{h,cpp}; dynamics in
 * {@link RateNeuronIpn}).
 */
public final class SigmoidRateIpn extends RateNeuronIpn {
    @PerNode public double[] g, beta, theta;

    public SigmoidRateIpn(int n) {
        super(n, 10.0);
        g = fill(n, 1.0);
        beta = fill(n, 1.0);
        theta = fill(n, 0.0);
    }

    @Override
    public SigmoidRateIpn make(int n) {
        return new SigmoidRateIpn(n);
    }

    @Override
    protected double input(int i, double h) {
        return g[i] / (1. + GlibcMath.exp(-beta[i] * (h - theta[i])));
    }

    @Override
    protected void getNonlinearity(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("beta", beta[i]);
        d.put("theta", theta[i]);
    }

    @Override
    protected Runnable setNonlinearity(int i, Status s) {
        double gg = s.d("g", g[i]);
        double be = s.d("beta", beta[i]);
        double th = s.d("theta", theta[i]);
        return () -> {
            g[i] = gg;
            beta[i] = be;
            theta[i] = th;
        };
    }
}
