package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * noise_generator — Gaussian white noise current, a new independent amplitude per target every dt
 * ms: I = mean + sqrt(std² + std_mod² sin(omega t + phi)) N(0,1) (NEST 3.9
 * models/noise_generator.{h,cpp}). Recordable: I (the average over targets).
 */
public final class NoiseGenerator extends SineRotationDevice {
    @PerNode public double[] mean, std, std_mod, dt, I_avg;
    @PerNode public long[] nextStep;
    double[][] amps;
    // amplitudes drawn in this slice, in order; emissions refer to them by index
    double[][][] ampHist;
    int[] ampHistCount;
    long[] dtSteps;

    public NoiseGenerator(int n) {
        super(n, true);
        mean = fill(n, 0.0);
        std = fill(n, 0.0);
        std_mod = fill(n, 0.0);
        dt = fill(n, 1.0);
        I_avg = fill(n, 0.0);
        nextStep = fillL(n, 0);
    }

    /**
     * NEST's calibrate_time (a change of the resolution, on the models' prototypes): a dt that is a
     * multiple of the new step stays, any other becomes the default, ten steps, with NEST's message.
     */
    @Override
    public void calibrateTime(double oldTicsPerMs) {
        final long tps = kernel.time.ticsPerStep();
        for (int i = 0; i < n; i++) {
            final long tics = Math.round(dt[i] * oldTicsPerMs);
            if (tics > 0 && tics % tps == 0) continue;
            final double old = dt[i];
            dt[i] = 10 * kernel.time.resolution();
            logDefaultChanged("dt", old, dt[i]);
        }
    }

    /** NEST's send_test_event gives the synapse's test node a DSCurrentEvent (one draw per target). */
    @Override
    public String synapseTestEvent(int i) {
        return "DSCurrentEvent";
    }

    @Override
    public NoiseGenerator make(int n) {
        return new NoiseGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getStim(i, d);
        d.put("mean", mean[i]);
        d.put("std", std[i]);
        d.put("std_mod", std_mod[i]);
        d.put("frequency", frequency[i]);
        d.put("phase", phase[i]);
        d.put("dt", dt[i]);
        d.put("y_0", y_0[i]);
        d.put("y_1", y_1[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double m = s.d("mean", mean[i]);
        double sd = s.d("std", std[i]);
        double sm = s.d("std_mod", std_mod[i]);
        double f = s.d("frequency", frequency[i]);
        double ph = s.d("phase", phase[i]);
        double d = s.d("dt", dt[i]);
        if (sd < 0) throw badProperty("The standard deviation cannot be negative.");
        if (sm < 0) throw badProperty("The standard deviation cannot be negative.");
        if (sm > sd) throw badProperty("The modulation apmlitude must be smaller or equal to the baseline amplitude.");
        if (s.has("dt") && !kernel.time.isGridTime(d)) {
            throw new NestException("StepMultipleRequired", "The value " + d + " for parameter dt of model "
                    + model.name + " must be a multiple of the resolution " + kernel.time.resolution() + ".");
        }
        y_0[i] = s.d("y_0", y_0[i]);
        y_1[i] = s.d("y_1", y_1[i]);
        setStim(i, s);
        mean[i] = m; std[i] = sd; std_mod[i] = sm; frequency[i] = f; phase[i] = ph; dt[i] = d;
    }

    @Override
    public double recordable(int var, int i) {
        return I_avg[i];
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (amps == null) {
            amps = new double[n][];
            ampHist = new double[n][][];
            ampHistCount = new int[n];
        }
        dtSteps = new long[n];
        for (int i = 0; i < n; i++) {
            int nt = kernel.nodes.numTargets(this, i);
            if (amps[i] == null || amps[i].length != nt) {
                if (amps[i] != null) {
                    org.nestj.engine.Log.info("noise_generator::pre_run_hook()",
                            "The number of targets has changed, drawing new amplitudes.");
                }
                amps[i] = new double[nt];
                nextStep[i] = 0;
                ampHist[i] = new double[4][];
            }
            dtSteps[i] = kernel.time.msToSteps(dt[i]);
        }
        startRotation(null);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                I_avg[i] = 0.0;
                if (!isActive(i, now)) {
                    if (rec && recordedBy[i] != null) record(now, i);
                    continue;
                }
                if (std_mod[i] != 0.) {
                    double y0 = y_0[i];
                    y_0[i] = A00[i] * y0 + A01[i] * y_1[i];
                    y_1[i] = A10[i] * y0 + A11[i] * y_1[i];
                }
                double[] a = amps[i];
                if (now >= nextStep[i]) {
                    double sdev = Math.sqrt(std[i] * std[i] + y_1[i] * std_mod[i] * std_mod[i]);
                    for (int k = 0; k < a.length; k++) a[k] = mean[i] + sdev * nodeRng(i).normal();
                    nextStep[i] = now + dtSteps[i];
                    // snapshot for delivery
                    int hc = ampHistCount[i];
                    if (hc == ampHist[i].length) ampHist[i] = java.util.Arrays.copyOf(ampHist[i], hc * 2);
                    if (ampHist[i][hc] == null || ampHist[i][hc].length != a.length) ampHist[i][hc] = new double[a.length];
                    System.arraycopy(a, 0, ampHist[i][hc], 0, a.length);
                    ampHistCount[i] = hc + 1;
                }
                double sum = 0;
                for (double v : a) sum += v;
                I_avg[i] = sum / Math.max(1, a.length);
                if (rec && recordedBy[i] != null) record(now, i);
                int ref = ampHistCount[i] - 1;
                if (ref < 0) {
                    // amplitudes from an earlier slice are still valid: snapshot them once
                    if (ampHist[i][0] == null || ampHist[i][0].length != a.length) ampHist[i][0] = new double[a.length];
                    System.arraycopy(a, 0, ampHist[i][0], 0, a.length);
                    ampHistCount[i] = 1;
                    ref = 0;
                }
                emit(i, lag, 1, 0, 0, ref);
            }
        }
    }

    @Override
    public void clearEmissions() {
        super.clearEmissions();
        if (ampHistCount != null) java.util.Arrays.fill(ampHistCount, 0);
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        double amp = ampHist[i][e.ref[j]][c.port[k]];
        tb.handleCurrent(ti, emitStep + c.delay[k], c.w[k] * amp, c.rport[k]);
    }

    /** NEST's noise_generator::sends_signal. */
    @Override
    public int sendsSignal() {
        return SIGNAL_ALL;
    }

    /** NEST's noise_generator::handles_test_event(DataLoggingRequest&): recording needs a single thread. */
    @Override
    public void checkDataLoggingRequest() {
        if (kernel.parallel.threads() > 1) {
            throw NestException.kernel("Recording from a noise_generator is only possible in single-threaded mode.");
        }
    }
}
