package org.nestj.engine.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * GlibcTrig.sin/cos against glibc 2.36's sin/cos (x86-64, FMA variant), bit for bit. The expected bits were
 * printed by the system libm. GlibcTrig agreed with it on all of 2.4 million arguments per function (|x| below
 * 0.126, 0.855, 2.43 and 100, up to 1e8, above 1e8 up to 1e308, tiny, random bit patterns, and NEST-like
 * arguments: omega t + phi on a 0.1 ms grid, omega h, angles times pi/180); Java's Math.sin/cos differed on
 * about 0.2 percent of them. The first block of each table are such arguments, the second covers every branch
 * (zero, |x| below 2^-26, the Taylor branch, the table branch, the pi/2 - |x| branch, reduction by pi/2 in
 * pieces, the large-argument reduction from 105414350 on, infinities and NaN).
 */
class GlibcTrigTest {
    private static final long[][] SIN = {
        // {argument bits, glibc result bits}: Math.sin disagrees here
        {0xc0c053a252a7f4c6L, 0xbfdf3ceb66c44ac3L}, // -8359.26814746334
        {0xc02258631718468aL, 0xbfcfef142c635ab4L}, // -9.172630998338054
        {0x40c24068c947559aL, 0x3fefa26bd6894001L}, // 9344.818642536924
        {0x40228b3623bceee9L, 0x3fc37e1903669830L}, // 9.271897427380695
        {0x4003107ad5b571dcL, 0x3fe603010a9f66ebL}, // 2.383046788787608
        {0x40908dd2fec23130L, 0xbfe58fafa21b4cb4L}, // 1059.4560499517938
        {0xc001b5f45bd37217L, 0xbfe99bd2bea93ad2L}, // -2.2138449834731193
        {0x400538593ec7214aL, 0x3fde11699e883602L}, // 2.652513971759764
        {0x401c915560a729baL, 0x3fe839847124827eL}, // 7.14192725200922
        {0x40c234ac4a0d1070L, 0xbfce8058ef54a64eL}, // 9321.346009858156
        {0x40e646d3bdd4344cL, 0x3fd96adefc7e8c16L}, // 45622.61692247595
        {0xc085c26c369de5f0L, 0x3fecf37effbc7b80L}, // -696.3028385482594
        // branches
        {0x0000000000000000L, 0x0000000000000000L}, // 0.0
        {0x8000000000000000L, 0x8000000000000000L}, // -0.0
        {0x3ddb7cdfd9d7bdbbL, 0x3ddb7cdfd9d7bdbbL}, // 1e-10
        {0xbe29c511dc3a41dfL, 0xbe29c511dc3a41dfL}, // -3e-09
        {0x3fb999999999999aL, 0x3fb98eaecb8bcb2cL}, // 0.1
        {0xbfbeb851eb851eb8L, 0xbfbea5758f3ce5cdL}, // -0.12
        {0x3fc0a3d70a3d70a4L, 0x3fc097da017f903cL}, // 0.13
        {0x3fe0000000000000L, 0x3fdeaee8744b05f0L}, // 0.5
        {0xbfe999999999999aL, 0xbfe6f494c2bffecdL}, // -0.8
        {0x3feccccccccccccdL, 0x3fe91103985da841L}, // 0.9
        {0x3ff8000000000000L, 0x3fefeb7a9b2c6d8bL}, // 1.5
        {0xc000000000000000L, 0xbfed18f6ead1b446L}, // -2.0
        {0x4003333333333333L, 0x3fe59d64f5c3d19bL}, // 2.4
        {0x4004000000000000L, 0x3fe326af0dcfcab1L}, // 2.5
        {0xc008000000000000L, 0xbfc210386db6d55bL}, // -3.0
        {0x4024000000000000L, 0xbfe1689ef5f34f52L}, // 10.0
        {0x4059000000000000L, 0xbfe03425b78c4db8L}, // 100.0
        {0xc0934a456d5cfaadL, 0xbfb3fa00084ee3ddL}, // -1234.5678
        {0x412e848000000000L, 0xbfd6664b2568d867L}, // 1000000.0
        {0x419908b100000000L, 0x3fc3bea84fae5f62L}, // 105000000.0
        {0xc1a7d78400000000L, 0x3fe5aab353597ee7L}, // -200000000.0
        {0x430c6bf526340000L, 0x3feb76f88136cebaL}, // 1000000000000000.0
        {0x7e37e43c8800759cL, 0xbfea2c16b010e385L}, // 1e+300
        {0xffee42d130773b76L, 0x3fe30c567d277075L}, // -1.7e+308
        {0x7ff0000000000000L, 0xfff8000000000000L}, // inf
        {0xfff0000000000000L, 0xfff8000000000000L}, // -inf
        {0x7ff8000000000000L, 0x7ff8000000000000L}, // nan
    };

