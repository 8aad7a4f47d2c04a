package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;

/**
 * eprop_iaf — current-based leaky integrate-and-fire neuron with delta-shaped postsynaptic currents
 * for e-prop plasticity (NEST 3.9 models/eprop_iaf.{h,cpp}; doc: models/eprop_iaf.html).
 *
 * <pre>
 *   v^t = alpha v^{t-1} + z_in^t + P_i i^{t-1},  alpha = exp(-dt/tau_m),  P_i = tau_m/C_m (1 - alpha)
 *   v^t = max(v^t, V_min);  psi^t = surrogate gradient (0 while refractory)
 *   z^t = H(v^t - V_th) if not refractory;  on a spike v^t -= V_th, r = t_ref/dt
 *   i^t = I_stim^t + I_e
 * </pre>
 * (v relative to E_L). E-prop history, regularization and gradient: {@link EpropRecurrentBase}.
 */
public final class EpropIaf extends EpropRecurrentBase {
    public EpropIaf(int n) {
        super(n, false, false);
    }

    @Override
    public EpropIaf make(int n) {
        return new EpropIaf(n);
    }

    private static final String[] RECORDABLES = {"eprop_history_duration", "learning_signal", "surrogate_gradient", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            for (int lag = from; lag < to; lag++) {
                final long t = origin + lag;
                if (r[i] > 0) --r[i];
                double zin = buf.take(SP, t, i);
                double v = P_i_in[i] * i_in[i] + zin + P_v_m[i] * v_m[i];
                v = v < V_min[i] ? V_min[i] : v;
                z[i] = 0.0;
                sg[i] = surrogateGradient(i, r[i], v, V_th[i]);
                if (v >= V_th[i] && r[i] == 0) {
                    out.spike(gid(i), lag, 1);
                    z[i] = 1.0;
                    v -= V_th[i] * z[i];
                    r[i] = refractoryCounts[i];
                }
                v_m[i] = v;
                archiveStep(i, t, z[i]);
                i_in[i] = buf.take(CU, t, i) + I_e[i];
                if (rec && recordedBy[i] != null) record(t, i);
            }
        }
    }
}
