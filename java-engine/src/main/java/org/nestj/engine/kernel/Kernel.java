package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.nestj.engine.NestException;

/**
 * The simulation kernel (NEST's KernelManager): owns one manager per concern — models, nodes,
 * connections, simulation, recording, threads — and the kernel status dictionary.
 */
public final class Kernel {
    /** The recording backends of NEST 3.9 built without MPI and SIONlib (IOManager's recording_backends_). */
    public static final String[] RECORDING_BACKENDS = {"memory", "ascii", "screen"};

    public static boolean isRecordingBackend(String name) {
        for (String b : RECORDING_BACKENDS) if (b.equals(name)) return true;
        return false;
    }

    public static final String VERSION = "3.9.0";
    public final Time time = new Time();
    public final ModelManager models = new ModelManager(this);
    public final NodeManager nodes = new NodeManager(this);
    public final ConnectionManager connections = new ConnectionManager(this);
    public final SimulationManager sim = new SimulationManager(this);
    public final SpManager sp = new SpManager(this);
    public final RecordingManager recording = new RecordingManager();
    public ParallelRunner parallel = new ParallelRunner(1);
    private long rngSeed = 143202461L;
    /** Counters of Connect calls and Parameter evaluations: each draws from its own stream (ConnBuilder, params). */
    public long connectCalls, paramCalls;
    public String dataPath = "";
    public String dataPrefix = "";
    public boolean overwriteFiles = false;
    public boolean dictMissIsError = true;
    public boolean useWfr() {
        return useWfr;
    }

    /** The delay (ms) NEST gives connections without delay (instantaneous rate, diffusion): wfr_comm_interval. */
    public double wfrCommInterval() {
        return wfrCommInterval;
    }
    private final Map<String, Object> passiveSettings = new LinkedHashMap<>();
    /**
     * NEST's waveform-relaxation settings (SimulationManager): use_wfr (fixed once nodes exist; nodes
     * created with it take part in waveform relaxation), wfr_comm_interval (the "delay" of connections
     * without delay: gap junctions, instantaneous rates; the resolution when use_wfr is false), wfr_tol,
     * wfr_max_iterations, wfr_interpolation_order (0, 1 or 3: polynomial per step of gap-junction
     * events).
     */
    public boolean useWfr = true;
    public double wfrCommInterval = 1.0, wfrTol = 0.0001;
    public long wfrMaxIterations = 15, wfrInterpolationOrder = 3;
    /**
     * NEST's e-prop settings (SimulationManager: eprop_update_interval, eprop_learning_window in ms,
     * eprop_reset_neurons_on_update), read by the e-prop models as steps (Time::ms(x).get_steps()).
     */
    public double epropUpdateInterval = 1000.0, epropLearningWindow = 1000.0;
    public boolean epropResetNeuronsOnUpdate = true;

    /** eprop_update_interval in steps (NEST's get_eprop_update_interval().get_steps()). */
    public long epropUpdateIntervalSteps() {
        return time.msToSteps(epropUpdateInterval);
    }

    /** eprop_learning_window in steps. */
    public long epropLearningWindowSteps() {
        return time.msToSteps(epropLearningWindow);
    }

    /** A kernel setting nestj stores but does not interpret itself (null if never set). */
    public Object passiveSetting(String key) {
        return passiveSettings.get(key);
    }
    private final Consumer<Kernel> modelRegistration;

    public Kernel(Consumer<Kernel> modelRegistration) {
        this.modelRegistration = modelRegistration;
        reset();
    }

    public long rngSeed() {
        return rngSeed;
    }

    /** NEST's VPManager::get_OMP_NUM_THREADS: the environment's OMP_NUM_THREADS (0 if not set). */
    private static int ompNumThreads() {
        String v = System.getenv("OMP_NUM_THREADS");
        return v == null ? 0 : org.nestj.engine.Log.atoi(v);
    }

    private static final String OMP_IGNORED = "OMP_NUM_THREADS is set in your environment, but NEST ignores it.\n"
            + "For details, see the Guide to parallel computing in the NEST Documentation.";

