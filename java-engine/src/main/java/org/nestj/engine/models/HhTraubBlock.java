package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST 3.9's Traub and Miles (1991) Hodgkin-Huxley models with conductance-based synapses
 * (hh_cond_exp_traub, hh_cond_beta_gap_traub) share: the parameters g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, V_T,
 * E_ex, E_in, t_ref, I_e and their defaults (V_T aside), the initial state, the channel currents and gating
 * kinetics, the recordables, the spike threshold V_T + 30 mV and the spike input (a spike of weight w goes to
 * the excitatory input for w > 0, with weight |w| to the inhibitory one otherwise).
 *
 * <pre>
 *   C_m dV/dt = -g_Na m³h (V - E_Na) - g_K n⁴ (V - E_K) - g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in)
 *               + I_stim (+ I_gap) + I_e
 *   dx/dt = alpha_x(u) - (alpha_x(u) + beta_x(u)) x   (x = m, h, n; u = V - V_T):
 *     alpha_n = 0.032 (15 - u) / (exp((15 - u) / 5) - 1),  beta_n = 0.5 exp((10 - u) / 40)
 *     alpha_m = 0.32 (13 - u) / (exp((13 - u) / 4) - 1),   beta_m = 0.28 (u - 40) / (exp((u - 40) / 5) - 1)
 *     alpha_h = 0.128 exp((17 - u) / 18),                  beta_h = 4 / (1 + exp((40 - u) / 5))
 * </pre>
 */
abstract class HhTraubBlock extends HhNeuronBlock {
    @PerNode public double[] g_K, V_T, E_ex, E_in;
    /** state indices of the excitatory and inhibitory synaptic conductances */
    private final int gEx, gIn;

    HhTraubBlock(int n, int dim, boolean gap, double vT, int gEx, int gIn) {
        super(n, dim, gap);
        this.gEx = gEx;
        this.gIn = gIn;
        g_Na = fill(n, 20000.0);
        g_K = fill(n, 6000.0);
        g_L = fill(n, 10.0);
        C_m = fill(n, 200.0);
        E_Na = fill(n, 50.0);
        E_K = fill(n, -90.0);
        E_L = fill(n, -60.0);
        V_T = fill(n, vT);
        E_ex = fill(n, 0.0);
        E_in = fill(n, -80.0);
        for (int i = 0; i < n; i++) {
            // State_(P): V = E_L, the gates at their steady state for V (rates taken at V, not V - V_T)
            final double[] s = y[i];
            final double v0 = E_L[i];
            s[V_M] = v0;
            final double alphaN = 0.032 * (15. - v0) / (GlibcMath.exp((15. - v0) / 5.) - 1.);
            final double betaN = 0.5 * GlibcMath.exp((10. - v0) / 40.);
            final double alphaM = 0.32 * (13. - v0) / (GlibcMath.exp((13. - v0) / 4.) - 1.);
            final double betaM = 0.28 * (v0 - 40.) / (GlibcMath.exp((v0 - 40.) / 5.) - 1.);
            final double alphaH = 0.128 * GlibcMath.exp((17. - v0) / 18.);
            final double betaH = 4. / (1. + GlibcMath.exp((40. - v0) / 5.));
            s[HH_H] = alphaH / (alphaH + betaH);
            s[HH_N] = alphaN / (alphaN + betaN);
            s[HH_M] = alphaM / (alphaM + betaM);
        }
    }

    private static final String[] RECORDABLES = {"Act_m", "Act_n", "g_ex", "g_in", "Inact_h", "V_m"};

