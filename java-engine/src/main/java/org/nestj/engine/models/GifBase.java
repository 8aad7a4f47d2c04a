package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * What NEST 3.9's generalized integrate-and-fire models with escape noise (Mensi et al. 2012, Pozzorini et al. 2015;
 * models/gif_psc_exp*, gif_cond_exp*) have in common, whatever their synapses and integration
 * ({@link GifPscBase}: exact integration of current synapses; {@link GifCondBase}: GSL integration of conductances):
 *
 * <pre>
 *   eta_j: spike-triggered currents (jump q_stc[j], decay tau_stc[j]), I_stc = sum_j eta_j at the step start
 *   E_sfa = V_T_star + sum_j gamma_j: moving threshold (jump q_sfa[j], decay tau_sfa[j])
 *   escape noise: with lambda = lambda_0 exp((V - E_sfa)/Delta_V), a spike in the step with probability
 *   1 - exp(-lambda h); then V is held at V_reset for t_ref
 * </pre>
 * Here: the parameters and their defaults, the adaptation elements, the common part of the status dictionary and
 * of its checks (Parameters_::set), the per-step decay of the adaptation elements and the spike-triggered jumps,
 * and current input. lambda_0 is stored per ms (the status shows it per s, as NEST).
 */
abstract class GifBase extends NeuronBlock {
    @PerNode public double[] g_L, E_L, V_reset, Delta_V, V_T_star, lambda_0, t_ref, c_m, I_e;
    @PerNode public double[][] tau_sfa, q_sfa, tau_stc, q_stc, sfa_elems, stc_elems;
    @PerNode public double[] sfa, stc, I_stim;
    @PerNode public int[] r_ref;
    double[][] P_sfa, P_stc;
    int[] refractoryCounts;
    InputBuffer buf;

    GifBase(int n) {
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
        tau_sfa = empty(n);
        q_sfa = empty(n);
        tau_stc = empty(n);
        q_stc = empty(n);
        sfa_elems = empty(n);
        stc_elems = empty(n);
        sfa = fill(n, 0.0);
        stc = fill(n, 0.0);
        I_stim = fill(n, 0.0);
        r_ref = fillI(n, 0);
    }

    /** n empty per-node arrays. */
    static double[][] empty(int n) {
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = new double[0];
        return a;
    }

    // ------------------------------------------------------------------ status

    /** The membrane potential of node i. */
    abstract double membranePotential(int i);

    /** The model's own parameters, which stand between t_ref and tau_sfa in the status dictionary. */
    abstract void getModelParameters(int i, Map<String, Object> d);

    /** The common status entries, in NEST's order, with the model's own parameters in between. */
    final void getCommon(int i, Map<String, Object> d) {
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
        getModelParameters(i, d);
        d.put("tau_sfa", tau_sfa[i].clone());
        d.put("q_sfa", q_sfa[i].clone());
        d.put("tau_stc", tau_stc[i].clone());
        d.put("q_stc", q_stc[i].clone());
        d.put("V_m", membranePotential(i));
        d.put("E_sfa", sfa[i]);
        d.put("I_stc", stc[i]);
    }

    /**
     * The common parameters read from a status dictionary (NEST's temporary Parameters_ copy): the scalars when
     * constructed, the adaptation arrays by {@link #readAdaptation} (models read their own parameters in between).
     */
    class Common {
        final int i;
        final double ie, el, gl, cm, vr, dv, vt, l0, tr;
        double[] tsfa, qsfa, tstc, qstc;

        Common(int i, Status s) {
            this.i = i;
            ie = s.d("I_e", I_e[i]);
            el = s.d("E_L", E_L[i]);
            gl = s.d("g_L", g_L[i]);
            cm = s.d("C_m", c_m[i]);
            vr = s.d("V_reset", V_reset[i]);
            dv = s.d("Delta_V", Delta_V[i]);
            vt = s.d("V_T_star", V_T_star[i]);
            l0 = s.has("lambda_0") ? s.d("lambda_0", 0.0) / 1000.0 : lambda_0[i];
            tr = s.d("t_ref", t_ref[i]);
        }

