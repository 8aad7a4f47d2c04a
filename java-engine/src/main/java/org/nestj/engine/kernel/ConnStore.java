package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * One segment of connections whose targets are updated by one thread, stored compactly by source:
 * after {@link #finish(int)} they are sorted by (source, target, ...) and
 * {@code offsets[src] .. offsets[src+1]} is the range of source {@code src}. A static connection
 * costs 6 to 10 bytes: target id (int), weight index (char) into a table of the segment's distinct
 * weights, and delay in steps (char), receptor port (byte) and synapse model id (byte) only where
 * they vary within the segment; a segment with more than 65,535 distinct weights keeps a double
 * per connection instead. While a segment is built, targets are kept as runs and sources as an
 * int column, dropped when it is sorted. Device segments always keep every column, doubles as
 * weights, and NEST's per-device target "port" (connection order).
 * Labelled connections (the *_lbl synapse models with a synapse_label) add an int column, allocated
 * only in segments that hold such a connection; so do the sub-step delay offsets of
 * cont_delay_synapse connections (a double column, see {@link #doff}).
 * Segments of connections with state (one synapse model with a {@link SynapseType}) keep a double
 * weight per connection and the type's columns in {@link #ext}; within a source they stay in
 * (target, creation) order, since their weights change. Such segments of connections from devices
 * keep the device's port column as well.
 */
public final class ConnStore {
    /** First index in [a, e) of the ascending ids with ids[k] >= key (e if none): the targets of one source are sorted. */
    public static int lowerBound(int[] ids, int a, int e, long key) {
        while (a < e) {
            final int mid = (a + e) >>> 1;
            if (ids[mid] < key) a = mid + 1;
            else e = mid;
        }
        return a;
    }

    int size;
    int[] src;          // only while unsorted additions exist; rebuilt from offsets when needed
    /** targets; null while the segment is being built in run mode (see runT) */
    public int[] tgt;
    /**
     * Run mode while building: rules that generate target after target (all_to_all,
     * fixed_indegree, pairwise_bernoulli, ...) give long runs of equal targets, kept as
     * (target, end) pairs instead of an int per connection; the column is made at finish.
     */
    private int[] runT, runEnd;
    private int nRuns;
    public double[] w;
    /**
     * delay, receptor and synapse model per connection; in neuron segments a column stays null
     * (and its value is the *Const field) while all connections share one value — Brunel-like
     * networks then need 6 bytes per connection. Read them through delayOf/rportOf/synOf.
     */
    public char[] delay;
    public byte[] rport;
    public byte[] syn;
    public int delayConst, rportConst, synConst;
    /** allocated capacity of the per-connection columns */
    int cap;
    public int[] port;  // device stores only
    /** synapse_label per connection (NEST's ConnectionLabel); null while no connection here has a label */
    public int[] lbl;
    /**
     * cont_delay_synapse: the delay offset of each connection (ms, in [0, resolution): the delay is
     * delay steps times the resolution minus this offset); null while every connection here has
     * offset 0, which is what all other synapse models have.
     */
    public double[] doff;
    /**
     * weight table mode: weights are wtab[wi[k]] and w is null; wi is null while all connections
     * share one weight, wtab[0] (homogeneous weights then cost no bytes per connection)
     */
    public char[] wi;
    public double[] wtab;
    int nW;
    private long[] wKeys;   // open-addressing hash of weight bits -> index+1 (in the low 16 bits)
    public int[] offsets = new int[1];
    int sortedSize;     // entries [0, sortedSize) are sorted and described by offsets
    /** closed to new connections (sorted at the end of the Connect call that filled it) */
    boolean sealed;
    final boolean withPort;
    /** per-connection values of a SynapseType (null for static segments, and in shared mode) */
    public double[][] ext;
    /**
     * Shared mode, for types whose columns evolve alike for all connections of one source
     * ({@link SynapseType#sharesPerSource}): ext is null and sext[j][g - sextBase] is column j of
     * every connection of source g here. Entered when a sorted segment holds equal values within
     * each source ({@link #shareIfUniform}), left ({@link #unshare}) before connections are added
     * or removed or one connection's values change.
     */
    public double[][] sext;
    public int sextBase;
    /**
     * Uniform mode, while a shareable segment is built: every connection added so far has the
     * values uniform (ext and sext are null), so none are stored per connection; finish() then
     * shares them per source.
     */
    double[] uniform;
    /** this segment may enter shared mode (set by the table, see {@link #beginUniform}) */
    boolean shareable;
    /** tests compare shared mode with columns per connection */
    static boolean shareColumns = true;
    final boolean plastic;
    /** number of columns of a stateful segment */
    private final int nExt;

    public ConnStore(boolean withPort) {
        this(withPort, -1);
    }

    /** nExt >= 0: a segment of stateful connections with nExt double columns. */
    public ConnStore(boolean withPort, int nExt) {
        this.withPort = withPort;
        this.plastic = nExt >= 0;
        this.nExt = nExt;
        int c = 16;
        src = new int[c];
        if (withPort) {
            tgt = new int[c];
        } else {
            runT = new int[16];
            runEnd = new int[16];
        }
        w = new double[c];
        cap = c;
        if (withPort) {
            delay = new char[c];
            rport = new byte[c];
            syn = new byte[c];
        }
        if (withPort) port = new int[c];
        if (plastic) ext = new double[nExt][c];
        if (!withPort && !plastic) {
            w = null;
            wtab = new double[16];
            wKeys = new long[64];
        }
    }

    /** Delay in steps of connection k. */
    public int delayOf(int k) {
        return delay != null ? delay[k] : delayConst;
    }

    /** Receptor port of connection k. */
    public int rportOf(int k) {
        return rport != null ? rport[k] : rportConst;
    }

    /** Synapse model id of connection k. */
    public int synOf(int k) {
        return syn != null ? syn[k] : synConst;
    }

    public void setDelay(int k, int steps) {
        if (delay == null) {
            if (steps == delayConst) return;
            delay = filledChars(delayConst);
        }
        delay[k] = (char) steps;
    }

    private char[] filledChars(int v) {
        char[] a = new char[cap];
        Arrays.fill(a, 0, size, (char) v);
        return a;
    }

    private byte[] filledBytes(int v) {
        byte[] a = new byte[cap];
        Arrays.fill(a, 0, size, (byte) v);
        return a;
    }

    /** Weight of connection k. */
    public double weight(int k) {
        return w != null ? w[k] : wtab[wi != null ? wi[k] : 0];
    }

    /** Index of weight x in the table, adding it; -1 if the table is full. */
    private int weightIndex(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int mask = wKeys.length - 1;
        int h = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) * 0x9E3779B1 >>> 7;
        for (int q = h & mask;; q = (q + 1) & mask) {
            long e = wKeys[q];
            if (e == 0) break;
            int idx = (int) (e & 0xffff) - 1;
            if (Double.doubleToRawLongBits(wtab[idx]) == bits) return idx;
        }
        if (nW >= 65535) return -1;
        if (nW == wtab.length) wtab = Arrays.copyOf(wtab, wtab.length * 2);
        wtab[nW] = x;
        nW++;
        if (nW * 2 > wKeys.length) {
            rehash(wKeys.length * 2);
        } else {
            insertKey(bits, nW);
        }
        return nW - 1;
    }

    private void insertKey(long bits, int idxPlus1) {
        int mask = wKeys.length - 1;
        int h = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) * 0x9E3779B1 >>> 7;
        int q = h & mask;
        while (wKeys[q] != 0) q = (q + 1) & mask;
        wKeys[q] = ((bits & ~0xffffL) | 1L << 62) | idxPlus1;
    }

    private void rehash(int cap) {
        wKeys = new long[cap];
        for (int j = 0; j < nW; j++) insertKey(Double.doubleToRawLongBits(wtab[j]), j + 1);
    }

    /** Leaves table mode: one double per connection from now on. */
    private void expandWeights() {
        double[] full = new double[cap];
        for (int k = 0; k < size; k++) full[k] = wtab[wi != null ? wi[k] : 0];
        w = full;
        wi = null;
        wtab = null;
        wKeys = null;
        nW = 0;
    }

    /** Sets the weight of connection k. */
    public void setWeight(int k, double x) {
        if (w == null) {
            int idx = weightIndex(x);
            if (idx >= 0) {
                if (wi == null) {
                    if (idx == 0) return;
                    wi = new char[cap];
                }
                wi[k] = (char) idx;
                return;
            }
            expandWeights();
        }
        w[k] = x;
    }

    public int size() {
        return size;
    }

    /** synapse_label of connection k (-1: unlabelled, NEST's UNLABELED_CONNECTION). */
    public int label(int k) {
        return lbl == null ? -1 : lbl[k];
    }

    public void setLabel(int k, int label) {
        if (lbl == null) {
            if (label == -1) return;
            lbl = new int[cap];
            Arrays.fill(lbl, -1);
        }
        lbl[k] = label;
    }

    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt, int label) {
        add(s, t, weight, delaySteps, rp, synId, prt);
        if (label != -1 || lbl != null) setLabel(size - 1, label);
    }

    /** Delay offset of connection k (ms; 0 but for cont_delay_synapse connections). */
    public double delayOffset(int k) {
        return doff == null ? 0.0 : doff[k];
    }

    /**
     * cont_delay_synapse's send (NEST models/cont_delay_synapse.h): the delay in steps with which a
     * spike of precise offset off (ms) passes connection k. The connection adds its delay offset to
     * the spike's; if the sum reaches the resolution h, the spike goes one step earlier (and
     * {@link #sendOffset} less one resolution). Without delay offsets: the connection's delay.
     */
    public int sendDelay(int k, double off, double h) {
        final int d = delayOf(k);
        return doff != null && !(off + doff[k] < h) ? d - 1 : d;
    }

    /** The precise offset (ms) of a spike of offset off after connection k (see {@link #sendDelay}). */
    public double sendOffset(int k, double off, double h) {
        if (doff == null) return off;
        final double total = off + doff[k];
        return total < h ? total : total - h;
    }

    public void setDelayOffset(int k, double off) {
        if (doff == null) {
            if (off == 0.0) return;
            doff = new double[cap];
        }
        doff[k] = off;
    }

    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt) {
        if (sext != null) unshare();
        if (size == cap) grow();
        if (src == null) rebuildSources(cap);
        src[size] = s;
        if (tgt == null) {
            if (nRuns > 0 && runT[nRuns - 1] == t) {
                runEnd[nRuns - 1] = size + 1;
            } else if (nRuns >= 64 && nRuns * 2L > size) {
                materializeTargets();  // short runs: an explicit column is smaller
                tgt[size] = t;
            } else {
                if (nRuns == runT.length) {
                    runT = Arrays.copyOf(runT, nRuns * 2);
                    runEnd = Arrays.copyOf(runEnd, nRuns * 2);
                }
                runT[nRuns] = t;
                runEnd[nRuns] = size + 1;
                nRuns++;
            }
        } else {
            tgt[size] = t;
        }
        if (w == null) {
            int idx = weightIndex(weight);
            if (idx < 0) {
                expandWeights();
                w[size] = weight;
            } else if (wi != null || idx != 0) {
                if (wi == null) wi = new char[cap];
                wi[size] = (char) idx;
            }
        } else {
            w[size] = weight;
        }
        if (delay == null) {
            if (size == 0) delayConst = delaySteps;
            else if (delaySteps != delayConst) delay = filledChars(delayConst);
        }
        if (delay != null) delay[size] = (char) delaySteps;
        if (rport == null) {
            if (size == 0) rportConst = rp;
            else if (rp != rportConst) rport = filledBytes(rportConst);
        }
        if (rport != null) rport[size] = (byte) rp;
        if (syn == null) {
            if (size == 0) synConst = synId;
            else if (synId != synConst) syn = filledBytes(synConst);
        }
        if (syn != null) syn[size] = (byte) synId;
        if (withPort) port[size] = prt;
        if (lbl != null) lbl[size] = -1;
        if (doff != null) doff[size] = 0.0;
        size++;
    }

    private void grow() {
        int c = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, cap * 3L / 2 + 16));
        if (src != null) src = Arrays.copyOf(src, c);
        if (tgt != null) tgt = Arrays.copyOf(tgt, c);
        if (w != null) w = Arrays.copyOf(w, c);
        else if (wi != null) wi = Arrays.copyOf(wi, c);
        if (delay != null) delay = Arrays.copyOf(delay, c);
        if (rport != null) rport = Arrays.copyOf(rport, c);
        if (syn != null) syn = Arrays.copyOf(syn, c);
        cap = c;
        if (withPort) port = Arrays.copyOf(port, c);
        if (lbl != null) lbl = Arrays.copyOf(lbl, c);
        if (doff != null) doff = Arrays.copyOf(doff, c);
        if (ext != null) {
            for (int j = 0; j < ext.length; j++) ext[j] = Arrays.copyOf(ext[j], c);
        }
    }

    /**
     * Sets the per-connection values of connection k (v may be longer than the columns). In uniform
     * and shared mode nothing is stored while they equal the values k has already; otherwise the
     * segment takes columns per connection first.
     */
    public void setExt(int k, double[] v) {
        if (ext == null) {
            if (sext == null && uniform == null) {
                // uniform mode, the first connection
                if (size != 1) throw new IllegalStateException("connections without values in a shareable segment");
                uniform = Arrays.copyOf(v, nExt);
                return;
            }
            if (sameBits(k, v)) return;
            unshare();
        }
        for (int j = 0; j < ext.length; j++) ext[j][k] = v[j];
    }

    private boolean sameBits(int k, double[] v) {
        for (int j = 0; j < nExt; j++) {
            if (Double.doubleToRawLongBits(extAt(j, k)) != Double.doubleToRawLongBits(v[j])) return false;
        }
        return true;
    }

    /** An empty shareable segment starts in uniform mode (no per-connection columns). */
    void beginUniform() {
        shareable = true;
        if (size == 0) ext = null;
    }

    /** Leaves run mode: one target per connection from now on. */
    private void materializeTargets() {
        int[] t = new int[cap];
        int k = 0;
        for (int r = 0; r < nRuns; r++) {
            for (; k < runEnd[r]; k++) t[k] = runT[r];
        }
        tgt = t;
        runT = null;
        runEnd = null;
        nRuns = 0;
    }

    private void rebuildSources(int cap) {
        src = new int[cap];
        for (int s = 0; s + 1 < offsets.length; s++) {
            for (int k = offsets[s]; k < offsets[s + 1]; k++) src[k] = s;
        }
    }

    public boolean needsFinish() {
        return sortedSize != size;
    }

    /** Source gid of connection k (binary search in offsets). */
    public int sourceOf(int k) {
        if (src != null) return src[k];
        int lo = 0, hi = offsets.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= k) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** Makes room for n more connections (avoids growth slack when the count is known). */
    public void reserve(long more) {
        long need = size + more;
        if (need > cap) resize((int) Math.min(Integer.MAX_VALUE - 8, need));
    }

    private void resize(int c) {
        if (src == null) rebuildSources(Math.max(size, 1));
        src = Arrays.copyOf(src, c);
        if (tgt != null) tgt = Arrays.copyOf(tgt, c);
        if (w != null) w = Arrays.copyOf(w, c);
        else if (wi != null) wi = Arrays.copyOf(wi, c);
        if (delay != null) delay = Arrays.copyOf(delay, c);
        if (rport != null) rport = Arrays.copyOf(rport, c);
        if (syn != null) syn = Arrays.copyOf(syn, c);
        cap = c;
        if (withPort) port = Arrays.copyOf(port, c);
        if (lbl != null) lbl = Arrays.copyOf(lbl, c);
        if (doff != null) doff = Arrays.copyOf(doff, c);
        if (ext != null) {
            for (int j = 0; j < ext.length; j++) ext[j] = Arrays.copyOf(ext[j], c);
        }
    }

    /**
     * Sorts all connections by source, and within a source by (target, weight, delay, receptor,
     * synapse, port) — a total order, so the result does not depend on how connections were split
     * over threads — in place (no extra arrays but the offsets), builds offsets, trims capacity.
     */
    public void finish(int maxGid) {
        finish(maxGid, new Scratch());
    }

    public void finish(int maxGid, Scratch sc) {
        if (tgt == null && size == 0) materializeTargets();
        if (!needsFinish()) {
            if (offsets.length < maxGid + 2) extendOffsets(maxGid);
            return;
        }
        if (sext != null) unshare();
        if (src == null) rebuildSources(Math.max(size, 1));
        final int n = size;
        int[] off = new int[maxGid + 2];
        countSources(src, n, off);
        for (int s = 0; s <= maxGid; s++) off[s + 1] += off[s];
        // stable counting sort by source, in place: src[k] becomes k's destination (the source of a
        // position is known from the offsets afterwards), then the permutation is applied by cycles
        toDestinations(src, n, Arrays.copyOf(off, maxGid + 1));
        scatter(src, n, sc);
        // within each source: order by the full key
        for (int s = 0; s <= maxGid; s++) {
            int a = off[s], e = off[s + 1];
            if (e - a > 1 && !sortedRange(a, e)) sortRange(a, e);
        }
        offsets = off;
        sortedSize = n;
        if (tgt.length != n) {
            tgt = Arrays.copyOf(tgt, n);
            if (w != null) w = Arrays.copyOf(w, n);
            else if (wi != null) wi = Arrays.copyOf(wi, n);
            if (delay != null) delay = Arrays.copyOf(delay, n);
            if (rport != null) rport = Arrays.copyOf(rport, n);
            if (syn != null) syn = Arrays.copyOf(syn, n);
            cap = n;
            if (withPort) port = Arrays.copyOf(port, n);
            if (lbl != null) lbl = Arrays.copyOf(lbl, n);
            if (doff != null) doff = Arrays.copyOf(doff, n);
            if (ext != null) {
                for (int j = 0; j < ext.length; j++) ext[j] = Arrays.copyOf(ext[j], n);
            }
        }
        src = null;
        sortKeys = new long[0];
        tmpI = new int[0];
        tmpD = new double[0];
        tmpC = new char[0];
        tmpB = new byte[0];
        if (shareable) shareIfUniform();
    }

    /**
     * Enters shared mode if every source's connections here hold the same values (bit for bit) in
     * every column, and the sources' id range is small against the connection count (the shared
     * columns are indexed by source id).
     */
    void shareIfUniform() {
        if (sext != null || size == 0) return;
        final int[] off = offsets;
        int lo = -1, hi = -1;
        for (int g = 0; g + 1 < off.length; g++) {
            if (off[g + 1] > off[g]) {
                if (lo < 0) lo = g;
                hi = g;
            }
        }
        if (lo < 0 || (long) (hi - lo + 1) * 2 > size) {
            unshare();
            return;
        }
        if (ext == null) {
            // uniform mode: every source has the values of the first connection
            double[][] sh = new double[uniform.length][hi - lo + 1];
            for (int j = 0; j < sh.length; j++) Arrays.fill(sh[j], uniform[j]);
            sext = sh;
            sextBase = lo;
            uniform = null;
            return;
        }
        final int nx = ext.length;
        double[][] sh = new double[nx][hi - lo + 1];
        for (int j = 0; j < nx; j++) {
            final double[] col = ext[j];
            for (int g = lo; g <= hi; g++) {
                final int a = off[g], e = off[g + 1];
                if (a == e) continue;
                final long bits = Double.doubleToRawLongBits(col[a]);
                for (int k = a + 1; k < e; k++) {
                    if (Double.doubleToRawLongBits(col[k]) != bits) return;
                }
                sh[j][g - lo] = col[a];
            }
        }
        sext = sh;
        sextBase = lo;
        ext = null;
    }

    /** Leaves shared mode: every connection gets its source's values in columns of its own. */
    public void unshare() {
        if (ext != null || !plastic) return;
        if (sext == null) {
            // uniform mode (no values yet while empty)
            double[][] e = new double[nExt][cap];
            if (uniform != null) {
                for (int j = 0; j < e.length; j++) Arrays.fill(e[j], 0, size, uniform[j]);
            }
            ext = e;
            uniform = null;
            return;
        }
        double[][] e = new double[sext.length][cap];
        final int n = sext[0].length;
        for (int j = 0; j < e.length; j++) {
            for (int i = 0; i < n; i++) {
                final int g = sextBase + i;
                java.util.Arrays.fill(e[j], offsets[g], offsets[g + 1], sext[j][i]);
            }
        }
        ext = e;
        sext = null;
    }

    /** Column j of connection k (per connection or, in shared mode, its source's). */
    public double extAt(int j, int k) {
        if (ext != null) return ext[j][k];
        return sext != null ? sext[j][sourceOf(k) - sextBase] : uniform[j];
    }

    /**
     * Moves element k to position perm[k], one column at a time: reads are sequential and the
     * writes advance through one position per source, which keeps them in cache. Needs one spare
     * column at a time; segments are capped in size (see ConnTable) to bound that.
     */
    private void scatter(int[] perm, int n, Scratch sc) {
        int[] ti = sc.ints(cap);
        if (tgt == null) {
            int k = 0;
            for (int r = 0; r < nRuns; r++) {
                final int t = runT[r], e = runEnd[r];
                for (; k < e; k++) ti[perm[k]] = t;
            }
            runT = null;
            runEnd = null;
            nRuns = 0;
        } else {
            permute(tgt, perm, n, ti);
            sc.giveInts(tgt);
        }
        tgt = ti;
        if (withPort) port = sc.permuted(port, perm, n);
        if (w != null) w = sc.permuted(w, perm, n);
        else if (wi != null) wi = sc.permuted(wi, perm, n);
        if (delay != null) delay = sc.permuted(delay, perm, n);
        if (rport != null) rport = sc.permuted(rport, perm, n);
        if (syn != null) syn = sc.permuted(syn, perm, n);
        if (lbl != null) lbl = sc.permuted(lbl, perm, n);
        if (doff != null) doff = sc.permuted(doff, perm, n);
        if (ext != null) {
            for (int j = 0; j < ext.length; j++) ext[j] = sc.permuted(ext[j], perm, n);
        }
    }

    private static void countSources(int[] src, int n, int[] off) {
        for (int k = 0; k < n; k++) off[src[k] + 1]++;
    }

    private static void toDestinations(int[] src, int n, int[] next) {
        for (int k = 0; k < n; k++) src[k] = next[src[k]]++;
    }

    // one small method per column type: compiled once, reused by every segment and column (a
    // single method with all loops is compiled anew, on stack, whenever a different loop gets hot)
    private static void permute(int[] from, int[] perm, int n, int[] to) {
        for (int k = 0; k < n; k++) to[perm[k]] = from[k];
    }

    private static void permute(char[] from, int[] perm, int n, char[] to) {
        for (int k = 0; k < n; k++) to[perm[k]] = from[k];
    }

    private static void permute(byte[] from, int[] perm, int n, byte[] to) {
        for (int k = 0; k < n; k++) to[perm[k]] = from[k];
    }

    private static void permute(double[] from, int[] perm, int n, double[] to) {
        for (int k = 0; k < n; k++) to[perm[k]] = from[k];
    }

    /** Spare arrays reused while sorting the segments of a table (one per element type). */
    static final class Scratch {
        private int[] i;
        private char[] c;
        private byte[] b;
        private double[] d;

        /** Lets go of the spare arrays (at the end of a Connect call: they are not kept between calls). */
        void clear() {
            i = null;
            c = null;
            b = null;
            d = null;
        }

        double[] doubles(int len) {
            double[] r = d != null && d.length == len ? d : new double[len];
            d = null;
            return r;
        }

        double[] permuted(double[] a, int[] perm, int n) {
            double[] t = doubles(a.length);
            permute(a, perm, n, t);
            d = a;
            return t;
        }

        int[] ints(int len) {
            int[] r = i != null && i.length == len ? i : new int[len];
            i = null;
            return r;
        }

        void giveInts(int[] a) {
            i = a;
        }

        char[] chars(int len) {
            char[] r = c != null && c.length == len ? c : new char[len];
            c = null;
            return r;
        }

        void giveChars(char[] a) {
            c = a;
        }

        byte[] bytes(int len) {
            byte[] r = b != null && b.length == len ? b : new byte[len];
            b = null;
            return r;
        }

        void giveBytes(byte[] a) {
            b = a;
        }

        /** A spare array of a's length with a's first n elements moved to perm; a becomes the spare. */
        int[] permuted(int[] a, int[] perm, int n) {
            int[] t = ints(a.length);
            permute(a, perm, n, t);
            giveInts(a);
            return t;
        }

        char[] permuted(char[] a, int[] perm, int n) {
            char[] t = chars(a.length);
            permute(a, perm, n, t);
            giveChars(a);
            return t;
        }

        byte[] permuted(byte[] a, int[] perm, int n) {
            byte[] t = bytes(a.length);
            permute(a, perm, n, t);
            giveBytes(a);
            return t;
        }
    }

    private void swap(int i, int j) {
        int ti = src[i]; src[i] = src[j]; src[j] = ti;
        ti = tgt[i]; tgt[i] = tgt[j]; tgt[j] = ti;
        if (w != null) {
            double td = w[i]; w[i] = w[j]; w[j] = td;
        } else if (wi != null) {
            char tw = wi[i]; wi[i] = wi[j]; wi[j] = tw;
        }
        if (delay != null) {
            char tc = delay[i]; delay[i] = delay[j]; delay[j] = tc;
        }
        if (rport != null) {
            byte tb = rport[i]; rport[i] = rport[j]; rport[j] = tb;
        }
        if (syn != null) {
            byte tb = syn[i]; syn[i] = syn[j]; syn[j] = tb;
        }
        if (withPort) {
            ti = port[i]; port[i] = port[j]; port[j] = ti;
        }
        if (lbl != null) {
            ti = lbl[i]; lbl[i] = lbl[j]; lbl[j] = ti;
        }
        if (doff != null) {
            double td = doff[i]; doff[i] = doff[j]; doff[j] = td;
        }
        if (ext != null) {
            for (double[] a : ext) {
                double td = a[i]; a[i] = a[j]; a[j] = td;
            }
        }
    }

    private int cmp(int i, int j) {
        if (tgt[i] != tgt[j]) return tgt[i] < tgt[j] ? -1 : 1;
        if (plastic) return 0;   // stateful connections keep their creation order
        int c = Double.compare(weight(i), weight(j));
        if (c != 0) return c;
        if (delay != null && delay[i] != delay[j]) return delay[i] < delay[j] ? -1 : 1;
        if (rport != null && rport[i] != rport[j]) return rport[i] < rport[j] ? -1 : 1;
        if (syn != null && syn[i] != syn[j]) return syn[i] < syn[j] ? -1 : 1;
        if (withPort && port[i] != port[j]) return port[i] < port[j] ? -1 : 1;
        if (lbl != null && lbl[i] != lbl[j]) return lbl[i] < lbl[j] ? -1 : 1;
        if (doff != null && doff[i] != doff[j]) return doff[i] < doff[j] ? -1 : 1;
        return 0;
    }

    private boolean sortedRange(int a, int e) {
        for (int k = a + 1; k < e; k++) {
            if (cmp(k - 1, k) > 0) return false;
        }
        return true;
    }

    private long[] sortKeys = new long[0];
    private int[] tmpI = new int[0];
    private double[] tmpD = new double[0];
    private char[] tmpC = new char[0];
    private byte[] tmpB = new byte[0];

    /**
     * Sorts [a, e) by target with a primitive sort of (target, position) keys, applies the
     * permutation column by column, then orders equal targets by the rest of the key.
     */
    private void sortRange(int a, int e) {
        int m = e - a;
        if (m < 24) {
            for (int i = a + 1; i < e; i++) {
                for (int j = i; j > a && cmp(j - 1, j) > 0; j--) swap(j - 1, j);
            }
            return;
        }
        if (sortKeys.length < m) {
            sortKeys = new long[m];
            tmpI = new int[m];
            tmpD = new double[m];
            tmpC = new char[m];
            tmpB = new byte[m];
        }
        for (int q = 0; q < m; q++) sortKeys[q] = ((long) tgt[a + q] << 32) | q;
        Arrays.sort(sortKeys, 0, m);
        for (int q = 0; q < m; q++) tmpI[q] = tgt[a + (int) sortKeys[q]];
        System.arraycopy(tmpI, 0, tgt, a, m);
        if (w != null) {
            for (int q = 0; q < m; q++) tmpD[q] = w[a + (int) sortKeys[q]];
            System.arraycopy(tmpD, 0, w, a, m);
        } else if (wi != null) {
            for (int q = 0; q < m; q++) tmpC[q] = wi[a + (int) sortKeys[q]];
            System.arraycopy(tmpC, 0, wi, a, m);
        }
        if (delay != null) {
            for (int q = 0; q < m; q++) tmpC[q] = delay[a + (int) sortKeys[q]];
            System.arraycopy(tmpC, 0, delay, a, m);
        }
        if (rport != null) {
            for (int q = 0; q < m; q++) tmpB[q] = rport[a + (int) sortKeys[q]];
            System.arraycopy(tmpB, 0, rport, a, m);
        }
        if (syn != null) {
            for (int q = 0; q < m; q++) tmpB[q] = syn[a + (int) sortKeys[q]];
            System.arraycopy(tmpB, 0, syn, a, m);
        }
        if (withPort) {
            for (int q = 0; q < m; q++) tmpI[q] = port[a + (int) sortKeys[q]];
            System.arraycopy(tmpI, 0, port, a, m);
        }
        if (lbl != null) {
            for (int q = 0; q < m; q++) tmpI[q] = lbl[a + (int) sortKeys[q]];
            System.arraycopy(tmpI, 0, lbl, a, m);
        }
        if (doff != null) {
            for (int q = 0; q < m; q++) tmpD[q] = doff[a + (int) sortKeys[q]];
            System.arraycopy(tmpD, 0, doff, a, m);
        }
        if (ext != null) {
            for (double[] x : ext) {
                for (int q = 0; q < m; q++) tmpD[q] = x[a + (int) sortKeys[q]];
                System.arraycopy(tmpD, 0, x, a, m);
            }
        }
        // src is constant within the range; now order runs of equal targets by the full key
        for (int i = a + 1; i < e; i++) {
            for (int j = i; j > a && tgt[j - 1] == tgt[j] && cmp(j - 1, j) > 0; j--) swap(j - 1, j);
        }
    }

    private void extendOffsets(int maxGid) {
        int old = offsets.length;
        offsets = Arrays.copyOf(offsets, maxGid + 2);
        for (int s = old; s < offsets.length; s++) offsets[s] = offsets[old - 1];
    }

    /** Removes the connections flagged in remove (indices into the sorted store). */
    public void remove(boolean[] remove, int maxGid) {
        if (sext != null) unshare();
        if (src == null) rebuildSources(Math.max(size, 1));
        int j = 0;
        for (int k = 0; k < size; k++) {
            if (remove[k]) continue;
            src[j] = src[k];
            tgt[j] = tgt[k];
            if (w != null) w[j] = w[k];
            else if (wi != null) wi[j] = wi[k];
            if (delay != null) delay[j] = delay[k];
            if (rport != null) rport[j] = rport[k];
            if (syn != null) syn[j] = syn[k];
            if (withPort) port[j] = port[k];
            if (lbl != null) lbl[j] = lbl[k];
            if (doff != null) doff[j] = doff[k];
            if (ext != null) {
                for (double[] x : ext) x[j] = x[k];
            }
            j++;
        }
        size = j;
        sortedSize = -1;
        finish(maxGid);
    }

    public long bytesUsed() {
        long b = (tgt != null ? (long) tgt.length * 4 : (long) runT.length * 8) + (w != null ? (long) w.length * 8 : (wi != null ? (long) wi.length * 2 : 0) + (long) wtab.length * 8)
                + (delay != null ? (long) delay.length * 2 : 0) + (rport != null ? rport.length : 0)
                + (syn != null ? syn.length : 0);
        if (withPort) b += (long) port.length * 4;
        if (lbl != null) b += (long) lbl.length * 4;
        if (doff != null) b += (long) doff.length * 8;
        if (src != null) b += (long) src.length * 4;
        if (ext != null) b += (long) ext.length * cap * 8;
        if (sext != null) b += (long) sext.length * sext[0].length * 8;
        return b + (long) offsets.length * 4;
    }
}
