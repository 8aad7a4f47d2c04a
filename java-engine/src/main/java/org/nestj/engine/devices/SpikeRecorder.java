package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnectionManager;
import org.nestj.engine.kernel.Status;

/**
 * spike_recorder — records the sender and time of every spike it receives, once per
 * multiplicity (NEST 3.9 models/spike_recorder.{h,cpp}). Precise offsets are kept.
 */
public final class SpikeRecorder extends RecordingDevice implements ConnectionManager.SpikeReceiver {
    public SpikeRecorder(int n) {
        super(n);
    }

    @Override
    public SpikeRecorder make(int n) {
        return new SpikeRecorder(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getRec(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        setRec(i, s);
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (!isActive(i, stamp)) return;
        for (int m = 0; m < mult; m++) write(i, senderGid, stamp, offset);
    }

    /** NEST's spike_recorder::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_ALL;
    }
}
