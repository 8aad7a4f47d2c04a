package org.nestj.engine.models;

/**
 * tanh_rate_opn — rate neuron with output noise and gain input(h) = tanh(g (h - theta)) (NEST 3.9
 * models/tanh_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/tanh_rate.html; gain
 * in {@link TanhRate}, dynamics in {@link RateNeuronOpn}).
 */
public final class TanhRateOpn extends RateNeuronOpn {
    public TanhRateOpn(int n) {
        super(n, new TanhRate(n));
    }

    @Override
    public TanhRateOpn make(int n) {
        return new TanhRateOpn(n);
    }
}
