package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * hh_cond_beta_gap_traub — Hodgkin-Huxley neuron (Traub and Miles 1991) with beta-function synaptic
 * conductances and gap-junction support (NEST 3.9 models/hh_cond_beta_gap_traub.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/hh_cond_beta_gap_traub.html).
 *
 * <pre>
 *   C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in)
 *               + I_stim + I_gap + I_e
 *   dx/dt = alpha_x(V - V_T) - (alpha_x + beta_x) x   (x = m, h, n; Traub rates with u = V - V_T:
 *     alpha_n = 0.032 (15 - u) / (exp((15 - u) / 5) - 1),  beta_n = 0.5 exp((10 - u) / 40)
 *     alpha_m = 0.32 (13 - u) / (exp((13 - u) / 4) - 1),   beta_m = 0.28 (u - 40) / (exp((u - 40) / 5) - 1)
 *     alpha_h = 0.128 exp((17 - u) / 18),                  beta_h = 4 / (1 + exp((40 - u) / 5)))
 *   dg_X'/dt = -dg_X / tau_decay_X,   dg_X/dt = dg_X - g_X / tau_rise_X
 *   a spike of weight w adds |w| beta_normalization_factor(tau_rise_X, tau_decay_X) to dg_X
 *     (X = ex for w > 0, in otherwise)
 *   I_gap = sum_j g_ij (V_j(t) - V)   (V_j interpolated per step, see HhNeuronBlock)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, spike detection
 * (not refractory, V >= V_T + 30 and V fell during the step: spike, refractory for t_ref, no reset), the
 * record, the new stimulus current.
 */
public final class HhCondBetaGapTraub extends HhTraubBlock {
    static final int DG_EXC = 4, G_EXC = 5, DG_INH = 6, G_INH = 7;
    @PerNode public double[] tau_rise_ex, tau_decay_ex, tau_rise_in, tau_decay_in;
    double[] psConInitE, psConInitI;

    public HhCondBetaGapTraub(int n) {
        super(n, 8, true, -50.0, G_EXC, G_INH);
        tau_rise_ex = fill(n, 0.5);
        tau_decay_ex = fill(n, 5.0);
        tau_rise_in = fill(n, 0.5);
        tau_decay_in = fill(n, 10.0);
    }

    @Override
    public HhCondBetaGapTraub make(int n) {
        return new HhCondBetaGapTraub(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putChannelParams(i, d);
        d.put("tau_rise_ex", tau_rise_ex[i]);
        d.put("tau_decay_ex", tau_decay_ex[i]);
        d.put("tau_rise_in", tau_rise_in[i]);
        d.put("tau_decay_in", tau_decay_in[i]);
        putTail(i, d);
        putGapArchiving(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        final Params p = readChannelParams(i, s);
        double tre = s.d("tau_rise_ex", tau_rise_ex[i]);
        double tde = s.d("tau_decay_ex", tau_decay_ex[i]);
        double tri = s.d("tau_rise_in", tau_rise_in[i]);
        double tdi = s.d("tau_decay_in", tau_decay_in[i]);
        readTail(i, s, p);
        if (p.cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (tre <= 0 || tde <= 0 || tri <= 0 || tdi <= 0) throw badProperty("All time constants must be strictly positive.");
        if (p.gk < 0 || p.gna < 0 || p.gl < 0) throw badProperty("All conductances must be non-negative.");
        final double[] g = readGates(i, s);
        if (gatesNegative(g)) throw badProperty(NEGATIVE_GATES);
        setArchiving(i, s);
        setParams(i, p);
        tau_rise_ex[i] = tre; tau_decay_ex[i] = tde; tau_rise_in[i] = tri; tau_decay_in[i] = tdi;
        setGates(i, g);
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        dynamics(i, 0.0, yy, f);
    }

    @Override
    void dynamics(int i, double time, double[] yy, double[] f) {
        final double iSum = membraneCurrent(i, yy) + gapCurrent(i, time, yy[V_M]);
        gateDerivatives(i, yy, f);
        f[V_M] = (iSum + I_e[i]) / C_m[i];
        f[DG_EXC] = -yy[DG_EXC] / tau_decay_ex[i];
        f[G_EXC] = yy[DG_EXC] - (yy[G_EXC] / tau_rise_ex[i]);
        f[DG_INH] = -yy[DG_INH] / tau_decay_in[i];
        f[G_INH] = yy[DG_INH] - (yy[G_INH] / tau_rise_in[i]);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (psConInitE == null) {
            psConInitE = new double[n];
            psConInitI = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psConInitE[i] = AeifCondBetaMultisynapse.betaNormalizationFactor(tau_rise_ex[i], tau_decay_ex[i]);
            psConInitI[i] = AeifCondBetaMultisynapse.betaNormalizationFactor(tau_rise_in[i], tau_decay_in[i]);
        }
    }

    @Override
    void afterStep(int i, long origin, int lag, double uOld, SpikeOut out) {
        final double[] yi = y[i];
        final long step = origin + lag;
        yi[DG_EXC] += take(EX, step, i) * psConInitE[i];
        yi[DG_INH] += take(IN, step, i) * psConInitI[i];
        endStep(i, uOld, threshold(i), origin, lag, out);
    }

    @Override
    void afterWfrStep(int i, long step) {
        final double[] yi = y[i];
        yi[DG_EXC] += peek(EX, step, i) * psConInitE[i];
        yi[DG_INH] += peek(IN, step, i) * psConInitI[i];
    }
}
