package org.nestj.engine.kernel;

import java.util.Arrays;

import org.nestj.engine.Log;
import org.nestj.engine.NestException;

/**
 * NEST's SimulationManager and the event delivery of its update loop
 * (simulation_manager.cpp update_(), event_delivery_manager.cpp): time advances in min_delay
 * slices; in each slice, spikes gathered at the end of the previous slice are delivered into ring
 * buffers, multimeters collect the previous slice's samples, every node is updated, device events
 * are delivered, and the neurons' spikes are gathered in a canonical order (by lag, then sender),
 * so results do not depend on the number of threads.
 */
public final class SimulationManager {
    private final Kernel k;
    long clock;           // slice origin, steps
    long slice;
    long fromStep, toStep;
    long toDo;
    boolean prepared;
    boolean simulated;
    boolean buffersReady;
    int ringLen;
    public boolean printTime;
    double timeSimulate;

    // canonical spikes of the last gathered slice
    int nPending;
    /**
     * the gathered spikes [0, pDevUpTo) reached the devices among their targets already, at the end
     * of the run that emitted them (flushToDevices): their delivery skips the devices
     */
    int pDevUpTo;
    long[] pGid = new long[256];
    long[] pStep = new long[256];
    int[] pMult = new int[256];
    double[] pOff = new double[256];
    long localSpikeCounter;

    SpikeOut[] outs;
    /** secondary events of rate_connection_delayed */
    public final RateEvents rates;
    boolean ratesActive;
    boolean wfrActive;
    /** -Dnestj.profile=true: print the time spent in each phase of the update loop after each run. */
    private static final boolean PROFILE = Boolean.getBoolean("nestj.profile");
    private final long[] phaseNs = new long[5];
    /** per thread (stride 16 longs, no false sharing): busy time in deliver, update, device events */
    private long[] busyNs = new long[0];

    private void busy(int t, int phase, long since) {
        busyNs[t * 16 + phase] += System.nanoTime() - since;
    }

    SimulationManager(Kernel k) {
        this.k = k;
        this.rates = new RateEvents(k);
    }

    /** set when an error escaped from the update (NEST's inconsistent_state_): no Prepare until ResetKernel */
    private boolean inconsistent;

    void reset(int threads) {
        inconsistent = false;
        clock = 0;
        slice = 0;
        fromStep = 0;
        toStep = 0;
        toDo = 0;
        prepared = false;
        simulated = false;
        buffersReady = false;
        nPending = 0;
        pDevUpTo = 0;
        deferredPending = false;
        localSpikeCounter = 0;
        timeSimulate = 0;
        outs = new SpikeOut[threads];
        for (int t = 0; t < threads; t++) outs[t] = new SpikeOut(t);
    }

    public boolean hasBeenSimulated() {
        return simulated;
    }

    public boolean isPrepared() {
        return prepared;
    }

    /** Current time in steps (clock + from_step). */
    public long timeSteps() {
        return clock + fromStep;
    }

    public long sliceOrigin() {
        return clock;
    }

    public void prepare() {
        if (prepared) {
            throw NestException.kernel("Prepare called twice without Cleanup.");
        }
        if (inconsistent) {
            throw NestException.kernel("Kernel is in inconsistent state after an earlier error. Please run ResetKernel first.");
        }
        long tp0 = System.nanoTime();
        k.sp.noteBuilderDelays();
        k.connections.finish();
        if (PROFILE) System.err.printf("nestj profile: sorting connections %.3f s%n", (System.nanoTime() - tp0) * 1e-9);
        long md = k.connections.minDelay();
        long xd = k.connections.maxDelay();
        // Ring buffers hold max_delay slots (NEST: min_delay + max_delay). nestj writes events only
        // at a slice's start (spikes of the previous slice: steps origin .. origin + max_delay - 1),
        // before the update (rate devices: the same window) or after the steps of the slice were read
        // (device events: steps up to the last read step + max_delay), so at most max_delay slots
        // are live at any time; half the memory traffic of NEST's layout.
        int len = (int) xd;
        if (!buffersReady || len != ringLen) {
            ringLen = len;
            for (NodeBlock b : k.nodes.blocks) b.initBuffers(len);
            buffersReady = true;
        } else {
            for (NodeBlock b : k.nodes.blocks) {
                if (!b.buffersInitialised) b.initBuffers(len);
            }
        }
        for (NodeBlock b : k.nodes.blocks) {
            b.buffersInitialised = true;
            b.calibrate();
            if (b.recordedBy != null) {
                for (DataLogger.Target[] ts : b.recordedBy) {
                    if (ts == null) continue;
                    for (DataLogger.Target t : ts) t.init(timeSteps(), clock);
                }
            }
        }
        ratesActive = rates.prepare((int) md);
        wfrActive = ratesActive && rates.prepareWfr();
        // NEST's SimulationManager::prepare marks the kernel prepared before the IOManager opens the
        // recording files: after an IOError there, Cleanup is due (and a second Prepare is refused)
        prepared = true;
        k.recording.openAll();
        logPreparedNodes();
        if (PROFILE) System.err.printf("nestj profile: prepare %.3f s%n", (System.nanoTime() - tp0) * 1e-9);
    }

    /** Nodes updated in the coming runs, as NEST's NodeManager::prepare_nodes counts them (see logPreparedNodes). */
    private long activeNodes;

