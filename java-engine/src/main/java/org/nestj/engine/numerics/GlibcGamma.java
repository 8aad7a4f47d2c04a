package org.nestj.engine.numerics;

import java.math.BigInteger;

/**
 * glibc's {@code tgamma} for double, bit for bit (glibc 2.36, the Debian 12 libm of NEST 3.9's reference build:
 * sysdeps/ieee754/dbl-64/e_gamma_r.c with math/mul_split.h, for the exp(lgamma) ranges fdlibm's e_lgamma_r.c, and on
 * x86-64 the ldbl-96 __gamma_product, which multiplies in x87 long double, reproduced here exactly in software by
 * {@link Ext80}). x86-64 builds these without FMA; mul_split's Dekker product is exact, as {@link Math#fma}'s error
 * term is. The functions they call are glibc's: {@link GlibcMath#exp}, {@link GlibcMath#pow},
 * {@link GlibcMath#exp2}, {@link GlibcMath#expm1}, {@link GlibcLog#log}, {@link GlibcTrig#sin} and cos. Used where NEST
 * calls {@code std::tgamma}: the normalisation of the gamma distribution Parameter (nestkernel/parameter.cpp).
 *
 * <p>glibc's method for x &gt; 0: exp(lgamma(x)) (with lgamma(x + 1) / x below 1/2) up to 1.5; below 6.5 the argument
 * is shifted into (0.5, 1.5] and the product of the shifts is kept as a double-double; from 6.5 on Stirling's
 * formula, with x shifted up to at least 12 first, x^x split as mant^x 2^(e frac) 2^(e int) to avoid overflow, the
 * products and the division by the shift product done as double-double expansions, and the Stirling series folded
 * into one expm1. Negative non-integers use the reflection formula with sin(pi x) reduced by symmetry. Checked bit
 * for bit against the system libm (see GlibcGammaTest). Error signalling (errno, flags) is not reproduced.
 */
public final class GlibcGamma {
    private GlibcGamma() {
    }

    /** B_2k / (2k (2k - 1)) for k = 1..6, the coefficients of x^-(2k-1) in Stirling's series for log Gamma. */
    private static final double[] GAMMA_COEFF = {
        0x1.5555555555555p-4, -0xb.60b60b60b60b8p-12, 0x3.4034034034034p-12, -0x2.7027027027028p-12,
        0x3.72a3c5631fe46p-12, -0x7.daac36664f1f4p-12};

    private static final double M_PI = 3.14159265358979323846;
    private static final double M_SQRT1_2 = 0.70710678118654752440;

    // ------------------------------------------------------------------ exact products (mul_split.h)

    /** hi + lo = x * y exactly; returns hi, lo in {@code out[1]}. */
    /**
     * glibc's div_expansion: (xh + xl) / (yh + yl) as hi + lo, renormalized; returns hi, lo in
     * {@code out[1]}.
     */
    private static double divExpansion(double xh, double xl, double yh, double yl, double[] out) {
        double hi = xh / yh;
        final double a0 = mulSplit(hi, yh, out);
        final double b0 = out[1];
        double a = xh - a0;
        a = a - b0;
        double lo = a / yh;
        final double r = (xl * yh - yl * xh) / (yh * yh);
        double s = hi + r;
        double e = r - (s - hi);
        hi = s;
        lo += e;
        s = hi + lo;
        out[1] = lo - (s - hi);
        return s;
    }

    private static double mulSplit(double x, double y, double[] out) {
        final double hi = x * y;
        out[1] = Math.fma(x, y, -hi);
        return hi;
    }

    // ------------------------------------------------------------------ lgamma for positive x (e_lgamma_r.c)

