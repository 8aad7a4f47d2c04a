package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * NEST's secondary events as used by rate_connection_delayed (DelayedRateConnectionEvent,
 * nestkernel/secondary_event.h, event_delivery_manager send_secondary/gather/deliver_secondary_events).
 *
 * <p>Every sender owns a send buffer of min_delay values per node ({@link Out}). An update call that
 * sends overwrites the node's whole buffer: the values of its lags, zeros elsewhere (so, as in NEST,
 * a slice split over two Simulate calls only transmits the second part). At the end of every slice
 * the buffers of all senders are delivered, whether or not they were written in this slice (NEST
 * communicates its whole secondary send buffer every slice), to targets of the thread that owns
 * them: the value of lag l in the slice with origin O reaches the update of step O + l + delay.
 * The buffers are cleared when the connections changed before a Prepare (NEST reconfigures its
 * secondary buffers then).
 *
 * <p>Devices ({@link NodeBlock#sendsRatesLocally()}, e.g. step_rate_generator) have no proxies: NEST
 * hands their event straight to the targets during the device's update (send_local_), where the
 * receiver files lag l at slice origin O + l + delay - min_delay, i.e. a rate sent with delay
 * min_delay is used in the very step it was sent (NEST updates the device first when its id is
 * lower). nestj updates such devices serially before all other nodes of the slice, and
 * {@link #sendLocal} delivers their buffer at once.
 */
public final class RateEvents {
    /** Send buffer of one block: values [node * minDelay + lag]. */
    public static final class Out {
        public final int n, minDelay;
        /** delayed (v) and instantaneous (vi) rate events */
        public final double[] v, vi;
        /**
         * GapJunctionEvents: per node gapLen = min_delay * (wfr_interpolation_order + 1) coefficients
         * [node * gapLen + lag * (order + 1) + j]; a send overwrites the node's whole range
         */
        public final double[] gap;
        public final int gapLen;
        /**
         * NEST's LearningSignalConnectionEvent (e-prop readout neurons): per node min_delay error signals
         * [node * minDelay + lag]; null for blocks that send none
         */
        public final double[] ls;

        Out(int n, int minDelay, int gapLen, boolean learningSignals) {
            this.n = n;
            this.minDelay = minDelay;
            this.v = new double[n * minDelay];
            this.vi = new double[n * minDelay];
            this.gapLen = gapLen;
            this.gap = new double[n * gapLen];
            this.ls = learningSignals ? new double[n * minDelay] : null;
        }

        /** As {@link #begin}, for the learning signal event (ls). */
        public int beginLearningSignal(int i) {
            int base = i * minDelay;
            java.util.Arrays.fill(ls, base, base + minDelay, 0.0);
            return base;
        }

        /** Starts a send of node i: clears its buffer; the caller then sets v[i * minDelay + lag]. */
        public int begin(int i) {
            int base = i * minDelay;
            java.util.Arrays.fill(v, base, base + minDelay, 0.0);
            return base;
        }

        /** As {@link #begin}, for the instantaneous event (vi). */
        public int beginInstant(int i) {
            int base = i * minDelay;
            java.util.Arrays.fill(vi, base, base + minDelay, 0.0);
            return base;
        }
    }

    private final Kernel k;
    private NodeBlock[] senders = new NodeBlock[0];
    private NodeBlock[] localSenders = new NodeBlock[0];
    private long connVersion = -1;

    RateEvents(Kernel k) {
        this.k = k;
    }

    /** At Prepare: (re)allocates the send buffers; true if any block sends rates. */
    boolean prepare(int minDelay) {
        List<NodeBlock> s = new ArrayList<>();
        List<NodeBlock> loc = new ArrayList<>();
        boolean changed = connVersion != k.connections.version;
        connVersion = k.connections.version;
        int gapLen = minDelay * (int) (k.wfrInterpolationOrder + 1);
        boolean anyGap = false;
        for (NodeBlock b : k.nodes.blocks) {
            boolean gs = b.sendsGap();
            boolean lsig = b.sendsLearningSignals();
            if (!b.sendsRates() && !gs && !lsig) continue;
            anyGap |= gs;
            if (b.sendsRates() || lsig) {
                if (b.sendsRatesLocally()) loc.add(b);
                else s.add(b);
            }
            int gl = gs ? gapLen : 0;
            if (changed || b.rateOut == null || b.rateOut.minDelay != minDelay || b.rateOut.n != b.n || b.rateOut.gapLen != gl
                    || (b.rateOut.ls != null) != lsig) {
                b.rateOut = new Out(b.n, minDelay, gl, lsig);
            }
        }
        senders = s.toArray(new NodeBlock[0]);
        localSenders = loc.toArray(new NodeBlock[0]);
        List<SynapseModel> gm = new ArrayList<>();
        for (SynapseModel m : k.connections.synModels) {
            if (m.gap && m.numConnections > 0) gm.add(m);
        }
        gapModels = gm.toArray(new SynapseModel[0]);
        return senders.length + localSenders.length > 0 || (anyGap && gapModels.length > 0);
    }

    /** gap_junction models with connections (NEST delivers secondary events by synapse model id) */
    private SynapseModel[] gapModels = new SynapseModel[0];

    /**
     * Delivers the GapJunctionEvents of all senders through the gap_junction connections into their
     * targets owned by thread t: per synapse model, source and connection, as NEST's connectors are
     * sorted, so each target sums its inputs in the same order whatever the number of threads.
     */
    private void deliverGap(int t) {
        NodeManager nm = k.nodes;
        ConnTable[][] pl = k.connections.plastic;
        for (SynapseModel m : gapModels) {
            ConnTable tab = pl[m.id] == null ? null : pl[m.id][t];
            if (tab == null) continue;
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                int[] tgt = c.tgt;
                for (int g = 1; g + 1 < off.length; g++) {
                    int a = off[g], e = off[g + 1];
                    if (a == e) continue;
                    NodeBlock sb = nm.blockOf(g);
                    Out o = sb.rateOut;
                    int len = o.gapLen;
                    int base = (int) (g - sb.firstGid) * len;
                    for (int q = a; q < e; q++) {
                        NodeBlock tb = nm.blockOf(tgt[q]);
                        tb.handleGap((int) (tgt[q] - tb.firstGid), o.gap, base, len, c.weight(q));
                    }
                }
            }
        }
    }

    /**
     * NEST's send_weight_event for one delivery of the secondary events (deliver_secondary_events: once at
     * the start of every slice but the first, for every secondary connection model, and once per
     * waveform-relaxation pass, for the models that support it: gap junctions, instantaneous rate and
     * diffusion connections), called serially: every connection whose model has a weight_recorder gives
     * one event with the delivery's stamp (steps), the connection's source, target, weight and receptor,
     * and its port (Connector::send sets the event's port to the connection's lcid: the one-thread index,
     * {@link ConnectionManager#threadIndependentPort}; from a device its index among the device's
     * connections of the model, by target), per synapse model in the one-thread connector's order
     * (source, port).
     */
    void recordSecondaryWeights(long stamp, boolean wfrPass) {
        NodeManager nm = k.nodes;
        for (SynapseModel m : k.connections.synModels) {
            if (!recordsSecondaryWeights(m) || (wfrPass && !(m.gap || m.instantRate || m.diffusion))) continue;
            NodeBlock rb = nm.blockOf(m.weightRecorder);
            if (!(rb instanceof org.nestj.engine.devices.WeightRecorder)) continue;
            org.nestj.engine.devices.WeightRecorder wr = (org.nestj.engine.devices.WeightRecorder) rb;
            int ri = (int) (m.weightRecorder - rb.firstGid);
            // a model with per-connection state has its own tables; the others share the static ones
            // (from neurons: stores; from devices such as step_rate_generator: deviceStores)
            ConnTable[] own = k.connections.plastic[m.id];
            List<long[]> rows = new ArrayList<>();
            for (ConnTable tab : own != null ? own : k.connections.stores) collectWeights(rows, tab, own == null ? m.id : -1, wr, ri, stamp, true);
            if (own == null) {
                List<long[]> dev = new ArrayList<>();
                for (ConnTable tab : k.connections.deviceStores) collectWeights(dev, tab, m.id, wr, ri, stamp, false);
                // a device's port: its index among the device's connections of the model, by target (as GetConnections)
                dev.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[2], y[2]));
                for (int q = 0; q < dev.size(); q++) dev.get(q)[0] = q > 0 && dev.get(q - 1)[1] == dev.get(q)[1] ? dev.get(q - 1)[0] + 1 : 0;
                rows.addAll(dev);
            }
            // the one-thread connector order: by source, then port
            rows.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
            for (long[] r : rows) wr.record(ri, r[1], r[2], stamp, Double.longBitsToDouble(r[4]), r[3], r[0]);
        }
    }

    /**
     * Rows {port, source, target, rport, weight bits} of table tab's connections (of synapse id syn, or
     * all with syn < 0) that recorder ri of wr accepts at stamp; neuronPorts: the one-thread port of a
     * connection from a neuron, else 0 (set by the caller).
     */
    private void collectWeights(List<long[]> rows, ConnTable tab, int syn, org.nestj.engine.devices.WeightRecorder wr,
            int ri, long stamp, boolean neuronPorts) {
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            int[] off = c.offsets;
            for (int g = 1; g + 1 < off.length; g++) {
                for (int q = off[g]; q < off[g + 1]; q++) {
                    if (syn >= 0 && c.synOf(q) != syn) continue;
                    if (!wr.accepts(ri, g, c.tgt[q], stamp)) continue;
                    long port = neuronPorts ? k.connections.threadIndependentPort(g, c, q) : 0;
                    rows.add(new long[] {port, g, c.tgt[q], c.rportOf(q), Double.doubleToRawLongBits(c.weight(q))});
                }
            }
        }
    }

    /** true if model m carries secondary events, has connections and a weight_recorder */
    private static boolean recordsSecondaryWeights(SynapseModel m) {
        return m.weightRecorder > 0 && m.numConnections > 0
                && (m.gap || m.delayedRate || m.instantRate || m.diffusion || m.learningSignal || m.sic);
    }

    /** true if some secondary connection model with connections has a weight_recorder */
    boolean secondaryWeightsRecorded() {
        for (SynapseModel m : k.connections.synModels) {
            if (recordsSecondaryWeights(m)) return true;
        }
        return false;
    }

    /** Updates the devices that send rates locally (all their nodes), before the other nodes. */
    void updateLocalSenders(long origin, int from, int to, SpikeOut out) {
        for (NodeBlock b : localSenders) {
            if (b.frozen != null) SimulationManager.updateUnfrozen(b, origin, from, to, 0, b.n, out);
            else b.update(origin, from, to, 0, b.n, out);
        }
    }

    /** NEST's send_local_ for node i of a device: its buffer goes to all its targets now. */
    public void sendLocal(NodeBlock b, int i, long origin) {
        Out o = b.rateOut;
        int md = o.minDelay;
        int base = i * md;
        int g = (int) b.gid(i);
        NodeManager nm = k.nodes;
        for (ConnTable tab : k.connections.deviceStores) {
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                if (g + 1 >= off.length) continue;
                for (int q = off[g], e = off[g + 1]; q < e; q++) {
                    NodeBlock tb = nm.blockOf(c.tgt[q]);
                    int ti = (int) (c.tgt[q] - tb.firstGid);
                    double w = c.weight(q);
                    long s0 = origin + c.delayOf(q) - md;
                    int rp = c.rportOf(q);
                    if (tb.wholeRateEvents()) {
                        tb.handleRateEvent(ti, o.v, base, md, w, rp, g, true);
                        continue;
                    }
                    for (int lag = 0; lag < md; lag++) tb.handleDelayedRate(ti, s0 + lag, o.v[base + lag], w, rp);
                }
            }
        }
    }

    /**
     * End of slice: delivers every sender's buffers through its rate connections into targets owned
     * by thread t (delayed events by arrival step; instantaneous ones, the end-of-slice guesses, into
     * the per-lag buffers used by the next slice).
     */
    void deliver(int t, long origin) {
        deliver(k.connections.stores[t], origin);
        deliver(k.connections.deviceStores[t], origin);
        if (learningSignalsExist) deliverLearningSignals(t, origin);
        if (instantExist) deliverInstant(t);
        if (gapModels.length > 0) deliverGap(t);
        if (diffusionExist) deliverDiffusion(t);
    }

    private boolean[] instantSyn = new boolean[0];
    /** which synapse ids carry NEST's LearningSignalConnectionEvent (eprop_learning_signal_connection*) */
    private boolean[] lsSyn = new boolean[0];
    boolean learningSignalsExist;

    /**
     * NEST's delivery of the LearningSignalConnectionEvents (deliver_secondary_events at the start of the
     * next slice, stamped slice origin + 1 - min_delay, i.e. this slice's origin + 1): each sender's error
     * signals of this slice through its learning signal connections into the targets owned by thread t.
     */
    private void deliverLearningSignals(int t, long origin) {
        NodeManager nm = k.nodes;
        final long stamp = origin + 1;
        ConnTable tab = k.connections.stores[t];
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            int[] off = c.offsets;
            for (NodeBlock b : senders) {
                Out o = b.rateOut;
                if (o.ls == null) continue;
                int md = o.minDelay;
                for (int i = 0; i < b.n; i++) {
                    int g = (int) b.gid(i);
                    if (g + 1 >= off.length) continue;
                    int base = i * md;
                    NodeBlock tb = null;
                    for (int q = off[g], e = off[g + 1]; q < e; q++) {
                        if (!lsSyn[c.synOf(q)]) continue;
                        int tg = c.tgt[q];
                        tb = nm.blockOf(tg, tb);
                        tb.handleLearningSignal((int) (tg - tb.firstGid), stamp, o.ls, base, md, c.weight(q));
                    }
                }
            }
        }
    }
    /** which synapse ids are sic_connection (SICEvent, delivered like delayed rates) */
    private boolean[] sicSyn = new boolean[0];
    boolean instantExist;
    /** diffusion_connection models (and copies) with connections */
    private SynapseModel[] diffusionSyn = new SynapseModel[0];
    boolean diffusionExist;
    private NodeBlock[] wfrBlocks = new NodeBlock[0];
    private int wfrMaxIterations = 15;

    /** At Prepare, after {@link #prepare}: which synapse ids are instantaneous; true if waveform relaxation runs. */
    boolean prepareWfr() {
        List<SynapseModel> sms = k.connections.synModels;
        instantSyn = new boolean[sms.size()];
        sicSyn = new boolean[sms.size()];
        for (SynapseModel m : sms) sicSyn[m.id] = m.sic;
        lsSyn = new boolean[sms.size()];
        learningSignalsExist = false;
        for (SynapseModel m : sms) {
            lsSyn[m.id] = m.learningSignal;
            learningSignalsExist |= m.learningSignal && m.numConnections > 0;
        }
        boolean any = false;
        for (SynapseModel m : sms) {
            instantSyn[m.id] = m.instantRate;
            any |= m.instantRate && m.numConnections > 0;
        }
        any |= gapModels.length > 0;
        instantExist = any;
        List<SynapseModel> dif = new ArrayList<>();
        for (SynapseModel m : sms) {
            if (m.diffusion && m.numConnections > 0) dif.add(m);
        }
        diffusionSyn = dif.toArray(new SynapseModel[0]);
        diffusionExist = !dif.isEmpty();
        any |= diffusionExist;
        List<NodeBlock> w = new ArrayList<>();
        for (NodeBlock b : k.nodes.blocks) {
            if (b.usesWfr()) w.add(b);
        }
        wfrBlocks = w.toArray(new NodeBlock[0]);
        double wfrTol = k.wfrTol;
        wfrMaxIterations = (int) k.wfrMaxIterations;
        for (NodeBlock b : wfrBlocks) b.setWfrTol(wfrTol);
        return any && wfrBlocks.length > 0;
    }

    /**
     * NEST's waveform relaxation before the update of lags [from, ...): wfr nodes run the whole
     * slice (to min_delay) on copies of their state and exchange instantaneous rates, until every
     * node converged or wfr_max_iterations passes were made.
     */
    void wfrIterate(long origin, int from, int minDelay, int to) {
        final int T = k.parallel.threads();
        final boolean[] done = new boolean[T];
        for (int it = 0; it < wfrMaxIterations; it++) {
            k.parallel.run(t -> {
                boolean d = true;
                for (NodeBlock b : wfrBlocks) {
                    int i0 = b.threadStart[t], i1 = b.threadStart[t + 1];
                    if (i0 < i1) d = b.wfrUpdate(origin, from, minDelay, i0, i1) && d;
                }
                done[t] = d;
            });
            k.parallel.run(this::deliverWfr);
            if (secondaryWeightsRecorded()) recordSecondaryWeights(origin + 1 - minDelay, true);
            boolean all = true;
            for (boolean d : done) all &= d;
            if (all) return;
        }
        // NEST reports the interval up to the end of this update (to_step), in its default number format
        org.nestj.engine.Log.warning("SimulationManager::wfr_update", "Maximum number of iterations reached at interval "
                + org.nestj.engine.NestException.ostream(k.time.stepsToMs(origin)) + "-" + org.nestj.engine.NestException.ostream(k.time.stepsToMs(origin) + to * k.time.resolution()) + " ms");
    }

    /** The events of a waveform-relaxation pass: those of the connection models that support wfr. */
    private void deliverWfr(int t) {
        if (instantExist) deliverInstant(t);
        if (gapModels.length > 0) deliverGap(t);
        if (diffusionExist) deliverDiffusion(t);
    }

    /**
     * Delivers the DiffusionConnectionEvents of all diffusion senders (their rates in {@code rateOut.vi})
     * through the diffusion connections into targets owned by thread t: each value reaches the same lag
     * of the target's slice, with the connection's drift_factor and diffusion_factor.
     */
    private void deliverDiffusion(int t) {
        NodeManager nm = k.nodes;
        for (SynapseModel m : diffusionSyn) {
            ConnTable[] pt = k.connections.plastic[m.id];
            if (pt == null) continue;
            ConnTable tab = pt[t];
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                double[] drift = c.ext[0], diff = c.ext[1];
                for (NodeBlock b : senders) {
                    if (!b.sendsDiffusion()) continue;
                    Out o = b.rateOut;
                    int md = o.minDelay;
                    for (int i = 0; i < b.n; i++) {
                        int g = (int) b.gid(i);
                        if (g + 1 >= off.length) continue;
                        int base = i * md;
                        NodeBlock tb = null;
                        for (int q = off[g], e = off[g + 1]; q < e; q++) {
                            int tg = c.tgt[q];
                            tb = nm.blockOf(tg, tb);
                            int ti = (int) (tg - tb.firstGid);
                            double df = drift[q], sf = diff[q];
                            int rp = c.rportOf(q);
                            for (int lag = 0; lag < md; lag++) tb.handleDiffusion(ti, lag, o.vi[base + lag], df, sf, rp);
                        }
                    }
                }
            }
        }
    }

    /** Delivers the instantaneous rate events of all senders into targets owned by thread t. */
    private void deliverInstant(int t) {
        NodeManager nm = k.nodes;
        ConnTable tab = k.connections.stores[t];
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            int[] off = c.offsets;
            for (NodeBlock b : senders) {
                Out o = b.rateOut;
                int md = o.minDelay;
                for (int i = 0; i < b.n; i++) {
                    int g = (int) b.gid(i);
                    if (g + 1 >= off.length) continue;
                    int base = i * md;
                    for (int q = off[g], e = off[g + 1]; q < e; q++) {
                        if (!instantSyn[c.synOf(q)]) continue;
                        NodeBlock tb = nm.blockOf(c.tgt[q]);
                        int ti = (int) (c.tgt[q] - tb.firstGid);
                        double w = c.weight(q);
                        int rp = c.rportOf(q);
                        for (int lag = 0; lag < md; lag++) tb.handleInstantRate(ti, lag, o.vi[base + lag], w, rp);
                    }
                }
            }
        }
    }

    private void deliver(ConnTable tab, long origin) {
        NodeManager nm = k.nodes;
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            int[] off = c.offsets;
            for (NodeBlock b : senders) {
                Out o = b.rateOut;
                int md = o.minDelay;
                for (int i = 0; i < b.n; i++) {
                    int g = (int) b.gid(i);
                    if (g + 1 >= off.length) continue;
                    int base = i * md;
                    NodeBlock tb = null;
                    for (int q = off[g], e = off[g + 1]; q < e; q++) {
                        int sy = c.synOf(q);
                        if (instantSyn.length > sy && instantSyn[sy]) continue;
                        if (lsSyn.length > sy && lsSyn[sy]) continue;
                        final int tg = c.tgt[q];
                        tb = nm.blockOf(tg, tb);
                        int ti = (int) (tg - tb.firstGid);
                        double w = c.weight(q);
                        long s0 = origin + c.delayOf(q);
                        int rp = c.rportOf(q);
                        if (sicSyn.length > sy && sicSyn[sy]) {
                            tb.handleSicEvent(ti, s0, o.v, base, md, w, rp);
                        } else if (tb.wholeRateEvents()) {
                            tb.handleRateEvent(ti, o.v, base, md, w, rp, g, false);
                        } else {
                            for (int lag = 0; lag < md; lag++) tb.handleDelayedRate(ti, s0 + lag, o.v[base + lag], w, rp);
                        }
                    }
                }
            }
        }
    }
}
