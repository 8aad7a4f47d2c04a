package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The table's integer search gives the counts of a sequential search of the cumulative probabilities. */
class PoissonTableTest {
    private static final double[] MEANS = {1e-6, 0.001, 0.1, 0.5, 1.7789, 3.0, 7.5, 12.0, 20.0, 29.99};

    /** First m with u <= cdf[m], capped at the last entry: inversion by sequential search. */
    private static int sequential(double[] cdf, double u) {
        int k = 0;
        while (k < cdf.length - 1 && u > cdf[k]) k++;
        return k;
    }

    @Test
    void countsEqualSequentialSearch() {
        SplittableRandom r = new SplittableRandom(7);
        for (double mean : MEANS) {
            double[] cdf = StreamArray.poissonCdf(mean);
            PoissonTable t = new PoissonTable(cdf);
            for (int i = 0; i < 200_000; i++) {
                long x = r.nextLong() >>> 11;
                assertEquals(sequential(cdf, x * 0x1.0p-53), t.count(x), "mean " + mean + " x " + x);
            }
            // deviates at, just below and just above every threshold, and the extremes
            for (double c : cdf) {
                long f = (long) Math.floor(c * 0x1.0p53);
                for (long x = f - 1; x <= f + 1; x++) {
                    if (x < 0 || x >= 1L << 53) continue;
                    assertEquals(sequential(cdf, x * 0x1.0p-53), t.count(x), "mean " + mean + " x " + x);
                }
            }
            assertEquals(sequential(cdf, 0.0), t.count(0));
            long top = (1L << 53) - 1;
            assertEquals(sequential(cdf, top * 0x1.0p-53), t.count(top));
        }
    }

    @Test
    void streamDrawsEqualInversionOfUniforms() {
        for (double mean : MEANS) {
            double[] cdf = StreamArray.poissonCdf(mean);
            PoissonTable t = new PoissonTable(cdf);
            StreamArray runs = new StreamArray(12, 3, 1, 5), singles = new StreamArray(12, 3, 1, 5),
                    uniforms = new StreamArray(12, 3, 1, 5);
            int[] out = new int[37];
            for (int rep = 0; rep < 50; rep++) {
                for (int i = 0; i < 5; i++) {
                    runs.poissonRun(i, t, out.length, out);
                    for (int j = 0; j < out.length; j++) {
                        int expected = sequential(cdf, uniforms.uniform(i));
                        assertEquals(expected, out[j]);
                        assertEquals(expected, singles.poisson(i, t));
                    }
                }
            }
        }
    }

    @Test
    void meanAndVarianceOfDraws() {
        // the counts are Poisson(mean): sample mean and variance within 5 standard errors
        double mean = 1.7789;
        PoissonTable t = new PoissonTable(StreamArray.poissonCdf(mean));
        StreamArray st = new StreamArray(1, 2, 1, 1);
        int n = 400_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++) {
            int k = st.poisson(0, t);
            s += k;
            s2 += (double) k * k;
        }
        double m = s / n, v = s2 / n - m * m;
        assertEquals(mean, m, 5 * Math.sqrt(mean / n));
        // variance of the sample variance of a Poisson: (mu + 2 mu^2) / n
        assertEquals(mean, v, 5 * Math.sqrt((mean + 2 * mean * mean) / n));
    }
}
