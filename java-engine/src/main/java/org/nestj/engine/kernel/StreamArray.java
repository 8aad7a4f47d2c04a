package org.nestj.engine.kernel;

/**
 * Per-node random streams held in one flat array (xoshiro256**, four longs per node), for hot
 * per-target draws: neighbouring targets' states are neighbours in memory. Each node's stream is
 * derived from (rng_seed, purpose, node id) like {@link Rng}, so results do not depend on threads.
 */
public final class StreamArray {
    private final long[] s;

    public StreamArray(long seed, long purpose, long firstGid, int n) {
        s = new long[4 * n];
        for (int i = 0; i < n; i++) {
            Rng r = new Rng(seed, purpose, firstGid + i);
            for (int q = 0; q < 4; q++) s[4 * i + q] = r.nextLong();
        }
    }

    /** Uniform in [0, 1) from node i's stream. */
    public double uniform(int i) {
        return (next(i) >>> 11) * 0x1.0p-53;
    }

    /** The next 64-bit output of node i's stream. */
    private long next(int i) {
        final int o = 4 * i;
        long s0 = s[o], s1 = s[o + 1], s2 = s[o + 2], s3 = s[o + 3];
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        s[o] = s0;
        s[o + 1] = s1;
        s[o + 2] = s2;
        s[o + 3] = s3;
        return result;
    }

    /**
     * Cumulative Poisson probabilities for inversion by table: cdf[k] = P(X <= k), ending with
     * an entry of 1.0. Only for means below about 30 (use Rng.poisson beyond).
     */
    public static double[] poissonCdf(double mean) {
        int kmax = Math.max(4, (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 12));
        double[] c = new double[kmax + 2];
        double p = Math.exp(-mean), f = p;
        c[0] = f;
        for (int k = 1; k <= kmax; k++) {
            p *= mean / k;
            f += p;
            c[k] = f;
        }
        c[kmax + 1] = 1.0;
        return c;
    }

    /**
     * cnt Poisson counts for node i by inversion of table t, into out[0..cnt); the stream state
     * stays in registers for the whole run. The counts are those of a sequential search of the
     * table's cumulative probabilities with {@link #uniform}'s deviates (see {@link PoissonTable}).
     */
    public void poissonRun(int i, PoissonTable t, int cnt, int[] out) {
        final int o = 4 * i;
        long s0 = s[o], s1 = s[o + 1], s2 = s[o + 2], s3 = s[o + 3];
        final int[] guide = t.guide;
        final long[] thr = t.thr;
        for (int j = 0; j < cnt; j++) {
            final long result = Long.rotateLeft(s1 * 5, 7) * 9;
            final long tt = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= tt;
            s3 = Long.rotateLeft(s3, 45);
            final long x = result >>> 11;
            // PoissonTable.count, inlined by hand: guide bucket, two thresholds branch-free
            final int b = guide[(int) (x >>> (53 - PoissonTable.GUIDE_BITS))];
            int k = b + (int) (((thr[b] - x) >>> 63) + ((thr[b + 1] - x) >>> 63));
            if (k == b + 2) {
                while (x > thr[k]) k++;
            }
            out[j] = k;
        }
        s[o] = s0;
        s[o + 1] = s1;
        s[o + 2] = s2;
        s[o + 3] = s3;
    }

    /** A Poisson count for node i by inversion of table t (the same count as poissonRun's). */
    public int poisson(int i, PoissonTable t) {
        return t.count(next(i) >>> 11);
    }
}
