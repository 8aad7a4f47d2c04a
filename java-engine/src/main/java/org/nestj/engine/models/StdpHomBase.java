package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;

/**
 * What stdp_synapse_hom and stdp_pl_synapse_hom share: per connection a weight, Kplus and
 * t_lastspike, the plasticity parameters common to the model. Kplus and t_lastspike depend only on
 * the source's spikes and the common tau_plus, so the connection tables may hold them once per
 * source (SynapseType#sharesPerSource): each connection's weight update reads them from before the
 * spike, and they are updated once after it.
 */
abstract class StdpHomBase extends StdpBase {
    static final int KPLUS = 0, T_LAST = 1;

    StdpHomBase(String name, String[] common, double[] commonDefaults) {
        super(name, new String[] {"Kplus"}, new double[] {0.0}, new String[] {"t_lastspike"}, new double[] {0.0},
                common, commonDefaults, 48, T_LAST);
    }

    /** The weight update of connection k (presynaptic trace kplus, last spike tl); sets c.w[k] and x.weight. */
    abstract void transmit(Ctx x, ConnStore c, int k, double kplus, double tl);

    /** Kplus after the spike x.tSpike, from kplus at the last spike tl. */
    abstract double nextKplus(Ctx x, double kplus, double tl);

    @Override
    public final boolean send(Ctx x, ConnStore c, int k) {
        final double[] kplus = c.ext[KPLUS], tLast = c.ext[T_LAST];
        final double tl = tLast[k];
        transmit(x, c, k, kplus[k], tl);
        kplus[k] = nextKplus(x, kplus[k], tl);
        tLast[k] = x.tSpike;
        return true;
    }

    @Override
    public final boolean sharesPerSource() {
        return true;
    }

    @Override
    public final boolean sendShared(Ctx x, ConnStore c, int k, double[] v) {
        transmit(x, c, k, v[KPLUS], v[T_LAST]);
        return true;
    }

    @Override
    public final void afterSharedSpike(Ctx x, double[] v) {
        v[KPLUS] = nextKplus(x, v[KPLUS], v[T_LAST]);
        v[T_LAST] = x.tSpike;
    }
}
