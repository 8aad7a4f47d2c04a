package org.nestj.engine.models;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;

/**
 * What NEST's rate neuron templates with noise share (rate_neuron_ipn and rate_neuron_opn, NEST 3.9
 * models/rate_neuron_ipn.h, rate_neuron_opn.h): time constant tau, mean input mu, noise parameter sigma
 * (old names mean and std still accepted), multiplicative coupling, the recordable noise, and the
 * Gaussian white noise: per node min_delay standard normal numbers, drawn at init_buffers and after
 * every final update of a slice from the node's own stream (so the same numbers serve every
 * waveform-relaxation pass of a slice, and results do not depend on the number of threads).
 *
 * <p>The input of a step is coupled as both templates do it, with P2 the propagator of the input:
 *
 * <pre>
 *   linear_summation, no mult_coupling:  X += P2 phi(ex + in)
 *   linear_summation, mult_coupling:     X += P2 H_ex phi(ex) + P2 H_in phi(in)
 *   no linear_summation:                 X += P2 H_ex ex + P2 H_in in      (inputs already transformed)
 * </pre>
 *
 * with ex, in the summed delayed and instantaneous inputs through positive resp. negative weights and
 * H_ex, H_in the nonlinearity's mult_coupling_ex/in factors (1 without mult_coupling).
 */
public abstract class RateNeuron extends RateNode {
    @PerNode public double[] tau, sigma, mu;
    @PerNode public boolean[] mult_coupling;
    @PerNode public double[] noise;
    /** propagators of the rate and of the input, per node (pre_run_hook) */
    double[] P1, P2;
    /** per node [i * md + lag]: the standard normal numbers of the slice */
    double[] rnd;

    protected RateNeuron(int n, RateNonlinearity nl) {
        super(n, nl, true);
        tau = fill(n, 10.0);
        sigma = fill(n, 1.0);
        mu = fill(n, 0.0);
        mult_coupling = fillB(n, false);
        noise = fill(n, 0.0);
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        rnd = new double[n * md];
        for (int i = 0; i < n; i++) draw(i);
    }

    @Override
    protected void endSlice(int i) {
        draw(i);
    }

    private void draw(int i) {
        Rng r = nodeRng(i);
        for (int q = i * md, e = q + md; q < e; q++) rnd[q] = r.normal();
    }

    /** x plus the input of the step, coupled as described above. */
    protected final double addInput(int i, double x, double hEx, double hIn, double dEx, double dIn, double iEx,
            double iIn) {
        if (linear_summation[i]) {
            if (mult_coupling[i]) {
                x += P2[i] * hEx * nl.input(i, dEx + iEx);
                x += P2[i] * hIn * nl.input(i, dIn + iIn);
            } else {
                x += P2[i] * nl.input(i, dEx + iEx + dIn + iIn);
            }
        } else {
            x += P2[i] * hEx * (dEx + iEx);
            x += P2[i] * hIn * (dIn + iIn);
        }
        return x;
    }

    /**
     * A parameter under its old name (mean for mu, std for sigma): the value if present, with NEST's
     * warning from the template's Parameters_::set.
     */
    protected static double renamed(Status s, String template, String old, String now, double v) {
        if (!s.has(old)) return v;
        double r = s.d(old, v);
        org.nestj.engine.Log.warning(template + "< TNonlinearities >::Parameters_::set", "The parameter " + old
                + " has been renamed to " + now + ". Please use the new name from now on.");
        return r;
    }
}
