package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.ExtendedHistory;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * pp_cond_exp_mc_urbanczik — two-compartment (soma, dendrite) neuron with conductance-based somatic and
 * current-based dendritic synapses, emitting spikes as a point process with rate phi(V_s), for the
 * Urbanczik-Senn plasticity rule (NEST 3.9 models/pp_cond_exp_mc_urbanczik.{h,cpp},
 * nestkernel/urbanczik_archiving_node*.h; doc: models/pp_cond_exp_mc_urbanczik.html).
 * <pre>
 *   C_s dV_s/dt = -g_L,s (V_s - E_L,s) - g_ex,s (V_s - E_ex,s) - g_in,s (V_s - E_in,s) + g_sp (V_d - V_s) + I_stim,s + I_e,s
 *   C_d dV_d/dt = -g_L,d (V_d - E_L,d) + I_ex,d + I_in,d + g_ps (V_s - V_d)
 *   dg_X,s/dt = -g_X,s / tau_syn_X,s;   dI_X,d/dt = -I_X,d / tau_syn_X,d
 *   phi(u) = phi_max / (1 + rate_slope e^{beta (theta - u)}),  h(u) = 15 beta / (1 + e^{-beta (theta - u)} / rate_slope)
 * </pre>
 * GSL RKF45 (control y_new(1e-3, 0)); after each step: spike input (soma: g += w; dendrite: I_ex += w,
 * I_in -= w), then a spike with probability 1 - e^{-phi h} (t_ref > 0) or a Poisson number (t_ref = 0) outside
 * the dead time, then the Urbanczik history entry (t, dPI = (n_spikes - phi(V*) h) h(V*)) with
 * V* = (E_L,s g_L,s + V_d g_sp) / (g_sp + g_L,s), read by urbanczik_synapse. Receptors: soma_exc 1, soma_inh 2,
 * dendritic_exc 3, dendritic_inh 4, soma_curr 5, dendritic_curr 6. Random draws use the node's own stream.
 */
public final class PpCondExpMcUrbanczik extends McCondBlock {
    static final int NCOMP = 2, SOMA = 0, DEND = 1;
    static final int V_M = 0, G_EXC = 1, G_INH = 2, I_EXC = 3, I_INH = 4, COMPS = 5;
    /** Receptors and ring-buffer channels (0..3 spike receptors, 4..5 currents) as in {@link McCondBlock}. */
    static final String[] COMP_NAMES = {"soma", "dendritic"};

    @PerNode public double[] t_ref, phi_max, rate_slope, beta, theta, g_sp, g_ps;
    int[] refractoryCounts;
    /** Urbanczik history of each node's dendrite: (t, dPI), read by urbanczik_synapse */
    ExtendedHistory[] uHist;

    public PpCondExpMcUrbanczik(int n) {
        super(n, COMP_NAMES, COMPS, new double[] {30.0, 30.0}, new double[] {300.0, 300.0}, new double[] {0.0, 0.0},
                new double[] {-75.0, 0.0}, new double[] {-70.0, -70.0}, new double[] {3.0, 3.0}, new double[] {3.0, 3.0});
        t_ref = fill(n, 3.0);
        phi_max = fill(n, 0.15);
        rate_slope = fill(n, 0.5);
        beta = fill(n, 1.0 / 3.0);
        theta = fill(n, -55.0);
        g_sp = fill(n, 600.0);
        g_ps = fill(n, 0.0);
    }

    @Override
    public PpCondExpMcUrbanczik make(int n) {
        return new PpCondExpMcUrbanczik(n);
    }

    @Override
    public void initBuffers(int ringLen) {
        boolean first = !buffersInitialised;
        super.initBuffers(ringLen);
        if (uHist == null) {
            uHist = new ExtendedHistory[n];
            for (int i = 0; i < n; i++) uHist[i] = new ExtendedHistory();
        }
        if (first) {
            // NEST's init_buffers_ calls ArchivingNode::clear_history()
            for (int i = 0; i < n; i++) {
                t_spike[i] = -1.0;
                Kminus[i] = 0.0;
                Kminus_triplet[i] = 0.0;
                if (archive[i] != null) archive[i].clear();
            }
        }
    }

