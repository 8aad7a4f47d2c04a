package org.nestj.engine.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * A synapse model (NEST's ConnectorModel): name, id and the defaults used by Connect when a
 * syn_spec leaves a value out. The static_synapse family keeps only weight, delay and receptor;
 * {@code homWeight} marks static_synapse_hom_w, whose weight lives in the model, not in connections.
 */
public final class SynapseModel {
    public final String name;
    /** NEST's synapse_modelid: NEST 3.9's id for its own models, then copies in creation order */
    public int id;
    public final String typeId;
    public final boolean homWeight;
    public final boolean labelled;
    public double weight = 1.0;
    /** node id of the weight_recorder (0: none) */
    public long weightRecorder;
    public double delay = 1.0;
    /**
     * The default connection's delay in steps (NEST's SynIdDelay: SetDefaults rounds the delay to
     * whole steps, GetDefaults reports steps * resolution); -1 while it is the initial 1 ms at the
     * current resolution.
     */
    long delaySteps = -1;
    public int receptorType = 0;
    /** default synapse_label of the *_lbl models (-1: unlabelled) */
    public long label = -1;
    public long numConnections;
    /** rate_connection_delayed: carries NEST's DelayedRateConnectionEvent (a secondary event) instead of spikes. */
    public boolean delayedRate;
    /** rate_connection_instantaneous: InstantaneousRateConnectionEvent, no delay, solved by waveform relaxation. */
    public boolean instantRate;
    /**
     * gap_junction: carries NEST's GapJunctionEvent (a secondary event: interpolation coefficients of the
     * sender's membrane potential), has no delay, requires symmetric connections, supports waveform relaxation.
     */
    public boolean gap;
    /**
     * diffusion_connection: NEST's DiffusionConnectionEvent (drift_factor and diffusion_factor per
     * connection, no delay, waveform relaxation like instantaneous rates); also has {@link #instantRate}.
     */
    public boolean diffusion;
    /**
     * eprop_learning_signal_connection_bsshslm_2020 (and the newer eprop_learning_signal_connection): carries
     * NEST's LearningSignalConnectionEvent from e-prop readout neurons to recurrent neurons (a secondary
     * event, see {@link RateEvents}).
     */
    public boolean learningSignal;
    /** sic_connection: NEST's SICEvent (astrocyte to neuron), delivered like {@link #delayedRate} events. */
    public boolean sic;
    /** the rule of models with per-connection state (null: static_synapse family) */
    public final SynapseType type;
    /** defaults of the per-connection values of type, and the common properties */
    public final double[] connDefaults, common;
    /** the integer-vector common properties of type (SynapseType#commonArrayKeys) */
    public final long[][] commonArrays;
    /** the *_hpc variant (NEST's TargetIdentifierIndex: 16 bytes less per connection) */
    public boolean hpc;
    /**
     * cont_delay_synapse and its variants (NEST models/cont_delay_synapse.h): a static synapse whose
     * delay is {@link #contSteps} steps minus a delay offset {@link #contOffset} in [0, resolution)
     * (ms); these two are the model's default connection, {@link #delay} is what it reports
     * (Time(Time::step(steps)).get_ms() - offset). Connections keep their offset in ConnStore#doff.
     */
    public boolean contDelay;
    public long contSteps;
    public double contOffset;

    /** NEST's message when a weight is given to diffusion_connection */
    public static final String DIFFUSION_WEIGHT = "Please use the parameters drift_factor and diffusion_factor to specifiy the weights.";

    public SynapseModel(String name, int id, String typeId, boolean homWeight, boolean labelled) {
        this(name, id, typeId, homWeight, labelled, null);
    }

    public SynapseModel(String name, int id, String typeId, boolean homWeight, boolean labelled, SynapseType type) {
        this.name = name;
        this.id = id;
        this.typeId = typeId;
        this.homWeight = homWeight;
        this.labelled = labelled;
        this.type = type;
        this.connDefaults = type == null ? new double[0] : type.connDefaults.clone();
        this.common = type == null ? new double[0] : type.commonDefaults.clone();
        this.commonArrays = type == null ? new long[0][] : deepCopy(type.commonArrayDefaults);
        if (type != null) this.weight = type.defaultWeight;
        this.typeState = type == null ? null : type.newModelState();
    }

    /**
     * What a SynapseType keeps per synapse model beyond its double common properties (e.g. the e-prop
     * synapses' weight optimizer); made by {@link SynapseType#newModelState}, copied by CopyModel.
     */
    public Object typeState;

    private static long[][] deepCopy(long[][] a) {
        long[][] r = new long[a.length][];
        for (int j = 0; j < a.length; j++) r[j] = a[j].clone();
        return r;
    }

    public SynapseModel copyAs(String newName, int newId) {
        SynapseModel m = new SynapseModel(newName, newId, typeId, homWeight, labelled, type);
        System.arraycopy(connDefaults, 0, m.connDefaults, 0, connDefaults.length);
        System.arraycopy(common, 0, m.common, 0, common.length);
        for (int j = 0; j < commonArrays.length; j++) m.commonArrays[j] = commonArrays[j].clone();
        m.hpc = hpc;
        m.contDelay = contDelay;
        m.contSteps = contSteps;
        m.contOffset = contOffset;
        m.weight = weight;
        m.delay = delay;
        m.delaySteps = delaySteps;
        m.receptorType = receptorType;
        m.label = label;
        m.weightRecorder = weightRecorder;
        m.delayedRate = delayedRate;
        m.instantRate = instantRate;
        m.gap = gap;
        m.diffusion = diffusion;
        m.sic = sic;
        m.learningSignal = learningSignal;
        if (type != null) m.typeState = type.copyModelState(typeState);
        return m;
    }

    public Map<String, Object> getDefaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("delay", delay);
        d.put("element_type", "synapse");
        d.put("has_delay", hasDelay());
        d.put("num_connections", numConnections);
        d.put("receptor_type", (long) receptorType);
        d.put("requires_symmetric", gap);
        if (showsSizeof()) d.put("sizeof", sizeof());
        if (labelled) d.put("synapse_label", label);
        d.put("synapse_model", name);
        d.put("synapse_modelid", (long) id);
        d.put("weight", weight);
        d.put("weight_recorder", weightRecorder > 0 ? new long[] {weightRecorder} : new long[0]);
        if (type != null) {
            for (int j = 0; j < type.nVisible; j++) d.put(type.connKeys[j], SynapseType.boxed(type.connKind(j), connDefaults[j]));
            for (int j = 0; j < type.commonKeys.length; j++) {
                d.put(type.commonKeys[j], SynapseType.boxed(type.commonKind(j), common[j]));
            }
            for (int j = 0; j < commonArrays.length; j++) d.put(type.commonArrayKeys[j], commonArrays[j].clone());
            type.extraDefaults(d, this);
        }
        return d;
    }

    /** false for models whose connections' get_status has no sizeof (see SynapseType#sizeofShown) */
    public boolean showsSizeof() {
        return type == null || type.sizeofShown() || labelled;
    }

    /** NEST's HAS_DELAY property. */
    public boolean hasDelay() {
        return !instantRate && !gap;
    }

    /** NEST's error for a delay given to a connection without delay (the connection's set_delay / set_status). */
    public NestException noDelay() {
        return NestException.badProperty(gap ? "gap_junction connection has no delay"
                : "rate_connection_instantaneous has no delay. Please use rate_connection_delayed.");
    }

    /** NEST's sizeof of one connection of this model (64-bit build, as in GetDefaults). */
    public long sizeof() {
        long hpcLess = hpc ? 16 : 0;
        if (type != null) return type.sizeof + (labelled ? 8 : 0) - hpcLess;
        // cont_delay_synapse: 8 bytes more for its delay offset
        return -hpcLess + (homWeight ? (labelled ? 32L : 24L) : (labelled ? 40L : 32L)) + (contDelay ? 8 : 0);
    }

    /** Makes this the cont_delay_synapse model (or a variant) with NEST's default delay of 1 ms. */
    public void makeContDelay(Time time) {
        contDelay = true;
        setContDelay(time, time.delayMsToSteps(1.0), 0.0);
    }

    private void setContDelay(Time time, long steps, double offset) {
        contSteps = steps;
        contOffset = offset;
        delay = time.stepsToMs(steps) - offset;
    }

    /**
     * NEST's Connection::calibrate of the default connection after a change of the resolution: the
     * whole steps are converted through their time in ms (TimeConverter::from_old_steps, at least
     * one step); cont_delay_synapse keeps its offset in ms.
     */
    public void calibrate(Time time, double oldTicsPerStep, double oldTicsPerMs) {
        if (contDelay) {
            long steps = time.msToSteps(contSteps * oldTicsPerStep / oldTicsPerMs);
            setContDelay(time, Math.max(1, steps), contOffset);
            return;
        }
        if (!hasDelay()) return;
        // Connection::calibrate: the old steps through their time in ms, at least one step
        long old = delaySteps >= 0 ? delaySteps : (long) Math.floor(delay * (oldTicsPerMs / oldTicsPerStep) + 0.5);
        delaySteps = Math.max(1, time.msToSteps(old * oldTicsPerStep / oldTicsPerMs));
        delay = time.delayStepsToMs(delaySteps);
    }

    public void setDefaults(Status s, Kernel k) {
        if (diffusion) {
            if (s.has("delay")) throw NestException.badProperty("diffusion_connection has no delay.");
            if (s.has("weight")) throw NestException.badProperty(DIFFUSION_WEIGHT);
        }
        if (!hasDelay() && s.has("delay")) throw noDelay();
        double w = s.d("weight", weight);
        long lb = labelled ? s.l("synapse_label", label) : label;
        double dl = s.d("delay", delay);
        int rt = s.i("receptor_type", receptorType);
        long wr = weightRecorder;
        if (s.has("weight_recorder")) {
            long[] v = s.la("weight_recorder", new long[0]);
            if (v.length == 0) {
                wr = 0;
            } else {
                if (v.length != 1) throw NestException.badProperty("weight_recorder must be a single node.");
                NodeBlock b = k.nodes.blockOf(v[0]);
                if (!"weight_recorder".equals(b.model.typeId)) {
                    throw NestException.badProperty("Only weight_recorder nodes can be set as weight_recorder of " + name + ".");
                }
                wr = v[0];
            }
        }
        for (String ro : new String[] {"num_connections", "element_type", "sizeof", "synapse_model", "synapse_modelid",
                "has_delay", "requires_symmetric"}) {
            if (s.has(ro)) {
                throw NestException.badProperty("Parameter '" + ro + "' of " + name + " is read-only.");
            }
        }
        long cSteps = contSteps;
        double cOff = contOffset;
        if (s.has("delay")) {
            k.connections.checkDelay(dl);
            if (contDelay) {
                // NEST freezes the delay extrema during SetDefaults: the checks only
                double[] so = k.connections.contDelaySplit(dl, false);
                cSteps = (long) so[0];
                cOff = so[1];
            }
        }
        double[] cd = connDefaults.clone(), cm = common.clone();
        long[][] ca = deepCopy(commonArrays);
        Object st = typeState;
        if (type != null) {
            for (int j = 0; j < type.nVisible; j++) cd[j] = SynapseType.read(s, type.connKeys[j], type.connKind(j), cd[j]);
            type.setCommon(s, cm, ca, k);
            st = type.setModelState(s, typeState, this, k);
            type.validateCommon(cm);
            type.validate(w, cd, cm, st);
        }
        boolean weightChanged = homWeight && w != weight;
        weight = w;
        if (contDelay) {
            setContDelay(k.time, cSteps, cOff);
        } else if (s.has("delay")) {
            // SynIdDelay::set_delay_ms: whole steps
            delaySteps = k.time.delayMsToSteps(dl);
            delay = k.time.delayStepsToMs(delaySteps);
        }
        receptorType = rt;
        label = lb;
        weightRecorder = wr;
        System.arraycopy(cd, 0, connDefaults, 0, cd.length);
        System.arraycopy(cm, 0, common, 0, cm.length);
        System.arraycopy(ca, 0, commonArrays, 0, ca.length);
        typeState = st;
        if (weightChanged) k.connections.setHomWeight(this, w);
    }
}