    private static final double A0 = 7.72156649015328655494e-02, A1 = 3.22467033424113591611e-01,
            A2 = 6.73523010531292681824e-02, A3 = 2.05808084325167332806e-02, A4 = 7.38555086081402883957e-03,
            A5 = 2.89051383673415629091e-03, A6 = 1.19270763183362067845e-03, A7 = 5.10069792153511336608e-04,
            A8 = 2.20862790713908385557e-04, A9 = 1.08011567247583939954e-04, A10 = 2.52144565451257326939e-05,
            A11 = 4.48640949618915160150e-05;
    private static final double TC = 1.46163214496836224576e+00, TF = -1.21486290535849611461e-01,
            TT = -3.63867699703950536541e-18;
    private static final double T0 = 4.83836122723810047042e-01, T1 = -1.47587722994593911752e-01,
            T2 = 6.46249402391333854778e-02, T3 = -3.27885410759859649565e-02, T4 = 1.79706750811820387126e-02,
            T5 = -1.03142241298341437450e-02, T6 = 6.10053870246291332635e-03, T7 = -3.68452016781138256760e-03,
            T8 = 2.25964780900612472250e-03, T9 = -1.40346469989232843813e-03, T10 = 8.81081882437654011382e-04,
            T11 = -5.38595305356740546715e-04, T12 = 3.15632070903625950361e-04, T13 = -3.12754168375120860518e-04,
            T14 = 3.35529192635519073543e-04;
    private static final double U0 = -7.72156649015328655494e-02, U1 = 6.32827064025093366517e-01,
            U2 = 1.45492250137234768737e+00, U3 = 9.77717527963372745603e-01, U4 = 2.28963728064692451092e-01,
            U5 = 1.33810918536787660377e-02;
    private static final double V1 = 2.45597793713041134822e+00, V2 = 2.12848976379893395361e+00,
            V3 = 7.69285150456672783825e-01, V4 = 1.04222645593369134254e-01, V5 = 3.21709242282423911810e-03;
    private static final double S0 = -7.72156649015328655494e-02, S1 = 2.14982415960608852501e-01,
            S2 = 3.25778796408930981787e-01, S3 = 1.46350472652464452805e-01, S4 = 2.66422703033638609560e-02,
            S5 = 1.84028451407337715652e-03, S6 = 3.19475326584100867617e-05;
    private static final double R1 = 1.39200533467621045958e+00, R2 = 7.21935547567138069525e-01,
            R3 = 1.71933865632803078993e-01, R4 = 1.86459191715652901344e-02, R5 = 7.77942496381893596434e-04,
            R6 = 7.32668430744625636189e-06;
    private static final double W0 = 4.18938533204672725052e-01, W1 = 8.33333333333329678849e-02,
            W2 = -2.77777777728775536470e-03, W3 = 7.93650558643019558500e-04, W4 = -5.95187557450339963135e-04,
            W5 = 8.36339918996282139126e-04, W6 = -1.63092934096575273989e-03;

