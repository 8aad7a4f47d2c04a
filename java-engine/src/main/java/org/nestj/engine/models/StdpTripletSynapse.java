package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_triplet_synapse: triplet STDP (Pfister and Gerstner 2006; NEST
 * models/stdp_triplet_synapse.h) with all-to-all pairing. Pre traces Kplus (tau_plus) and
 * Kplus_triplet (tau_plus_triplet), post traces K- (tau_minus) and K-_triplet (tau_minus_triplet)
 * of the target. On a presynaptic spike at t with dendritic delay d, for each post spike t_post in
 * (t_last - d, t - d], with ky = K-_triplet(t_post) - 1 (the post triplet trace just before it):
 * |w| <- min(|Wmax|, |w| + Kplus e^{(t_last - t_post - d)/tau_plus} (Aplus + Aplus_triplet ky)), sign of Wmax;
 * then Kplus_triplet <- Kplus_triplet e^{(t_last - t)/tau_plus_triplet} and
 * |w| <- max(0, |w| - K-(t - d) (Aminus + Aminus_triplet Kplus_triplet)), sign of Wmax;
 * Kplus_triplet += 1, Kplus <- Kplus e^{(t_last - t)/tau_plus} + 1; send w; t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_triplet_synapse.html
 */
public final class StdpTripletSynapse extends StdpTraceBase {
    static final int TAU_PLUS = 0, TAU_PLUS_TRIPLET = 1, APLUS = 2, AMINUS = 3, APLUS_TRIPLET = 4, AMINUS_TRIPLET = 5,
            KPLUS = 6, KPLUS_TRIPLET = 7, WMAX = 8, T_LAST = 9;

    public StdpTripletSynapse() {
        super("stdp_triplet_synapse", new String[] {"tau_plus", "tau_plus_triplet", "Aplus", "Aminus", "Aplus_triplet",
                "Aminus_triplet", "Kplus", "Kplus_triplet", "Wmax"},
                new double[] {16.8, 101.0, 5e-10, 7e-3, 6.2e-3, 2.3e-4, 0.0, 0.0, 100.0}, new String[0], new double[0], 112,
                T_LAST);
        sizeofShown = false;
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (sign(weight) != sign(v[WMAX])) throw bad("Weight and Wmax must have same sign.");
        if (!(v[KPLUS] >= 0)) throw bad("State Kplus must be positive.");
        if (v[KPLUS_TRIPLET] < 0) throw bad("State Kplus_triplet must be positive.");
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double tSpike = x.tSpike, d = x.delay, tl = v[T_LAST];
        final double tauPlus = v[TAU_PLUS], wmax = v[WMAX];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            double ky = h.kminusTriplet[j] - 1.0;
            double kp = v[KPLUS] * GlibcMath.exp(minusDt / tauPlus);
            double nw = Math.abs(w) + kp * (v[APLUS] + v[APLUS_TRIPLET] * ky);
            w = Math.copySign(nw < Math.abs(wmax) ? nw : wmax, wmax);
        }
        // depression with the triplet trace decayed to the spike, before its increment
        final double kt = v[KPLUS_TRIPLET] * GlibcMath.exp((tl - tSpike) / v[TAU_PLUS_TRIPLET]);
        double nw = Math.abs(w) - kMinus(x) * (v[AMINUS] + v[AMINUS_TRIPLET] * kt);
        w = Math.copySign(nw > 0.0 ? nw : 0.0, wmax);
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        final double tl = v[T_LAST], tSpike = x.tSpike;
        v[KPLUS_TRIPLET] = v[KPLUS_TRIPLET] * GlibcMath.exp((tl - tSpike) / v[TAU_PLUS_TRIPLET]) + 1.0;
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((tl - tSpike) / v[TAU_PLUS]) + 1.0;
    }
}
