package org.nestj.engine.kernel;

/**
 * NEST's ring buffers (nestkernel/ring_buffer.h) for a whole block: {@code channels} input
 * channels per node, {@code len = min_delay + max_delay} slots, indexed by absolute step modulo
 * len. Layout [channel][slot][node], so one update step reads a contiguous row of nodes.
 */
public final class InputBuffer {
    public final int n, channels, len;
    public final double[] d;

    public InputBuffer(int n, int channels, int len) {
        this.n = n;
        this.channels = channels;
        this.len = len;
        this.d = new double[n * channels * len];
    }

    /** Index of (channel, absolute step, node). */
    public int index(int ch, long step, int i) {
        return (ch * len + (int) (step % len)) * n + i;
    }

    public void add(int ch, long step, int i, double v) {
        d[(ch * len + (int) (step % len)) * n + i] += v;
    }

    /** Reads and clears the value of (channel, step, node). */
    public double take(int ch, long step, int i) {
        int k = (ch * len + (int) (step % len)) * n + i;
        double v = d[k];
        d[k] = 0.0;
        return v;
    }

    /**
     * This buffer if it has at least {@code channels} channels, else a larger copy that keeps all pending input
     * (ports added after the buffers were set up; the [channel][slot][node] layout keeps existing channels in place).
     */
    public InputBuffer withChannels(int channels) {
        if (this.channels >= channels) return this;
        InputBuffer nb = new InputBuffer(n, channels, len);
        System.arraycopy(d, 0, nb.d, 0, d.length);
        return nb;
    }

    public static InputBuffer resize(InputBuffer old, int n, int channels, int len) {
        if (old != null && old.len == len && old.channels == channels && old.n == n) {
            java.util.Arrays.fill(old.d, 0.0);
            return old;
        }
        return new InputBuffer(n, channels, len);
    }
}
