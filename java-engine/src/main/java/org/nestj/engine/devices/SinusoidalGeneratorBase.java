package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * What sinusoidal_poisson_generator and sinusoidal_gamma_generator share: the rate
 * rate + amplitude sin(frequency, phase) in NEST's internal units, its status entries, the rule that
 * individual_spike_trains can only be set on the model, and the recordable rate. Their reading of
 * the parameters (order, checks, arithmetic), propagation and spike drawing are the subclasses'.
 */
public abstract class SinusoidalGeneratorBase extends StimulationDevice {
    /** internal units as NEST: om (rad/ms), phi (rad), rate and amplitude (spikes/ms) */
    @PerNode public double[] om, phi, rate, amplitude, curRate;
    @PerNode public boolean[] individual;

    protected SinusoidalGeneratorBase(int n, boolean currentGeneratorWindow) {
        super(n, currentGeneratorWindow);
        om = fill(n, 0.0);
        phi = fill(n, 0.0);
        rate = fill(n, 0.0);
        amplitude = fill(n, 0.0);
        curRate = fill(n, 0.0);
        individual = fillB(n, true);
    }

    /**
     * NEST's has_proxies of both generators: not individual_spike_trains (the value is the model's,
     * the same for every node of a Create).
     */
    @Override
    public boolean proxiesInNest() {
        return n > 0 && !individual[0];
    }

    /** rate, frequency, phase, amplitude in the units of the status dictionary, in this order. */
    final void putSineParams(int i, Map<String, Object> d) {
        d.put("rate", rate[i] * 1000.0);
        d.put("frequency", om[i] / (2.0 * Math.PI / 1000.0));
        d.put("phase", 180.0 / Math.PI * phi[i]);
        d.put("amplitude", amplitude[i] * 1000.0);
    }

    /** individual_spike_trains of node i after s; only the model's prototype may change it. */
    final boolean readIndividual(int i, Status s) {
        if (this != model.prototype && s.has("individual_spike_trains")) {
            throw badProperty("The individual_spike_trains property can only be set as a model default using "
                    + "SetDefaults or upon CopyModel.");
        }
        return s.b("individual_spike_trains", individual[i]);
    }

    private static final String[] REC = {"rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return 1000.0 * curRate[i];
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }
}
