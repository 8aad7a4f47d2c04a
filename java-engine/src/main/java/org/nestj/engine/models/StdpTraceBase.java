package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;

/**
 * What stdp_synapse, stdp_synapse_hom and stdp_pl_synapse_hom share: a connection's columns are
 * its presynaptic trace Kplus, t_lastspike and (stdp_synapse) its plasticity parameters, which only
 * SetStatus changes. Kplus and t_lastspike depend only on the source's spikes and tau_plus, so
 * connections of one source that hold equal columns keep them equal, and the connection tables may
 * hold them once per source (SynapseType#sharesPerSource): each connection's weight update reads
 * them from before the spike, and they are updated once after it.
 */
abstract class StdpTraceBase extends StdpBase {
    private final int kplusCol, tLastCol;

    StdpTraceBase(String name, String[] visible, double[] visibleDefaults, String[] common, double[] commonDefaults,
            long sizeof, int kplusCol, int tLastCol) {
        super(name, visible, visibleDefaults, new String[] {"t_lastspike"}, new double[] {0.0}, common, commonDefaults,
                sizeof, tLastCol);
        this.kplusCol = kplusCol;
        this.tLastCol = tLastCol;
        perSourceColumns = true;
    }

    /** The weight update of connection k with the columns v (its own or its source's); sets c.w[k] and x.weight. */
    abstract void transmit(Ctx x, ConnStore c, int k, double[] v);

    /** Kplus after the spike x.tSpike, from the columns v at the last spike. */
    abstract double nextKplus(Ctx x, double[] v);

    @Override
    public final boolean send(Ctx x, ConnStore c, int k) {
        final double[][] e = c.ext;
        final double[] v = x.scratch;
        for (int j = 0; j < e.length; j++) v[j] = e[j][k];
        transmit(x, c, k, v);
        e[kplusCol][k] = nextKplus(x, v);
        e[tLastCol][k] = x.tSpike;
        return true;
    }

    @Override
    public final boolean sendShared(Ctx x, ConnStore c, int k, double[] v) {
        transmit(x, c, k, v);
        return true;
    }

    @Override
    public final void afterSharedSpike(Ctx x, double[] v) {
        v[kplusCol] = nextKplus(x, v);
        v[tLastCol] = x.tSpike;
    }
}
