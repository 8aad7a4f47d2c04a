package org.nestj.engine.models;

/**
 * sigmoid_rate_gg_1998_ipn — rate neuron with input noise and gain input(h) = (g h)^4 / (0.1^4 + (g
 * h)^4) (Gancarz and Grossberg 1998) (NEST 3.9 models/sigmoid_rate_gg_1998.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/sigmoid_rate_gg_1998.html; gain in {@link
 * SigmoidRateGg1998}, dynamics in {@link RateNeuronIpn}).
 */
public final class SigmoidRateGg1998Ipn extends RateNeuronIpn {
    public SigmoidRateGg1998Ipn(int n) {
        super(n, new SigmoidRateGg1998(n));
    }

    @Override
    public SigmoidRateGg1998Ipn make(int n) {
        return new SigmoidRateGg1998Ipn(n);
    }
}
