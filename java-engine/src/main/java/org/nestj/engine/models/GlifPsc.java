package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.IafPropagator;

/**
 * glif_psc — generalized leaky integrate-and-fire neuron (GLIF1..5 of Teeter et al. 2018) with alpha-shaped
 * postsynaptic currents on receptor ports 1..n (n = len(tau_syn)) (NEST 3.9 models/glif_psc.{h,cpp};
 * doc: models/glif_psc.html).
 *
 * <pre>
 *   C_m dU/dt = -g U + I + ASCurrents_sum + sum_k I_syn_k,   I_syn_k = alpha kernel (e/tau_syn_k) t exp(-t/tau_syn_k)
 * </pre>
 * Exact integration (Rotter and Diesmann 1999; P31/P32 from {@link IafPropagator#alpha}); threshold components,
 * after-spike currents, reset and refractoriness as in {@link GlifBase}. Recordables: ASCurrents_sum, I, I_syn,
 * threshold, threshold_spike, threshold_voltage, V_m.
 *
 * <p>glif_psc_double_alpha ({@link GlifPscDoubleAlpha}) adds a second, slow alpha kernel per port; this class
 * holds its machinery (the slow arrays stay empty here).
 */
public class GlifPsc extends GlifBase {
    @PerNode public double[] U, I_syn;
    /** Per node and port: tau_syn (tau_syn_fast of the double-alpha model), the alpha state y1, y2. */
    @PerNode public double[][] tau_syn, y1, y2;
    /** glif_psc_double_alpha only: the slow kernel's tau_syn_slow, amp_slow and state. */
    @PerNode public double[][] tau_syn_slow, amp_slow, y1s, y2s;
    double[] P33, P30;
    double[][] P11, P21, P31, P32, pscInit, P11s, P21s, P31s, P32s, pscInitS;

    public GlifPsc(int n) {
        super(n);
        U = fill(n, 0.0);
        I_syn = fill(n, 0.0);
        tau_syn = new double[n][];
        y1 = new double[n][];
        y2 = new double[n][];
        tau_syn_slow = new double[n][];
        amp_slow = new double[n][];
        y1s = new double[n][];
        y2s = new double[n][];
        for (int i = 0; i < n; i++) {
            tau_syn[i] = new double[] {2.0};
            y1[i] = new double[0];
            y2[i] = new double[0];
            tau_syn_slow[i] = new double[0];
            amp_slow[i] = new double[0];
            y1s[i] = new double[0];
            y2s[i] = new double[0];
        }
    }

    @Override
    public GlifPsc make(int n) {
        return new GlifPsc(n);
    }

    /** True for glif_psc_double_alpha. */
    boolean doubleAlpha() {
        return false;
    }

    @Override
    final int nPorts(int i) {
        return tau_syn[i].length;
    }

    @Override
    final String gKey() {
        return "g";
    }

    private static final String[] RECORDABLES = {"ASCurrents_sum", "I", "I_syn", "threshold", "threshold_spike",
        "threshold_voltage", "V_m"};

