package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * lin_rate_ipn — rate neuron with input noise and linear gain phi(h) = g h; with mult_coupling the
 * input is scaled by g_ex (theta_ex - X) and g_in (theta_in + X) (NEST 3.9 models/lin_rate.{h,cpp};
 * dynamics in {@link RateNeuronIpn}).
 */
public final class LinRateIpn extends RateNeuronIpn {
    @PerNode public double[] g, g_ex, g_in, theta_ex, theta_in;

    public LinRateIpn(int n) {
        super(n, 10.0);
        g = fill(n, 1.0);
        g_ex = fill(n, 1.0);
        g_in = fill(n, 1.0);
        theta_ex = fill(n, 0.0);
        theta_in = fill(n, 0.0);
    }

    @Override
    public LinRateIpn make(int n) {
        return new LinRateIpn(n);
    }

    @Override
    protected double input(int i, double h) {
        return g[i] * h;
    }

    @Override
    protected double multCouplingEx(int i, double r) {
        return g_ex[i] * (theta_ex[i] - r);
    }

    @Override
    protected double multCouplingIn(int i, double r) {
        return g_in[i] * (theta_in[i] + r);
    }

    @Override
    protected void getNonlinearity(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("g_ex", g_ex[i]);
        d.put("g_in", g_in[i]);
        d.put("theta_ex", theta_ex[i]);
        d.put("theta_in", theta_in[i]);
    }

    @Override
    protected Runnable setNonlinearity(int i, Status s) {
        double gg = s.d("g", g[i]);
        double gex = s.d("g_ex", g_ex[i]);
        double gin = s.d("g_in", g_in[i]);
        double tex = s.d("theta_ex", theta_ex[i]);
        double tin = s.d("theta_in", theta_in[i]);
        return () -> {
            g[i] = gg;
            g_ex[i] = gex;
            g_in[i] = gin;
            theta_ex[i] = tex;
            theta_in[i] = tin;
        };
    }
}
