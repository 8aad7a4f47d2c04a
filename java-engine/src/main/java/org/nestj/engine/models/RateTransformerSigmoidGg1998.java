package org.nestj.engine.models;

/**
 * rate_transformer_sigmoid_gg_1998 — rate transformer with gain input(h) = (g h)^4 / (0.1^4 + (g h)^4)
 * (Gancarz and Grossberg 1998) (NEST 3.9 models/sigmoid_rate_gg_1998.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/sigmoid_rate_gg_1998.html; gain in {@link
 * SigmoidRateGg1998}, dynamics in {@link RateTransformerNode}).
 */
public final class RateTransformerSigmoidGg1998 extends RateTransformerNode {
    public RateTransformerSigmoidGg1998(int n) {
        super(n, new SigmoidRateGg1998(n));
    }

    @Override
    public RateTransformerSigmoidGg1998 make(int n) {
        return new RateTransformerSigmoidGg1998(n);
    }
}
