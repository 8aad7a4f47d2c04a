package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnectionManager;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * spin_detector — records the state transitions of binary neurons (NEST 3.9
 * models/spin_detector.{h,cpp}). Binary neurons signal 0 -> 1 with one spike of multiplicity 2 and
 * 1 -> 0 with multiplicity 1; each event is written with a "state" column (1 or 0). As in NEST, a
 * multiplicity-1 event is held back until the next event or the end of the slice, and turned into an
 * up transition if a second multiplicity-1 event of the same sender and stamp follows (the legacy
 * two-spike encoding).
 */
public final class SpinDetector extends RecordingDevice implements ConnectionManager.SpikeReceiver {
    private static final String[] COLUMNS = {"state"};
    private static final String[] NO_DOUBLES = {};
    private static final double[] NO_VALUES = {};
    long[] lastInGid, tLastIn, lastStamp;
    double[] lastOffset, lastWeight, vals;

    public SpinDetector(int n) {
        super(n);
        // NEST writes the state as a long value: the memory backend gives it as an integer array
        for (int i = 0; i < n; i++) {
            store[i].setColumns(NO_DOUBLES);
            store[i].setLongColumns(COLUMNS);
        }
    }

    @Override
    public SpinDetector make(int n) {
        return new SpinDetector(n);
    }

    @Override
    public void created() {
        super.created();
        lastInGid = new long[n];
        tLastIn = new long[n];
        java.util.Arrays.fill(tLastIn, Long.MIN_VALUE);
        lastStamp = new long[n];
        lastOffset = new double[n];
        lastWeight = new double[n];
        vals = new double[n];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getRec(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        setRec(i, s);
    }

    /** NEST writes the state as long values (integers). */
    @Override
    protected int doubleValues() {
        return 0;
    }

    @Override
    protected String[] valueNames(int i) {
        return COLUMNS;
    }

    private void writeLast(int i) {
        emit(i, lastInGid[i], lastStamp[i], (int) lastWeight[i]);
    }

    /** RecordingDevice::write with no double values and the state as the one long value. */
    private void emit(int i, long sender, long stamp, long st) {
        if (recordTo[i].equals("memory")) {
            nEvents[i]++;
            store[i].add(sender, stamp, NO_VALUES, 0, new long[] {st});
        } else {
            vals[i] = st;
            write(i, sender, stamp, vals, i, 1);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (lastInGid[i] != 0) {
                writeLast(i);
                lastInGid[i] = 0;
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (!isActive(i, stamp)) return;
        if (mult == 1 && senderGid == lastInGid[i] && stamp == tLastIn[i]) lastWeight[i] = 1.0;
        if (lastInGid[i] != 0) writeLast(i);
        if (mult == 2) {
            emit(i, senderGid, stamp, 1);
            lastInGid[i] = 0;
        } else {
            if (lastInGid[i] == 0) {
                lastStamp[i] = stamp;
                lastOffset[i] = offset;
                lastWeight[i] = 0.0;
                lastInGid[i] = senderGid;
                tLastIn[i] = stamp;
            } else {
                lastInGid[i] = 0;
            }
        }
    }

    /** NEST's spin_detector::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_BINARY;
    }
}
