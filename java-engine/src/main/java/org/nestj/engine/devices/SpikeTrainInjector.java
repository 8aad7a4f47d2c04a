package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * spike_train_injector — emits spikes at given times like spike_generator, but is a neuron-like
 * node with proxies: its spikes travel through the normal spike exchange, so it can be used with
 * plastic synapses and across threads (NEST 3.9 models/spike_train_injector.{h,cpp}). Times must lie
 * on the grid unless allow_offgrid_times (rounded up) or precise_times (grid stamp plus offset);
 * shift_now_spikes moves a spike at the current time one step on. Optional spike_multiplicities
 * (no spike_weights). A spike at t is sent in the step ending at origin + t if start < t <= stop
 * (no shift of the activity window).
 */
public final class SpikeTrainInjector extends DeviceBlock {
    @PerNode public long[][] stamps;
    @PerNode public double[][] offsets;
    @PerNode public long[][] multiplicities;
    @PerNode public boolean[] precise, allowOffgrid, shiftNow;
    @PerNode public int[] position;

    public SpikeTrainInjector(int n) {
        super(n);
        stamps = new long[n][];
        offsets = new double[n][];
        multiplicities = new long[n][];
        for (int i = 0; i < n; i++) {
            stamps[i] = new long[0];
            offsets[i] = new double[0];
            multiplicities[i] = new long[0];
        }
        precise = fillB(n, false);
        allowOffgrid = fillB(n, false);
        shiftNow = fillB(n, false);
        position = fillI(n, 0);
    }

    @Override
    public SpikeTrainInjector make(int n) {
        return new SpikeTrainInjector(n);
    }

    @Override
    public int elementType() {
        return ELEMENT_NEURON;
    }

    @Override
    public Emits emits() {
        return Emits.SPIKE;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("origin", reportMs(origin[i]));
        d.put("start", reportMs(start[i]));
        d.put("stop", reportMs(stop[i]));
        long[] st = stamps[i];
        double[] times = new double[st.length];
        for (int k = 0; k < st.length; k++) {
            times[k] = kernel.time.stepsToMs(st[k]);
            if (precise[i]) times[k] -= offsets[i][k];
        }
        d.put("spike_times", times);
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
            SpikeGenerator.stampTimes(this, "Spike time cannot be set to 0.", t, pt, ao, sn, kernel.time.msToSteps(originMs), st,
                    off);
        }
        long[] mul = multiplicities[i];
        if (s.has("spike_multiplicities")) {
            long[] m = s.la("spike_multiplicities", new long[0]);
            if (m.length != 0 && m.length != st.length) {
                throw badProperty("spike_multiplicities must have the same number of elements as spike_times or 0 "
                        + "elements to clear the property.");
            }
            mul = m;
        }
        boolean resetPos = newTimes || s.has("spike_multiplicities") || s.has("origin");
        setDevice(i, s);
        precise[i] = pt;
        shiftNow[i] = sn;
        allowOffgrid[i] = ao;
        stamps[i] = st;
        offsets[i] = off;
        multiplicities[i] = mul;
        if (resetPos) position[i] = 0;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            if (st.length == 0) continue;
            if (frozen != null && frozen[i]) continue;
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
                if (tMin[i] < next && next <= tMax[i]) {
                    int mult = multiplicities[i].length > 0 ? (int) multiplicities[i][pos] : 1;
                    double off = precise[i] ? offsets[i][pos] : 0.0;
                    out.spike(gid(i), (int) (next - origin) - 1, mult, off);
                }
                pos++;
            }
            position[i] = pos;
        }
    }
}