    /**
     * NEST's message of prepare_nodes: the nodes that are not frozen, each device once per thread
     * (NEST keeps a copy of a device on every thread), and those among them that take part in
     * waveform relaxation.
     */
    private void logPreparedNodes() {
        long n = 0, wfr = 0;
        final int T = k.parallel.threads();
        for (NodeBlock b : k.nodes.blocks) {
            long active = b.n;
            if (b.frozen != null) {
                for (int i = 0; i < b.n; i++) {
                    if (b.frozen[i]) active--;
                }
            }
            final int copies = b.proxiesInNest() ? 1 : T;
            n += active * copies;
            if (b.usesWfr()) wfr += active * copies;
        }
        activeNodes = n;
        StringBuilder msg = new StringBuilder("Preparing ").append(n).append(n == 1 ? " node" : " nodes").append(" for simulation.");
        if (wfr != 0) msg.append(' ').append(wfr).append(" of them").append(wfr == 1 ? " uses " : " use ").append("iterative solution techniques.");
        Log.info("NodeManager::prepare_nodes", msg.toString());
    }

    public void run(double ms) {
        // NEST's nest::run: the time itself first
        if (ms < 0) throw NestException.badParameter("The simulation time cannot be negative.");
        if (!Double.isFinite(ms)) throw NestException.badParameter("The simulation time must be finite.");
        if (ms < Time.LIM_MAX_MS && Time.msToTics(ms) % k.time.ticsPerStep() != 0) {
            throw NestException.badParameter("The simulation time must be a multiple of the simulation resolution.");
        }
        if (!prepared) {
            Log.error("SimulationManager::run", "Run called without calling Prepare.");
            throw NestException.kernel("Run called without calling Prepare.");
        }
        if (ms == 0) return;
        long tics = Time.msToTics(ms);
        if (ms < 0 || tics < k.time.ticsPerStep()) {
            Log.error("SimulationManager::run", "Simulation time must be >= " + NestException.ostream(k.time.resolution())
                    + " ms (one time step).");
            throw NestException.kernel("Simulation time must be >= " + Kernel.fmt(k.time.resolution()) + " ms (one time step).");
        }
        if (Double.isInfinite(ms) || ms >= Time.LIM_MAX_MS) {
            String msg = "The requested simulation time exceeds the largest time NEST can handle (T_max = "
                    + Time.LIM_MAX_MS + " ms). Please use a shorter time!";
            Log.error("SimulationManager::run", msg);
            throw NestException.kernel(msg);
        }
        long steps = k.time.ticsToSteps(tics);
        toDo += steps;
        long total = toDo;
        long md = k.connections.minDelay();
        // NEST's SimulationManager::run and call_update_
        if (steps % md != 0) {
            Log.warning("SimulationManager::run", "The requested simulation time is not an integer multiple of the minimal "
                    + "delay in the network. This may result in inconsistent results under the following conditions: (i) A "
                    + "network contains more than one source of randomness, e.g., two different poisson_generators, and (ii) "
                    + "Simulate is called repeatedly with simulation times that are not multiples of the minimal delay.");
        }
        Log.info("SimulationManager::start_updating_", "Number of local nodes: " + activeNodes + "\nSimulation time (ms): "
                + NestException.ostream(toDo * k.time.resolution()) + "\nNumber of OpenMP threads: " + k.parallel.threads()
                + "\nNot using MPI");
        toStep = Math.min(fromStep + toDo, md);
        long t0 = System.nanoTime();
        if (PROFILE) {
            ParallelRunner pr = k.parallel;
            pr.regions = 0;
            pr.waitNs = 0;
            pr.parks = 0;
            pr.startLatNs = 0;
            Arrays.fill(pr.latHist, 0);
            pr.stolen.set(0);
        }
        simulated = true;
        if (printTime) {
            // the messages so far (prepare_nodes, start_updating_) come before the progress line, as in NEST
            Log.printPending(System.out);
            System.out.println();
            printProgress(total, t0);
        }
        final int T = k.parallel.threads();
        ensureCtx();
        if (unitVersion != k.connections.version || unitBound == null || unitBound.length != T) computeUnits();
        // units of a thread's share may run on another thread (see ParallelRunner.runUnits), except
        // with rate connections, whose per-thread event buffers follow the static split
        final boolean steal = !ratesActive && !wfrActive;
        boolean wrAny = false;
        for (SynapseModel sm : k.connections.synModels) wrAny |= sm.weightRecorder > 0;
        // A unit's spikes can be delivered right before its update, in one parallel region, and
        // device events of the previous slice right before those spikes, unless something must
        // happen in between: weight_recorder events, multimeter samples (their output order
        // relative to the recorders' spikes), rate events.
        // (structural plasticity changes the connections between the delivery and the update)
        final boolean canFuse = !wrAny && !ratesActive && !wfrActive && !k.recording.hasSamplers() && !k.sp.enabled();
        try {
        if (deferredPending) flushDeferred();
        do {
            final long origin = clock;
            final int from = (int) fromStep, to = (int) toStep;
            long p0 = PROFILE ? System.nanoTime() : 0;
            final boolean deliverNow = slice > 0 && fromStep == 0 && nPending > 0;
            if (deliverNow) prepareWeightEvents();
            // secondary events first (NEST's deliver_secondary_events before the spikes): weight_recorder
            // events of the previous slice's secondary events (gap junctions, rate connections, ...)
            if (ratesActive && slice > 0 && fromStep == 0 && rates.secondaryWeightsRecorded()) {
                rates.recordSecondaryWeights(origin + 1 - md, false);
            }
            final boolean fuse = deliverNow && canFuse;
            final boolean devDue = deferredPending;
            final long devOrigin = deferredOrigin;
            if (deliverNow && !fuse) {
                k.parallel.runUnits(1, steal, (x, t, u) -> {
                    long b0 = PROFILE ? System.nanoTime() : 0;
                    deliverPending(x, t);
                    if (PROFILE) busy(x, 0, b0);
                });
                if (wrOn) flushWeights();
            }
            if (origin > 0 && fromStep == 0) {
                k.recording.collectSamples();
            }
            if (k.sp.enabled() && k.sp.due(origin + from)) {
                // NEST's update_(): after the delivery, before the nodes' update, serially
                k.sp.update(k.time.stepsToMs(origin + from));
                if (unitVersion != k.connections.version) computeUnits();
            }
            long p1 = PROFILE ? System.nanoTime() : 0;
            if (ratesActive) rates.updateLocalSenders(origin, from, to, outs[0]);
            if (wfrActive) rates.wfrIterate(origin, from, (int) md, to);
            if (PROFILE && busyNs.length != 16 * T) busyNs = new long[16 * T];
            // per share: the deliveries (each visits every spike once), then the update in units
            k.parallel.runPhased(units, steal, (x, t) -> {
                long b0 = PROFILE ? System.nanoTime() : 0;
                if (devDue) {
                    // device events of the previous slice: before its spikes, as in the unfused order
                    deliverDeferred(x, t, devOrigin);
                    if (PROFILE) {
                        busy(x, 2, b0);
                        b0 = System.nanoTime();
                    }
                }
                if (fuse) {
                    deliverPending(x, t);
                    if (PROFILE) busy(x, 0, b0);
                }
            }, (x, t, u) -> {
                long b0 = PROFILE ? System.nanoTime() : 0;
                SpikeOut out = outs[x];
                final long lo = unitLo(t, u), hi = unitHi(t, u);
                for (NodeBlock b : k.nodes.blocks) {
                    int i0 = b.threadStart[t], i1 = b.threadStart[t + 1];
                    if (lo != Long.MIN_VALUE) i0 = (int) Math.max(i0, Math.min(i1, lo - b.firstGid));
                    if (hi != Long.MAX_VALUE) i1 = (int) Math.max(i0, Math.min(i1, hi - b.firstGid));
                    if (i0 < i1 && !b.sendsRatesLocally()) {
                        if (b.frozen != null && b.elementType() != NodeBlock.ELEMENT_NEURON) updateUnfrozen(b, origin, from, to, i0, i1, out);
                        else b.update(origin, from, to, i0, i1, out);
                    }
                }
                if (PROFILE) busy(x, 1, b0);
            });
            if (devDue) clearDeferred();
            for (NodeBlock b : k.nodes.blocks) {
                if (b.hasAfterUpdate) {
                    b.hasAfterUpdate = false;
                    b.afterUpdate(origin, from, to);
                }
            }
            long p2 = PROFILE ? System.nanoTime() : 0;
            boolean anyDevice = false, allDeferrable = true;
            for (NodeBlock b : k.nodes.blocks) {
                if (b.hasEmissions) {
                    anyDevice = true;
                    allDeferrable &= b.emissionsDeferrable();
                }
            }
            // this slice's device events go with the next slice's region, unless this is the last
            // step of the run (they are then delivered now, before anything can change)
            final boolean lastOfRun = toDo - (toStep - fromStep) <= 0;
            if (anyDevice && canFuse && allDeferrable && !lastOfRun) {
                for (NodeBlock b : k.nodes.blocks) {
                    if (b.hasEmissions) b.deferEmissions();
                }
                deferredPending = true;
                deferredOrigin = origin;
            } else if (anyDevice) {
                final boolean devPlastic = k.connections.anyDevicePlastic;
                k.parallel.runUnits(units, steal, (x, t, u) -> {
                    long b0 = PROFILE ? System.nanoTime() : 0;
                    ConnTable tab = k.connections.deviceStores[t];
                    final long lo = unitLo(t, u), hi = unitHi(t, u);
                    for (NodeBlock b : k.nodes.blocks) {
                        if (!b.hasEmissions) continue;
                        for (int sg = 0; sg < tab.segments(); sg++) b.deliverEmissions(tab.seg(sg), origin, lo, hi);
                        if (devPlastic) deliverDevicePlastic(b, x, t, origin, lo, hi, false);
                    }
                    if (PROFILE) busy(x, 2, b0);
                });
                for (NodeBlock b : k.nodes.blocks) {
                    if (b.hasEmissions) b.clearEmissions();
                }
            }
            long p3 = PROFILE ? System.nanoTime() : 0;
            if (toStep == md) {
                gather(origin);
                if (ratesActive) {
                    long r0 = PROFILE ? System.nanoTime() : 0;
                    k.parallel.run(t -> rates.deliver(t, origin));
                    if (PROFILE) phaseNs[4] += System.nanoTime() - r0;
                }
            }
            if (PROFILE) {
                long p4 = System.nanoTime();
                phaseNs[0] += p1 - p0;
                phaseNs[1] += p2 - p1;
                phaseNs[2] += p3 - p2;
                phaseNs[3] += p4 - p3;
            }
            // advance time
            toDo -= toStep - fromStep;
            if (toStep == md) {
                clock += md;
                slice++;
                fromStep = 0;
            } else {
                fromStep = toStep;
            }
            long endSim = fromStep + toDo;
            toStep = md < endSim ? md : endSim;
            if (printTime) {
                printProgress(total, t0);
            }
        } while (toDo > 0);
        flushToDevices();
        } catch (RuntimeException | Error e) {
            // NEST's update_: an error during the update leaves the kernel inconsistent until ResetKernel
            inconsistent = true;
            throw e;
        }
        if (printTime) {
            System.out.println();
        }
        Log.info("SimulationManager::run", "Simulation finished.");
        timeSimulate += (System.nanoTime() - t0) * 1e-9;
        if (PROFILE) {
            // wall time per region kind; when delivery is fused into the update region, the
            // per-thread busy times below tell the phases apart
            System.err.printf("nestj profile: regions: deliver spikes %.3f s, update (+ fused deliveries) %.3f s, device events %.3f s; "
                    + "gather %.3f s (of which secondary events %.3f s)%n",
                    phaseNs[0] * 1e-9, phaseNs[1] * 1e-9, phaseNs[2] * 1e-9, phaseNs[3] * 1e-9, phaseNs[4] * 1e-9);
            java.util.Arrays.fill(phaseNs, 0);
            for (int t = 0; t * 16 < busyNs.length; t++) {
                System.err.printf("nestj profile: thread %d busy: deliver %.3f s, update %.3f s, device events %.3f s%n", t,
                        busyNs[t * 16] * 1e-9, busyNs[t * 16 + 1] * 1e-9, busyNs[t * 16 + 2] * 1e-9);
            }
            java.util.Arrays.fill(busyNs, 0);
            ParallelRunner pr = k.parallel;
            System.err.printf("nestj profile: %d parallel regions, caller waited %.3f s, worker parks %d, worker start latency %.3f s %s, units stolen %d%n",
                    pr.regions, pr.waitNs * 1e-9, pr.parks, pr.startLatNs * 1e-9, Arrays.toString(pr.latHist), pr.stolen.getAndSet(0));
            Arrays.fill(pr.latHist, 0);
            pr.regions = 0;
            pr.waitNs = 0;
            pr.parks = 0;
            pr.startLatNs = 0;
        }
        k.recording.flushAll();
    }

