package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;

/**
 * NEST's nonlinearities_lin_rate (models/lin_rate.{h,cpp}), the gain of lin_rate_ipn, lin_rate_opn and
 * rate_transformer_lin:
 *
 * <pre>
 *   input(h) = g h,   mult_coupling_ex(rate) = g_ex (theta_ex - rate),   mult_coupling_in(rate) = g_in (theta_in + rate)
 * </pre>
 */
public final class LinRate extends RateNonlinearity {
    final double[] g, g_ex, g_in, theta_ex, theta_in;

    public LinRate(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        g_ex = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        g_in = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
        theta_ex = new double[n];
        theta_in = new double[n];
    }

    @Override
    public LinRate make(int n) {
        return new LinRate(n);
    }

    @Override
    public double input(int i, double h) {
        return g[i] * h;
    }

    @Override
    public double multCouplingEx(int i, double rate) {
        return g_ex[i] * (theta_ex[i] - rate);
    }

    @Override
    public double multCouplingIn(int i, double rate) {
        return g_in[i] * (theta_in[i] + rate);
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
        d.put("g_ex", g_ex[i]);
        d.put("g_in", g_in[i]);
        d.put("theta_ex", theta_ex[i]);
        d.put("theta_in", theta_in[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
        g_ex[i] = s.d("g_ex", g_ex[i]);
        g_in[i] = s.d("g_in", g_in[i]);
        theta_ex[i] = s.d("theta_ex", theta_ex[i]);
        theta_in[i] = s.d("theta_in", theta_in[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        LinRate o = (LinRate) src;
        g[i] = o.g[j];
        g_ex[i] = o.g_ex[j];
        g_in[i] = o.g_in[j];
        theta_ex[i] = o.theta_ex[j];
        theta_in[i] = o.theta_in[j];
    }
}
