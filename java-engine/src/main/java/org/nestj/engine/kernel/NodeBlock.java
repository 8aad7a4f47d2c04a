package org.nestj.engine.kernel;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.nestj.engine.NestException;

/**
 * A block of nodes of one model created by one Create call, stored as structure of arrays: each
 * {@link PerNode} field has one entry per node. It plays the role of NEST's Node for all its nodes:
 * status get/set (Parameters_/State_), {@link #calibrate()} (pre_run_hook), {@link #update}
 * over a range of its nodes, and the handlers for incoming events (which only add to ring buffers).
 */
public abstract class NodeBlock {
    public static final int ELEMENT_NEURON = 0, ELEMENT_STIMULATOR = 1, ELEMENT_RECORDER = 2, ELEMENT_OTHER = 3;

    /** What a node sends to its targets. */
    public enum Emits { SPIKE, CURRENT, DATA_REQUEST, NOTHING }

    public Model model;
    public Kernel kernel;
    public long firstGid;
    /** the spatial layer of this block (Create with positions), null for nodes without positions */
    public org.nestj.engine.spatial.Layer layer;
    public final int n;
    public int blockIndex;
    /** chunk boundaries per thread: nodes [threadStart[t], threadStart[t+1]) are updated by thread t. */
    public int[] threadStart;
    /** Data loggers attached (multimeters recording from nodes of this block), per node; null if none. */
    public DataLogger.Target[][] recordedBy;
    private Rng[] dsRng;
    public boolean[] frozen;
    /** Set by stimulation devices that emitted events in the current slice. */
    public volatile boolean hasEmissions;
    /** Set in update by nodes that need {@link #afterUpdate} (run serially once all threads updated). */
    public volatile boolean hasAfterUpdate;
    public boolean buffersInitialised;
    /** NEST's node_uses_wfr_ of models that support waveform relaxation: the kernel's use_wfr when the node was created. */
    public boolean nodeUsesWfr = true;

    protected NodeBlock(int n) {
        this.n = n;
    }

    /** A new block of this model with n nodes, holding its constructor defaults. */
    public abstract NodeBlock make(int n);

    public abstract int elementType();

    public Emits emits() {
        return Emits.SPIKE;
    }

    public String elementTypeName() {
        switch (elementType()) {
            case ELEMENT_NEURON: return "neuron";
            case ELEMENT_STIMULATOR: return "stimulator";
            case ELEMENT_RECORDER: return "recorder";
            default: return "other";
        }
    }

    /** Writes the status of node i (its parameters and state) into out. */
    public abstract void getStatus(int i, Map<String, Object> out);

    /** Applies a status dictionary to node i; reads keys through s so unread ones can be reported. */
    public abstract void setStatus(int i, Status s);

    /** The recordable names, in NEST's order; empty if the model records nothing. */
    public String[] recordables() {
        return new String[0];
    }

    /** Value of recordable var (index into {@link #recordables()}) of node i. */
    public double recordable(int var, int i) {
        throw new IllegalStateException("no recordables");
    }

    /** Receptor names and ports, as NEST's "receptor_types" (empty map if none). */
    public Map<String, Long> receptorTypes() {
        return null;
    }

    /** Allocates/clears input buffers (NEST's init_buffers_); ringLen = min_delay + max_delay steps. */
    public void initBuffers(int ringLen) {
    }

    /** NEST's pre_run_hook: derived variables from parameters and the resolution, for all nodes. */
    public void calibrate() {
    }

    /** Advances nodes [i0, i1) over steps origin+from .. origin+to-1. */
    public abstract void update(long origin, int from, int to, int i0, int i1, SpikeOut out);

