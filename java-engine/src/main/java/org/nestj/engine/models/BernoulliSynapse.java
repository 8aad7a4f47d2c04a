package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SynapseType;

/**
 * bernoulli_synapse: a static synapse that transmits each spike with probability p_transmit (NEST
 * models/bernoulli_synapse.h): one uniform draw r per spike, transmitted with weight w iff r < p_transmit.
 * The draws come from the target node's random stream, so they do not depend on the thread count.
 * p_transmit may be held once per source (it changes only by SetStatus).
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/bernoulli_synapse.html
 */
public final class BernoulliSynapse extends SynapseType {
    static final int P_TRANSMIT = 0;

    public BernoulliSynapse() {
        super("bernoulli_synapse", new String[] {"p_transmit"}, new double[] {1.0}, new String[0], new double[0],
                new String[0], new double[0], 40, false);
        // p_transmit changes only by SetStatus: connections of one source with equal values keep them
        perSourceColumns = true;
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[P_TRANSMIT] < 0 || v[P_TRANSMIT] > 1) throw bad("Spike transmission probability must be in [0, 1].");
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        return transmit(x, c, k, c.ext[P_TRANSMIT][k]);
    }

    /** nothing changes at a spike */
    @Override
    public void sharedSpike(Ctx x, double[] v) {
    }

    @Override
    public boolean sendShared(Ctx x, ConnStore c, int k) {
        return transmit(x, c, k, x.shared[P_TRANSMIT]);
    }

    private static boolean transmit(Ctx x, ConnStore c, int k, double p) {
        if (!(x.target.nodeRng(x.ti).uniform() < p)) return false;
        x.weight = c.w[k];
        return true;
    }
}
