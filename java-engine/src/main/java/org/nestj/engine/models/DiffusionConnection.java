package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SynapseType;

/**
 * diffusion_connection — instantaneous connection between siegert_neurons carrying NEST's
 * DiffusionConnectionEvent (NEST 3.9 models/diffusion_connection.h;
 * https://nest-simulator.readthedocs.io/en/v3.9/models/diffusion_connection.html):
 *
 * <pre>
 *   mu_post    += drift_factor     * r_pre      (mean input,     Hahne et al. 2017 eq. 28)
 *   sigma2_post += diffusion_factor * r_pre     (variance input, eq. 29)
 * </pre>
 *
 * No delay (has_delay false; the connection counts with wfr_comm_interval in the delay extrema) and
 * no weight: setting either raises NEST's errors ("diffusion_connection has no delay.", "Please use
 * the parameters drift_factor and diffusion_factor to specifiy the weights."); the weight shown by
 * GetDefaults is 0. Delivery is a secondary event with waveform relaxation
 * ({@link org.nestj.engine.kernel.RateEvents}); the per-connection factors are the two columns of the
 * connection store.
 */
public final class DiffusionConnection extends SynapseType {
    public static final int DRIFT = 0, DIFFUSION = 1;

    public DiffusionConnection() {
        super("diffusion_connection", new String[] {"drift_factor", "diffusion_factor"}, new double[] {1.0, 1.0},
                new String[0], new double[0], new String[0], new double[0], 48, false);
    }

    /** Spikes never pass a diffusion connection: only siegert_neuron, which emits no spikes, can be its source. */
    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        return false;
    }
}
