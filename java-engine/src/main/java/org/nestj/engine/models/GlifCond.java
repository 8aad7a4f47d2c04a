package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * glif_cond — generalized leaky integrate-and-fire neuron (GLIF1..5 of Teeter et al. 2018) with alpha-shaped
 * synaptic conductances on receptor ports 1..n (n = len(tau_syn) = len(E_rev)) (NEST 3.9 models/glif_cond.{h,cpp};
 * doc: models/glif_cond.html).
 *
 * <pre>
 *   C_m dU/dt = -g_m U - sum_k g_k (U + E_L - E_rev_k) + I + ASCurrents_sum      (U = V_m - E_L; dU/dt = 0 while
 *                                                                                  refractory)
 *   d dg_k/dt = -dg_k / tau_syn_k,   dg_k/dt = dg_k - g_k / tau_syn_k;   a spike of weight w on port k: dg_k += w e/tau_syn_k
 * </pre>
 * State vector (U, dg_1, g_1, ..., dg_n, g_n), integrated per step with GSL's RKF45 under
 * gsl_odeiv_control_y_new(1e-3, 0) ({@link GslVarDim}); after the integration the threshold components,
 * after-spike currents and the spike check of {@link GlifBase}, then spike input and the new current I.
 * ASCurrents_sum and I in the right-hand side are those of the previous step, as in NEST.
 */
public final class GlifCond extends GlifBase {
    @PerNode public double[][] tau_syn, E_rev, y;
    double[] hStep;
    double[][] condInit;
    private String[] recordables;
    private final ThreadLocal<GslVarDim> work = ThreadLocal.withInitial(() -> new GslVarDim(this::dynamics));

    public GlifCond(int n) {
        super(n);
        tau_syn = new double[n][];
        E_rev = new double[n][];
        y = new double[n][];
        for (int i = 0; i < n; i++) {
            tau_syn[i] = new double[] {0.2, 2.0};
            E_rev[i] = new double[] {0.0, -85.0};
            y[i] = new double[3]; // NEST's initial state vector (V_M, DG_SYN, G_SYN); resized by pre_run_hook
        }
    }

    @Override
    public GlifCond make(int n) {
        return new GlifCond(n);
    }

    @Override
    int nPorts(int i) {
        return tau_syn[i].length;
    }

    @Override
    String gKey() {
        return "g_m";
    }

    @Override
    public String[] recordables() {
        int m = maxPorts();
        if (recordables == null || recordables.length != m + 6) {
            String[] rr = new String[m + 6];
            String[] fixed = {"ASCurrents_sum", "I", "threshold", "threshold_spike", "threshold_voltage", "V_m"};
            System.arraycopy(fixed, 0, rr, 0, 6);
            for (int k = 0; k < m; k++) rr[6 + k] = "g_" + (k + 1);
            recordables = rr;
        }
        return recordables;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return ASCurrents_sum[i];
            case 1: return I[i];
            case 2: return threshold[i] + E_L[i];
            case 3: return threshold_spike[i];
            case 4: return threshold_voltage[i];
            case 5: return y[i][0] + E_L[i];
            default:
                int e = 2 + 2 * (var - 6);
                return e < y[i].length ? y[i][e] : 0.0;
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn", tau_syn[i].clone());
        d.put("E_rev", E_rev[i].clone());
        d.put("V_m", y[i][0] + E_L[i]);
        int m = (y[i].length - 1) / 2;
        double[] dg = new double[m], g = new double[m];
        for (int k = 0; k < m; k++) {
            dg[k] = y[i][1 + 2 * k];
            g[k] = y[i][2 + 2 * k];
        }
        d.put("dg", dg);
        d.put("g", g);
    }

    @Override
    public void setStatus(int i, Status s) {
        GP p = new GP(i, s);
        p.checkMechanisms("documents");
        p.checkReset();
        p.checkCm();
        p.checkG();
        p.checkTref();
        p.checkThetaSpike();
        p.checkAsc();
        p.checkThetaVoltage();
        final int oldN = tau_syn[i].length;
        final boolean tauFlag = s.has("tau_syn"), eRevFlag = s.has("E_rev");
        final double[] ts = s.da("tau_syn", tau_syn[i]);
        final double[] er = s.da("E_rev", E_rev[i]);
        if (tauFlag || eRevFlag) {
            if (er.length != ts.length) {
                throw badProperty("The reversal potential and synaptic time constant arrays, i.e., E_rev ("
                        + er.length + ") and tau_syn (" + ts.length + "), must have the same size.");
            }
            p.checkPorts(ts.length, oldN);
            checkPositive(ts);
        }
        double u = p.readState(s, y[i][0]);
        setArchiving(i, s);
        p.commit();
        tau_syn[i] = ts;
        E_rev[i] = er;
        y[i][0] = u;
        recordables = null;
    }

    private void checkPositive(double[] a) {
        for (double v : a) {
            if (v <= 0) throw badProperty("All synaptic time constants must be strictly positive.");
        }
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        if (hStep == null) hStep = new double[n];
        if (!buffersInitialised) {
            final double h = kernel.time.resolution();
            for (int i = 0; i < n; i++) {
                hStep[i] = h;
                I[i] = 0.0;
            }
        }
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (condInit == null) condInit = new double[n][];
        for (int i = 0; i < n; i++) {
            final int m = nPorts(i);
            condInit[i] = new double[m];
            for (int k = 0; k < m; k++) condInit[i][k] = 1.0 * Math.E / tau_syn[i][k];
            if (y[i].length != 1 + 2 * m) y[i] = Arrays.copyOf(y[i], 1 + 2 * m); // vector::resize(dim, 0.0)
        }
    }

    /** glif_cond_dynamics. */
    void dynamics(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : yy[0];
        final double[] er = E_rev[i], ts = tau_syn[i];
        final int m = ts.length;
        final double el = E_L[i];
        double iSyn = 0.0;
        for (int k = 0; k < m; k++) iSyn += yy[2 + 2 * k] * (V + el - er[k]);
        final double iLeak = G[i] * V;
        f[0] = refr ? 0.0 : (-iLeak - iSyn + I[i] + ASCurrents_sum[i]) / C_m[i];
        for (int k = 0; k < m; k++) {
            f[1 + 2 * k] = -yy[1 + 2 * k] / ts[k];
            f[2 + 2 * k] = yy[1 + 2 * k] - (yy[2 + 2 * k] / ts[k]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final GslVarDim w = work.get();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yy = y[i], ci = condInit[i];
            final int m = ci.length;
            double vOld = yy[0];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                w.integrate(i, yy, yy.length, h, hStep, 1e-3, model.name);
                if (r[i] == 0) {
                    advance(i, vOld);
                    yy[0] = fire(i, vOld, yy[0], step, lag, out);
                } else {
                    refractoryStep(i);
                    yy[0] = vOld;
                }
                for (int k = 0; k < m; k++) yy[1 + 2 * k] += buf.take(k + 1, step, i) * ci[k];
                for (int k = m + 1; k < buf.channels; k++) buf.take(k, step, i); // ports this node does not have
                I[i] = buf.take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
                vOld = yy[0];
            }
        }
    }
}
