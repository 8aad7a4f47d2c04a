package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;

/**
 * What the STDP models with presynaptic traces as columns share (stdp_synapse, stdp_synapse_hom,
 * stdp_pl_synapse_hom, vogels_sprekeler_synapse, stdp_triplet_synapse, jonke_synapse, and without a
 * trace stdp_nn_symm_synapse and stdp_nn_restr_synapse): a connection's columns are its traces
 * (Kplus, Kplus_triplet), t_lastspike and its plasticity parameters, which only SetStatus changes.
 * The traces depend only on the source's spikes and their time constants, so connections of one
 * source that hold equal columns keep them equal, and the connection tables may hold them once per
 * source (SynapseType#sharesPerSource): each connection's weight update reads them from before the
 * spike, and they are stepped once per spike.
 */
abstract class StdpTraceBase extends StdpBase {
    private final int tLastCol;

    StdpTraceBase(String name, String[] visible, double[] visibleDefaults, String[] common, double[] commonDefaults,
            long sizeof, int tLastCol) {
        super(name, visible, visibleDefaults, new String[] {"t_lastspike"}, new double[] {0.0}, common, commonDefaults,
                sizeof, tLastCol);
        this.tLastCol = tLastCol;
        perSourceColumns = true;
    }

    /** The weight update of connection k with the columns v (its own or its source's); sets c.w[k] and x.weight. */
    abstract void transmit(Ctx x, ConnStore c, int k, double[] v);

    /** The presynaptic traces in v (Kplus, ...) after the spike x.tSpike, from their values at the last spike. */
    abstract void traces(Ctx x, double[] v);

    @Override
    public final boolean send(Ctx x, ConnStore c, int k) {
        final double[][] e = c.ext;
        final double[] v = x.scratch;
        for (int j = 0; j < e.length; j++) v[j] = e[j][k];
        transmit(x, c, k, v);
        traces(x, v);
        v[tLastCol] = x.tSpike;
        for (int j = 0; j < e.length; j++) e[j][k] = v[j];
        return true;
    }

    /** The columns before the spike are kept for the sends' weight updates, then stepped. */
    @Override
    public final void sharedSpike(Ctx x, double[] v) {
        System.arraycopy(v, 0, x.scratch, 0, connKeys.length);
        traces(x, v);
        v[tLastCol] = x.tSpike;
    }

    @Override
    public final boolean sendShared(Ctx x, ConnStore c, int k) {
        transmit(x, c, k, x.scratch);
        return true;
    }
}