    /**
     * Checks that this model can receive spikes on rport and returns the port to store.
     * Default: port 0 only.
     */
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) {
            throw unknownReceptor(rport, "SpikeEvent");
        }
        return rport;
    }

    /** NEST's default Node::handles_test_event(SpikeEvent&): for models that take no spike input. */
    public static NestException noSpikeInput() {
        return NestException.cannotConnect("The target node or synapse model does not support spike input.\n"
                + "  Note that volt/multimeters must be connected as Connect(meter, neuron).");
    }

    /**
     * The check for connecting into node i (NEST's handles_test_event on the target node); by
     * default the same for all nodes of the block. Models whose receptors differ per node override it.
     */
    public int checkSpikeReceptor(int i, int rport, Model src) {
        return checkSpikeReceptor(rport, src);
    }

    public int checkCurrentReceptor(int rport) {
        throw NestException.cannotConnect("The target node or synapse model does not support current input.");
    }

    public boolean acceptsDataRequest() {
        return recordables().length > 0;
    }

    /** Checks of a target's handles_test_event(DataLoggingRequest&) before the data logger's own; none by default. */
    public void checkDataLoggingRequest() {
    }

    /** NEST's SignalType flags (nestkernel/node.h): what a node's events mean, spikes or binary transitions. */
    public static final int SIGNAL_SPIKE = 1, SIGNAL_BINARY = 2, SIGNAL_ALL = 3;

    /** NEST's Node::sends_signal: SPIKE unless overridden. */
    public int sendsSignal() {
        return SIGNAL_SPIKE;
    }

    /** NEST's Node::receives_signal: SPIKE unless overridden. */
    public int receivesSignal() {
        return SIGNAL_SPIKE;
    }

    /**
     * NEST's UnknownReceptorType(receptor_type, name): "Receptor type r is not available in model."
     * (what, the event type refused, is for the reader of the code only: NEST's message does not name it).
     */
    protected NestException unknownReceptor(int rport, String what) {
        return new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in "
                + model.name + ".");
    }

    /**
     * NEST's handles_test_event(DataLoggingRequest&amp;) for a receptor other than 0 (checked before the
     * data logger's own checks): UnknownReceptorType in most models.
     */
    public NestException dataLoggingReceptorError(int rport) {
        return unknownReceptor(rport, "DataLoggingRequest");
    }

    protected NestException incompatibleReceptor(int rport, String what) {
        return new NestException("IncompatibleReceptorType", "Receptor type " + rport + " in " + model.name
                + " does not accept " + what + ".");
    }

    /**
     * A spike arrives at node i, to be used in the update of step {@code step} (absolute). weight
     * already includes the connection weight; mult is the multiplicity. Recorders also get the sender
     * and the spike's stamp (step) and precise offset.
     */
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        throw new IllegalStateException(model.name + " does not handle spikes");
    }

    /**
     * Ring-buffer length if this block accepts plain spike input through {@link #addSpikeAtSlot}
     * (a fast path for device events that skips per-event modulo and bookkeeping), else 0.
     */
    public int spikeSlotLength() {
        return spikeBuf != null ? spikeBuf.len : 0;
    }

    /** Adds weight * multiplicity for the update of the step whose ring slot is {@code slot}. */
    public void addSpikeAtSlot(int i, int slot, double weightTimesMult, int rport) {
        if (spikeBuf == null) throw new IllegalStateException(model.name + " has no slot input");
        spikeBuf.d[((weightTimesMult > 0 ? spikeChPos : spikeChNeg) * spikeBuf.len + slot) * n + i] += weightTimesMult;
    }

    /**
     * For device fast paths that add to the ring buffer directly: the index in {@link #spikeData}
     * of node i's ring slot 0 in the channel of weights of w's sign (slot s at + s * n). Adding
     * w * m there for a multiplicity m >= 1 is what {@link #addSpikeAtSlot} does; for m = 0 the
     * added +-0.0 leaves the sum unchanged (a buffer sum is never -0.0).
     */
    public final int spikeSlotBase(int i, double w) {
        return ((w > 0 ? spikeChPos : spikeChNeg) * spikeBuf.len) * n + i;
    }

    /** The ring buffer of plain spike input (see {@link #spikeSlotLength}). */
    public final double[] spikeData() {
        return spikeBuf.d;
    }

    /**
     * Models whose spike input is a plain sum per step (NEST's RingBuffer for spikes) name their
     * InputBuffer and the channels of positive and of other weights here; spike delivery then
     * writes the buffer directly (see {@link #deliverRun}, {@link #deliverSpan}).
     */
    protected InputBuffer spikeBuf;
    protected int spikeChPos, spikeChNeg;

    protected final void useSpikeInput(InputBuffer b, int chPos, int chNeg) {
        spikeBuf = b;
        spikeChPos = chPos;
        spikeChNeg = chNeg;
    }

    /** A current (already multiplied by the connection weight) for the update of step. */
    public void handleCurrent(int i, long step, double current, int rport) {
        throw new IllegalStateException(model.name + " does not handle currents");
    }

    // ------------------------------------------------------------------ secondary (rate) events

    /**
     * Send buffer of NEST's DelayedRateConnectionEvent for blocks that {@link #sendsRates()}: per node
     * min_delay values, written by update, delivered by {@link RateEvents} at the end of every slice.
     */
    public RateEvents.Out rateOut;

    /** true if the nodes send rates through rate_connection_delayed (and no spikes). */
    public boolean sendsRates() {
        return false;
    }

    /**
     * true if the nodes also send rates through rate_connection_instantaneous (NEST's
     * sends_secondary_event(InstantaneousRateConnectionEvent&)): the rate neurons; not the devices
     * sending rates locally, nor the e-prop readouts.
     */
    public boolean sendsInstantRates() {
        return sendsRates() && !sendsRatesLocally();
    }

    /**
     * true for devices sending rates: they have no proxies, so NEST delivers their rates at once
     * (send_local_) during their update; nestj updates them before all other nodes of each slice.
     */
    public boolean sendsRatesLocally() {
        return false;
    }

    /** Checks that node i accepts a delayed rate connection on rport; returns the port to store. */
    public int checkDelayedRateReceptor(int i, int rport) {
        // NEST's Node::handles_test_event(DelayedRateConnectionEvent&)
        throw NestException.cannotConnect("The target node or synapse model does not support delayed rate input.");
    }

    /**
     * As {@link #checkDelayedRateReceptor(int, int)}, knowing the source (NEST's handles_test_event sees the
     * sender); by default the source does not matter.
     */
    public int checkDelayedRateReceptor(int i, int rport, NodeBlock src) {
        return checkDelayedRateReceptor(i, rport);
    }

    /**
     * true for models whose handle(DelayedRateConnectionEvent&amp;) takes the whole event at once
     * ({@link #handleRateEvent}) instead of filing each lag's value by its arrival step (handleDelayedRate).
     */
    public boolean wholeRateEvents() {
        return false;
    }

    /**
     * NEST's handle(DelayedRateConnectionEvent&amp;) for {@link #wholeRateEvents} models: the sender's min_delay
     * values v[base .. base + len) through a connection of weight w on rport; local: the sender is a device
     * delivering during its update (send_local_, which nestj runs before all other nodes of the slice; NEST
     * updates a node's thread in node-id order), else the event arrives at the start of the next slice.
     */
    public void handleRateEvent(int i, double[] v, int base, int len, double w, int rport, long senderGid, boolean local) {
        throw new IllegalStateException(model.name + " does not handle rate events");
    }

    // ------------------------------------------------------------------ learning signals (e-prop)

    /**
     * true for nodes that send NEST's LearningSignalConnectionEvent (e-prop readout neurons): per node and
     * update min_delay values written into {@code rateOut.ls}, delivered by {@link RateEvents} at the end of
     * the slice through the connections of learning signal synapse models ({@link SynapseModel#learningSignal}).
     */
    public boolean sendsLearningSignals() {
        return false;
    }

    /** NEST's handles_test_event(LearningSignalConnectionEvent&amp;): the port to store, or IllegalConnection. */
    public int checkLearningSignalReceptor(int i, int rport) {
        throw NestException.cannotConnect("The target node cannot handle learning signal events or synapse is not "
                + "of type eprop_learning_signal_connection_bsshslm_2020.");
    }

    /**
     * NEST's handle(LearningSignalConnectionEvent&amp;): the sender's values v[base .. base + len) through a
     * connection of the given weight, stamped stampSteps.
     */
    public void handleLearningSignal(int i, long stampSteps, double[] v, int base, int len, double weight) {
        throw new IllegalStateException(model.name + " does not handle learning signals");
    }

    /** Checks that node i accepts an instantaneous rate connection on rport; returns the port to store. */
    public int checkInstantRateReceptor(int i, int rport) {
        throw NestException.cannotConnect("The target node or synapse model does not support instantaneous rate input.");
    }

    /** An instantaneous rate for lag `lag` of the current slice, sent through a connection of the given weight. */
    public void handleInstantRate(int i, int lag, double rate, double weight, int rport) {
        throw new IllegalStateException(model.name + " does not handle rates");
    }

    /** The kernel's wfr_tol, set at Prepare for nodes that {@link #usesWfr()}. */
    public void setWfrTol(double tol) {
    }

    /** true for NEST's nodes with node_uses_wfr: they take part in waveform relaxation. */
    public boolean usesWfr() {
        return false;
    }

    /**
     * One waveform-relaxation pass of nodes [i0, i1) over lags [from, to) that leaves their state
     * unchanged and sends instantaneous rates; true if all of them converged.
     */
    public boolean wfrUpdate(long origin, int from, int to, int i0, int i1) {
        return true;
    }

    // ------------------------------------------------------------------ gap junctions (GapJunctionEvent)

    /**
     * true for models that send NEST's GapJunctionEvent (sends_secondary_event): per node and lag the
     * wfr_interpolation_order + 1 coefficients of the membrane potential's interpolation polynomial,
     * written into {@link RateEvents.Out#gap} by update and wfrUpdate.
     */
    public boolean sendsGap() {
        return false;
    }

    /** NEST's handles_test_event(GapJunctionEvent): the port to store, or IllegalConnection. */
    public int checkGapReceptor(int i, int rport) {
        throw NestException.cannotConnect(
                "The target node or synapse model does not support gap junction input.");
    }

    /**
     * NEST's handle(GapJunctionEvent): a gap junction of weight w from a node whose coefficients are
     * src[base .. base + len) (min_delay * (order + 1) values, lag-major).
     */
    public void handleGap(int i, double[] src, int base, int len, double w) {
        throw new IllegalStateException(model.name + " does not handle gap junction events");
    }

    /** A rate value sent through a connection of the given weight, for the update of step. */
    public void handleDelayedRate(int i, long step, double rate, double weight, int rport) {
        throw new IllegalStateException(model.name + " does not handle rates");
    }

    /**
     * true if the nodes send NEST's DiffusionConnectionEvent (siegert_neuron) through diffusion_connection;
     * such blocks also return true from {@link #sendsRates()} and write their values into
     * {@code rateOut.vi} (delivered like instantaneous rates, with waveform relaxation).
     */
    public boolean sendsDiffusion() {
        return false;
    }

    /** Checks that node i accepts a diffusion connection on rport; returns the port to store. */
    public int checkDiffusionReceptor(int i, int rport) {
        throw NestException.cannotConnect("The target node or synapse model does not support diffusion input.");
    }

    /** A DiffusionConnectionEvent value for lag `lag` of the current slice through a connection with these factors. */
    public void handleDiffusion(int i, int lag, double value, double driftFactor, double diffusionFactor, int rport) {
        throw new IllegalStateException(model.name + " does not handle diffusion input");
    }

    /**
     * true if the nodes send NEST's SICEvent (astrocyte_lr_1994) through sic_connection; such blocks also
     * return true from {@link #sendsRates()} and write their values into {@code rateOut.v} (delivered
     * like delayed rates).
     */
    public boolean sendsSic() {
        return false;
    }

    /** Checks that node i accepts a SIC connection on rport; returns the port to store. */
    public int checkSicReceptor(int i, int rport) {
        throw NestException.illegalConnection("Creation of connection is not possible.");
    }

    /**
     * One SICEvent through a sic_connection of the given weight: the md slow inward current values
     * v[base..base+md) for the updates of steps step0..step0+md-1 (NEST's handle(SICEvent&) loop over the
     * event's coefficients).
     */
    public void handleSicEvent(int i, long step0, double[] v, int base, int md, double weight, int rport) {
        throw new IllegalStateException(model.name + " does not handle SIC input");
    }

    /** Called once after the block got its ids and kernel (per-block set-up). */
    public void created() {
    }

    /**
     * NEST's Node::is_off_grid: node i sends spikes with offsets (precise spike times, or a value the
     * receiving model reads from the offset, as iaf_bw_2001 and iaf_tum_2000). Creating nodes of a model
     * whose prototype is off-grid sets the kernel's off_grid_spiking (NodeManager::add_node).
     */
    public boolean isOffGrid(int i) {
        return false;
    }

    /**
     * The source's part of NEST's send_test_event for a spike connection to node ti of target (after
     * the kernel's checks, before the target's receptor check): IllegalConnection if this model does
     * not send to it.
     */
    public void checkSpikeTarget(NodeBlock target, int ti) {
    }

    /**
     * NEST's Node::calibrate_time: the tic length or resolution has changed (the kernel's Time already
     * holds the new one); time parameters kept in tics are converted through their time in ms
     * (TimeConverter::from_old_tics). Called on the model prototypes only: the time representation
     * can change only before nodes exist. Most models keep no such parameters.
     */
    public void calibrateTime(double oldTicsPerMs) {
    }

    /**
     * For a segment with one weight and one delay: the offset in the spike input buffer of the ring
     * row (channel by the sign of weight s, slot of emitStep plus the delay) minus this block's first
     * node id, so that row + target id addresses a target's cell.
     */
    private int uniformRow(ConnStore c, InputBuffer ib, long emitStep, double s) {
        final int len = ib.len;
        int slot = (int) (emitStep % len) + c.delayConst;
        if (slot >= len) slot -= len;
        return ((s > 0 ? spikeChPos : spikeChNeg) * len + slot) * n - (int) firstGid;
    }

    /**
     * Delivers one spike through connections [a, b) of store c, all targeting this block: straight
     * into the spike input buffer if the model has one, else by {@link #handleSpike} per connection.
     */
    public void deliverRun(ConnStore c, int a, int b, long emitStep, int mult, long srcGid, double offset) {
        if (c.doff != null) {
            deliverRunShifted(c, a, b, emitStep, mult, srcGid, offset);
            return;
        }
        final int[] tgt = c.tgt;
        final InputBuffer ib = spikeBuf;
        if (ib == null) {
            final long fg = firstGid;
            for (int k = a; k < b; k++) {
                handleSpike((int) (tgt[k] - fg), emitStep + c.delayOf(k), c.weight(k), mult, c.rportOf(k), srcGid,
                        emitStep + 1, offset);
            }
            return;
        }
        final double[] w = c.w;
        final char[] wi = c.wi;
        final double[] wt = c.wtab;
        final char[] d = c.delay;
        final int dc = c.delayConst;
        final double[] bd = ib.d;
        final int len = ib.len, nn = n, chP = spikeChPos, chN = spikeChNeg;
        final int fg = (int) firstGid;
        final int base = (int) (emitStep % len);
        if (w == null && wi == null && d == null) {
            // one weight and one delay for the whole segment: all events of this spike go to one ring row
            final double s = wt[0] * mult;
            final int row = uniformRow(c, ib, emitStep, s);
            for (int k = a; k < b; k++) bd[row + tgt[k]] += s;
            return;
        }
        for (int k = a; k < b; k++) {
            double s = (w != null ? w[k] : wt[wi != null ? wi[k] : 0]) * mult;
            int slot = base + (d != null ? d[k] : dc);
            if (slot >= len) slot -= len;
            bd[((s > 0 ? chP : chN) * len + slot) * nn + (tgt[k] - fg)] += s;
        }
    }

    /**
     * {@link #deliverRun} through a segment holding cont_delay_synapse connections: each connection
     * moves the spike by its delay offset (ConnStore#sendDelay, #sendOffset), as NEST's
     * cont_delay_synapse::send does before the target handles the event.
     */
    private void deliverRunShifted(ConnStore c, int a, int b, long emitStep, int mult, long srcGid, double offset) {
        final int[] tgt = c.tgt;
        final double h = kernel.time.resolution();
        final long fg = firstGid;
        final InputBuffer ib = spikeBuf;
        for (int k = a; k < b; k++) {
            final int ti = (int) (tgt[k] - fg);
            final long step = emitStep + c.sendDelay(k, offset, h);
            if (ib == null) {
                handleSpike(ti, step, c.weight(k), mult, c.rportOf(k), srcGid, emitStep + 1, c.sendOffset(k, offset, h));
            } else {
                addSpikeAtSlot(ti, (int) (step % ib.len), c.weight(k) * mult, c.rportOf(k));
            }
        }
    }

    /**
     * A spike emitted by node i of this (device) block in step emitStep with precise offset off,
     * through connection k of device store c to node ti of block tb: NEST's Connection::send, which
     * cont_delay_synapse connections shift by their delay offset (ConnStore#sendDelay).
     */
    protected final void sendSpike(ConnStore c, int k, NodeBlock tb, int ti, long emitStep, double w, int mult, int i,
            double off) {
        final double h = kernel.time.resolution();
        tb.handleSpike(ti, emitStep + c.sendDelay(k, off, h), w, mult, c.rport[k], gid(i), emitStep + 1,
                c.sendOffset(k, off, h));
    }

    /**
     * Delivers one spike through connections a, a+1, ... of store c (targets sorted within a
     * source) up to the first one whose target lies beyond this block, or up to e; returns the
     * index where it stopped.
     */
    public int deliverSpan(ConnStore c, int a, int e, long emitStep, int mult, long srcGid, double offset) {
        final int[] tgt = c.tgt;
        final int last = (int) (firstGid + n);
        if (tgt[e - 1] < last) {
            deliverRun(c, a, e, emitStep, mult, srcGid, offset);
            return e;
        }
        final InputBuffer ib = spikeBuf;
        if (ib != null && c.doff == null && c.w == null && c.wi == null && c.delay == null) {
            // one weight and one delay for the segment, and the run goes on into a later block:
            // deliver until the first target beyond this block (the scan reads only the cache lines
            // the delivery reads; a binary search for the end would miss the cache several times)
            final double s = c.wtab[0] * mult;
            final int row = uniformRow(c, ib, emitStep, s);
            final double[] bd = ib.d;
            int k = a;
            for (; k < e; k++) {
                final int tg = tgt[k];
                if (tg >= last) break;
                bd[row + tg] += s;
            }
            return k;
        }
        final int m = spanEnd(c, a, e);
        deliverRun(c, a, m, emitStep, mult, srcGid, offset);
        return m;
    }

    /** The end of the run of connections [a, m) of one source in [a, e) whose targets are in this block (a's block). */
    public final int spanEnd(ConnStore c, int a, int e) {
        final int[] tgt = c.tgt;
        final int last = (int) (firstGid + n);
        // the first connection to a later block (a's target is in this one, e - 1's is not)
        return tgt[e - 1] < last ? e : ConnStore.lowerBound(tgt, a + 1, e - 1, last);
    }

    /**
     * NEST's global receivers (no proxies, not a local receiver: volume_transmitter): NEST connects a
     * neuron to such a node once per thread, to each thread's copy; nestj keeps one connection and
     * shows NEST's copies in GetConnections and the connection counts.
     */
    public boolean globalReceiver() {
        return false;
    }

    /**
     * Whether NEST gives this model's nodes proxies (Node::has_proxies), for the thread and VP NEST
     * would assign (node id modulo the number of threads; devices: a replica on every thread). Neurons
     * and spike_train_injector do; nestj's own thread split does not depend on it.
     */
    public boolean proxiesInNest() {
        return hasProxies();
    }

    /**
     * NEST's Node::has_proxies: neurons have proxies, devices (and the volume_transmitter) not. A
     * neuron's spike of multiplicity n reaches nodes with proxies as n single spikes (NEST's
     * send_remote unrolls it for plastic synapses), nodes without once (send_to_devices).
     */
    public final boolean hasProxies() {
        return elementType() == ELEMENT_NEURON;
    }

    /**
     * Work of the update of steps from..to that touches state owned by other threads (e.g. the
     * volume_transmitter updating the weights of its synapses); runs serially after the parallel
     * update when {@link #hasAfterUpdate} was set.
     */
    public void afterUpdate(long origin, int from, int to) {
    }

    /**
     * Stimulation devices: deliver this slice's emissions through the connections of segment c
     * (targets owned by one thread) to the targets with ids in [gidLo, gidHi).
     */
    public void deliverEmissions(ConnStore c, long origin, long gidLo, long gidHi) {
    }

    /** Stimulation devices: forget this slice's emissions. */
    public void clearEmissions() {
    }

    /**
     * true if this block's emissions may be delivered during the next slice's parallel region,
     * while its nodes are updated again: delivery reads only the emission records and parameters
     * that do not change during a run.
     */
    public boolean emissionsDeferrable() {
        return false;
    }

    /** Set while emissions moved aside by {@link #deferEmissions} wait for delivery. */
    public boolean hasDeferred;

    /** Moves this slice's emissions aside for delivery in the next slice; new ones start empty. */
    public void deferEmissions() {
        throw new IllegalStateException(model.name + " cannot defer emissions");
    }

    /** Delivers the emissions moved aside, like {@link #deliverEmissions}. */
    public void deliverDeferred(ConnStore c, long origin, long gidLo, long gidHi) {
    }

    /** Forgets the emissions moved aside. */
    public void clearDeferred() {
        hasDeferred = false;
    }

    /**
     * Connections with state (SynapseType) from this device: delivers this slice's emissions of
     * its nodes through the connections of segment c (one synapse model m, targets owned by one
     * thread) to the targets with ids in [gidLo, gidHi), each event through the synapse's send()
     * (x: the executing thread's scratch). Devices that have no such connections do nothing.
     */
    public void deliverPlasticEmissions(ConnStore c, SynapseModel m, long origin, long gidLo, long gidHi,
            SynapseType.Ctx x) {
    }

    /** As {@link #deliverPlasticEmissions}, for the emissions moved aside by {@link #deferEmissions}. */
    public void deliverPlasticDeferred(ConnStore c, SynapseModel m, long origin, long gidLo, long gidHi,
            SynapseType.Ctx x) {
    }

    /**
     * NEST's StimulationDevice::enforce_single_syn_type, run by the device's send_test_event: the
     * first synapse model tried for node i is the only one its connections may use. Nothing for
     * nodes that are not stimulation devices.
     */
    public void enforceSingleSynapseModel(int i, int synId) {
    }

    /**
     * The event type node i sends to a synapse model's test node in NEST's check_connection
     * (send_test_event with dummy_target): "SpikeEvent", "DSSpikeEvent", "CurrentEvent",
     * "DSCurrentEvent", "DataLoggingRequest", ... Asked only of devices.
     */
    public String synapseTestEvent(int i) {
        switch (emits()) {
            case SPIKE:
                return "SpikeEvent";
            case CURRENT:
                return "CurrentEvent";
            case DATA_REQUEST:
                return "DataLoggingRequest";
            default:
                return "";
        }
    }

    /** Connection hook for NEST's num_targets_ style bookkeeping in devices. */
    public void addedTarget(int i, Model targetModel) {
    }

    // ------------------------------------------------------------------ per-node copying

    private static final Map<Class<?>, Field[]> FIELDS = new ConcurrentHashMap<>();

    private static Field[] perNodeFields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, cls -> {
            List<Field> r = new ArrayList<>();
            for (Class<?> k = cls; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.isAnnotationPresent(PerNode.class)) {
                        f.setAccessible(true);
                        r.add(f);
                    }
                }
            }
            return r.toArray(new Field[0]);
        });
    }

    /** Copies all per-node entries of node j of src (same class) into node i of this block. */
    public void copyNode(NodeBlock src, int j, int i) {
        try {
            for (Field f : perNodeFields(getClass())) {
                Object a = f.get(src);
                Object b = f.get(this);
                Object v = Array.get(a, j);
                if (v instanceof double[]) v = ((double[]) v).clone();
                else if (v instanceof long[]) v = ((long[]) v).clone();
                else if (v instanceof int[]) v = ((int[]) v).clone();
                else if (v instanceof String[]) v = ((String[]) v).clone();
                else if (v instanceof Copyable) v = ((Copyable) v).copy();
                else if (v instanceof SynapticElement[]) v = SynapticElement.copyAll((SynapticElement[]) v);
                Array.set(b, i, v);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per-node objects that must be deep-copied from the prototype. */
    public interface Copyable {
        Object copy();
    }

    public final long gid(int i) {
        return firstGid + i;
    }

    /** A per-node random stream for events drawn on behalf of this node (e.g. DS spike events). */
    public final Rng nodeRng(int i) {
        if (dsRng == null) {
            synchronized (this) {
                if (dsRng == null) dsRng = new Rng[n];
            }
        }
        Rng r = dsRng[i];
        if (r == null) {
            r = new Rng(kernel.rngSeed(), 1, gid(i));
            dsRng[i] = r;
        }
        return r;
    }

    private StreamArray dsStreams;

    /** Per-node streams in one flat array, for the hottest per-target draws (Poisson input). */
    public final StreamArray nodeStreams() {
        StreamArray a = dsStreams;
        if (a == null) {
            synchronized (this) {
                if (dsStreams == null) dsStreams = new StreamArray(kernel.rngSeed(), 3, firstGid, n);
                a = dsStreams;
            }
        }
        return a;
    }

    public void resetRng() {
        dsRng = null;
        dsStreams = null;
    }

    // ------------------------------------------------------------------ recording

    /** Records all loggers attached to node i at step (left end of the update interval). */
    protected final void record(long step, int i) {
        DataLogger.Target[] ts = recordedBy[i];
        for (DataLogger.Target t : ts) {
            t.record(this, i, step);
        }
    }

    protected final boolean recording() {
        return recordedBy != null;
    }

    public String modelName() {
        return model.name;
    }

    public static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public static long[] fillL(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public static int[] fillI(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    public static boolean[] fillB(int n, boolean v) {
        boolean[] a = new boolean[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    protected NestException badProperty(String msg) {
        return NestException.badProperty(msg);
    }
}
