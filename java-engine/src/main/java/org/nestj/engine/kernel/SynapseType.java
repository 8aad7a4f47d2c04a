package org.nestj.engine.kernel;

import java.util.Map;

import org.nestj.engine.NestException;

/**
 * The rule of a synapse model whose connections carry state or parameters beyond weight and delay
 * (NEST's Connection subclasses: stdp_synapse, tsodyks_synapse, ...). Each connection holds one
 * double per entry of {@link #connKeys} in columns of its connection store ({@link ConnStore#ext});
 * the first {@link #nVisible} are its status entries after weight (NEST's get_status order), the
 * rest internal state. Common properties (the *_hom models) live in the {@link SynapseModel}.
 * {@link #send} runs when a spike passes a connection (NEST's send()), updates the connection and
 * sets the weight to transmit in {@link Ctx#weight}.
 */
public abstract class SynapseType {
    public final String name;
    public final String[] connKeys;
    public final double[] connDefaults;
    public final int nVisible;
    public final String[] commonKeys;
    public final double[] commonDefaults;
    /** NEST's sizeof (64-bit build) of a connection, and of its _lbl variant */
    public final long sizeof;
    /** true if the weight is a common property (hom_w-like) */
    public final boolean homWeight;
    /**
     * false if NEST's get_status of the connection has no sizeof entry (stdp_triplet_synapse,
     * stdp_dopamine_synapse, ...); their _lbl variants show it (ConnectionLabel adds it).
     */
    protected boolean sizeofShown = true;
    /** the weight of the model's default connection (NEST's constructor value) */
    public double defaultWeight = 1.0;
    /** integer-vector common properties (e.g. stdp_facetshw_synapse_hom's look-up tables) and their defaults */
    public String[] commonArrayKeys = new String[0];
    public long[][] commonArrayDefaults = new long[0][];

    protected SynapseType(String name, String[] visible, double[] visibleDefaults, String[] hidden,
            double[] hiddenDefaults, String[] common, double[] commonDefaults, long sizeof, boolean homWeight) {
        this.name = name;
        this.nVisible = visible.length;
        this.connKeys = new String[visible.length + hidden.length];
        this.connDefaults = new double[connKeys.length];
        System.arraycopy(visible, 0, connKeys, 0, visible.length);
        System.arraycopy(hidden, 0, connKeys, visible.length, hidden.length);
        System.arraycopy(visibleDefaults, 0, connDefaults, 0, visible.length);
        System.arraycopy(hiddenDefaults, 0, connDefaults, visible.length, hidden.length);
        this.commonKeys = common;
        this.commonDefaults = commonDefaults;
        this.sizeof = sizeof;
        this.homWeight = homWeight;
    }

    public final boolean sizeofShown() {
        return sizeofShown && !java.util.Arrays.asList(absentStatusKeys()).contains("sizeof");
    }

    /** Type of the status value of connection key j: 'd' double, 'l' integer, 'b' boolean, 'n' node (collection of one, or empty). */
    public char connKind(int j) {
        return 'd';
    }

    /**
     * NEST's connection set_status reads integer entries (updateValue&lt;long&gt;) as integers: a value
     * with a fractional part (from syn_spec or SynapseCollection.set) is a TypeMismatch, as it is
     * for SetDefaults.
     */
    public final void checkIntegers(double[] v) {
        for (int j = 0; j < nVisible; j++) {
            if (connKind(j) == 'l' && v[j] != Math.rint(v[j])) {
                throw Status.typeMismatch(Status.INTEGER, v[j]);
            }
        }
    }

    /** Type of the status value of common key j, as {@link #connKind}. */
    public char commonKind(int j) {
        return 'd';
    }

    /** A status value of the given kind as NEST shows it (Double, Long or Boolean). */
    public static Object boxed(char kind, double v) {
        if (kind == 'l') return (long) v;
        if (kind == 'n') return v > 0 ? new long[] {(long) v} : new long[0];
        if (kind == 'b') return v != 0.0;
        return v;
    }

