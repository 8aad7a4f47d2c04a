package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's ConnectionManager: the connection stores (one per thread for connections from neurons,
 * one per thread for connections from devices, each sorted by source), the synapse models, the
 * delay extrema and their checks, and the checks that a connection is legal.
 */
public final class ConnectionManager {
    private final Kernel k;
    /** per thread: connections from neurons, and from devices */
    public ConnTable[] stores;
    public ConnTable[] deviceStores;
    public final List<SynapseModel> synModels = new ArrayList<>();
    final Map<String, SynapseModel> synByName = new LinkedHashMap<>();
    // delay extrema in steps; pos-inf / resolution until connections exist
    long minDelaySteps = Long.MAX_VALUE;
    long maxDelaySteps = Long.MIN_VALUE;
    boolean userSetDelayExtrema;
    public long version;

    ConnectionManager(Kernel k) {
        this.k = k;
    }

    void reset(int threads) {
        stores = new ConnTable[threads];
        deviceStores = new ConnTable[threads];
        for (int t = 0; t < threads; t++) {
            stores[t] = new ConnTable(false);
            deviceStores[t] = new ConnTable(true);
        }
        minDelaySteps = Long.MAX_VALUE;
        maxDelaySteps = Long.MIN_VALUE;
        userSetDelayExtrema = false;
        version++;
    }

    public void registerSynapse(SynapseModel m) {
        synModels.add(m);
        synByName.put(m.name, m);
    }

    public SynapseModel synapse(String name) {
        SynapseModel m = synByName.get(name);
        if (m == null) {
            throw new NestException("UnknownSynapseType", "Synapse model '" + name + "' does not exist"
                    + (k.models.hasNodeModel(name) ? " (it is a node model)." : "."));
        }
        return m;
    }

    public boolean hasSynapse(String name) {
        return synByName.containsKey(name);
    }

    /** min_delay in steps, as the kernel uses it for slicing. */
    public long minDelay() {
        return minDelaySteps == Long.MAX_VALUE ? 1 : minDelaySteps;
    }

    public long maxDelay() {
        return maxDelaySteps == Long.MIN_VALUE ? 1 : maxDelaySteps;
    }

    /** NEST's DelayChecker::assert_valid_delay_ms, also updating the extrema. */
    public long checkDelay(double delayMs) {
        Time tm = k.time;
        long steps = tm.delayMsToSteps(delayMs);
        double ms = tm.delayStepsToMs(steps);
        if (Double.isNaN(delayMs) || steps < 1) {
            throw new NestException("BadDelay", "Delay value " + fmt(ms) + " is invalid: Delay must be greater than or equal to resolution");
        }
        if (k.sim.hasBeenSimulated()) {
            if (steps < minDelay() || steps > maxDelay()) {
                throw new NestException("BadDelay", "Delay value " + fmt(ms)
                        + " is invalid: Minimum and maximum delay cannot be changed after Simulate has been called.");
            }
        }
        if (steps > 65535) {
            throw new NestException("BadDelay", "Delay value " + fmt(ms) + " is invalid: nestj supports delays of at most 65535 steps.");
        }
        if (userSetDelayExtrema) {
            if (steps < minDelaySteps) {
                throw new NestException("BadDelay", "Delay value " + fmt(ms) + " is invalid: Delay must be greater than or equal to min_delay. You may set min_delay before creating connections.");
            }
            if (steps > maxDelaySteps) {
                throw new NestException("BadDelay", "Delay value " + fmt(ms) + " is invalid: Delay must be smaller than or equal to max_delay. You may set min_delay before creating connections.");
            }
        }
        return steps;
    }

    private void noteDelay(long steps) {
        if (steps < minDelaySteps) minDelaySteps = steps;
        if (steps > maxDelaySteps) maxDelaySteps = steps;
    }

    static String fmt(double v) {
        return Kernel.fmt(v);
    }

