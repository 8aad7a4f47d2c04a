package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_cond_alpha — conductance-based adaptive exponential integrate-and-fire neuron with alpha-shaped synaptic
 * conductances (NEST 3.9 models/aeif_cond_alpha.{h,cpp}; doc: models/aeif_cond_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dg_X'/dt = -dg_X/tau_syn_X,  dg_X/dt = dg_X' - g_X/tau_syn_X   (X = ex, in)
 *   spike of weight w: dg_ex' += w e/tau_syn_ex (w > 0), dg_in' += -w e/tau_syn_in (w <= 0)
 * </pre>
 * State vector (V_m, dg_ex, g_ex, dg_in, g_in, w); stepping, spike and reset handling in {@link AeifBase}.
 */
public class AeifCondAlpha extends AeifBase {
    static final int DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4, W_ = 5;
    @PerNode public double[] E_ex, E_in, tau_syn_ex, tau_syn_in;
    double[] g0Ex, g0In;

    public AeifCondAlpha(int n) {
        super(n, W_);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -85.0);
        tau_syn_ex = fill(n, 0.2);
        tau_syn_in = fill(n, 2.0);
        for (int i = 0; i < n; i++) y[i] = initialState(6, E_L[i]);
    }

    @Override
    public AeifCondAlpha make(int n) {
        return new AeifCondAlpha(n);
    }

    private static final String[] RECORDABLES = {"g_ex", "g_in", "V_m", "w"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][G_EXC];
            case 1: return y[i][G_INH];
            case 2: return y[i][0];
            default: return y[i][W_];
        }
    }

    /** I_sic of aeif_cond_alpha_astro (0 here). */
    protected double extraCurrent(int i) {
        return 0.0;
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double dgEx = yy[DG_EXC], gEx = yy[G_EXC], dgIn = yy[DG_INH], gIn = yy[G_INH], w = yy[W_];
        final double iSynExc = gEx * (V - E_ex[i]);
        final double iSynInh = gIn * (V - E_in[i]);
        final double dT = Delta_T[i], gl = g_L[i];
        final double iSpike = dT == 0.0 ? 0.0 : (gl * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : vDot(i, V, iSpike, iSynExc, iSynInh, w);
        f[DG_EXC] = -dgEx / tau_syn_ex[i];
        f[G_EXC] = dgEx - gEx / tau_syn_ex[i];
        f[DG_INH] = -dgIn / tau_syn_in[i];
        f[G_INH] = dgIn - gIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    /** dV/dt of aeif_cond_alpha (aeif_cond_alpha_astro adds I_SIC after I_stim). */
    protected double vDot(int i, double V, double iSpike, double iSynExc, double iSynInh, double w) {
        return (-g_L[i] * (V - E_L[i]) + iSpike - iSynExc - iSynInh - w + I_e[i] + iStim[i]) / C_m[i];
    }

    @Override
    protected int spikeChannels() {
        return 2;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (g0Ex == null) {
            g0Ex = new double[n];
            g0In = new double[n];
        }
        for (int i = 0; i < n; i++) {
            g0Ex[i] = 1.0 * Math.E / tau_syn_ex[i];
            g0In[i] = 1.0 * Math.E / tau_syn_in[i];
        }
    }

    @Override
    protected void applySpikes(int i, double[] yy, long step) {
        yy[DG_EXC] += buf.take(1, step, i) * g0Ex[i];
        yy[DG_INH] += buf.take(2, step, i) * g0In[i];
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        addExIn(i, step, weight, mult);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("g_ex", y[i][G_EXC]);
        d.put("dg_ex", y[i][DG_EXC]);
        d.put("g_in", y[i][G_INH]);
        d.put("dg_in", y[i][DG_INH]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        double eEx = s.d("E_ex", E_ex[i]);
        double eIn = s.d("E_in", E_in[i]);
        double tEx = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tIn = s.d("tau_syn_in", tau_syn_in[i]);
        p.checkResetBelowPeak("Ensure that: V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Capacitance must be strictly positive.");
        p.checkTref();
        if (tEx <= 0 || tIn <= 0 || p.tauW <= 0) throw badProperty("All time constants must be strictly positive.");
        p.checkTol();
        double[] ny = y[i].clone();
        ny[0] = s.d("V_m", ny[0]);
        ny[G_EXC] = s.d("g_ex", ny[G_EXC]);
        ny[DG_EXC] = s.d("dg_ex", ny[DG_EXC]);
        ny[G_INH] = s.d("g_in", ny[G_INH]);
        ny[DG_INH] = s.d("dg_in", ny[DG_INH]);
        ny[W_] = s.d("w", ny[W_]);
        if (ny[G_EXC] < 0 || ny[G_INH] < 0) throw badProperty("Conductances must not be negative.");
        setArchiving(i, s);
        p.commit(i);
        E_ex[i] = eEx;
        E_in[i] = eIn;
        tau_syn_ex[i] = tEx;
        tau_syn_in[i] = tIn;
        System.arraycopy(ny, 0, y[i], 0, ny.length);
    }
}
