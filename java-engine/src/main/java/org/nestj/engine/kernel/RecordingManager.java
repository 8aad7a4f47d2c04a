package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * NEST's IOManager for sampled data: the multimeters and their attached targets. At the beginning
 * of each slice (except the first) every multimeter, in node order, collects its targets' samples
 * of the previous slice, target by target in connection order.
 */
public final class RecordingManager {
    /** A device that receives samples. */
    public interface Sampler {
        void collect(DataLogger.Target t, long[] stamps, double[] values, int count, long senderGid);
    }

    private final List<Object[]> samplers = new ArrayList<>(); // {Sampler, Integer node, List<Target>}

    /** A device writing through a recording backend that holds files. */
    public interface FileDevice {
        void openFiles();

        void flushFiles();

        void closeFiles();
    }

    private final List<FileDevice> fileDevices = new ArrayList<>();

    void reset() {
        closeAll();
        samplers.clear();
        fileDevices.clear();
    }

    public void register(FileDevice d) {
        fileDevices.add(d);
    }

    void openAll() {
        for (FileDevice d : fileDevices) d.openFiles();
    }

    void flushAll() {
        for (FileDevice d : fileDevices) d.flushFiles();
    }

    void closeAll() {
        for (FileDevice d : fileDevices) {
            try {
                d.closeFiles();
            } catch (RuntimeException e) {
                // closing after an error must not hide the error
            }
        }
    }

    @SuppressWarnings("unchecked")
    public DataLogger.Target attach(Sampler s, int node, NodeBlock target, int ti, int[] vars, long intervalSteps,
            long offsetSteps) {
        List<DataLogger.Target> list = null;
        for (Object[] o : samplers) {
            if (o[0] == s && (Integer) o[1] == node) {
                list = (List<DataLogger.Target>) o[2];
                break;
            }
        }
        if (list == null) {
            list = new ArrayList<>();
            samplers.add(new Object[] {s, node, list});
            // keep node order of samplers (by gid)
            samplers.sort((a, b) -> Long.compare(gidOf(a), gidOf(b)));
        }
        DataLogger.Target t = new DataLogger.Target(target, ti, vars, intervalSteps, offsetSteps);
        t.samplerIndex = node;
        t.sampler = s;
        list.add(t);
        if (target.recordedBy == null) target.recordedBy = new DataLogger.Target[target.n][];
        DataLogger.Target[] old = target.recordedBy[ti];
        DataLogger.Target[] neu = old == null ? new DataLogger.Target[1] : java.util.Arrays.copyOf(old, old.length + 1);
        neu[neu.length - 1] = t;
        target.recordedBy[ti] = neu;
        return t;
    }

    private static long gidOf(Object[] o) {
        return ((NodeBlock) o[0]).gid((Integer) o[1]);
    }

    @SuppressWarnings("unchecked")
    /** true if some multimeter-like device collects samples at the start of every slice */
    boolean hasSamplers() {
        return !samplers.isEmpty();
    }

    void collectSamples() {
        for (Object[] o : samplers) {
            Sampler s = (Sampler) o[0];
            for (DataLogger.Target t : (List<DataLogger.Target>) o[2]) {
                if (t.count > 0) {
                    s.collect(t, t.stamps, t.values, t.count, t.block.gid(t.index));
                    t.count = 0;
                }
            }
        }
    }
}