    /** Kind of source node, for the checks. */
    public void checkConnectionTypes(NodeBlock src, NodeBlock tgt) {
        // done per connection in connect()
    }

    /**
     * Adds one connection. rport is the receptor type. Returns nothing; raises NEST's errors for
     * illegal combinations. Weight/delay already resolved (delay in ms).
     */
    public void connect(long srcGid, long tgtGid, SynapseModel sm, double weight, double delayMs, int rport) {
        NodeBlock sb = k.nodes.blockOf(srcGid);
        NodeBlock tb = k.nodes.blockOf(tgtGid);
        int si = (int) (srcGid - sb.firstGid);
        int ti = (int) (tgtGid - tb.firstGid);
        NodeBlock.Emits em = sb.emits();
        int storedPort = rport;
        switch (em) {
            case NOTHING:
                throw NestException.illegalConnection("Creation of connection is not possible because the source "
                        + sb.model.name + " (node " + srcGid + ") does not send any events.");
            case DATA_REQUEST:
                if (!tb.acceptsDataRequest() || tb.elementType() == NodeBlock.ELEMENT_RECORDER) {
                    throw NestException.illegalConnection("Creation of connection is not possible because "
                            + tb.model.name + " (node " + tgtGid + ") has no recordables that " + sb.model.name
                            + " could sample.");
                }
                break;
            case CURRENT:
                if (tb.elementType() != NodeBlock.ELEMENT_NEURON) {
                    throw NestException.illegalConnection("Creation of connection is not possible because "
                            + sb.model.name + " can only stimulate neurons, not " + tb.model.name + ".");
                }
                storedPort = tb.checkCurrentReceptor(rport);
                break;
            case SPIKE:
                if (tb.elementType() == NodeBlock.ELEMENT_STIMULATOR) {
                    throw NestException.illegalConnection("Creation of connection is not possible because the target "
                            + tb.model.name + " (node " + tgtGid + ") does not receive spikes.");
                }
                if (tb.elementType() == NodeBlock.ELEMENT_RECORDER && !(tb instanceof SpikeReceiver)) {
                    throw NestException.illegalConnection("Creation of connection is not possible because the target "
                            + tb.model.name + " (node " + tgtGid + ") does not record spikes; connect it as "
                            + "Connect(" + tb.model.name + ", neurons).");
                }
                storedPort = tb.checkSpikeReceptor(rport, sb.model);
                break;
            default:
                break;
        }
        long dsteps = checkDelay(delayMs);
        if (em == NodeBlock.Emits.DATA_REQUEST) {
            ((DataRequester) sb).attach(si, tb, ti);
        }
        noteDelay(dsteps);
        int thread = k.nodes.ownerThread(tb, ti);
        boolean device = sb.elementType() != NodeBlock.ELEMENT_NEURON;
        if (device) {
            int port = k.nodes.nextDevicePort(sb, si);
            deviceStores[thread].add((int) srcGid, (int) tgtGid, weight, (int) dsteps, storedPort, sm.id, port);
            sb.addedTarget(si, tb.model);
        } else {
            stores[thread].add((int) srcGid, (int) tgtGid, weight, (int) dsteps, storedPort, sm.id, 0);
        }
        sm.numConnections++;
        version++;
    }

    /**
     * Reserves room for about perTarget connections into each node of post (split over the
     * threads that own the targets), so that large Connect calls do not leave growth slack.
     */
    public void reserve(long[] pre, long[] post, double perTarget) {
        if (pre.length == 0 || post.length == 0) return;
        int T = stores.length;
        long[] count = new long[T];
        for (long g : post) {
            NodeBlock b = k.nodes.blockOf(g);
            count[k.nodes.ownerThread(b, (int) (g - b.firstGid))]++;
        }
        int dev = 0;
        for (long g : pre) {
            if (k.nodes.blockOf(g).elementType() != NodeBlock.ELEMENT_NEURON) dev++;
        }
        double fDev = (double) dev / pre.length;
        for (int t = 0; t < T; t++) {
            double c = count[t] * perTarget;
            if (fDev < 1) stores[t].begin((long) Math.ceil(c * (1 - fDev)));
            if (fDev > 0) deviceStores[t].begin((long) Math.ceil(c * fDev));
        }
    }

