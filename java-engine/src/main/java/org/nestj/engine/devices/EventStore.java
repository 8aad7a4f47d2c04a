package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Time;

/**
 * The memory recording backend of one recording device: senders, time stamps (steps) with precise
 * offsets, and named double columns, in growable primitive arrays.
 */
public final class EventStore implements NodeBlock.Copyable {
    int size;
    long[] senders = new long[64];
    long[] stamps = new long[64];
    double[] offsets;
    String[] names = new String[0];
    /** value columns appear in the events once the device took part in a simulation (NEST's memory backend). */
    boolean columnsActive;
    double[][] cols = new double[0][];
    /** integer value columns (e.g. the weight_recorder's targets, receptors, ports) */
    String[] longNames = new String[0];
    long[][] lcols = new long[0][];

    public void setLongColumns(String[] names) {
        this.longNames = names.clone();
        lcols = new long[names.length][];
        for (int j = 0; j < names.length; j++) lcols[j] = new long[senders.length];
    }

    /** An event with double values and integer values. */
    public void add(long sender, long stamp, double[] values, int from, long[] longs) {
        add(sender, stamp, values, from);
        for (int j = 0; j < lcols.length; j++) lcols[j][size - 1] = longs[j];
    }

    public void setColumns(String[] names) {
        this.names = names.clone();
        cols = new double[names.length][];
        for (int j = 0; j < names.length; j++) cols[j] = new double[senders.length];
        size = 0;
    }

    public void activate() {
        columnsActive = true;
    }

    public int size() {
        return size;
    }

    private void ensure() {
        if (size == senders.length) {
            int c = senders.length * 2;
            senders = java.util.Arrays.copyOf(senders, c);
            stamps = java.util.Arrays.copyOf(stamps, c);
            if (offsets != null) offsets = java.util.Arrays.copyOf(offsets, c);
            for (int j = 0; j < cols.length; j++) cols[j] = java.util.Arrays.copyOf(cols[j], c);
            for (int j = 0; j < lcols.length; j++) lcols[j] = java.util.Arrays.copyOf(lcols[j], c);
        }
    }

    public void add(long sender, long stamp, double offset) {
        ensure();
        senders[size] = sender;
        stamps[size] = stamp;
        if (offset != 0.0 && offsets == null) offsets = new double[senders.length];
        if (offsets != null) offsets[size] = offset;
        size++;
    }

    public void add(long sender, long stamp, double[] values, int from) {
        ensure();
        senders[size] = sender;
        stamps[size] = stamp;
        if (offsets != null) offsets[size] = 0.0;
        for (int j = 0; j < cols.length; j++) cols[j][size] = values[from + j];
        size++;
    }

    public void clear() {
        size = 0;
        offsets = null;
    }

    /**
     * The events dictionary, as PyNEST's memory backend returns it (keys sorted, as NEST's dictionaries):
     * with time_in_steps the times in steps and their offsets in ms (for every device), else in ms.
     */
    public Map<String, Object> events(Time time, boolean timeInSteps) {
        Map<String, Object> d = new java.util.TreeMap<>();
        d.put("senders", java.util.Arrays.copyOf(senders, size));
        if (timeInSteps) {
            d.put("times", java.util.Arrays.copyOf(stamps, size));
            d.put("offsets", offsets == null ? new double[size] : java.util.Arrays.copyOf(offsets, size));
        } else {
            double[] t = new double[size];
            for (int k = 0; k < size; k++) {
                t[k] = time.stepsToMs(stamps[k]) - (offsets == null ? 0.0 : offsets[k]);
            }
            d.put("times", t);
        }
        if (columnsActive) {
            for (int j = 0; j < names.length; j++) d.put(names[j], java.util.Arrays.copyOf(cols[j], size));
            for (int j = 0; j < longNames.length; j++) d.put(longNames[j], java.util.Arrays.copyOf(lcols[j], size));
        }
        return d;
    }

    @Override
    public Object copy() {
        EventStore e = new EventStore();
        e.setColumns(names);
        e.setLongColumns(longNames);
        return e;
    }
}