    /** ResetKernel: forget nodes, connections, models' changed defaults, time; keep nothing. */
    public void reset() {
        // NEST's VPManager::initialize
        if (ompNumThreads() > 1) org.nestj.engine.Log.info("VPManager::initialize()", OMP_IGNORED);
        int threads = 1;
        if (parallel != null && parallel.threads() != 1) {
            parallel.shutdown();
        }
        parallel = new ParallelRunner(threads);
        time.setResolution(Time.TICS_PER_MS_DEFAULT, 0.1); // Time::reset_to_defaults
        rngSeed = 143202461L;
        connectCalls = 0;
        paramCalls = 0;
        dataPath = "";
        dataPrefix = "";
        overwriteFiles = false;
        dictMissIsError = true;
        passiveSettings.clear();
        useWfr = true;
        wfrCommInterval = 1.0;
        wfrTol = 0.0001;
        wfrMaxIterations = 15;
        wfrInterpolationOrder = 3;
        epropUpdateInterval = 1000.0;
        epropLearningWindow = 1000.0;
        epropResetNeuronsOnUpdate = true;
        models.reset();
        nodes.reset();
        connections.synModels.clear();
        connections.synByName.clear();
        connections.reset(threads);
        sim.reset(threads);
        sp.reset();
        recording.reset();
        modelRegistration.accept(this);
        models.numberSynapsesAsNest();
    }

    /** NEST's numerics is_integer: n (> 0) is an integer up to two bits of rounding error. */
    static boolean isInteger(double n) {
        double frac = n - (n < 0 ? Math.ceil(n) : Math.floor(n)); // std::modf's fractional part
        if (frac > 0.5) frac = 1 - frac;
        return frac < 4 * n * Math.ulp(1.0);
    }

    public static String fmt(double v) {
        return String.valueOf(v);
    }

    // ------------------------------------------------------------------ nodes

    public NodeBlock create(String model, int n) {
        Model m = models.node(model);
        if (sim.isPrepared()) {
            throw NestException.kernel("Create cannot be called between Prepare and Cleanup (inside RunManager).");
        }
        return nodes.create(m, n);
    }

    /** Common status of node i of block b (NEST's Node::get_status_base) plus the model's own. */
    public void nodeStatus(NodeBlock b, int i, Map<String, Object> d) {
        b.getStatus(i, d);
        String[] rec = b.recordables();
        if (rec.length > 0) d.put("recordables", rec.clone());
        Map<String, Long> rt = b.receptorTypes();
        if (rt != null) d.put("receptor_types", new java.util.TreeMap<>(rt)); // NEST dictionaries are sorted by key
        d.put("element_type", b.elementTypeName());
        d.put("frozen", b.frozen != null && b.frozen[i]);
        d.put("global_id", b.gid(i));
        d.put("local", true);
        d.put("model", b.model.name);
        d.put("model_id", (long) b.model.id);
        d.putIfAbsent("node_uses_wfr", false);
        // the thread and VP NEST assigns (nestj's own split of the work differs; results do not
        // depend on it): node id modulo the number of threads for nodes with proxies, the first
        // thread's replica for devices; the thread-local id counts the nodes before it on that thread
        final long gid = b.gid(i);
        final int t = nestThreadOf(b, gid);
        d.put("thread", (long) t);
        d.put("vp", (long) t);
        d.put("thread_local_id", nestThreadLocalId(gid, t));
    }

    /** The thread NEST's round-robin assigns to node gid of block b (devices: 0, their first replica). */
    public int nestThreadOf(NodeBlock b, long gid) {
        return b.proxiesInNest() ? (int) (gid % parallel.threads()) : 0;
    }

    /** NEST's thread-local id: the nodes local to thread t (its nodes with proxies, every device) before gid. */
    private long nestThreadLocalId(long gid, int t) {
        final int T = parallel.threads();
        long n = 0;
        for (NodeBlock b : nodes.blocks) {
            long f = b.firstGid, l = Math.min(b.firstGid + b.n - 1, gid - 1);
            if (l < f) continue;
            if (!b.proxiesInNest()) {
                n += l - f + 1;
            } else {
                // ids in [f, l] congruent to t modulo T
                n += Math.floorDiv(l - t, T) - Math.floorDiv(f - 1 - t, T);
            }
        }
        return n;
    }