    /**
     * NEST updates no frozen node (SimulationManager::update_). The neuron models skip their frozen
     * nodes themselves; devices are updated here in runs of nodes that are not frozen, so a frozen
     * generator emits nothing. Recorders are updated as before: NEST's recorder update does nothing
     * they record depends on (they record in handle), and the multimeter cannot be frozen.
     */
    static void updateUnfrozen(NodeBlock b, long origin, int from, int to, int i0, int i1, SpikeOut out) {
        if (b.elementType() == NodeBlock.ELEMENT_RECORDER) {
            b.update(origin, from, to, i0, i1, out);
            return;
        }
        final boolean[] fr = b.frozen;
        for (int a = i0; a < i1;) {
            while (a < i1 && fr[a]) a++;
            int e = a;
            while (e < i1 && !fr[e]) e++;
            if (a < e) b.update(origin, from, to, a, e, out);
            a = e;
        }
    }

    /** NEST's print_progress_: percentage done, model time (slice origin), wall-clock / model time. */
    private void printProgress(long total, long t0) {
        double simulated = (total - toDo) * k.time.resolution();
        double real = (System.nanoTime() - t0) * 1e-6;
        double rtf = simulated > 0 ? real / simulated : 0.0;
        int pct = 100 - (int) ((double) toDo / total * 100);
        System.out.print(String.format(java.util.Locale.ROOT, "\r[ %3d%% ] Model time: %.1f ms, Real-time factor: %.4f",
                pct, k.time.stepsToMs(clock), rtf));
        System.out.flush();
    }

