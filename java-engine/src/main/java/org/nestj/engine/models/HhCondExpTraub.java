package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * hh_cond_exp_traub — Hodgkin-Huxley neuron (Traub and Miles 1991) with exponentially decaying synaptic
 * conductances (NEST 3.9 models/hh_cond_exp_traub.{h,cpp}; doc: models/hh_cond_exp_traub.html).
 *
 * <pre>
 *   C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in)
 *               + I_stim + I_e
 *   dx/dt = alpha_x(V - V_T) - (alpha_x + beta_x) x   (x = m, h, n; Traub rates, see HhTraubBlock)
 *   dg_X/dt = -g_X / tau_syn_X; a spike of weight w adds |w| to g_X
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then spike detection
 * (not refractory, V >= V_T + 30 and V fell during the step: spike, refractory for t_ref, no reset).
 */
public final class HhCondExpTraub extends HhTraubBlock {
    static final int G_EXC = 4, G_INH = 5;
    @PerNode public double[] tau_synE, tau_synI;

    public HhCondExpTraub(int n) {
        super(n, 6, false, -63.0, G_EXC, G_INH);
        tau_synE = fill(n, 5.0);
        tau_synI = fill(n, 10.0);
    }

    @Override
    public HhCondExpTraub make(int n) {
        return new HhCondExpTraub(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        putChannelParams(i, d);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        putTail(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        final Params p = readChannelParams(i, s);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        readTail(i, s, p);
        if (p.cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (te <= 0 || ti <= 0) throw badProperty("All time constants must be strictly positive.");
        if (p.tr < 0) throw badProperty("Refractory time cannot be negative.");
        final double[] g = readGates(i, s);
        if (gatesNegative(g)) throw badProperty(NEGATIVE_GATES);
        setArchiving(i, s);
        setParams(i, p);
        tau_synE[i] = te;
        tau_synI[i] = ti;
        setGates(i, g);
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double iSum = membraneCurrent(i, yy);
        gateDerivatives(i, yy, f);
        f[V_M] = (iSum + I_e[i]) / C_m[i];
        f[G_EXC] = -yy[G_EXC] / tau_synE[i];
        f[G_INH] = -yy[G_INH] / tau_synI[i];
    }

    @Override
    void afterStep(int i, long origin, int lag, double uOld, SpikeOut out) {
        final double[] yi = y[i];
        final long step = origin + lag;
        yi[G_EXC] += take(EX, step, i);
        yi[G_INH] += take(IN, step, i);
        endStep(i, uOld, threshold(i), origin, lag, out);
    }
}
