package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.List;

import org.nestj.engine.NestException;

/**
 * NEST's NodeManager: node ids from 1 in creation order, organised as blocks (one per Create
 * call), the split of every block into per-thread chunks, and device target ports.
 */
public final class NodeManager {
    private final Kernel k;
    public final List<NodeBlock> blocks = new ArrayList<>();
    private long[] starts = new long[8];
    private long size;
    private int[][] devicePorts = new int[8][];

    NodeManager(Kernel k) {
        this.k = k;
    }

    void reset() {
        blocks.clear();
        lastSource = null;
        lastTarget = null;
        size = 0;
        devicePorts = new int[8][];
    }

    public long size() {
        return size;
    }

    public NodeBlock create(Model m, int n) {
        if (n < 1) {
            throw NestException.badProperty("Create: the number of nodes must be positive, got " + n + ".");
        }
        NodeBlock b = m.prototype.make(n);
        b.model = m;
        b.kernel = k;
        b.nodeUsesWfr = k.useWfr;
        for (int i = 0; i < n; i++) b.copyNode(m.prototype, 0, i);
        b.firstGid = size + 1;
        b.blockIndex = blocks.size();
        b.threadStart = chunks(n, k.parallel.threads());
        if (blocks.size() == starts.length) starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        starts[blocks.size()] = b.firstGid;
        blocks.add(b);
        size += n;
        b.created();
        if (m.prototype.isOffGrid(0) && !k.sim.isPrepared()) {
            k.switchToOffGridSpiking("NodeManager::add_node", "Neuron models emitting precisely timed spikes exist");
        }
        // NEST's add_neurons_ / add_devices_: a neuron lives on the thread of its vp (node id mod the
        // number of threads), each thread reserving ceil(n / T); a device on every thread
        final int T = k.parallel.threads();
        m.threads(T);
        if (b.elementType() == NodeBlock.ELEMENT_NEURON) {
            final long maxNew = (n + T - 1) / T;
            for (int t = 0; t < T; t++) {
                long first = b.firstGid + ((t - b.firstGid % T) % T + T) % T;   // first id with id mod T == t
                long count = first < b.firstGid + n ? (b.firstGid + n - 1 - first) / T + 1 : 0;
                m.instantiate(t, maxNew, count);
            }
        } else {
            for (int t = 0; t < T; t++) m.instantiate(t, n, n);
        }
        return b;
    }

    static int[] chunks(int n, int threads) {
        int[] s = new int[threads + 1];
        for (int t = 0; t <= threads; t++) s[t] = (int) ((long) n * t / threads);
        return s;
    }

    /** NEST's UnknownNode: "Node with id N doesn't exist." (no text for a negative id). */
    public static NestException unknownNode(long gid) {
        return new NestException("UnknownNode", gid >= 0 ? "Node with id " + gid + " doesn't exist." : "");
    }

    public NodeBlock blockOf(long gid) {
        if (gid < 1 || gid > size) {
            throw unknownNode(gid);
        }
        int lo = 0, hi = blocks.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= gid) lo = mid;
            else hi = mid - 1;
        }
        return blocks.get(lo);
    }

    /** The block of node gid: last if it holds gid (or is null otherwise), else {@link #blockOf(long)}. */
    public NodeBlock blockOf(long gid, NodeBlock last) {
        return last != null && gid >= last.firstGid && gid < last.firstGid + last.n ? last : blockOf(gid);
    }

    // the blocks last found for a connection's source and target: Connect looks up runs of nodes of one block
    private NodeBlock lastSource, lastTarget;

    /** blockOf for the source of a new connection (remembers the block for the next one). */
    public NodeBlock sourceBlock(long gid) {
        return lastSource = blockOf(gid, lastSource);
    }

    /** blockOf for the target of a new connection (remembers the block for the next one). */
    public NodeBlock targetBlock(long gid) {
        return lastTarget = blockOf(gid, lastTarget);
    }

    public int ownerThread(NodeBlock b, int i) {
        int[] s = b.threadStart;
        for (int t = 0; t + 1 < s.length; t++) {
            if (i < s[t + 1]) return t;
        }
        return s.length - 2;
    }

    /** NEST's per-device target port: the count of targets connected before this one. */
    int nextDevicePort(NodeBlock b, int i) {
        int bi = b.blockIndex;
        if (bi >= devicePorts.length) devicePorts = java.util.Arrays.copyOf(devicePorts, Math.max(bi + 1, devicePorts.length * 2));
        if (devicePorts[bi] == null) devicePorts[bi] = new int[b.n];
        return devicePorts[bi][i]++;
    }

    public int numTargets(NodeBlock b, int i) {
        int bi = b.blockIndex;
        if (bi >= devicePorts.length || devicePorts[bi] == null) return 0;
        return devicePorts[bi][i];
    }
}
