package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * amat2_psc_exp — non-resetting leaky integrate-and-fire neuron with a multi-timescale adaptive
 * threshold and a voltage-dependent threshold component (AMAT, Yamauchi et al. 2011),
 * exponential postsynaptic currents (NEST 3.9 models/amat2_psc_exp.{h,cpp}; doc: models/amat2_psc_exp.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m     (never reset)
 *   V_th = omega + H_1 + H_2 + V_th_v,  dH_j/dt = -H_j/tau_j,  H_j += alpha_j at each spike
 *   d²V_th_v/dt² driven by beta dV/dt with time constant tau_v (second order, exact propagators)
 *   spike if V >= V_th and the refractory period t_ref has elapsed
 * </pre>
 * Exact integration with NEST's closed-form propagators; weights >= 0 go to the excitatory synapse.
 */
public final class Amat2PscExp extends NeuronBlock {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] E_L, I_e, C, Tau, tau_ex, tau_in, tau_ref, tau_1, tau_2, alpha_1, alpha_2, beta, tau_v, omega;
    @PerNode public double[] V_m, I_syn_ex, I_syn_in, i_0, V_th_1, V_th_2, V_th_dv, V_th_v;
    @PerNode public int[] r;
    double[] P11, P22, P33, P44, P55, P66, P77, P30, P31, P32, P60, P61, P62, P63, P70, P71, P72, P73, P76;
    int[] countsTot;
    InputBuffer buf;

    public Amat2PscExp(int n) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        C = fill(n, 200.0);
        Tau = fill(n, 10.0);
        tau_ex = fill(n, 1.0);
        tau_in = fill(n, 3.0);
        tau_ref = fill(n, 2.0);
        tau_1 = fill(n, 10.0);
        tau_2 = fill(n, 200.0);
        alpha_1 = fill(n, 10.0);
        alpha_2 = fill(n, 0.0);
        beta = fill(n, 0.0);
        tau_v = fill(n, 5.0);
        omega = fill(n, 5.0);
        V_m = fill(n, 0.0);
        I_syn_ex = fill(n, 0.0);
        I_syn_in = fill(n, 0.0);
        i_0 = fill(n, 0.0);
        V_th_1 = fill(n, 0.0);
        V_th_2 = fill(n, 0.0);
        V_th_dv = fill(n, 0.0);
        V_th_v = fill(n, 0.0);
        r = fillI(n, 0);
    }

    @Override
    public Amat2PscExp make(int n) {
        return new Amat2PscExp(n);
    }

    private static final String[] RECORDABLES = {"I_syn_ex", "I_syn_in", "V_m", "V_th", "V_th_v"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return I_syn_ex[i];
            case 1: return I_syn_in[i];
            case 2: return V_m[i] + E_L[i];
            case 3: return E_L[i] + omega[i] + V_th_1[i] + V_th_2[i] + V_th_v[i];
            default: return V_th_v[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("C_m", C[i]);
        d.put("tau_m", Tau[i]);
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
        d.put("t_ref", tau_ref[i]);
        d.put("tau_1", tau_1[i]);
        d.put("tau_2", tau_2[i]);
        d.put("alpha_1", alpha_1[i]);
        d.put("alpha_2", alpha_2[i]);
        d.put("beta", beta[i]);
        d.put("tau_v", tau_v[i]);
        d.put("omega", omega[i] + E_L[i]);
        d.put("V_m", V_m[i] + E_L[i]);
        d.put("V_th", E_L[i] + omega[i] + V_th_1[i] + V_th_2[i] + V_th_v[i]);
        d.put("V_th_alpha_1", V_th_1[i]);
        d.put("V_th_alpha_2", V_th_2[i]);
        d.put("V_th_v", V_th_v[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double el = s.d("E_L", E_L[i]);
        double dEL = el - E_L[i];
        double ie = s.d("I_e", I_e[i]);
        double c = s.d("C_m", C[i]);
        double tau = s.d("tau_m", Tau[i]);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tr = s.d("t_ref", tau_ref[i]);
        double t1 = s.d("tau_1", tau_1[i]);
        double t2 = s.d("tau_2", tau_2[i]);
        double a1 = s.d("alpha_1", alpha_1[i]);
        double a2 = s.d("alpha_2", alpha_2[i]);
        double b = s.d("beta", beta[i]);
        double tv = s.d("tau_v", tau_v[i]);
        double om = s.has("omega") ? s.d("omega", 0) - el : omega[i] - dEL;
        if (c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tau <= 0 || tex <= 0 || tin <= 0 || tr <= 0 || t1 <= 0 || t2 <= 0 || tv <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        if (tau == tex || tau == tin || tau == tv) {
            throw badProperty("tau_m must differ from tau_syn_ex, tau_syn_in and tau_v. See note in documentation.");
        }
        if (tv == tex || tv == tin) {
            throw badProperty("tau_v must differ from tau_syn_ex, tau_syn_in and tau_m. See note in documentation.");
        }
        double v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
        double h1 = s.d("V_th_alpha_1", V_th_1[i]);
        double h2 = s.d("V_th_alpha_2", V_th_2[i]);
        double hv = s.d("V_th_v", V_th_v[i]);
        setArchiving(i, s);
        E_L[i] = el; I_e[i] = ie; C[i] = c; Tau[i] = tau; tau_ex[i] = tex; tau_in[i] = tin; tau_ref[i] = tr;
        tau_1[i] = t1; tau_2[i] = t2; alpha_1[i] = a1; alpha_2[i] = a2; beta[i] = b; tau_v[i] = tv; omega[i] = om;
        V_m[i] = v; V_th_1[i] = h1; V_th_2[i] = h2; V_th_v[i] = hv;
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

    private static double sq(double x) {
        return GlibcMath.pow(x, 2);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P30 == null) {
            P11 = new double[n]; P22 = new double[n]; P33 = new double[n]; P44 = new double[n]; P55 = new double[n];
            P66 = new double[n]; P77 = new double[n]; P30 = new double[n]; P31 = new double[n]; P32 = new double[n];
            P60 = new double[n]; P61 = new double[n]; P62 = new double[n]; P63 = new double[n]; P70 = new double[n];
            P71 = new double[n]; P72 = new double[n]; P73 = new double[n]; P76 = new double[n];
            countsTot = new int[n];
        }
        for (int i = 0; i < n; i++) {
            final double c = C[i], b = beta[i], taum = Tau[i], tauE = tau_ex[i], tauI = tau_in[i], tauV = tau_v[i];
            final double eE = Math.exp(-h / tauE), eI = Math.exp(-h / tauI), em = Math.exp(-h / taum);
            final double e1 = Math.exp(-h / tau_1[i]), e2 = Math.exp(-h / tau_2[i]), eV = Math.exp(-h / tauV);
            P11[i] = eE;
            P22[i] = eI;
            P33[i] = em;
            P44[i] = e1;
            P55[i] = e2;
            P66[i] = eV;
            P77[i] = eV;
            P30[i] = (taum - em * taum) / c;
            P31[i] = ((eE - em) * tauE * taum) / (c * (tauE - taum));
            P32[i] = ((eI - em) * tauI * taum) / (c * (tauI - taum));
            P60[i] = (b * (em - eV) * taum * tauV) / (c * (taum - tauV));
            P61[i] = (b * tauE * taum * tauV * (eV * (-tauE + taum) + em * (tauE - tauV) + eE * (-taum + tauV)))
                    / (c * (tauE - taum) * (tauE - tauV) * (taum - tauV));
            P62[i] = (b * tauI * taum * tauV * (eV * (-tauI + taum) + em * (tauI - tauV) + eI * (-taum + tauV)))
                    / (c * (tauI - taum) * (tauI - tauV) * (taum - tauV));
            P63[i] = (b * (-em + eV) * tauV) / (taum - tauV);
            P70[i] = (b * taum * tauV * (em * taum * tauV - eV * (h * (taum - tauV) + taum * tauV)))
                    / (c * sq(taum - tauV));
            P71[i] = (b * tauE * taum * tauV
                    * ((em * taum * sq(tauE - tauV) - eE * tauE * sq(taum - tauV)) * tauV
                            - eV * (tauE - taum) * (h * (tauE - tauV) * (taum - tauV) + tauE * taum * tauV
                                    - GlibcMath.pow(tauV, 3))))
                    / (c * (tauE - taum) * sq(tauE - tauV) * sq(taum - tauV));
            P72[i] = (b * tauI * taum * tauV
                    * ((em * taum * sq(tauI - tauV) - eI * tauI * sq(taum - tauV)) * tauV
                            - eV * (tauI - taum) * (h * (tauI - tauV) * (taum - tauV) + tauI * taum * tauV
                                    - GlibcMath.pow(tauV, 3))))
                    / (c * (tauI - taum) * sq(tauI - tauV) * sq(taum - tauV));
            P73[i] = (b * tauV * (-(em * taum * tauV) + eV * (h * (taum - tauV) + taum * tauV))) / sq(taum - tauV);
            P76[i] = eV * h;
            countsTot[i] = (int) kernel.time.msToSteps(tau_ref[i]);
            if (countsTot[i] < 1) throw badProperty("Total refractory time must be at least one time step.");
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double v = V_m[i], iex = I_syn_ex[i], iin = I_syn_in[i], c0 = i_0[i], h1 = V_th_1[i], h2 = V_th_2[i];
            double dv = V_th_dv[i], tv = V_th_v[i];
            int rr = r[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                final double ii = I_e[i] + c0;
                tv = ii * P70[i] + iex * P71[i] + iin * P72[i] + v * P73[i] + dv * P76[i] + tv * P77[i];
                dv = ii * P60[i] + iex * P61[i] + iin * P62[i] + v * P63[i] + dv * P66[i];
                v = ii * P30[i] + iex * P31[i] + iin * P32[i] + v * P33[i];
                h1 *= P44[i];
                h2 *= P55[i];
                iex *= P11[i];
                iin *= P22[i];
                int slot = (int) (step % len);
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i, k0 = (I0 * len + slot) * n + i;
                iex += bd[kex];
                iin += bd[kin];
                if (rr == 0) {
                    if (v >= omega[i] + h2 + h1 + tv) {
                        rr = countsTot[i];
                        h1 += alpha_1[i];
                        h2 += alpha_2[i];
                        spiked(i, step + 1);
                        out.spike(gid(i), lag, 1);
                    }
                } else {
                    --rr;
                }
                c0 = bd[k0];
                bd[kex] = 0; bd[kin] = 0; bd[k0] = 0;
                if (rec && recordedBy[i] != null) {
                    V_m[i] = v; I_syn_ex[i] = iex; I_syn_in[i] = iin; V_th_1[i] = h1; V_th_2[i] = h2;
                    V_th_dv[i] = dv; V_th_v[i] = tv;
                    record(step, i);
                }
            }
            V_m[i] = v; I_syn_ex[i] = iex; I_syn_in[i] = iin; i_0[i] = c0; V_th_1[i] = h1; V_th_2[i] = h2;
            V_th_dv[i] = dv; V_th_v[i] = tv; r[i] = rr;
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
