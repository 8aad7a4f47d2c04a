package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnectionManager;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * What correlation_detector, correlomatrix_detector and correlospinmatrix_detector share: the time
 * parameters delta_tau, tau_max, Tstart, Tstop (NEST Time objects, kept in tics), their status
 * entries and checks (delta_tau a multiple of the resolution, tau_max a multiple of delta_tau), the
 * fallback of a delta_tau off the current grid, and the state reset at the first initBuffers. The
 * histograms, the spike queues and the handling of spikes are the subclasses'.
 */
public abstract class CorrelationDetectorBase extends DeviceBlock implements ConnectionManager.SpikeReceiver {
    /** Time parameters in tics, as NEST's Time objects. */
    @PerNode public long[] deltaTau, tauMax, tStart, tStop;
    // state (not copied from the prototype: NEST's copy constructor starts with a fresh State_)
    boolean[] stateInit;
    /** delta_tau (in steps of the current resolution) a delta_tau off the grid falls back to */
    private final int fallbackSteps;

    protected CorrelationDetectorBase(int n, long deltaTauTics, long tauMaxTics, int fallbackSteps) {
        super(n);
        deltaTau = fillL(n, deltaTauTics);
        tauMax = fillL(n, tauMaxTics);
        tStart = fillL(n, 0);
        tStop = fillL(n, Time.msToTics(Double.POSITIVE_INFINITY));
        stateInit = new boolean[n];
        this.fallbackSteps = fallbackSteps;
    }

    @Override
    public int elementType() {
        return ELEMENT_RECORDER;
    }

