package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;
import org.nestj.engine.kernel.Time;

/**
 * NEST's StimulationDevice: a device that sends events to its targets. Its update records what it
 * emits in this slice (per node, so threads never share); after all nodes are updated the kernel
 * delivers the emissions, per thread, to the targets that thread owns, device by device in node
 * order, lag by lag — the order in which NEST delivers device events.
 * <p>
 * Connections with state (stdp_synapse, tsodyks_synapse, ...) from a device live in tables of
 * their own ({@link org.nestj.engine.kernel.ConnectionManager#devicePlastic}); NEST accepts them
 * only from devices whose send_test_event gives the synapse's test node a plain SpikeEvent
 * ({@link #synapseTestEvent}: pulsepacket_generator, spike_dilutor, sinusoidal_gamma_generator
 * without individual spike trains). Each event passes each such connection through the
 * synapse's send() ({@link #sendThrough}), as NEST's Connector::send_to_all does for the
 * device's connector, without weight_recorder events (send_to_all sends none).
 */
public abstract class StimulationDevice extends DeviceBlock {
    /** Emissions of one node in the current slice. */
    protected static final class Emissions {
        public int count;
        public int[] lag = new int[8];
        public int[] mult = new int[8];
        public double[] val = new double[8];
        public double[] offset = new double[8];
        public int[] ref = new int[8];

        public void add(int l, int m, double v, double off, int r) {
            if (count == lag.length) {
                int c = count * 2;
                lag = java.util.Arrays.copyOf(lag, c);
                mult = java.util.Arrays.copyOf(mult, c);
                val = java.util.Arrays.copyOf(val, c);
                offset = java.util.Arrays.copyOf(offset, c);
                ref = java.util.Arrays.copyOf(ref, c);
            }
            lag[count] = l;
            mult[count] = m;
            val[count] = v;
            offset[count] = off;
            ref[count] = r;
            count++;
        }
    }

    protected Emissions[] em;
    /** true for current generators: NEST's is_active shifts their step by 2. */
    protected final boolean currentGenerator;
    /** per node: NEST's first_syn_id_, the synapse model of the first connection tried (-1: none) */
    private int[] firstSyn;

    protected StimulationDevice(int n, boolean currentGenerator) {
        super(n);
        this.currentGenerator = currentGenerator;
    }

    @Override
    public void created() {
        em = new Emissions[n];
        for (int i = 0; i < n; i++) em[i] = new Emissions();
        firstSyn = new int[n];
        java.util.Arrays.fill(firstSyn, -1);
    }

    @Override
    public void enforceSingleSynapseModel(int i, int synId) {
        if (firstSyn[i] < 0) firstSyn[i] = synId;
        if (synId != firstSyn[i]) {
            throw NestException.cannotConnect("All outgoing connections from a device must use the same synapse type.");
        }
    }

    /**
     * NEST's send_test_event with dummy_target: current generators test with a CurrentEvent, the
     * spike generators that draw per target (and spike_generator) with a DSSpikeEvent; the others
     * override this.
     */
    @Override
    public String synapseTestEvent(int i) {
        return emits() == Emits.CURRENT ? "CurrentEvent" : emits() == Emits.SPIKE ? "DSSpikeEvent" : "";
    }

    @Override
    public int elementType() {
        return ELEMENT_STIMULATOR;
    }

    @Override
    public Emits emits() {
        return currentGenerator ? Emits.CURRENT : Emits.SPIKE;
    }

    /** StimulationDevice::is_active for a time given in steps. */
    protected final boolean isActive(int i, long step) {
        if (currentGenerator) step += 2;
        return tMin[i] < step && step <= tMax[i];
    }

    protected final void emit(int i, int lag, int mult, double val, double offset, int ref) {
        em[i].add(lag, mult, val, offset, ref);
        hasEmissions = true;
    }

    protected void getStim(int i, Map<String, Object> d) {
        getDevice(i, d);
        d.put("stimulus_source", "0");
    }

    protected void setStim(int i, Status s) {
        if (s.has("stimulus_source")) {
            // StimulationDevice::Parameters_::set: NEST 3.9 without MPI has no stimulation backend, so
            // every name is unknown (also the default's "0" and "")
            String src = s.s("stimulus_source", "");
            throw badProperty("Unknown input backend '" + src + "'");
        }
        setDevice(i, s);
    }

    @Override
    public void clearEmissions() {
        for (Emissions e : em) e.count = 0;
        hasEmissions = false;
    }

    /** emissions of the previous slice waiting for delivery (see NodeBlock.deferEmissions) */
    private Emissions[] deferred;

    @Override
    public void deferEmissions() {
        if (deferred == null) {
            deferred = new Emissions[n];
            for (int i = 0; i < n; i++) deferred[i] = new Emissions();
        }
        Emissions[] d = deferred;
        deferred = em;
        em = d;
        hasDeferred = hasEmissions;
        hasEmissions = false;
    }

    @Override
    public void deliverDeferred(ConnStore c, long origin, long gidLo, long gidHi) {
        deliverFrom(deferred, c, origin, gidLo, gidHi);
    }

    @Override
    public void clearDeferred() {
        if (deferred != null) {
            for (Emissions e : deferred) e.count = 0;
        }
        hasDeferred = false;
    }

