package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * volume_transmitter: collects the spikes of the neurons connected to it (the neuromodulatory,
 * e.g. dopaminergic, population) as (time, multiplicity) pairs and hands them to the synapses
 * that name it (stdp_dopamine_synapse): on each of their presynaptic spikes (they read the list)
 * and every deliver_interval min_delays, when it calls trigger_update_weight on all of them
 * (NEST models/volume_transmitter.{h,cpp}). The list starts with a pseudo spike (t, 0) at the
 * last trigger time t (0 at the start). A spike arriving in step s is listed at (s + 1) h.
 * The trigger runs after the update of all nodes of the slice (NodeBlock#afterUpdate).
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/volume_transmitter.html
 */
public final class VolumeTransmitter extends NodeBlock {
    @PerNode public long[] deliverInterval;
    InputBuffer buf;
    /** per node: the spike list (times in ms, multiplicities) and its length */
    public double[][] scT, scM;
    public int[] scN;
    private boolean[] trigger;
    private double[] tTrig;

    public VolumeTransmitter(int n) {
        super(n);
        deliverInterval = fillL(n, 1);
        scT = new double[n][];
        scM = new double[n][];
        scN = new int[n];
        trigger = new boolean[n];
        tTrig = new double[n];
    }

    @Override
    public VolumeTransmitter make(int n) {
        return new VolumeTransmitter(n);
    }

    @Override
    public int elementType() {
        return ELEMENT_OTHER;
    }

    @Override
    public boolean globalReceiver() {
        return true;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public boolean acceptsDataRequest() {
        return false;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("deliver_interval", deliverInterval[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        long di = s.l("deliver_interval", deliverInterval[i]);
        // NEST does not check it (and divides by it); nestj refuses what would divide by zero
        if (di < 1) throw badProperty("deliver_interval must be a positive number of min_delays.");
        deliverInterval[i] = di;
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (src.prototype.elementType() != ELEMENT_NEURON) {
            // ConnectionManager::connection_required
            throw NestException.cannotConnect("We do not allow connection of a device to a global receiver at the moment.");
        }
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1, ringLen);
        // NEST's init_buffers_ runs once per node: the spike list starts with the pseudo spike (0, 0);
        // a later re-initialisation of the ring buffer (new delays) keeps the list
        for (int i = 0; i < n; i++) {
            if (scT[i] != null) continue;
            scT[i] = new double[16];
            scM[i] = new double[16];
            scN[i] = 0;
            push(i, 0.0, 0.0);
        }
    }

    private void push(int i, double t, double m) {
        if (scN[i] == scT[i].length) {
            scT[i] = java.util.Arrays.copyOf(scT[i], 2 * scN[i]);
            scM[i] = java.util.Arrays.copyOf(scM[i], 2 * scN[i]);
        }
        scT[i][scN[i]] = t;
        scM[i][scN[i]] = m;
        scN[i]++;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        for (int i = i0; i < i1; i++) {
            for (int lag = from; lag < to; lag++) {
                int slot = (int) ((origin + lag) % len) * n + i;
                double m = bd[slot];
                bd[slot] = 0;
                if (m > 0) push(i, kernel.time.stepsToMs(origin + lag + 1), m);
            }
            if ((origin + to) % (deliverInterval[i] * kernel.connections.minDelay()) == 0) {
                trigger[i] = true;
                tTrig[i] = kernel.time.stepsToMs(origin + to);
                hasAfterUpdate = true;
            }
        }
    }

    @Override
    public void afterUpdate(long origin, int from, int to) {
        for (int i = 0; i < n; i++) {
            if (!trigger[i]) continue;
            trigger[i] = false;
            if (scN[i] > 0) kernel.sim.triggerUpdateWeight(gid(i), tTrig[i]);
            scN[i] = 0;
            push(i, tTrig[i], 0.0);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(0, step, i, mult);
    }
}
