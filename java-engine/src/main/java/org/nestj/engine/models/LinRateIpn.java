package org.nestj.engine.models;

/**
 * lin_rate_ipn — rate neuron with input noise and linear gain input(h) = g h; with mult_coupling the
 * excitatory input is scaled by g_ex (theta_ex - X), the inhibitory by g_in (theta_in + X) (NEST 3.9
 * models/lin_rate.{h,cpp}; https://nest-simulator.readthedocs.io/en/v3.9/models/lin_rate.html; gain in
 * {@link LinRate}, dynamics in {@link RateNeuronIpn}).
 */
public final class LinRateIpn extends RateNeuronIpn {
    public LinRateIpn(int n) {
        super(n, new LinRate(n));
    }

    @Override
    public LinRateIpn make(int n) {
        return new LinRateIpn(n);
    }
}
