package org.nestj.engine.devices;

import java.util.Map;

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
        d.put("spike_times", SpikeTrainTimes.timesMs(this, stamps[i], offsets[i], precise[i]));
        d.put("spike_weights", weights[i].clone());
        d.put("spike_multiplicities", multiplicities[i].clone());
        SpikeTrainTimes.putFlags(d, precise[i], allowOffgrid[i], shiftNow[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        SpikeTrainTimes.Parsed p = SpikeTrainTimes.read(this, s, "spike time cannot be set to 0.", precise[i], shiftNow[i],
                allowOffgrid[i], stamps[i], offsets[i], origin[i]);
        double[] wts = weights[i];
        if (s.has("spike_weights")) {
            double[] w = s.da("spike_weights", new double[0]);
            if (w.length != 0 && w.length != p.st.length) {
                throw badProperty("spike_weights must have the same number of elements as spike_times, or 0 elements to clear the property.");
            }
            wts = w;
        }
        long[] mul = SpikeTrainTimes.readMultiplicities(s, multiplicities[i], p.st.length);
        boolean resetPos = p.newTimes || s.has("spike_weights") || s.has("spike_multiplicities") || s.has("origin");
        setStim(i, s);
        precise[i] = p.pt;
        shiftNow[i] = p.sn;
        allowOffgrid[i] = p.ao;
        stamps[i] = p.st;
        offsets[i] = p.off;
        weights[i] = wts;
        multiplicities[i] = mul;
        if (resetPos) position[i] = 0;
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
        sendSpike(c, k, tb, ti, emitStep, w, e.mult[j], i, e.offset[j]);
    }

    /** NEST's spike_generator::sends_signal. */
    @Override
    public int sendsSignal() {
        return SIGNAL_ALL;
    }
}
