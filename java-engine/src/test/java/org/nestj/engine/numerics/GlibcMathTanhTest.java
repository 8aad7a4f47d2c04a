package org.nestj.engine.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * GlibcMath.tanh against glibc 2.36's tanh (x86-64), bit for bit. The expected bits were printed by the
 * system libm; the first block are arguments where Java's Math.tanh differs from glibc in the last bit
 * (303 of 850,000 random arguments in [-25, 25], [-1.2, 1.2] and near 0; GlibcMath.tanh agreed on all),
 * the second block covers every branch (zeros, |x| < 2^-55, |x| < 1, 1 <= |x| < 22, |x| >= 22, infinities).
 */
class GlibcMathTanhTest {
    private static final long[][] CASES = {
        // {argument bits, glibc result bits}: Math.tanh disagrees here
        {0x3fde795aab812f00L, 0x3fdc5cbde057bc79L}, {0x3fa94f47d595ba00L, 0x3fa94a02144fe2a3L},
        {0x3fba4d0b3083d000L, 0x3fba357435fdfa51L}, {0xbfeb8a1bb1788de0L, 0xbfe64a4fd21d29c7L},
        {0x3fbbc84061236900L, 0x3fbbac75f73cf31eL}, {0xbfbeff0ffee1ef00L, 0xbfbed8830cb388f4L},
        {0x3fc50c0e5c78e980L, 0x3fc4dc0416b9a9edL}, {0x3fc2a6da581ec580L, 0x3fc285578d497612L},
        {0x3fbcba636fcfe300L, 0x3fbc9babeced95bdL}, {0xbff88c1bff2ce2a0L, 0xbfed281293773895L},
        {0x3fe13a71c99dbc00L, 0x3fdf790fb16419a2L},
        // branches
        {0x0000000000000000L, 0x0000000000000000L}, {0x8000000000000000L, 0x8000000000000000L},
        {0x3bc79ca10c924223L, 0x3bc79ca10c924223L}, {0xbc814b37f4b51f71L, 0xbc814b37f4b51f71L},
        {0x3fd3333333333333L, 0x3fd2a4dda7d914faL}, {0xbfe6666666666666L, 0xbfe356fb17af2e92L},
        {0x3fefae147ae147aeL, 0x3fe83c4fe9b770e0L}, {0x3ff0000000000000L, 0x3fe85efab514f394L},
        {0xbff8000000000000L, 0xbfecf6f9786df577L}, {0x4014000000000000L, 0x3fefff419668df11L},
        {0x4035e66666666666L, 0x3ff0000000000000L}, {0x4036000000000000L, 0x3ff0000000000000L},
        {0xc03e000000000000L, 0xbff0000000000000L}, {0x7ff0000000000000L, 0x3ff0000000000000L},
        {0xfff0000000000000L, 0xbff0000000000000L},
    };

    @Test
    void matchesGlibcBitForBit() {
        for (long[] c : CASES) {
            double x = Double.longBitsToDouble(c[0]);
            assertEquals(Long.toHexString(c[1]), Long.toHexString(Double.doubleToRawLongBits(GlibcMath.tanh(x))),
                    "tanh(" + x + ")");
        }
    }

    @Test
    void nanPropagates() {
        assertEquals(true, Double.isNaN(GlibcMath.tanh(Double.NaN)));
    }
}
