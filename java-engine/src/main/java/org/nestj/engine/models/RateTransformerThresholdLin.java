package org.nestj.engine.models;

/**
 * rate_transformer_threshold_lin — rate transformer with gain input(h) = min(max(g (h - theta), 0),
 * alpha) (NEST 3.9 models/threshold_lin_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/threshold_lin_rate.html; gain in {@link ThresholdLinRate},
 * dynamics in {@link RateTransformerNode}).
 */
public final class RateTransformerThresholdLin extends RateTransformerNode {
    public RateTransformerThresholdLin(int n) {
        super(n, new ThresholdLinRate(n));
    }

    @Override
    public RateTransformerThresholdLin make(int n) {
        return new RateTransformerThresholdLin(n);
    }
}
