package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.nestj.engine.NestException;

/**
 * NEST's ModelManager: the registry of node models (with their prototypes) and synapse models,
 * CopyModel, SetDefaults and GetDefaults.
 */
public final class ModelManager {
    private final Kernel k;
    private final Map<String, Model> nodeModels = new LinkedHashMap<>();
    private final List<Model> byId = new ArrayList<>();

    /** NEST 3.9's model_id of each of its node models (resource nest_model_ids.properties). */
    private static final java.util.Properties NEST_IDS = new java.util.Properties();

    static {
        try (java.io.InputStream in = ModelManager.class.getResourceAsStream("/org/nestj/engine/nest_model_ids.properties")) {
            if (in != null) NEST_IDS.load(in);
        } catch (java.io.IOException e) {
            // ids fall back to registration order
        }
    }

    /** NEST 3.9's synapse_modelid of each of its synapse models (resource nest_synapse_ids.properties). */
    private static final java.util.Properties NEST_SYN_IDS = new java.util.Properties();

    static {
        try (java.io.InputStream in = ModelManager.class.getResourceAsStream("/org/nestj/engine/nest_synapse_ids.properties")) {
            if (in != null) NEST_SYN_IDS.load(in);
        } catch (java.io.IOException e) {
            // ids stay in registration order
        }
    }

    /**
     * Numbers the synapse models as NEST 3.9 does (its registration order: synapse_modelid, the
     * synapse_id of connections, the order of synapse_models and of GetConnections across models);
     * models NEST lacks would follow in nestj's registration order.
     */
    void numberSynapsesAsNest() {
        final int n = NEST_SYN_IDS.size();
        java.util.Map<SynapseModel, Integer> reg = new java.util.HashMap<>();
        for (SynapseModel m : k.connections.synModels) reg.put(m, reg.size());
        k.connections.renumberSynapses(java.util.Comparator.comparingInt(m -> {
            String v = NEST_SYN_IDS.getProperty(m.name);
            return v != null ? Integer.parseInt(v) : n + reg.get(m);
        }));
    }

    /** next model_id for models NEST does not have (copies get ids after NEST's own, as in NEST) */
    private int nextExtraId;

    ModelManager(Kernel k) {
        this.k = k;
        nextExtraId = NEST_IDS.size();
    }

    /**
     * NEST's model_defaults_modified_: set by every SetDefaults and CopyModel that succeeds (the
     * time representation cannot change afterwards), cleared by ResetKernel.
     */
    private boolean defaultsModified;

    public boolean defaultsModified() {
        return defaultsModified;
    }

    /** ModelManager::calibrate for the node models: see {@link NodeBlock#calibrateTime}. */
    void calibrateTime(double oldTicsPerMs) {
        // in NEST's order of the models (their messages come in that order)
        java.util.List<Model> ms = new java.util.ArrayList<>(nodeModels.values());
        ms.sort(java.util.Comparator.comparingInt(m -> m.id));
        for (Model m : ms) m.prototype.calibrateTime(oldTicsPerMs);
    }

    void reset() {
        defaultsModified = false;
        nodeModels.clear();
        byId.clear();
        nextExtraId = NEST_IDS.size();
    }

    private int modelId(String name) {
        String v = NEST_IDS.getProperty(name);
        return v != null ? Integer.parseInt(v) : nextExtraId++;
    }

    public void registerNode(String name, Supplier<NodeBlock> prototype) {
        NodeBlock p = prototype.get();
        p.kernel = k;
        p.firstGid = 0;
        p.threadStart = new int[] {0, 1};
        Model m = new Model(name, modelId(name), p, name);
        nodeModels.put(name, m);
        byId.add(m);
    }

    public void registerSynapse(String name, boolean homW, boolean labelled) {
        k.connections.registerSynapse(new SynapseModel(name, k.connections.synModels.size(), name, homW, labelled));
    }

    /**
     * Registers a synapse model with per-connection state under its NEST name and its _hpc and _lbl
     * variants (same rule; hpc: smaller target identifier, lbl: with synapse_label).
     */
    public void registerSynapse(SynapseType type, boolean homW) {
        String[] names = {type.name, type.name + "_hpc", type.name + "_lbl"};
        for (int v = 0; v < 3; v++) {
            SynapseModel m = new SynapseModel(names[v], k.connections.synModels.size(), names[v], homW, v == 2, type);
            m.hpc = v == 1;
            k.connections.registerSynapse(m);
        }
    }

    /** Registers a synapse model with per-connection state under its NEST name and its _hpc variant (no _lbl). */
    public void registerSynapseWithHpc(SynapseType type, boolean homW) {
        String[] names = {type.name, type.name + "_hpc"};
        for (int v = 0; v < 2; v++) {
            SynapseModel m = new SynapseModel(names[v], k.connections.synModels.size(), names[v], homW, false, type);
            m.hpc = v == 1;
            k.connections.registerSynapse(m);
        }
    }

    /** Registers a synapse model with per-connection state under its NEST name only (no _hpc/_lbl variants). */
    public SynapseModel registerSynapseOnly(SynapseType type, boolean homW) {
        SynapseModel m = new SynapseModel(type.name, k.connections.synModels.size(), type.name, homW, false, type);
        k.connections.registerSynapse(m);
        return m;
    }

