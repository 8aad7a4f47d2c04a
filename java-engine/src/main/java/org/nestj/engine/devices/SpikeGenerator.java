package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * spike_generator — emits spikes at given times (NEST 3.9 models/spike_generator.{h,cpp}).
 * Times must lie on the grid unless allow_offgrid_times (rounded up to the grid) or precise_times
 * (kept as grid stamp plus offset); shift_now_spikes moves a spike at the current time one step on.
 * Optional spike_weights (multiply the connection weight) and spike_multiplicities.
 * A spike at t is sent in the step ending at origin + t, if start < t <= stop relative to origin.
 */
public final class SpikeGenerator extends StimulationDevice {
    @PerNode public long[][] stamps;
    @PerNode public double[][] offsets, weights;
    @PerNode public long[][] multiplicities;
    @PerNode public boolean[] precise, allowOffgrid, shiftNow;
    @PerNode public int[] position;

    public SpikeGenerator(int n) {
        super(n, false);
        stamps = new long[n][];
        offsets = new double[n][];
        weights = new double[n][];
        multiplicities = new long[n][];
        for (int i = 0; i < n; i++) {
            stamps[i] = new long[0];
            offsets[i] = new double[0];
            weights[i] = new double[0];
            multiplicities[i] = new long[0];
        }
        precise = fillB(n, false);
        allowOffgrid = fillB(n, false);
        shiftNow = fillB(n, false);
        position = fillI(n, 0);
    }

    @Override
    public SpikeGenerator make(int n) {
        return new SpikeGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getStim(i, d);
        long[] st = stamps[i];
        double[] times = new double[st.length];
        for (int k = 0; k < st.length; k++) {
            times[k] = kernel.time.stepsToMs(st[k]);
            if (precise[i]) times[k] -= offsets[i][k];
        }
        d.put("spike_times", times);
        d.put("spike_weights", weights[i].clone());
        d.put("spike_multiplicities", multiplicities[i].clone());
        d.put("precise_times", precise[i]);
        d.put("allow_offgrid_times", allowOffgrid[i]);
        d.put("shift_now_spikes", shiftNow[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean pt = s.b("precise_times", precise[i]);
        boolean sn = s.b("shift_now_spikes", shiftNow[i]);
        boolean ao = s.b("allow_offgrid_times", allowOffgrid[i]);
        boolean flagsChanged = pt != precise[i] || sn != shiftNow[i] || ao != allowOffgrid[i];
        if (pt && (ao || sn)) {
            throw badProperty("Option precise_times cannot be set to true when either allow_offgrid_times or "
                    + "shift_now_spikes is set to true.");
        }
        boolean newTimes = s.has("spike_times");
        if (flagsChanged && !(newTimes || stamps[i].length == 0)) {
            throw badProperty("Options can only be set together with spike times or if no spike times have been set.");
        }
        // origin first, so that shift_now_spikes compares against the new origin
        double originMs = origin[i];
        if (s.has("origin")) {
            double o = s.d("origin", originMs);
            if (!kernel.time.isGridTime(o)) throw badProperty("origin must be a multiple of the simulation resolution.");
            originMs = o;
        }
        long[] st = stamps[i];
        double[] off = offsets[i];
        if (newTimes) {
            double[] t = s.da("spike_times", new double[0]);
            st = new long[t.length];
            off = pt ? new double[t.length] : new double[0];
            stampTimes(this, "spike time cannot be set to 0.", t, pt, ao, sn, kernel.time.msToSteps(originMs), st, off);
        }
        double[] wts = weights[i];
        if (s.has("spike_weights")) {
            double[] w = s.da("spike_weights", new double[0]);
            if (w.length != 0 && w.length != st.length) {
                throw badProperty("spike_weights must have the same number of elements as spike_times, or 0 elements to clear the property.");
            }
            wts = w;
        }
        long[] mul = multiplicities[i];
        if (s.has("spike_multiplicities")) {
            long[] m = s.la("spike_multiplicities", new long[0]);
            if (m.length != 0 && m.length != st.length) {
                throw badProperty("spike_multiplicities must have the same number of elements as spike_times or 0 elements to clear the property.");
            }
            mul = m;
        }
        boolean resetPos = newTimes || s.has("spike_weights") || s.has("spike_multiplicities") || s.has("origin");
        setStim(i, s);
        precise[i] = pt;
        shiftNow[i] = sn;
        allowOffgrid[i] = ao;
        stamps[i] = st;
        offsets[i] = off;
        weights[i] = wts;
        multiplicities[i] = mul;
        if (resetPos) position[i] = 0;
    }

    /**
     * spike_generator's assert_valid_spike_time_and_insert_ for all times t (sorted, non-zero unless
     * shift_now_spikes): their grid stamps into st and, with precise_times, the offsets into off.
     * Shared with spike_train_injector, which differs only in its message for a zero time.
     */
    static void stampTimes(NodeBlock b, String zeroMessage, double[] t, boolean pt, boolean ao, boolean sn,
            long originSteps, long[] st, double[] off) {
        org.nestj.engine.kernel.Time time = b.kernel.time;
        long now = b.kernel.sim.timeSteps();
        for (int k = 0; k < t.length; k++) {
            if (k > 0 && t[k - 1] > t[k]) throw NestException.badProperty("Spike times must be sorted in non-descending order.");
            double tk = t[k];
            if (tk == 0.0 && !sn) throw NestException.badProperty(zeroMessage);
            long stamp;
            if (pt) {
                stamp = time.msStampToSteps(tk);
            } else {
                if (time.isGridTime(tk)) {
                    stamp = time.msToSteps(tk);
                } else if (ao) {
                    stamp = time.msStampToSteps(tk);
                } else {
                    throw NestException.badProperty(b.model.typeId + ": Time point " + tk
                            + " is not representable in current resolution.");
                }
                if (originSteps + stamp == now && sn) stamp++;
            }
            st[k] = stamp;
            if (pt) {
                double sms = time.stepsToMs(stamp);
                double o = sms - tk;
                if (Math.abs(o) < Math.ulp(1.0) * Math.abs(sms + tk) * 2.0 || Math.abs(o) < Double.MIN_NORMAL) o = 0.0;
                off[k] = o;
            }
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            if (st.length == 0) continue;
            long tstart = origin + from, tstop = origin + to;
            long org = steps(this.origin[i]);
            int pos = position[i];
            while (pos < st.length) {
                long next = org + st[pos];
                if (next <= tstart) {
                    pos++;
                    continue;
                }
                if (next > tstop) break;
                if (isActive(i, next)) {
                    int mult = multiplicities[i].length > 0 ? (int) multiplicities[i][pos] : 1;
                    double off = precise[i] ? offsets[i][pos] : 0.0;
                    int lag = (int) (next - origin) - 1;
                    emit(i, lag, mult, 0, off, pos);
                }
                pos++;
            }
            position[i] = pos;
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        double w = c.w[k];
        if (weights[i].length > 0) w = weights[i][e.ref[j]] * w;
        tb.handleSpike(ti, emitStep + c.delay[k], w, e.mult[j], c.rport[k], gid(i), emitStep + 1, e.offset[j]);
    }
}