    /** glibc's __ieee754_lgamma_r(x) for finite x &gt; 0 (the arguments tgamma passes it). */
    static double lgammaPositive(double x) {
        final long bits = Double.doubleToRawLongBits(x);
        final int hx = (int) (bits >> 32);
        final int lx = (int) bits;
        if (!(x > 0.0) || hx >= 0x7ff00000) {
            throw new IllegalArgumentException("GlibcGamma.lgammaPositive implements finite x > 0, got " + x);
        }
        final int ix = hx & 0x7fffffff;
        if (ix < 0x3b900000) return -GlibcLog.log(x); // x < 2^-70
        double r;
        if ((((ix - 0x3ff00000) | lx) == 0) || (((ix - 0x40000000) | lx) == 0)) {
            r = 0; // x = 1 or 2
        } else if (ix < 0x40000000) { // x < 2
            double y;
            int i;
            if (ix <= 0x3feccccc) { // lgamma(x) = lgamma(x + 1) - log(x)
                r = -GlibcLog.log(x);
                if (ix >= 0x3FE76944) {
                    y = 1.0 - x;
                    i = 0;
                } else if (ix >= 0x3FCDA661) {
                    y = x - (TC - 1.0);
                    i = 1;
                } else {
                    y = x;
                    i = 2;
                }
            } else {
                r = 0.0;
                if (ix >= 0x3FFBB4C3) { // [1.7316, 2]
                    y = 2.0 - x;
                    i = 0;
                } else if (ix >= 0x3FF3B4C4) { // [1.23, 1.73]
                    y = x - TC;
                    i = 1;
                } else {
                    y = x - 1.0;
                    i = 2;
                }
            }
            switch (i) {
                case 0: {
                    final double z = y * y;
                    final double p1 = A0 + z * (A2 + z * (A4 + z * (A6 + z * (A8 + z * A10))));
                    final double p2 = z * (A1 + z * (A3 + z * (A5 + z * (A7 + z * (A9 + z * A11)))));
                    final double p = y * p1 + p2;
                    r += (p - 0.5 * y);
                    break;
                }
                case 1: {
                    final double z = y * y;
                    final double w = z * y;
                    final double p1 = T0 + w * (T3 + w * (T6 + w * (T9 + w * T12)));
                    final double p2 = T1 + w * (T4 + w * (T7 + w * (T10 + w * T13)));
                    final double p3 = T2 + w * (T5 + w * (T8 + w * (T11 + w * T14)));
                    final double p = z * p1 - (TT - w * (p2 + y * p3));
                    r += (TF + p);
                    break;
                }
                default: {
                    final double p1 = y * (U0 + y * (U1 + y * (U2 + y * (U3 + y * (U4 + y * U5)))));
                    final double p2 = 1.0 + y * (V1 + y * (V2 + y * (V3 + y * (V4 + y * V5))));
                    r += (-0.5 * y + p1 / p2);
                }
            }
        } else if (ix < 0x40200000) { // x < 8
            final int i = (int) x;
            final double y = x - (double) i;
            final double p = y * (S0 + y * (S1 + y * (S2 + y * (S3 + y * (S4 + y * (S5 + y * S6))))));
            final double q = 1.0 + y * (R1 + y * (R2 + y * (R3 + y * (R4 + y * (R5 + y * R6)))));
            r = 0.5 * y + p / q;
            double z = 1.0; // lgamma(1 + s) = log(s) + lgamma(s)
            switch (i) {
                case 7:
                    z *= (y + 6.0); // fall through
                case 6:
                    z *= (y + 5.0); // fall through
                case 5:
                    z *= (y + 4.0); // fall through
                case 4:
                    z *= (y + 3.0); // fall through
                case 3:
                    z *= (y + 2.0);
                    r += GlibcLog.log(z);
                    break;
                default:
                    break;
            }
        } else if (ix < 0x43900000) { // 8 <= x < 2^58
            final double t = GlibcLog.log(x);
            final double z = 1.0 / x;
            final double y = z * z;
            final double w = W0 + z * (W1 + y * (W2 + y * (W3 + y * (W4 + y * (W5 + y * W6)))));
            r = (x - 0.5) * (t - 1.0) + w;
        } else {
            r = x * (GlibcLog.log(x) - 1.0);
        }
        return r;
    }

    // ------------------------------------------------------------------ tgamma (e_gamma_r.c, gamma_product.c)

    /**
     * The product (x + x_eps)(x + x_eps + 1)...(x + x_eps + n - 1) as R (1 + eps): returns R, eps in {@code out[0]}.
     * x86-64 takes __gamma_product from sysdeps/ieee754/ldbl-96 (its sysdeps order puts ldbl-96 before dbl-64): the
     * product is formed in x87 long double (64-bit significand, each operation rounded to nearest even), rounded
     * once to double for R, and eps = (product - R) / R is a long double quotient narrowed to double.
     */
    private static double gammaProduct(double x, double xEps, int n, double[] out) {
        final Ext80 xFull = Ext80.add(Ext80.of(x), Ext80.of(xEps));
        Ext80 ret = xFull;
        for (int i = 1; i < n; i++) ret = Ext80.mul(ret, Ext80.add(xFull, Ext80.of(i)));
        final double fret = ret.toDouble();
        out[0] = Ext80.div(Ext80.add(ret, Ext80.of(-fret)), Ext80.of(fret)).toDouble();
        return fret;
    }

    /**
     * An x87 extended-precision value (64-bit significand, round to nearest even), exact in software, for the few
     * long double operations of ldbl-96's __gamma_product: value = m 2^e with |m| &lt; 2^64. Only normal, finite
     * values occur there.
     */
    static final class Ext80 {
        private static final int P = 64;
        final BigInteger m;
        final int e;

        private Ext80(BigInteger m, int e) {
            this.m = m;
            this.e = e;
        }

