package org.nestj.engine.numerics;

/**
 * glibc's {@code erfc} for double (sysdeps/ieee754/dbl-64/s_erf.c of glibc 2.36, fdlibm's method; x86-64 builds it
 * once, without FMA, and its exponentials are glibc's {@link GlibcMath#exp}). Used where NEST calls
 * {@code erfc} (erfc_neuron's gain function). Java has no erfc.
 *
 * <p>fdlibm's method: for |x| &lt; 0.84375 a rational approximation of erf(x)/x; for 0.84375 &lt;= |x| &lt; 1.25 one of
 * erf(x) - c around 1 with c = 0.845062911510467529297; for 1.25 &lt;= |x| &lt; 28,
 * erfc(x) = exp(-z² - 0.5625) exp((z - x)(z + x) + R/S) / x with z = x with its low 32 bits cleared and R/S
 * rational in 1/x² (two sets of coefficients, split at 1/0.35); erfc(x) = 2 - erfc(-x) for negative x. The
 * coefficients are fdlibm's. Verified bit for bit against the system libm (glibc 2.36) on a million arguments
 * (see GlibcErfTest).
 */
public final class GlibcErf {
    private GlibcErf() {
    }

    private static final double TINY = 1e-300;
    private static final double ERX = 8.45062911510467529297e-01;
    // erf on [0, 0.84375]
    private static final double PP0 = 1.28379167095512558561e-01, PP1 = -3.25042107247001499370e-01,
            PP2 = -2.84817495755985104766e-02, PP3 = -5.77027029648944159157e-03, PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01, QQ2 = 6.50222499887672944485e-02,
            QQ3 = 5.08130628187576562776e-03, QQ4 = 1.32494738004321644526e-04, QQ5 = -3.96022827877536812320e-06;
    // erf on [0.84375, 1.25]
    private static final double PA0 = -2.36211856075265944077e-03, PA1 = 4.14856118683748331666e-01,
            PA2 = -3.72207876035701323847e-01, PA3 = 3.18346619901161753674e-01, PA4 = -1.10894694282396677476e-01,
            PA5 = 3.54783043256182359371e-02, PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01, QA2 = 5.40397917702171048937e-01,
            QA3 = 7.18286544141962662868e-02, QA4 = 1.26171219808761642112e-01, QA5 = 1.36370839120290507362e-02,
            QA6 = 1.19844998467991074170e-02;
    // erfc on [1.25, 1/0.35]
    private static final double RA0 = -9.86494403484714822705e-03, RA1 = -6.93858572707181764372e-01,
            RA2 = -1.05586262253232909814e+01, RA3 = -6.23753324503260060396e+01, RA4 = -1.62396669462573470355e+02,
            RA5 = -1.84605092906711035994e+02, RA6 = -8.12874355063065934246e+01, RA7 = -9.81432934416914548592e+00;
    private static final double SA1 = 1.96512716674392571292e+01, SA2 = 1.37657754143519042600e+02,
            SA3 = 4.34565877475229228821e+02, SA4 = 6.45387271733267880336e+02, SA5 = 4.29008140027567833386e+02,
            SA6 = 1.08635005541779435134e+02, SA7 = 6.57024977031928170135e+00, SA8 = -6.04244152148580987438e-02;
    // erfc on [1/0.35, 28]
    private static final double RB0 = -9.86494292470009928597e-03, RB1 = -7.99283237680523006574e-01,
            RB2 = -1.77579549177547519889e+01, RB3 = -1.60636384855821916062e+02, RB4 = -6.37566443368389627722e+02,
            RB5 = -1.02509513161107724954e+03, RB6 = -4.83519191608651397019e+02;
    private static final double SB1 = 3.03380607434824582924e+01, SB2 = 3.25792512996573918826e+02,
            SB3 = 1.53672958608443695994e+03, SB4 = 3.19985821950859553908e+03, SB5 = 2.55305040643316442583e+03,
            SB6 = 4.74528541206955367215e+02, SB7 = -2.24409524465858183362e+01;

