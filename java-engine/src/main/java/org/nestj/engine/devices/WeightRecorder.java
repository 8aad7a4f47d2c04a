package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * weight_recorder — records, for every spike a synapse transmits, the sender, target, time,
 * weight, receptor and port, when the synapse model's weight_recorder is this device
 * (NEST 3.9 models/weight_recorder.{h,cpp}; nestkernel/connector_base_impl.h send_weight_event).
 * Optional filters: senders and targets (node ids). As NEST's NodeCollectionPTR, a filter is unset
 * (null: no filtering; the status shows an empty SLI array, which PyNEST gives as ()) until it is
 * set; a list is made into a NodeCollection with NodeCollection::create's checks, and a filter set
 * to an empty collection lets nothing through.
 */
public final class WeightRecorder extends RecordingDevice {
    @PerNode public long[][] senders, targets;
    private static final String[] DOUBLES = {"weights"};
    private static final String[] LONGS = {"targets", "receptors", "ports"};

    public WeightRecorder(int n) {
        super(n);
        senders = new long[n][];
        targets = new long[n][];
        for (int i = 0; i < n; i++) {
            store[i].setColumns(DOUBLES);
            store[i].setLongColumns(LONGS);
        }
    }

    @Override
    public WeightRecorder make(int n) {
        return new WeightRecorder(n);
    }

    /** NEST writes the target, receptor and port as long values (integers). */
    @Override
    protected int doubleValues() {
        return 1;
    }

    @Override
    protected String[] valueNames(int i) {
        return new String[] {"weights", "targets", "receptors", "ports"};
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getRec(i, d);
        // NEST's get_status returns before the filters for the model prototype (GetDefaults)
        if (model != null && model.prototype == this) return;
        d.put("senders", senders[i] == null ? new String[0] : senders[i].clone());
        d.put("targets", targets[i] == null ? new String[0] : targets[i].clone());
    }

    @Override
    public void setStatus(int i, Status s) {
        long[] se = readFilter(s, "senders", senders[i]);
        long[] ta = readFilter(s, "targets", targets[i]);
        setRec(i, s);
        senders[i] = se;
        targets[i] = ta;
    }

    /**
     * weight_recorder::Parameters_::set for one filter: a NodeCollection or a list of node ids (an
     * integer array or an SLI array) becomes a NodeCollection (NodeCollection::create: the ids must
     * be integers, in ascending order, of existing nodes and unique); any other value is left unread,
     * so the dictionary check reports it as unused.
     */
    private long[] readFilter(Status s, String key, long[] cur) {
        if (!s.has(key)) return cur;
        Object v = s.map().get(key);
        if (!(v instanceof long[] || v instanceof double[] || v instanceof String[] || v instanceof java.util.List)) {
            return cur;   // not an array: left unread
        }
        // getValue<std::vector<long>> (an array of anything but integers is a TypeMismatch)
        long[] ids = s.la(key, cur);
        for (int j = 1; j < ids.length; j++) {
            // std::is_sorted over size_t: a negative id counts as a huge one
            if (Long.compareUnsigned(ids[j], ids[j - 1]) < 0) throw badProperty("Node IDs must be sorted in ascending order");
        }
        long size = kernel.nodes.size();
        for (int j = 0; j < ids.length; j++) {
            if (j > 0 && ids[j] == ids[j - 1]) throw badProperty("All node IDs in a NodeCollection have to be unique");
            if (ids[j] < 1 || ids[j] > size) {   // ModelRangeManager::get_model_id
                // UnknownNode(static_cast<long>(id)): no message for a negative id
                throw org.nestj.engine.kernel.NodeManager.unknownNode(ids[j]);
            }
        }
        return ids;
    }

    /** NodeCollection::contains; an unset filter (null) lets every id through. */
    private static boolean contains(long[] set, long x) {
        if (set == null) return true;
        return java.util.Arrays.binarySearch(set, x) >= 0;
    }

    /** NEST: the weight_recorder's instance on the thread of the connection's target records the event. */
    @Override
    protected long recordingNode(long sender, double[] values, int from) {
        return (long) values[from + 1];
    }

    private final double[] one = new double[4];
    private final long[] ints = new long[3];

    /** Whether instance i records a weight event of sender to target at stamp (activity window, filters). */
    public boolean accepts(int i, long sender, long target, long stamp) {
        return isActive(i, stamp) && contains(senders[i], sender) && contains(targets[i], target);
    }

    /** A weight event of a transmitted spike (stamp in steps) that {@link #accepts} let through. */
    public void record(int i, long sender, long target, long stamp, double weight, long rport, long port) {
        if (recordTo[i].equals("memory")) {
            nEvents[i]++;
            one[0] = weight;
            ints[0] = target;
            ints[1] = rport;
            ints[2] = port;
            store[i].add(sender, stamp, one, 0, ints);
        } else {
            one[0] = weight;
            one[1] = target;
            one[2] = rport;
            one[3] = port;
            write(i, sender, stamp, one, 0, 4);
        }
    }

    /** NEST's weight_recorder::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_ALL;
    }
}
