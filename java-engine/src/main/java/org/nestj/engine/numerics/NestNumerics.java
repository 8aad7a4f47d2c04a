package org.nestj.engine.numerics;

/**
 * NEST's own elementary functions (libnestutil/numerics.h of NEST 3.9), as NEST 3.9's reference build computes
 * them.
 *
 * <p>{@code numerics::expm1(x)} calls the C library's {@code expm1} only when NEST's configuration defines
 * {@code HAVE_EXPM1}; otherwise it sums the Taylor series itself. The reference recordings NEST's models are judged
 * against were made by a build without {@code HAVE_EXPM1}: iaf_psc_alpha's membrane trace (whose propagators
 * P30 and expm1(-h/tau_m) come from numerics::expm1) agrees with NEST to the last bit on every sample with the
 * series and differs in the last bit on 8% of the samples with glibc's expm1. NEST code that calls
 * {@code std::expm1} or {@code ::expm1} directly (tsodyks_synapse, iaf_tum_2000, iaf_bw_2001, mat2_psc_exp,
 * iaf_psc_exp_ps's expm1_tau_m) gets glibc's function: use {@link GlibcMath#expm1} there.
 */
public final class NestNumerics {
    private NestNumerics() {
    }

    /** std::log(2.0), glibc's (= the correctly rounded ln 2). */
    private static final double LOG_TWO = GlibcLog.log(2.0);
    /** std::numeric_limits&lt;double&gt;::epsilon(). */
    private static final double EPSILON = Math.ulp(1.0);

    /**
     * NEST's {@code numerics::expm1(x)} without HAVE_EXPM1: 0 for x == 0; {@code exp(x) - 1} (glibc's exp) for
     * |x| &gt; ln 2; otherwise the series x + x²/2! + x³/3! + ..., summed term by term (each term the previous one
     * times x/n) until a term is no larger than epsilon times the partial sum.
     */
    public static double expm1(double x) {
        if (x == 0) {
            return 0;
        }
        if (Math.abs(x) > LOG_TWO) {
            return GlibcMath.exp(x) - 1;
        }
        double sum = x;
        double term = x * x / 2;
        long n = 2;
        while (Math.abs(term) > Math.abs(sum) * EPSILON) {
            sum += term;
            ++n;
            term *= x / n;
        }
        return sum;
    }
}
