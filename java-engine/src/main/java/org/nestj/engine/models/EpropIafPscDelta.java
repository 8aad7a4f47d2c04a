package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_iaf_psc_delta — leaky integrate-and-fire neuron with delta-shaped postsynaptic currents for
 * e-prop plasticity, with iaf_psc_delta's reset and refractoriness (NEST 3.9
 * models/eprop_iaf_psc_delta.{h,cpp}; doc: models/eprop_iaf_psc_delta.html).
 *
 * <pre>
 *   not refractory: v^t = P_i (i^{t-1} + I_e) + alpha v^{t-1} + z_in^t  (+ damped refractory input), v = max(v, V_min)
 *   refractory: input dropped (or, with refractory_input, buffered as z_in exp(-r dt/tau_m)); r -= 1
 *   v^t >= V_th: spike, v = V_reset, r = t_ref/dt;  i^t = I_stim^t
 * </pre>
 * (voltages relative to E_L). E-prop history, regularization and gradient: {@link EpropRecurrentBase}.
 */
public final class EpropIafPscDelta extends EpropRecurrentBase {
    public EpropIafPscDelta(int n) {
        super(n, false, true);
    }

    @Override
    public EpropIafPscDelta make(int n) {
        return new EpropIafPscDelta(n);
    }

    private static final String[] RECORDABLES = {"eprop_history_duration", "learning_signal", "surrogate_gradient", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
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
                } else {
                    if (with_refr_input[i]) refr_spikes_buffer[i] += zin * GlibcMath.exp(-r[i] * dt / tau_m[i]);
                    --r[i];
                }
                double zt = 0.0;
                sg[i] = surrogateGradient(i, r[i], v, V_th[i]);
                if (v >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    v = V_reset[i];
                    out.spike(gid(i), lag, 1);
                    zt = 1.0;
                }
                v_m[i] = v;
                archiveStep(i, t, zt);
                i_in[i] = buf.take(CU, t, i);
                if (rec && recordedBy[i] != null) record(t, i);
            }
        }
    }
}
