package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_alpha — current-based adaptive exponential integrate-and-fire neuron with alpha-shaped postsynaptic
 * currents (NEST 3.9 models/aeif_psc_alpha.{h,cpp}; doc: models/aeif_psc_alpha.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn_ex - I_syn_in - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dI_X'/dt = -dI_X/tau_syn_X,  dI_X/dt = dI_X' - I_X/tau_syn_X   (X = ex, in)
 *   spike of weight w: dI_ex += w e/tau_syn_ex (w > 0), dI_in += -w e/tau_syn_in (w <= 0)
 * </pre>
 * State vector (V_m, dI_ex, I_ex, dI_in, I_in, w); stepping, spike and reset handling in {@link AeifBase}.
 */
public final class AeifPscAlpha extends AeifBase {
    static final int DI_EXC = 1, I_EXC = 2, DI_INH = 3, I_INH = 4, W_ = 5;
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    double[] i0Ex, i0In;

    public AeifPscAlpha(int n) {
        super(n, W_);
        tau_syn_ex = fill(n, 0.2);
        tau_syn_in = fill(n, 2.0);
        for (int i = 0; i < n; i++) y[i] = initialState(6, E_L[i]);
    }

    @Override
    public AeifPscAlpha make(int n) {
        return new AeifPscAlpha(n);
    }

    private static final String[] RECORDABLES = {"I_syn_ex", "I_syn_in", "V_m", "w"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][I_EXC];
            case 1: return y[i][I_INH];
            case 2: return y[i][0];
            default: return y[i][W_];
        }
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double dIEx = yy[DI_EXC], iEx = yy[I_EXC], dIIn = yy[DI_INH], iIn = yy[I_INH], w = yy[W_];
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike + iEx - iIn - w + I_e[i] + iStim[i]) / C_m[i];
        f[DI_EXC] = -dIEx / tau_syn_ex[i];
        f[I_EXC] = dIEx - iEx / tau_syn_ex[i];
        f[DI_INH] = -dIIn / tau_syn_in[i];
        f[I_INH] = dIIn - iIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    @Override
    protected int spikeChannels() {
        return 2;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (i0Ex == null) {
            i0Ex = new double[n];
            i0In = new double[n];
        }
        for (int i = 0; i < n; i++) {
            i0Ex[i] = 1.0 * Math.E / tau_syn_ex[i];
            i0In[i] = 1.0 * Math.E / tau_syn_in[i];
        }
    }

    @Override
    protected void applySpikes(int i, double[] yy, long step) {
        yy[DI_EXC] += buf.take(1, step, i) * i0Ex[i];
        yy[DI_INH] += buf.take(2, step, i) * i0In[i];
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
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("I_syn_ex", y[i][I_EXC]);
        d.put("dI_syn_ex", y[i][DI_EXC]);
        d.put("I_syn_in", y[i][I_INH]);
        d.put("dI_syn_in", y[i][DI_INH]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        double tEx = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tIn = s.d("tau_syn_in", tau_syn_in[i]);
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Capacitance must be strictly positive.");
        p.checkTref();
        if (tEx <= 0 || tIn <= 0 || p.tauW <= 0) throw badProperty("All time constants must be strictly positive.");
        p.checkTol();
        double[] ny = y[i].clone();
        ny[0] = s.d("V_m", ny[0]);
        ny[I_EXC] = s.d("I_syn_ex", ny[I_EXC]);
        ny[DI_EXC] = s.d("dI_syn_ex", ny[DI_EXC]);
        ny[I_INH] = s.d("I_syn_in", ny[I_INH]);
        ny[DI_INH] = s.d("dI_syn_in", ny[DI_INH]);
        ny[W_] = s.d("w", ny[W_]);
        if (ny[I_EXC] < 0 || ny[I_INH] < 0) throw badProperty("Conductances must not be negative.");
        setArchiving(i, s);
        p.commit(i);
        tau_syn_ex[i] = tEx;
        tau_syn_in[i] = tIn;
        System.arraycopy(ny, 0, y[i], 0, ny.length);
    }
}
