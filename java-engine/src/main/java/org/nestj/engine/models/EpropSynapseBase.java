package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchivingNode;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;

/**
 * What NEST 3.9's two e-prop synapse models (eprop_synapse, eprop_synapse_bsshslm_2020) do alike with their
 * weight optimizer (NEST's EpropSynapseCommonProperties and EpropSynapseBSSHSLM2020CommonProperties, and the
 * synapses' get_status / set_status, the same code in both): the model's common properties hold the
 * optimizer's common properties, set and read as the dictionary "optimizer" (SetDefaults, CopyModel,
 * GetDefaults); the weight must lie in [Wmin, Wmax]; common properties cannot be given in Connect's syn_spec
 * (NEST's GenericConnectorModel::check_synapse_params); each connection keeps its own optimizer state in the
 * columns from {@link #opt} on, shown as the connection's "optimizer" and settable as "optimizer.key".
 *
 * <p>A model's state object (SynapseModel#typeState) holds the optimizer; {@link #optimizer} and
 * {@link #withOptimizer} reach it.
 */
abstract class EpropSynapseBase extends SynapseType {
    /** the column of the optimizer's first per-connection state value */
    final int opt;

    /**
     * What both e-prop synapses check when a connection is made, and in NEST's order: the target must keep
     * e-prop histories (ConnectionManager::connect_ for REQUIRES_EPROP_ARCHIVING: NotImplemented), then the
     * delay must be one step (the synapses' check_connection: IllegalConnection); the target then registers
     * the connection (register_eprop_connection).
     */
    static EpropArchivingNode registerWithTarget(NodeBlock target, int ti, double delayMs) {
        if (!(target instanceof EpropArchivingNode)) {
            throw new NestException("NotImplemented",
                    "This synapse model is not supported by the neuron model of at least one connection.");
        }
        if (target.kernel.time.delayMsToSteps(delayMs) != 1) {
            throw NestException.cannotConnect("eprop synapses currently require a delay of one simulation step");
        }
        EpropArchivingNode t = (EpropArchivingNode) target;
        t.registerEpropConnection(ti);
        return t;
    }

    /**
     * A model whose per-connection columns are the visible ones, the hidden ones of ownHidden (defaults 0) and
     * the optimizer's state (WeightOptimizer.STATE_KEYS).
     */
    EpropSynapseBase(String name, String[] visible, double[] visibleDefaults, String[] ownHidden, String[] common,
            double[] commonDefaults, long sizeof) {
        super(name, visible, visibleDefaults, hiddenKeys(ownHidden), hiddenDefaults(ownHidden.length), common,
                commonDefaults, sizeof, false);
        opt = visible.length + ownHidden.length;
    }

    private static String[] hiddenKeys(String[] own) {
        String[] h = new String[own.length + WeightOptimizer.N_STATE];
        System.arraycopy(own, 0, h, 0, own.length);
        System.arraycopy(WeightOptimizer.STATE_KEYS, 0, h, own.length, WeightOptimizer.N_STATE);
        return h;
    }

    private static double[] hiddenDefaults(int nOwn) {
        double[] d = new double[nOwn + WeightOptimizer.N_STATE];
        System.arraycopy(WeightOptimizer.STATE_DEFAULTS, 0, d, nOwn, WeightOptimizer.N_STATE);
        return d;
    }

    /** The optimizer (common properties) of a model's state. */
    abstract WeightOptimizer optimizer(Object modelState);

    /** The model state with its optimizer replaced. */
    abstract Object withOptimizer(Object modelState, WeightOptimizer optimizer);

    @SuppressWarnings("unchecked")
    @Override
    public final Object setModelState(Status s, Object st, SynapseModel m, Kernel k) {
        if (!s.has("optimizer")) return st;
        Object d = s.raw("optimizer");
        if (!(d instanceof Map)) {
            throw new NestException("TypeMismatch", "Expected datatype: dictionary for 'optimizer' of " + m.name + ".");
        }
        return withOptimizer(st, optimizer(st).withStatus((Map<String, Object>) d, m.numConnections > 0));
    }

    @Override
    public final void extraDefaults(Map<String, Object> d, SynapseModel m) {
        d.put("optimizer", optimizer(m.typeState).getStatus());
    }

    /** NEST's check_synapse_params: the common properties (and the optimizer) only by SetDefaults or CopyModel. */
    @Override
    public final void checkSynapseParams(Status synSpec, Kernel k) {
        for (String key : commonKeys) notInSynSpec(synSpec, key);
        notInSynSpec(synSpec, "optimizer");
    }

    private static void notInSynSpec(Status synSpec, String key) {
        if (synSpec.has(key)) {
            throw new NestException("NotImplemented", "Synapse parameter \"" + key
                    + "\" can only be set via SetDefaults() or CopyModel().");
        }
    }

    /** The weight check of the synapses' set_status: Wmin <= weight <= Wmax of the model's optimizer. */
    @Override
    public void validate(double weight, double[] v, double[] c, Object st) {
        WeightOptimizer o = optimizer(st);
        if (weight < o.Wmin) throw bad("Minimal weight Wmin ≤ weight required.");
        if (weight > o.Wmax) throw bad("weight ≤ maximal weight Wmax required.");
    }

    @Override
    public final String[] objectStatusKeys() {
        return new String[] {"optimizer"};
    }

    @Override
    public final Object objectStatus(String key, ConnStore c, int k, SynapseModel m) {
        return optimizer(m.typeState).connStatus(c.ext, opt, k);
    }

    @Override
    public final int settableIndex(String key, SynapseModel m) {
        if (key.startsWith("optimizer.")) {
            int j = optimizer(m.typeState).connStateIndex(key.substring("optimizer.".length()));
            return j < 0 ? IGNORED : opt + j;
        }
        return visibleIndex(key);
    }
}