    /** Sorts the stores after connections were added (parallel over threads). */
    public void finish() {
        int maxGid = (int) k.nodes.size();
        k.parallel.run(t -> {
            stores[t].finish(maxGid);
            deviceStores[t].finish(maxGid);
        });
    }

    public long numConnections() {
        long n = 0;
        for (ConnTable s : stores) n += s.size();
        for (ConnTable s : deviceStores) n += s.size();
        return n;
    }

    /** Marker for recorders that take spikes (spike_recorder, spin_detector, ...). */
    public interface SpikeReceiver {
    }

    /** Marker for multimeter-like devices. */
    public interface DataRequester {
        void attach(int i, NodeBlock target, int targetIndex);
    }

    void setDelayExtrema(Double minD, Double maxD) {
        if (numConnections() > 0) {
            throw NestException.badProperty("Connections already exist. Please call ResetKernel first.");
        }
        long mn = minD != null ? k.time.delayMsToSteps(minD) : minDelay();
        long mx = maxD != null ? k.time.delayMsToSteps(maxD) : Math.max(maxDelay(), mn);
        if (mn < 1) throw new NestException("BadDelay", "Delay value " + fmt(k.time.delayStepsToMs(mn)) + " is invalid: min_delay must be greater than or equal to resolution");
        if (mx < mn) throw new NestException("BadDelay", "Delay value " + fmt(k.time.delayStepsToMs(mx)) + " is invalid: max_delay must be greater than or equal to min_delay");
        minDelaySteps = mn;
        maxDelaySteps = mx;
        userSetDelayExtrema = true;
    }

    /** A handle names a segment: (table << 8) | segment, table = thread (neurons) or T + thread (devices). */
    private ConnStore storeOf(int handle) {
        int T = stores.length;
        int table = handle >>> 8, seg = handle & 0xff;
        return table < T ? stores[table].seg(seg) : deviceStores[table - T].seg(seg);
    }

    private int tableCount() {
        return 2 * stores.length;
    }

    private ConnTable table(int h) {
        int T = stores.length;
        return h < T ? stores[h] : deviceStores[h - T];
    }