    /** NEST's UnknownModelName (a synapse model's name included, where a node model is asked for). */
    static NestException unknownModel(String name) {
        return new NestException("UnknownModelName", "/" + name + " is not a known model name.");
    }

    public boolean hasNodeModel(String name) {
        return nodeModels.containsKey(name);
    }

    public Model node(String name) {
        Model m = nodeModels.get(name);
        if (m == null) {
            throw unknownModel(name);
        }
        return m;
    }

    /**
     * NEST's node_models: its model dictionary's order, which is that of the names' first use in the
     * kernel: volume_transmitter and weight_recorder (names the kernel uses itself) first, then the
     * models by model_id (copies last, in creation order).
     */
    public List<String> nodeModelNames() {
        List<Model> ms = new ArrayList<>(nodeModels.values());
        ms.sort(java.util.Comparator.comparingInt(m -> m.name.equals("volume_transmitter") ? -2
                : m.name.equals("weight_recorder") ? -1 : m.id));
        List<String> r = new ArrayList<>();
        for (Model m : ms) r.add(m.name);
        return r;
    }

    public List<String> synapseModelNames() {
        List<String> r = new ArrayList<>();
        for (SynapseModel s : k.connections.synModels) r.add(s.name);
        return r;
    }

    public void copyModel(String old, String neu, Map<String, Object> params) {
        if (nodeModels.containsKey(neu) || k.connections.hasSynapse(neu)) {
            throw new NestException("NewModelNameExists", "A model called '" + neu + "' already exists. Please choose a different name.");
        }
        if (nodeModels.containsKey(old)) {
            Model m = nodeModels.get(old);
            NodeBlock p = m.prototype.make(1);
            p.kernel = k;
            p.threadStart = new int[] {0, 1};
            p.copyNode(m.prototype, 0, 0);
            Model c = new Model(neu, nextExtraId++, p, m.typeId);   // with empty memory (GenericModel's copy: Model(newname))
            nodeModels.put(neu, c);
            byId.add(c);
            if (params != null && !params.isEmpty()) setDefaults(neu, params);
            defaultsModified = true;
        } else if (k.connections.hasSynapse(old)) {
            SynapseModel s = k.connections.synapse(old);
            if (k.connections.synModels.size() >= 127) {
                throw NestException.kernel("Too many synapse models: nestj supports at most 127.");
            }
            SynapseModel c = s.copyAs(neu, k.connections.synModels.size());
            k.connections.registerSynapse(c);
            if (params != null && !params.isEmpty()) setDefaults(neu, params);
            defaultsModified = true;
        } else {
            throw unknownModel(old);
        }
    }

    public void setDefaults(String name, Map<String, Object> params) {
        if (nodeModels.containsKey(name)) {
            Model m = nodeModels.get(name);
            Status s = new Status(params, name);
            try {
                m.prototype.setStatus(0, s);
            } catch (NestException e) {
                // Model::set_status names the model
                if (!"BadProperty".equals(e.getErrorName())) throw e;
                throw NestException.badProperty("Setting status of model '" + name + "': " + e.getMessage());
            }
            s.checkAllAccessed();
            defaultsModified = true;
        } else if (k.connections.hasSynapse(name)) {
            SynapseModel sm = k.connections.synapse(name);
            Status s = new Status(params, name);
            sm.setDefaults(s, k);
            s.checkAllAccessed();
            defaultsModified = true;
        } else if (Kernel.isRecordingBackend(name)) {
            // nest::set_model_defaults hands the dictionary to the backend's set_status, which for
            // memory, ascii and screen reads nothing (and nothing checks for unread entries)
        } else {
            throw unknownComponent(name);
        }
    }

    /** NEST's UnknownComponent, thrown by nest::get_model_defaults and nest::set_model_defaults. */
    static NestException unknownComponent(String name) {
        return new NestException("UnknownComponent", "/" + name + " is not a known component.");
    }

    public Map<String, Object> getDefaults(String name) {
        if (nodeModels.containsKey(name)) {
            Model m = nodeModels.get(name);
            Map<String, Object> d = new LinkedHashMap<>();
            k.nodeStatus(m.prototype, 0, d);
            d.put("global_id", 0L);
            d.put("thread", -1L);
            d.put("vp", -1L);
            d.put("thread_local_id", -1L);
            d.put("type_id", m.typeId); // Model::get_status only; node status has no type_id
            m.threads(k.parallel.threads());
            d.put("instantiations", m.instantiations());
            d.put("capacity", m.capacity());
            d.put("available", m.available());
            return d;
        }
        if (k.connections.hasSynapse(name)) {
            SynapseModel sm = k.connections.synapse(name);
            Map<String, Object> d = sm.getDefaults();
            long copies = k.connections.threadCopies(sm.id);
            if (copies > 0) d.put("num_connections", sm.numConnections + copies);
            return d;
        }
        if (Kernel.isRecordingBackend(name)) {
            // IOManager::get_recording_backend_status: the backend's status (empty for memory, ascii
            // and screen) and its element type
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("element_type", "recording_backend");
            return d;
        }
        throw unknownComponent(name);
    }
}
