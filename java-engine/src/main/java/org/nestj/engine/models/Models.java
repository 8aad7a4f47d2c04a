package org.nestj.engine.models;

import org.nestj.engine.devices.DcGenerator;
import org.nestj.engine.devices.Multimeter;
import org.nestj.engine.devices.NoiseGenerator;
import org.nestj.engine.devices.PoissonGenerator;
import org.nestj.engine.devices.SpikeGenerator;
import org.nestj.engine.devices.SpikeRecorder;
import org.nestj.engine.kernel.Kernel;

/** Registers every node and synapse model nestj implements, in NEST's order of kinds. */
public final class Models {
    private Models() {
    }

    public static void registerAll(Kernel k) {
        // devices
        k.models.registerNode("dc_generator", () -> new DcGenerator(1));
        k.models.registerNode("noise_generator", () -> new NoiseGenerator(1));
        k.models.registerNode("poisson_generator", () -> new PoissonGenerator(1));
        k.models.registerNode("spike_generator", () -> new SpikeGenerator(1));
        k.models.registerNode("multimeter", () -> new Multimeter(1, new String[0]));
        k.models.registerNode("voltmeter", () -> new Multimeter(1, new String[] {"V_m"}));
        k.models.registerNode("spike_recorder", () -> new SpikeRecorder(1));
        // neurons
        k.models.registerNode("iaf_psc_alpha", () -> new IafPscAlpha(1));
        k.models.registerNode("iaf_psc_delta", () -> new IafPscDelta(1));
        k.models.registerNode("iaf_psc_exp", () -> new IafPscExp(1));
        k.models.registerNode("parrot_neuron", () -> new ParrotNeuron(1));
        // synapses
        k.models.registerSynapse("static_synapse", false, false);
        k.models.registerSynapse("static_synapse_lbl", false, true);
        k.models.registerSynapse("static_synapse_hom_w", true, false);
        k.models.registerSynapse("static_synapse_hom_w_lbl", true, true);
    }

    public static Kernel newKernel() {
        return new Kernel(Models::registerAll);
    }
}