    /**
     * NEST's SetStatus of one node (NodeManager::set_status_single_node_): the node's set_status
     * (a BadProperty names the model and node, as Node::set_status_base does), then frozen, then
     * every entry must have been read (read-only properties are not: UnaccessedDictionaryEntry).
     */
    public void setNodeStatus(NodeBlock b, int i, Map<String, Object> params) {
        Status s = new Status(params, b.model.name);
        try {
            b.setStatus(i, s);
            if (s.has("frozen")) {
                boolean f = s.b("frozen", false);
                // multimeter (and its copy voltmeter) protects itself from being frozen
                if (f && b instanceof org.nestj.engine.devices.Multimeter) {
                    throw NestException.badProperty("multimeter cannot be frozen.");
                }
                if (b.frozen == null) b.frozen = new boolean[b.n];
                b.frozen[i] = f;
            }
        } catch (NestException e) {
            if (!"BadProperty".equals(e.getErrorName())) throw e;
            throw NestException.badProperty("Setting status of a '" + b.model.name + "' with node ID " + b.gid(i) + ": "
                    + e.getMessage());
        }
        s.checkAllAccessed();
    }

    // ------------------------------------------------------------------ simulation

    public void simulate(double ms) {
        sim.prepare();
        try {
            sim.run(ms);
        } finally {
            cleanup();
        }
    }

    public void prepare() {
        sim.prepare();
    }

    public void run(double ms) {
        sim.run(ms);
    }

    /**
     * NEST's EnableStructuralPlasticity (SPManager::enable_structural_plasticity). NEST refuses
     * more than one thread; nestj's structural plasticity update is serial and draws from one
     * stream in node-id order, so it gives the same result for any number of threads.
     */
    public void enableStructuralPlasticity() {
        if (Boolean.FALSE.equals(passiveSettings.get("keep_source_table"))) {
            throw NestException.kernel("Structural plasticity can not be enabled if keep_source_table has been set to false.");
        }
        if (Boolean.FALSE.equals(passiveSettings.get("use_compressed_spikes"))) {
            throw NestException.kernel("Structural plasticity can not be enabled if use_compressed_spikes has been set to false.");
        }
        sp.enable();
    }

    public void cleanup() {
        if (!sim.prepared) {
            throw NestException.kernel("Cleanup called without calling Prepare.");
        }
        sim.prepared = false;
        recording.closeAll();
    }

    public java.util.List<String> getKernelStatusRules() {
        return java.util.Arrays.asList("pairwise_poisson", "one_to_one", "all_to_all", "fixed_indegree", "fixed_outdegree",
                "pairwise_bernoulli", "symmetric_pairwise_bernoulli", "fixed_total_number");
    }

    public void connect(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        checkNotPrepared();
        reserveFor(pre, post, connSpec, synSpec);
        ConnBuilder b = new ConnBuilder(this, pre, post, connSpec, synSpec);
        connections.connectionsChanged();
        b.connect();
    }

    /** Connect with CollocatedSynapses: the rule draws each pair once, every syn_spec connects it. */
    public void connectCollocated(long[] pre, long[] post, Map<String, Object> connSpec, java.util.List<Map<String, Object>> synSpecs) {
        checkNotPrepared();
        ConnBuilder b = new ConnBuilder(this, pre, post, connSpec, synSpecs);
        connections.connectionsChanged();
        b.connect();
    }

    /**
     * Switches the kernel to off-grid spiking with NEST's note (NodeManager::add_node for a model that
     * is off-grid, spike_train_injector::pre_run_hook for a node with precise_times): the sender and
     * the note's first clause (what emits precisely timed spikes) differ.
     */
    public void switchToOffGridSpiking(String sender, String what) {
        setKernelStatus(java.util.Collections.singletonMap("off_grid_spiking", (Object) Boolean.TRUE));
        org.nestj.engine.Log.info(sender, what + ": the kernel property off_grid_spiking has been set to true.\n\n"
                + "NOTE: Mixing precise-spiking and normal neuron models may lead to inconsistent results.");
    }

