package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * ht_synapse: the synaptic depression of Hill and Tononi (2005) (NEST models/ht_synapse.h). A pool P of
 * available resources recovers towards 1 with time constant tau_P; at a spike h after the previous one:
 * P <- 1 - (1 - P) e^{-h/tau_P}, the spike is sent with weight w P, then P <- P (1 - delta_P).
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/ht_synapse.html
 */
public final class HtSynapse extends SourceStateSynapse {
    static final int TAU_P = 0, DELTA_P = 1, P = 2, T_LAST = 3;

    public HtSynapse() {
        super("ht_synapse", new String[] {"tau_P", "delta_P", "P"}, new double[] {500.0, 0.125, 1.0},
                new String[] {"t_lastspike"}, new double[] {0.0}, new String[0], new double[0], 72, false);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[TAU_P] <= 0.0) throw bad("tau_P > 0 required.");
        if (v[DELTA_P] < 0.0 || v[DELTA_P] > 1.0) throw bad("0 <= delta_P <= 1 required.");
        if (v[P] < 0.0 || v[P] > 1.0) throw bad("0 <= P <= 1 required.");
    }

    /** The state v through the spike x.tSpike; returns P before the depression (the fraction of the weight sent). */
    @Override
    double spike(Ctx x, double[] v) {
        final double h = x.tSpike - v[T_LAST];
        double p = 1 - (1 - v[P]) * GlibcMath.exp(-h / v[TAU_P]);
        v[P] = p * (1 - v[DELTA_P]);
        v[T_LAST] = x.tSpike;
        return p;
    }
}
