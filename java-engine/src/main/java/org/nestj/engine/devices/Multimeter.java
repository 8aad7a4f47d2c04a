package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnectionManager;
import org.nestj.engine.kernel.DataLogger;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RecordingManager;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * multimeter (and voltmeter, a multimeter recording V_m) — samples the recordables named in
 * record_from every {@code interval} ms, at times offset + k * interval (NEST 3.9
 * models/multimeter.{h,cpp} with nestkernel/universal_data_logger). Samples of a slice arrive at
 * the beginning of the next slice, so the last slice of a Simulate call reaches the multimeter
 * only when simulation continues, as in NEST.
 */
public final class Multimeter extends RecordingDevice implements ConnectionManager.DataRequester, RecordingManager.Sampler {
    @PerNode public double[] interval, offset;
    @PerNode public String[][] recordFrom;
    boolean[] hasTargets;

    public Multimeter(int n, String[] defaultRecordFrom) {
        super(n);
        interval = fill(n, 1.0);
        offset = fill(n, 0.0);
        recordFrom = new String[n][];
        for (int i = 0; i < n; i++) {
            recordFrom[i] = defaultRecordFrom.clone();
            store[i].setColumns(defaultRecordFrom);
        }
    }

    @Override
    public Multimeter make(int n) {
        return new Multimeter(n, new String[0]);
    }

    @Override
    public void created() {
        super.created();
        hasTargets = new boolean[n];
        for (int i = 0; i < n; i++) store[i].setColumns(recordFrom[i]);
    }

    @Override
    public Emits emits() {
        return Emits.DATA_REQUEST;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getRec(i, d);
        d.put("interval", interval[i]);
        d.put("offset", offset[i]);
        d.put("record_from", recordFrom[i].clone());
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean connected = hasTargets != null && hasTargets[i];
        if (connected && (s.has("interval") || s.has("offset") || s.has("record_from"))) {
            throw badProperty("The recording interval, the interval offset and the list of properties to record "
                    + "cannot be changed after the multimeter has been connected to nodes.");
        }
        // multimeter::Parameters_::set: a time below one step is refused, otherwise it is rounded up
        // to whole steps (Time::get_steps), so it is always a multiple of the resolution
        final long res = kernel.time.ticsPerStep();
        double iv = interval[i];
        if (s.has("interval")) {
            double v = s.d("interval", iv);
            if (Time.msToTics(v) < res) {
                throw badProperty("The sampling interval must be at least as long as the simulation resolution.");
            }
            iv = kernel.time.stepsToMs(kernel.time.msToSteps(v));
        }
        double of = offset[i];
        if (s.has("offset")) {
            double v = s.d("offset", of);
            if (v != 0 && Time.msToTics(v) < res) {
                throw badProperty("The offset for the sampling interval must be at least as long as the simulation resolution.");
            }
            of = kernel.time.stepsToMs(kernel.time.msToSteps(v));
        }
        if (s.has("record_from") && !(s.raw("record_from") instanceof java.util.List
                || s.raw("record_from") != null && s.raw("record_from").getClass().isArray())) {
            // getValue< ArrayDatum >: a single name is no array
            throw Status.typeMismatch(Status.ARRAY, s.raw("record_from"));
        }
        String[] rf = s.sa("record_from", recordFrom[i]);
        setRec(i, s);
        interval[i] = iv;
        offset[i] = of;
        if (rf != recordFrom[i]) {
            recordFrom[i] = rf;
            store[i].setColumns(rf);
        }
    }

    @Override
    protected String[] valueNames(int i) {
        return recordFrom[i];
    }

    @Override
    public void attach(int i, NodeBlock target, int ti) {
        String[] rec = target.recordables();
        int[] vars = new int[recordFrom[i].length];
        for (int j = 0; j < vars.length; j++) {
            int v = -1;
            for (int q = 0; q < rec.length; q++) {
                if (rec[q].equals(recordFrom[i][j])) v = q;
            }
            if (v < 0) {
                // NEST's UniversalDataLogger::DataLogger_::init
                throw NestException.cannotConnect("Cannot connect with unknown recordable " + recordFrom[i][j]);
            }
            vars[j] = v;
        }
        hasTargets[i] = true;
        kernel.recording.attach(this, i, target, ti, vars, kernel.time.msToSteps(interval[i]),
                kernel.time.msToSteps(offset[i]));
    }

    @Override
    public void collect(DataLogger.Target t, long[] stamps, double[] values, int count, long senderGid) {
        int i = indexOfSamplerNode(t);
        int nv = recordFrom[i].length;
        for (int k = 0; k < count; k++) {
            if (!isActive(i, stamps[k])) continue;
            write(i, senderGid, stamps[k], values, k * nv, nv);
        }
    }

    private int indexOfSamplerNode(DataLogger.Target t) {
        return t.samplerIndex;
    }

    /** NEST's multimeter::sends_signal. */
    @Override
    public int sendsSignal() {
        return SIGNAL_ALL;
    }
}