        static Ext80 of(double d) {
            if (d == 0.0) return new Ext80(BigInteger.ZERO, 0);
            final long bits = Double.doubleToRawLongBits(d);
            final int be = (int) ((bits >>> 52) & 0x7ff);
            long mant = bits & 0xfffffffffffffL;
            int ex;
            if (be == 0) {
                ex = -1074;
            } else {
                mant |= 1L << 52;
                ex = be - 1075;
            }
            final BigInteger bm = BigInteger.valueOf(d < 0 ? -mant : mant);
            return new Ext80(bm, ex);
        }

        /** m 2^e (plus a nonzero tail below it if sticky) rounded to {@code bits} significant bits, nearest even. */
        private static Ext80 round(BigInteger m, int e, boolean sticky, int bits) {
            final int sign = m.signum();
            BigInteger a = m.abs();
            final int len = a.bitLength();
            if (len <= bits) return new Ext80(m, e); // sticky only arises with len > bits (see div)
            final int shift = len - bits;
            BigInteger keep = a.shiftRight(shift);
            final BigInteger rem = a.subtract(keep.shiftLeft(shift));
            final BigInteger half = BigInteger.ONE.shiftLeft(shift - 1);
            final int c = rem.compareTo(half);
            if (c > 0 || (c == 0 && (sticky || keep.testBit(0)))) keep = keep.add(BigInteger.ONE);
            return new Ext80(sign < 0 ? keep.negate() : keep, e + shift);
        }

        static Ext80 add(Ext80 x, Ext80 y) {
            if (x.m.signum() == 0) return y;
            if (y.m.signum() == 0) return x;
            final int emin = Math.min(x.e, y.e);
            final BigInteger s = x.m.shiftLeft(x.e - emin).add(y.m.shiftLeft(y.e - emin));
            if (s.signum() == 0) return new Ext80(BigInteger.ZERO, 0);
            return round(s, emin, false, P);
        }

        static Ext80 mul(Ext80 x, Ext80 y) {
            return round(x.m.multiply(y.m), x.e + y.e, false, P);
        }

        static Ext80 div(Ext80 x, Ext80 y) {
            if (x.m.signum() == 0) return x;
            // scale the dividend so that the integer quotient has at least P + 2 bits; the remainder is the sticky bit
            final int k = Math.max(0, P + 2 + y.m.bitLength() - x.m.bitLength() + 1);
            final BigInteger[] qr = x.m.shiftLeft(k).divideAndRemainder(y.m);
            return round(qr[0], x.e - k - y.e, qr[1].signum() != 0, P);
        }

        /** Narrowing to double (nearest even; normal range). */
        double toDouble() {
            if (m.signum() == 0) return 0.0;
            final Ext80 r = round(m, e, false, 53);
            return Math.scalb(r.m.doubleValue(), r.e);
        }
    }

    /** C's round(): to nearest, halfway cases away from zero. */
    private static double roundHalfAway(double x) {
        final double ax = Math.abs(x);
        double t = Math.floor(ax);
        if (ax - t >= 0.5) t += 1.0;
        return Math.copySign(t, x);
    }

