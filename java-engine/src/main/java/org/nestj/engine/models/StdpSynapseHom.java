package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_synapse_hom: stdp_synapse with the plasticity parameters tau_plus, lambda, alpha, mu_plus,
 * mu_minus, Wmax common to all connections of the model (SetDefaults / CopyModel; NEST
 * models/stdp_synapse_hom.h). Per connection: weight, Kplus, t_lastspike. On a presynaptic spike
 * at t with dendritic delay d, for each post spike t_post in (t_last - d, t - d]:
 * w <- Wmax * min(1, w/Wmax + lambda (1 - w/Wmax)^mu_plus Kplus e^{(t_last - t_post - d)/tau_plus});
 * then w <- Wmax * max(0, w/Wmax - alpha lambda (w/Wmax)^mu_minus K-(t - d)); send w;
 * Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1, t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_synapse_hom.html
 */
public final class StdpSynapseHom extends StdpTraceBase {
    static final int KPLUS = 0, T_LAST = 1;
    static final int TAU_PLUS = 0, LAMBDA = 1, ALPHA = 2, MU_PLUS = 3, MU_MINUS = 4, WMAX = 5;

    public StdpSynapseHom() {
        super("stdp_synapse_hom", new String[] {"Kplus"}, new double[] {0.0},
                new String[] {"tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax"},
                new double[] {20.0, 0.01, 1.0, 1.0, 1.0, 100.0}, 48, T_LAST);
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double[] cp = x.model.common;
        final double kplus = v[KPLUS], tl = v[T_LAST];
        final double tSpike = x.tSpike, d = x.delay;
        final double tauPlus = cp[TAU_PLUS], lambda = cp[LAMBDA], wmax = cp[WMAX];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            double kp = kplus * GlibcMath.exp(minusDt / tauPlus);
            w = facilitate(w, wmax, lambda, cp[MU_PLUS], kp);
        }
        w = depress(w, wmax, cp[ALPHA], lambda, cp[MU_MINUS], kMinus(x));
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((v[T_LAST] - x.tSpike) / x.model.common[TAU_PLUS]) + 1.0;
    }
}
