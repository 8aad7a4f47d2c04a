package org.nestj.engine.models;

/**
 * gauss_rate_ipn — rate neuron with input noise and Gaussian gain input(h) = g exp(-(h - mu)^2 / (2
 * sigma^2)); the keys mu and sigma set both the neuron's mean input and noise parameter and the gain's
 * centre and width, GetStatus shows the gain's (use mean and std for the neuron's alone) (NEST 3.9
 * models/gauss_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/gauss_rate.html;
 * gain in {@link GaussRate}, dynamics in {@link RateNeuronIpn}).
 */
public final class GaussRateIpn extends RateNeuronIpn {
    public GaussRateIpn(int n) {
        super(n, new GaussRate(n));
    }

    @Override
    public GaussRateIpn make(int n) {
        return new GaussRateIpn(n);
    }
}
