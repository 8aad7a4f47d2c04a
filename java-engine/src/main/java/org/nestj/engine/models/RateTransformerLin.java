package org.nestj.engine.models;

/**
 * rate_transformer_lin — rate transformer with linear gain input(h) = g h (g_ex, g_in, theta_ex,
 * theta_in are kept but unused: the transformer has no multiplicative coupling) (NEST 3.9
 * models/lin_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/lin_rate.html; gain in
 * {@link LinRate}, dynamics in {@link RateTransformerNode}).
 */
public final class RateTransformerLin extends RateTransformerNode {
    public RateTransformerLin(int n) {
        super(n, new LinRate(n));
    }

    @Override
    public RateTransformerLin make(int n) {
        return new RateTransformerLin(n);
    }
}
