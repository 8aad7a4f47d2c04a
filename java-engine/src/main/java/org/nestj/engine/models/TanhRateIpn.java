package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * tanh_rate_ipn — rate neuron with input noise and gain phi(h) = tanh(g (h - theta)); no
 * multiplicative coupling factors (NEST 3.9 models/tanh_rate.{h,cpp}; dynamics in {@link RateNeuronIpn}).
 */
public final class TanhRateIpn extends RateNeuronIpn {
    @PerNode public double[] g, theta;

    public TanhRateIpn(int n) {
        super(n, 10.0);
        g = fill(n, 1.0);
        theta = fill(n, 0.0);
    }

    @Override
    public TanhRateIpn make(int n) {
        return new TanhRateIpn(n);
    }

    @Override
    protected double input(int i, double h) {
        return Math.tanh(g[i] * (h - theta[i]));
    }

    @Override
    protected void getNonlinearity(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("theta", theta[i]);
    }

    @Override
    protected Runnable setNonlinearity(int i, Status s) {
        double gg = s.d("g", g[i]);
        double th = s.d("theta", theta[i]);
        return () -> {
            g[i] = gg;
            theta[i] = th;
        };
    }
}