    /** glibc's erfc(x). */
    public static double erfc(double x) {
        final int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        final int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // NaN; erfc(+inf) = 0, erfc(-inf) = 2
            return (double) ((hx >>> 31) << 1) + 1.0 / x;
        }
        if (ix < 0x3feb0000) { // |x| < 0.84375
            if (ix < 0x3c700000) { // |x| < 2^-56
                return 1.0 - x;
            }
            final double z = x * x;
            final double r1 = PP0 + z * PP1, z2 = z * z;
            final double r2 = PP2 + z * PP3, z4 = z2 * z2;
            final double s1 = 1.0 + z * QQ1;
            final double s2 = QQ2 + z * QQ3;
            final double s3 = QQ4 + z * QQ5;
            final double r = r1 + z2 * r2 + z4 * PP4;
            final double s = s1 + z2 * s2 + z4 * s3;
            final double y = r / s;
            if (hx < 0x3fd00000) { // x < 1/4
                return 1.0 - (x + x * y);
            }
            double t = x * y;
            t += (x - 0.5);
            return 0.5 - t;
        }
        if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
            final double s = Math.abs(x) - 1.0;
            final double p1 = PA0 + s * PA1, s2 = s * s;
            final double q1 = 1.0 + s * QA1, s4 = s2 * s2;
            final double p2 = PA2 + s * PA3, s6 = s4 * s2;
            final double q2 = QA2 + s * QA3;
            final double p3 = PA4 + s * PA5;
            final double q3 = QA4 + s * QA5;
            final double p = p1 + s2 * p2 + s4 * p3 + s6 * PA6;
            final double q = q1 + s2 * q2 + s4 * q3 + s6 * QA6;
            if (hx >= 0) {
                final double z = 1.0 - ERX;
                return z - p / q;
            }
            final double z = ERX + p / q;
            return 1.0 + z;
        }
        if (ix < 0x403c0000) { // |x| < 28
            final double ax = Math.abs(x);
            final double s = 1.0 / (ax * ax);
            final double rr, ss;
            if (ix < 0x4006DB6D) { // |x| < 1/0.35
                final double r1 = RA0 + s * RA1, s2 = s * s;
                final double t1 = 1.0 + s * SA1, s4 = s2 * s2;
                final double r2 = RA2 + s * RA3, s6 = s4 * s2;
                final double t2 = SA2 + s * SA3, s8 = s4 * s4;
                final double r3 = RA4 + s * RA5;
                final double t3 = SA4 + s * SA5;
                final double r4 = RA6 + s * RA7;
                final double t4 = SA6 + s * SA7;
                rr = r1 + s2 * r2 + s4 * r3 + s6 * r4;
                ss = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA8;
            } else {
                if (hx < 0 && ix >= 0x40180000) { // x < -6
                    return 2.0 - TINY;
                }
                final double r1 = RB0 + s * RB1, s2 = s * s;
                final double t1 = 1.0 + s * SB1, s4 = s2 * s2;
                final double r2 = RB2 + s * RB3, s6 = s4 * s2;
                final double t2 = SB2 + s * SB3;
                final double r3 = RB4 + s * RB5;
                final double t3 = SB4 + s * SB5;
                final double t4 = SB6 + s * SB7;
                rr = r1 + s2 * r2 + s4 * r3 + s6 * RB6;
                ss = t1 + s2 * t2 + s4 * t3 + s6 * t4;
            }
            final double z = Double.longBitsToDouble(Double.doubleToRawLongBits(ax) & 0xffffffff00000000L);
            final double r = GlibcMath.exp(-z * z - 0.5625) * GlibcMath.exp((z - ax) * (z + ax) + rr / ss);
            return hx > 0 ? r / ax : 2.0 - r / ax;
        }
        return hx > 0 ? TINY * TINY : 2.0 - TINY;
    }
}
