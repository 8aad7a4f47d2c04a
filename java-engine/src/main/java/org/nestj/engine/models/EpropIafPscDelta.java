package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_iaf_psc_delta and eprop_iaf_psc_delta_adapt — leaky integrate-and-fire neurons with
 * delta-shaped postsynaptic currents for e-prop plasticity, with iaf_psc_delta's reset and
 * refractoriness, the second with threshold adaptation (NEST 3.9 models/eprop_iaf_psc_delta.{h,cpp},
 * models/eprop_iaf_psc_delta_adapt.{h,cpp}; doc: models/eprop_iaf_psc_delta.html,
 * models/eprop_iaf_psc_delta_adapt.html).
 *
 * <pre>
 *   not refractory: v^t = P_i (i^{t-1} + I_e) + alpha v^{t-1} + z_in^t  (+ damped refractory input), v = max(v, V_min)
 *                   _adapt: a^t = rho a^{t-1} + z^{t-1},  A^t = V_th + adapt_beta a^t  (otherwise A^t = V_th)
 *   refractory: input dropped (or, with refractory_input, buffered as z_in exp(-r dt/tau_m)); r -= 1 (a, A unchanged)
 *   v^t >= A^t: spike, v = V_reset, r = t_ref/dt;  i^t = I_stim^t
 * </pre>
 * (voltages relative to E_L). E-prop history, regularization and gradient (adaptive eligibility
 * e = psi (z_bar - adapt_beta epsilon)): {@link EpropRecurrentBase}.
 */
public final class EpropIafPscDelta extends EpropRecurrentBase {
    public EpropIafPscDelta(int n, boolean adaptive) {
        super(n, adaptive, true);
    }

    @Override
    public EpropIafPscDelta make(int n) {
        return new EpropIafPscDelta(n, adaptive);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final double dt = kernel.time.resolution();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            for (int lag = from; lag < to; lag++) {
                final long t = origin + lag;
                double zin = buf.take(SP, t, i);
                double v = v_m[i];
                if (r[i] == 0) {
                    v = P_i_in[i] * (i_in[i] + I_e[i]) + P_v_m[i] * v + zin;
                    if (with_refr_input[i] && refr_spikes_buffer[i] != 0.0) {
                        v += refr_spikes_buffer[i];
                        refr_spikes_buffer[i] = 0.0;
                    }
                    v = v < V_min[i] ? V_min[i] : v;
                    if (adaptive) {
                        adapt[i] = P_adapt[i] * adapt[i] + z[i];
                        v_th_adapt[i] = V_th[i] + adapt_beta[i] * adapt[i];
                    }
                } else {
                    if (with_refr_input[i]) refr_spikes_buffer[i] += zin * GlibcMath.exp(-r[i] * dt / tau_m[i]);
                    --r[i];
                }
                final double threshold = adaptive ? v_th_adapt[i] : V_th[i];
                z[i] = 0.0;
                sg[i] = surrogateGradient(i, r[i], v, threshold);
                if (v >= threshold) {
                    r[i] = refractoryCounts[i];
                    v = V_reset[i];
                    out.spike(gid(i), lag, 1);
                    z[i] = 1.0;
                }
                v_m[i] = v;
                archiveStep(i, t, z[i]);
                i_in[i] = buf.take(CU, t, i);
                if (rec && recordedBy[i] != null) record(t, i);
            }
        }
    }
}