        final void readAdaptation(Status s) {
            tsfa = s.da("tau_sfa", tau_sfa[i]);
            qsfa = s.da("q_sfa", q_sfa[i]);
            tstc = s.da("tau_stc", tau_stc[i]);
            qstc = s.da("q_stc", q_stc[i]);
        }

        final void check() {
            checkGif(tsfa, qsfa, tstc, qstc, gl, dv, cm, tr, l0);
        }

        void commit() {
            I_e[i] = ie; E_L[i] = el; g_L[i] = gl; c_m[i] = cm; V_reset[i] = vr; Delta_V[i] = dv; V_T_star[i] = vt;
            lambda_0[i] = l0; t_ref[i] = tr;
            tau_sfa[i] = tsfa; q_sfa[i] = qsfa; tau_stc[i] = tstc; q_stc[i] = qstc;
        }
    }

    /** The checks common to the gif family (Parameters_::set). */
    static void checkGif(double[] tsfa, double[] qsfa, double[] tstc, double[] qstc, double gl, double dv, double cm,
            double tr, double l0) {
        if (tsfa.length != qsfa.length) {
            throw NestException.badProperty("'tau_sfa' and 'q_sfa' need to have the same dimensions.\n"
                    + "Size of tau_sfa: " + tsfa.length + "\nSize of q_sfa: " + qsfa.length);
        }
        if (tstc.length != qstc.length) {
            throw NestException.badProperty("'tau_stc' and 'q_stc' need to have the same dimensions.\n"
                    + "Size of tau_stc: " + tstc.length + "\nSize of q_stc: " + qstc.length);
        }
        if (gl <= 0) throw NestException.badProperty("Membrane conductance must be strictly positive.");
        if (dv <= 0) throw NestException.badProperty("Delta_V must be strictly positive.");
        if (cm <= 0) throw NestException.badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw NestException.badProperty("Refractory time must not be negative.");
        if (l0 < 0) throw NestException.badProperty("lambda_0 must not be negative.");
        for (double t : tsfa) {
            if (t <= 0) throw NestException.badProperty("All time constants must be strictly positive.");
        }
        for (double t : tstc) {
            if (t <= 0) throw NestException.badProperty("All time constants must be strictly positive.");
        }
    }

    // ------------------------------------------------------------------ update helpers

    /**
     * One step of the adaptation elements of node i ({@code se = stc_elems[i], pst = P_stc[i], fe = sfa_elems[i],
     * psf = P_sfa[i]}, hoisted by the caller): I_stc ({@code stc[i]}) and E_sfa ({@code sfa[i]}) take their values
     * at the step start, then every element decays by its propagator. Returns E_sfa.
     */
    final double decayAdaptation(int i, double[] se, double[] pst, double[] fe, double[] psf) {
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
        return sf;
    }

    /**
     * An escape-noise spike of node i in step {@code step}: the spike-triggered jumps ({@code se = stc_elems[i],
     * qst = q_stc[i], fe = sfa_elems[i], qsf = q_sfa[i]}, hoisted by the caller), refractoriness, emission.
     */
    final void fire(int i, double[] se, double[] qst, double[] fe, double[] qsf, long step, int lag, SpikeOut out) {
        for (int k = 0; k < se.length; k++) se[k] += qst[k];
        for (int k = 0; k < fe.length; k++) fe[k] += qsf[k];
        r_ref[i] = refractoryCounts[i];
        spiked(i, step + 1);
        out.spike(gid(i), lag, 1);
    }

    /**
     * The escape noise of a step outside the refractory period, v being V_m after the step and sf = E_sfa: a spike
     * ({@link #fire}) with probability 1 - exp(-lambda h), lambda = lambda_0 exp((v - E_sfa) / Delta_V), drawn from
     * the node's stream only if lambda > 0.
     */
    final void escapeNoise(int i, double v, double sf, double h, double[] se, double[] qst, double[] fe, double[] qsf,
            long step, int lag, SpikeOut out) {
        final double lambda = lambda_0[i] * GlibcMath.exp((v - sf) / Delta_V[i]);
        if (lambda > 0.0 && nodeRng(i).uniform() < -NestNumerics.expm1(-lambda * h)) {
            fire(i, se, qst, fe, qsf, step, lag, out);
        }
    }

    // ------------------------------------------------------------------ current input (ring buffer channel 0)

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(0, step, i, current);
    }
}