    /**
     * GetConnections: all connections matching the filters (null = any), sorted by (source,
     * target). Returns columns source, target, synapse_id, port (NEST's per-source index), handle
     * arrays (store, index) for later get/set, and the version they are valid for.
     */
    public Map<String, Object> getConnections(long[] src, long[] tgt, int synId) {
        finish();
        int T = stores.length;
        java.util.BitSet srcSet = null, tgtSet = null;
        if (src != null) {
            srcSet = new java.util.BitSet();
            for (long g : src) srcSet.set((int) g);
        }
        if (tgt != null) {
            tgtSet = new java.util.BitSet();
            for (long g : tgt) tgtSet.set((int) g);
        }
        int cap = 1024, n = 0;
        long[] keys = new long[cap];
        int[] hs = new int[cap], ix = new int[cap];
        for (int tb = 0; tb < tableCount(); tb++)
        for (int sg = 0; sg < table(tb).segments(); sg++) {
            int h = (tb << 8) | sg;
            ConnStore c = storeOf(h);
            int[] off = c.offsets;
            for (int s = 0; s + 1 < off.length; s++) {
                if (off[s] == off[s + 1]) continue;
                if (srcSet != null && !srcSet.get(s)) continue;
                for (int kk = off[s]; kk < off[s + 1]; kk++) {
                    if (tgtSet != null && !tgtSet.get(c.tgt[kk])) continue;
                    if (synId >= 0 && c.syn[kk] != synId) continue;
                    if (n == cap) {
                        cap *= 2;
                        keys = java.util.Arrays.copyOf(keys, cap);
                        hs = java.util.Arrays.copyOf(hs, cap);
                        ix = java.util.Arrays.copyOf(ix, cap);
                    }
                    keys[n] = ((long) s << 32) | c.tgt[kk];
                    hs[n] = h;
                    ix[n] = kk;
                    n++;
                }
            }
        }
        int[] order = new int[n];
        for (int q = 0; q < n; q++) order[q] = q;
        long[] kcopy = java.util.Arrays.copyOf(keys, n);
        SimulationManager.mergeSort(kcopy, order, new long[n], new int[n], 0, n);
        long[] so = new long[n], ta = new long[n], sy = new long[n], po = new long[n], th = new long[n];
        int[] hh = new int[n], ii = new int[n];
        for (int q = 0; q < n; q++) {
            int p = order[q];
            ConnStore c = storeOf(hs[p]);
            so[q] = keys[p] >>> 32;
            ta[q] = keys[p] & 0xffffffffL;
            sy[q] = c.syn[ix[p]];
            th[q] = (hs[p] >>> 8) % T;
            hh[q] = hs[p];
            ii[q] = ix[p];
            po[q] = ix[p] - c.offsets[(int) so[q]];
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", so);
        r.put("target", ta);
        r.put("synapse_id", sy);
        r.put("port", po);
        r.put("target_thread", th);
        r.put("handle_store", hh);
        r.put("handle_index", ii);
        r.put("version", version);
        return r;
    }

    private void checkVersion(long v) {
        if (v != version) {
            throw NestException.kernel("This SynapseCollection is out of date: connections were created or removed "
                    + "after it was obtained. Call GetConnections again.");
        }
    }

    /** Values of one connection property for the given handles. */
    public Object getConnValues(int[] h, int[] idx, String key, long v) {
        checkVersion(v);
        int n = h.length;
        switch (key) {
            case "weight": {
                double[] r = new double[n];
                for (int q = 0; q < n; q++) r[q] = storeOf(h[q]).weight(idx[q]);
                return r;
            }
            case "delay": {
                double[] r = new double[n];
                for (int q = 0; q < n; q++) r[q] = k.time.delayStepsToMs(storeOf(h[q]).delay[idx[q]]);
                return r;
            }
            case "receptor": {
                long[] r = new long[n];
                for (int q = 0; q < n; q++) r[q] = storeOf(h[q]).rport[idx[q]];
                return r;
            }
            case "synapse_model": {
                String[] r = new String[n];
                for (int q = 0; q < n; q++) r[q] = synModels.get(storeOf(h[q]).syn[idx[q]]).name;
                return r;
            }
            default:
                throw NestException.badProperty("Unknown connection property '" + key + "'.");
        }
    }

    public void setConnValues(int[] h, int[] idx, String key, double[] values, long v) {
        checkVersion(v);
        int n = h.length;
        switch (key) {
            case "weight":
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    if (synModels.get(c.syn[idx[q]]).homWeight) {
                        throw NestException.badProperty("Setting of individual weights is not possible! The common "
                                + "weights can be changed via CopyModel()/SetDefaults().");
                    }
                }
                for (int q = 0; q < n; q++) storeOf(h[q]).setWeight(idx[q], values[q]);
                break;
            case "delay":
                long[] steps = new long[n];
                for (int q = 0; q < n; q++) steps[q] = checkDelay(values[q]);
                for (int q = 0; q < n; q++) {
                    noteDelay(steps[q]);
                    storeOf(h[q]).delay[idx[q]] = (char) steps[q];
                }
                break;
            default:
                throw NestException.badProperty("Connection property '" + key + "' cannot be set"
                        + (key.equals("source") || key.equals("target") || key.equals("receptor") || key.equals("synapse_model")
                        || key.equals("port") || key.equals("target_thread") || key.equals("synapse_id") ? " (read-only)." : " for static synapses."));
        }
    }
}
