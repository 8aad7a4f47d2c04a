package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;

/**
 * The gain functions NEST's rate templates are instantiated with (the {@code nonlinearities_*} classes of
 * NEST 3.9's models/lin_rate.h, tanh_rate.h, threshold_lin_rate.h, sigmoid_rate.h, gauss_rate.h,
 * sigmoid_rate_gg_1998.h): per node parameters, the input function phi (or psi, see linear_summation)
 * and the factors of multiplicative coupling of the excitatory and inhibitory input, given the rate.
 * One instance serves all nodes of a block of one of the templates ({@link RateNeuronIpn},
 * {@link RateNeuronOpn}, {@link RateTransformerNode}).
 */
public abstract class RateNonlinearity {
    protected final int n;

    protected RateNonlinearity(int n) {
        this.n = n;
    }

    /** The same nonlinearity for a block of n nodes, with its default parameters. */
    public abstract RateNonlinearity make(int n);

    /** input(h) of node i. */
    public abstract double input(int i, double h);

    /** mult_coupling_ex(rate) of node i: 1 unless the nonlinearity defines multiplicative coupling. */
    public double multCouplingEx(int i, double rate) {
        return 1.;
    }

    /** mult_coupling_in(rate) of node i. */
    public double multCouplingIn(int i, double rate) {
        return 1.;
    }

    /** NEST's nonlinearities_*::get: writes the parameters of node i. */
    public abstract void get(int i, Map<String, Object> d);

    /** NEST's nonlinearities_*::set: each parameter present in s is read and stored at once, in NEST's order. */
    public abstract void set(int i, Status s);

    /** Copies the parameters of node j of src (the same nonlinearity) into node i. */
    public abstract void copy(RateNonlinearity src, int j, int i);
}
