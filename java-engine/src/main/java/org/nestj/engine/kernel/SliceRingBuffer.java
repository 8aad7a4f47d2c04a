package org.nestj.engine.kernel;

/**
 * NEST's SliceRingBuffer (nestkernel/slice_ring_buffer.{h,cpp}) for a whole block of nodes: the
 * input queue of the precise-timing models. Spikes carry their delivery step T (the step in whose
 * update they take effect), their precise offset within that step (ms before the step's right end)
 * and a weight. They are kept in one queue per node and per min_delay slice, the slice chosen by
 * the absolute slice number T / min_delay modulo the number of queues. At the start of a slice
 * ({@link #prepareDelivery}) the node's queue for that slice is sorted by time (step ascending,
 * offset descending) and then read in order by {@link #next}, which also hands out the
 * pseudo-event marking the end of the refractory period ({@link #addRefractory}) before any spike
 * at a later or equal time, as NEST does.
 *
 * <p>Storage is per node and grows by doubling only; no allocation in steady state. A node's queues
 * are written by the thread that owns the node (delivery) and read by the same thread (update).
 */
public final class SliceRingBuffer {
    public static final int NONE = 0, SPIKE = 1, END_REFRACT = 2;

    final int n;
    int md = 1, nq = 1;
    long[][] st;
    double[][] of, wt;
    int[] cnt;
    /** per node: queue being delivered in the current slice (-1 if none) and the read position in it. */
    final int[] cur, pos;
    final long[] refrStamp;
    final double[] refrOff;
    /** result of {@link #next}: offset and (summed) weight of the event returned for node i. */
    public final double[] evOff, evW;

    public SliceRingBuffer(int n) {
        this.n = n;
        cur = new int[n];
        java.util.Arrays.fill(cur, -1);
        pos = new int[n];
        refrStamp = new long[n];
        java.util.Arrays.fill(refrStamp, Long.MAX_VALUE);
        refrOff = new double[n];
        evOff = new double[n];
        evW = new double[n];
        st = new long[n][];
        of = new double[n][];
        wt = new double[n][];
        cnt = new int[n];
    }