    // ------------------------------------------------------------------ work units
    /**
     * Each thread's share of the nodes (NodeBlock.threadStart) is cut into UNITS units by node id:
     * unit u of thread t holds the nodes of t with ids in [unitLo(t, u), unitHi(t, u)). The nodes'
     * update and the delivery of this slice's device events go by units, which other threads may
     * take over (ParallelRunner); the delivery of spikes and deferred device events goes by whole
     * shares before their units' updates, since it visits every spike (or emission) once per
     * piece. A node's events arrive in the same order in every case (segment by segment, spike
     * by spike), so results do not change.
     */
    static final int UNITS = Integer.getInteger("nestj.units", 4);
    int units = 1;
    /** per thread, the UNITS-1 node-id bounds between its units */
    long[][] unitBound;
    long unitVersion = -1;

    long unitLo(int t, int u) {
        return u == 0 ? Long.MIN_VALUE : unitBound[t][u - 1];
    }

    long unitHi(int t, int u) {
        return u == units - 1 ? Long.MAX_VALUE : unitBound[t][u];
    }

    /** Cuts every thread's share into units of about equal numbers of nodes. */
    void computeUnits() {
        final int T = k.parallel.threads();
        units = T > 1 ? Math.max(1, UNITS) : 1;
        unitBound = new long[T][units - 1];
        for (int t = 0; t < T; t++) {
            long total = 0;
            for (NodeBlock b : k.nodes.blocks) total += b.threadStart[t + 1] - b.threadStart[t];
            for (int u = 1; u < units; u++) {
                long want = total * u / units, seen = 0, bound = Long.MAX_VALUE;
                for (NodeBlock b : k.nodes.blocks) {
                    int c = b.threadStart[t + 1] - b.threadStart[t];
                    if (seen + c > want) {
                        bound = b.firstGid + b.threadStart[t] + (want - seen);
                        break;
                    }
                    seen += c;
                }
                unitBound[t][u - 1] = bound;
            }
        }
        unitVersion = k.connections.version;
    }

