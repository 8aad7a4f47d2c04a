package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;

/**
 * eprop_iaf_adapt — current-based leaky integrate-and-fire neuron with delta-shaped postsynaptic
 * currents and threshold adaptation for e-prop plasticity (NEST 3.9 models/eprop_iaf_adapt.{h,cpp};
 * doc: models/eprop_iaf_adapt.html).
 *
 * <pre>
 *   v^t = alpha v^{t-1} + z_in^t + P_i i^{t-1},  v^t = max(v^t, V_min)
 *   a^t = rho a^{t-1} + z^{t-1},  rho = exp(-dt/adapt_tau),  A^t = V_th + adapt_beta a^t
 *   z^t = H(v^t - A^t) if not refractory;  on a spike v^t -= V_th, r = t_ref/dt
 *   i^t = I_stim^t + I_e
 * </pre>
 * (voltages relative to E_L). Eligibility: e = psi (z_bar - adapt_beta epsilon), see {@link EpropRecurrentBase}.
 */
public final class EpropIafAdapt extends EpropRecurrentBase {
    public EpropIafAdapt(int n) {
        super(n, true, false);
    }

    @Override
    public EpropIafAdapt make(int n) {
        return new EpropIafAdapt(n);
    }

    private static final String[] RECORDABLES = {"adaptation", "eprop_history_duration", "learning_signal",
        "surrogate_gradient", "V_m", "V_th_adapt"};

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
                adapt[i] = P_adapt[i] * adapt[i] + z[i];
                v_th_adapt[i] = V_th[i] + adapt_beta[i] * adapt[i];
                z[i] = 0.0;
                sg[i] = surrogateGradient(i, r[i], v, v_th_adapt[i]);
                if (v >= v_th_adapt[i] && r[i] == 0) {
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
