package org.nestj.engine.kernel;

import java.util.Arrays;

/**
 * The histories one e-prop node keeps for its incoming e-prop synapses (NEST's EpropArchivingNode,
 * nestkernel/eprop_archiving_node.h, and histentry.h), as parallel primitive arrays ordered by time step:
 * <ul>
 * <li>the e-prop history (NEST's eprop_history_): one entry per time step with up to three values, for
 * recurrent neurons {@link #a} = surrogate gradient, {@link #b} = learning signal, {@link #c} = firing
 * rate regularization (non-bsshslm models), for readout neurons {@link #a} = error signal;</li>
 * <li>the update history (update_history_): time stamps of the updates still needed by at least one
 * synapse, with an access counter each;</li>
 * <li>the firing rate regularization history of bsshslm_2020 recurrent neurons
 * (firing_rate_reg_history_): one value per update interval.</li>
 * </ul>
 * Look-ups are NEST's std::lower_bound by time (first entry with t &gt;= the time asked for); erasing a
 * range moves the later entries down, as std::vector::erase does, so positions reached by walking from
 * a look-up are the ones NEST's iterators reach.
 */
public final class EpropHistory {
    public long[] t = new long[16];
    public double[] a = new double[16], b = new double[16], c = new double[16];
    public int size;

    public long[] ut = new long[4];
    public int[] uc = new int[4];
    public int usize;

    public long[] rt = new long[4];
    public double[] rv = new double[4];
    public int rsize;

    /**
     * First e-prop history entry with t >= time (size if none). The steps are increasing and mostly
     * contiguous towards the end (one entry per step, gaps only where used entries were erased), so the
     * entries that lie as far from the last, or from the first, as the step does are tried first: if one
     * has the step and its predecessor an earlier one, it is the lower bound; otherwise a binary search
     * finds it.
     */
    public int lowerBound(long time) {
        final int n = size;
        if (n == 0) return 0;
        final long last = t[n - 1];
        if (time > last) return n;
        final long back = last - time;   // negative only on overflow (time near Long.MIN_VALUE)
        if (back >= 0 && back < n) {
            final int j = (int) (n - 1 - back);
            if (t[j] == time && (j == 0 || t[j - 1] < time)) return j;
        }
        if (time <= t[0]) return 0;
        final long ahead = time - t[0];  // positive here, no overflow: t[0] < time <= last
        if (ahead < n) {
            final int j = (int) ahead;
            if (t[j] == time && t[j - 1] < time) return j;
        }
        // t[0] < time <= t[n - 1]: a binary search whose step is a conditional move (no unpredictable branch)
        int base = 0, len = n;
        while (len > 1) {
            final int half = len >>> 1;
            base = t[base + half] < time ? base + half : base;
            len -= half;
        }
        return t[base] < time ? base + 1 : base;
    }

    /** Appends an e-prop history entry (time, 0, 0, 0). */
    public void append(long time) {
        if (size == t.length) {
            int cap = size * 2;
            t = Arrays.copyOf(t, cap);
            a = Arrays.copyOf(a, cap);
            b = Arrays.copyOf(b, cap);
            c = Arrays.copyOf(c, cap);
        }
        t[size] = time;
        a[size] = 0.0;
        b[size] = 0.0;
        c[size] = 0.0;
        size++;
    }

    /** Erases e-prop history entries [from, to). */
    public void erase(int from, int to) {
        if (to <= from) return;
        int tail = size - to;
        System.arraycopy(t, to, t, from, tail);
        System.arraycopy(a, to, a, from, tail);
        System.arraycopy(b, to, b, from, tail);
        System.arraycopy(c, to, c, from, tail);
        size -= to - from;
    }

    /** First update history entry with t >= time (usize if none). */
    public int updateLowerBound(long time) {
        int lo = 0, hi = usize;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ut[mid] < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Inserts an update history entry (time, count) at position pos. */
    public void insertUpdate(int pos, long time, int count) {
        if (usize == ut.length) {
            ut = Arrays.copyOf(ut, usize * 2);
            uc = Arrays.copyOf(uc, usize * 2);
        }
        System.arraycopy(ut, pos, ut, pos + 1, usize - pos);
        System.arraycopy(uc, pos, uc, pos + 1, usize - pos);
        ut[pos] = time;
        uc[pos] = count;
        usize++;
    }

    /** Erases the update history entry at pos. */
    public void eraseUpdate(int pos) {
        System.arraycopy(ut, pos + 1, ut, pos, usize - pos - 1);
        System.arraycopy(uc, pos + 1, uc, pos, usize - pos - 1);
        usize--;
    }

    /** Appends a firing rate regularization history entry. */
    public void appendReg(long time, double value) {
        if (rsize == rt.length) {
            rt = Arrays.copyOf(rt, rsize * 2);
            rv = Arrays.copyOf(rv, rsize * 2);
        }
        rt[rsize] = time;
        rv[rsize] = value;
        rsize++;
    }

    /** First firing rate regularization entry with t >= time (rsize if none). */
    public int regLowerBound(long time) {
        int lo = 0, hi = rsize;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rt[mid] < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Erases the firing rate regularization entry at pos. */
    public void eraseReg(int pos) {
        System.arraycopy(rt, pos + 1, rt, pos, rsize - pos - 1);
        System.arraycopy(rv, pos + 1, rv, pos, rsize - pos - 1);
        rsize--;
    }

    public void clear() {
        size = 0;
        usize = 0;
        rsize = 0;
    }
}
