package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * step_current_generator — piecewise constant current: from amplitude_times[k] on the current is
 * amplitude_values[k] (pA) (NEST 3.9 models/step_current_generator.{h,cpp}). Times must be strictly
 * increasing, positive and on the grid, unless allow_offgrid_times (rounded up to the end of their
 * step, Time::ms_stamp). Like every current generator, the amplitude is switched one step ahead:
 * in the update of step s the value of the time stamp s+1 takes effect. Recordable: I.
 */
public final class StepCurrentGenerator extends StimulationDevice {
    @PerNode public long[][] stamps;
    @PerNode public double[][] values;
    @PerNode public boolean[] allowOffgrid;
    @PerNode public int[] idx;
    @PerNode public double[] amp, I;

    public StepCurrentGenerator(int n) {
        super(n, true);
        stamps = new long[n][];
        values = new double[n][];
        for (int i = 0; i < n; i++) {
            stamps[i] = new long[0];
            values[i] = new double[0];
        }
        allowOffgrid = fillB(n, false);
        idx = fillI(n, 0);
        amp = fill(n, 0.0);
        I = fill(n, 0.0);
    }

    @Override
    public StepCurrentGenerator make(int n) {
        return new StepCurrentGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        long[] st = stamps[i];
        double[] t = new double[st.length];
        for (int k = 0; k < st.length; k++) t[k] = kernel.time.stepsToMs(st[k]);
        d.put("amplitude_times", t);
        d.put("amplitude_values", values[i].clone());
        d.put("allow_offgrid_times", allowOffgrid[i]);
        getStim(i, d);
    }

    /** Parameters_::validate_time_: the grid stamp (steps) of amplitude time t. */
    private long validateTime(double t, long prevSteps, boolean offgrid) {
        if (t <= 0.0) {
            throw badProperty("Amplitude can only be changed at strictly positive times (t > 0).");
        }
        long st;
        if (kernel.time.isGridTime(t)) {
            st = kernel.time.msToSteps(t);
        } else if (offgrid) {
            st = kernel.time.msStampToSteps(t);
        } else {
            throw badProperty("step_current_generator: Time point " + cppDouble(t)
                    + " is not representable in current resolution.");
        }
        if (st <= prevSteps) {
            throw badProperty("step_current_generator: amplitude times must be at strictly increasing time steps.");
        }
        return st;
    }

    /** A double as C++'s default ostream prints it (6 significant digits, %g). */
    static String cppDouble(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int ex = Integer.parseInt(p[1]);
            return m + "e" + (ex < 0 ? "-" : "+") + (Math.abs(ex) < 10 ? "0" : "") + Math.abs(ex);
        }
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean timesChanged = s.has("amplitude_times");
        double[] newTimes = s.da("amplitude_times", null);
        boolean valuesChanged = s.has("amplitude_values");
        double[] vals = s.da("amplitude_values", values[i]);
        boolean offChanged = s.has("allow_offgrid_times");
        boolean off = s.b("allow_offgrid_times", allowOffgrid[i]);
        if (timesChanged ^ valuesChanged) {
            throw badProperty("Amplitude times and values must be reset together.");
        }
        if (offChanged && !(timesChanged || stamps[i].length == 0)) {
            throw badProperty("allow_offgrid_times can only be changed before amplitude_times have been set, "
                    + "or together with amplitude_times and amplitude_values.");
        }
        int size = timesChanged ? newTimes.length : stamps[i].length;
        if (size != vals.length) {
            throw badProperty("Amplitude times and values have to be the same size.");
        }
        long[] st = stamps[i];
        if (timesChanged) {
            st = new long[size];
            long prev = 0;
            for (int k = 0; k < size; k++) {
                st[k] = validateTime(newTimes[k], prev, off);
                prev = st[k];
            }
        }
        if (timesChanged || valuesChanged) idx[i] = 0;
        setStim(i, s);
        stamps[i] = st;
        values[i] = vals;
        allowOffgrid[i] = off;
    }

    private static final String[] REC = {"I"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return I[i];
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }

    @Override
    public void initBuffers(int ringLen) {
        if (buffersInitialised) return;
        for (int i = 0; i < n; i++) {
            idx[i] = 0;
            amp[i] = 0.0;
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            double[] v = values[i];
            int k = idx[i];
            long first = origin + from;
            while (k < st.length && st[k] <= first) k++;
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                I[i] = 0.0;
                if (k < st.length && now + 1 == st[k]) {
                    amp[i] = v[k];
                    k++;
                }
                if (isActive(i, now)) {
                    I[i] = amp[i];
                    emit(i, lag, 1, amp[i], 0, 0);
                }
                if (rec && recordedBy[i] != null) record(now, i);
            }
            idx[i] = k;
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        tb.handleCurrent(ti, emitStep + c.delay[k], c.w[k] * e.val[j], c.rport[k]);
    }
}
