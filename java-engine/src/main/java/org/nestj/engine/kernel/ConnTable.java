package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * All connections of one kind (from neurons, or from devices) whose targets one thread updates:
 * a short list of {@link ConnStore} segments, each sorted by source. A large Connect call opens a
 * segment of its own (sized exactly in advance, so no array is ever copied to grow it); small
 * calls append to the last segment. Delivery walks the segments in order.
 */
public final class ConnTable {
    /** Calls expecting at least this many connections get a segment of their own. */
    static final long OWN_SEGMENT = 1L << 20;
    static final int MAX_SEGMENTS = 256;
    /** Segments hold at most this many connections, which bounds the spare memory of sorting. */
    static final int SEGMENT_CAP = 1 << 22;
    private long expectedLeft;
    /** number of nodes when the current Connect call began (0: unknown) */
    private int maxGidHint;
    private final ConnStore.Scratch scratch = new ConnStore.Scratch();
    final boolean withPort;
    ConnStore[] segs = new ConnStore[4];
    int nsegs;

    /** number of per-connection columns of stateful segments (-1: static connections) */
    final int nExt;
    /** segments may hold their columns once per source (ConnStore#sext; SynapseType#sharesPerSource) */
    boolean shareable;

    public ConnTable(boolean withPort) {
        this(withPort, -1);
    }

    public ConnTable(boolean withPort, int nExt) {
        this.withPort = withPort;
        this.nExt = nExt;
    }

    public int segments() {
        return nsegs;
    }

    public ConnStore seg(int i) {
        return segs[i];
    }

    /** Prepares for a Connect call that adds about {@code expected} connections here. */
    public void begin(long expected, int maxGid) {
        maxGidHint = maxGid;
        begin(expected);
    }

    public void begin(long expected) {
        ConnStore last = nsegs == 0 ? null : segs[nsegs - 1];
        boolean own = last == null || (last.sealed && nsegs < MAX_SEGMENTS)
                || (expected >= OWN_SEGMENT && last.size() > 0 && nsegs < MAX_SEGMENTS);
        if (own) {
            last = open();
        }
        expectedLeft = expected;
        if (expected > 0) last.reserve(Math.min(expected, Math.max(0, SEGMENT_CAP - last.size())));
    }

    private ConnStore open() {
        if (nsegs == segs.length) segs = Arrays.copyOf(segs, nsegs * 2);
        segs[nsegs++] = new ConnStore(withPort, nExt);
        if (shareable && ConnStore.shareColumns) segs[nsegs - 1].beginUniform();
        return segs[nsegs - 1];
    }

    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt) {
        add(s, t, weight, delaySteps, rp, synId, prt, -1);
    }

    /** Adds a connection with a synapse_label (-1: none), opening a new segment at the size cap. */
    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt, int label) {
        if (nsegs == 0) begin(0);
        ConnStore last = segs[nsegs - 1];
        if ((last.size() >= SEGMENT_CAP || last.sealed) && nsegs < MAX_SEGMENTS) {
            // a full segment is sorted right away: its build-time columns are freed before the
            // next segment fills, which keeps the peak memory near the final size
            if (maxGidHint > 0) last.finish(maxGidHint, scratch);
            last = open();
            if (expectedLeft > 0) last.reserve(Math.min(expectedLeft, SEGMENT_CAP));
        }
        last.add(s, t, weight, delaySteps, rp, synId, prt, label);
        if (expectedLeft > 0) expectedLeft--;
    }

    /** Adds a connection with a synapse_label and a delay offset (cont_delay_synapse; 0: none). */
    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt, int label, double delayOffset) {
        add(s, t, weight, delaySteps, rp, synId, prt, label);
        if (delayOffset != 0.0) {
            ConnStore last = segs[nsegs - 1];
            last.setDelayOffset(last.size() - 1, delayOffset);
        }
    }

    /** Adds a stateful connection with its per-connection values. */
    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int label, double[] ext) {
        add(s, t, weight, delaySteps, rp, synId, 0, label, ext);
    }

    /** Adds a stateful connection with its per-connection values and a device port (tables of device connections). */
    public void add(int s, int t, double weight, int delaySteps, int rp, int synId, int prt, int label, double[] ext) {
        add(s, t, weight, delaySteps, rp, synId, prt, label);
        ConnStore last = segs[nsegs - 1];
        last.setExt(last.size() - 1, ext);
    }

    /**
     * After a Connect call: sorts the segments holding at least {@link #OWN_SEGMENT} unsorted
     * connections and closes them, so that later calls add to new segments and nothing is
     * sorted twice. Smaller segments stay open and are sorted when the simulation is prepared.
     */
    public void seal(int maxGid) {
        for (int i = 0; i < nsegs; i++) {
            ConnStore c = segs[i];
            if (!c.sealed && c.needsFinish() && c.size() >= OWN_SEGMENT) {
                c.finish(maxGid, scratch);
                c.sealed = true;
            }
        }
        scratch.clear();
        expectedLeft = 0;
    }

    public void finish(int maxGid) {
        ConnStore.Scratch sc = new ConnStore.Scratch();
        for (int i = 0; i < nsegs; i++) segs[i].finish(maxGid, sc);
    }

    public long size() {
        long n = 0;
        for (int i = 0; i < nsegs; i++) n += segs[i].size();
        return n;
    }

    public long bytesUsed() {
        long b = 0;
        for (int i = 0; i < nsegs; i++) b += segs[i].bytesUsed();
        return b;
    }
}
