package org.nestj.engine.models;

/**
 * lin_rate_opn — rate neuron with output noise and linear gain input(h) = g h; with mult_coupling the
 * excitatory input is scaled by g_ex (theta_ex - noisy_rate), the inhibitory by g_in (theta_in +
 * noisy_rate) (NEST 3.9 models/lin_rate.{h,cpp}; https://nest-
 * simulator.readthedocs.io/en/v3.9/models/lin_rate.html; gain in {@link LinRate}, dynamics in {@link
 * RateNeuronOpn}).
 */
public final class LinRateOpn extends RateNeuronOpn {
    public LinRateOpn(int n) {
        super(n, new LinRate(n));
    }

    @Override
    public LinRateOpn make(int n) {
        return new LinRateOpn(n);
    }
}
