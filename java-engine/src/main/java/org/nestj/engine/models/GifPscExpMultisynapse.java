package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;

/**
 * gif_psc_exp_multisynapse — generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini
 * et al. 2015) with any number of exponential synaptic currents, one per receptor port 1..n
 * (n = len(tau_syn)) (NEST 3.9 models/gif_psc_exp_multisynapse.{h,cpp}; doc: models/gif_psc_exp_multisynapse.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - sum_j eta_j(t) + sum_k I_syn_k + I_e + I_stim
 *   eta_j (I_stc), gamma_j (E_sfa = V_T_star + sum gamma_j) and escape noise as gif_psc_exp
 * </pre>
 * Unlike gif_psc_exp, the synaptic contribution to V uses the currents at the start of the step
 * (as NEST does). Random draws use the node's stream.
 */
public final class GifPscExpMultisynapse extends NeuronBlock {
    @PerNode public double[] g_L, E_L, V_reset, Delta_V, V_T_star, lambda_0, t_ref, c_m, I_e;
    @PerNode public double[][] tau_syn, tau_stc, q_stc, tau_sfa, q_sfa, stc_elems, sfa_elems, i_syn;
    @PerNode public boolean[] hasConnections;
    @PerNode public double[] I_stim, V, sfa, stc;
    @PerNode public int[] r_ref;
    double[] P33, P30, P31;
    double[][] P_sfa, P_stc, P11, P21;
    int[] refractoryCounts;
    InputBuffer buf; // channel 0: currents, channel k: spikes of port k

    public GifPscExpMultisynapse(int n) {
        super(n);
        g_L = fill(n, 4.0);
        E_L = fill(n, -70.0);
        V_reset = fill(n, -55.0);
        Delta_V = fill(n, 0.5);
        V_T_star = fill(n, -35.0);
        lambda_0 = fill(n, 0.001);
        t_ref = fill(n, 4.0);
        c_m = fill(n, 80.0);
        I_e = fill(n, 0.0);
        tau_syn = new double[n][];
        for (int i = 0; i < n; i++) tau_syn[i] = new double[] {2.0};
        tau_stc = GifPscExp.empty(n); q_stc = GifPscExp.empty(n); tau_sfa = GifPscExp.empty(n);
        q_sfa = GifPscExp.empty(n); stc_elems = GifPscExp.empty(n); sfa_elems = GifPscExp.empty(n);
        i_syn = GifPscExp.empty(n);
        hasConnections = new boolean[n];
        I_stim = fill(n, 0.0);
        V = fill(n, -70.0);
        sfa = fill(n, 0.0);
        stc = fill(n, 0.0);
        r_ref = fillI(n, 0);
    }

    @Override
    public GifPscExpMultisynapse make(int n) {
        return new GifPscExpMultisynapse(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "I_stc", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return sfa[i];
            case 1: return stc[i];
            default: return V[i];
        }
    }

