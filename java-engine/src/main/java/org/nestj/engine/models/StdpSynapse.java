package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_synapse: pair-based spike-timing dependent plasticity with all-to-all spike pairing
 * (Guetig et al. 2003; NEST models/stdp_synapse.h). On a presynaptic spike at t (stamp) with
 * dendritic delay d, for each postsynaptic spike t_post in (t_last - d, t - d]:
 * facilitation w <- Wmax * min(1, w/Wmax + lambda (1 - w/Wmax)^mu_plus Kplus e^{(t_last - t_post - d)/tau_plus});
 * then depression with the post trace K- at t - d:
 * w <- Wmax * max(0, w/Wmax - alpha lambda (w/Wmax)^mu_minus K-); the spike is sent with w;
 * Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1, t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_synapse.html
 */
public final class StdpSynapse extends StdpTraceBase {
    static final int TAU_PLUS = 0, LAMBDA = 1, ALPHA = 2, MU_PLUS = 3, MU_MINUS = 4, WMAX = 5, KPLUS = 6, T_LAST = 7;

    public StdpSynapse() {
        super("stdp_synapse", new String[] {"tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax", "Kplus"},
                new double[] {20.0, 0.01, 1.0, 1.0, 1.0, 100.0, 0.0}, new String[0], new double[0], 96, T_LAST);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (sign(weight) != sign(v[WMAX])) throw bad("Weight and Wmax must have same sign.");
        if (v[KPLUS] < 0) throw bad("Kplus must be non-negative.");
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double tSpike = x.tSpike, d = x.delay, tl = v[T_LAST], tauPlus = v[TAU_PLUS];
        final double lambda = v[LAMBDA], wmax = v[WMAX];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            double kp = v[KPLUS] * GlibcMath.exp(minusDt / tauPlus);
            w = facilitate(w, wmax, lambda, v[MU_PLUS], kp);
        }
        double km = kMinus(x);
        w = depress(w, wmax, v[ALPHA], lambda, v[MU_MINUS], km);
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((v[T_LAST] - x.tSpike) / v[TAU_PLUS]) + 1.0;
    }
}
