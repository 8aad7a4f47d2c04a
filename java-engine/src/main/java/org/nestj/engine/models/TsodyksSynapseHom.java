package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.numerics.GlibcMath;

/**
 * tsodyks_synapse_hom: tsodyks_synapse with the weight and the parameters U, tau_psc, tau_rec, tau_fac
 * common to all connections of the model (NEST models/tsodyks_synapse_hom.h); x, y, u per connection.
 * Between spikes (h: time since the last one, z = 1 - x - y): u <- u e^{-h/tau_fac} (0 if tau_fac = 0),
 * x <- x + P_xy y + (1 - e^{-h/tau_rec}) z with
 * P_xy = ((e^{-h/tau_rec} - 1) tau_rec - (e^{-h/tau_psc} - 1) tau_psc) / (tau_psc - tau_rec),
 * y <- y e^{-h/tau_psc}; at the spike u <- u + U (1 - u), dy = u x, x <- x - dy, y <- y + dy; weight dy * w.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/tsodyks_synapse_hom.html
 */
public final class TsodyksSynapseHom extends SourceStateSynapse {
    static final int X = 0, Y = 1, UU = 2, T_LAST = 3;
    static final int U = 0, TAU_PSC = 1, TAU_REC = 2, TAU_FAC = 3;

    public TsodyksSynapseHom() {
        super("tsodyks_synapse_hom", new String[] {"x", "y", "u"}, new double[] {1.0, 0.0, 0.0},
                new String[] {"t_lastspike"}, new double[] {0.0},
                new String[] {"U", "tau_psc", "tau_rec", "tau_fac"}, new double[] {0.5, 3.0, 800.0, 0.0}, 56, true);
    }

    /** NEST's get_status of the connection has no size_of (sizeof: 24 bytes base + 4 doubles, for the _lbl variant) */
    private static final String[] ABSENT = {"sizeof"};

    @Override
    public String[] absentStatusKeys() {
        return ABSENT;
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[X] + v[Y] > 1.0) throw bad("x + y must be <= 1.0.");
    }

    @Override
    public void validateCommon(double[] c) {
        if (c[U] > 1.0 || c[U] < 0.0) throw bad("U must be in [0,1].");
        if (c[TAU_PSC] <= 0.0) throw bad("tau_psc must be > 0.");
        if (c[TAU_REC] <= 0.0) throw bad("tau_rec must be > 0.");
        if (c[TAU_FAC] < 0.0) throw bad("tau_fac must be >= 0.");
    }

    /** The common weight. */
    @Override
    double weight(Ctx x, ConnStore c, int k) {
        return x.model.weight;
    }

    /** The state v (x, y, u, t_lastspike) through the spike x.tSpike; returns dy. */
    @Override
    double spike(Ctx x, double[] v) {
        final double[] cp = x.model.common;
        final double tSpike = x.tSpike;
        final double h = tSpike - v[T_LAST];
        final double tauFac = cp[TAU_FAC], tauPsc = cp[TAU_PSC], tauRec = cp[TAU_REC];
        double puu = tauFac == 0.0 ? 0.0 : GlibcMath.exp(-h / tauFac);
        double pyy = GlibcMath.exp(-h / tauPsc);
        double pzz = GlibcMath.exp(-h / tauRec);
        double pxy = ((pzz - 1.0) * tauRec - (pyy - 1.0) * tauPsc) / (tauPsc - tauRec);
        double pxz = 1.0 - pzz;
        double xx = v[X], yy = v[Y], u = v[UU];
        double z = 1.0 - xx - yy;
        u *= puu;
        xx += pxy * yy + pxz * z;
        yy *= pyy;
        u += cp[U] * (1.0 - u);
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
