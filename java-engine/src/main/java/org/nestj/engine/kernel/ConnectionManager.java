package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
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
    /**
     * per synapse model with state (SynapseType), and for gap_junction models, per thread: its
     * connections from neurons (null: none yet)
     */
    public ConnTable[][] plastic = new ConnTable[128][];
    /**
     * per synapse model with state, and per thread: its connections from stimulation devices (NEST's
     * TargetTableDevices; null: none yet); delivered by the devices with their events
     * ({@link NodeBlock#deliverPlasticEmissions}), never by the volume transmitter's trigger
     */
    public ConnTable[][] devicePlastic = new ConnTable[128][];
    /** true once any connection with state from a device exists */
    public boolean anyDevicePlastic;
    /** all tables: stores, deviceStores, then the plastic tables in order of creation; their thread */
    final List<ConnTable> tables = new ArrayList<>();
    private final List<Integer> tableThread = new ArrayList<>();
    /** index in tables of plastic[syn][0], devicePlastic[syn][0] */
    private final int[] plasticBase = new int[128];
    private final int[] devicePlasticBase = new int[128];
    /** NEST's stdp_eps: tolerance of spike-time comparisons in STDP synapses (ms) */
    public double stdpEps = 1.0e-6;
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
        getConnectionsCalled = false;
        stores = new ConnTable[threads];
        deviceStores = new ConnTable[threads];
        tables.clear();
        tableThread.clear();
        plastic = new ConnTable[128][];
        devicePlastic = new ConnTable[128][];
        anyDevicePlastic = false;
        for (int t = 0; t < threads; t++) {
            stores[t] = new ConnTable(false);
            tables.add(stores[t]);
            tableThread.add(t);
        }
        for (int t = 0; t < threads; t++) {
            deviceStores[t] = new ConnTable(true);
            tables.add(deviceStores[t]);
            tableThread.add(t);
        }
        stdpEps = 1.0e-6;
        minDelaySteps = Long.MAX_VALUE;
        maxDelaySteps = Long.MIN_VALUE;
        userSetDelayExtrema = false;
        version++;
    }

    public void registerSynapse(SynapseModel m) {
        synModels.add(m);
        synByName.put(m.name, m);
    }

    /**
     * Gives the registered synapse models the ids rank assigns (list order = id order); called once
     * after registration, before any connection exists.
     */
    void renumberSynapses(java.util.Comparator<SynapseModel> rank) {
        synModels.sort(rank);
        for (int i = 0; i < synModels.size(); i++) synModels.get(i).id = i;
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
            throw new NestException("BadDelay", "Delay value " + NestException.ostream(ms) + " is invalid: Delay must be greater than or equal to resolution");
        }
        if (k.sim.hasBeenSimulated()) {
            if (steps < minDelay() || steps > maxDelay()) {
                throw new NestException("BadDelay", "Delay value " + NestException.ostream(ms)
                        + " is invalid: Minimum and maximum delay cannot be changed after Simulate has been called.");
            }
        }
        if (steps > 65535) {
            throw new NestException("BadDelay", "Delay value " + NestException.ostream(ms) + " is invalid: nestj supports delays of at most 65535 steps.");
        }
        if (userSetDelayExtrema) {
            if (steps < minDelaySteps) {
                throw new NestException("BadDelay", "Delay value " + NestException.ostream(ms) + " is invalid: Delay must be greater than or equal to min_delay. You may set min_delay before creating connections.");
            }
            if (steps > maxDelaySteps) {
                throw new NestException("BadDelay", "Delay value " + NestException.ostream(ms) + " is invalid: Delay must be smaller than or equal to max_delay. You may set min_delay before creating connections.");
            }
        }
        return steps;
    }

    /**
     * NEST's DelayChecker::assert_two_valid_delays_steps (without updating the extrema): both whole
     * step counts around a continuous delay of cont_delay_synapse must be valid delays.
     */
    public void checkTwoDelays(long steps1, long steps2) {
        Time tm = k.time;
        long lo = Math.min(steps1, steps2), hi = Math.max(steps1, steps2);
        if (lo < 1) {
            throw NestException.badDelay(tm.delayStepsToMs(lo), "Delay must be greater than or equal to resolution");
        }
        if (k.sim.hasBeenSimulated()) {
            if (lo < minDelay()) {
                throw NestException.badDelay(tm.delayStepsToMs(lo), "Minimum delay cannot be changed after Simulate has been called.");
            }
            if (hi > maxDelay()) {
                throw NestException.badDelay(tm.delayStepsToMs(hi), "Maximum delay cannot be changed after Simulate has been called.");
            }
        }
        if (hi > 65535) {
            throw NestException.badDelay(tm.delayStepsToMs(hi), "nestj supports delays of at most 65535 steps.");
        }
        if (userSetDelayExtrema) {
            if (lo < minDelaySteps) {
                throw NestException.badDelay(tm.delayStepsToMs(lo), "Delay must be greater than or equal to min_delay. "
                        + "You may set min_delay before creating connections.");
            }
            if (hi > maxDelaySteps) {
                throw NestException.badDelay(tm.delayStepsToMs(hi), "Delay must be smaller than or equal to max_delay. "
                        + "You may set max_delay before creating connections.");
            }
        }
    }

    /**
     * cont_delay_synapse's set_status of a delay in ms (NEST models/cont_delay_synapse_impl.h), run
     * after the delay was checked as a rounded delay (Connection::set_status): with
     * x = delay / resolution split into whole and fractional part (std::modf), a delay on the grid
     * (fraction 0) is checked and taken as delay_ms_to_steps(delay) with offset 0; any other takes
     * floor(x) + 1 steps and the offset resolution * (1 - fraction), both floor(x) and floor(x) + 1
     * steps having to be valid delays. Returns {steps, offset}; note: whether the checked delays
     * enter the delay extrema (not for a model's defaults: NEST freezes the extrema in SetDefaults).
     */
    public double[] contDelaySplit(double delay, boolean note) {
        final double h = k.time.resolution();
        final double x = delay / h;
        final double whole = x >= 0 ? Math.floor(x) : Math.ceil(x);
        final double frac = x - whole;
        if (frac == 0) {
            long steps = checkDelay(delay);
            if (note) noteDelay(steps);
            return new double[] {k.time.delayMsToSteps(delay), 0.0};
        }
        final long lower = (long) whole;
        checkTwoDelays(lower, lower + 1);
        if (note) {
            noteDelay(lower);
            noteDelay(lower + 1);
        }
        return new double[] {lower + 1, h * (1.0 - frac)};
    }

    void noteDelay(long steps) {
        if (steps < minDelaySteps) minDelaySteps = steps;
        if (steps > maxDelaySteps) maxDelaySteps = steps;
    }

    static String fmt(double v) {
        return Kernel.fmt(v);
    }

    /**
     * Adds one connection. rport is the receptor type. Returns nothing; raises NEST's errors for
     * illegal combinations. Weight/delay already resolved (delay in ms).
     */
    public void connect(long srcGid, long tgtGid, SynapseModel sm, double weight, double delayMs, int rport) {
        connect(srcGid, tgtGid, sm, weight, delayMs, rport, -1);
    }

    /** As above, with a synapse_label (-1: unlabelled; only the *_lbl models store one). */
    public void connect(long srcGid, long tgtGid, SynapseModel sm, double weight, double delayMs, int rport, int label) {
        connect(srcGid, tgtGid, sm, weight, delayMs, rport, label, null);
    }

    /** As above, with the per-connection values of a stateful synapse model (null: its defaults). */
    public void connect(long srcGid, long tgtGid, SynapseModel sm, double weight, double delayMs, int rport, int label,
            double[] ext) {
        if (sm.homWeight) weight = sm.weight;
        if (!sm.labelled) label = -1;
        NodeBlock sb = k.nodes.sourceBlock(srcGid);
        NodeBlock tb = k.nodes.targetBlock(tgtGid);
        int si = (int) (srcGid - sb.firstGid);
        int ti = (int) (tgtGid - tb.firstGid);
        NodeBlock.Emits em = sb.emits();
        int storedPort = rport;
        if (sm.type != null) sm.type.checkModel(sm);
        if (sm.gap) {
            // NEST's gap_junction::check_connection: the source must send, the target handle, GapJunctionEvents
            if (!sb.sendsGap()) {
                throw NestException.cannotConnect(
                        "The source node does not support gap junction output.");
            }
            storedPort = tb.checkGapReceptor(ti, rport);
            // connections without delay count with wfr_comm_interval in the delay extrema
            delayMs = k.wfrCommInterval;
            em = NodeBlock.Emits.NOTHING;
        } else if (sm.diffusion || sb.sendsDiffusion()) {
            // secondary events: DiffusionConnectionEvent (siegert_neuron through diffusion_connection)
            if (!sb.sendsDiffusion()) {
                throw NestException.cannotConnect("The source node does not support diffusion output.");
            }
            if (!sm.diffusion) throw notSending(sm);
            storedPort = tb.checkDiffusionReceptor(ti, rport);
            // connections without delay count with wfr_comm_interval in the delay extrema
            delayMs = k.wfrCommInterval();
            em = NodeBlock.Emits.NOTHING;
        } else if (sm.sic || sb.sendsSic()) {
            // secondary events: SICEvent (astrocyte_lr_1994 through sic_connection), delayed
            if (!sm.sic) throw notSending(sm);
            // Node::sends_secondary_event(SICEvent&): IllegalConnection without a reason
            if (!sb.sendsSic()) throw NestException.illegalConnection("Creation of connection is not possible.");
            storedPort = tb.checkSicReceptor(ti, rport);
            em = NodeBlock.Emits.NOTHING;
        } else if (sm.learningSignal) {
            // secondary events: NEST's LearningSignalConnectionEvent from e-prop readout to recurrent neurons
            // Node::sends_secondary_event(LearningSignalConnectionEvent&): IllegalConnection without a reason
            if (!sb.sendsLearningSignals()) throw NestException.illegalConnection("Creation of connection is not possible.");
            storedPort = tb.checkLearningSignalReceptor(ti, rport);
            em = NodeBlock.Emits.NOTHING;
        } else if (sm.delayedRate || sm.instantRate || sb.sendsRates()) {
            // secondary events: rate_connection_delayed from a rate sender into a rate receiver
            if (!sb.sendsRates()) throw notSending(sm);
            if (!sm.delayedRate && !sm.instantRate) {
                if (sb.sendsRatesLocally()) {
                    // step_rate_generator::send_test_event: the device notes the synapse model, then tests the
                    // synapse model's test node with a DelayedRateConnectionEvent, which none of them handles
                    sb.enforceSingleSynapseModel(si, sm.id);
                    throw NestException.cannotConnect(
                            "The target node or synapse model does not support delayed rate input.");
                }
                // rate neurons and e-prop readouts have the default Node::send_test_event
                throw notSending(sm);
            }
            if (sm.instantRate) {
                if (!sb.sendsInstantRates()) throw notSending(sm);
                storedPort = tb.checkInstantRateReceptor(ti, rport);
                // connections without delay count with wfr_comm_interval in the delay extrema
                delayMs = k.wfrCommInterval;
            } else {
                storedPort = tb.checkDelayedRateReceptor(ti, rport, sb);
            }
            em = NodeBlock.Emits.NOTHING;
        } else switch (em) {
            case NOTHING:
                throw NestException.cannotConnect("Source node does not send output.\n"
                        + "  Note that recorders must be connected as Connect(neuron, recorder).");
            case DATA_REQUEST:
                checkDeviceSynapse(sb, si, sm);
                if (!tb.acceptsDataRequest() || tb.elementType() == NodeBlock.ELEMENT_RECORDER) {
                    throw NestException.cannotConnect("The target node or synapse model does not support data logging "
                            + "requests.");
                }
                // NEST's handles_test_event(DataLoggingRequest&) and UniversalDataLogger::connect_logging_device:
                // only receptor 0; each multimeter once per node; the connection's receptor is the
                // logger's number (1, 2, ...) in the target's list of data loggers
                tb.checkDataLoggingRequest();
                if (rport != 0) throw tb.dataLoggingReceptorError(rport);
                {
                    DataLogger.Target[] had = tb.recordedBy == null ? null : tb.recordedBy[ti];
                    int nHad = had == null ? 0 : had.length;
                    for (int q = 0; q < nHad; q++) {
                        if (had[q].sampler == sb && had[q].samplerIndex == si) {
                            throw NestException.cannotConnect("Each multimeter can only be connected once to a given node.");
                        }
                    }
                    storedPort = nHad + 1;
                }
                break;
            case CURRENT:
                checkDeviceSynapse(sb, si, sm);
                if (tb.elementType() != NodeBlock.ELEMENT_NEURON) {
                    // Node::handles_test_event(CurrentEvent&): no device takes currents
                    throw NestException.cannotConnect("The target node or synapse model does not support current input.");
                }
                storedPort = tb.checkCurrentReceptor(rport);
                break;
            case SPIKE:
                checkDeviceSynapse(sb, si, sm);
                if ((tb.elementType() == NodeBlock.ELEMENT_STIMULATOR || tb.elementType() == NodeBlock.ELEMENT_RECORDER)
                        && !(tb instanceof SpikeReceiver)) {
                    // Node::handles_test_event(SpikeEvent&): devices other than the spike receiving ones
                    throw NodeBlock.noSpikeInput();
                }
                sb.checkSpikeTarget(tb, ti);
                storedPort = tb.checkSpikeReceptor(ti, rport, sb.model);
                break;
            default:
                break;
        }
        if (em != NodeBlock.Emits.NOTHING && (sb.sendsSignal() & tb.receivesSignal()) == 0) {
            // Connection::check_connection_, after the receptor checks: do the source's events mean
            // what the target reads them as (spikes or binary transitions)?
            throw NestException.illegalConnection(
                    "Source and target neuron are not compatible (e.g., spiking vs binary neuron).");
        }
        if (sm.hpc && storedPort != 0) {
            // TargetIdentifierIndex::set_rport
            throw NestException.cannotConnect("Only rport==0 allowed for HPC synapses. Use normal synapse models "
                    + "instead. See Kunkel et al, Front Neuroinform 8:78 (2014), Sec 3.3.2.");
        }
        long dsteps;
        double delayOffset = 0.0;
        if (sm.contDelay && Double.isNaN(delayMs)) {
            // no delay given: a copy of the model's default connection, whose delay NEST's
            // used_default_delay checks (as its whole steps) when the model's default is first used
            dsteps = sm.contSteps;
            delayOffset = sm.contOffset;
            try {
                checkDelay(k.time.delayStepsToMs(dsteps));
            } catch (NestException e) {
                if (!"BadDelay".equals(e.getErrorName())) throw e;
                throw NestException.badDelay(k.time.delayStepsToMs(dsteps), "Default delay of '" + sm.name
                        + "' must be between min_delay " + fmt(k.time.delayStepsToMs(minDelay())) + " and max_delay "
                        + fmt(k.time.delayStepsToMs(maxDelay())) + ".");
            }
        } else {
            dsteps = checkDelay(delayMs);
            // a delay given to Connect is rounded to whole steps (Connection::set_delay); the offset
            // stays the one of the model's default connection
            if (sm.contDelay) delayOffset = sm.contOffset;
        }
        // connections without delay: wfr_comm_interval enters the delay extrema, the connection keeps the
        // model's default delay (what GetConnections shows in NEST)
        long storedSteps = sm.instantRate ? k.time.delayMsToSteps(sm.delay) : dsteps;
        boolean device = sb.elementType() != NodeBlock.ELEMENT_NEURON;
        if (sm.type != null) {
            if (!sm.diffusion && em != NodeBlock.Emits.SPIKE) {
                // nestj-only safety check, not reached: sources of other events were refused above, by
                // checkDeviceSynapse or their own checks
                throw NestException.illegalConnection("Creation of connection is not possible.");
            }
            if (ext == null) ext = sm.connDefaults;
            // types that set up per-connection state in connected() get a copy of the values to write into
            if (sm.type.initialisesConnections()) ext = ext.clone();
            sm.type.connected(tb, ti, weight, ext, k.time.delayStepsToMs(dsteps), sm);
        }
        if (em == NodeBlock.Emits.DATA_REQUEST) {
            ((DataRequester) sb).attach(si, tb, ti);
        }
        noteDelay(dsteps);
        int thread = k.nodes.ownerThread(tb, ti);
        if (sm.type != null && device) {
            // NEST's connect_from_device_: the connection joins the device's connector of its model
            int port = k.nodes.nextDevicePort(sb, si);
            devicePlasticTables(sm)[thread].add((int) srcGid, (int) tgtGid, weight, (int) storedSteps, storedPort, sm.id, port,
                    label, ext);
            anyDevicePlastic = true;
            sb.addedTarget(si, tb.model);
        } else if (sm.type != null) {
            plasticTables(sm)[thread].add((int) srcGid, (int) tgtGid, weight, (int) storedSteps, storedPort, sm.id, label, ext);
        } else if (sm.gap) {
            // gap junctions live in tables of their own: spikes never pass them, and the secondary
            // event delivery walks only them
            plasticTables(sm)[thread].add((int) srcGid, (int) tgtGid, weight, (int) dsteps, storedPort, sm.id, 0, label);
        } else if (device) {
            int port = k.nodes.nextDevicePort(sb, si);
            deviceStores[thread].add((int) srcGid, (int) tgtGid, weight, (int) storedSteps, storedPort, sm.id, port, label,
                    delayOffset);
            sb.addedTarget(si, tb.model);
        } else {
            stores[thread].add((int) srcGid, (int) tgtGid, weight, (int) storedSteps, storedPort, sm.id, 0, label, delayOffset);
        }
        sm.numConnections++;
        version++;
    }

    /**
     * Reserves room for about perTarget connections into each node of post (split over the
     * threads that own the targets), so that large Connect calls do not leave growth slack.
     */
    public void reserve(long[] pre, long[] post, double perTarget, SynapseModel sm) {
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
        // the tables connect() adds this model's connections to
        ConnTable[] fromNeurons = fDev == 1 ? null : sm.type != null || sm.gap ? plasticTables(sm) : stores;
        ConnTable[] fromDevices = fDev == 0 || sm.gap ? null : sm.type != null ? devicePlasticTables(sm) : deviceStores;
        for (int t = 0; t < T; t++) {
            double c = count[t] * perTarget;
            int maxGid = (int) k.nodes.size();
            if (fromNeurons != null) fromNeurons[t].begin((long) Math.ceil(c * (1 - fDev)), maxGid);
            if (fromDevices != null) fromDevices[t].begin((long) Math.ceil(c * fDev), maxGid);
        }
    }

    /** The per-thread tables of a stateful synapse model, made on first use. */
    ConnTable[] plasticTables(SynapseModel sm) {
        ConnTable[] p = plastic[sm.id];
        if (p == null) {
            int T = stores.length;
            p = new ConnTable[T];
            plasticBase[sm.id] = tables.size();
            for (int t = 0; t < T; t++) {
                p[t] = new ConnTable(false, sm.type == null ? -1 : sm.type.connKeys.length);
                // connections from neurons only: a device's targets may each get other spikes
                p[t].shareable = sm.type != null && sm.type.sharesPerSource();
                tables.add(p[t]);
                tableThread.add(t);
            }
            plastic[sm.id] = p;
        }
        return p;
    }

    /** The per-thread tables of a stateful synapse model's connections from devices, made on first use. */
    ConnTable[] devicePlasticTables(SynapseModel sm) {
        ConnTable[] p = devicePlastic[sm.id];
        if (p == null) {
            int T = stores.length;
            p = new ConnTable[T];
            devicePlasticBase[sm.id] = tables.size();
            for (int t = 0; t < T; t++) {
                p[t] = new ConnTable(true, sm.type.connKeys.length);
                tables.add(p[t]);
                tableThread.add(t);
            }
            devicePlastic[sm.id] = p;
        }
        return p;
    }

    /**
     * NEST's check_connection of a connection from a device, as far as it depends on the device:
     * the device's send_test_event, first to the synapse model's test node (ConnTestDummyNode),
     * then to the target. Stimulation devices accept connections of one synapse model only
     * (StimulationDevice::enforce_single_syn_type, which notes the model of the first connection
     * tried, even if that connection is then refused). The test node of a model with state
     * handles plain SpikeEvents only: devices that test with a DSSpikeEvent (the generators that
     * draw per target: spike_generator, poisson_generator, ...), a CurrentEvent, DSCurrentEvent
     * or DataLoggingRequest are refused with the message of NEST's Node::handles_test_event.
     * (NEST checks the synapse model on the thread-local copy of the device that the target's
     * thread owns; nestj once per device, which is NEST's behaviour with one thread.)
     */
    private void checkDeviceSynapse(NodeBlock sb, int si, SynapseModel sm) {
        if (sb.elementType() == NodeBlock.ELEMENT_NEURON) return;
        sb.enforceSingleSynapseModel(si, sm.id);
        if (sm.type == null || sm.diffusion) return;   // static synapses' test nodes handle every event type
        String what;
        switch (sb.synapseTestEvent(si)) {
            case "SpikeEvent":
                return;
            case "DSSpikeEvent":
                what = "spike input";
                break;
            case "CurrentEvent":
                what = "current input";
                break;
            case "DSCurrentEvent":
                what = "DS current input";
                break;
            case "DataLoggingRequest":
                what = "data logging requests";
                break;
            default:
                // nestj-only safety check, not reached: every device names its test event
                throw NestException.illegalConnection("Creation of connection is not possible.");
        }
        throw NestException.cannotConnect("The target node or synapse model does not support " + what + ".");
    }

    /**
     * The end of a Connect call: large segments it filled are sorted right away and closed to
     * further connections (see {@link ConnTable#seal}), in parallel over threads. Their build-time
     * columns are freed before the next call allocates, and the sorting code is compiled while
     * the network is still being built, not at the start of the simulation.
     */
    public void endConnect() {
        int maxGid = (int) k.nodes.size();
        k.parallel.run(t -> {
            for (int i = 0; i < tables.size(); i++) {
                if (tableThread.get(i) == t) tables.get(i).seal(maxGid);
            }
        });
    }

    /** Sorts the stores after connections were added (parallel over threads). */
    public void finish() {
        int maxGid = (int) k.nodes.size();
        k.parallel.run(t -> {
            for (int i = 0; i < tables.size(); i++) {
                if (tableThread.get(i) == t) tables.get(i).finish(maxGid);
            }
        });
    }

    /** Bytes held by all connection tables (static, with state, from devices). */
    public long bytesUsed() {
        long b = 0;
        for (ConnTable t : tables) b += t.bytesUsed();
        return b;
    }

    public long numConnections() {
        long n = 0;
        for (ConnTable s : tables) n += s.size();
        return n;
    }

    /** The ids of the global receivers (NodeBlock#globalReceiver), or null if there are none or one thread. */
    private java.util.BitSet globalReceivers() {
        if (k.parallel.threads() == 1) return null;
        java.util.BitSet gr = null;
        for (NodeBlock b : k.nodes.blocks) {
            if (!b.globalReceiver()) continue;
            if (gr == null) gr = new java.util.BitSet();
            gr.set((int) b.firstGid, (int) (b.firstGid + b.n));
        }
        return gr;
    }

    /**
     * The connections NEST counts beyond nestj's: those to a global receiver once more per further
     * thread (see NodeBlock#globalReceiver), of synapse model synId (-1: of all).
     */
    public long threadCopies(int synId) {
        java.util.BitSet gr = globalReceivers();
        if (gr == null) return 0;
        if (copiesVersion != version) {
            // counted per synapse model once per version of the connections (the kernel status asks often)
            finish();
            long[] n = new long[synModels.size()];
            for (ConnTable tab : tables) {
                for (int sg = 0; sg < tab.segments(); sg++) {
                    ConnStore c = tab.seg(sg);
                    for (int q = 0; q < c.size(); q++) {
                        if (gr.get(c.tgt[q])) n[c.synOf(q)]++;
                    }
                }
            }
            copiesBySyn = n;
            copiesVersion = version;
        }
        long n = 0;
        for (int m = 0; m < copiesBySyn.length; m++) {
            if (synId < 0 || m == synId) n += copiesBySyn[m];
        }
        return n * (k.parallel.threads() - 1);
    }

    private long copiesVersion = -1;
    private long[] copiesBySyn;

    /** Marker for recorders that take spikes (spike_recorder, spin_detector, ...). */
    public interface SpikeReceiver {
    }

    /** Marker for multimeter-like devices. */
    public interface DataRequester {
        void attach(int i, NodeBlock target, int targetIndex);
    }

    /** NEST's DelayChecker::set_status: both extrema, before any connection exists. */
    void setDelayExtrema(Double minD, Double maxD) {
        if ((minD == null) != (maxD == null)) {
            throw NestException.badProperty("Both min_delay and max_delay have to be specified");
        }
        if (numConnections() > 0) {
            throw NestException.badProperty("Connections already exist. Please call ResetKernel first");
        }
        setMinMaxDelay(minD, maxD);
        org.nestj.engine.Log.info("DelayChecker::set_min_max_delay_", "Minimum and maximum delays were changed to "
                + NestException.ostream(k.time.stepsToMs(minDelaySteps)) + " ms and "
                + NestException.ostream(k.time.stepsToMs(maxDelaySteps)) + " ms.");
    }

    /**
     * NEST's DelayChecker::set_min_max_delay_: min_delay rounded down to the grid, max_delay up.
     * Also after a change of the resolution (DelayChecker::calibrate), from the extrema in ms.
     */
    void setMinMaxDelay(double minD, double maxD) {
        long mn = k.time.msStampToSteps(minD);
        if (k.time.stepsToMs(mn) > minD) mn -= 1;
        long mx = k.time.msStampToSteps(maxD);
        if (mn < 1) throw new NestException("BadDelay", "Delay value " + NestException.ostream(k.time.delayStepsToMs(mn)) + " is invalid: min_delay must be greater than or equal to resolution.");
        if (mx < mn) throw new NestException("BadDelay", "Delay value " + NestException.ostream(k.time.delayStepsToMs(mn)) + " is invalid: min_delay must be smaller than or equal to max_delay.");
        minDelaySteps = mn;
        maxDelaySteps = mx;
        userSetDelayExtrema = true;
    }

    /** NEST's get_connections_has_been_called_: GetConnections was called since connections last changed. */
    private boolean getConnectionsCalled;

    /** PyNEST's GetConnections was called (NEST's get_connections of a dictionary). */
    public void noteGetConnections() {
        getConnectionsCalled = true;
    }

    /**
     * NEST's set_connections_have_changed, at Connect and Disconnect (once their specifications were
     * checked) and when structural plasticity made or deleted connections: after a GetConnections,
     * the warning that its descriptors are now invalid, once.
     */
    public void connectionsChanged() {
        if (!getConnectionsCalled) return;
        org.nestj.engine.Log.warning("ConnectionManager", "New connections created, connection descriptors previously "
                + "obtained using 'GetConnections' are now invalid.");
        getConnectionsCalled = false;
    }

    /** A handle names a segment: (table << 8) | segment, table = thread (neurons) or T + thread (devices). */
    private ConnStore storeOf(int handle) {
        return tables.get(handle >>> 8).seg(handle & 0xff);
    }

    private int tableCount() {
        return tables.size();
    }

    private ConnTable table(int h) {
        return tables.get(h);
    }

    /**
     * GetConnections: all connections matching the filters (null = any), sorted by (synapse model,
     * source, target). Returns columns source, target, synapse_id, port (see {@link #threadIndependentPort};
     * for connections to or from devices the index among the device's connections of the model), handle
     * arrays (store, index) for later get/set, and the version they are valid for.
     */
    public Map<String, Object> getConnections(long[] src, long[] tgt, int synId) {
        return getConnections(src, tgt, synId, -1);
    }

    /** As above; label >= 0 keeps only connections with that synapse_label (NEST: unlabelled = -1 = any). */
    public Map<String, Object> getConnections(long[] src, long[] tgt, int synId, long label) {
        finish();
        java.util.BitSet srcSet = null, tgtSet = null;
        if (src != null) {
            srcSet = new java.util.BitSet();
            for (long g : src) srcSet.set((int) g);
        }
        if (tgt != null) {
            tgtSet = new java.util.BitSet();
            for (long g : tgt) tgtSet.set((int) g);
        }
        // all connections: room for them at once (growing by copies costs fresh memory several times)
        Rows out = new Rows(src == null && tgt == null && synId < 0 && label < 0
                ? (int) Math.min(numConnections(), Integer.MAX_VALUE - 8) : 1024);
        java.util.BitSet devTgt = deviceTargets();
        int nModels = synModels.size();
        // connections from neurons: ports as described at threadIndependentPort, found source by source
        // (modelBase: connections of each model from lower sources); connections to devices are
        // numbered among the source's connections to devices of their model in their table
        int[] modelBase = new int[nModels];
        int[] cntDev = new int[nModels];
        int maxS = maxSource(false);
        SourceScratch sc = new SourceScratch();
        for (int s = 0; s < maxS; s++) {
            boolean srcOk = srcSet == null || srcSet.get(s);
            boolean anyMatch = false;
            for (int tb = 0; tb < tableCount(); tb++) {
                ConnTable tab = table(tb);
                if (tab.withPort) continue;
                java.util.Arrays.fill(cntDev, 0);
                for (int sg = 0; sg < tab.segments(); sg++) {
                    ConnStore c = tab.seg(sg);
                    int[] off = c.offsets;
                    if (s + 1 >= off.length || off[s] == off[s + 1]) continue;
                    for (int kk = off[s]; kk < off[s + 1]; kk++) {
                        int model = c.synOf(kk);
                        if (devTgt.get(c.tgt[kk])) {
                            int port = cntDev[model]++;
                            if (srcOk && matches(c, kk, tgtSet, synId, label)) out.add(s, c.tgt[kk], (tb << 8) | sg, kk, port);
                        } else {
                            modelBase[model]++;
                            if (srcOk && !anyMatch) anyMatch = matches(c, kk, tgtSet, synId, label);
                        }
                    }
                }
            }
            if (!anyMatch) continue;
            // the source's connections to neurons in port order; modelBase now includes them
            int m = gatherSource(s, false, devTgt, sc);
            for (int g0 = 0; g0 < m;) {
                int model = (int) (sc.key[g0] >>> 32);
                int g1 = g0 + 1;
                while (g1 < m && (int) (sc.key[g1] >>> 32) == model) g1++;
                int base = modelBase[model] - (g1 - g0);
                for (int q = g0; q < g1; q++) {
                    int o = sc.order[q];
                    ConnStore c = storeOf(sc.h[o]);
                    int kk = sc.ix[o];
                    if (matches(c, kk, tgtSet, synId, label)) out.add(s, c.tgt[kk], sc.h[o], kk, base + q - g0);
                }
                g0 = g1;
            }
        }
        // connections from devices: NEST's port is the index among that device's connections of the model;
        // nestj numbers them in the order of their targets, which does not depend on the number of threads
        int maxD = maxSource(true);
        for (int s = 0; s < maxD; s++) {
            if (srcSet != null && !srcSet.get(s)) continue;
            int m = gatherSource(s, true, null, sc);
            int prevModel = -1, rank = 0;
            for (int q = 0; q < m; q++) {
                int o = sc.order[q];
                int model = (int) (sc.key[q] >>> 32);
                rank = model == prevModel ? rank + 1 : 0;
                prevModel = model;
                ConnStore c = storeOf(sc.h[o]);
                int kk = sc.ix[o];
                if (matches(c, kk, tgtSet, synId, label)) out.add(s, c.tgt[kk], sc.h[o], kk, rank);
            }
        }
        int n = out.n;
        long[] keys = out.keys;
        int[] hs = out.hs, ix = out.ix, pt = out.pt;
        int[] order = new int[n];
        for (int q = 0; q < n; q++) order[q] = q;
        // NEST lists connections by synapse model, then (per thread) by source; nestj by synapse
        // model, source and target, which does not depend on the number of threads
        long[] kcopy = java.util.Arrays.copyOf(keys, n);
        if (k.nodes.size() < (1L << 28)) {
            for (int q = 0; q < n; q++) {
                long sk = keys[q] >>> 32, tk = keys[q] & 0xffffffffL;
                kcopy[q] = ((long) storeOf(hs[q]).synOf(ix[q]) << 56) | (sk << 28) | tk;
            }
        }
        SimulationManager.mergeSort(kcopy, order, new long[n], new int[n], 0, n);
        long[] so = new long[n], ta = new long[n], sy = new long[n], po = new long[n], th = new long[n];
        int[] hh = new int[n], ii = new int[n];
        for (int q = 0; q < n; q++) {
            int p = order[q];
            ConnStore c = storeOf(hs[p]);
            so[q] = keys[p] >>> 32;
            ta[q] = keys[p] & 0xffffffffL;
            sy[q] = c.synOf(ix[p]);
            // the thread NEST stores the connection on: the target's; for a device target the source
            // neuron's, between devices the target id's round-robin thread
            NodeBlock tb = k.nodes.blockOf(ta[q]), sb = k.nodes.blockOf(so[q]);
            th[q] = tb.proxiesInNest() ? k.nestThreadOf(tb, ta[q])
                    : sb.proxiesInNest() ? k.nestThreadOf(sb, so[q]) : (int) (ta[q] % k.parallel.threads());
            hh[q] = hs[p];
            ii[q] = ix[p];
            po[q] = pt[p];
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", so);
        r.put("target", ta);
        r.put("synapse_id", sy);
        r.put("port", po);
        r.put("target_thread", th);
        r.put("handle_store", hh);
        r.put("handle_index", ii);
        addThreadCopies(r, ta, th);
        r.put("version", version);
        return r;
    }

    /**
     * NEST's copies of the connections to a global receiver in a GetConnections answer, one on each
     * thread: every column repeats such a row once per thread, target_thread numbers the copies.
     */
    private void addThreadCopies(Map<String, Object> r, long[] ta, long[] th) {
        java.util.BitSet gr = globalReceivers();
        if (gr == null) return;
        final int T = k.parallel.threads(), n = ta.length;
        int m = n;
        for (int q = 0; q < n; q++) if (gr.get((int) ta[q])) m += T - 1;
        if (m == n) return;
        int[] pick = new int[m];
        long[] th2 = new long[m];
        int o = 0;
        for (int q = 0; q < n; q++) {
            int copies = gr.get((int) ta[q]) ? T : 1;
            for (int t = 0; t < copies; t++, o++) {
                pick[o] = q;
                th2[o] = copies == 1 ? th[q] : t;
            }
        }
        for (Map.Entry<String, Object> e : r.entrySet()) {
            if (e.getValue() instanceof long[]) {
                long[] a = (long[]) e.getValue(), c = new long[m];
                for (int i = 0; i < m; i++) c[i] = a[pick[i]];
                e.setValue(c);
            } else if (e.getValue() instanceof int[]) {
                int[] a = (int[]) e.getValue(), c = new int[m];
                for (int i = 0; i < m; i++) c[i] = a[pick[i]];
                e.setValue(c);
            }
        }
        r.put("target_thread", th2);
    }

    /** Rows of a GetConnections answer as they are found. */
    private static final class Rows {
        int n;
        long[] keys;
        int[] hs, ix, pt;

        Rows(int cap) {
            cap = Math.max(cap, 16);
            keys = new long[cap];
            hs = new int[cap];
            ix = new int[cap];
            pt = new int[cap];
        }

        void add(int s, int t, int h, int kk, int port) {
            if (n == keys.length) {
                int cap = 2 * n;
                keys = java.util.Arrays.copyOf(keys, cap);
                hs = java.util.Arrays.copyOf(hs, cap);
                ix = java.util.Arrays.copyOf(ix, cap);
                pt = java.util.Arrays.copyOf(pt, cap);
            }
            keys[n] = ((long) s << 32) | t;
            hs[n] = h;
            ix[n] = kk;
            pt[n] = port;
            n++;
        }
    }

    /** One past the highest source id the tables of device sources (fromDevice) or of neuron sources index. */
    private int maxSource(boolean fromDevice) {
        int max = 0;
        for (ConnTable tab : tables) {
            if (tab.withPort != fromDevice) continue;
            for (int sg = 0; sg < tab.segments(); sg++) max = Math.max(max, tab.seg(sg).offsets.length - 1);
        }
        return max;
    }

    private static boolean matches(ConnStore c, int kk, java.util.BitSet tgtSet, int synId, long label) {
        if (tgtSet != null && !tgtSet.get(c.tgt[kk])) return false;
        if (synId >= 0 && c.synOf(kk) != synId) return false;
        return label == -1 || c.label(kk) == label;
    }

    /** The node ids of nodes that are not neurons (devices): connections to them are numbered apart. */
    private java.util.BitSet deviceTargets() {
        java.util.BitSet devTgt = new java.util.BitSet();
        for (NodeBlock b : k.nodes.blocks) {
            if (b.elementType() != NodeBlock.ELEMENT_NEURON) devTgt.set((int) b.firstGid, (int) b.firstGid + b.n);
        }
        return devTgt;
    }

    /** A source's connections: key (model << 32 | target), handle, index; order sorts them. */
    private static final class SourceScratch {
        long[] key = new long[64], tk = new long[64];
        int[] h = new int[64], ix = new int[64], order = new int[64], to = new int[64];
    }

    /**
     * Gathers source s's connections (from the tables of device sources if fromDevice, else from those of
     * neuron sources, leaving out connections to the nodes in devTgt if given) into sc and sorts them,
     * stably, by (model, target): key[q] is the q-th key in that order and order[q] the position of its
     * connection in h and ix. Connections of one model with equal source and target all lie in one table
     * (their target's thread), so they keep their order there. Returns the number of connections.
     */
    private int gatherSource(int s, boolean fromDevice, java.util.BitSet devTgt, SourceScratch sc) {
        int n = 0;
        for (int tb = 0; tb < tables.size(); tb++) {
            ConnTable tab = tables.get(tb);
            if (tab.withPort != fromDevice) continue;
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                if (s + 1 >= off.length) continue;
                for (int kk = off[s]; kk < off[s + 1]; kk++) {
                    if (devTgt != null && devTgt.get(c.tgt[kk])) continue;
                    if (n == sc.key.length) {
                        int cap = 2 * n;
                        sc.key = java.util.Arrays.copyOf(sc.key, cap);
                        sc.tk = new long[cap];
                        sc.h = java.util.Arrays.copyOf(sc.h, cap);
                        sc.ix = java.util.Arrays.copyOf(sc.ix, cap);
                        sc.order = new int[cap];
                        sc.to = new int[cap];
                    }
                    sc.key[n] = ((long) c.synOf(kk) << 32) | c.tgt[kk];
                    sc.h[n] = (tb << 8) | sg;
                    sc.ix[n] = kk;
                    n++;
                }
            }
        }
        for (int q = 0; q < n; q++) sc.order[q] = q;
        SimulationManager.mergeSort(sc.key, sc.order, sc.tk, sc.to, 0, n);
        return n;
    }

    // the cache of threadIndependentPort, valid for one version of the connections
    private long portVersion = -1;
    private java.util.IdentityHashMap<ConnStore, Integer> segHandle;
    private java.util.BitSet portDevTgt;
    private int[][] modelPrefix;
    private java.util.HashMap<Integer, long[][]> senderPorts;

    /**
     * The port of connection kk of segment c from neuron s to a neuron (GetConnections' "port", a
     * weight_recorder's "ports"): NEST's lcid as with one thread, made independent of the thread split:
     * the connection's index among all connections of its synapse model from neurons to neurons, ordered
     * by source, target and, for equal source and target, their order in the table holding them.
     * Connections to devices are numbered among the source's connections of their model to devices in
     * their table (as GetConnections does).
     */
    public synchronized long threadIndependentPort(int s, ConnStore c, int kk) {
        if (portVersion != version || segHandle == null) {
            segHandle = new java.util.IdentityHashMap<>();
            for (int tb = 0; tb < tables.size(); tb++) {
                ConnTable tab = tables.get(tb);
                for (int sg = 0; sg < tab.segments(); sg++) segHandle.put(tab.seg(sg), (tb << 8) | sg);
            }
            portDevTgt = deviceTargets();
            modelPrefix = new int[synModels.size()][];
            senderPorts = new java.util.HashMap<>();
            portVersion = version;
        }
        int model = c.synOf(kk);
        if (portDevTgt.get(c.tgt[kk])) {
            // to a device: the index among the source's connections of the model to devices in its table
            Integer h = segHandle.get(c);
            if (h == null) return -1;
            ConnTable tab = tables.get(h >>> 8);
            int n = 0;
            for (int sg = 0; sg <= (h & 0xff); sg++) {
                ConnStore cs = tab.seg(sg);
                int[] off = cs.offsets;
                if (s + 1 >= off.length) continue;
                int end = cs == c ? kk : off[s + 1];
                for (int p = off[s]; p < end; p++) {
                    if (cs.synOf(p) == model && portDevTgt.get(cs.tgt[p])) n++;
                }
            }
            return n;
        }
        if (modelPrefix[model] == null) modelPrefix[model] = modelPrefix(model);
        long[][] sp = senderPorts.get(s);
        if (sp == null) {
            // this sender's connections to neurons: keys (handle << 32 | index), sorted, and their ports
            SourceScratch sc = new SourceScratch();
            int n = gatherSource(s, false, portDevTgt, sc);
            long[] hk = new long[n], pr = new long[n];
            int prevModel = -1, rank = 0;
            for (int q = 0; q < n; q++) {
                int m = (int) (sc.key[q] >>> 32);
                rank = m == prevModel ? rank + 1 : 0;
                prevModel = m;
                int o = sc.order[q];
                hk[q] = ((long) sc.h[o] << 32) | sc.ix[o];
                pr[q] = rank;    // the model's base for s is added below
            }
            int[] ord = new int[n];
            for (int q = 0; q < n; q++) ord[q] = q;
            SimulationManager.mergeSort(hk, ord, new long[n], new int[n], 0, n);
            long[] ports = new long[n];
            for (int q = 0; q < n; q++) ports[q] = pr[ord[q]];
            sp = new long[][] {hk, ports};
            senderPorts.put(s, sp);
        }
        Integer h = segHandle.get(c);
        if (h == null) return -1;
        int q = java.util.Arrays.binarySearch(sp[0], ((long) h << 32) | kk);
        if (q < 0) return -1;
        int[] pre = modelPrefix[model];
        return (s < pre.length ? pre[s] : pre[pre.length - 1]) + sp[1][q];
    }

    /** For each source s, the number of connections of the model from neurons below s to neurons. */
    private int[] modelPrefix(int model) {
        int maxS = maxSource(false);
        int[] pre = new int[maxS + 1];
        for (ConnTable tab : tables) {
            if (tab.withPort) continue;
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                for (int s = 0; s + 1 < off.length; s++) {
                    for (int kk = off[s]; kk < off[s + 1]; kk++) {
                        if (c.synOf(kk) == model && !portDevTgt.get(c.tgt[kk])) pre[s + 1]++;
                    }
                }
            }
        }
        for (int s = 0; s < maxS; s++) pre[s + 1] += pre[s];
        return pre;
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
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    SynapseModel m = synModels.get(c.synOf(idx[q]));
                    // connections without delay keep their model's default delay (NEST never sets it);
                    // cont_delay_synapse reports its steps' time less its delay offset
                    r[q] = !m.hasDelay() ? m.delay
                            : m.contDelay ? k.time.stepsToMs(c.delayOf(idx[q])) - c.delayOffset(idx[q])
                            : k.time.delayStepsToMs(c.delayOf(idx[q]));
                }
                return r;
            }
            case "receptor": {
                long[] r = new long[n];
                for (int q = 0; q < n; q++) r[q] = storeOf(h[q]).rportOf(idx[q]);
                return r;
            }
            case "synapse_model": {
                String[] r = new String[n];
                for (int q = 0; q < n; q++) r[q] = synModels.get(storeOf(h[q]).synOf(idx[q])).name;
                return r;
            }
            case "synapse_label": {
                long[] r = new long[n];
                for (int q = 0; q < n; q++) r[q] = storeOf(h[q]).label(idx[q]);
                return r;
            }
            case "_keys": {   // the status keys of each connection's model beyond the common ones, ' '-separated
                String[] r = new String[n];
                for (int q = 0; q < n; q++) r[q] = statusKeys(synModels.get(storeOf(h[q]).synOf(idx[q])));
                return r;
            }
            case "_flags": {   // per connection: 1 = weight lives in the model (hom_w), 2 = labelled model
                long[] r = new long[n];
                for (int q = 0; q < n; q++) {
                    SynapseModel m = synModels.get(storeOf(h[q]).synOf(idx[q]));
                    r[q] = (m.homWeight ? 1 : 0) | (m.labelled ? 2 : 0);
                }
                return r;
            }
            case "sizeof": {
                long[] r = new long[n];
                for (int q = 0; q < n; q++) r[q] = synModels.get(storeOf(h[q]).synOf(idx[q])).sizeof();
                return r;
            }
            default: {
                // keys whose values are dictionaries (e.g. the e-prop synapses' per-connection optimizer)
                Object[] objs = null;
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    SynapseModel m = synModels.get(c.synOf(idx[q]));
                    if (m.type == null || !java.util.Arrays.asList(m.type.objectStatusKeys()).contains(key)) continue;
                    if (objs == null) objs = new Object[n];
                    objs[q] = m.type.objectStatus(key, c, idx[q], m);
                }
                if (objs != null) return objs;
                double[] r = new double[n];
                boolean any = false;
                char kind = 'd';
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    SynapseModel m = synModels.get(c.synOf(idx[q]));
                    int j = m.type == null ? -1 : m.type.visibleIndex(key);
                    r[q] = j >= 0 ? c.extAt(j, idx[q]) : Double.NaN;
                    if (j >= 0 && !any) kind = m.type.connKind(j);
                    any |= j >= 0;
                }
                if (!any) throw NestException.badProperty("Unknown connection property '" + key + "'.");
                if (kind == 'l') {
                    long[] li = new long[n];
                    for (int q = 0; q < n; q++) li[q] = (long) r[q];
                    return li;
                }
                if (kind == 'b') {
                    boolean[] bo = new boolean[n];
                    for (int q = 0; q < n; q++) bo[q] = r[q] != 0.0;
                    return bo;
                }
                return r;
            }
        }
    }

    /** The keys of a connection's status that depend on its model (weight, synapse_label, the model's own). */
    public static String statusKeys(SynapseModel m) {
        StringBuilder b = new StringBuilder();
        if (!m.homWeight) b.append("weight");
        if (m.labelled) b.append(" synapse_label");
        if (m.showsSizeof()) b.append(" sizeof");
        if (m.type != null) {
            for (int j = 0; j < m.type.nVisible; j++) b.append(' ').append(m.type.connKeys[j]);
            for (String o : m.type.objectStatusKeys()) b.append(' ').append(o);
            // generic keys this model's status lacks, marked '-key'
            for (String a : m.type.absentStatusKeys()) {
                if (!(m.labelled && a.equals("sizeof"))) b.append(" -").append(a);   // the _lbl wrapper reports sizeof
            }
        }
        return b.toString().trim();
    }

    /** NEST's set_connection_status: the unread key, then its hint on a line of its own. */
    private static NestException unread(String key) {
        return Status.unusedItems(" " + key + "\nMaybe you tried to set common synapse properties through an individual "
                + "synapse?");
    }

    /**
     * ConnectionManager::set_synapse_status names the connection in a BadProperty: model, source,
     * target and port (the port GetConnections reports for it).
     */
    private String connectionPrefix(SynapseModel m, int h, int ix) {
        ConnStore c = storeOf(h);
        long src = c.sourceOf(ix), tgt = c.tgt[ix];
        Map<String, Object> rows = getConnections(new long[] {src}, new long[] {tgt}, m.id);
        int[] hs = (int[]) rows.get("handle_store"), is = (int[]) rows.get("handle_index");
        long[] ports = (long[]) rows.get("port");
        long port = 0;
        for (int r = 0; r < hs.length; r++) {
            if (hs[r] == h && is[r] == ix) port = ports[r];
        }
        return "Setting status of '" + m.name + "' connecting from node ID " + src + " to node ID " + tgt + " via port "
                + port + ": ";
    }

    /**
     * SetStatus of connections with several keys at once (NEST's set_status of each connection with
     * one dictionary, validated after all its keys were applied).
     */
    public void setConnValues(int[] h, int[] idx, String[] keys, double[][] values, long v) {
        checkVersion(v);
        int n = h.length;
        if (java.util.Arrays.asList(keys).contains("delay")) refuseWithoutDelay(h, idx, "delay");
        if (java.util.Arrays.asList(keys).contains("weight")) refuseWithoutDelay(h, idx, "weight");
        java.util.List<Integer> typedKeys = new ArrayList<>();
        boolean anyTyped = false;
        for (int q = 0; q < n && !anyTyped; q++) anyTyped = synModels.get(storeOf(h[q]).synOf(idx[q])).type != null;
        for (int j = 0; j < keys.length; j++) {
            String key = keys[j];
            if (anyTyped && !key.equals("delay") && !key.equals("synapse_label")) typedKeys.add(j);
        }
        if (!typedKeys.isEmpty()) {
            // connections of stateful models: check every key and the model's rules before changing anything
            double[][] newW = new double[n][];
            for (int q = 0; q < n; q++) {
                ConnStore c = storeOf(h[q]);
                SynapseModel m = synModels.get(c.synOf(idx[q]));
                if (m.type == null) continue;
                double w = c.weight(idx[q]);
                final int nx = m.type.connKeys.length;
                double[] ev = new double[nx + 1];
                for (int x = 0; x < nx; x++) ev[x] = c.extAt(x, idx[q]);
                for (int j : typedKeys) {
                    String key = keys[j];
                    if (key.equals("weight")) {
                        if (m.homWeight) throw unread(key);
                        w = values[j][q];
                    } else {
                        int x = m.type.settableIndex(key, m);
                        if (x == SynapseType.IGNORED) continue;
                        if (x < 0) throw unread(key);
                        ev[x] = values[j][q];
                    }
                }
                try {
                    m.type.checkIntegers(ev);
                    m.type.validate(w, ev, m.common, m.typeState);
                } catch (NestException e) {
                    if (!"BadProperty".equals(e.getErrorName())) throw e;
                    throw NestException.badProperty(connectionPrefix(m, h[q], idx[q]) + e.getMessage());
                }
                ev[nx] = w;
                newW[q] = ev;
            }
            for (int q = 0; q < n; q++) {
                if (newW[q] == null) continue;
                ConnStore c = storeOf(h[q]);
                double[] ev = newW[q];
                c.setExt(idx[q], ev);
                c.setWeight(idx[q], ev[ev.length - 1]);
            }
        }
        for (int j = 0; j < keys.length; j++) {
            if (typedKeys.contains(j)) {
                // the remaining (static) connections of the selection
                if (!keys[j].equals("weight")) {
                    for (int q = 0; q < n; q++) {
                        if (synModels.get(storeOf(h[q]).synOf(idx[q])).type == null) {
                            throw unread(keys[j]);
                        }
                    }
                    continue;
                }
                int m = 0;
                for (int q = 0; q < n; q++) {
                    if (synModels.get(storeOf(h[q]).synOf(idx[q])).type == null) m++;
                }
                int[] hh = new int[m], ii = new int[m];
                double[] vv = new double[m];
                m = 0;
                for (int q = 0; q < n; q++) {
                    if (synModels.get(storeOf(h[q]).synOf(idx[q])).type != null) continue;
                    hh[m] = h[q];
                    ii[m] = idx[q];
                    vv[m++] = values[j][q];
                }
                setConnValues(hh, ii, keys[j], vv, v);
            } else {
                setConnValues(h, idx, keys[j], values[j], v);
            }
        }
    }

    public void setConnValues(int[] h, int[] idx, String key, double[] values, long v) {
        checkVersion(v);
        int n = h.length;
        refuseWithoutDelay(h, idx, key);
        switch (key) {
            case "weight":
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    // the weight is a common property: the connection's set_status leaves it unread
                    if (synModels.get(c.synOf(idx[q])).homWeight) throw unread("weight");
                }
                for (int q = 0; q < n; q++) storeOf(h[q]).setWeight(idx[q], values[q]);
                break;
            case "delay":
                for (int q = 0; q < n; q++) {
                    SynapseModel m = synModels.get(storeOf(h[q]).synOf(idx[q]));
                    if (!m.hasDelay()) throw m.noDelay();
                }
                long[] steps = new long[n];
                double[] offs = new double[n];
                for (int q = 0; q < n; q++) {
                    steps[q] = checkDelay(values[q]);
                    if (synModels.get(storeOf(h[q]).synOf(idx[q])).contDelay) {
                        // cont_delay_synapse: after Connection::set_status (rounded delay, noted in the
                        // extrema) the delay is split into whole steps and an offset
                        noteDelay(steps[q]);
                        double[] so = contDelaySplit(values[q], true);
                        steps[q] = (long) so[0];
                        offs[q] = so[1];
                    }
                }
                for (int q = 0; q < n; q++) {
                    noteDelay(steps[q]);
                    ConnStore c = storeOf(h[q]);
                    c.setDelay(idx[q], (int) steps[q]);
                    if (offs[q] != 0.0 || c.doff != null) c.setDelayOffset(idx[q], offs[q]);
                }
                break;
            case "synapse_label":
                for (int q = 0; q < n; q++) {
                    ConnStore c = storeOf(h[q]);
                    SynapseModel m = synModels.get(c.synOf(idx[q]));
                    if (!m.labelled) {
                        throw unread("synapse_label");
                    }
                    if (values[q] < 0) {
                        throw NestException.badProperty(connectionPrefix(m, h[q], idx[q]) + "Connection label must not be negative.");
                    }
                }
                for (int q = 0; q < n; q++) storeOf(h[q]).setLabel(idx[q], (int) values[q]);
                break;
            default:
                // NEST's Connection::set_status reads weight and delay only (and synapse_label in the
                // _lbl models): set_connection_status reports any other key as unread
                throw unread(key);
        }
    }

    /**
     * NEST's error when a source does not send the event of the synapse model: the source's default
     * Node::sends_secondary_event (IllegalConnection without a reason for SIC and learning signal events)
     * or, for synapse models of primary events, Node::send_test_event.
     */
    private static NestException notSending(SynapseModel sm) {
        String why;
        if (sm.sic || sm.learningSignal) why = null;
        else if (sm.diffusion) why = "The source node does not support diffusion output.";
        else if (sm.instantRate) why = "The source node does not support instantaneous rate output.";
        else if (sm.delayedRate) why = "The source node does not support delayed rate output.";
        else why = "Source node does not send output.\n  Note that recorders must be connected as Connect(neuron, recorder).";
        return why == null ? NestException.illegalConnection("Creation of connection is not possible.")
                : NestException.cannotConnect(why);
    }

    /**
     * The set_status checks of the connection models without delay: diffusion_connection refuses delay
     * and weight, rate_connection_instantaneous the delay (NEST's messages).
     */
    private void refuseWithoutDelay(int[] h, int[] idx, String key) {
        if (!key.equals("delay") && !key.equals("weight")) return;
        for (int q = 0; q < h.length; q++) {
            SynapseModel m = synModels.get(storeOf(h[q]).synOf(idx[q]));
            if (m.diffusion) {
                throw NestException.badProperty(key.equals("delay") ? "diffusion_connection has no delay."
                        : SynapseModel.DIFFUSION_WEIGHT);
            }
            if (m.instantRate && key.equals("delay")) {
                throw NestException.badProperty(m.name + " has no delay. Please use rate_connection_delayed.");
            }
        }
    }

    /** static_synapse_hom_w: SetDefaults(weight) changes the weight of all its connections. */
    void setHomWeight(SynapseModel m, double w) {
        for (int t = 0; t < tableCount(); t++) {
            ConnTable tab = table(t);
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                for (int q = 0; q < c.size(); q++) {
                    if (c.synOf(q) == m.id) c.setWeight(q, w);
                }
            }
        }
    }

    private boolean[][][] removeFlags() {
        boolean[][][] f = new boolean[tableCount()][][];
        for (int t = 0; t < f.length; t++) f[t] = new boolean[table(t).segments()][];
        return f;
    }

    private void flag(boolean[][][] f, int h, int kk) {
        int table = h >>> 8, seg = h & 0xff;
        if (f[table][seg] == null) f[table][seg] = new boolean[storeOf(h).size()];
        f[table][seg][kk] = true;
    }

    private long applyRemovals(boolean[][][] f) {
        int maxGid = (int) k.nodes.size();
        long removed = 0;
        for (int t = 0; t < f.length; t++) {
            for (int sg = 0; sg < f[t].length; sg++) {
                boolean[] fl = f[t][sg];
                if (fl == null) continue;
                ConnStore c = table(t).seg(sg);
                for (int q = 0; q < fl.length; q++) {
                    if (fl[q]) {
                        synModels.get(c.synOf(q)).numConnections--;
                        removed++;
                    }
                }
                c.remove(fl, maxGid);
            }
        }
        if (removed > 0) version++;
        return removed;
    }

    /** NEST's Disconnect(SynapseCollection): removes exactly these connections. */
    public void disconnect(int[] h, int[] idx, long v) {
        checkVersion(v);
        finish();
        boolean[][][] f = removeFlags();
        for (int q = 0; q < h.length; q++) flag(f, h[q], idx[q]);
        applyRemovals(f);
    }

    /**
     * NEST's Disconnect(pre, post, conn_spec, syn_spec) (SPManager::disconnect with the
     * one_to_one or all_to_all builder): for each pair the rule names, the first connection from
     * source to target of the synapse model is removed; a pair without one raises
     * InexistentConnection (connections removed before that stay removed, as in NEST).
     */
    public void disconnect(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        Status cs = new Status(connSpec == null ? new LinkedHashMap<>() : connSpec, "conn_spec");
        if (!cs.has("rule")) throw NestException.badProperty("Disconnection spec must contain disconnection rule.");
        String rule = cs.s("rule", "one_to_one");
        java.util.Set<String> rules = java.util.Set.of("all_to_all", "one_to_one", "fixed_indegree", "fixed_outdegree",
                "fixed_total_number", "pairwise_bernoulli", "symmetric_pairwise_bernoulli", "pairwise_poisson",
                "tripartite_bernoulli_with_pool", "third_factor_bernoulli_with_pool");
        if (!rules.contains(rule)) throw NestException.badProperty("Unknown connectivity rule: " + rule);
        Status ss = new Status(synSpec == null ? new LinkedHashMap<>() : synSpec, "syn_spec");
        SynapseModel m = synapse(ss.s("synapse_model", "static_synapse"));
        // NEST's builder reads (without using them) the entries the model has, and weight and delay;
        // anything else is left unread and raises UnaccessedDictionaryEntry
        for (String key : new String[] {"allow_autapses", "allow_multapses", "make_symmetric"}) {
            if (cs.has(key)) cs.raw(key);
        }
        java.util.Set<String> known = new java.util.HashSet<>(m.getDefaults().keySet());
        known.add("weight");
        known.add("delay");
        // synaptic element names (NEST's builder reads them: the connected elements are decremented)
        known.add("pre_synaptic_element");
        known.add("post_synaptic_element");
        if (ss.has("pre_synaptic_element") ^ ss.has("post_synaptic_element")) {
            throw NestException.badProperty("Structural plasticity requires both a pre- and postsynaptic element.");
        }
        for (String key : known) {
            if (ss.has(key)) ss.raw(key);
        }
        if (m.homWeight && ss.has("weight")) {
            throw NestException.badProperty("Weight cannot be specified since it needs to be equal for all connections "
                    + "when static_synapse_hom_w is used.");
        }
        // (other rules read their own parameters, then fail below as not implemented for Disconnect)
        if (rule.equals("one_to_one") || rule.equals("all_to_all")) cs.checkAllAccessed();
        ss.checkAllAccessed();
        if (rule.equals("one_to_one") && pre.length != post.length) {
            throw new NestException("DimensionMismatch", "Source and Target population must be of the same size.");
        }
        connectionsChanged();
        if (!rule.equals("one_to_one") && !rule.equals("all_to_all")) {
            throw new NestException("NotImplemented", "This disconnection rule is not implemented.");
        }
        finish();
        boolean[][][] f = removeFlags();
        try {
            // a synapse model of structural plasticity: the connected elements go first (NEST's sp_disconnect_)
            SpManager.Builder sp = k.sp.builderFor(m);
            if (sp == null && ss.has("pre_synaptic_element")) {
                sp = new SpManager.Builder();
                sp.pre = ss.s("pre_synaptic_element", "");
                sp.post = ss.s("post_synaptic_element", "");
            }
            if (rule.equals("one_to_one")) {
                for (int j = 0; j < pre.length; j++) {
                    if (sp != null) k.sp.changeConnected(pre[j], post[j], sp, -1);
                    disconnectOne(f, pre[j], post[j], m);
                }
            } else {
                for (long t : post) {
                    for (long s : pre) {
                        if (sp != null) k.sp.changeConnected(s, t, sp, -1);
                        disconnectOne(f, s, t, m);
                    }
                }
            }
        } finally {
            applyRemovals(f);
        }
    }

    private void disconnectOne(boolean[][][] f, long s, long t, SynapseModel m) {
        NodeBlock sb = k.nodes.blockOf(s);
        NodeBlock tb = k.nodes.blockOf(t);
        int thread = k.nodes.ownerThread(tb, (int) (t - tb.firstGid));
        boolean device = sb.elementType() != NodeBlock.ELEMENT_NEURON;
        int table = m.type != null && device ? (devicePlastic[m.id] == null ? -1 : devicePlasticBase[m.id] + thread)
                : m.type != null || m.gap ? (plastic[m.id] == null ? -1 : plasticBase[m.id] + thread)
                : device ? stores.length + thread : thread;
        if (table < 0) throw new NestException("InexistentConnection", "Deletion of connection is not possible.");
        ConnTable tab = table(table);
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            if (s + 1 >= c.offsets.length) continue;
            int a = c.offsets[(int) s], e = c.offsets[(int) s + 1];
            // first entry with target t (sorted by target within a source)
            int lo = a, hi = e;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (c.tgt[mid] < t) lo = mid + 1;
                else hi = mid;
            }
            boolean[] fl = f[table][sg];
            for (int kk = lo; kk < e && c.tgt[kk] == t; kk++) {
                if (c.synOf(kk) != m.id || (fl != null && fl[kk])) continue;
                flag(f, (table << 8) | sg, kk);
                return;
            }
        }
        throw new NestException("InexistentConnection", "Deletion of connection is not possible.");
    }

    // ------------------------------------------------------------------ structural plasticity
    /**
     * NEST's get_targets(sources, syn_id, post_synaptic_element) for one source: the targets of
     * its connections of model m whose element postElement is not 0 (a value of the target's
     * get_synaptic_elements), ascending, once per connection. The stores must be finished.
     */
    long[] spTargets(long src, SynapseModel m, String postElement) {
        long[] buf = new long[8];
        int n = 0;
        for (ConnTable tab : tables) {
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                if (src + 1 >= c.offsets.length) continue;
                for (int q = c.offsets[(int) src]; q < c.offsets[(int) src + 1]; q++) {
                    if (c.synOf(q) != m.id) continue;
                    NodeBlock tb = k.nodes.blockOf(c.tgt[q]);
                    if (!(tb instanceof NeuronBlock)) continue;
                    SynapticElement e = ((NeuronBlock) tb).synapticElement((int) (c.tgt[q] - tb.firstGid), postElement);
                    if (e == null || e.value() == 0.0) continue;
                    if (n == buf.length) buf = Arrays.copyOf(buf, 2 * n);
                    buf[n++] = c.tgt[q];
                }
            }
        }
        long[] r = Arrays.copyOf(buf, n);
        Arrays.sort(r);
        return r;
    }

    /**
     * NEST's get_sources(targets, syn_id): for each target (ascending ids), the sources of its
     * connections of model m, ascending, once per connection. The stores must be finished.
     */
    long[][] spSources(long[] targets, SynapseModel m) {
        int maxGid = (int) k.nodes.size();
        int[] slot = new int[maxGid + 1];
        Arrays.fill(slot, -1);
        for (int j = 0; j < targets.length; j++) slot[(int) targets[j]] = j;
        long[][] buf = new long[targets.length][8];
        int[] n = new int[targets.length];
        for (ConnTable tab : tables) {
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] off = c.offsets;
                for (int s = 0; s + 1 < off.length; s++) {
                    for (int q = off[s]; q < off[s + 1]; q++) {
                        int j = c.tgt[q] < slot.length ? slot[c.tgt[q]] : -1;
                        if (j < 0 || c.synOf(q) != m.id) continue;
                        if (n[j] == buf[j].length) buf[j] = Arrays.copyOf(buf[j], 2 * n[j]);
                        buf[j][n[j]++] = s;
                    }
                }
            }
        }
        long[][] r = new long[targets.length][];
        for (int j = 0; j < targets.length; j++) {
            r[j] = Arrays.copyOf(buf[j], n[j]);
            Arrays.sort(r[j]);
        }
        return r;
    }

    /** Removes, for each pair (src[j], tgt[j]), one connection of model m (SPManager::delete_synapse). */
    void spRemove(long[] src, long[] tgt, int n, SynapseModel m) {
        if (n == 0) return;
        finish();
        boolean[][][] f = removeFlags();
        try {
            for (int j = 0; j < n; j++) disconnectOne(f, src[j], tgt[j], m);
        } finally {
            applyRemovals(f);
        }
    }
}
