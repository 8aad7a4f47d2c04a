package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * The conductance-based aeif models with one excitatory and one inhibitory synapse (NEST 3.9 aeif_cond_alpha,
 * aeif_cond_alpha_astro, aeif_cond_exp): on {@link AeifExInBase}, the reversal potentials E_ex (0 mV) and E_in
 * (-85 mV) of the synaptic currents g_X (V - E_X), their own parameters between the common aeif entries and
 * tau_syn_ex/in in the status dictionary.
 */
abstract class AeifCondExInBase extends AeifExInBase {
    @PerNode public double[] E_ex, E_in;

    AeifCondExInBase(int n, int w, int ex, int in, int dEx, int dIn) {
        super(n, w, ex, in, dEx, dIn, "g_ex", "g_in");
        E_ex = fill(n, 0.0);
        E_in = fill(n, -85.0);
    }

    @Override
    final void getModelParameters(int i, Map<String, Object> d) {
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
    }

    @Override
    final double[] readModelParameters(int i, Status s) {
        return new double[] {s.d("E_ex", E_ex[i]), s.d("E_in", E_in[i])};
    }

    @Override
    final void commitModelParameters(int i, double[] v) {
        E_ex[i] = v[0];
        E_in[i] = v[1];
    }
}