    /**
     * Lays the queues out for min_delay md and a ring of len = min_delay + max_delay steps, keeping
     * queued events (re-bucketed if the layout changes).
     */
    public void configure(long minDelay, int len) {
        int newMd = (int) Math.max(1, minDelay);
        int newNq = (int) ((len + newMd - 1) / newMd) + 1;
        if (newMd == md && newNq == nq && st.length == n * nq) return;
        long[][] oSt = st;
        double[][] oOf = of, oWt = wt;
        int[] oCnt = cnt;
        int oNq = oSt.length / Math.max(1, n);
        int[] oCur = cur.clone(), oPos = pos.clone();
        md = newMd;
        nq = newNq;
        st = new long[n * nq][];
        of = new double[n * nq][];
        wt = new double[n * nq][];
        cnt = new int[n * nq];
        java.util.Arrays.fill(cur, -1);
        java.util.Arrays.fill(pos, 0);
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < oNq; q++) {
                int k = i * oNq + q;
                int e0 = q == oCur[i] ? oPos[i] : 0;
                for (int e = e0; e < oCnt[k]; e++) add(i, oSt[k][e], oOf[k][e], oWt[k][e]);
            }
        }
    }

    /** Forgets all queued spikes (NEST's clear()). */
    public void clear() {
        java.util.Arrays.fill(cnt, 0);
        java.util.Arrays.fill(cur, -1);
        java.util.Arrays.fill(pos, 0);
    }

    private int queue(long T) {
        return (int) ((T / md) % nq);
    }

    /** Queues a spike for node i taking effect in the update of step T, at offset off, with weight w. */
    public void add(int i, long T, double off, double w) {
        int k = i * nq + queue(T);
        int c = cnt[k];
        long[] s = st[k];
        if (s == null) {
            s = st[k] = new long[4];
            of[k] = new double[4];
            wt[k] = new double[4];
        } else if (c == s.length) {
            s = st[k] = java.util.Arrays.copyOf(s, c * 2);
            of[k] = java.util.Arrays.copyOf(of[k], c * 2);
            wt[k] = java.util.Arrays.copyOf(wt[k], c * 2);
        }
        s[c] = T;
        of[k][c] = off;
        wt[k][c] = w;
        cnt[k] = c + 1;
    }

    /** Marks the end of the refractory period of node i in step T at offset off (add_refractory). */
    public void addRefractory(int i, long T, double off) {
        refrStamp[i] = T;
        refrOff[i] = off;
    }

    /** At the start of the slice beginning at step origin: sort node i's queue for this slice. */
    public void prepareDelivery(int i, long origin) {
        int q = queue(origin);
        int k = i * nq + q;
        int old = cur[i];
        if (old >= 0 && old != q) cnt[i * nq + old] = 0;
        cur[i] = q;
        int c = cnt[k];
        sort(st[k], of[k], wt[k], c);
        // events left from slices the node did not consume (e.g. while frozen) are dropped
        int p = 0;
        while (p < c && st[k][p] < origin) p++;
        if (p == c) {
            cnt[k] = 0;
            p = 0;
        }
        pos[i] = p;
    }

    /** Drops node i's events of the slice beginning at origin (NEST's discard_events). */
    public void discard(int i, long origin) {
        cnt[i * nq + queue(origin)] = 0;
        if (cur[i] == queue(origin)) pos[i] = 0;
    }

    /**
     * NEST's get_next_spike: the next event of node i in step T, if any. Returns {@link #NONE},
     * {@link #SPIKE} (offset and weight in evOff[i], evW[i]; with accumulate, simultaneous spikes are
     * summed) or {@link #END_REFRACT} (offset in evOff[i]).
     */
    public int next(int i, long T, boolean accumulate) {
        int q = cur[i];
        int k = q < 0 ? -1 : i * nq + q;
        int p = pos[i];
        boolean empty = k < 0 || p >= cnt[k];
        long rs = refrStamp[i];
        if (empty || !(rs > st[k][p] || (rs == st[k][p] && refrOff[i] < of[k][p]))) {
            if (rs == T) {
                evOff[i] = refrOff[i];
                evW[i] = 0.0;
                refrStamp[i] = Long.MAX_VALUE;
                return END_REFRACT;
            }
            return NONE;
        }
        if (st[k][p] != T) return NONE;
        double o = of[k][p];
        double w = wt[k][p];
        p++;
        if (accumulate) {
            final int c = cnt[k];
            while (p < c && of[k][p] == o && st[k][p] == T) {
                w += wt[k][p];
                p++;
            }
        }
        if (p >= cnt[k]) {
            cnt[k] = 0;
            p = 0;
        }
        pos[i] = p;
        evOff[i] = o;
        evW[i] = w;
        return SPIKE;
    }

    /** true if a precedes b in delivery order: earlier step, or same step and larger offset. */
    private static boolean before(long sa, double oa, long sb, double ob) {
        return sa == sb ? oa > ob : sa < sb;
    }

    private static void sort(long[] s, double[] o, double[] w, int c) {
        if (c < 2) return;
        if (c <= 32) {
            for (int a = 1; a < c; a++) {
                long sk = s[a];
                double ok = o[a], wk = w[a];
                int b = a - 1;
                while (b >= 0 && before(sk, ok, s[b], o[b])) {
                    s[b + 1] = s[b];
                    o[b + 1] = o[b];
                    w[b + 1] = w[b];
                    b--;
                }
                s[b + 1] = sk;
                o[b + 1] = ok;
                w[b + 1] = wk;
            }
            return;
        }
        // heap sort (in place, no allocation): max-heap by delivery order
        for (int a = c / 2 - 1; a >= 0; a--) sift(s, o, w, a, c);
        for (int end = c - 1; end > 0; end--) {
            swap(s, o, w, 0, end);
            sift(s, o, w, 0, end);
        }
    }

    private static void sift(long[] s, double[] o, double[] w, int a, int c) {
        while (true) {
            int l = 2 * a + 1;
            if (l >= c) return;
            int m = l;
            if (l + 1 < c && before(s[l], o[l], s[l + 1], o[l + 1])) m = l + 1;
            if (!before(s[a], o[a], s[m], o[m])) return;
            swap(s, o, w, a, m);
            a = m;
        }
    }

    private static void swap(long[] s, double[] o, double[] w, int a, int b) {
        long ts = s[a];
        s[a] = s[b];
        s[b] = ts;
        double t = o[a];
        o[a] = o[b];
        o[b] = t;
        t = w[a];
        w[a] = w[b];
        w[b] = t;
    }
}
