package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * hh_cond_exp_traub — Hodgkin-Huxley neuron (Traub and Miles 1991) with exponentially decaying synaptic
 * conductances (NEST 3.9 models/hh_cond_exp_traub.{h,cpp}; doc: models/hh_cond_exp_traub.html).
 *
 * <pre>
 *   C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in)
 *               + I_stim + I_e
 *   dx/dt = alpha_x(V - V_T) - (alpha_x + beta_x) x   (x = m, h, n; Traub rates)
 *   dg_X/dt = -g_X / tau_syn_X; a spike of weight w adds |w| to g_X
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then spike detection
 * (not refractory, V >= V_T + 30 and V fell during the step: spike, refractory for t_ref, no reset).
 */
public final class HhCondExpTraub extends GslNeuronBlock {
    static final int V_M = 0, HH_M = 1, HH_H = 2, HH_N = 3, G_EXC = 4, G_INH = 5;
    @PerNode public double[] g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, V_T, E_ex, E_in, tau_synE, tau_synI, t_ref, I_e;
    int[] refractoryCounts;

    public HhCondExpTraub(int n) {
        super(n, 6);
        g_Na = fill(n, 20000.0);
        g_K = fill(n, 6000.0);
        g_L = fill(n, 10.0);
        C_m = fill(n, 200.0);
        E_Na = fill(n, 50.0);
        E_K = fill(n, -90.0);
        E_L = fill(n, -60.0);
        V_T = fill(n, -63.0);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -80.0);
        tau_synE = fill(n, 5.0);
        tau_synI = fill(n, 10.0);
        t_ref = fill(n, 2.0);
        I_e = fill(n, 0.0);
        for (int i = 0; i < n; i++) {
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
    public HhCondExpTraub make(int n) {
        return new HhCondExpTraub(n);
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
        getArchiving(i, d);
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
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("t_ref", t_ref[i]);
        d.put("I_e", I_e[i]);
        d.put("V_m", y[i][V_M]);
        d.put("Act_m", y[i][HH_M]);
        d.put("Inact_h", y[i][HH_H]);
        d.put("Act_n", y[i][HH_N]);
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
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double ie = s.d("I_e", I_e[i]);
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (te <= 0 || ti <= 0) throw badProperty("All time constants must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double m = s.d("Act_m", yi[HH_M]);
        double hh = s.d("Inact_h", yi[HH_H]);
        double nn = s.d("Act_n", yi[HH_N]);
        if (m < 0 || hh < 0 || nn < 0) throw badProperty("All (in)activation variables must be non-negative.");
        setArchiving(i, s);
        g_Na[i] = gna; g_K[i] = gk; g_L[i] = gl; C_m[i] = cm; E_Na[i] = ena; E_K[i] = ek; E_L[i] = el;
        V_T[i] = vt; E_ex[i] = eex; E_in[i] = ein; tau_synE[i] = te; tau_synI[i] = ti; t_ref[i] = tr; I_e[i] = ie;
        yi[V_M] = v; yi[HH_M] = m; yi[HH_H] = hh; yi[HH_N] = nn;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double vm = yy[V_M], m = yy[HH_M], hh = yy[HH_H], nn = yy[HH_N];
        final double iNa = g_Na[i] * m * m * m * hh * (vm - E_Na[i]);
        final double iK = g_K[i] * nn * nn * nn * nn * (vm - E_K[i]);
        final double iL = g_L[i] * (vm - E_L[i]);
        final double iSynExc = yy[G_EXC] * (vm - E_ex[i]);
        final double iSynInh = yy[G_INH] * (vm - E_in[i]);
        f[V_M] = (-iNa - iK - iL - iSynExc - iSynInh + iStim[i] + I_e[i]) / C_m[i];
        final double V = vm - V_T[i];
        final double alphaN = 0.032 * (15. - V) / (GlibcMath.exp((15. - V) / 5.) - 1.);
        final double betaN = 0.5 * GlibcMath.exp((10. - V) / 40.);
        final double alphaM = 0.32 * (13. - V) / (GlibcMath.exp((13. - V) / 4.) - 1.);
        final double betaM = 0.28 * (V - 40.) / (GlibcMath.exp((V - 40.) / 5.) - 1.);
        final double alphaH = 0.128 * GlibcMath.exp((17. - V) / 18.);
        final double betaH = 4. / (1. + GlibcMath.exp((40. - V) / 5.));
        f[HH_M] = alphaM - (alphaM + betaM) * m;
        f[HH_H] = alphaH - (alphaH + betaH) * hh;
        f[HH_N] = alphaN - (alphaN + betaN) * nn;
        f[G_EXC] = -yy[G_EXC] / tau_synE[i];
        f[G_INH] = -yy[G_INH] / tau_synI[i];
    }

    @Override
    public void calibrate() {
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Solver sv = solver();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                final double uOld = yi[V_M];
                integrate(sv, i, h);
                yi[G_EXC] += take(EX, step, i);
                yi[G_INH] += take(IN, step, i);
                if (r[i] != 0) {
                    --r[i];
                } else if (yi[V_M] >= V_T[i] + 30. && uOld > yi[V_M]) {
                    r[i] = refractoryCounts[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
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