    private static final long[][] COS = {
        // {argument bits, glibc result bits}: Math.cos disagrees here
        {0x40d5a399593f2b31L, 0xbfe79074fc90ff06L}, // 22158.396072189502
        {0x40258bf912566111L, 0xbfcc34f3baf11ec4L}, // 10.773384640735943
        {0xc0bcfa60843b1a20L, 0xbfde58fc01d81228L}, // -7418.377017682913
        {0x40b22963d174bd2eL, 0x3fef8dbe0918679cL}, // 4649.3899147951
        {0xc0200fca3607d0c1L, 0xbfc6851e469e6226L}, // -8.030839622930559
        {0xc0259451746fc7c8L, 0xbfca2b0cb9bc2dc0L}, // -10.789683951039379
        {0x40d3c8a7e030df15L, 0xbfb0130a1be02ccbL}, // 20258.623058526853
        {0x3fc471f4bf0ea1d7L, 0x3fef97b89642fe76L}, // 0.15972766236269706
        {0xc0264a8effdf88eaL, 0x3fc32257bab8c7e0L}, // -11.145622249638524
        {0x40b1a66bf7e3c2deL, 0x3fe6075f947078acL}, // 4518.421751246524
        {0x40a9249243128870L, 0x3fd170e14301ad30L}, // 3218.285667971759
        {0xbfeb7abcb1c3bad4L, 0x3fe4e8a1ce7fa749L}, // -0.8587325546230553
        // branches
        {0x0000000000000000L, 0x3ff0000000000000L}, // 0.0
        {0x8000000000000000L, 0x3ff0000000000000L}, // -0.0
        {0x3ddb7cdfd9d7bdbbL, 0x3ff0000000000000L}, // 1e-10
        {0xbe29c511dc3a41dfL, 0x3ff0000000000000L}, // -3e-09
        {0x3fb999999999999aL, 0x3fefd712f9a817c1L}, // 0.1
        {0xbfbeb851eb851eb8L, 0x3fefc5169dc5b825L}, // -0.12
        {0x3fc0a3d70a3d70a4L, 0x3fefbae0022edffeL}, // 0.13
        {0x3fe0000000000000L, 0x3fec1528065b7d50L}, // 0.5
        {0xbfe999999999999aL, 0x3fe64b6bde719865L}, // -0.8
        {0x3feccccccccccccdL, 0x3fe3e43a9692e21cL}, // 0.9
        {0x3ff8000000000000L, 0x3fb21bd54fc5f9a7L}, // 1.5
        {0xc000000000000000L, 0xbfdaa22657537205L}, // -2.0
        {0x4003333333333333L, 0xbfe798bab490d185L}, // 2.4
        {0x4004000000000000L, 0xbfe9a2f7ef858b7dL}, // 2.5
        {0xc008000000000000L, 0xbfefae04be85e5d2L}, // -3.0
        {0x4024000000000000L, 0xbfead9ac890c6b1fL}, // 10.0
        {0x4059000000000000L, 0x3feb981dbf665fdfL}, // 100.0
        {0xc0934a456d5cfaadL, 0xbfefe7053dc31387L}, // -1234.5678
        {0x412e848000000000L, 0x3fedf9df9906d32cL}, // 1000000.0
        {0x419908b100000000L, 0x3fef9df309c51722L}, // 105000000.0
        {0xc1a7d78400000000L, 0xbfe78c8383217d88L}, // -200000000.0
        {0x430c6bf526340000L, 0xbfe06c154609d33fL}, // 1000000000000000.0
        {0x7e37e43c8800759cL, 0xbfe2699022adc4c1L}, // 1e+300
        {0xffee42d130773b76L, 0x3fe9b6913f41bde3L}, // -1.7e+308
        {0x7ff0000000000000L, 0xfff8000000000000L}, // inf
        {0xfff0000000000000L, 0xfff8000000000000L}, // -inf
        {0x7ff8000000000000L, 0x7ff8000000000000L}, // nan
    };

    private static void check(long[][] cases, DoubleUnaryOperator f, String name) {
        for (long[] c : cases) {
            double x = Double.longBitsToDouble(c[0]);
            double want = Double.longBitsToDouble(c[1]);
            double got = f.applyAsDouble(x);
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got), name + "(" + x + ")");
            } else {
                assertEquals(Long.toHexString(c[1]), Long.toHexString(Double.doubleToRawLongBits(got)), name + "(" + x + ")");
            }
        }
    }

    @Test
    void sinMatchesGlibcBitForBit() {
        check(SIN, GlibcTrig::sin, "sin");
    }

    @Test
    void cosMatchesGlibcBitForBit() {
        check(COS, GlibcTrig::cos, "cos");
    }
}
