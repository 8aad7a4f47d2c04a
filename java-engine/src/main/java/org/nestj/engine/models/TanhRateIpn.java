package org.nestj.engine.models;

/**
 * tanh_rate_ipn — rate neuron with input noise and gain input(h) = tanh(g (h - theta)) (NEST 3.9
 * models/tanh_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/tanh_rate.html; gain
 * in {@link TanhRate}, dynamics in {@link RateNeuronIpn}).
 */
public final class TanhRateIpn extends RateNeuronIpn {
    public TanhRateIpn(int n) {
        super(n, new TanhRate(n));
    }

    @Override
    public TanhRateIpn make(int n) {
        return new TanhRateIpn(n);
    }
}
