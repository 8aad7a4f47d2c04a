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
 * gif_psc_exp — generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015)
 * with exponential postsynaptic currents (NEST 3.9 models/gif_psc_exp.{h,cpp}; doc: models/gif_psc_exp.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - sum_j eta_j(t) + I_syn_ex + I_syn_in + I_e + I_stim
 *   eta_j: spike-triggered currents, jump q_stc[j], decay tau_stc[j]     (I_stc = sum)
 *   V_T = V_T_star + sum_j gamma_j(t): spike-frequency adaptation, jump q_sfa[j], decay tau_sfa[j] (E_sfa)
 *   escape noise: spike in a step with probability 1 - exp(-lambda_0 exp((V - V_T)/Delta_V) h)
 *   after a spike V is held at V_reset for t_ref
 * </pre>
 * Exact integration; weights >= 0 go to the excitatory synapse. Random draws use the node's stream.
 */
public final class GifPscExp extends NeuronBlock {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] g_L, E_L, V_reset, Delta_V, V_T_star, lambda_0, t_ref, c_m, tau_ex, tau_in, I_e;
    @PerNode public double[][] tau_stc, q_stc, tau_sfa, q_sfa, stc_elems, sfa_elems;
    @PerNode public double[] I_stim, V, sfa, stc, I_syn_ex, I_syn_in;
    @PerNode public int[] r_ref;
    double[] P11ex, P11in, P21ex, P21in, P33, P30, P31;
    double[][] P_sfa, P_stc;
    int[] refractoryCounts;
    InputBuffer buf;

    public GifPscExp(int n) {
        super(n);
        g_L = fill(n, 4.0);
        E_L = fill(n, -70.0);
        V_reset = fill(n, -55.0);
        Delta_V = fill(n, 0.5);
        V_T_star = fill(n, -35.0);
        lambda_0 = fill(n, 0.001);
        t_ref = fill(n, 4.0);
        c_m = fill(n, 80.0);
        tau_ex = fill(n, 2.0);
        tau_in = fill(n, 2.0);
        I_e = fill(n, 0.0);
        tau_stc = empty(n); q_stc = empty(n); tau_sfa = empty(n); q_sfa = empty(n);
        stc_elems = empty(n); sfa_elems = empty(n);
        I_stim = fill(n, 0.0);
        V = fill(n, -70.0);
        sfa = fill(n, 0.0);
        stc = fill(n, 0.0);
        I_syn_ex = fill(n, 0.0);
        I_syn_in = fill(n, 0.0);
        r_ref = fillI(n, 0);
    }

    static double[][] empty(int n) {
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = new double[0];
        return a;
    }

    @Override
    public GifPscExp make(int n) {
        return new GifPscExp(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "I_stc", "I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return sfa[i];
            case 1: return stc[i];
            case 2: return I_syn_ex[i];
            case 3: return I_syn_in[i];
            default: return V[i];
        }
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
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
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
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double[] tsfa = s.da("tau_sfa", tau_sfa[i]);
        double[] qsfa = s.da("q_sfa", q_sfa[i]);
        double[] tstc = s.da("tau_stc", tau_stc[i]);
        double[] qstc = s.da("q_stc", q_stc[i]);
        checkGif(tsfa, qsfa, tstc, qstc, gl, dv, cm, tr, l0);
        if (tex <= 0 || tin <= 0) throw badProperty("Synapse time constants must be strictly positive.");
        double v = s.d("V_m", V[i]);
        setArchiving(i, s);
        I_e[i] = ie; E_L[i] = el; g_L[i] = gl; c_m[i] = cm; V_reset[i] = vr; Delta_V[i] = dv; V_T_star[i] = vt;
        lambda_0[i] = l0; t_ref[i] = tr; tau_ex[i] = tex; tau_in[i] = tin;
        tau_sfa[i] = tsfa; q_sfa[i] = qsfa; tau_stc[i] = tstc; q_stc[i] = qstc;
        V[i] = v;
    }

    /** The checks common to the gif_psc_exp family (Parameters_::set). */
    static void checkGif(double[] tsfa, double[] qsfa, double[] tstc, double[] qstc, double gl, double dv, double cm,
            double tr, double l0) {
        if (tsfa.length != qsfa.length) {
            throw org.nestj.engine.NestException.badProperty("'tau_sfa' and 'q_sfa' need to have the same dimensions.\n"
                    + "Size of tau_sfa: " + tsfa.length + "\nSize of q_sfa: " + qsfa.length);
        }
        if (tstc.length != qstc.length) {
            throw org.nestj.engine.NestException.badProperty("'tau_stc' and 'q_stc' need to have the same dimensions.\n"
                    + "Size of tau_stc: " + tstc.length + "\nSize of q_stc: " + qstc.length);
        }
        if (gl <= 0) throw org.nestj.engine.NestException.badProperty("Membrane conductance must be strictly positive.");
        if (dv <= 0) throw org.nestj.engine.NestException.badProperty("Delta_V must be strictly positive.");
        if (cm <= 0) throw org.nestj.engine.NestException.badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw org.nestj.engine.NestException.badProperty("Refractory time must not be negative.");
        if (l0 < 0) throw org.nestj.engine.NestException.badProperty("lambda_0 must not be negative.");
        for (double t : tsfa) {
            if (t <= 0) throw org.nestj.engine.NestException.badProperty("All time constants must be strictly positive.");
        }
        for (double t : tstc) {
            if (t <= 0) throw org.nestj.engine.NestException.badProperty("All time constants must be strictly positive.");
        }
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 3, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P33 == null) {
            P11ex = new double[n]; P11in = new double[n]; P21ex = new double[n]; P21in = new double[n];
            P33 = new double[n]; P30 = new double[n]; P31 = new double[n];
            P_sfa = new double[n][]; P_stc = new double[n][];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P11ex[i] = Math.exp(-h / tau_ex[i]);
            P11in[i] = Math.exp(-h / tau_in[i]);
            final double tauM = c_m[i] / g_L[i];
            P21ex[i] = IafPropagator.exp(tau_ex[i], tauM, c_m[i], h);
            P21in[i] = IafPropagator.exp(tau_in[i], tauM, c_m[i], h);
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
            final double[] qst = q_stc[i], qsf = q_sfa[i];
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
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i, k0 = (I0 * len + slot) * n + i;
                I_syn_ex[i] *= P11ex[i];
                I_syn_in[i] *= P11in[i];
                I_syn_ex[i] += bd[kex];
                I_syn_in[i] += bd[kin];
                if (r_ref[i] == 0) {
                    V[i] = P30[i] * (I_stim[i] + I_e[i] - st) + P33[i] * V[i] + P31[i] * E_L[i]
                            + I_syn_ex[i] * P21ex[i] + I_syn_in[i] * P21in[i];
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
                I_stim[i] = bd[k0];
                bd[kex] = 0; bd[kin] = 0; bd[k0] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(weight >= 0.0 ? EX : IN, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(I0, step, i, current);
    }
}
