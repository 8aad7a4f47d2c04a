package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * jonke_synapse: STDP with exponential weight dependence and a constant depression per pairing
 * (Jonke et al. 2017; NEST models/jonke_synapse.h); alpha, beta, lambda, mu_plus, mu_minus,
 * tau_plus, Wmax are common to all connections of the model. On a presynaptic spike at t with
 * dendritic delay d, for each post spike t_post in (t_last - d, t - d] (unless lambda = 0):
 * w <- min(Wmax, w + lambda (e^{mu_plus w} Kplus e^{(t_last - t_post - d)/tau_plus} - beta));
 * then w <- max(0, w + lambda (-alpha e^{mu_minus w} K-(t - d) - beta)); send w;
 * Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1, t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/jonke_synapse.html
 */
public final class JonkeSynapse extends StdpTraceBase {
    static final int KPLUS = 0, T_LAST = 1;
    static final int ALPHA = 0, BETA = 1, LAMBDA = 2, MU_PLUS = 3, MU_MINUS = 4, TAU_PLUS = 5, WMAX = 6;

    public JonkeSynapse() {
        super("jonke_synapse", new String[] {"Kplus"}, new double[] {0.0},
                new String[] {"alpha", "beta", "lambda", "mu_plus", "mu_minus", "tau_plus", "Wmax"},
                new double[] {1.0, 0.0, 0.01, 0.0, 0.0, 20.0, 100.0}, 48, T_LAST);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[KPLUS] < 0) throw bad("Kplus must be non-negative.");
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double[] cp = x.model.common;
        final double tSpike = x.tSpike, d = x.delay, tl = v[T_LAST];
        final double lambda = cp[LAMBDA], beta = cp[BETA], tauPlus = cp[TAU_PLUS];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            double ft = v[KPLUS] * GlibcMath.exp(minusDt / tauPlus);
            if (lambda != 0.0) {
                double nw = w + lambda * (GlibcMath.exp(cp[MU_PLUS] * w) * ft - beta);
                w = nw < cp[WMAX] ? nw : cp[WMAX];
            }
        }
        double km = kMinus(x);
        if (lambda != 0.0) {
            double nw = w + lambda * (-cp[ALPHA] * GlibcMath.exp(cp[MU_MINUS] * w) * km - beta);
            w = nw > 0.0 ? nw : 0.0;
        }
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((v[T_LAST] - x.tSpike) / x.model.common[TAU_PLUS]) + 1.0;
    }
}
