package org.nestj.engine.kernel;

/**
 * Ring buffers of models with many receptor ports (NEST keeps one RingBuffer per port and node):
 * {@code channels} channels per node, {@code len = min_delay + max_delay} slots indexed by
 * absolute step modulo len, laid out [slot][node][channel], so that one node's update step reads
 * all its ports from one contiguous run (the [channel][slot][node] layout of {@link InputBuffer}
 * would touch one cache line per port).
 */
public final class PortBuffer {
    public final int n, channels, len;
    public final double[] d;

    public PortBuffer(int n, int channels, int len) {
        this.n = n;
        this.channels = channels;
        this.len = len;
        this.d = new double[n * channels * len];
    }

    /** Index of channel 0 of node i in the slot of absolute step {@code step}. */
    public int base(long step, int i) {
        return ((int) (step % len) * n + i) * channels;
    }

    public void add(int ch, long step, int i, double v) {
        d[base(step, i) + ch] += v;
    }

    /** This buffer if it has at least {@code channels} channels, else a larger copy that keeps all pending input. */
    public PortBuffer withChannels(int channels) {
        if (this.channels >= channels) return this;
        PortBuffer nb = new PortBuffer(n, channels, len);
        for (int j = 0; j < n * len; j++) System.arraycopy(d, j * this.channels, nb.d, j * channels, this.channels);
        return nb;
    }

    public static PortBuffer resize(PortBuffer old, int n, int channels, int len) {
        if (old != null && old.len == len && old.channels == channels && old.n == n) {
            java.util.Arrays.fill(old.d, 0.0);
            return old;
        }
        return new PortBuffer(n, channels, len);
    }
}
