package org.nestj.engine.models;

import java.util.Map;

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
 * Exact integration with NEST's closed-form propagators; weights >= 0 go to the excitatory synapse. Common
 * parameters, status, buffers: {@link Mat2Base}.
 */
public final class Amat2PscExp extends Mat2Base {
    @PerNode public double[] beta, tau_v;
    @PerNode public double[] V_th_dv, V_th_v;
    double[] P11, P22, P33, P44, P55, P66, P77, P30, P31, P32, P60, P61, P62, P63, P70, P71, P72, P73, P76;

    public Amat2PscExp(int n) {
        super(n, 200.0, 10.0, 10.0, 0.0, 5.0);
        beta = fill(n, 0.0);
        tau_v = fill(n, 5.0);
        V_th_dv = fill(n, 0.0);
        V_th_v = fill(n, 0.0);
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
            case 3: return threshold(i);
            default: return V_th_v[i];
        }
    }

    @Override
    double threshold(int i) {
        return E_L[i] + omega[i] + V_th_1[i] + V_th_2[i] + V_th_v[i];
    }

    @Override
    void getModelParameters(int i, Map<String, Object> d) {
        d.put("beta", beta[i]);
        d.put("tau_v", tau_v[i]);
    }

    @Override
    void getModelState(int i, Map<String, Object> d) {
        d.put("V_th_v", V_th_v[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = new Common(i, s);
        double b = s.d("beta", beta[i]);
        double tv = s.d("tau_v", tau_v[i]);
        p.readOmega(s);
        p.checkCapacitance();
        if (p.tau <= 0 || p.tex <= 0 || p.tin <= 0 || p.tr <= 0 || p.t1 <= 0 || p.t2 <= 0 || tv <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        if (p.tau == p.tex || p.tau == p.tin || p.tau == tv) {
            throw badProperty("tau_m must differ from tau_syn_ex, tau_syn_in and tau_v. See note in documentation.");
        }
        if (tv == p.tex || tv == p.tin) {
            throw badProperty("tau_v must differ from tau_syn_ex, tau_syn_in and tau_m. See note in documentation.");
        }
        p.readState(s);
        double hv = s.d("V_th_v", V_th_v[i]);
        setArchiving(i, s);
        p.commit();
        beta[i] = b; tau_v[i] = tv;
        V_th_v[i] = hv;
    }

    /** NEST's std::pow(x, 2): the compiler folds pow(x, 2) into x * x (pow(x, 3) stays a call of glibc's pow). */
    private static double sq(double x) {
        return x * x;
    }

    @Override
    void allocatePropagators() {
        P11 = new double[n]; P22 = new double[n]; P33 = new double[n]; P44 = new double[n]; P55 = new double[n];
        P66 = new double[n]; P77 = new double[n]; P30 = new double[n]; P31 = new double[n]; P32 = new double[n];
        P60 = new double[n]; P61 = new double[n]; P62 = new double[n]; P63 = new double[n]; P70 = new double[n];
        P71 = new double[n]; P72 = new double[n]; P73 = new double[n]; P76 = new double[n];
    }

    @Override
    void calibrateNode(int i, double h) {
        final double c = C[i], b = beta[i], taum = Tau[i], tauE = tau_ex[i], tauI = tau_in[i], tauV = tau_v[i];
        final double eE = GlibcMath.exp(-h / tauE), eI = GlibcMath.exp(-h / tauI), em = GlibcMath.exp(-h / taum);
        final double e1 = GlibcMath.exp(-h / tau_1[i]), e2 = GlibcMath.exp(-h / tau_2[i]), eV = GlibcMath.exp(-h / tauV);
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
}