    @Override
    public final String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public final double recordable(int var, int i) {
        switch (var) {
            case 0: return ASCurrents_sum[i];
            case 1: return I[i];
            case 2: return I_syn[i];
            case 3: return threshold[i] + E_L[i];
            case 4: return threshold_spike[i];
            case 5: return threshold_voltage[i];
            default: return U[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn", tau_syn[i].clone());
        putState(i, d);
    }

    final void putState(int i, Map<String, Object> d) {
        d.put("V_m", U[i] + E_L[i]);
        d.put("threshold_spike", threshold_spike[i]);
        d.put("threshold_voltage", threshold_voltage[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        GP p = new GP(i, s);
        p.checkMechanisms("documentation");
        p.checkAsc();
        p.checkReset();
        p.checkCm();
        p.checkG();
        p.checkTref();
        p.checkThetaVoltage();
        p.checkThetaSpike();
        double[][] syn = readSynapses(p, s);
        double u = p.readState(s, U[i]);
        setArchiving(i, s);
        p.commit();
        commitSynapses(i, syn);
        U[i] = u;
    }

    /** Reads and checks tau_syn (glif_psc) as the end of Parameters_::set; returns the new arrays. */
    double[][] readSynapses(GP p, Status s) {
        final int i = p.i;
        double[] ts = tau_syn[i];
        if (s.has("tau_syn")) {
            ts = s.da("tau_syn", ts);
            p.checkPorts(ts.length, tau_syn[i].length);
            checkPositive(ts, "All synaptic time constants must be strictly positive.");
        }
        return new double[][] {ts};
    }

    void commitSynapses(int i, double[][] syn) {
        tau_syn[i] = syn[0];
    }

    final void checkPositive(double[] a, String msg) {
        for (double v : a) {
            if (v <= 0) throw badProperty(msg);
        }
    }

    @Override
    public final void calibrate() {
        super.calibrate();
        final double h = kernel.time.resolution();
        final boolean dbl = doubleAlpha();
        if (P33 == null) {
            P33 = new double[n];
            P30 = new double[n];
            P11 = new double[n][]; P21 = new double[n][]; P31 = new double[n][]; P32 = new double[n][];
            pscInit = new double[n][];
            P11s = new double[n][]; P21s = new double[n][]; P31s = new double[n][]; P32s = new double[n][];
            pscInitS = new double[n][];
        }
        for (int i = 0; i < n; i++) {
            final int m = nPorts(i);
            final double tau = C_m[i] / G[i];
            P33[i] = GlibcMath.exp(-h / tau);
            P30[i] = 1 / C_m[i] * (1 - P33[i]) * tau;
            P11[i] = new double[m]; P21[i] = new double[m]; P31[i] = new double[m]; P32[i] = new double[m];
            pscInit[i] = new double[m];
            y1[i] = Arrays.copyOf(y1[i], m);
            y2[i] = Arrays.copyOf(y2[i], m);
            for (int k = 0; k < m; k++) {
                P11[i][k] = GlibcMath.exp(-h / tau_syn[i][k]);
                P21[i][k] = h * P11[i][k];
                double[] p = IafPropagator.alpha(tau_syn[i][k], tau, C_m[i], h);
                P31[i][k] = p[0];
                P32[i][k] = p[1];
                pscInit[i][k] = 1.0 * Math.E / tau_syn[i][k];
            }
            if (dbl) {
                P11s[i] = new double[m]; P21s[i] = new double[m]; P31s[i] = new double[m]; P32s[i] = new double[m];
                pscInitS[i] = new double[m];
                y1s[i] = Arrays.copyOf(y1s[i], m);
                y2s[i] = Arrays.copyOf(y2s[i], m);
                for (int k = 0; k < m; k++) {
                    P11s[i][k] = GlibcMath.exp(-h / tau_syn_slow[i][k]);
                    P21s[i][k] = h * P11s[i][k];
                    double[] p = IafPropagator.alpha(tau_syn_slow[i][k], tau, C_m[i], h);
                    P31s[i][k] = p[0];
                    P32s[i][k] = p[1];
                    pscInitS[i][k] = 1.0 * Math.E / tau_syn_slow[i][k] * amp_slow[i][k];
                }
            }
        }
    }

    @Override
    public final void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final boolean dbl = doubleAlpha();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] a1 = y1[i], a2 = y2[i], p11 = P11[i], p21 = P21[i], p31 = P31[i], p32 = P32[i],
                    init = pscInit[i];
            final double[] b1 = y1s[i], b2 = y2s[i], q11 = P11s[i], q21 = P21s[i], q31 = P31s[i], q32 = P32s[i],
                    initS = pscInitS[i];
            final int m = a1.length;
            double vOld = U[i];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                if (r[i] == 0) {
                    advance(i, vOld);
                    double u = vOld * P33[i] + (I[i] + ASCurrents_sum[i]) * P30[i];
                    double iSyn = 0.0;
                    for (int k = 0; k < m; k++) {
                        u += p31[k] * a1[k] + p32[k] * a2[k];
                        iSyn += a2[k];
                    }
                    if (dbl) {
                        double iSlow = 0.0;
                        for (int k = 0; k < m; k++) {
                            u += q31[k] * b1[k] + q32[k] * b2[k];
                            iSlow += b2[k];
                        }
                        iSyn = iSyn + iSlow;
                    }
                    I_syn[i] = iSyn;
                    U[i] = fire(i, vOld, u, step, lag, out);
                } else {
                    refractoryStep(i);
                    U[i] = vOld;
                }
                for (int k = 0; k < m; k++) {
                    final double sp = buf.take(k + 1, step, i);
                    a2[k] = p21[k] * a1[k] + p11[k] * a2[k];
                    a1[k] *= p11[k];
                    a1[k] += init[k] * sp;
                    if (dbl) {
                        b2[k] = q21[k] * b1[k] + q11[k] * b2[k];
                        b1[k] *= q11[k];
                        b1[k] += initS[k] * sp;
                    }
                }
                for (int k = m + 1; k < buf.channels; k++) buf.take(k, step, i); // ports this node does not have
                I[i] = buf.take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
                vOld = U[i];
            }
        }
    }
}
