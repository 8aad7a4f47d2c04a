package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_chxk_2008 — conductance-based leaky integrate-and-fire neuron of Casti et al. (2008) with an
 * alpha-shaped afterhyperpolarisation (AHP) conductance and precise (interpolated) spike times
 * (NEST 3.9 models/iaf_chxk_2008.{h,cpp}; doc: models/iaf_chxk_2008.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) - g_ahp (V - E_ahp) + I_stim + I_e
 *   dg_X'/dt = -dg_X / tau_X,   g_X' = dg_X - g_X / tau_X     (X = ex, in, ahp)
 * </pre>
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)). No reset, no refractoriness: a spike is emitted
 * when V crosses V_th from below within a step; its offset dt = h (V - V_th) / (V - V_prev) (linear
 * interpolation) is sent with the spike, and the AHP alpha function started at the spike is advanced to the
 * end of the step: dg_ahp += g_ahp e / tau_ahp exp(-dt / tau_ahp), g_ahp += that * dt (replacing instead of
 * adding when ahp_bug). Then spike input (|w| e / tau_syn to dg_ex or dg_in) and the new stimulus current.
 */
public final class IafChxk2008 extends GslNeuronBlock {
    static final int V_M = 0, DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4, DG_AHP = 5, G_AHP = 6;
    @PerNode public double[] V_th, g_L, C_m, E_ex, E_in, E_L, tau_synE, tau_synI, I_e, tau_ahp, g_ahp, E_ahp;
    @PerNode public boolean[] ahp_bug;
    double[] psInitE, psInitI, psInitAhp;

    public IafChxk2008(int n) {
        super(n, 7);
        V_th = fill(n, -45.0);
        g_L = fill(n, 100.0);
        C_m = fill(n, 1000.0);
        E_ex = fill(n, 20.0);
        E_in = fill(n, -90.0);
        E_L = fill(n, -60.0);
        tau_synE = fill(n, 1.0);
        tau_synI = fill(n, 1.0);
        I_e = fill(n, 0.0);
        tau_ahp = fill(n, 0.5);
        g_ahp = fill(n, 443.8);
        E_ahp = fill(n, -95.0);
        ahp_bug = fillB(n, false);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    @Override
    public IafChxk2008 make(int n) {
        return new IafChxk2008(n);
    }

    @Override
    public boolean isOffGrid(int i) {
        return true;
    }

    private static final String[] RECORDABLES = {"g_ahp", "g_ex", "g_in", "I_ahp", "I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        final double[] yi = y[i];
        switch (var) {
            case 0: return yi[G_AHP];
            case 1: return yi[G_EXC];
            case 2: return yi[G_INH];
            case 3: return yi[G_AHP] * (yi[V_M] - E_ahp[i]);
            case 4: return yi[G_EXC] * (yi[V_M] - E_ex[i]);
            case 5: return yi[G_INH] * (yi[V_M] - E_in[i]);
            default: return yi[V_M];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_th", V_th[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", C_m[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("E_L", E_L[i]);
        d.put("tau_syn_ex", tau_synE[i]);
        d.put("tau_syn_in", tau_synI[i]);
        d.put("I_e", I_e[i]);
        d.put("tau_ahp", tau_ahp[i]);
        d.put("E_ahp", E_ahp[i]);
        d.put("g_ahp", g_ahp[i]);
        d.put("ahp_bug", ahp_bug[i]);
        d.put("V_m", y[i][V_M]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double vth = s.d("V_th", V_th[i]);
        double gl = s.d("g_L", g_L[i]);
        double cm = s.d("C_m", C_m[i]);
        double eex = s.d("E_ex", E_ex[i]);
        double ein = s.d("E_in", E_in[i]);
        double el = s.d("E_L", E_L[i]);
        double te = s.d("tau_syn_ex", tau_synE[i]);
        double ti = s.d("tau_syn_in", tau_synI[i]);
        double ie = s.d("I_e", I_e[i]);
        double ta = s.d("tau_ahp", tau_ahp[i]);
        double ea = s.d("E_ahp", E_ahp[i]);
        double ga = s.d("g_ahp", g_ahp[i]);
        boolean bug = s.b("ahp_bug", ahp_bug[i]);
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (te <= 0 || ti <= 0 || ta <= 0) throw badProperty("All time constants must be strictly positive.");
        double v = s.d("V_m", y[i][V_M]);
        setArchiving(i, s);
        V_th[i] = vth; g_L[i] = gl; C_m[i] = cm; E_ex[i] = eex; E_in[i] = ein; E_L[i] = el;
        tau_synE[i] = te; tau_synI[i] = ti; I_e[i] = ie; tau_ahp[i] = ta; E_ahp[i] = ea; g_ahp[i] = ga;
        ahp_bug[i] = bug;
        y[i][V_M] = v;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double V = yy[V_M];
        final double iSynExc = yy[G_EXC] * (V - E_ex[i]);
        final double iSynInh = yy[G_INH] * (V - E_in[i]);
        final double iAhp = yy[G_AHP] * (V - E_ahp[i]);
        final double iLeak = g_L[i] * (V - E_L[i]);
        f[V_M] = (-iLeak - iSynExc - iSynInh - iAhp + iStim[i] + I_e[i]) / C_m[i];
        final double te = tau_synE[i], ti = tau_synI[i], ta = tau_ahp[i];
        f[DG_EXC] = -yy[DG_EXC] / te;
        f[G_EXC] = yy[DG_EXC] - (yy[G_EXC] / te);
        f[DG_INH] = -yy[DG_INH] / ti;
        f[G_INH] = yy[DG_INH] - (yy[G_INH] / ti);
        f[DG_AHP] = -yy[DG_AHP] / ta;
        f[G_AHP] = yy[DG_AHP] - (yy[G_AHP] / ta);
    }

    @Override
    public void calibrate() {
        if (psInitE == null || psInitE.length != n) {
            psInitE = new double[n];
            psInitI = new double[n];
            psInitAhp = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psInitE[i] = 1.0 * Math.E / tau_synE[i];
            psInitI[i] = 1.0 * Math.E / tau_synI[i];
            psInitAhp[i] = g_ahp[i] * Math.E / tau_ahp[i];
        }
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
                final double vPrev = yi[V_M];
                integrate(sv, i, h);
                if (vPrev < V_th[i] && yi[V_M] >= V_th[i]) {
                    // time from the interpolated threshold crossing to the end of the step
                    final double dt = h * (yi[V_M] - V_th[i]) / (yi[V_M] - vPrev);
                    final double dDg = psInitAhp[i] * GlibcMath.exp(-dt / tau_ahp[i]);
                    final double dG = dDg * dt;
                    if (ahp_bug[i]) {
                        yi[G_AHP] = dG;
                        yi[DG_AHP] = dDg;
                    } else {
                        yi[G_AHP] += dG;
                        yi[DG_AHP] += dDg;
                    }
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1, dt);
                }
                yi[DG_EXC] += take(EX, step, i) * psInitE[i];
                yi[DG_INH] += take(IN, step, i) * psInitI[i];
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight > 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