    // ------------------------------------------------------------------ deferred device events
    boolean deferredPending;
    long deferredOrigin;

    /** Delivers the deferred device events of slice origin to the targets of thread t; x is the executing thread. */
    private void deliverDeferred(int x, int t, long origin) {
        ConnTable tab = k.connections.deviceStores[t];
        final long lo = Long.MIN_VALUE, hi = Long.MAX_VALUE;
        final boolean devPlastic = k.connections.anyDevicePlastic;
        for (NodeBlock b : k.nodes.blocks) {
            if (!b.hasDeferred) continue;
            for (int sg = 0; sg < tab.segments(); sg++) b.deliverDeferred(tab.seg(sg), origin, lo, hi);
            if (devPlastic) deliverDevicePlastic(b, x, t, origin, lo, hi, true);
        }
    }

    /**
     * The events of device block b (this slice's, or the deferred ones) through its connections with
     * state to the targets of thread t with ids in [lo, hi), model by model (a device has connections
     * of one model only); x is the executing thread, whose scratch the synapses use.
     */
    private void deliverDevicePlastic(NodeBlock b, int x, int t, long origin, long lo, long hi, boolean deferred) {
        final ConnTable[][] dp = k.connections.devicePlastic;
        final SynapseType.Ctx cx = ctx[x];
        for (int sid = 0; sid < dp.length; sid++) {
            if (dp[sid] == null) continue;
            final ConnTable tab = dp[sid][t];
            if (tab.size() == 0) continue;
            final SynapseModel m = k.connections.synModels.get(sid);
            for (int sg = 0; sg < tab.segments(); sg++) {
                if (deferred) b.deliverPlasticDeferred(tab.seg(sg), m, origin, lo, hi, cx);
                else b.deliverPlasticEmissions(tab.seg(sg), m, origin, lo, hi, cx);
            }
        }
    }

    private void clearDeferred() {
        for (NodeBlock b : k.nodes.blocks) {
            if (b.hasDeferred) b.clearDeferred();
        }
        deferredPending = false;
    }

    private void flushDeferred() {
        final long origin = deferredOrigin;
        ensureCtx();
        k.parallel.runUnits(1, !ratesActive && !wfrActive, (x, t, u) -> deliverDeferred(x, t, origin));
        clearDeferred();
    }

    /** Collects the neuron spikes of this slice from all threads, sorted by (lag, sender). */
    private void gather(long origin) {
        int n = 0;
        for (SpikeOut o : outs) n += o.size;
        if (pGid.length < n) {
            int c = Math.max(n, pGid.length * 2);
            pGid = new long[c];
            pStep = new long[c];
            pMult = new int[c];
            pOff = new double[c];
        }
        int devDone = 0;
        for (SpikeOut o : outs) devDone += o.devDone;
        copySorted(outs, n, origin);
        // spikes handed to devices at the end of an earlier run within this slice have smaller lags
        // than the others, so they come first in the sorted order
        pDevUpTo = devDone;
        // NEST counts a spike of multiplicity m as m spikes (EventDeliveryManager::send)
        long spikes = 0;
        for (int q = 0; q < n; q++) spikes += pMult[q];
        localSpikeCounter += spikes;
        nPending = n;
        for (SpikeOut o : outs) o.clear();
    }

    private long[] keys = new long[256];
    private int[] idx = new int[256];
    private long[] tmpK = new long[256];
    private int[] tmpI = new int[256];

    /**
     * Sorts the n spikes of os (all, or with fromDevDone those not yet handed to devices) by (lag,
     * sender): idx[0..n) holds (thread << 26) | index in that order.
     */
    private void sortSpikes(SpikeOut[] os, int n, boolean fromDevDone) {
        if (keys.length < n) {
            int c = Math.max(n, keys.length * 2);
            keys = new long[c];
            idx = new int[c];
            tmpK = new long[c];
            tmpI = new int[c];
        }
        int j = 0;
        for (int t = 0; t < os.length; t++) {
            SpikeOut o = os[t];
            for (int i = fromDevDone ? o.devDone : 0; i < o.size; i++) {
                keys[j] = ((long) o.lag[i] << 32) | o.gid[i];
                idx[j] = (t << 26) | i;
                j++;
            }
        }
        mergeSort(keys, idx, tmpK, tmpI, 0, n);
    }

    private void copySorted(SpikeOut[] os, int n, long origin) {
        sortSpikes(os, n, false);
        for (int i = 0; i < n; i++) {
            int p = idx[i];
            put(i, os[p >>> 26], p & ((1 << 26) - 1), origin);
        }
    }

    /** Stable merge sort of (key, value) pairs on [a, b). */
    static void mergeSort(long[] k, int[] v, long[] tk, int[] tv, int a, int b) {
        if (b - a < 32) {
            for (int i = a + 1; i < b; i++) {
                long key = k[i];
                int val = v[i];
                int j = i - 1;
                while (j >= a && k[j] > key) {
                    k[j + 1] = k[j];
                    v[j + 1] = v[j];
                    j--;
                }
                k[j + 1] = key;
                v[j + 1] = val;
            }
            return;
        }
        int m = (a + b) >>> 1;
        mergeSort(k, v, tk, tv, a, m);
        mergeSort(k, v, tk, tv, m, b);
        if (k[m - 1] <= k[m]) return;
        System.arraycopy(k, a, tk, a, b - a);
        System.arraycopy(v, a, tv, a, b - a);
        int i = a, j = m, o = a;
        while (i < m && j < b) {
            if (tk[j] < tk[i]) {
                k[o] = tk[j];
                v[o++] = tv[j++];
            } else {
                k[o] = tk[i];
                v[o++] = tv[i++];
            }
        }
        while (i < m) {
            k[o] = tk[i];
            v[o++] = tv[i++];
        }
        while (j < b) {
            k[o] = tk[j];
            v[o++] = tv[j++];
        }
    }

