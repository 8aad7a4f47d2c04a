package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * What step_current_generator and step_rate_generator share (NEST 3.9 models/step_*_generator.cpp):
 * the schedule amplitude_times / amplitude_values with allow_offgrid_times, its validation
 * (Parameters_::validate_time_: strictly positive, strictly increasing steps, on the grid unless
 * off-grid times are allowed, which round up to the end of their step), the read position and the
 * one recordable (I or rate: the amplitude sent in a step, 0 while inactive).
 */
abstract class StepScheduleDevice extends StimulationDevice {
    @PerNode public long[][] stamps;
    @PerNode public double[][] values;
    @PerNode public boolean[] allowOffgrid;
    @PerNode public int[] idx;
    @PerNode public double[] amp;
    /** the recordable: the amplitude sent in the step, 0 while inactive */
    @PerNode public double[] level;
    private final String[] rec;

    StepScheduleDevice(int n, String recordable) {
        super(n, true);
        rec = new String[] {recordable};
        stamps = new long[n][];
        values = new double[n][];
        for (int i = 0; i < n; i++) {
            stamps[i] = new long[0];
            values[i] = new double[0];
        }
        allowOffgrid = fillB(n, false);
        idx = fillI(n, 0);
        amp = fill(n, 0.0);
        level = fill(n, 0.0);
    }

    @Override
    public String[] recordables() {
        return rec;
    }

    @Override
    public double recordable(int var, int i) {
        return level[i];
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
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
            throw badProperty(model.typeId + ": Time point " + cppDouble(t)
                    + " is not representable in current resolution.");
        }
        if (st <= prevSteps) {
            throw badProperty(model.typeId + ": amplitude times must be at strictly increasing time steps.");
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

    @Override
    public void initBuffers(int ringLen) {
        if (buffersInitialised) return;
        for (int i = 0; i < n; i++) {
            idx[i] = 0;
            amp[i] = 0.0;
        }
    }
}