    private void checkNotPrepared() {
        if (sim.isPrepared()) {
            throw NestException.kernel("Connect cannot be called between Prepare and Cleanup (inside RunManager).");
        }
    }

    /**
     * Pre-sizes the connection tables the synapse model's connections go to, for rules whose
     * connection count is known in advance.
     */
    private void reserveFor(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        if (pre.length == 0 || post.length == 0) return;
        Object name = synSpec == null ? "static_synapse" : synSpec.getOrDefault("synapse_model", "static_synapse");
        // an unknown or malformed model is reported by the builder
        if (!(name instanceof String) || !connections.hasSynapse((String) name)) return;
        SynapseModel sm = connections.synapse((String) name);
        Object rule = connSpec == null ? "all_to_all" : connSpec.getOrDefault("rule", "all_to_all");
        double perTarget = 0;
        try {
            switch (String.valueOf(rule)) {
                case "all_to_all": perTarget = pre.length; break;
                case "one_to_one": perTarget = 1; break;
                case "fixed_indegree": perTarget = ((Number) connSpec.get("indegree")).doubleValue(); break;
                case "fixed_outdegree": perTarget = ((Number) connSpec.get("outdegree")).doubleValue() * pre.length / post.length; break;
                case "fixed_total_number": perTarget = ((Number) connSpec.get("N")).doubleValue() / post.length; break;
                case "pairwise_bernoulli": perTarget = ((Number) connSpec.get("p")).doubleValue() * pre.length; break;
                default: perTarget = 0;
            }
        } catch (RuntimeException e) {
            perTarget = 0; // a malformed spec is reported by the builder
        }
        if (perTarget > 0 && perTarget * post.length < 2e9) connections.reserve(pre, post, perTarget, sm);
    }

    // ------------------------------------------------------------------ kernel status

