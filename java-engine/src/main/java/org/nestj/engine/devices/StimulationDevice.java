package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;

/**
 * NEST's StimulationDevice: a device that sends events to its targets. Its update records what it
 * emits in this slice (per node, so threads never share); after all nodes are updated the kernel
 * delivers the emissions, per thread, to the targets that thread owns, device by device in node
 * order, lag by lag — the order in which NEST delivers device events.
 */
public abstract class StimulationDevice extends DeviceBlock {
    /** Emissions of one node in the current slice. */
    protected static final class Emissions {
        public int count;
        public int[] lag = new int[8];
        public int[] mult = new int[8];
        public double[] val = new double[8];
        public double[] offset = new double[8];
        public int[] ref = new int[8];

        public void add(int l, int m, double v, double off, int r) {
            if (count == lag.length) {
                int c = count * 2;
                lag = java.util.Arrays.copyOf(lag, c);
                mult = java.util.Arrays.copyOf(mult, c);
                val = java.util.Arrays.copyOf(val, c);
                offset = java.util.Arrays.copyOf(offset, c);
                ref = java.util.Arrays.copyOf(ref, c);
            }
            lag[count] = l;
            mult[count] = m;
            val[count] = v;
            offset[count] = off;
            ref[count] = r;
            count++;
        }
    }

    protected Emissions[] em;
    /** true for current generators: NEST's is_active shifts their step by 2. */
    protected final boolean currentGenerator;

    protected StimulationDevice(int n, boolean currentGenerator) {
        super(n);
        this.currentGenerator = currentGenerator;
    }

    @Override
    public void created() {
        em = new Emissions[n];
        for (int i = 0; i < n; i++) em[i] = new Emissions();
    }

    @Override
    public int elementType() {
        return ELEMENT_STIMULATOR;
    }

    @Override
    public Emits emits() {
        return currentGenerator ? Emits.CURRENT : Emits.SPIKE;
    }

    /** StimulationDevice::is_active for a time given in steps. */
    protected final boolean isActive(int i, long step) {
        if (currentGenerator) step += 2;
        return tMin[i] < step && step <= tMax[i];
    }

    protected final void emit(int i, int lag, int mult, double val, double offset, int ref) {
        em[i].add(lag, mult, val, offset, ref);
        hasEmissions = true;
    }

    protected void getStim(int i, Map<String, Object> d) {
        getDevice(i, d);
        d.put("stimulus_source", "0");
    }

    protected void setStim(int i, Status s) {
        if (s.has("stimulus_source")) {
            String src = s.s("stimulus_source", "");
            if (!src.isEmpty() && !src.equals("0")) throw badProperty("Stimulation backends are not supported by nestj.");
        }
        setDevice(i, s);
    }

    @Override
    public void clearEmissions() {
        for (Emissions e : em) e.count = 0;
        hasEmissions = false;
    }

    /** emissions of the previous slice waiting for delivery (see NodeBlock.deferEmissions) */
    private Emissions[] deferred;

    @Override
    public void deferEmissions() {
        if (deferred == null) {
            deferred = new Emissions[n];
            for (int i = 0; i < n; i++) deferred[i] = new Emissions();
        }
        Emissions[] d = deferred;
        deferred = em;
        em = d;
        hasDeferred = hasEmissions;
        hasEmissions = false;
    }

    @Override
    public void deliverDeferred(ConnStore c, long origin, long gidLo, long gidHi) {
        deliverFrom(deferred, c, origin, gidLo, gidHi);
    }

    @Override
    public void clearDeferred() {
        if (deferred != null) {
            for (Emissions e : deferred) e.count = 0;
        }
        hasDeferred = false;
    }

    @Override
    public void deliverEmissions(ConnStore c, long origin, long gidLo, long gidHi) {
        deliverFrom(em, c, origin, gidLo, gidHi);
    }

    private void deliverFrom(Emissions[] src, ConnStore c, long origin, long gidLo, long gidHi) {
        int[] off = c.offsets;
        int[] tgt = c.tgt;
        for (int i = 0; i < n; i++) {
            Emissions e = src[i];
            if (e.count == 0) continue;
            int g = (int) gid(i);
            if (g + 1 >= off.length) continue;
            int a = off[g], b = off[g + 1];
            // targets are sorted by id within a source: keep those in [gidLo, gidHi)
            if (gidLo != Long.MIN_VALUE) a = lowerBound(tgt, a, b, gidLo);
            if (gidHi != Long.MAX_VALUE) b = lowerBound(tgt, a, b, gidHi);
            while (a < b) {
                NodeBlock tb = kernel.nodes.blockOf(tgt[a]);
                long last = tb.firstGid + tb.n;
                int m = a + 1;
                while (m < b && tgt[m] < last) m++;
                deliverSegment(i, e, origin, c, a, m, tb);
                a = m;
            }
        }
    }

    /** First index in [a, b) of the ascending ids with ids[k] >= v (b if none). */
    private static int lowerBound(int[] ids, int a, int b, long v) {
        while (a < b) {
            int m = (a + b) >>> 1;
            if (ids[m] < v) a = m + 1;
            else b = m;
        }
        return a;
    }

    /**
     * Delivers all emissions of node i through connections [a, b) of c, all into block tb; each
     * target sees its events in lag order.
     */
    protected void deliverSegment(int i, Emissions e, long origin, ConnStore c, int a, int b, NodeBlock tb) {
        int fg = (int) tb.firstGid;
        for (int j = 0; j < e.count; j++) {
            long emitStep = origin + e.lag[j];
            for (int k = a; k < b; k++) deliver(i, e, j, emitStep, c, k, tb, c.tgt[k] - fg);
        }
    }

    /** Delivers emission j of node i through connection k to node ti of block tb. */
    protected abstract void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti);
}
