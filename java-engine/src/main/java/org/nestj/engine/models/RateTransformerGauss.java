package org.nestj.engine.models;

/**
 * rate_transformer_gauss — rate transformer with Gaussian gain input(h) = g exp(-(h - mu)^2 / (2
 * sigma^2)) (defaults g = 1, mu = 0, sigma = 0: NaN at h = mu, 0 elsewhere) (NEST 3.9
 * models/gauss_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/gauss_rate.html;
 * gain in {@link GaussRate}, dynamics in {@link RateTransformerNode}).
 */
public final class RateTransformerGauss extends RateTransformerNode {
    public RateTransformerGauss(int n) {
        super(n, new GaussRate(n));
    }

    @Override
    public RateTransformerGauss make(int n) {
        return new RateTransformerGauss(n);
    }
}
