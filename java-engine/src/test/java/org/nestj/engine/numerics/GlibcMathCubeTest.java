package org.nestj.engine.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * GlibcMath.cube gives glibc's pow(x, 3.0) bit for bit: against GlibcMath.pow (itself glibc's pow) over
 * random arguments of all magnitudes, arguments whose cube lies next to a midpoint between two doubles
 * (where cube falls back to pow), and the special values.
 */
class GlibcMathCubeTest {
    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(GlibcMath.pow(x, 3.0)), Double.doubleToRawLongBits(GlibcMath.cube(x)),
                () -> "x = " + x);
    }

    @Test
    void randomArguments() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 1_000_000; i++) {
            same(r.nextDouble());
            same(r.nextDouble(-20.0, 20.0));
            same(Math.scalb(r.nextDouble(), r.nextInt(-340, 340)));
        }
    }

    @Test
    void nearMidpoints() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            double v = r.nextDouble(1e-3, 1e3);
            double x = Math.cbrt(v + Math.ulp(v) / 2);
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void specialValues() {
        double[] xs = {0.0, -0.0, 1.0, -1.0, 2.0, 3.0, 0.5, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e-103,
            1e103, 1e-300, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Math.cbrt(2.0)};
        for (double x : xs) {
            same(x);
            same(-x);
        }
    }
}