    @Override
    public void deliverEmissions(ConnStore c, long origin, long gidLo, long gidHi) {
        deliverFrom(em, c, origin, gidLo, gidHi);
    }

    private void deliverFrom(Emissions[] src, ConnStore c, long origin, long gidLo, long gidHi) {
        int[] off = c.offsets;
        int[] tgt = c.tgt;
        for (int i = 0; i < n; i++) {
            Emissions e = src[i];
            if (e.count == 0) continue;
            int g = (int) gid(i);
            if (g + 1 >= off.length) continue;
            int a = off[g], b = off[g + 1];
            // targets are sorted by id within a source: keep those in [gidLo, gidHi)
            if (gidLo != Long.MIN_VALUE) a = ConnStore.lowerBound(tgt, a, b, gidLo);
            if (gidHi != Long.MAX_VALUE) b = ConnStore.lowerBound(tgt, a, b, gidHi);
            while (a < b) {
                NodeBlock tb = kernel.nodes.blockOf(tgt[a]);
                long last = tb.firstGid + tb.n;
                int m = a + 1;
                while (m < b && tgt[m] < last) m++;
                deliverSegment(i, e, origin, c, a, m, tb);
                a = m;
            }
        }
    }

    @Override
    public void deliverPlasticEmissions(ConnStore c, SynapseModel m, long origin, long gidLo, long gidHi,
            SynapseType.Ctx x) {
        deliverPlasticFrom(em, c, m, origin, gidLo, gidHi, x);
    }

    @Override
    public void deliverPlasticDeferred(ConnStore c, SynapseModel m, long origin, long gidLo, long gidHi,
            SynapseType.Ctx x) {
        deliverPlasticFrom(deferred, c, m, origin, gidLo, gidHi, x);
    }

    /**
     * NEST's send_from_device of each emission through the connections with state of c: node by
     * node, lag by lag, connection by connection (targets in id order, multapses in creation order);
     * the event's stamp is the end of its step.
     */
    private void deliverPlasticFrom(Emissions[] src, ConnStore c, SynapseModel m, long origin, long gidLo, long gidHi,
            SynapseType.Ctx x) {
        if (src == null) return;
        final int[] off = c.offsets;
        final int[] tgt = c.tgt;
        final SynapseType ty = m.type;
        final Time tm = kernel.time;
        x.model = m;
        x.kernel = kernel;
        for (int i = 0; i < n; i++) {
            final Emissions e = src[i];
            if (e.count == 0) continue;
            final int g = (int) gid(i);
            if (g + 1 >= off.length) continue;
            int a = off[g], b = off[g + 1];
            if (a == b) continue;
            if (gidLo != Long.MIN_VALUE) a = ConnStore.lowerBound(tgt, a, b, gidLo);
            if (gidHi != Long.MAX_VALUE) b = ConnStore.lowerBound(tgt, a, b, gidHi);
            for (int j = 0; j < e.count; j++) {
                final long emitStep = origin + e.lag[j];
                x.stampSteps = emitStep + 1;
                x.tSpike = tm.stepsToMs(emitStep + 1);
                NodeBlock tb = null;
                long bFirst = 0, bEnd = 0;
                for (int k = a; k < b; k++) {
                    final int tg = tgt[k];
                    if (tg < bFirst || tg >= bEnd) {
                        tb = kernel.nodes.blockOf(tg);
                        bFirst = tb.firstGid;
                        bEnd = bFirst + tb.n;
                    }
                    x.target = tb;
                    x.ti = (int) (tg - bFirst);
                    x.delay = tm.delayStepsToMs(c.delayOf(k));
                    x.offset = e.offset[j];
                    x.mult = e.mult[j];
                    sendThrough(ty, x, i, e, j, emitStep, c, k, tb);
                }
            }
        }
    }

    /**
     * Emission j of node i through connection k (with state) to node x.ti of block tb, as a plain
     * SpikeEvent: the synapse's send() updates the connection and, if it transmits, the target
     * handles the event with the synapse's weight and the event's multiplicity (NEST: the synapse
     * runs once per event, whatever its multiplicity).
     */
    protected void sendThrough(SynapseType ty, SynapseType.Ctx x, int i, Emissions e, int j, long emitStep, ConnStore c,
            int k, NodeBlock tb) {
        if (!ty.send(x, c, k)) return;
        tb.handleSpike(x.ti, emitStep + c.delayOf(k), x.weight, x.mult, c.rportOf(k), gid(i), emitStep + 1, x.offset);
    }

    /**
     * Delivers all emissions of node i through connections [a, b) of c, all into block tb; each
     * target sees its events in lag order.
     */
    protected void deliverSegment(int i, Emissions e, long origin, ConnStore c, int a, int b, NodeBlock tb) {
        int fg = (int) tb.firstGid;
        for (int j = 0; j < e.count; j++) {
            long emitStep = origin + e.lag[j];
            for (int k = a; k < b; k++) deliver(i, e, j, emitStep, c, k, tb, c.tgt[k] - fg);
        }
    }

    /** Delivers emission j of node i through connection k to node ti of block tb. */
    protected abstract void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti);
}
