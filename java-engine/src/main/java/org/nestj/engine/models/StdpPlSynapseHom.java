package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_pl_synapse_hom: STDP with power-law weight dependence of potentiation and multiplicative
 * depression (Morrison et al. 2007), parameters tau_plus, lambda, alpha, mu common to all
 * connections of the model (NEST models/stdp_pl_synapse_hom.h). On a presynaptic spike at t with
 * dendritic delay d, for each post spike t_post in (t_last - d, t - d]:
 * w <- w + lambda w^mu Kplus e^{(t_last - t_post - d)/tau_plus};
 * then w <- max(0, w - lambda alpha w K-(t - d)); send w;
 * Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1, t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_pl_synapse_hom.html
 */
public final class StdpPlSynapseHom extends StdpTraceBase {
    static final int KPLUS = 0, T_LAST = 1;
    static final int TAU_PLUS = 0, LAMBDA = 1, ALPHA = 2, MU = 3;

    public StdpPlSynapseHom() {
        super("stdp_pl_synapse_hom", new String[] {"Kplus"}, new double[] {0.0}, new String[] {"tau_plus", "lambda", "alpha", "mu"},
                new double[] {20.0, 0.1, 1.0, 0.4}, 48, T_LAST);
    }

    @Override
    public void validateCommon(double[] c) {
        if (!(c[TAU_PLUS] > 0.)) throw bad("tau_plus > 0. required.");
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double[] cp = x.model.common;
        final double kplus = v[KPLUS], tl = v[T_LAST];
        final double tSpike = x.tSpike, d = x.delay;
        final double tauPlusInv = 1. / cp[TAU_PLUS], lambda = cp[LAMBDA];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            w = w + lambda * GlibcMath.pow(w, cp[MU]) * (kplus * GlibcMath.exp(minusDt * tauPlusInv));
        }
        double nw = w - lambda * cp[ALPHA] * w * kMinus(x);
        w = nw > 0.0 ? nw : 0.0;
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((v[T_LAST] - x.tSpike) * (1. / x.model.common[TAU_PLUS])) + 1.0;
    }
}
