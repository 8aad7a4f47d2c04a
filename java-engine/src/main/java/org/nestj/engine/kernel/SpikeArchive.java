package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * The spike history of one neuron that is the target of STDP connections (NEST's ArchivingNode
 * history_ deque of histentry): spike time, the post-synaptic traces Kminus and Kminus_triplet just
 * after the spike, and an access counter (how many incoming STDP connections have read the entry),
 * used to prune entries no connection will read again. Entries [head, end) are live.
 * {@link #getHistory} leaves its result in {@link #from} and {@link #to}.
 */
public final class SpikeArchive {
    public double[] t = new double[8];
    public double[] kminus = new double[8];
    public double[] kminusTriplet = new double[8];
    int[] count = new int[8];
    public int head, end;
    /** result of getHistory: entries [from, to) */
    public int from, to;
    /** changes of the entries (push, clear): keys the get_K_value cache */
    int mods;
    /** get_K_value cache: the last query time, tau_minus, modification count and result */
    double kvT = Double.NaN, kvTau, kvVal;
    int kvMods = -1;
    /** results of NeuronBlock.getKValues: K-, nearest-neighbour K-, K-_triplet */
    public double kValue, nnKValue, kTripletValue;

    public boolean isEmpty() {
        return head == end;
    }

    public int size() {
        return end - head;
    }

    void push(double ts, double km, double kmt) {
        if (end == t.length) {
            if (head > 0) {
                int n = end - head;
                System.arraycopy(t, head, t, 0, n);
                System.arraycopy(kminus, head, kminus, 0, n);
                System.arraycopy(kminusTriplet, head, kminusTriplet, 0, n);
                System.arraycopy(count, head, count, 0, n);
                head = 0;
                end = n;
            } else {
                int c = t.length * 2;
                t = Arrays.copyOf(t, c);
                kminus = Arrays.copyOf(kminus, c);
                kminusTriplet = Arrays.copyOf(kminusTriplet, c);
                count = Arrays.copyOf(count, c);
            }
        }
        t[end] = ts;
        kminus[end] = km;
        kminusTriplet[end] = kmt;
        count[end] = 0;
        end++;
        mods++;
    }

    public void clear() {
        head = 0;
        end = 0;
        mods++;
    }

    /** Marks the entries up to t_first_read (+eps) as read by one more connection (register_stdp_connection). */
    void markReadUpTo(double tFirstRead, double eps) {
        for (int j = head; j < end && tFirstRead - t[j] > -eps; j++) count[j]++;
    }

    /**
     * NEST's get_history(t1, t2): the entries with t1 + eps <= t < t2 + eps, i.e. in (t1, t2]
     * up to eps; their access counters are incremented.
     */
    public void getHistory(double t1, double t2, double eps) {
        final double t2lim = t2 + eps, t1lim = t1 + eps;
        int j = end - 1;
        while (j >= head && t[j] >= t2lim) j--;
        to = j + 1;
        while (j >= head && t[j] >= t1lim) {
            count[j]++;
            j--;
        }
        from = j + 1;
    }
}
