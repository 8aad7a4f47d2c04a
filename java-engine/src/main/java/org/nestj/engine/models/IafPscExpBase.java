package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST 3.9's leaky integrate-and-fire neurons with exponential postsynaptic currents integrated exactly
 * (iaf_psc_exp, iaf_psc_exp_htum, iaf_tum_2000) keep the same way, beyond {@link IafPscBase}:
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
 *   dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k delta(t - t_k)
 * </pre>
 * the synaptic time constants tau_syn_ex, tau_syn_in (shown after tau_m), the state V_m (relative to E_L),
 * I_syn_ex, I_syn_in, I_0, the recordables I_syn_ex, I_syn_in, V_m and the propagators of
 * {@link IafPropagator#exp}. The update loops stay in the models.
 */
abstract class IafPscExpBase extends IafPscBase {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] tau_ex, tau_in;
    @PerNode public double[] V_m, i_syn_ex, i_syn_in, i_0;
    double[] P11ex, P11in, P22, P21ex, P21in, P20;
    InputBuffer buf;

    IafPscExpBase(int n) {
        super(n);
        tau_ex = fill(n, 2.0);
        tau_in = fill(n, 2.0);
        V_m = fill(n, 0.0);
        i_syn_ex = fill(n, 0.0);
        i_syn_in = fill(n, 0.0);
        i_0 = fill(n, 0.0);
    }

    private static final String[] RECORDABLES = {"I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return i_syn_ex[i];
            case 1: return i_syn_in[i];
            default: return V_m[i] + E_L[i];
        }
    }

    /** {@link #putMembrane} (without V_min), then tau_syn_ex, tau_syn_in. */
    final void putMembraneAndSynapses(int i, Map<String, Object> d) {
        putMembrane(i, d, null);
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
    }

    /** Allocates (once) and computes the propagators P11ex, P11in, P22, P21ex, P21in, P20 of node i. */
    final void calibrateExp(int i, double h) {
        if (P20 == null) {
            P11ex = new double[n]; P11in = new double[n]; P22 = new double[n]; P21ex = new double[n]; P21in = new double[n];
            P20 = new double[n];
        }
        P11ex[i] = GlibcMath.exp(-h / tau_ex[i]);
        P11in[i] = GlibcMath.exp(-h / tau_in[i]);
        P22[i] = GlibcMath.exp(-h / Tau[i]);
        P21ex[i] = IafPropagator.exp(tau_ex[i], Tau[i], C[i], h);
        P21in[i] = IafPropagator.exp(tau_in[i], Tau[i], C[i], h);
        P20[i] = Tau[i] / C[i] * (1.0 - P22[i]);
    }
}