    int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, tau_syn[i].length);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("I_e", I_e[i]);
        d.put("E_L", E_L[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", c_m[i]);
        d.put("V_reset", V_reset[i]);
        d.put("Delta_V", Delta_V[i]);
        d.put("V_T_star", V_T_star[i]);
        d.put("lambda_0", lambda_0[i] * 1000.0);
        d.put("t_ref", t_ref[i]);
        d.put("n_receptors", (long) tau_syn[i].length);
        d.put("has_connections", hasConnections[i]);
        d.put("tau_syn", tau_syn[i].clone());
        d.put("tau_sfa", tau_sfa[i].clone());
        d.put("q_sfa", q_sfa[i].clone());
        d.put("tau_stc", tau_stc[i].clone());
        d.put("q_stc", q_stc[i].clone());
        d.put("V_m", V[i]);
        d.put("E_sfa", sfa[i]);
        d.put("I_stc", stc[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ie = s.d("I_e", I_e[i]);
        double el = s.d("E_L", E_L[i]);
        double gl = s.d("g_L", g_L[i]);
        double cm = s.d("C_m", c_m[i]);
        double vr = s.d("V_reset", V_reset[i]);
        double dv = s.d("Delta_V", Delta_V[i]);
        double vt = s.d("V_T_star", V_T_star[i]);
        double l0 = s.has("lambda_0") ? s.d("lambda_0", 0) / 1000.0 : lambda_0[i];
        double tr = s.d("t_ref", t_ref[i]);
        double[] tsfa = s.da("tau_sfa", tau_sfa[i]);
        double[] qsfa = s.da("q_sfa", q_sfa[i]);
        double[] tstc = s.da("tau_stc", tau_stc[i]);
        double[] qstc = s.da("q_stc", q_stc[i]);
        GifPscExp.checkGif(tsfa, qsfa, tstc, qstc, gl, dv, cm, tr, l0);
        double[] ts = tau_syn[i];
        if (s.has("tau_syn")) {
            double[] t = s.da("tau_syn", ts);
            if (hasConnections[i] && t.length < ts.length) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double x : t) {
                if (x <= 0) throw badProperty("All synaptic time constants must be > 0.");
            }
            ts = t;
        }
        double v = s.d("V_m", V[i]);
        setArchiving(i, s);
        I_e[i] = ie; E_L[i] = el; g_L[i] = gl; c_m[i] = cm; V_reset[i] = vr; Delta_V[i] = dv; V_T_star[i] = vt;
        lambda_0[i] = l0; t_ref[i] = tr; tau_syn[i] = ts;
        tau_sfa[i] = tsfa; q_sfa[i] = qsfa; tau_stc[i] = tstc; q_stc[i] = qstc;
        V[i] = v;
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        if (rport <= 0 || rport > tau_syn[i].length) throw incompatibleReceptor(rport, "SpikeEvent");
        hasConnections[i] = true;
        return rport;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, maxPorts() + 1, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P33 == null) {
            P33 = new double[n]; P30 = new double[n]; P31 = new double[n];
            P_sfa = new double[n][]; P_stc = new double[n][]; P11 = new double[n][]; P21 = new double[n][];
            refractoryCounts = new int[n];
        }
        if (buf.channels < maxPorts() + 1) {
            // ports were added after the buffers were set up: grow, keeping pending input
            InputBuffer nb = new InputBuffer(n, maxPorts() + 1, buf.len);
            System.arraycopy(buf.d, 0, nb.d, 0, buf.d.length);
            buf = nb;
        }
        for (int i = 0; i < n; i++) {
            final double tauM = c_m[i] / g_L[i];
            P33[i] = Math.exp(-h / tauM);
            P30[i] = -1 / c_m[i] * Math.expm1(-h / tauM) * tauM;
            P31[i] = -Math.expm1(-h / tauM);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            P_sfa[i] = new double[tau_sfa[i].length];
            for (int k = 0; k < P_sfa[i].length; k++) P_sfa[i][k] = Math.exp(-h / tau_sfa[i][k]);
            if (sfa_elems[i].length != P_sfa[i].length) sfa_elems[i] = Arrays.copyOf(sfa_elems[i], P_sfa[i].length);
            P_stc[i] = new double[tau_stc[i].length];
            for (int k = 0; k < P_stc[i].length; k++) P_stc[i][k] = Math.exp(-h / tau_stc[i][k]);
            if (stc_elems[i].length != P_stc[i].length) stc_elems[i] = Arrays.copyOf(stc_elems[i], P_stc[i].length);
            int np = tau_syn[i].length;
            P11[i] = new double[np];
            P21[i] = new double[np];
            if (i_syn[i].length != np) i_syn[i] = Arrays.copyOf(i_syn[i], np);
            for (int k = 0; k < np; k++) {
                P11[i][k] = Math.exp(-h / tau_syn[i][k]);
                P21[i][k] = IafPropagator.exp(tau_syn[i][k], tauM, c_m[i], h);
            }
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] se = stc_elems[i], fe = sfa_elems[i], pst = P_stc[i], psf = P_sfa[i];
            final double[] qst = q_stc[i], qsf = q_sfa[i], is = i_syn[i], p11 = P11[i], p21 = P21[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                double st = 0.0;
                for (int k = 0; k < se.length; k++) {
                    st += se[k];
                    se[k] = pst[k] * se[k];
                }
                stc[i] = st;
                double sf = V_T_star[i];
                for (int k = 0; k < fe.length; k++) {
                    sf += fe[k];
                    fe[k] = psf[k] * fe[k];
                }
                sfa[i] = sf;
                int slot = (int) (step % len);
                double sumSynPot = 0.0;
                for (int k = 0; k < is.length; k++) {
                    sumSynPot += p21[k] * is[k];
                    is[k] = p11[k] * is[k];
                    int kk = ((k + 1) * len + slot) * n + i;
                    is[k] += bd[kk];
                    bd[kk] = 0;
                }
                if (r_ref[i] == 0) {
                    V[i] = P30[i] * (I_stim[i] + I_e[i] - st) + P33[i] * V[i] + P31[i] * E_L[i] + sumSynPot;
                    final double lambda = lambda_0[i] * Math.exp((V[i] - sf) / Delta_V[i]);
                    if (lambda > 0.0) {
                        if (nodeRng(i).uniform() < -Math.expm1(-lambda * h)) {
                            for (int k = 0; k < se.length; k++) se[k] += qst[k];
                            for (int k = 0; k < fe.length; k++) fe[k] += qsf[k];
                            r_ref[i] = refractoryCounts[i];
                            spiked(i, step + 1);
                            out.spike(gid(i), lag, 1);
                        }
                    }
                } else {
                    --r_ref[i];
                    V[i] = V_reset[i];
                }
                int k0 = slot * n + i;
                I_stim[i] = bd[k0];
                bd[k0] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport >= 1 && rport < buf.channels) buf.add(rport, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(0, step, i, current);
    }
}