    /** NEST's correlation detectors are Nodes with proxies (one instance, on the thread of their id). */
    @Override
    public boolean proxiesInNest() {
        return true;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public void created() {
        // NEST's Parameters_ copy: a delta_tau off the current grid falls back to its default
        long tps = kernel.time.ticsPerStep();
        for (int i = 0; i < n; i++) {
            if (deltaTau[i] % tps != 0) deltaTau[i] = fallbackSteps * tps;
        }
    }

    /**
     * NEST's calibrate_time of the correlation detectors: delta_tau keeps its time in ms if that is
     * a whole number of the new steps, else it becomes its default (fallback steps of the new
     * resolution); tau_max, Tstart and Tstop keep their times in ms (in the new tics).
     */
    @Override
    public void calibrateTime(double oldTicsPerMs) {
        long tps = kernel.time.ticsPerStep();
        for (int i = 0; i < n; i++) {
            // NEST's Time::is_step of the old tic count, against the new tics per step
            if (deltaTau[i] % tps == 0) {
                deltaTau[i] = fromOldTics(deltaTau[i], oldTicsPerMs);
            } else {
                final double old = deltaTau[i] / oldTicsPerMs;
                deltaTau[i] = fallbackSteps * tps;
                logDefaultChanged("delta_tau", old, ticsMs(deltaTau[i]));
            }
            tauMax[i] = fromOldTics(tauMax[i], oldTicsPerMs);
            tStart[i] = fromOldTics(tStart[i], oldTicsPerMs);
            tStop[i] = fromOldTics(tStop[i], oldTicsPerMs);
        }
    }

    /** TimeConverter::from_old_tics: the time in ms of old tics, in the current tics (infinities stay). */
    static long fromOldTics(long tics, double oldTicsPerMs) {
        if (tics >= Long.MAX_VALUE / 4 || tics <= Long.MIN_VALUE / 4) return tics;
        return Time.msToTics(tics / oldTicsPerMs);
    }

    static double ticsMs(long tics) {
        if (tics >= Long.MAX_VALUE / 4) return Double.MAX_VALUE;
        if (tics <= Long.MIN_VALUE / 4) return -Double.MAX_VALUE;
        return tics * Time.MS_PER_TIC;
    }

    /** Time::operator<< : "x ms (= n tics = k steps)". */
    String timeStr(long tics) {
        if (tics >= Long.MAX_VALUE / 4) return "+INF";
        if (tics <= Long.MIN_VALUE / 4) return "-INF";
        long st = kernel.time.ticsToSteps(tics);
        return StepScheduleDevice.cppDouble(tics * Time.MS_PER_TIC) + " ms (= " + tics + " tics = " + st
                + (st != 1 ? " steps)" : " step)");
    }

    /** origin, start, stop, delta_tau, tau_max, Tstart, Tstop, in this order. */
    final void putTimes(int i, Map<String, Object> d) {
        d.put("origin", reportMs(origin[i]));
        d.put("start", reportMs(start[i]));
        d.put("stop", reportMs(stop[i]));
        d.put("delta_tau", ticsMs(deltaTau[i]));
        d.put("tau_max", ticsMs(tauMax[i]));
        d.put("Tstart", ticsMs(tStart[i]));
        d.put("Tstop", ticsMs(tStop[i]));
    }

    /** The time parameters of one SetStatus call, before they are checked and stored. */
    static final class Times {
        long dt, tm, ta, tb;
        /** whether any of them was given (NEST then resets the state) */
        boolean given;
    }

    /**
     * Reads delta_tau, tau_max, Tstart, Tstop (in this order) over the values of node i; with
     * nonNegative a negative value is refused right after it is read (correlospinmatrix_detector).
     */
    final Times readTimes(int i, Status s, boolean nonNegative) {
        Times t = new Times();
        t.dt = deltaTau[i];
        t.tm = tauMax[i];
        t.ta = tStart[i];
        t.tb = tStop[i];
        if (s.has("delta_tau")) {
            double v = s.d("delta_tau", 0);
            t.dt = Time.msToTics(v);
            t.given = true;
            if (nonNegative && v < 0) throw badProperty("/delta_tau must not be negative.");
        }
        if (s.has("tau_max")) {
            double v = s.d("tau_max", 0);
            t.tm = Time.msToTics(v);
            t.given = true;
            if (nonNegative && v < 0) throw badProperty("/tau_max must not be negative.");
        }
        if (s.has("Tstart")) {
            double v = s.d("Tstart", 0);
            t.ta = Time.msToTics(v);
            t.given = true;
            if (nonNegative && v < 0) throw badProperty("/Tstart must not be negative.");
        }
        if (s.has("Tstop")) {
            double v = s.d("Tstop", 0);
            t.tb = Time.msToTics(v);
            t.given = true;
            if (nonNegative && v < 0) throw badProperty("/Tstop must not be negative.");
        }
        return t;
    }

    /** delta_tau must be a finite multiple of the resolution, tau_max a multiple of delta_tau. */
    final void checkTimes(Times t) {
        long tps = kernel.time.ticsPerStep();
        if (t.dt % tps != 0 || kernel.time.isInfTics(t.dt)) {
            throw new NestException("StepMultipleRequired", "The time property delta_tau = " + timeStr(t.dt)
                    + " of model " + model.name + " must be a multiple of the resolution " + timeStr(tps) + ".");
        }
        if (t.dt == 0 || t.tm % t.dt != 0) {
            throw new NestException("TimeMultipleRequired", "In model " + model.name + ", the time property tau_max = "
                    + timeStr(t.tm) + " must be multiple of time property delta_tau = " + timeStr(t.dt) + ".");
        }
    }

    final void storeTimes(int i, Times t) {
        deltaTau[i] = t.dt;
        tauMax[i] = t.tm;
        tStart[i] = t.ta;
        tStop[i] = t.tb;
    }

    // ---- for correlomatrix_detector and correlospinmatrix_detector (N_channels receptor ports)

    /** N_channels after s (cur if not given); it must be at least 1. */
    final long readNChannels(Status s, long cur) {
        if (!s.has("N_channels")) return cur;
        long v = s.l("N_channels", cur);
        if (v < 1) throw badProperty("/N_channels can only be larger than zero.");
        return v;
    }

    /** The receptor check without a node index: ports 0 .. (largest N_channels of the block) - 1. */
    final int checkChannelPort(int rport, long[] nChannels) {
        long nc = 1;
        for (long v : nChannels) nc = Math.max(nc, v);
        if (rport < 0 || rport > nc - 1) throw unknownReceptor(rport, "SpikeEvent");
        return rport;
    }

    /** A copy of a channel x channel x bin histogram, for the status dictionary. */
    static long[][][] copyMatrix(long[][][] m) {
        long[][][] r = new long[m.length][][];
        for (int a = 0; a < m.length; a++) {
            r[a] = new long[m[a].length][];
            for (int b = 0; b < r[a].length; b++) r[a][b] = m[a][b].clone();
        }
        return r;
    }

    static double[][][] copyMatrix(double[][][] m) {
        double[][][] r = new double[m.length][][];
        for (int a = 0; a < m.length; a++) {
            r[a] = new double[m[a].length][];
            for (int b = 0; b < r[a].length; b++) r[a][b] = m[a][b].clone();
        }
        return r;
    }

    /** NEST's State_::reset with the current parameters of node i (histograms sized to them). */
    abstract void initState(int i);

    @Override
    public void initBuffers(int ringLen) {
        for (int i = 0; i < n; i++) {
            if (stateInit[i]) continue;
            stateInit[i] = true;
            initState(i);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
    }
}
