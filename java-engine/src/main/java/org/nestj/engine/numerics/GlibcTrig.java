package org.nestj.engine.numerics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * glibc's {@code sin} and {@code cos} for double (glibc 2.28 and later, as in glibc 2.36, the Debian 12 libm NEST
 * 3.9's reference ran against), in the variant x86-64 glibc selects on CPUs with FMA ({@code __sin_fma},
 * {@code __cos_fma}: sysdeps/ieee754/dbl-64/s_sin.c compiled with {@code -mfma -mavx2}). Companion of
 * {@link GlibcMath}; used where NEST calls {@code std::sin}/{@code std::cos} (ac_generator, noise_generator,
 * sinusoidal generators, rotated masks, the sin/cos/gabor Parameters). Java's {@link Math#sin}/{@link Math#cos}
 * differ from glibc in the last bit on about 0.2% of arguments.
 *
 * <p>The method (IBM's Accurate Mathematical Library, as glibc has it since 2.28): |x| below 0.855469 and, after
 * reduction to [-pi/4, pi/4] by x - n pi/2 in three (or, from |x| = 105414350 on, by the Payne-Hanek style
 * {@code branred}, many) pieces, the reduced argument a + da is split into the nearest multiple i/128 plus a
 * remainder; sin and cos of i/128 come from a table (value and correction), those of the remainder from short
 * polynomials, combined as sin(u+v) = sin u + (cos u sin v + sin u (cos v - 1)). Arguments below 0.126 use a
 * Taylor polynomial directly. Which products the FMA build fuses with a following addition was read from the
 * machine code of the system libm and is written out below as {@link Math#fma} calls; {@code branred} is
 * compiled without FMA.
 *
 * <p>The table of sin and cos of i/128 (i &lt; 110) and the 24-bit digits of 2/pi are computed here from their
 * definitions (to 60 significant digits) instead of being copied: the value parts are the correctly rounded
 * doubles, which are glibc's; glibc's correction parts differ from the correctly rounded remainders by up to
 * 39 units in their own last place, i.e. by about 2^-100 relative to the table value, which changes a result only
 * within that distance of a rounding boundary. Verified bit for bit against the system libm (glibc 2.36, FMA
 * variant) on millions of arguments in every branch (see GlibcTrigTest).
 */
public final class GlibcTrig {
    private GlibcTrig() {
    }

    // polynomial of the Taylor branch (usncs.h): s1 = -1/3!, s2 ~ 1/5!, ...
    private static final double S1 = -0x1.5555555555555p-3;
    private static final double S2 = 0x1.1111111110ECEp-7;
    private static final double S3 = -0x1.A01A019DB08B8p-13;
    private static final double S4 = 0x1.71DE27B9A7ED9p-19;
    private static final double S5 = -0x1.ADDFFC2FCDF59p-26;
    /** 1.5 * 2^45: adding it rounds a value below 2^44 to a multiple of 1/128 (its index in the low word). */
    private static final double BIG = 0x1.8p45;
    /** pi/2 = HP0 + HP1 */
    private static final double HP0 = 0x1.921FB54442D18p0;
    private static final double HP1 = 0x1.1A62633145C07p-54;
    /** pi/2 = MP1 + MP2 + PP3 + PP4 (to 136 bits), the first parts with trailing zeros */
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1; // 2/pi
    private static final double TOINT = 0x1.8p52;
    // the short polynomials of the table-based branch (s_sin.c)
    private static final double SN3 = -1.66666666666664880952546298448555E-01;
    private static final double SN5 = 8.33333214285722277379541354343671E-03;
    private static final double CS2 = 4.99999999999999999999950396842453E-01;
    private static final double CS4 = -4.16666666666664434524222570944589E-02;
    private static final double CS6 = 1.38888874007937613028114285595617E-03;

    /** {sin(i/128), its correction, cos(i/128), its correction} for i = 0 .. 109 */
    private static final double[] TAB = sinCosTable();

    /** sin and cos of i/128 (i &lt; 110) as value + correction, from their Taylor series to 60 digits. */
    private static double[] sinCosTable() {
        final MathContext mc = new MathContext(60, RoundingMode.HALF_EVEN);
        final BigDecimal eps = new BigDecimal("1e-62");
        final double[] t = new double[440];
        for (int i = 0; i < 110; i++) {
            final BigDecimal x = BigDecimal.valueOf(i).divide(BigDecimal.valueOf(128), mc);
            final BigDecimal x2 = x.multiply(x, mc);
            BigDecimal s = BigDecimal.ZERO, c = BigDecimal.ZERO;
            BigDecimal term = x;
            for (int k = 1; term.abs().compareTo(eps) > 0; k += 2) {
                s = s.add(term, mc);
                term = term.multiply(x2, mc).divide(BigDecimal.valueOf(-(long) (k + 1) * (k + 2)), mc);
            }
            term = BigDecimal.ONE;
            for (int k = 0; term.abs().compareTo(eps) > 0; k += 2) {
                c = c.add(term, mc);
                term = term.multiply(x2, mc).divide(BigDecimal.valueOf(-(long) (k + 1) * (k + 2)), mc);
            }
            final double sh = s.doubleValue(), ch = c.doubleValue();
            t[4 * i] = sh;
            t[4 * i + 1] = s.subtract(new BigDecimal(sh), mc).doubleValue();
            t[4 * i + 2] = ch;
            t[4 * i + 3] = c.subtract(new BigDecimal(ch), mc).doubleValue();
        }
        return t;
    }

    /** sin(x + dx) for |x| &lt; 0.126 (TAYLOR_SIN) */
    private static double taylorSin(double x, double dx) {
        final double xx = x * x;
        final double p = Math.fma(Math.fma(Math.fma(Math.fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
        return x + Math.fma(xx, Math.fma(p, x, -(0.5 * dx)), dx);
    }

    /** index into TAB of the multiple of 1/128 nearest to ax (&gt;= 0) */
    private static int tableIndex(double u) {
        return (int) Double.doubleToRawLongBits(u) << 2;
    }

    /** cos(x + dx) (do_cos) */
    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        final double ax = Math.abs(x);
        final double u = BIG + ax;
        final double y = ax - (u - BIG) + dx;
        final double yy = y * y;
        final double s = Math.fma(y * yy, Math.fma(yy, SN5, SN3), y);
        final double c = yy * Math.fma(yy, Math.fma(yy, CS6, CS4), CS2);
        final int k = tableIndex(u);
        final double sn = TAB[k], ssn = TAB[k + 1], cs = TAB[k + 2], ccs = TAB[k + 3];
        final double cor = Math.fma(-s, sn, Math.fma(-c, cs, Math.fma(-s, ssn, ccs)));
        return cs + cor;
    }

    /** sin(x + dx) (do_sin) */
    private static double doSin(double x, double dx) {
        final double xold = x;
        if (Math.abs(x) < 0.126) {
            return taylorSin(x, dx);
        }
        if (x <= 0) {
            dx = -dx;
        }
        final double ax = Math.abs(x);
        final double u = BIG + ax;
        final double y = ax - (u - BIG);
        final double yy = y * y;
        final double s = y + Math.fma(y * yy, Math.fma(yy, SN5, SN3), dx);
        final double c = Math.fma(y, dx, yy * Math.fma(yy, Math.fma(yy, CS6, CS4), CS2));
        final int k = tableIndex(u);
        final double sn = TAB[k], ssn = TAB[k + 1], cs = TAB[k + 2], ccs = TAB[k + 3];
        final double cor = Math.fma(s, cs, Math.fma(-c, sn, Math.fma(s, ccs, ssn)));
        return Math.copySign(sn + cor, xold);
    }

    /** sin (n even) or cos (n odd) of a + da, negated for n &amp; 2 (do_sincos) */
    private static double doSinCos(double a, double da, int n) {
        final double r = (n & 1) != 0 ? doCos(a, da) : doSin(a, da);
        return (n & 2) != 0 ? -r : r;
    }

    /**
     * sin (shift 0) or cos (shift 1) of x for 2.426265 &lt;= |x| &lt; inf: x = n pi/2 + (a + da) by reduce_sincos
     * below 105414350 (pi/2 in four pieces, 136 bits), by branred above; then do_sincos(a, da, n + shift).
     */
    private static double reducedSinCos(double x, int k, int shift) {
        if (k >= 0x419921FB) {
            final double[] ad = new double[2]; // only for |x| >= 105414350
            final int n = branred(x, ad);
            return doSinCos(ad[0], ad[1], n + shift);
        }
        final double t = Math.fma(x, HPINV, TOINT);
        final double xn = t - TOINT;
        final double y = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
        final int n = (int) Double.doubleToRawLongBits(t) & 3;
        final double t2 = Math.fma(-xn, PP3, y);
        double db = Math.fma(-xn, PP3, y - t2);
        final double b = Math.fma(-xn, PP4, t2);
        db += Math.fma(-xn, PP4, t2 - b);
        return doSinCos(b, db, n + shift);
    }

    /** glibc's sin(x). */
    public static double sin(double x) {
        final int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e500000) { // |x| < 2^-26
            return x;
        }
        if (k < 0x3feb6000) { // |x| < 0.855469
            return doSin(x, 0);
        }
        if (k < 0x400368fd) { // |x| < 2.426265: sin x = +-cos(pi/2 - |x|)
            final double t = HP0 - Math.abs(x);
            return Math.copySign(doCos(t, HP1), x);
        }
        if (k < 0x7ff00000) {
            return reducedSinCos(x, k, 0);
        }
        return x / x; // inf or NaN: NaN
    }

    /** glibc's cos(x). */
    public static double cos(double x) {
        final int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e400000) { // |x| < 2^-27
            return 1.0;
        }
        if (k < 0x3feb6000) { // |x| < 0.855469
            return doCos(x, 0);
        }
        if (k < 0x400368fd) { // |x| < 2.426265: cos x = sin(pi/2 - |x|)
            final double y = HP0 - Math.abs(x);
            final double a = y + HP1;
            final double da = (y - a) + HP1;
            return doSin(a, da);
        }
        if (k < 0x7ff00000) {
            return reducedSinCos(x, k, 1);
        }
        return x / x;
    }

    // ---- branred (sysdeps/ieee754/dbl-64/branred.c): reduction of |x| >= 105414350, compiled without FMA ----
    private static final double T576 = 0x1p576;
    private static final double TM600 = 0x1p-600;
    private static final double TM24 = 0x1p-24;
    private static final double RBIG = 0x1.8p52;
    private static final double RBIG1 = 0x1.8p54;
    private static final double SPLIT = 0x1p27 + 1;
    /** 2/pi in base 2^24: digit i is floor(2/pi 2^(24(i+1))) mod 2^24 */
    private static final double[] TOVERP = twoOverPiDigits(75);

    private static double[] twoOverPiDigits(int n) {
        final int bits = 24 * n + 64;
        final MathContext mc = new MathContext(bits * 30 / 100 + 40, RoundingMode.HALF_EVEN);
        // pi = 16 atan(1/5) - 4 atan(1/239) (Machin)
        final BigDecimal pi = atanInv(5, mc).multiply(BigDecimal.valueOf(16)).subtract(
                atanInv(239, mc).multiply(BigDecimal.valueOf(4)), mc);
        final BigDecimal twoOverPi = BigDecimal.valueOf(2).divide(pi, mc);
        final BigInteger scaled = twoOverPi.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(24 * n)), mc)
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        final double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = scaled.shiftRight(24 * (n - 1 - i)).intValue() & 0xffffff;
        }
        return d;
    }

    /** atan(1/m) by its series */
    private static BigDecimal atanInv(int m, MathContext mc) {
        final BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        final BigDecimal m2 = BigDecimal.valueOf((long) m * m);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(m), mc);
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; power.compareTo(eps) > 0; k++) {
            final BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), mc);
            sum = (k & 1) == 0 ? sum.add(term, mc) : sum.subtract(term, mc);
            power = power.divide(m2, mc);
        }
        return sum;
    }

    /** one half of branred: x times 2/pi, returned as sum (integer part) in out[0], b + bb in out[1..2] */
    private static void reduceHalf(double xp, double[] out) {
        final double[] r = new double[6];
        int k = (int) (Double.doubleToRawLongBits(xp) >>> 52) & 2047;
        k = (k - 450) / 24;
        if (k < 0) {
            k = 0;
        }
        double gor = Double.longBitsToDouble(Double.doubleToRawLongBits(T576) - ((long) (k * 24) << 52));
        for (int i = 0; i < 6; i++) {
            r[i] = xp * TOVERP[k + i] * gor;
            gor *= TM24;
        }
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            final double s = (r[i] + RBIG) - RBIG;
            sum += s;
            r[i] -= s;
        }
        double t = 0;
        for (int i = 0; i < 6; i++) {
            t += r[5 - i];
        }
        double bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5];
        double s = (t + RBIG) - RBIG;
        sum += s;
        t -= s;
        final double b = t + bb;
        bb = (t - b) + bb;
        s = (sum + RBIG1) - RBIG1;
        sum -= s;
        out[0] = sum;
        out[1] = b;
        out[2] = bb;
    }

    /** x = n pi/2 + (a + da) for huge |x|: stores a, da in ad, returns n mod 4 */
    private static int branred(double x, double[] ad) {
        x *= TM600;
        double t = x * SPLIT;
        final double x1 = t - (t - x);
        final double x2 = x - x1;
        final double[] h1 = new double[3], h2 = new double[3];
        reduceHalf(x1, h1);
        reduceHalf(x2, h2);
        final double b1 = h1[1], bb1 = h1[2], b2 = h2[1], bb2 = h2[2];
        double sum = h1[0] + h2[0];
        double b = b1 + b2;
        double bb = Math.abs(b1) > Math.abs(b2) ? (b1 - b) + b2 : (b2 - b) + b1;
        if (b > 0.5) {
            b -= 1.0;
            sum += 1.0;
        } else if (b < -0.5) {
            b += 1.0;
            sum -= 1.0;
        }
        double s = b + (bb + bb1 + bb2);
        t = ((b - s) + bb) + (bb1 + bb2);
        b = s * SPLIT;
        final double t1 = b - (b - s);
        final double t2 = s - t1;
        b = s * HP0;
        bb = (((t1 * MP1 - b) + t1 * MP2B) + t2 * MP1) + (t2 * MP2B + s * HP1 + t * HP0);
        s = b + bb;
        t = (b - s) + bb;
        ad[0] = s;
        ad[1] = t;
        return ((int) sum) & 3;
    }

    /** branred.h's mp2 (pi/2 = MP1 + MP2B + ..., a different split from usncs.h's MP2) */
    private static final double MP2B = -0x1.DDE9740000000p-27;
}
