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
    /** NEST's spike_train_injector is a Node with proxies (one instance, on the thread of its id). */
    @Override
    public boolean proxiesInNest() {
        return true;
    }

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
        d.put("spike_times", SpikeTrainTimes.timesMs(this, stamps[i], offsets[i], precise[i]));
        d.put("spike_multiplicities", multiplicities[i].clone());
        SpikeTrainTimes.putFlags(d, precise[i], allowOffgrid[i], shiftNow[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        SpikeTrainTimes.Parsed p = SpikeTrainTimes.read(this, s, "Spike time cannot be set to 0.", precise[i], shiftNow[i],
                allowOffgrid[i], stamps[i], offsets[i], origin[i]);
        long[] mul = SpikeTrainTimes.readMultiplicities(s, multiplicities[i], p.st.length);
        boolean resetPos = p.newTimes || s.has("spike_multiplicities") || s.has("origin");
        setDevice(i, s);
        precise[i] = p.pt;
        shiftNow[i] = p.sn;
        allowOffgrid[i] = p.ao;
        stamps[i] = p.st;
        offsets[i] = p.off;
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

    /**
     * NEST's pre_run_hook: a node with precise_times switches the kernel to off-grid spiking, with
     * NEST's note, at every preparation (the model itself is not off-grid, so add_node does not).
     */
    @Override
    public void calibrate() {
        super.calibrate();
        for (int i = 0; i < n; i++) {
            if (!precise[i]) continue;
            kernel.switchToOffGridSpiking("spike_train_injector::pre_run_hook",
                    "Spike train injector has been configured to emit precisely timed spikes");
        }
    }

    /** NEST's spike_train_injector::is_off_grid: precise_times. */
    @Override
    public boolean isOffGrid(int i) {
        return precise[i];
    }
}
