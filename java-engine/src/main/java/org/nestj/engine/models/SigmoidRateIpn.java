package org.nestj.engine.models;

/**
 * sigmoid_rate_ipn — rate neuron with input noise and gain input(h) = g / (1 + exp(-beta (h - theta)))
 * (NEST 3.9 models/sigmoid_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/sigmoid_rate.html; gain in {@link SigmoidRate}, dynamics in
 * {@link RateNeuronIpn}).
 */
public final class SigmoidRateIpn extends RateNeuronIpn {
    public SigmoidRateIpn(int n) {
        super(n, new SigmoidRate(n));
    }

    @Override
    public SigmoidRateIpn make(int n) {
        return new SigmoidRateIpn(n);
    }
}
