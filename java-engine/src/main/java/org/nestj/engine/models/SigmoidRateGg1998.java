package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * NEST's nonlinearities_sigmoid_rate_gg_1998 (models/sigmoid_rate_gg_1998.{h,cpp}; Gancarz and
 * Grossberg 1998), the gain of sigmoid_rate_gg_1998_ipn and rate_transformer_sigmoid_gg_1998:
 *
 * <pre>
 *   input(h) = (g h)^4 / (0.1^4 + (g h)^4)
 * </pre>
 *
 * evaluated with glibc's pow as NEST does; no multiplicative coupling.
 */
public final class SigmoidRateGg1998 extends RateNonlinearity {
    final double[] g;

    public SigmoidRateGg1998(int n) {
        super(n);
        g = org.nestj.engine.kernel.NodeBlock.fill(n, 1.0);
    }

    @Override
    public SigmoidRateGg1998 make(int n) {
        return new SigmoidRateGg1998(n);
    }

    @Override
    public double input(int i, double h) {
        return GlibcMath.pow(g[i] * h, 4.) / (GlibcMath.pow(.1, 4.) + GlibcMath.pow(g[i] * h, 4.));
    }

    @Override
    public void get(int i, Map<String, Object> d) {
        d.put("g", g[i]);
    }

    @Override
    public void set(int i, Status s) {
        g[i] = s.d("g", g[i]);
    }

    @Override
    public void copy(RateNonlinearity src, int j, int i) {
        g[i] = ((SigmoidRateGg1998) src).g[j];
    }
}