    private void put(int j, SpikeOut o, int i, long origin) {
        pGid[j] = o.gid[i];
        pStep[j] = origin + o.lag[i];
        pMult[j] = o.mult[i];
        pOff[j] = o.offset[i];
    }

    /** Delivers the gathered spikes to the targets owned by thread t, segment by segment. */
    // ------------------------------------------------------------------ weight_recorder events
    private boolean wrOn;
    private WeightEvents[] wev;

    /** Weight events noted by one thread during delivery: (recorder, sender, target, stamp, weight, rport, port). */
    private static final class WeightEvents {
        int n;
        long[] rec = new long[64], snd = new long[64], tgt = new long[64], stamp = new long[64], rp = new long[64];
        double[] w = new double[64];
        /** the connection: its segment and index there (its port is looked up for recorded events only) */
        ConnStore[] store = new ConnStore[64];
        int[] idx = new int[64];

        void add(long r, long s, long t, long st, double wt, long rport, ConnStore c, int q) {
            if (n == rec.length) {
                int cap = n * 2;
                rec = Arrays.copyOf(rec, cap);
                snd = Arrays.copyOf(snd, cap);
                tgt = Arrays.copyOf(tgt, cap);
                stamp = Arrays.copyOf(stamp, cap);
                rp = Arrays.copyOf(rp, cap);
                w = Arrays.copyOf(w, cap);
                store = Arrays.copyOf(store, cap);
                idx = Arrays.copyOf(idx, cap);
            }
            rec[n] = r;
            snd[n] = s;
            tgt[n] = t;
            stamp[n] = st;
            w[n] = wt;
            rp[n] = rport;
            store[n] = c;
            idx[n] = q;
            n++;
        }
    }

    /** Notes a weight event for each connection in [a, m) whose synapse model reports to a weight_recorder. */
    private void noteWeights(int t, ConnStore c, int sender, int a, int m, long stamp) {
        java.util.List<SynapseModel> sms = k.connections.synModels;
        for (int q = a; q < m; q++) {
            SynapseModel sm = sms.get(c.synOf(q));
            if (sm.weightRecorder > 0) {
                wev[t].add(sm.weightRecorder, sender, c.tgt[q], stamp, c.weight(q), c.rportOf(q), c, q);
            }
        }
    }

    /**
     * Hands the weight events of this delivery to their recorders, in an order that does not depend
     * on the number of threads: by time, sender, target, port.
     */
    private void flushWeights() {
        // the events the recorders keep (activity window, senders/targets filters), found before the sort
        // and the port look-up, which only they need
        int total = 0;
        for (WeightEvents e : wev) total += e.n;
        if (total == 0) return;
        if (rowBuf.length < total) rowBuf = new long[Math.max(total, 2 * rowBuf.length)][];
        final long[][] rows = rowBuf;
        int r = 0;
        long lastRec = -1;
        org.nestj.engine.devices.WeightRecorder wr = null;
        for (int t = 0; t < wev.length; t++) {
            WeightEvents e = wev[t];
            for (int q = 0; q < e.n; q++) {
                if (e.rec[q] != lastRec) {
                    lastRec = e.rec[q];
                    NodeBlock b = k.nodes.blockOf(lastRec);
                    wr = b instanceof org.nestj.engine.devices.WeightRecorder ? (org.nestj.engine.devices.WeightRecorder) b : null;
                }
                if (wr != null && wr.accepts((int) (e.rec[q] - wr.firstGid), e.snd[q], e.tgt[q], e.stamp[q])) {
                    long port = k.connections.threadIndependentPort((int) e.snd[q], e.store[q], e.idx[q]);
                    rows[r++] = new long[] {e.stamp[q], e.snd[q], e.tgt[q], e.store[q].synOf(e.idx[q]), port, t, q};
                }
            }
        }
        Arrays.sort(rows, 0, r, (x, y) -> {
            for (int j = 0; j < 5; j++) {
                int c = Long.compare(x[j], y[j]);
                if (c != 0) return c;
            }
            return 0;
        });
        for (int j = 0; j < r; j++) {
            long[] row = rows[j];
            WeightEvents e = wev[(int) row[5]];
            int q = (int) row[6];
            NodeBlock b = k.nodes.blockOf(e.rec[q]);
            ((org.nestj.engine.devices.WeightRecorder) b).record((int) (e.rec[q] - b.firstGid), e.snd[q], e.tgt[q],
                    e.stamp[q], e.w[q], e.rp[q], row[4]);
        }
        for (WeightEvents e : wev) {
            Arrays.fill(e.store, 0, e.n, null);
            e.n = 0;
        }
        Arrays.fill(rows, 0, r, null);
    }

    private long[][] rowBuf = new long[64][];

