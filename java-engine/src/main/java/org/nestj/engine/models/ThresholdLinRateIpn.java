package org.nestj.engine.models;

/**
 * threshold_lin_rate_ipn — rate neuron with input noise and gain input(h) = min(max(g (h - theta), 0),
 * alpha) (NEST 3.9 models/threshold_lin_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/threshold_lin_rate.html; gain in {@link ThresholdLinRate},
 * dynamics in {@link RateNeuronIpn}).
 */
public final class ThresholdLinRateIpn extends RateNeuronIpn {
    public ThresholdLinRateIpn(int n) {
        super(n, new ThresholdLinRate(n));
    }

    @Override
    public ThresholdLinRateIpn make(int n) {
        return new ThresholdLinRateIpn(n);
    }
}
