package org.nestj.engine.models;

/**
 * threshold_lin_rate_opn — rate neuron with output noise and gain input(h) = min(max(g (h - theta),
 * 0), alpha) (NEST 3.9 models/threshold_lin_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/threshold_lin_rate.html; gain in {@link ThresholdLinRate},
 * dynamics in {@link RateNeuronOpn}).
 */
public final class ThresholdLinRateOpn extends RateNeuronOpn {
    public ThresholdLinRateOpn(int n) {
        super(n, new ThresholdLinRate(n));
    }

    @Override
    public ThresholdLinRateOpn make(int n) {
        return new ThresholdLinRateOpn(n);
    }
}