    public Map<String, Object> getKernelStatus() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("T_max", Time.LIM_MAX_TICS * Time.MS_PER_TIC);
        d.put("T_min", -Time.LIM_MAX_TICS * Time.MS_PER_TIC);
        d.put("adaptive_target_buffers", true);
        d.put("biological_time", time.stepsToMs(sim.timeSteps()));
        d.put("buffer_size_spike_data", 2L);
        d.put("buffer_size_target_data", 2L);
        d.put("connection_rules", new String[] {"pairwise_poisson", "one_to_one", "all_to_all", "fixed_indegree",
                "fixed_outdegree", "pairwise_bernoulli", "symmetric_pairwise_bernoulli", "fixed_total_number"});
        d.put("data_path", dataPath);
        d.put("data_prefix", dataPrefix);
        d.put("dict_miss_is_error", dictMissIsError);
        d.put("eprop_learning_window", epropLearningWindow);
        d.put("eprop_reset_neurons_on_update", epropResetNeuronsOnUpdate);
        d.put("eprop_update_interval", epropUpdateInterval);
        d.put("growth_curves", new String[] {"gaussian", "linear", "sigmoid"});
        d.put("growth_factor_buffer_spike_data", 1.5);
        d.put("growth_factor_buffer_target_data", 1.5);
        d.put("keep_source_table", true);
        d.put("local_num_threads", (long) parallel.threads());
        d.put("local_spike_counter", sim.localSpikeCounter());
        d.put("max_buffer_size_target_data", 16777216L);
        d.put("max_delay", time.stepsToMs(connections.maxDelay()));
        d.put("max_num_syn_models", 512L);
        d.put("max_update_time", Double.NEGATIVE_INFINITY);
        d.put("min_delay", time.stepsToMs(connections.minDelay()));
        d.put("min_update_time", Double.POSITIVE_INFINITY);
        d.put("modules", new String[0]);
        d.put("ms_per_tic", Time.MS_PER_TIC);
        d.put("network_size", nodes.size());
        d.put("node_models", models.nodeModelNames().toArray(new String[0]));
        d.put("num_connections", connections.numConnections() + connections.threadCopies(-1));
        d.put("num_processes", 1L);
        d.put("off_grid_spiking", false);
        d.put("overwrite_files", overwriteFiles);
        d.put("prepared", sim.isPrepared());
        d.put("print_time", sim.printTime);
        d.put("recording_backends", RECORDING_BACKENDS.clone());
        d.put("recv_buffer_size_secondary_events", 0L);
        d.put("resolution", time.resolution());
        d.put("rng_seed", rngSeed);
        d.put("rng_type", "mt19937_64");
        d.put("rng_types", RNG_TYPES.clone());
        d.put("send_buffer_size_secondary_events", 0L);
        d.put("spike_buffer_grow_extra", 0.5);
        d.put("spike_buffer_shrink_limit", 0.2);
        d.put("spike_buffer_shrink_spare", 0.1);
        d.put("stimulation_backends", new String[0]);
        sp.getStatus(d);
        d.put("synapse_models", models.synapseModelNames().toArray(new String[0]));
        d.put("tics_per_ms", Time.TICS_PER_MS);
        d.put("tics_per_step", time.ticsPerStep());
        d.put("time_simulate", sim.timeSimulate);
        d.put("to_do", sim.toDo);
        d.put("total_num_virtual_procs", (long) parallel.threads());
        d.put("update_time_limit", Double.POSITIVE_INFINITY);
        d.put("use_compressed_spikes", true);
        d.put("use_wfr", useWfr);
        d.put("wfr_comm_interval", wfrCommInterval);
        d.put("wfr_interpolation_order", wfrInterpolationOrder);
        d.put("wfr_max_iterations", wfrMaxIterations);
        d.put("wfr_tol", wfrTol);
        Map<String, Object> resize = new LinkedHashMap<>();
        resize.put("global_max_spikes_sent", new long[0]);
        resize.put("new_buffer_size", new long[0]);
        resize.put("times", new double[0]);
        d.put("spike_buffer_resize_log", resize);
        d.put("time_communicate_prepare", new double[] {0.0});
        d.put("time_communicate_prepare_cpu", new double[] {0.0});
        d.put("time_construction_connect", 0.0);
        d.put("time_construction_connect_cpu", 0.0);
        d.put("time_construction_create", 0.0);
        d.put("time_construction_create_cpu", 0.0);
        d.put("time_simulate_cpu", sim.timeSimulate);
        d.putAll(passiveSettings);
        return d;
    }

    private static final List<String> PASSIVE = Arrays.asList("adaptive_target_buffers", "buffer_size_spike_data",
            "buffer_size_target_data", "growth_factor_buffer_spike_data", "growth_factor_buffer_target_data",
            "keep_source_table", "max_buffer_size_target_data", "spike_buffer_grow_extra", "spike_buffer_shrink_limit",
            "spike_buffer_shrink_spare", "use_compressed_spikes", "update_time_limit", "sort_connections_by_source",
            "rng_type", "off_grid_spiking");

    /** Kernel attributes handled by setKernelStatus itself (besides the passive ones). */
    private static final List<String> SETTABLE = Arrays.asList("resolution", "rng_seed", "local_num_threads",
            "total_num_virtual_procs", "print_time", "data_path", "data_prefix", "overwrite_files", "dict_miss_is_error",
            "tics_per_ms", "min_delay", "max_delay", "biological_time", "use_wfr", "wfr_comm_interval", "wfr_tol", "wfr_max_iterations",
            "wfr_interpolation_order", "structural_plasticity_synapses", "structural_plasticity_update_interval",
            "eprop_update_interval", "eprop_learning_window", "eprop_reset_neurons_on_update");

    /**
     * NEST's SimulationManager::set_status for the e-prop keys, in its order: the update interval
     * (> 0), the learning window (> 0 and at most the update interval, the new one if both are given),
     * the reset flag; NEST logs the reason and throws a plain KernelException.
     */
    private void setEprop(Status s) {
        if (s.has("eprop_update_interval")) {
            double v = s.d("eprop_update_interval", epropUpdateInterval);
            if (v <= 0) throw setStatusError("eprop_update_interval > 0 required.");
            epropUpdateInterval = v;
        }
        if (s.has("eprop_learning_window")) {
            double v = s.d("eprop_learning_window", epropLearningWindow);
            if (v <= 0) throw setStatusError("eprop_learning_window > 0 required.");
            if (v > epropUpdateInterval) throw setStatusError("eprop_learning_window <= eprop_update_interval required.");
            epropLearningWindow = v;
        }
        epropResetNeuronsOnUpdate = s.b("eprop_reset_neurons_on_update", epropResetNeuronsOnUpdate);
    }

    /**
     * NEST's SimulationManager::set_status for the waveform-relaxation keys, in NEST's order and with
     * its errors (each logged before it is raised, as NEST does).
     */
    private void setWfr(Status s) {
        if (s.has("use_wfr")) {
            boolean w = s.b("use_wfr", useWfr);
            if (nodes.size() > 0) {
                throw setStatusError("Cannot enable/disable usage of waveform relaxation after nodes have been created. "
                        + "Please call ResetKernel first.");
            }
            useWfr = w;
            if (!useWfr) wfrCommInterval = time.resolution();
        }
        if (s.has("wfr_comm_interval")) {
            double v = s.d("wfr_comm_interval", wfrCommInterval);
            if (!useWfr) {
                throw setStatusError("Cannot set waveform communication interval when usage of waveform relaxation "
                        + "is disabled. Set use_wfr to true first.");
            } else if (connections.numConnections() != 0) {
                throw setStatusError("Cannot change waveform communication interval after connections have been "
                        + "created. Please call ResetKernel first.");
            } else if (v < time.resolution()) {
                throw setStatusError("Communication interval of the waveform relaxation must be greater or equal to "
                        + "the resolution of the simulation.");
            }
            org.nestj.engine.Log.info("SimulationManager::set_status", "Waveform communication interval changed successfully. ");
            wfrCommInterval = v;
        }
        if (s.has("wfr_tol")) {
            double v = s.d("wfr_tol", wfrTol);
            if (v < 0.0) throw setStatusError("Tolerance must be zero or positive");
            wfrTol = v;
        }
        if (s.has("wfr_max_iterations")) {
            long v = s.l("wfr_max_iterations", wfrMaxIterations);
            if (v <= 0) {
                throw setStatusError("Maximal number of iterations  for the waveform relaxation must be positive. "
                        + "To disable waveform relaxation set use_wfr instead.");
            }
            wfrMaxIterations = v;
        }
        if (s.has("wfr_interpolation_order")) {
            long v = s.l("wfr_interpolation_order", wfrInterpolationOrder);
            if (v < 0 || v == 2 || v > 3) throw setStatusError("Interpolation order must be 0, 1, or 3.");
            wfrInterpolationOrder = v;
        }
    }

    /** A KernelException of SimulationManager::set_status, whose text NEST logs as an error first. */
    private static NestException setStatusError(String msg) {
        org.nestj.engine.Log.error("SimulationManager::set_status", msg);
        return NestException.kernel(msg);
    }

    /** RandomManager's rng_types of NEST 3.9 (built with Random123). */
    private static final String[] RNG_TYPES = {"Philox_32", "Philox_64", "Threefry_32", "Threefry_64", "mt19937", "mt19937_64"};

    public void setKernelStatus(Map<String, Object> params) {
        Status s = new Status(params, "kernel");
        if (sim.isPrepared()) {
            throw NestException.kernel("SetKernelStatus cannot be called between Prepare and Cleanup.");
        }
        // NEST's VPManager::set_status: one MPI process, so total_num_virtual_procs is the thread count
        Long threads = null;
        if (s.has("local_num_threads")) threads = s.l("local_num_threads", 1);
        if (s.has("total_num_virtual_procs")) {
            long v = s.l("total_num_virtual_procs", 1);
            if (threads != null && threads != v) {
                throw NestException.badProperty("Requested total_num_virtual_procs is incompatible with the number of "
                        + "processes and threads.It must be an integer multiple of num_processes and equal to "
                        + "local_num_threads * num_processes. Value unchanged.");
            }
            threads = v;
        }
        if (threads != null && threads != parallel.threads()) {
            if (threads < 1) throw NestException.badProperty("local_num_threads must be positive.");
            List<String> errors = new ArrayList<>();
            if (nodes.size() > 0) errors.add("Nodes exist");
            if (connections.userSetDelayExtrema) errors.add("Delay extrema have been set");
            if (sim.hasBeenSimulated()) errors.add("Network has been simulated");
            if (models.defaultsModified()) errors.add("Model defaults were modified");
            if (!errors.isEmpty()) {
                StringBuilder msg = new StringBuilder("Number of threads unchanged. Error conditions:");
                for (String e : errors) msg.append(' ').append(e).append('.');
                throw NestException.kernel(msg.toString());
            }
            final int omp = ompNumThreads();
            if (omp > 0 && omp != threads) org.nestj.engine.Log.warning("VPManager::set_status()", OMP_IGNORED);
            parallel.shutdown();
            parallel = new ParallelRunner(threads.intValue());
            connections.reset(threads.intValue());
            sim.reset(threads.intValue());
        }
        // NEST's SimulationManager::set_status: the time representation (tics_per_ms, resolution)
        // may be given only before nodes, simulation and model defaults exist, even unchanged
        final boolean ticsUpd = s.has("tics_per_ms"), resUpd = s.has("resolution");
        if (ticsUpd || resUpd) {
            final double tpms = ticsUpd ? s.d("tics_per_ms", 0) : 0, resd = resUpd ? s.d("resolution", 0) : 0;
            List<String> errors = new ArrayList<>();
            if (nodes.size() > 0) errors.add("Nodes have already been created");
            if (sim.hasBeenSimulated()) errors.add("Network has been simulated");
            if (models.defaultsModified()) errors.add("Model defaults were modified");
            if (errors.size() == 1) throw NestException.kernel(errors.get(0) + ": time representation cannot be changed.");
            if (errors.size() > 1) {
                StringBuilder msg = new StringBuilder("Time representation unchanged. Error conditions:");
                for (String e : errors) msg.append(' ').append(e).append('.');
                throw NestException.kernel(msg.toString());
            }
            if (!resUpd) throw NestException.kernel("Change of tics_per_ms requires simultaneous specification of resolution.");
            final double newTpms = ticsUpd ? tpms : Time.TICS_PER_MS;
            if (ticsUpd ? resd < 1.0 / tpms : resd < Time.MS_PER_TIC) {
                throw NestException.kernel("Resolution must be greater than or equal to one tic. Value unchanged.");
            }
            if (!isInteger(ticsUpd ? resd * tpms : resd / Time.MS_PER_TIC)) {
                throw NestException.kernel("Resolution must be a multiple of the tic length. Value unchanged.");
            }
            final double oldTicsPerStep = time.ticsPerStep(), oldTicsPerMs = Time.TICS_PER_MS, oldRes = time.resolution();
            // delay extrema the user set follow the new resolution (DelayChecker::calibrate)
            final boolean userDelays = connections.userSetDelayExtrema;
            final double userMin = time.stepsToMs(connections.minDelay()), userMax = time.stepsToMs(connections.maxDelay());
            time.setResolution(newTpms, resd);
            // ModelManager::calibrate: the default connections' delays follow the new resolution
            for (SynapseModel sm : connections.synModels) sm.calibrate(time, oldTicsPerStep, oldTicsPerMs);
            models.calibrateTime(oldTicsPerMs);
            connections.reset(parallel.threads());
            if (userDelays) connections.setMinMaxDelay(userMin, userMax);
            // wfr_comm_interval stays >= the resolution; without waveform relaxation it is the resolution
            if (wfrCommInterval < time.resolution() || !useWfr) wfrCommInterval = time.resolution();
            org.nestj.engine.Log.info("SimulationManager::set_status", ticsUpd
                    ? "Tics per ms and resolution changed from " + (long) oldTicsPerMs + " tics and " + NestException.ostream(oldRes)
                            + " ms to " + NestException.ostream(tpms) + " tics and " + NestException.ostream(resd) + " ms."
                    : "Temporal resolution changed from " + NestException.ostream(oldRes) + " to " + NestException.ostream(resd) + " ms.");
        }
        setWfr(s);
        setEprop(s);
        if (s.has("rng_seed")) {
            long seed = s.l("rng_seed", rngSeed);
            if (seed < 1 || seed > 4294967295L) {
                throw NestException.badProperty("RNG seed must be in (0, 2^32-1).");
            }
            rngSeed = seed;
            for (NodeBlock b : nodes.blocks) b.resetRng();
        }
        if (s.has("rng_type")) {
            // RandomManager::set_status: only the names of rng_types
            String rt = s.s("rng_type", "");
            if (!Arrays.asList(RNG_TYPES).contains(rt)) {
                throw NestException.badProperty("'" + rt + "' is not a known RNG type. See /rng_types for available types");
            }
        }
        if (s.has("min_delay") || s.has("max_delay")) {
            Double mn = s.has("min_delay") ? s.d("min_delay", 0) : null;
            Double mx = s.has("max_delay") ? s.d("max_delay", 0) : null;
            connections.setDelayExtrema(mn, mx);
        }
        sim.printTime = s.b("print_time", sim.printTime);
        if (s.has("data_path")) {
            // IOManager::set_data_path_prefix_: only an existing directory is taken; otherwise NEST logs an error
            String dp = s.s("data_path", dataPath);
            java.io.File f = new java.io.File(dp);
            if (!dp.isEmpty() && f.isDirectory()) {
                dataPath = dp;
            } else {
                String msg = !dp.isEmpty() && f.exists() ? "'" + dp + "' is not a directory."
                        : "Directory '" + dp + "' does not exist.";
                org.nestj.engine.Log.error("SetStatus", "Variable data_path not set: " + msg);
            }
        }
        if (s.has("data_prefix")) {
            // IOManager::set_data_path_prefix_: a prefix with a path element is not taken; NEST logs an error
            String dp = s.s("data_prefix", dataPrefix);
            if (dp.indexOf('/') < 0) {
                dataPrefix = dp;
            } else {
                org.nestj.engine.Log.error("SetStatus", "Data prefix must not contain path elements.");
            }
        }
        overwriteFiles = s.b("overwrite_files", overwriteFiles);
        dictMissIsError = s.b("dict_miss_is_error", dictMissIsError);
        if (s.has("biological_time")) {
            double t = s.d("biological_time", 0);
            if (t != 0.0) throw NestException.badProperty("The simulation time can only be set to 0.0.");
            if (sim.clock > 0) {   // NEST: only once a slice has passed
                org.nestj.engine.Log.warning("SimulationManager::set_status", "Simulation time reset to t=0.0. Resetting "
                        + "the simulation time is not fully supported in NEST at present. Some spikes may be lost, and "
                        + "stimulation devices may behave unexpectedly. PLEASE REVIEW YOUR SIMULATION OUTPUT CAREFULLY!");
            }
            sim.clock = 0;
            sim.fromStep = 0;
            sim.slice = 0;
            sim.nPending = 0;
            sim.pDevUpTo = 0;
        }
        sp.setStatus(s);
        // settings nestj keeps but does not use: read with the type NEST's managers read them with
        // (that of their value in the kernel status), so a wrong type is SLI's TypeMismatch
        // (the passive settings are not among the read-only attributes checked below, so one status serves both)
        final Map<String, Object> current = getKernelStatus();
        for (String p : PASSIVE) {
            if (!s.has(p)) continue;
            Object cur = current.get(p);
            Object v = cur instanceof Boolean ? (Object) s.b(p, (Boolean) cur)
                    : cur instanceof Long ? (Object) s.l(p, (Long) cur)
                    : cur instanceof Double ? (Object) s.d(p, (Double) cur)
                    : cur instanceof String ? (Object) s.s(p, (String) cur) : s.raw(p);
            passiveSettings.put(p, v);
        }
        // any other kernel attribute is read-only: accepted only with its current value
        for (String key : params.keySet()) {
            if (!current.containsKey(key) || PASSIVE.contains(key) || SETTABLE.contains(key)) continue;
            s.markAccessed(key);
            Object cur = current.get(key);
            if (cur == null || !cur.equals(params.get(key))) {
                throw NestException.badProperty("Kernel attribute '" + key + "' is read-only.");
            }
        }
        if (dictMissIsError) s.checkAllAccessed();
    }
}
