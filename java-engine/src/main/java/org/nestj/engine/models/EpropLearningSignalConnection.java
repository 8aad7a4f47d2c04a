package org.nestj.engine.models;

import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.SynapseModel;

/**
 * eprop_learning_signal_connection and eprop_learning_signal_connection_bsshslm_2020 — the feedback connection
 * of e-prop (NEST 3.9 models/eprop_learning_signal_connection.h and
 * eprop_learning_signal_connection_bsshslm_2020.h, the same class under two names; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/eprop_learning_signal_connection.html).
 *
 * <p>Carries NEST's LearningSignalConnectionEvent from an e-prop readout neuron to a recurrent e-prop neuron:
 * the error signals the readout computed in a slice reach the target at the start of the next slice,
 * stamped with the sending slice's origin + 1, and the target adds weight times each of them to its
 * learning signal history (learning signal L_j = sum_k B_jk err_k). Static: weight (default 1) and delay
 * (it has one, and it enters the delay extrema), no other state. Connections are kept with the static
 * connections (they never carry spikes); {@link org.nestj.engine.kernel.RateEvents} delivers them.
 */
public final class EpropLearningSignalConnection {
    public static final String NAME = "eprop_learning_signal_connection";
    public static final String NAME_BSSHSLM_2020 = "eprop_learning_signal_connection_bsshslm_2020";

    private EpropLearningSignalConnection() {
    }

    /** Registers the model under the given name (no _hpc or _lbl variants, as in NEST). */
    public static SynapseModel register(Kernel k, String name) {
        k.models.registerSynapse(name, false, false);
        SynapseModel m = k.connections.synapse(name);
        m.learningSignal = true;
        return m;
    }
}
