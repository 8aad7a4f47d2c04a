package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * NEST's RecordingDevice: records events with stamp t if start < t - origin <= stop (steps),
 * into its recording backend (memory), counting n_events; n_events can be set to 0 to clear.
 */
public abstract class RecordingDevice extends DeviceBlock {
    @PerNode public String[] recordTo;
    @PerNode public boolean[] timeInSteps;
    @PerNode public EventStore[] store;

    protected RecordingDevice(int n) {
        super(n);
        recordTo = new String[n];
        java.util.Arrays.fill(recordTo, "memory");
        timeInSteps = fillB(n, false);
        store = new EventStore[n];
        for (int i = 0; i < n; i++) store[i] = new EventStore();
    }

    @Override
    public int elementType() {
        return ELEMENT_RECORDER;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    protected final boolean isActive(int i, long stamp) {
        return tMin[i] < stamp && stamp <= tMax[i];
    }

    protected boolean withOffsets() {
        return false;
    }

    protected void getRec(int i, Map<String, Object> d) {
        getDevice(i, d);
        d.put("record_to", recordTo[i]);
        d.put("time_in_steps", timeInSteps[i]);
        d.put("n_events", (long) store[i].size());
        d.put("events", store[i].events(kernel.time, timeInSteps[i], withOffsets()));
    }

    protected void setRec(int i, Status s) {
        if (kernel.sim.isPrepared()) {
            throw badProperty("Recorder parameters cannot be changed while inside a Prepare/Run/Cleanup context.");
        }
        String rt = s.s("record_to", recordTo[i]);
        if (!rt.equals("memory")) {
            if (rt.equals("ascii") || rt.equals("screen")) {
                throw badProperty("Recording backend '" + rt + "' is not available in nestj yet; use 'memory'.");
            }
            throw badProperty("Unknown recording backend '" + rt + "'.");
        }
        boolean tis = s.b("time_in_steps", timeInSteps[i]);
        if (s.has("time_in_steps") && tis != timeInSteps[i] && kernel.sim.hasBeenSimulated()) {
            throw badProperty("Property time_in_steps cannot be set after Simulate has been called.");
        }
        if (s.has("n_events")) {
            long ne = s.l("n_events", 0);
            if (ne != 0) throw badProperty("Property n_events can only be set to 0 (which clears all stored events).");
            store[i].clear();
        }
        if (s.has("events")) {
            throw badProperty("Property 'events' is read-only; set n_events to 0 to clear the recorded events.");
        }
        setDevice(i, s);
        recordTo[i] = rt;
        timeInSteps[i] = tis;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        for (EventStore e : store) e.activate();
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
    }
}
