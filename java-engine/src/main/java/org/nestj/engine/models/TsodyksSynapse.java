package org.nestj.engine.models;

import org.nestj.engine.numerics.GlibcMath;

/**
 * tsodyks_synapse: short-term depression and facilitation after Tsodyks, Uziel and Markram (2000), Eqs. (3)
 * and (4), integrated exactly between spikes (NEST models/tsodyks_synapse.h). With h the time since the
 * last presynaptic spike and z = 1 - x - y the inactive resources:
 * u <- u e^{-h/tau_fac} (u <- 0 if tau_fac = 0), x <- x + P_xy y - (e^{-h/tau_rec} - 1) z with
 * P_xy = ((e^{-h/tau_rec} - 1) tau_rec - (e^{-h/tau_psc} - 1) tau_psc) / (tau_psc - tau_rec),
 * y <- y e^{-h/tau_psc}; then u <- u + U (1 - u), dy = u x, x <- x - dy, y <- y + dy, and the spike is
 * sent with weight dy * w. Precise spike offsets are ignored (stamps only).
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/tsodyks_synapse.html
 */
public final class TsodyksSynapse extends SourceStateSynapse {
    static final int U = 0, TAU_PSC = 1, TAU_REC = 2, TAU_FAC = 3, X = 4, Y = 5, UU = 6, T_LAST = 7;

    public TsodyksSynapse() {
        super("tsodyks_synapse", new String[] {"U", "tau_psc", "tau_rec", "tau_fac", "x", "y", "u"},
                new double[] {0.5, 3.0, 800.0, 0.0, 1.0, 0.0, 0.0}, new String[] {"t_lastspike"}, new double[] {0.0},
                new String[0], new double[0], 96, false);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[X] + v[Y] > 1.0) throw bad("x + y must be <= 1.0.");
        if (v[U] > 1.0 || v[U] < 0.0) throw bad("'U' must be in [0,1].");
        if (v[TAU_PSC] <= 0.0) throw bad("'tau_psc' must be > 0.");
        if (v[TAU_REC] <= 0.0) throw bad("'tau_rec' must be > 0.");
        if (v[TAU_FAC] < 0.0) throw bad("'tau_fac' must be >= 0.");
        if (v[UU] > 1.0 || v[UU] < 0.0) throw bad("'u' must be in [0,1].");
    }

    /** The state v through the spike x.tSpike; returns dy. */
    @Override
    double spike(Ctx x, double[] v) {
        final double tSpike = x.tSpike;
        final double h = tSpike - v[T_LAST];
        final double tauFac = v[TAU_FAC], tauPsc = v[TAU_PSC], tauRec = v[TAU_REC];
        double puu = tauFac == 0.0 ? 0.0 : GlibcMath.exp(-h / tauFac);
        double pyy = GlibcMath.exp(-h / tauPsc);
        double pzz = GlibcMath.expm1(-h / tauRec);
        double pxy = (pzz * tauRec - (pyy - 1.0) * tauPsc) / (tauPsc - tauRec);
        double xx = v[X], yy = v[Y], u = v[UU];
        double z = 1.0 - xx - yy;
        u *= puu;
        xx += pxy * yy - pzz * z;
        yy *= pyy;
        u += v[U] * (1.0 - u);
        double dy = u * xx;
        xx -= dy;
        yy += dy;
        v[X] = xx;
        v[Y] = yy;
        v[UU] = u;
        v[T_LAST] = tSpike;
        return dy;
    }
}
