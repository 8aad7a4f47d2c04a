package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.ConnectionManager;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseType;

/**
 * spike_dilutor — repeats the spikes it receives (the mother process) to each target independently,
 * every spike with probability p_copy (NEST 3.9 models/spike_dilutor.{h,cpp}). The m spikes arriving
 * in a step are sent in that step as one event of multiplicity m; per target the copies are m
 * Bernoulli(p_copy) draws from the target's random stream. As in NEST, activity is judged once per
 * update call at the slice origin (is_active(T) with T the origin), and a call in which the device is
 * inactive forwards nothing.
 */
public final class SpikeDilutor extends StimulationDevice implements ConnectionManager.SpikeReceiver {
    @PerNode public double[] p_copy;
    InputBuffer buf;

    public SpikeDilutor(int n) {
        super(n, false);
        p_copy = fill(n, 1.0);
    }

    @Override
    public SpikeDilutor make(int n) {
        return new SpikeDilutor(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("p_copy", p_copy[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double p = s.d("p_copy", p_copy[i]);
        if (p < 0 || p > 1) throw badProperty("Copy probability must be in [0, 1].");
        setStim(i, s);
        p_copy[i] = p;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1, ringLen);
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(0, step, i, mult);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (!isActive(i, origin)) continue; // NEST returns at the first lag: nothing is read or sent
            for (int lag = from; lag < to; lag++) {
                long m = (long) buf.take(0, origin + lag, i);
                if (m > 0) emit(i, lag, (int) m, 0.0, 0.0, 0);
            }
        }
    }

    /**
     * NEST's send_test_event sends a plain SpikeEvent (to the synapse's test node as well): connections
     * with state are accepted, though the device sends DSSpikeEvents.
     */
    @Override
    public String synapseTestEvent(int i) {
        return "SpikeEvent";
    }

    /**
     * A DSSpikeEvent through a connection with state (NEST: Connector::send_to_all calls the synapse's
     * send(), whose e() is DSSpikeEvent::operator(), which calls this device's event_hook): the synapse
     * updates its state with the event's stamp first, whether or not a copy then reaches the target;
     * if it transmits, the copies are drawn from the mother spikes as for static connections and the
     * target handles them, if any, with the synapse's weight.
     */
    @Override
    protected void sendThrough(SynapseType ty, SynapseType.Ctx x, int i, Emissions e, int j, long emitStep, ConnStore c,
            int k, NodeBlock tb) {
        if (!ty.send(x, c, k)) return;
        final int m = copies(tb.nodeRng(x.ti), e.mult[j], p_copy[i]);
        if (m > 0) tb.handleSpike(x.ti, emitStep + c.delayOf(k), x.weight, m, c.rportOf(k), gid(i), emitStep + 1, x.offset);
    }

    /** event_hook's draw: each of the mother spikes is copied with probability p. */
    private static int copies(Rng rng, int mother, double p) {
        int m = 0;
        for (int q = 0; q < mother; q++) {
            if (rng.uniform() < p) m++;
        }
        return m;
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        int m = copies(tb.nodeRng(ti), e.mult[j], p_copy[i]);
        if (m > 0) sendSpike(c, k, tb, ti, emitStep, c.w[k], m, i, 0.0);
    }
}
