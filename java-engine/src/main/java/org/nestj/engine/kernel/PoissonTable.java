package org.nestj.engine.kernel;

/**
 * Poisson inversion table for one mean, searched without data-dependent branches in the common
 * case. A uniform deviate u = x * 2^-53 (x the top 53 bits of a 64-bit draw, as in
 * {@link StreamArray#uniform}) maps to the count k = #{m : u > cdf[m]} (the first m with
 * u <= cdf[m], as a sequential search of the cumulative probabilities finds it). Because u and
 * cdf[m] * 2^53 are exact, u > cdf[m] holds exactly when x > floor(cdf[m] * 2^53): the search runs
 * on those integer thresholds, so the counts are the same as by comparing doubles. A guide table
 * indexed by the top {@link #GUIDE_BITS} bits of x gives the first candidate index (every
 * threshold below the bucket's lowest x is exceeded); two more thresholds are compared
 * branch-free, and only when both are exceeded (several thresholds in one bucket, far in the tail)
 * does a loop continue.
 */
public final class PoissonTable {
    public static final int GUIDE_BITS = 10;
    /** floor(cdf[m] * 2^53) for every entry of the cumulative table, then two entries of 2^53 (never exceeded) */
    final long[] thr;
    /** per bucket g: the number of thresholds below g * 2^(53 - GUIDE_BITS) */
    final int[] guide;

    /** The table for cumulative probabilities cdf (non-decreasing up to an entry >= every u < 1, see {@link StreamArray#poissonCdf}). */
    public PoissonTable(double[] cdf) {
        thr = new long[cdf.length + 2];
        for (int m = 0; m < cdf.length; m++) thr[m] = (long) Math.floor(cdf[m] * 0x1.0p53);
        thr[cdf.length] = 1L << 53;
        thr[cdf.length + 1] = 1L << 53;
        guide = new int[1 << GUIDE_BITS];
        int c = 0;
        for (int g = 0; g < guide.length; g++) {
            final long lo = (long) g << (53 - GUIDE_BITS);
            while (c < cdf.length && thr[c] < lo) c++;
            guide[g] = c;
        }
    }

    /** The count for x (the top 53 bits of a 64-bit draw). */
    int count(long x) {
        final int b = guide[(int) (x >>> (53 - GUIDE_BITS))];
        int k = b + (int) (((thr[b] - x) >>> 63) + ((thr[b + 1] - x) >>> 63));
        if (k == b + 2) {
            while (x > thr[k]) k++;
        }
        return k;
    }
}
