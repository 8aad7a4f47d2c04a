package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SynapseType;

/**
 * Synapse models whose columns change only at the source's spikes, from their own values and the
 * spike time (the short-term plasticity of tsodyks_synapse, tsodyks_synapse_hom, tsodyks2_synapse,
 * ht_synapse):
 * connections of one source that hold equal columns keep them equal, so the connection tables may
 * hold them once per source (SynapseType#sharesPerSource). A spike sends the connection's weight
 * times a factor of the state.
 */
abstract class SourceStateSynapse extends SynapseType {
    SourceStateSynapse(String name, String[] visible, double[] visibleDefaults, String[] hidden, double[] hiddenDefaults,
            String[] common, double[] commonDefaults, long sizeof, boolean homWeight) {
        super(name, visible, visibleDefaults, hidden, hiddenDefaults, common, commonDefaults, sizeof, homWeight);
        perSourceColumns = true;
    }

    /** The columns v through the spike x.tSpike (changed in place); returns the factor of the weight sent. */
    abstract double spike(Ctx x, double[] v);

    /** The weight of connection k (a model with a common weight: that one). */
    double weight(Ctx x, ConnStore c, int k) {
        return c.w[k];
    }

    @Override
    public final boolean send(Ctx x, ConnStore c, int k) {
        final double[][] e = c.ext;
        final double[] v = x.scratch;
        for (int j = 0; j < e.length; j++) v[j] = e[j][k];
        final double f = spike(x, v);
        for (int j = 0; j < e.length; j++) e[j][k] = v[j];
        x.weight = f * weight(x, c, k);
        return true;
    }

    /** The source's state stepped once; every connection sends its weight times the same factor. */
    @Override
    public final void sharedSpike(Ctx x, double[] v) {
        x.sharedFactor = spike(x, v);
    }

    @Override
    public final boolean sendShared(Ctx x, ConnStore c, int k) {
        x.weight = x.sharedFactor * weight(x, c, k);
        return true;
    }
}
