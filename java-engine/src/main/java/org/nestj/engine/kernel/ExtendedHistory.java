package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * A history of (time, dw) entries with access counters, NEST's deque of histentry_extended as kept by
 * ClopathArchivingNode (LTP history) and UrbanczikArchivingNode (dendritic history): entries are
 * appended while the neuron has incoming plastic connections, after dropping front entries that every
 * incoming connection has read; a connection reads the entries with t1 + 1e-6 <= t < t2 + 1e-6
 * (get_LTP_history / get_urbanczik_history), counting them as read. Entries [head, end) are live.
 */
public final class ExtendedHistory {
    public double[] t = new double[8], dw = new double[8];
    private int[] count = new int[8];
    private int head, end;
    /** result of {@link #get}: entries [from, to) */
    public int from, to;

    /** Appends (time, dw) after pruning the entries all nIncoming connections have read. */
    public void push(double time, double dwValue, int nIncoming) {
        while (end - head > 1 && count[head] >= nIncoming) head++;
        if (end == t.length) {
            int n = end - head;
            if (head > 0) {
                System.arraycopy(t, head, t, 0, n);
                System.arraycopy(dw, head, dw, 0, n);
                System.arraycopy(count, head, count, 0, n);
            } else {
                t = Arrays.copyOf(t, n * 2);
                dw = Arrays.copyOf(dw, n * 2);
                count = Arrays.copyOf(count, n * 2);
            }
            head = 0;
            end = n;
        }
        t[end] = time;
        dw[end] = dwValue;
        count[end] = 0;
        end++;
    }

    /** The entries with t1 + 1e-6 <= t < t2 + 1e-6, in [from, to), counted as read. */
    public void get(double t1, double t2) {
        int j = head;
        while (j < end && t[j] - 1.0e-6 < t1) j++;
        from = j;
        while (j < end && t[j] - 1.0e-6 < t2) {
            count[j]++;
            j++;
        }
        to = j;
    }
}
