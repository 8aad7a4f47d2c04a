package org.nestj.engine.kernel;

/**
 * Per-thread collection of the spikes emitted by neurons during one min_delay slice (NEST's spike
 * register). Entries hold the sender, the lag within the slice, multiplicity and precise offset.
 * No allocation once grown: arrays are reused slice after slice.
 */
public final class SpikeOut {
    /** index of the thread that fills this collection (the one executing the update) */
    public final int thread;
    int size;
    long[] gid = new long[256];
    int[] lag = new int[256];
    int[] mult = new int[256];
    double[] offset = new double[256];
    /**
     * entries [0, devDone) were handed to the devices among their targets already, at the end of a
     * run that ended within the slice (SimulationManager.flushToDevices)
     */
    int devDone;

    public SpikeOut(int thread) {
        this.thread = thread;
    }

    private int[] lagScratch = new int[64];

    /**
     * Scratch for an update loop that notes the lags at which one node spikes within the slice
     * and emits them after that node's steps (keeping calls out of the per-step loop): at least n entries.
     */
    public int[] lagScratch(int n) {
        if (lagScratch.length < n) lagScratch = new int[n];
        return lagScratch;
    }

    public void spike(long g, int l, int m) {
        spike(g, l, m, 0.0);
    }

    public void spike(long g, int l, int m, double off) {
        if (size == gid.length) grow();
        gid[size] = g;
        lag[size] = l;
        mult[size] = m;
        offset[size] = off;
        size++;
    }

    private void grow() {
        int c = gid.length * 2;
        gid = java.util.Arrays.copyOf(gid, c);
        lag = java.util.Arrays.copyOf(lag, c);
        mult = java.util.Arrays.copyOf(mult, c);
        offset = java.util.Arrays.copyOf(offset, c);
    }

    public void clear() {
        size = 0;
        devDone = 0;
    }
}
