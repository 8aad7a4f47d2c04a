package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_exp — current-based adaptive exponential integrate-and-fire neuron with exponentially decaying
 * postsynaptic currents (NEST 3.9 models/aeif_psc_exp.{h,cpp}; doc: models/aeif_psc_exp.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) + I_syn_ex - I_syn_in - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   dI_X/dt = -I_X/tau_syn_X;  spike of weight w: I_ex += w (w > 0), I_in += -w (w <= 0)
 * </pre>
 * State vector (V_m, I_ex, I_in, w); stepping, spike and reset handling in {@link AeifBase}.
 */
public final class AeifPscExp extends AeifBase {
    static final int I_EXC = 1, I_INH = 2, W_ = 3;
    @PerNode public double[] tau_syn_ex, tau_syn_in;

    public AeifPscExp(int n) {
        super(n, W_);
        tau_syn_ex = fill(n, 0.2);
        tau_syn_in = fill(n, 2.0);
        for (int i = 0; i < n; i++) y[i] = initialState(4, E_L[i]);
    }

    @Override
    public AeifPscExp make(int n) {
        return new AeifPscExp(n);
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
        final double iEx = yy[I_EXC], iIn = yy[I_INH], w = yy[W_];
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike + iEx - iIn - w + I_e[i] + iStim[i]) / C_m[i];
        f[I_EXC] = -iEx / tau_syn_ex[i];
        f[I_INH] = -iIn / tau_syn_in[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
    }

    @Override
    protected int spikeChannels() {
        return 2;
    }

    @Override
    protected void applySpikes(int i, double[] yy, long step) {
        yy[I_EXC] += buf.take(1, step, i);
        yy[I_INH] += buf.take(2, step, i);
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
        d.put("I_syn_in", y[i][I_INH]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        double tEx = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tIn = s.d("tau_syn_in", tau_syn_in[i]);
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Ensure that C_m > 0");
        p.checkTref();
        if (tEx <= 0 || tIn <= 0 || p.tauW <= 0) throw badProperty("All time constants must be strictly positive.");
        p.checkTol();
        double[] ny = y[i].clone();
        ny[0] = s.d("V_m", ny[0]);
        ny[I_EXC] = s.d("I_syn_ex", ny[I_EXC]);
        ny[I_INH] = s.d("I_syn_in", ny[I_INH]);
        ny[W_] = s.d("w", ny[W_]);
        if (ny[I_EXC] < 0 || ny[I_INH] < 0) throw badProperty("Conductances must not be negative.");
        setArchiving(i, s);
        p.commit(i);
        tau_syn_ex[i] = tEx;
        tau_syn_in[i] = tIn;
        System.arraycopy(ny, 0, y[i], 0, ny.length);
    }
}