    @Override
    public final String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public final double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][HH_M];
            case 1: return y[i][HH_N];
            case 2: return y[i][gEx];
            case 3: return y[i][gIn];
            case 4: return y[i][HH_H];
            default: return y[i][V_M];
        }
    }

    // ------------------------------------------------------------------ status

    /** g_Na, g_K, g_L, C_m, E_Na, E_K, E_L, V_T, E_ex, E_in (the start of Parameters_::get). */
    final void putChannelParams(int i, Map<String, Object> d) {
        d.put("g_Na", g_Na[i]);
        d.put("g_K", g_K[i]);
        d.put("g_L", g_L[i]);
        d.put("C_m", C_m[i]);
        d.put("E_Na", E_Na[i]);
        d.put("E_K", E_K[i]);
        d.put("E_L", E_L[i]);
        d.put("V_T", V_T[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
    }

    /** t_ref and I_e (the end of Parameters_::get), then the state. */
    final void putTail(int i, Map<String, Object> d) {
        d.put("t_ref", t_ref[i]);
        d.put("I_e", I_e[i]);
        putGates(i, d);
    }

    /** New values of the parameters common to the Traub models, read from a status dictionary (not yet checked or applied). */
    static final class Params {
        double gna, gk, gl, cm, ena, ek, el, vt, eex, ein, tr, ie;
    }

    /** Reads g_Na ... E_in in NEST's order; the model then reads its synaptic time constants and calls {@link #readTail}. */
    final Params readChannelParams(int i, Status s) {
        final Params p = new Params();
        p.gna = s.d("g_Na", g_Na[i]);
        p.gk = s.d("g_K", g_K[i]);
        p.gl = s.d("g_L", g_L[i]);
        p.cm = s.d("C_m", C_m[i]);
        p.ena = s.d("E_Na", E_Na[i]);
        p.ek = s.d("E_K", E_K[i]);
        p.el = s.d("E_L", E_L[i]);
        p.vt = s.d("V_T", V_T[i]);
        p.eex = s.d("E_ex", E_ex[i]);
        p.ein = s.d("E_in", E_in[i]);
        return p;
    }

    /** Reads t_ref and I_e. */
    final void readTail(int i, Status s, Params p) {
        p.tr = s.d("t_ref", t_ref[i]);
        p.ie = s.d("I_e", I_e[i]);
    }

    /** Applies what {@link #readChannelParams} and {@link #readTail} read. */
    final void setParams(int i, Params p) {
        g_Na[i] = p.gna; g_K[i] = p.gk; g_L[i] = p.gl; C_m[i] = p.cm; E_Na[i] = p.ena; E_K[i] = p.ek; E_L[i] = p.el;
        V_T[i] = p.vt; E_ex[i] = p.eex; E_in[i] = p.ein; t_ref[i] = p.tr; I_e[i] = p.ie;
    }

    // ------------------------------------------------------------------ dynamics

    /**
     * -I_Na - I_K - I_L - I_syn_ex - I_syn_in + I_stim of node i at state yy, summed in NEST's order (the model adds
     * the gap current, if any, and I_e).
     */
    final double membraneCurrent(int i, double[] yy) {
        final double vm = yy[V_M], m = yy[HH_M], hh = yy[HH_H], nn = yy[HH_N];
        final double iNa = g_Na[i] * m * m * m * hh * (vm - E_Na[i]);
        final double iK = g_K[i] * nn * nn * nn * nn * (vm - E_K[i]);
        final double iL = g_L[i] * (vm - E_L[i]);
        final double iSynExc = yy[gEx] * (vm - E_ex[i]);
        final double iSynInh = yy[gIn] * (vm - E_in[i]);
        return -iNa - iK - iL - iSynExc - iSynInh + iStim[i];
    }

    /** The derivatives of the gating variables m, h, n of node i at state yy into f. */
    final void gateDerivatives(int i, double[] yy, double[] f) {
        final double V = yy[V_M] - V_T[i];
        final double alphaN = 0.032 * (15. - V) / (GlibcMath.exp((15. - V) / 5.) - 1.);
        final double betaN = 0.5 * GlibcMath.exp((10. - V) / 40.);
        final double alphaM = 0.32 * (13. - V) / (GlibcMath.exp((13. - V) / 4.) - 1.);
        final double betaM = 0.28 * (V - 40.) / (GlibcMath.exp((V - 40.) / 5.) - 1.);
        final double alphaH = 0.128 * GlibcMath.exp((17. - V) / 18.);
        final double betaH = 4. / (1. + GlibcMath.exp((40. - V) / 5.));
        f[HH_M] = alphaM - (alphaM + betaM) * yy[HH_M];
        f[HH_H] = alphaH - (alphaH + betaH) * yy[HH_H];
        f[HH_N] = alphaN - (alphaN + betaN) * yy[HH_N];
    }

    /** The spike threshold of node i (V_T + 30 mV). */
    final double threshold(int i) {
        return V_T[i] + 30.;
    }

    @Override
    public final void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (weight > 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
