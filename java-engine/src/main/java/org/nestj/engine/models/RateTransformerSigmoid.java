package org.nestj.engine.models;

/**
 * rate_transformer_sigmoid — rate transformer with gain input(h) = g / (1 + exp(-beta (h - theta)))
 * (NEST 3.9 models/sigmoid_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/sigmoid_rate.html; gain in {@link SigmoidRate}, dynamics in
 * {@link RateTransformerNode}).
 */
public final class RateTransformerSigmoid extends RateTransformerNode {
    public RateTransformerSigmoid(int n) {
        super(n, new SigmoidRate(n));
    }

    @Override
    public RateTransformerSigmoid make(int n) {
        return new RateTransformerSigmoid(n);
    }
}