    /** Delivers the gathered spikes to the targets of thread t's share; x is the executing thread. */
    private void deliverPending(int x, int t) {
        deliver(x, t, pGid, pStep, pMult, pOff, 0, nPending, pDevUpTo, false);
    }

    /**
     * Delivers spikes [s0, s1) of the given arrays (sender, emission step origin + lag, multiplicity,
     * offset) to the targets of thread t's share; x is the executing thread. devicesOnly: to the
     * targets without proxies (devices) only; otherwise to all targets, except the devices for
     * spikes before devFrom (they reached them at the end of the run that emitted them).
     */
    private void deliver(int x, int t, long[] gids, long[] steps, int[] mults, double[] offs, int s0, int s1, int devFrom,
            boolean devicesOnly) {
        ConnTable tab = k.connections.stores[t];
        NodeManager nm = k.nodes;
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            int[] off = c.offsets;
            int[] tgt = c.tgt;
            for (int s = s0; s < s1; s++) {
                int g = (int) gids[s];
                if (g + 1 >= off.length) continue;
                final int a = off[g], e = off[g + 1];
                // with a filter, the targets with proxies (devicesOnly) or those without are skipped
                final boolean filter = devicesOnly || s < devFrom;
                // multiplicity n: n single spikes to the targets with proxies (neurons), one event of
                // multiplicity n to the others (NEST's send_remote / send_to_devices); each single
                // spike passes all of the source's connections before the next
                final int mult = mults[s];
                for (int r = 0; r < mult; r++) {
                    for (int q = a; q < e;) {
                        final NodeBlock b = nm.blockOf(tgt[q]);
                        final boolean single = mult == 1 || b.hasProxies();
                        if ((!single && r > 0) || (filter && b.hasProxies() == devicesOnly)) {
                            q = b.spanEnd(c, q, e);
                            continue;
                        }
                        final int m = b.deliverSpan(c, q, e, steps[s], single ? 1 : mult, g, offs[s]);
                        if (wrOn) noteWeights(x, c, g, q, m, steps[s] + 1);
                        q = m;
                    }
                }
            }
        }
        ConnTable[][] pl = k.connections.plastic;
        for (int sid = 0; sid < pl.length; sid++) {
            if (pl[sid] != null && pl[sid][t].size() > 0 && k.connections.synModels.get(sid).type != null) {
                deliverPlastic(x, t, pl[sid][t], k.connections.synModels.get(sid), gids, steps, mults, offs, s0, s1, devFrom,
                        devicesOnly);
            }
        }
    }

    /**
     * NEST hands a neuron's spike to the devices among its targets (spike_recorder, ...) when the
     * neuron sends it, within the update (EventDeliveryManager::send -> send_to_devices), and to the
     * other targets through the spike exchange at the end of the slice. nestj delivers both at the
     * start of the next slice, which is the same within a run; at the end of a run, the spikes that
     * have not reached their devices yet (those of the last slice, or of the part of a slice the
     * run covered) reach them now, as in NEST: a recorder read after Simulate holds the spikes up to
     * its end (not only those up to the last but one slice), and devices connected or changed
     * before the next run do not see them. Their delivery to the neurons stays at the next slice.
     */
    private void flushToDevices() {
        boolean anyDevice = false;
        for (NodeBlock b : k.nodes.blocks) anyDevice |= !b.hasProxies();
        if (!anyDevice) return;
        long[] gids;
        long[] steps;
        int[] mults;
        double[] offs;
        int s0, s1;
        if (fromStep == 0) {
            // the run ended with a slice: the spikes just gathered
            if (slice == 0 || pDevUpTo >= nPending) return;
            gids = pGid;
            steps = pStep;
            mults = pMult;
            offs = pOff;
            s0 = pDevUpTo;
            s1 = nPending;
            pDevUpTo = nPending;
        } else {
            // the run ended within a slice: its spikes not handed to devices yet, in the canonical order
            int n = 0;
            for (SpikeOut o : outs) n += o.size - o.devDone;
            if (n == 0) return;
            sortSpikes(outs, n, true);
            for (SpikeOut o : outs) o.devDone = o.size;
            gids = new long[n];
            steps = new long[n];
            mults = new int[n];
            offs = new double[n];
            for (int i = 0; i < n; i++) {
                SpikeOut o = outs[idx[i] >>> 26];
                int q = idx[i] & ((1 << 26) - 1);
                gids[i] = o.gid[q];
                steps[i] = clock + o.lag[q];
                mults[i] = o.mult[q];
                offs[i] = o.offset[q];
            }
            s0 = 0;
            s1 = n;
        }
        ensureCtx();
        prepareWeightEvents();
        for (int t = 0; t < k.connections.stores.length; t++) deliver(0, t, gids, steps, mults, offs, s0, s1, s0, true);
        if (wrOn) flushWeights();
    }

    /**
     * Before a spike delivery: wrOn if some synapse model has a weight_recorder, and a buffer per thread
     * for its events.
     */
    private void prepareWeightEvents() {
        wrOn = false;
        for (SynapseModel sm : k.connections.synModels) wrOn |= sm.weightRecorder > 0;
        if (wrOn && (wev == null || wev.length != outs.length)) {
            wev = new WeightEvents[outs.length];
            for (int q = 0; q < wev.length; q++) wev[q] = new WeightEvents();
        }
    }

    private SynapseType.Ctx[] ctx = new SynapseType.Ctx[0];

    private void ensureCtx() {
        if (ctx.length < outs.length) {
            synchronized (this) {
                if (ctx.length < outs.length) {
                    SynapseType.Ctx[] nc = Arrays.copyOf(ctx, outs.length);
                    for (int q = 0; q < nc.length; q++) {
                        if (nc[q] == null) nc[q] = new SynapseType.Ctx();
                    }
                    ctx = nc;
                }
            }
        }
    }

    private long trigVt;
    private double trigT;
    private final java.util.function.IntConsumer trigTask = this::triggerOnThread;

    /**
     * NEST's ConnectionManager::trigger_update_weight: the volume transmitter vtGid calls
     * {@link SynapseType#triggerUpdateWeight} on every connection whose model names it (each
     * thread its own connections). Called serially (from NodeBlock#afterUpdate).
     */
    public void triggerUpdateWeight(long vtGid, double tTrig) {
        ensureCtx();
        trigVt = vtGid;
        trigT = tTrig;
        k.parallel.run(trigTask);
    }

    private void triggerOnThread(int t) {
        final SynapseType.Ctx x = ctx[t];
        final ConnTable[][] pl = k.connections.plastic;
        final NodeManager nm = k.nodes;
        final Time tm = k.time;
        x.kernel = k;
        for (int sid = 0; sid < pl.length; sid++) {
            if (pl[sid] == null || pl[sid][t].size() == 0) continue;
            SynapseModel m = k.connections.synModels.get(sid);
            if (m.type == null || m.type.volumeTransmitter(m) != trigVt) continue;
            x.model = m;
            ConnTable tab = pl[sid][t];
            for (int sg = 0; sg < tab.segments(); sg++) {
                ConnStore c = tab.seg(sg);
                int[] tgt = c.tgt;
                for (int q = 0, e = c.size(); q < e; q++) {
                    NodeBlock b = nm.blockOf(tgt[q]);
                    x.target = b;
                    x.ti = (int) (tgt[q] - b.firstGid);
                    x.delay = tm.delayStepsToMs(c.delayOf(q));
                    m.type.triggerUpdateWeight(x, c, q, trigT);
                }
            }
        }
    }

    /**
     * Delivery through connections with state: per spike and connection, the synapse's send()
     * updates the connection and gives the weight to transmit (NEST's Connector::send with
     * send_weight_event for a weight_recorder).
     */
    private void deliverPlastic(int xt, int t, ConnTable tab, SynapseModel m, long[] gids, long[] steps, int[] mults,
            double[] offs, int s0, int s1, int devFrom, boolean devicesOnly) {
        ensureCtx();
        final SynapseType.Ctx x = ctx[xt];
        final SynapseType ty = m.type;
        final NodeManager nm = k.nodes;
        final Time tm = k.time;
        x.model = m;
        x.kernel = k;
        for (int sg = 0; sg < tab.segments(); sg++) {
            ConnStore c = tab.seg(sg);
            // shared mode (ConnStore#sext): the source's columns, stepped once per single spike before
            // its connections see it (SynapseType#sharedSpike); the types that share connect only to
            // neurons, so their connections pass every single spike, and none when only devices are served
            final double[][] sh = c.sext;
            if (sh != null && devicesOnly) continue;
            final double[] v = x.shared;
            int[] off = c.offsets;
            int[] tgt = c.tgt;
            for (int s = s0; s < s1; s++) {
                int g = (int) gids[s];
                if (g + 1 >= off.length) continue;
                final int first = off[g];
                final int a = first, e = off[g + 1];
                if (a == e) continue;
                final boolean filter = devicesOnly || s < devFrom;
                final long stamp = steps[s] + 1;
                x.stampSteps = stamp;
                x.tSpike = tm.stepsToMs(stamp);
                x.offset = offs[s];
                if (sh != null) {
                    for (int j = 0; j < sh.length; j++) v[j] = sh[j][g - c.sextBase];
                }
                // a spike of multiplicity n passes the connections to neurons as n single spikes,
                // one after the other (NEST's send_remote), those to devices once (send_to_devices)
                final int rn = mults[s];
                NodeBlock b = null;
                long bFirst = 0, bEnd = 0;
                for (int r = 0; r < rn; r++) {
                    if (sh != null) ty.sharedSpike(x, v);
                    for (int q = a; q < e; q++) {
                        int tg = tgt[q];
                        if (tg < bFirst || tg >= bEnd) {
                            b = nm.blockOf(tg);
                            bFirst = b.firstGid;
                            bEnd = bFirst + b.n;
                        }
                        final boolean single = rn == 1 || b.hasProxies();
                        if (!single && r > 0) continue;
                        if (filter && b.hasProxies() == devicesOnly) continue;
                        final int mult = single ? 1 : rn;
                        x.mult = mult;
                        int ti = (int) (tg - bFirst);
                        int dl = c.delayOf(q);
                        x.target = b;
                        x.ti = ti;
                        x.delay = tm.delayStepsToMs(dl);
                        if (!(sh == null ? ty.send(x, c, q) : ty.sendShared(x, c, q))) continue;
                        b.handleSpike(ti, steps[s] + dl, x.weight, mult, c.rportOf(q), g, stamp, offs[s]);
                        if (wrOn && m.weightRecorder > 0) wev[xt].add(m.weightRecorder, g, tg, stamp, x.weight, c.rportOf(q), c, q);
                    }
                }
                if (sh != null) {
                    for (int j = 0; j < sh.length; j++) sh[j][g - c.sextBase] = v[j];
                }
            }
        }
    }

    public long localSpikeCounter() {
        return localSpikeCounter;
    }
}
