package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;

/**
 * eprop_iaf and eprop_iaf_adapt — current-based leaky integrate-and-fire neurons with delta-shaped
 * postsynaptic currents for e-prop plasticity, the second with threshold adaptation (NEST 3.9
 * models/eprop_iaf.{h,cpp}, models/eprop_iaf_adapt.{h,cpp}; doc: models/eprop_iaf.html,
 * models/eprop_iaf_adapt.html).
 *
 * <pre>
 *   v^t = alpha v^{t-1} + z_in^t + P_i i^{t-1},  alpha = exp(-dt/tau_m),  P_i = tau_m/C_m (1 - alpha)
 *   v^t = max(v^t, V_min);  psi^t = surrogate gradient (0 while refractory)
 *   eprop_iaf:        A^t = V_th
 *   eprop_iaf_adapt:  a^t = rho a^{t-1} + z^{t-1},  rho = exp(-dt/adapt_tau),  A^t = V_th + adapt_beta a^t
 *   z^t = H(v^t - A^t) if not refractory;  on a spike v^t -= V_th, r = t_ref/dt
 *   i^t = I_stim^t + I_e
 * </pre>
 * (voltages relative to E_L). E-prop history, regularization and gradient (adaptive eligibility
 * e = psi (z_bar - adapt_beta epsilon)): {@link EpropRecurrentBase}.
 */
public final class EpropIaf extends EpropRecurrentBase {
    public EpropIaf(int n, boolean adaptive) {
        super(n, adaptive, false);
    }

    @Override
    public EpropIaf make(int n) {
        return new EpropIaf(n, adaptive);
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
                if (adaptive) {
                    adapt[i] = P_adapt[i] * adapt[i] + z[i];
                    v_th_adapt[i] = V_th[i] + adapt_beta[i] * adapt[i];
                }
                final double threshold = adaptive ? v_th_adapt[i] : V_th[i];
                z[i] = 0.0;
                sg[i] = surrogateGradient(i, r[i], v, threshold);
                if (v >= threshold && r[i] == 0) {
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