    /** Reads a status value of the given kind from s (cur if absent), stored as a double. */
    public static double read(Status s, String key, char kind, double cur) {
        if (kind == 'l') return s.l(key, (long) cur);
        if (kind == 'b') return s.b(key, cur != 0.0) ? 1.0 : 0.0;
        return s.d(key, cur);
    }

    /**
     * The common properties' set_status: reads the common keys (and integer-vector keys) of s into
     * c and a (copies of the model's values). Models whose keys depend on each other override it.
     */
    public void setCommon(Status s, double[] c, long[][] a, Kernel k) {
        for (int j = 0; j < commonKeys.length; j++) c[j] = read(s, commonKeys[j], commonKind(j), c[j]);
        for (int j = 0; j < commonArrayKeys.length; j++) a[j] = s.la(commonArrayKeys[j], a[j]);
    }

    /** Index of a connection key, -1 if none. */
    public final int connIndex(String key) {
        for (int j = 0; j < connKeys.length; j++) {
            if (connKeys[j].equals(key)) return j;
        }
        return -1;
    }

    /** Index of a visible (settable) connection key, -1 if none. */
    public final int visibleIndex(String key) {
        for (int j = 0; j < nVisible; j++) {
            if (connKeys[j].equals(key)) return j;
        }
        return -1;
    }

    /** {@link #settableIndex}: a key the connection's set_status reads and ignores. */
    public static final int IGNORED = -2;

    /**
     * The column a connection's SetStatus writes for key (flattened nested keys such as "optimizer.m"
     * included), -1 if the key is unknown, {@link #IGNORED} if it is read and ignored; by default the
     * visible keys.
     */
    public int settableIndex(String key, SynapseModel m) {
        return visibleIndex(key);
    }

    /** Status keys of a connection whose values are dictionaries (see {@link #objectStatus}); none by default. */
    public String[] objectStatusKeys() {
        return NO_KEYS;
    }

    /** The value of a dictionary-valued status key of connection k of store c (model m). */
    public Object objectStatus(String key, ConnStore c, int k, SynapseModel m) {
        return null;
    }

    public final int commonIndex(String key) {
        for (int j = 0; j < commonKeys.length; j++) {
            if (commonKeys[j].equals(key)) return j;
        }
        return -1;
    }

    /**
     * The checks of the connection's set_status after its values were updated (v: connection
     * values, c: common properties); throws BadProperty with NEST's message. It may also set hidden
     * values that NEST's set_status derives (e.g. urbanczik_synapse's init_weight).
     */
    public void validate(double weight, double[] v, double[] c) {
    }

    /**
     * As {@link #validate(double, double[], double[])}, for models with a {@link SynapseModel#typeState}
     * (st: the model's state, or the new one during SetDefaults).
     */
    public void validate(double weight, double[] v, double[] c, Object st) {
        validate(weight, v, c);
    }

    /** A new model state (SynapseModel#typeState) for a model of this type; null: none. */
    public Object newModelState() {
        return null;
    }

    /** The model state of a copy of a model (CopyModel); st itself if it cannot change. */
    public Object copyModelState(Object st) {
        return st;
    }

    /**
     * The model state after the common properties' set_status with s (SetDefaults, CopyModel); must not
     * change st, but return a changed copy (the caller commits it when all checks passed).
     */
    public Object setModelState(Status s, Object st, SynapseModel m, Kernel k) {
        return st;
    }

    /** The checks of the common properties' set_status. */
    public void validateCommon(double[] c) {
    }

    /**
     * Keys a connection's set_status refuses with an error of its own (e.g. common properties set
     * through a connection); null if the key is not special.
     */
    public NestException refuse(String key) {
        if (commonIndex(key) >= 0) {
            return NestException.badProperty("'" + key + "' is a common property of " + name
                    + " and cannot be set for individual connections; use SetDefaults or CopyModel.");
        }
        return null;
    }

    /**
     * The first checks of NEST's check_connection, before the source's test events (e.g.
     * stdp_dopamine_synapse's volume transmitter); nothing by default.
     */
    public void checkModel(SynapseModel m) {
    }

