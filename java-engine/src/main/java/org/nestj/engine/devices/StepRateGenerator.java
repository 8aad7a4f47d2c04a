package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * step_rate_generator — piecewise constant rate sent to rate neurons through
 * rate_connection_delayed: from amplitude_times[k] on the rate is amplitude_values[k]
 * (NEST 3.9 models/step_rate_generator.{h,cpp}). Times as for step_current_generator (strictly
 * increasing, positive, on the grid unless allow_offgrid_times); the amplitude switches one step
 * ahead and activity is judged with the current generators' shift of two steps. An update in which
 * the device is active sends a DelayedRateConnectionEvent carrying the rate of every lag (0 where
 * inactive). Recordable: rate.
 */
public final class StepRateGenerator extends StimulationDevice {
    @PerNode public long[][] stamps;
    @PerNode public double[][] values;
    @PerNode public boolean[] allowOffgrid;
    @PerNode public int[] idx;
    @PerNode public double[] amp, rate;

    public StepRateGenerator(int n) {
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
        rate = fill(n, 0.0);
    }

    @Override
    public StepRateGenerator make(int n) {
        return new StepRateGenerator(n);
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public boolean sendsRates() {
        return true;
    }

    @Override
    public boolean sendsRatesLocally() {
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
            throw badProperty("step_rate_generator: Time point " + StepCurrentGenerator.cppDouble(t)
                    + " is not representable in current resolution.");
        }
        if (st <= prevSteps) {
            throw badProperty("step_rate_generator: amplitude times must be at strictly increasing time steps.");
        }
        return st;
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

    private static final String[] REC = {"rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return rate[i];
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
        RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            double[] v = values[i];
            int k = idx[i];
            long first = origin + from;
            while (k < st.length && st[k] <= first) k++;
            int base = -1;
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                rate[i] = 0.0;
                if (k < st.length && now + 1 == st[k]) {
                    amp[i] = v[k];
                    k++;
                }
                if (isActive(i, now)) {
                    rate[i] = amp[i];
                    if (base < 0) base = ro.begin(i);
                    ro.v[base + lag] = amp[i];
                }
                if (rec && recordedBy[i] != null) record(now, i);
            }
            idx[i] = k;
            if (base >= 0) kernel.sim.rates.sendLocal(this, i, origin);
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        // rates travel as secondary events (RateEvents), never as emissions
    }
}