    /** Gamma(x) for 0 &lt; x &lt; 184 as R 2^exp2Adj: returns R, exp2Adj in {@code adj[0]} (gamma_positive). */
    private static double gammaPositive(double x, int[] adj) {
        final double[] tmp = new double[2];
        if (x < 0.5) {
            adj[0] = 0;
            return GlibcMath.exp(lgammaPositive(x + 1)) / x;
        }
        if (x <= 1.5) {
            adj[0] = 0;
            return GlibcMath.exp(lgammaPositive(x));
        }
        if (x < 6.5) {
            adj[0] = 0;
            final double n = Math.ceil(x - 1.5);
            final double xAdj = x - n;
            final double prod = gammaProduct(xAdj, 0, (int) n, tmp);
            final double eps = tmp[0];
            return GlibcMath.exp(lgammaPositive(xAdj)) * prod * (1.0 + eps);
        }
        double eps = 0;
        double xEps = 0;
        double xAdj = x;
        double prod = 1;
        if (x < 12.0) {
            final double n = Math.ceil(12.0 - x);
            xAdj = x + n;
            xEps = (x - (xAdj - n));
            prod = gammaProduct(xAdj - n, xEps, (int) n, tmp);
            eps = tmp[0];
        }
        final double xAdjInt = roundHalfAway(xAdj);
        final double xAdjFrac = xAdj - xAdjInt;
        int xAdjLog2 = Math.getExponent(xAdj) + 1; // frexp: xAdj = mant 2^log2, mant in [1/2, 1)
        double xAdjMant = Math.scalb(xAdj, -xAdjLog2);
        if (xAdjMant < M_SQRT1_2) {
            xAdjLog2--;
            xAdjMant *= 2.0;
        }
        adj[0] = xAdjLog2 * (int) xAdjInt;
        double h1 = mulSplit(GlibcMath.pow(xAdjMant, xAdj), GlibcMath.exp2(xAdjLog2 * xAdjFrac), tmp);
        double l1 = tmp[1];
        final double h2 = mulSplit(GlibcMath.exp(-xAdj), Math.sqrt(2 * M_PI / xAdj), tmp);
        final double l2 = tmp[1];
        // mul_expansion: (h1 + l1)(h2 + l2); glibc 2.36 subtracts the two-sum's error term from lo
        {
            final double hi = mulSplit(h1, h2, tmp);
            double lo = tmp[1];
            final double r = h1 * l2 + h2 * l1;
            final double s = hi + r; // fast two-sum
            final double e = r - (s - hi);
            lo -= e;
            h1 = s;
            l1 = lo;
        }
        // (h1 + l1) / (prod + prod * eps)
        h1 = divExpansion(h1, l1, prod, prod * eps, tmp);
        l1 = tmp[1];
        double expAdj = xEps * GlibcLog.log(xAdj);
        double bsum = GAMMA_COEFF[GAMMA_COEFF.length - 1];
        final double xAdj2 = xAdj * xAdj;
        for (int i = 1; i <= GAMMA_COEFF.length - 1; i++) bsum = bsum / xAdj2 + GAMMA_COEFF[GAMMA_COEFF.length - 1 - i];
        expAdj += bsum / xAdj;
        l1 += h1 * GlibcMath.expm1(expAdj);
        return h1 + l1;
    }

    /** glibc's {@code tgamma(x)}. */
    public static double tgamma(double x) {
        final long bits = Double.doubleToRawLongBits(x);
        final int hx = (int) (bits >> 32);
        final int lx = (int) bits;
        if (((hx & 0x7fffffff) | lx) == 0) return 1.0 / x; // +-0: +-inf
        if (hx < 0 && Integer.compareUnsigned(hx, 0xfff00000) < 0 && Math.rint(x) == x) {
            return Double.NaN; // negative integer
        }
        if (hx == 0xfff00000 && lx == 0) return Double.NaN; // -inf
        if ((hx & 0x7ff00000) == 0x7ff00000) return x + x; // +inf, NaN
        if (x >= 172.0) return Double.POSITIVE_INFINITY;
        final int[] adj = new int[1];
        double ret;
        boolean negSign = false;
        if (x > 0.0) {
            final double tret = gammaPositive(x, adj);
            ret = Math.scalb(tret, adj[0]);
        } else if (x >= -0x1p-52 / 4.0) {
            ret = 1.0 / x;
        } else {
            final double tx = trunc(x);
            negSign = tx == 2.0 * trunc(tx / 2.0);
            if (x <= -184.0) {
                ret = 0.0; // underflow
            } else {
                double frac = tx - x;
                if (frac > 0.5) frac = 1.0 - frac;
                final double sinpix = frac <= 0.25 ? GlibcTrig.sin(M_PI * frac) : GlibcTrig.cos(M_PI * (0.5 - frac));
                final double[] tmp = new double[2];
                double h2 = gammaPositive(-x, adj);
                double h1 = mulSplit(sinpix, h2, tmp);
                double l1 = tmp[1];
                h2 = mulSplit(h1, x, tmp);
                double l2 = tmp[1];
                l2 += l1 * x;
                // (pi_hi + pi_lo) / (h2 + l2)
                final double piHi = 0x3.243f6a8885a3p+0, piLo = 0x8.d313198a2e038p-56;
                ret = Math.scalb(-divExpansion(piHi, piLo, h2, l2, tmp), -adj[0]);
            }
        }
        if (Double.isInfinite(ret) && x != 0) {
            return negSign ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (ret == 0) return negSign ? -0.0 : 0.0;
        return negSign ? -ret : ret;
    }

    private static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }
}