    /**
     * NEST's check_connection on top of the receptor check: e.g. STDP connections register with the
     * target's spike archive. v holds the new connection's values.
     */
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
    }

    private static final String[] NO_KEYS = new String[0];

    /**
     * Keys of the generic status that this model's NEST status lacks: "sizeof" (models whose get_status
     * does not define size_of; also left out of GetDefaults; the _lbl variants report it all the same, as
     * NEST's ConnectionLabel does, with {@link #sizeof} + 8), "delay" and "receptor" (models whose
     * get_status does not call Connection::get_status; left out of a connection's status only).
     */
    public String[] absentStatusKeys() {
        return NO_KEYS;
    }

    /**
     * true if {@link #connected} writes per-connection state into the values it is given (the connection
     * manager then hands it a copy, never the model's defaults).
     */
    public boolean initialisesConnections() {
        return false;
    }

    /** NEST's check_synapse_params: checks of a Connect call's syn_spec (before any connection is made). */
    public void checkSynapseParams(Status synSpec, Kernel k) {
    }

    /** Status entries of the model beyond the per-connection ones (e.g. derived values); default none. */
    public void extraDefaults(Map<String, Object> d, SynapseModel m) {
    }

    /**
     * Models driven by a volume_transmitter (stdp_dopamine_synapse): the node id of the one model m
     * names, 0 if none (and for all other models).
     */
    public long volumeTransmitter(SynapseModel m) {
        return 0;
    }

    /**
     * NEST's trigger_update_weight: the volume transmitter of the connection's model updates
     * connection k at t_trig (ms); x.target, x.ti, x.delay, x.model are set.
     */
    public void triggerUpdateWeight(Ctx x, ConnStore c, int k, double tTrig) {
    }

    /** Per-thread scratch of a send: inputs and the weight to transmit. */
    public static final class Ctx {
        /** spike stamp (ms), precise offset (ms), multiplicity */
        public double tSpike, offset;
        public int mult;
        public long stampSteps;
        public NodeBlock target;
        public int ti;
        public SynapseModel model;
        public Kernel kernel;
        /** delay of the connection in ms */
        public double delay;
        /** the weight to transmit (NEST's e.set_weight); stochastic synapses draw from target.nodeRng(ti) */
        public double weight;
        /** shared mode: the source's column values (see {@link #sharedSpike}) */
        public final double[] shared = new double[16];
        /** a type's scratch values within one send, or kept from {@link #sharedSpike} for the sends */
        public final double[] scratch = new double[16];
        /** shared mode: a type's factor of the weight for every connection of the source (see {@link #sharedSpike}) */
        public double sharedFactor;
    }

    /**
     * NEST's send(): updates connection k of store c (its weight c.w[k] and its columns c.ext[*][k])
     * for a spike with stamp x.tSpike and sets x.weight; false if no event is transmitted.
     */
    public abstract boolean send(Ctx x, ConnStore c, int k);

    /**
     * true if the columns of all connections of one source evolve alike: they change only at the
     * source's spikes, from their own values (presynaptic traces, short-term state, parameters that
     * only SetStatus changes), so a connection table may hold them once per source
     * ({@link ConnStore#sext}) while they are equal. Such types implement {@link #sharedSpike} and
     * {@link #sendShared}; together they do what {@link #send} does.
     */
    public final boolean sharesPerSource() {
        return perSourceColumns;
    }

    /** Set by the types whose columns may be held once per source (see {@link #sharesPerSource}). */
    protected boolean perSourceColumns;

    /**
     * Shared mode, once per single spike x.tSpike of a source before its connections see it: steps
     * the source's columns v; what the connections' sends need of the values before the step (or of
     * the step itself) the type keeps in x.
     */
    public void sharedSpike(Ctx x, double[] v) {
        throw new UnsupportedOperationException(name + " keeps its columns per connection");
    }

    /** Shared mode: send() of connection k for the spike {@link #sharedSpike} stepped; only the weight changes here. */
    public boolean sendShared(Ctx x, ConnStore c, int k) {
        throw new UnsupportedOperationException(name + " keeps its columns per connection");
    }

    protected static NestException bad(String msg) {
        return NestException.badProperty(msg);
    }
}
