package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * The e-prop history of one node of the e-prop models without update intervals (NEST
 * nestkernel/eprop_archiving_node{,_impl,_recurrent,_recurrent_impl,_readout}.h with
 * hist_shift_required false): one entry per time step while the node has incoming eprop_synapse
 * connections, holding for recurrent nodes the surrogate gradient ({@link #a}), the learning signal
 * ({@link #b}) and the firing-rate regularization ({@link #c}), for readout nodes the error signal
 * ({@link #a}); and the update history, time markers (step - 1 of each spike that passed an incoming
 * eprop synapse) with the number of connections whose last spike they mark.
 *
 * <p>Entries are found by lower bound on their step (as NEST's std::lower_bound on its vectors);
 * used entries are erased between the last two markers beyond the inter-spike trace cutoff and
 * before the first marker (NEST's erase_used_eprop_history(cutoff)).
 */
public final class EpropArchive {
    /** NEST's delay_rec_out_ (= delay_out_rec_): the model-dependent history shift is minus this */
    public static final long DELAY_REC_OUT = 1, DELAY_OUT_REC = 1;

    public long[] t = new long[16];
    public double[] a = new double[16], b = new double[16], c = new double[16];
    public int size;
    long[] ut = new long[4];
    int[] uc = new int[4];
    int usize;
    /** number of incoming eprop connections (NEST's eprop_indegree_) */
    public int indegree;

    /** First entry with step >= s (size if none). */
    public int lowerBound(long s) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < s) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private int uLowerBound(long s) {
        int lo = 0, hi = usize;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ut[mid] < s) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Appends a zero entry for step s (NEST's append_new_eprop_history_entry). */
    public void append(long s) {
        if (size == t.length) {
            int nl = t.length * 2;
            t = Arrays.copyOf(t, nl);
            a = Arrays.copyOf(a, nl);
            b = Arrays.copyOf(b, nl);
            c = Arrays.copyOf(c, nl);
        }
        t[size] = s;
        a[size] = 0.0;
        b[size] = 0.0;
        c[size] = 0.0;
        size++;
    }

    private void erase(int from, int to) {
        if (to <= from) return;
        int n = size - to;
        System.arraycopy(t, to, t, from, n);
        System.arraycopy(a, to, a, from, n);
        System.arraycopy(b, to, b, from, n);
        System.arraycopy(c, to, c, from, n);
        size -= to - from;
    }

    private void uInsert(int pos, long s) {
        if (usize == ut.length) {
            ut = Arrays.copyOf(ut, usize * 2);
            uc = Arrays.copyOf(uc, usize * 2);
        }
        System.arraycopy(ut, pos, ut, pos + 1, usize - pos);
        System.arraycopy(uc, pos, uc, pos + 1, usize - pos);
        ut[pos] = s;
        uc[pos] = 1;
        usize++;
    }

    private void uErase(int pos) {
        System.arraycopy(ut, pos + 1, ut, pos, usize - pos - 1);
        System.arraycopy(uc, pos + 1, uc, pos, usize - pos - 1);
        usize--;
    }

    /** NEST's register_eprop_connection: one more incoming connection, marked at step -delay_rec_out. */
    public void registerConnection() {
        indegree++;
        long first = -DELAY_REC_OUT;
        int p = uLowerBound(first);
        if (p == usize || ut[p] != first) uInsert(p, first);
        else uc[p]++;
    }

    /** NEST's write_update_to_history(t_previous_update, t_current_update, eprop_isi_trace_cutoff). */
    public void writeUpdate(long tPrev, long tCurr, long cutoff) {
        if (indegree == 0) return;
        final long shift = -DELAY_REC_OUT;
        int p = uLowerBound(tCurr + shift);
        if (p != usize && ut[p] == tCurr + shift) {
            uc[p]++;
        } else {
            uInsert(p, tCurr + shift);
            eraseUsed(cutoff);
        }
        int q = uLowerBound(tPrev + shift);
        if (q != usize && ut[q] == tPrev + shift) {
            if (--uc[q] == 0) uErase(q);
        }
    }

    private void eraseUsed(long cutoff) {
        if (size == 0 || usize < 2) return;
        long tp = ut[usize - 2], tc = ut[usize - 1];
        if (tp + cutoff < tc) erase(lowerBound(tp + cutoff), lowerBound(tc));
        erase(0, lowerBound(ut[0] - 1));
    }

    /** NEST's write_learning_signal_to_history(time_step, learning_signal). */
    public void addLearningSignal(long timeStep, double ls) {
        if (indegree == 0) return;
        long shift = DELAY_REC_OUT + DELAY_OUT_REC;
        int e = lowerBound(timeStep - shift + DELAY_OUT_REC);
        for (int j = lowerBound(timeStep - shift); j < e; j++) b[j] += ls;
    }

    /** NEST's get_learning_signal_from_history(time_step). */
    public double learningSignal(long timeStep) {
        int j = lowerBound(timeStep - (DELAY_REC_OUT + DELAY_OUT_REC));
        return j == size ? 0.0 : b[j];
    }
}
