package org.nestj.engine.numerics;

/**
 * Exact-integration propagators of the current-based integrate-and-fire models, as NEST's
 * libnestutil/iaf_propagator: P32 (synaptic current to membrane potential) for exponential and
 * alpha-shaped currents, P31 for alpha currents, with the singular case tau_m ≈ tau_syn handled by
 * its limit (h/C exp(-h/tau_m) and h²/(2C) exp(-h/tau_m)), selected as NEST selects it.
 */
public final class IafPropagator {
    private static final double NUMERICAL_STABILITY_FACTOR = 1e-7;

    private IafPropagator() {
    }

    private static boolean isNormal(double x) {
        return x != 0.0 && !Double.isNaN(x) && !Double.isInfinite(x) && Math.abs(x) >= Double.MIN_NORMAL;
    }

    /** P32 for an exponential current (IAFPropagatorExp::evaluate). */
    public static double exp(double tauSyn, double tauM, double cM, double h) {
        double beta = tauSyn * tauM / (tauM - tauSyn);
        double gamma = beta / cM;
        double invBeta = (tauM - tauSyn) / (tauSyn * tauM);
        double expHTauSyn = GlibcMath.exp(-h * (1 / tauSyn));
        double expm1HTau = NestNumerics.expm1(h * invBeta);
        double p32 = gamma * expHTauSyn * expm1HTau;
        if (isNormal(p32) && p32 > 0) return p32;
        return h * (1 / cM) * GlibcMath.exp(-h * (1 / tauM));
    }

    /** {P31, P32} for an alpha current (IAFPropagatorAlpha::evaluate). */
    public static double[] alpha(double tauSyn, double tauM, double cM, double h) {
        double hMinRegular = NUMERICAL_STABILITY_FACTOR * tauM * tauM / Math.abs(tauM - tauSyn);
        double beta = tauSyn * tauM / (tauM - tauSyn);
        double gamma = beta / cM;
        double invBeta = (tauM - tauSyn) / (tauSyn * tauM);
        double invCm = 1 / cM;
        double expHTauSyn = GlibcMath.exp(-h * (1 / tauSyn));
        double expm1HTau = NestNumerics.expm1(h * invBeta);
        double p32 = gamma * expHTauSyn * expm1HTau;
        double expHTau = Double.NaN;
        if (!(isNormal(p32) && p32 > 0)) {
            expHTau = GlibcMath.exp(-h * (1 / tauM));
            p32 = h * invCm * expHTau;
        }
        if (h > hMinRegular) {
            double p31 = gamma * expHTauSyn * (beta * expm1HTau - h);
            return new double[] {p31, p32};
        }
        if (Double.isNaN(expHTau)) expHTau = GlibcMath.exp(-h * (1 / tauM));
        return new double[] {0.5 * h * h * invCm * expHTau, p32};
    }
}
