package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * tsodyks2_synapse: short-term plasticity after Tsodyks and Markram (1997) in the formulation of Fuhrmann
 * et al. (2002), Eqs. (4) and (5), with resources x and release probability u (NEST
 * models/tsodyks2_synapse.h). At a spike h after the previous one (none before the first):
 * x <- 1 + (x - x u - 1) e^{-h/tau_rec}, u <- U + u (1 - U) e^{-h/tau_fac} (the decay is 0 if tau_fac = 0);
 * the spike is sent with weight x u w. Precise spike offsets are ignored.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/tsodyks2_synapse.html
 */
public final class Tsodyks2Synapse extends SourceStateSynapse {
    static final int U = 0, UU = 1, TAU_REC = 2, TAU_FAC = 3, X = 4, T_LAST = 5;

    public Tsodyks2Synapse() {
        super("tsodyks2_synapse", new String[] {"U", "u", "tau_rec", "tau_fac", "x"},
                new double[] {0.5, 0.5, 800.0, 0.0, 1.0}, new String[] {"t_lastspike"}, new double[] {-1.0},
                new String[0], new double[0], 80, false);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[U] > 1.0 || v[U] < 0.0) throw bad("'U' must be in [0,1].");
        if (v[UU] > 1.0 || v[UU] < 0.0) throw bad("'u' must be in [0,1].");
        if (v[TAU_REC] <= 0.0) throw bad("'tau_rec' must be > 0.");
        if (v[TAU_FAC] < 0.0) throw bad("'tau_fac' must be >= 0.");
    }

    /** The state v through the spike x.tSpike; returns x u (the fraction of the weight sent). */
    @Override
    double spike(Ctx x, double[] v) {
        final double tSpike = x.tSpike;
        double xx = v[X], u = v[UU];
        if (v[T_LAST] >= 0.0) {
            final double h = tSpike - v[T_LAST];
            final double bigU = v[U], tauFac = v[TAU_FAC];
            double xDecay = GlibcMath.exp(-h / v[TAU_REC]);
            double uDecay = tauFac == 0 ? 0.0 : GlibcMath.exp(-h / tauFac);
            xx = 1. + (xx - xx * u - 1.) * xDecay;
            u = bigU + u * (1. - bigU) * uDecay;
            v[X] = xx;
            v[UU] = u;
        }
        v[T_LAST] = tSpike;
        return xx * u;
    }
}
