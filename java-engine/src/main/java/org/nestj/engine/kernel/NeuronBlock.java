package org.nestj.engine.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of neuron models: NEST's ArchivingNode / StructuralPlasticityNode part of the status
 * (t_spike, tau_minus, tau_minus_triplet, the calcium trace Ca with tau_Ca and beta_Ca), kept per node.
 */
public abstract class NeuronBlock extends NodeBlock {
    @PerNode public double[] tau_minus, tau_minus_triplet, tau_Ca, beta_Ca, Ca, caT, t_spike;

    protected NeuronBlock(int n) {
        super(n);
        tau_minus = fill(n, 20.0);
        tau_minus_triplet = fill(n, 110.0);
        tau_Ca = fill(n, 10000.0);
        beta_Ca = fill(n, 0.001);
        Ca = fill(n, 0.0);
        caT = fill(n, 0.0);
        t_spike = fill(n, -1.0);
    }

    @Override
    public int elementType() {
        return ELEMENT_NEURON;
    }

    /** Archives a spike of node i at stamp (steps): NEST's set_spiketime. */
    protected final void spiked(int i, long stampSteps) {
        double t = kernel.time.stepsToMs(stampSteps);
        Ca[i] = Ca[i] * Math.exp((caT[i] - t) / tau_Ca[i]) + beta_Ca[i];
        caT[i] = t;
        t_spike[i] = t;
    }

    /** Adds the archiving-node entries; subclasses call this from getStatus. */
    protected final void getArchiving(int i, Map<String, Object> d) {
        d.put("archiver_length", 0L);
        d.put("Ca", Ca[i]);
        d.put("beta_Ca", beta_Ca[i]);
        d.put("tau_Ca", tau_Ca[i]);
        d.put("post_trace", 0.0);
        d.put("synaptic_elements", new LinkedHashMap<String, Object>());
        d.put("t_spike", t_spike[i]);
        d.put("tau_minus", tau_minus[i]);
        d.put("tau_minus_triplet", tau_minus_triplet[i]);
    }

    protected final void setArchiving(int i, Status s) {
        double tm = s.d("tau_minus", tau_minus[i]);
        double tmt = s.d("tau_minus_triplet", tau_minus_triplet[i]);
        double tca = s.d("tau_Ca", tau_Ca[i]);
        double bca = s.d("beta_Ca", beta_Ca[i]);
        double ca = s.d("Ca", Ca[i]);
        if (tm <= 0 || tmt <= 0) throw badProperty("All time constants must be strictly positive.");
        if (tca <= 0) throw badProperty("tau_Ca must be greater than zero.");
        if (bca <= 0) throw badProperty("beta_Ca must be greater than zero.");
        if (s.has("synaptic_elements")) {
            Object v = s.raw("synaptic_elements");
            if (!(v instanceof Map) || !((Map<?, ?>) v).isEmpty()) {
                throw badProperty("Structural plasticity (synaptic_elements) is not supported by nestj yet.");
            }
        }
        tau_minus[i] = tm;
        tau_minus_triplet[i] = tmt;
        tau_Ca[i] = tca;
        beta_Ca[i] = bca;
        Ca[i] = ca;
    }
}
