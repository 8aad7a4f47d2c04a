package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.Status;

/**
 * What NEST's parrot_neuron and parrot_neuron_ps share (models/parrot_neuron{,_ps}.{h,cpp}): no parameters or state
 * besides the archiving node's, no data requests (multimeters), spike receptors 0 (repeated) and 1 (accepted, not
 * repeated). The models differ in how they keep and repeat the spikes (on the grid or with their offsets).
 */
abstract class ParrotNeuronBase extends NeuronBlock {
    ParrotNeuronBase(int n) {
        super(n);
    }

    @Override
    public final void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
    }

    @Override
    public final void setStatus(int i, Status s) {
        setArchiving(i, s);
    }

    @Override
    public final boolean acceptsDataRequest() {
        return false;
    }

    @Override
    public final int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0 && rport != 1) throw unknownReceptor(rport, "SpikeEvent");
        return rport;
    }
}
