package org.nestj.engine.models;

/**
 * rate_transformer_tanh — rate transformer with gain input(h) = tanh(g (h - theta)) (NEST 3.9
 * models/tanh_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/tanh_rate.html; gain
 * in {@link TanhRate}, dynamics in {@link RateTransformerNode}).
 */
public final class RateTransformerTanh extends RateTransformerNode {
    public RateTransformerTanh(int n) {
        super(n, new TanhRate(n));
    }

    @Override
    public RateTransformerTanh make(int n) {
        return new RateTransformerTanh(n);
    }
}
