package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_cond_alpha_mc — three-compartment (soma, proximal, distal dendrite) leaky integrate-and-fire neuron with
 * alpha-shaped synaptic conductances (NEST 3.9 models/iaf_cond_alpha_mc.{h,cpp}; doc: models/iaf_cond_alpha_mc.html).
 *
 * <pre>
 *   C_m,c dV_c/dt = -g_L,c (V_c - E_L,c) - g_ex,c (V_c - E_ex,c) - g_in,c (V_c - E_in,c) - I_conn,c + I_stim,c + I_e,c
 *   I_conn,s = g_sp (V_s - V_p), I_conn,p = g_sp (V_p - V_s) + g_pd (V_p - V_d), I_conn,d = g_pd (V_d - V_p)
 *   dg_X,c'/dt = -dg_X,c / tau_syn_X,c,   dg_X,c/dt = dg_X,c' - g_X,c / tau_syn_X,c
 *   (soma: V_s = min(V_s, V_th), V_reset while refractory; while refractory dV_c/dt = 0 in all compartments)
 * </pre>
 * Receptors: spikes soma_exc 1, soma_inh 2, proximal_exc 3, proximal_inh 4, distal_exc 5, distal_inh 6 (weight
 * w adds w e / tau_syn to the receptor's dg, sign kept); currents soma_curr 7, proximal_curr 8, distal_curr 9.
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)); after each step: spike input, then the somatic
 * refractory clamp or threshold check, then the new stimulus currents.
 */
public final class IafCondAlphaMc extends McCondBlock {
    static final int NCOMP = 3, SOMA = 0, PROX = 1, DIST = 2;
    static final int V_M = 0, DG_EXC = 1, G_EXC = 2, DG_INH = 3, G_INH = 4, COMPS = 5;
    /** Receptors and ring-buffer channels (0..5 spike receptors, 6..8 currents) as in {@link McCondBlock}. */
    static final String[] COMP_NAMES = {"soma", "proximal", "distal"};

    @PerNode public double[] V_th, V_reset, t_ref, g_sp, g_pd;
    double[][] psInitE, psInitI;
    int[] refractoryCounts;

    public IafCondAlphaMc(int n) {
        super(n, COMP_NAMES, COMPS, new double[] {10.0, 5.0, 10.0}, new double[] {150.0, 75.0, 150.0},
                new double[] {0.0, 0.0, 0.0}, new double[] {-85.0, -85.0, -85.0}, new double[] {-70.0, -70.0, -70.0},
                new double[] {0.5, 0.5, 0.5}, new double[] {2.0, 2.0, 2.0});
        V_th = fill(n, -55.0);
        V_reset = fill(n, -60.0);
        t_ref = fill(n, 2.0);
        g_sp = fill(n, 2.5);
        g_pd = fill(n, 1.0);
    }

    @Override
    public IafCondAlphaMc make(int n) {
        return new IafCondAlphaMc(n);
    }

    private static final String[] RECORDABLES = {"t_ref_remaining", "V_m.s", "g_ex.s", "g_in.s", "V_m.p", "g_ex.p",
        "g_in.p", "V_m.d", "g_ex.d", "g_in.d"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        if (var == 0) return kernel.time.resolution() * r[i];
        final int c = (var - 1) / 3, k = (var - 1) % 3;
        return y[i][c * COMPS + (k == 0 ? V_M : k == 1 ? G_EXC : G_INH)];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("t_ref", t_ref[i]);
        d.put("g_sp", g_sp[i]);
        d.put("g_pd", g_pd[i]);
        putCompartments(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double vth = s.d("V_th", V_th[i]);
        double vr = s.d("V_reset", V_reset[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double gsp = s.d("g_sp", g_sp[i]);
        double gpd = s.d("g_pd", g_pd[i]);
        Pending pc = new Pending(i, s);
        if (vr >= vth) throw badProperty("Reset potential must be smaller than threshold.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        pc.check(true);
        pc.readState();
        setArchiving(i, s);
        V_th[i] = vth; V_reset[i] = vr; t_ref[i] = tr; g_sp[i] = gsp; g_pd[i] = gpd;
        pc.commit(i);
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double[] gl = g_L[i], cm = C_m[i], eex = E_ex[i], ein = E_in[i], el = E_L[i], te = tau_synE[i],
                ti = tau_synI[i], ie = I_e[i], is = iStimC[i];
        final double gsp = g_sp[i], gpd = g_pd[i];
        boolean refr = false;
        for (int c = 0; c < NCOMP; c++) {
            final double V, iConn;
            final int o = c * COMPS;
            if (c == SOMA) {
                refr = r[i] > 0;
                V = refr ? V_reset[i] : Math.min(yy[SOMA * COMPS + V_M], V_th[i]);
                iConn = gsp * (V - yy[PROX * COMPS + V_M]);
            } else if (c == PROX) {
                V = yy[PROX * COMPS + V_M];
                iConn = gsp * (V - yy[SOMA * COMPS + V_M]) + gpd * (V - yy[DIST * COMPS + V_M]);
            } else {
                V = yy[DIST * COMPS + V_M];
                iConn = gpd * (V - yy[PROX * COMPS + V_M]);
            }
            final double iSynExc = yy[o + G_EXC] * (V - eex[c]);
            final double iSynInh = yy[o + G_INH] * (V - ein[c]);
            final double iL = gl[c] * (V - el[c]);
            f[o + V_M] = refr ? 0.0 : (-iL - iSynExc - iSynInh - iConn + is[c] + ie[c]) / cm[c];
            f[o + DG_EXC] = -yy[o + DG_EXC] / te[c];
            f[o + G_EXC] = yy[o + DG_EXC] - yy[o + G_EXC] / te[c];
            f[o + DG_INH] = -yy[o + DG_INH] / ti[c];
            f[o + G_INH] = yy[o + DG_INH] - yy[o + G_INH] / ti[c];
        }
    }

    @Override
    public void calibrate() {
        if (refractoryCounts == null) {
            psInitE = new double[n][NCOMP];
            psInitI = new double[n][NCOMP];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < NCOMP; c++) {
                psInitE[i][c] = 1.0 * Math.E / tau_synE[i][c];
                psInitI[i][c] = 1.0 * Math.E / tau_synI[i][c];
            }
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
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
                integrate(sv, i, h);
                for (int c = 0; c < NCOMP; c++) {
                    yi[c * COMPS + DG_EXC] += take(2 * c, step, i) * psInitE[i][c];
                    yi[c * COMPS + DG_INH] += take(2 * c + 1, step, i) * psInitI[i][c];
                }
                if (r[i] > 0) {
                    --r[i];
                    yi[V_M] = V_reset[i];
                } else if (yi[V_M] >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    yi[V_M] = V_reset[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                takeCurrents(i, step);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }
}
