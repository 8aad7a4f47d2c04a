package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

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
 *   I_gap = sum_j g_ij (V_j(t) - V)   (V_j interpolated per step, see GapNeuronBlock)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, spike detection
 * (not refractory, V >= V_T + 30 and V fell during the step: spike, refractory for t_ref, no reset), the
 * record, the new stimulus current.
 */
public final class HhCondBetaGapTraub extends GapNeuronBlock {
    static final int V_M = 0, HH_M = 1, HH_H = 2, HH_N = 3, DG_EXC = 4, G_EXC = 5, DG_INH = 6, G_INH = 7;
    @PerNode public double[] g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, V_T, E_ex, E_in, tau_rise_ex, tau_decay_ex, tau_rise_in,
            tau_decay_in, t_ref, I_e;
    double[] psConInitE, psConInitI;
    int[] refractoryCounts;

    public HhCondBetaGapTraub(int n) {
        super(n, 8);
        g_Na = fill(n, 20000.0);
        g_K = fill(n, 6000.0);
        g_L = fill(n, 10.0);
        C_m = fill(n, 200.0);
        E_Na = fill(n, 50.0);
        E_K = fill(n, -90.0);
        E_L = fill(n, -60.0);
        V_T = fill(n, -50.0);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -80.0);
        tau_rise_ex = fill(n, 0.5);
        tau_decay_ex = fill(n, 5.0);
        tau_rise_in = fill(n, 0.5);
        tau_decay_in = fill(n, 10.0);
        t_ref = fill(n, 2.0);
        I_e = fill(n, 0.0);
        for (int i = 0; i < n; i++) {
            // State_(P): V = E_L, the gates at their steady state for V (rates taken at V, not V - V_T)
            final double[] s = y[i];
            final double v0 = E_L[i];
            s[V_M] = v0;
            final double alphaN = 0.032 * (15. - v0) / (GlibcMath.exp((15. - v0) / 5.) - 1.);
            final double betaN = 0.5 * GlibcMath.exp((10. - v0) / 40.);
            final double alphaM = 0.32 * (13. - v0) / (GlibcMath.exp((13. - v0) / 4.) - 1.);
            final double betaM = 0.28 * (v0 - 40.) / (GlibcMath.exp((v0 - 40.) / 5.) - 1.);
            final double alphaH = 0.128 * GlibcMath.exp((17. - v0) / 18.);
            final double betaH = 4. / (1. + GlibcMath.exp((40. - v0) / 5.));
            s[HH_H] = alphaH / (alphaH + betaH);
            s[HH_N] = alphaN / (alphaN + betaN);
            s[HH_M] = alphaM / (alphaM + betaM);
        }
    }

    @Override
    public HhCondBetaGapTraub make(int n) {
        return new HhCondBetaGapTraub(n);
    }

    private static final String[] RECORDABLES = {"Act_m", "Act_n", "g_ex", "g_in", "Inact_h", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][HH_M];
            case 1: return y[i][HH_N];
            case 2: return y[i][G_EXC];
            case 3: return y[i][G_INH];
            case 4: return y[i][HH_H];
            default: return y[i][V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("g_Na", g_Na[i]);
        d.put("g_K", g_K[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", C_m[i]);
        d.put("E_Na", E_Na[i]);
        d.put("E_K", E_K[i]);
        d.put("E_L", E_L[i]);
        d.put("V_T", V_T[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("tau_rise_ex", tau_rise_ex[i]);
        d.put("tau_decay_ex", tau_decay_ex[i]);
        d.put("tau_rise_in", tau_rise_in[i]);
        d.put("tau_decay_in", tau_decay_in[i]);
        d.put("t_ref", t_ref[i]);
        d.put("I_e", I_e[i]);
        d.put("V_m", y[i][V_M]);
        d.put("Act_m", y[i][HH_M]);
        d.put("Inact_h", y[i][HH_H]);
        d.put("Act_n", y[i][HH_N]);
        getArchiving(i, d);
        d.put("node_uses_wfr", nodeUsesWfr);
    }

    @Override
    public void setStatus(int i, Status s) {
        double gna = s.d("g_Na", g_Na[i]);
        double gk = s.d("g_K", g_K[i]);
        double gl = s.d("g_L", g_L[i]);
        double cm = s.d("C_m", C_m[i]);
        double ena = s.d("E_Na", E_Na[i]);
        double ek = s.d("E_K", E_K[i]);
        double el = s.d("E_L", E_L[i]);
        double vt = s.d("V_T", V_T[i]);
        double eex = s.d("E_ex", E_ex[i]);
        double ein = s.d("E_in", E_in[i]);
        double tre = s.d("tau_rise_ex", tau_rise_ex[i]);
        double tde = s.d("tau_decay_ex", tau_decay_ex[i]);
        double tri = s.d("tau_rise_in", tau_rise_in[i]);
        double tdi = s.d("tau_decay_in", tau_decay_in[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double ie = s.d("I_e", I_e[i]);
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (tre <= 0 || tde <= 0 || tri <= 0 || tdi <= 0) throw badProperty("All time constants must be strictly positive.");
        if (gk < 0 || gna < 0 || gl < 0) throw badProperty("All conductances must be non-negative.");
        final double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double m = s.d("Act_m", yi[HH_M]);
        double hh = s.d("Inact_h", yi[HH_H]);
        double nn = s.d("Act_n", yi[HH_N]);
        if (m < 0 || hh < 0 || nn < 0) throw badProperty("All (in)activation variables must be non-negative.");
        setArchiving(i, s);
        g_Na[i] = gna; g_K[i] = gk; g_L[i] = gl; C_m[i] = cm; E_Na[i] = ena; E_K[i] = ek; E_L[i] = el; V_T[i] = vt;
        E_ex[i] = eex; E_in[i] = ein; tau_rise_ex[i] = tre; tau_decay_ex[i] = tde; tau_rise_in[i] = tri;
        tau_decay_in[i] = tdi; t_ref[i] = tr; I_e[i] = ie;
        yi[V_M] = v; yi[HH_M] = m; yi[HH_H] = hh; yi[HH_N] = nn;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        dynamics(i, 0.0, yy, f);
    }

    @Override
    void dynamics(int i, double time, double[] yy, double[] f) {
        final double vm = yy[V_M], m = yy[HH_M], h = yy[HH_H], n = yy[HH_N];
        final double iNa = g_Na[i] * m * m * m * h * (vm - E_Na[i]);
        final double iK = g_K[i] * n * n * n * n * (vm - E_K[i]);
        final double iL = g_L[i] * (vm - E_L[i]);
        final double iSynExc = yy[G_EXC] * (vm - E_ex[i]);
        final double iSynInh = yy[G_INH] * (vm - E_in[i]);
        final double iGap = gapCurrent(i, time, vm);
        f[V_M] = (-iNa - iK - iL - iSynExc - iSynInh + iStim[i] + iGap + I_e[i]) / C_m[i];
        final double V = vm - V_T[i];
        final double alphaN = 0.032 * (15. - V) / (GlibcMath.exp((15. - V) / 5.) - 1.);
        final double betaN = 0.5 * GlibcMath.exp((10. - V) / 40.);
        final double alphaM = 0.32 * (13. - V) / (GlibcMath.exp((13. - V) / 4.) - 1.);
        final double betaM = 0.28 * (V - 40.) / (GlibcMath.exp((V - 40.) / 5.) - 1.);
        final double alphaH = 0.128 * GlibcMath.exp((17. - V) / 18.);
        final double betaH = 4. / (1. + GlibcMath.exp((40. - V) / 5.));
        f[HH_M] = alphaM - (alphaM + betaM) * m;
        f[HH_H] = alphaH - (alphaH + betaH) * h;
        f[HH_N] = alphaN - (alphaN + betaN) * n;
        f[DG_EXC] = -yy[DG_EXC] / tau_decay_ex[i];
        f[G_EXC] = yy[DG_EXC] - (yy[G_EXC] / tau_rise_ex[i]);
        f[DG_INH] = -yy[DG_INH] / tau_decay_in[i];
        f[G_INH] = yy[DG_INH] - (yy[G_INH] / tau_rise_in[i]);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (refractoryCounts == null) {
            psConInitE = new double[n];
            psConInitI = new double[n];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            psConInitE[i] = AeifCondBetaMultisynapse.betaNormalizationFactor(tau_rise_ex[i], tau_decay_ex[i]);
            psConInitI[i] = AeifCondBetaMultisynapse.betaNormalizationFactor(tau_rise_in[i], tau_decay_in[i]);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
    }

    @Override
    void afterStep(int i, long origin, int lag, double uOld, SpikeOut out) {
        final double[] yi = y[i];
        final long step = origin + lag;
        yi[DG_EXC] += take(EX, step, i) * psConInitE[i];
        yi[DG_INH] += take(IN, step, i) * psConInitI[i];
        if (r[i] > 0) {
            --r[i];
        } else if (yi[V_M] >= V_T[i] + 30. && uOld > yi[V_M]) {
            r[i] = refractoryCounts[i];
            spiked(i, step + 1);
            out.spike(gid(i), lag, 1);
        }
        if (recordedBy != null && recordedBy[i] != null) record(step, i);
        iStim[i] = take(CUR, step, i);
    }

    @Override
    void afterWfrStep(int i, long step) {
        final double[] yi = y[i];
        yi[DG_EXC] += peek(EX, step, i) * psConInitE[i];
        yi[DG_INH] += peek(IN, step, i) * psConInitI[i];
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight > 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
