package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * Connections whose targets are updated by one thread, stored compactly by source: after
 * {@link #finish(int)} they are sorted by (source, target) and {@code offsets[src] .. offsets[src+1]}
 * is the range of source {@code src}. A static connection costs 16 bytes: target id (int), weight
 * (double), delay in steps (char), receptor port (byte) and synapse model id (byte). Device stores
 * also keep NEST's per-device target "port" (the order in which targets were connected).
 */
public final class ConnStore {
    int size;
    int[] src;          // only while unsorted additions exist; rebuilt from offsets when needed
    public int[] tgt;
    public double[] w;
    public char[] delay;
    public byte[] rport;
    public byte[] syn;
    public int[] port;  // device stores only
    public int[] offsets = new int[1];
    int sortedSize;     // entries [0, sortedSize) are sorted and described by offsets
    final boolean withPort;

    public ConnStore(boolean withPort) {
        this.withPort = withPort;
        int c = 16;
        src = new int[c];
        tgt = new int[c];
        w = new double[c];
        delay = new char[c];
        rport = new byte[c];
        syn = new byte[c];
        if (withPort) port = new int[c];
    }

    public int size() {
        return size;
    }

    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt) {
        if (size == tgt.length) grow();
        if (src == null) rebuildSources(tgt.length);
        src[size] = s;
        tgt[size] = t;
        w[size] = weight;
        delay[size] = (char) delaySteps;
        rport[size] = (byte) rp;
        syn[size] = (byte) synId;
        if (withPort) port[size] = prt;
        size++;
    }

    private void grow() {
        int c = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, tgt.length * 3L / 2 + 16));
        if (src != null) src = Arrays.copyOf(src, c);
        tgt = Arrays.copyOf(tgt, c);
        w = Arrays.copyOf(w, c);
        delay = Arrays.copyOf(delay, c);
        rport = Arrays.copyOf(rport, c);
        syn = Arrays.copyOf(syn, c);
        if (withPort) port = Arrays.copyOf(port, c);
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

    /** Sorts all connections by (source, target), stable, builds offsets and trims capacity. */
    public void finish(int maxGid) {
        if (!needsFinish()) {
            if (offsets.length < maxGid + 2) extendOffsets(maxGid);
            return;
        }
        if (src == null) rebuildSources(Math.max(size, 1));
        int n = size;
        int[] off = new int[maxGid + 2];
        for (int k = 0; k < n; k++) off[src[k] + 1]++;
        for (int s = 0; s <= maxGid; s++) off[s + 1] += off[s];
        int[] perm = new int[n];
        int[] fill = Arrays.copyOf(off, maxGid + 1);
        for (int k = 0; k < n; k++) perm[fill[src[k]]++] = k;
        fill = null;
        // within a source: stable sort by target
        for (int s = 0; s <= maxGid; s++) {
            int a = off[s], b = off[s + 1];
            if (b - a > 1) sortByTarget(perm, a, b);
        }
        int[] nt = new int[n];
        for (int k = 0; k < n; k++) nt[k] = tgt[perm[k]];
        tgt = nt;
        double[] nw = new double[n];
        for (int k = 0; k < n; k++) nw[k] = w[perm[k]];
        w = nw;
        char[] nd = new char[n];
        for (int k = 0; k < n; k++) nd[k] = delay[perm[k]];
        delay = nd;
        byte[] nr = new byte[n];
        for (int k = 0; k < n; k++) nr[k] = rport[perm[k]];
        rport = nr;
        byte[] ns = new byte[n];
        for (int k = 0; k < n; k++) ns[k] = syn[perm[k]];
        syn = ns;
        if (withPort) {
            int[] np = new int[n];
            for (int k = 0; k < n; k++) np[k] = port[perm[k]];
            port = np;
        }
        offsets = off;
        sortedSize = n;
        src = null;
    }

    private void extendOffsets(int maxGid) {
        int old = offsets.length;
        offsets = Arrays.copyOf(offsets, maxGid + 2);
        for (int s = old; s < offsets.length; s++) offsets[s] = offsets[old - 1];
    }

    private void sortByTarget(int[] perm, int a, int b) {
        int len = b - a;
        if (len < 24) {
            for (int i = a + 1; i < b; i++) {
                int p = perm[i];
                int t = tgt[p];
                int j = i - 1;
                while (j >= a && tgt[perm[j]] > t) {
                    perm[j + 1] = perm[j];
                    j--;
                }
                perm[j + 1] = p;
            }
            return;
        }
        long[] keys = new long[len];
        for (int i = 0; i < len; i++) keys[i] = ((long) tgt[perm[a + i]] << 32) | (i & 0xffffffffL);
        Arrays.sort(keys);
        int[] tmp = Arrays.copyOfRange(perm, a, b);
        for (int i = 0; i < len; i++) perm[a + i] = tmp[(int) (keys[i] & 0xffffffffL)];
    }

    /** Removes the connections flagged in remove (indices into the sorted store). */
    public void remove(boolean[] remove, int maxGid) {
        if (src == null) rebuildSources(Math.max(size, 1));
        int j = 0;
        for (int k = 0; k < size; k++) {
            if (remove[k]) continue;
            src[j] = src[k];
            tgt[j] = tgt[k];
            w[j] = w[k];
            delay[j] = delay[k];
            rport[j] = rport[k];
            syn[j] = syn[k];
            if (withPort) port[j] = port[k];
            j++;
        }
        size = j;
        sortedSize = -1;
        finish(maxGid);
    }

    public long bytesUsed() {
        long b = (long) tgt.length * 4 + (long) w.length * 8 + (long) delay.length * 2 + rport.length + syn.length;
        if (withPort) b += (long) port.length * 4;
        if (src != null) b += (long) src.length * 4;
        return b + (long) offsets.length * 4;
    }
}