    private static final String[] RECORDABLES = {"V_m.s", "g_ex.s", "g_in.s", "V_m.p", "I_ex.p", "I_in.p"};
    private static final int[] REC_INDEX = {V_M, G_EXC, G_INH, COMPS + V_M, COMPS + I_EXC, COMPS + I_INH};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return y[i][REC_INDEX[var]];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("t_ref", t_ref[i]);
        d.put("phi_max", phi_max[i]);
        d.put("rate_slope", rate_slope[i]);
        d.put("beta", beta[i]);
        d.put("theta", theta[i]);
        d.put("g_sp", g_sp[i]);
        d.put("g_ps", g_ps[i]);
        putCompartments(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double tr = s.d("t_ref", t_ref[i]);
        double pm = s.d("phi_max", phi_max[i]);
        double rs = s.d("rate_slope", rate_slope[i]);
        double be = s.d("beta", beta[i]);
        double th = s.d("theta", theta[i]);
        double gsp = s.d("g_sp", g_sp[i]);
        double gps = s.d("g_ps", g_ps[i]);
        Pending pc = new Pending(i, s);
        if (rs < 0) throw badProperty("Rate slope cannot be negative.");
        if (pm < 0) throw badProperty("Maximum rate cannot be negative.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        pc.check(false);
        pc.readState();
        setArchiving(i, s);
        t_ref[i] = tr; phi_max[i] = pm; rate_slope[i] = rs; beta[i] = be; theta[i] = th; g_sp[i] = gsp; g_ps[i] = gps;
        pc.commit(i);
    }

    /** The rate function phi(u) of node i (1/ms). */
    double phi(int i, double u) {
        return phi_max[i] / (1.0 + rate_slope[i] * GlibcMath.exp(beta[i] * (theta[i] - u)));
    }

    /** The plasticity function h(u) of node i. */
    double hFun(int i, double u) {
        return 15.0 * beta[i] / (1.0 + (1.0 / rate_slope[i]) * GlibcMath.exp(-beta[i] * (theta[i] - u)));
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double[] gl = g_L[i], cm = C_m[i], el = E_L[i];
        final double V = yy[V_M];
        final double iL = gl[SOMA] * (V - el[SOMA]);
        final double iSynExc = yy[G_EXC] * (V - E_ex[i][SOMA]);
        final double iSynInh = yy[G_INH] * (V - E_in[i][SOMA]);
        double iConnDS = 0.0;
        final int o = DEND * COMPS;
        final double vDnd = yy[o + V_M];
        iConnDS += g_sp[i] * (vDnd - V);
        final double iConnSD = g_ps[i] * (V - vDnd);
        final double iEx = yy[o + I_EXC], iIn = yy[o + I_INH];
        f[o + V_M] = (-gl[DEND] * (vDnd - el[DEND]) + iEx + iIn + iConnSD) / cm[DEND];
        f[o + I_EXC] = -iEx / tau_synE[i][DEND];
        f[o + I_INH] = -iIn / tau_synI[i][DEND];
        f[o + G_INH] = 0.0;
        f[o + G_EXC] = 0.0;
        f[V_M] = (-iL - iSynExc - iSynInh + iConnDS + iStimC[i][SOMA] + I_e[i][SOMA]) / cm[SOMA];
        f[G_EXC] = -yy[G_EXC] / tau_synE[i][SOMA];
        f[G_INH] = -yy[G_INH] / tau_synI[i][SOMA];
        f[I_EXC] = 0.0;
        f[I_INH] = 0.0;
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
                integrate(sv, i, h);
                yi[G_EXC] += take(0, step, i);
                yi[G_INH] += take(1, step, i);
                yi[COMPS + I_EXC] += take(2, step, i);
                yi[COMPS + I_INH] -= take(3, step, i);
                long nSpikes = 0;
                if (r[i] == 0) {
                    final double rate = 1000.0 * phi(i, yi[V_M]);
                    if (rate > 0.0) {
                        Rng rng = nodeRng(i);
                        if (t_ref[i] > 0.0) {
                            if (rng.uniform() <= -NestNumerics.expm1(-rate * h * 1e-3)) nSpikes = 1;
                        } else {
                            nSpikes = rng.poisson(rate * h * 1e-3);
                        }
                        if (nSpikes > 0) {
                            r[i] = refractoryCounts[i];
                            out.spike(gid(i), lag, (int) nSpikes);
                            for (long q = 0; q < nSpikes; q++) spiked(i, step + 1);
                        }
                    }
                } else {
                    --r[i];
                }
                writeUrbanczikHistory(i, kernel.time.stepsToMs(step + 1), yi[COMPS + V_M], nSpikes, h);
                takeCurrents(i, step);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    /** NEST's write_urbanczik_history for the dendrite. */
    private void writeUrbanczikHistory(int i, double tMs, double vW, long nSpikes, double h) {
        if (nIncoming[i] == 0) return;
        final double gD = g_sp[i], gL = g_L[i][SOMA], eL = E_L[i][SOMA];
        final double vStar = (eL * gL + vW * gD) / (gD + gL);
        uHist[i].push(tMs, (nSpikes - phi(i, vStar) * h) * hFun(i, vStar), nIncoming[i]);
    }
}
