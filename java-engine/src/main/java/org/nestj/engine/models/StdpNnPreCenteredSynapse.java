package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_nn_pre_centered_synapse: STDP with presynaptic-centered nearest-neighbour spike pairing
 * (Izhikevich and Desai 2003; Morrison et al. 2008, Fig. 7B; NEST
 * models/stdp_nn_pre_centered_synapse.h): each post spike pairs with the pre spikes since the
 * previous post spike (the pre trace Kplus is reset by a post spike), each pre spike with the last
 * post spike before it. On a presynaptic spike at t with dendritic delay d: if there are post
 * spikes in (t_last - d, t - d], with the first of them t_post:
 * w <- Wmax * min(1, w/Wmax + lambda (1 - w/Wmax)^mu_plus Kplus e^{(t_last - t_post - d)/tau_plus}), Kplus <- 0;
 * then with the nearest-neighbour post trace K-_nn at t - d:
 * w <- Wmax * max(0, w/Wmax - alpha lambda (w/Wmax)^mu_minus K-_nn);
 * Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1; send w; t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_nn_pre_centered_synapse.html
 */
public final class StdpNnPreCenteredSynapse extends StdpBase {
    static final int TAU_PLUS = 0, LAMBDA = 1, ALPHA = 2, MU_PLUS = 3, MU_MINUS = 4, WMAX = 5, KPLUS = 6, T_LAST = 7;

    public StdpNnPreCenteredSynapse() {
        super("stdp_nn_pre_centered_synapse", new String[] {"tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax",
                "Kplus"}, new double[] {20.0, 0.01, 1.0, 1.0, 1.0, 100.0, 0.0}, new String[] {"t_lastspike"},
                new double[] {0.0}, new String[0], new double[0], 96, T_LAST);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (sign(weight) != sign(v[WMAX])) throw bad("Weight and Wmax must have same sign.");
        if (v[KPLUS] < 0) throw bad("Kplus must be non-negative.");
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double[] kplus = c.ext[KPLUS], tLast = c.ext[T_LAST];
        final double tSpike = x.tSpike, d = x.delay, tl = tLast[k];
        final double tauPlus = c.ext[TAU_PLUS][k], lambda = c.ext[LAMBDA][k], wmax = c.ext[WMAX][k];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        if (h.from != h.to) {
            double minusDt = tl - (h.t[h.from] + d);
            double kp = kplus[k] * GlibcMath.exp(minusDt / tauPlus);
            w = facilitate(w, wmax, lambda, c.ext[MU_PLUS][k], kp);
            kplus[k] = 0;
        }
        double km = nearestNeighbourKMinus(x);
        w = depress(w, wmax, c.ext[ALPHA][k], lambda, c.ext[MU_MINUS][k], km);
        kplus[k] = kplus[k] * GlibcMath.exp((tl - tSpike) / tauPlus) + 1.0;
        c.w[k] = w;
        x.weight = w;
        tLast[k] = tSpike;
        return true;
    }
}
