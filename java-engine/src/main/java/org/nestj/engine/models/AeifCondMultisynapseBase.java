package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * The part shared by aeif_cond_alpha_multisynapse and aeif_cond_beta_multisynapse (NEST 3.9
 * models/aeif_cond_{alpha,beta}_multisynapse.{h,cpp}): n receptor ports 1..n, set by the length of E_rev (and the
 * time-constant arrays), each with conductance g_k and its derivative dg_k:
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + Delta_T g_L exp((V - V_th)/Delta_T) + sum_k g_k (E_rev_k - V) - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   spike of weight w >= 0 on port k: dg_k += g0_k w
 * </pre>
 * State vector (V_m, w, dg_1, g_1, ..., dg_n, g_n), resized to the number of receptors in pre_run_hook
 * ({@link #calibrate}), as in NEST. Recordables V_m, w, g_1 .. g_n.
 *
 * <p>nestj's kernel asks the target block (not the node) whether a port is valid, so ports are checked against the
 * largest receptor count of the block and a connection marks has_connections on all nodes of the block.
 */
public abstract class AeifCondMultisynapseBase extends AeifBase {
    static final int W_ = 1, DG = 2, G = 3;
    @PerNode public double[][] E_rev;
    @PerNode public boolean[] has_connections;
    double[][] g0;
    private String[] recordables;

    protected AeifCondMultisynapseBase(int n) {
        super(n, W_);
        E_rev = new double[n][];
        has_connections = fillB(n, false);
        for (int i = 0; i < n; i++) {
            E_rev[i] = new double[] {0.0};
            y[i] = initialState(4, E_L[i]);
        }
    }

    /** NEST's g0_ for receptor k of node i (pre_run_hook). */
    protected abstract double g0(int i, int k);

    /** The derivatives of dg_k and g_k (NEST's loop at the end of the dynamics function). */
    protected abstract void synapseRhs(int i, double[] yy, double[] f);

    /**
     * Reads and checks the model's time-constant arrays as in Parameters_::set (after E_rev was read); returns the
     * new arrays to store with {@link #commitTaus} after all other checks passed.
     */
    protected abstract double[][] readTaus(int i, Status s, boolean eRevFlag, double[] eRev, int oldN);

    protected abstract void commitTaus(int i, double[][] taus);

    protected abstract void putTaus(int i, Map<String, Object> d);

    final int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, E_rev[i].length);
        return m;
    }

    @Override
    public String[] recordables() {
        int m = maxPorts();
        if (recordables == null || recordables.length != m + 2) {
            String[] rr = new String[m + 2];
            rr[0] = "V_m";
            rr[1] = "w";
            for (int k = 0; k < m; k++) rr[k + 2] = "g_" + (k + 1);
            recordables = rr;
        }
        return recordables;
    }

    @Override
    public double recordable(int var, int i) {
        if (var == 0) return y[i][0];
        if (var == 1) return y[i][W_];
        int e = G + 2 * (var - 2);
        return e < y[i].length ? y[i][e] : 0.0;
    }

    @Override
    protected final void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double w = yy[W_];
        final double[] er = E_rev[i];
        double iSyn = 0.0;
        for (int k = 0; k < er.length; k++) {
            iSyn += yy[G + 2 * k] * (er[k] - V);
        }
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (dT * g_L[i] * GlibcMath.exp((V - V_th[i]) / dT));
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike + iSyn - w + I_e[i] + iStim[i]) / C_m[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) / tau_w[i];
        synapseRhs(i, yy, f);
    }

    @Override
    protected int spikeChannels() {
        return maxPorts();
    }

    @Override
    public void calibrate() {
        super.calibrate();
        ensureSpikeChannels(maxPorts());
        if (g0 == null) g0 = new double[n][];
        for (int i = 0; i < n; i++) {
            int m = E_rev[i].length;
            if (g0[i] == null || g0[i].length != m) g0[i] = new double[m];
            for (int k = 0; k < m; k++) g0[i][k] = g0(i, k);
            int dim = 2 + 2 * m;
            if (y[i].length != dim) y[i] = java.util.Arrays.copyOf(y[i], dim); // vector::resize(dim, 0.0)
        }
    }

    @Override
    protected void applySpikes(int i, double[] yy, long step) {
        final int m = E_rev[i].length;
        for (int k = 0; k < m; k++) {
            yy[DG + 2 * k] += buf.take(1 + k, step, i) * g0[i][k];
        }
        for (int k = m + 1; k < buf.channels; k++) buf.take(k, step, i); // ports this node does not have
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        if (rport <= 0 || rport > E_rev[i].length) throw incompatibleReceptor(rport, "SpikeEvent");
        has_connections[i] = true;
        return rport;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight < 0) {
            throw NestException.badProperty("Synaptic weights for conductance-based multisynapse models must be positive.");
        }
        buf.add(rport, step, i, weight * mult);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("n_receptors", (long) E_rev[i].length);
        d.put("E_rev", E_rev[i].clone());
        putTaus(i, d);
        d.put("has_connections", has_connections[i]);
        int m = (y[i].length - 2) / 2;
        double[] dg = new double[m], g = new double[m];
        for (int k = 0; k < m; k++) {
            dg[k] = y[i][DG + 2 * k];
            g[k] = y[i][G + 2 * k];
        }
        d.put("dg", dg);
        d.put("g", g);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        final int oldN = E_rev[i].length;
        final boolean eRevFlag = s.has("E_rev");
        final double[] eRev = s.da("E_rev", E_rev[i]);
        final double[][] taus = readTaus(i, s, eRevFlag, eRev, oldN);
        p.checkPeakAboveTh();
        p.checkResetBelowPeak("Ensure that: V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkCm("Capacitance must be strictly positive.");
        p.checkTref();
        if (p.tauW <= 0) throw badProperty("All time constants must be strictly positive.");
        p.checkTol();
        double v = s.d("V_m", y[i][0]);
        double w = s.d("w", y[i][W_]);
        setArchiving(i, s);
        p.commit(i);
        E_rev[i] = eRev;
        commitTaus(i, taus);
        y[i][0] = v;
        y[i][W_] = w;
        recordables = null;
    }
}
