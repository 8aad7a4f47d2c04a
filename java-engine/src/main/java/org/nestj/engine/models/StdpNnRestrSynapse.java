package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_nn_restr_synapse: STDP with restricted symmetric nearest-neighbour spike pairing (Morrison
 * et al. 2008, Fig. 7C; NEST models/stdp_nn_restr_synapse.h): only pairs of a pre and a post spike
 * with no other spike of either between them count. On a presynaptic spike at t with dendritic
 * delay d, if there are post spikes in (t_last - d, t - d], with the first t_post:
 * w <- Wmax * min(1, w/Wmax + lambda (1 - w/Wmax)^mu_plus e^{(t_last - t_post - d)/tau_plus});
 * and then, with the nearest-neighbour post trace K-_nn at t - d:
 * w <- Wmax * max(0, w/Wmax - alpha lambda (w/Wmax)^mu_minus K-_nn); send w; t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_nn_restr_synapse.html
 */
public final class StdpNnRestrSynapse extends StdpTraceBase {
    static final int TAU_PLUS = 0, LAMBDA = 1, ALPHA = 2, MU_PLUS = 3, MU_MINUS = 4, WMAX = 5, T_LAST = 6;

    public StdpNnRestrSynapse() {
        super("stdp_nn_restr_synapse", new String[] {"tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax"},
                new double[] {20.0, 0.01, 1.0, 1.0, 1.0, 100.0}, new String[0], new double[0], 88, T_LAST);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (sign(weight) != sign(v[WMAX])) throw bad("Weight and Wmax must have same sign.");
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double tSpike = x.tSpike, d = x.delay, tl = v[T_LAST];
        final double tauPlus = v[TAU_PLUS], lambda = v[LAMBDA], wmax = v[WMAX];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        if (h.from != h.to) {
            double minusDt = tl - (h.t[h.from] + d);
            w = facilitate(w, wmax, lambda, v[MU_PLUS], GlibcMath.exp(minusDt / tauPlus));
            w = depress(w, wmax, v[ALPHA], lambda, v[MU_MINUS], nearestNeighbourKMinus(x));
        }
        c.w[k] = w;
        x.weight = w;
    }

    /** no presynaptic trace: the nearest-neighbour pairing needs only t_lastspike */
    @Override
    void traces(Ctx x, double[] v) {
    }
}
