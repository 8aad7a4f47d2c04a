package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;

/**
 * What spike_generator and spike_train_injector share in their status (their update loops and
 * classes differ: a stimulation device and a neuron-like node): spike_times as grid stamps plus
 * offsets, the flags precise_times, allow_offgrid_times, shift_now_spikes with their checks, the
 * new origin, and spike_multiplicities.
 */
final class SpikeTrainTimes {
    private SpikeTrainTimes() {
    }

    /** spike_times in ms: the stamps, less the offsets with precise_times. */
    static double[] timesMs(NodeBlock b, long[] st, double[] off, boolean precise) {
        double[] times = new double[st.length];
        for (int k = 0; k < st.length; k++) {
            times[k] = b.kernel.time.stepsToMs(st[k]);
            if (precise) times[k] -= off[k];
        }
        return times;
    }

    static void putFlags(Map<String, Object> d, boolean precise, boolean allowOffgrid, boolean shiftNow) {
        d.put("precise_times", precise);
        d.put("allow_offgrid_times", allowOffgrid);
        d.put("shift_now_spikes", shiftNow);
    }

    /** The spike times and flags of one SetStatus call, checked, not yet stored. */
    static final class Parsed {
        boolean pt, sn, ao, newTimes;
        long[] st;
        double[] off;
    }

    /**
     * Reads the flags (checking that precise_times excludes the other two and that they change only
     * together with spike_times or while there are none), the origin (on the grid) and spike_times,
     * stamped against the new origin. cur*: the values of the node; zeroMessage: the error for a
     * zero time.
     */
    static Parsed read(NodeBlock b, Status s, String zeroMessage, boolean curPt, boolean curSn, boolean curAo,
            long[] curSt, double[] curOff, double curOriginMs) {
        Parsed p = new Parsed();
        boolean pt = s.b("precise_times", curPt);
        boolean sn = s.b("shift_now_spikes", curSn);
        boolean ao = s.b("allow_offgrid_times", curAo);
        boolean flagsChanged = pt != curPt || sn != curSn || ao != curAo;
        if (pt && (ao || sn)) {
            throw NestException.badProperty("Option precise_times cannot be set to true when either allow_offgrid_times or "
                    + "shift_now_spikes is set to true.");
        }
        boolean newTimes = s.has("spike_times");
        if (flagsChanged && !(newTimes || curSt.length == 0)) {
            throw NestException.badProperty(
                    "Options can only be set together with spike times or if no spike times have been set.");
        }
        // origin first, so that shift_now_spikes compares against the new origin
        double originMs = curOriginMs;
        if (s.has("origin")) {
            double o = s.d("origin", originMs);
            if (!b.kernel.time.isGridTime(o)) {
                throw NestException.badProperty("origin must be a multiple of the simulation resolution.");
            }
            originMs = o;
        }
        long[] st = curSt;
        double[] off = curOff;
        if (newTimes) {
            double[] t = s.da("spike_times", new double[0]);
            st = new long[t.length];
            off = pt ? new double[t.length] : new double[0];
            stampTimes(b, zeroMessage, t, pt, ao, sn, b.kernel.time.msToSteps(originMs), st, off);
        }
        p.pt = pt;
        p.sn = sn;
        p.ao = ao;
        p.newTimes = newTimes;
        p.st = st;
        p.off = off;
        return p;
    }

    /** spike_multiplicities: as many as spike times, or none. */
    static long[] readMultiplicities(Status s, long[] cur, int nTimes) {
        long[] mul = cur;
        if (s.has("spike_multiplicities")) {
            long[] m = s.la("spike_multiplicities", new long[0]);
            if (m.length != 0 && m.length != nTimes) {
                throw NestException.badProperty("spike_multiplicities must have the same number of elements as "
                        + "spike_times or 0 elements to clear the property.");
            }
            mul = m;
        }
        return mul;
    }

    /**
     * spike_generator's assert_valid_spike_time_and_insert_ for all times t (sorted, non-zero unless
     * shift_now_spikes): their grid stamps into st and, with precise_times, the offsets into off.
     * spike_train_injector differs only in its message for a zero time.
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

}
