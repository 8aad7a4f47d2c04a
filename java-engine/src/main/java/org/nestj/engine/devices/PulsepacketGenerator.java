package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * pulsepacket_generator — Gaussian pulse packets: around each of pulse_times, {@code activity}
 * spikes with times drawn from N(pulse_time, sdev²) (NEST 3.9 models/pulsepacket_generator.{h,cpp}).
 * The spikes of a packet are drawn, from the generator's own random stream, once its centre comes
 * within sdev * sdev_tolerance (10) of the current slice (1 ms if sdev = 0); spikes before the
 * slice are dropped; all targets receive the same train, spikes in the same step merged into one
 * event with multiplicity. NEST classifies this model as a current generator, so its activity
 * window is shifted like theirs, and activity is checked at the start of the slice.
 */
public final class PulsepacketGenerator extends StimulationDevice {
    private static final double SDEV_TOLERANCE = 10.0;
    @PerNode public double[][] pulse_times;
    @PerNode public long[] activity;
    @PerNode public double[] sdev;
    /** pending spike steps, sorted: spk[i][head[i] .. tail[i]) */
    long[][] spk;
    int[] head, tail;
    int[] startIdx, stopIdx;
    double[] tolerance;

    public PulsepacketGenerator(int n) {
        super(n, true);
        pulse_times = new double[n][];
        for (int i = 0; i < n; i++) pulse_times[i] = new double[0];
        activity = fillL(n, 0);
        sdev = fill(n, 0.0);
    }

    @Override
    public PulsepacketGenerator make(int n) {
        return new PulsepacketGenerator(n);
    }

    @Override
    public Emits emits() {
        return Emits.SPIKE;
    }

    @Override
    public void created() {
        super.created();
        spk = new long[n][];
        head = new int[n];
        tail = new int[n];
        startIdx = new int[n];
        stopIdx = new int[n];
        tolerance = new double[n];
        for (int i = 0; i < n; i++) spk[i] = new long[16];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("pulse_times", pulse_times[i].clone());
        d.put("activity", activity[i]);
        d.put("sdev", sdev[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean neednew = s.has("activity") || s.has("sdev");
        long a = s.l("activity", activity[i]);
        double sd = s.d("sdev", sdev[i]);
        if (a < 0) throw badProperty("The activity cannot be negative.");
        if (sd < 0) throw badProperty("The standard deviation cannot be negative.");
        double[] pt = pulse_times[i];
        if (s.has("pulse_times")) {
            pt = s.da("pulse_times", pt);
            neednew = true;
        }
        if (neednew) {
            pt = pt.clone();
            java.util.Arrays.sort(pt);
            if (spk != null) {
                head[i] = 0;
                tail[i] = 0;
            }
        }
        setStim(i, s);
        activity[i] = a;
        sdev[i] = sd;
        pulse_times[i] = pt;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        double now = kernel.time.stepsToMs(kernel.sim.timeSteps());
        for (int i = 0; i < n; i++) {
            tolerance[i] = sdev[i] > 0.0 ? sdev[i] * SDEV_TOLERANCE : 1.0;
            double[] pt = pulse_times[i];
            int a = 0, b = 0;
            while (b < pt.length && pt[b] - now <= tolerance[i]) {
                if (Math.abs(pt[b] - now) > tolerance[i]) a++;
                b++;
            }
            startIdx[i] = a;
            stopIdx[i] = b;
        }
    }

    private void push(int i, long step) {
        if (tail[i] == spk[i].length) {
            int live = tail[i] - head[i];
            long[] d = live * 2 > spk[i].length ? new long[spk[i].length * 2] : spk[i];
            System.arraycopy(spk[i], head[i], d, 0, live);
            spk[i] = d;
            head[i] = 0;
            tail[i] = live;
        }
        spk[i][tail[i]++] = step;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        long tpsp = kernel.time.ticsPerStep();
        long originTics = origin * tpsp;
        for (int i = i0; i < i1; i++) {
            double[] pt = pulse_times[i];
            if ((startIdx[i] == pt.length && head[i] == tail[i]) || !isActive(i, origin)) continue;
            while (stopIdx[i] < pt.length
                    && (Time.msToTics(pt[stopIdx[i]]) - originTics) * Time.MS_PER_TIC <= tolerance[i]) {
                stopIdx[i]++;
            }
            if (startIdx[i] < stopIdx[i]) {
                Rng rng = nodeRng(i);
                while (startIdx[i] < stopIdx[i]) {
                    double c = pt[startIdx[i]];
                    for (long q = 0; q < activity[i]; q++) {
                        double x = sdev[i] * rng.normal() + c;
                        long tics = Time.msToTics(x);
                        if (tics >= originTics) push(i, kernel.time.ticsToSteps(tics));
                    }
                    startIdx[i]++;
                }
                java.util.Arrays.sort(spk[i], head[i], tail[i]);
            }
            long[] s = spk[i];
            int mult = 0;
            while (head[i] < tail[i] && s[head[i]] < origin + to) {
                mult++;
                long prev = s[head[i]++];
                if (head[i] == tail[i] || prev != s[head[i]]) {
                    emit(i, (int) (prev - origin), mult, 0, 0, 0);
                    mult = 0;
                }
            }
            if (head[i] == tail[i]) {
                head[i] = 0;
                tail[i] = 0;
            }
        }
    }

    /** NEST's send_test_event sends a plain SpikeEvent: connections with state are accepted. */
    @Override
    public String synapseTestEvent(int i) {
        return "SpikeEvent";
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        sendSpike(c, k, tb, ti, emitStep, c.w[k], e.mult[j], i, 0.0);
    }
}
