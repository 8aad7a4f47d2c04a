package org.nestj.engine.models;

import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * mat2_psc_exp — non-resetting leaky integrate-and-fire neuron with a multi-timescale adaptive
 * threshold (MAT(2), Kobayashi et al. 2009) and exponential postsynaptic currents
 * (NEST 3.9 models/mat2_psc_exp.{h,cpp}; doc: models/mat2_psc_exp.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m     (never reset)
 *   V_th = omega + H_1 + H_2,  dH_j/dt = -H_j/tau_j,  H_j += alpha_j at each spike
 *   spike if V >= V_th and the refractory period t_ref has elapsed
 * </pre>
 * Exact integration; weights >= 0 go to the excitatory synapse. Parameters, status, buffers: {@link Mat2Base}.
 */
public final class Mat2PscExp extends Mat2Base {
    double[] P11ex, P11in, P22expm1, P21ex, P21in, P20, P11th, P22th;

    public Mat2PscExp(int n) {
        super(n, 100.0, 5.0, 37.0, 2.0, 19.0);
    }

    @Override
    public Mat2PscExp make(int n) {
        return new Mat2PscExp(n);
    }

    private static final String[] RECORDABLES = {"V_m", "V_th"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        if (var == 0) return V_m[i] + E_L[i];
        return threshold(i);
    }

    @Override
    double threshold(int i) {
        return E_L[i] + omega[i] + V_th_1[i] + V_th_2[i];
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = new Common(i, s);
        p.readOmega(s);
        p.checkCapacitance();
        if (p.tau <= 0 || p.tex <= 0 || p.tin <= 0 || p.tr <= 0 || p.t1 <= 0 || p.t2 <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        if (p.tau == p.tex || p.tau == p.tin) {
            throw badProperty("Membrane and synapse time constant(s) must differ.See note in documentation.");
        }
        p.readState(s);
        setArchiving(i, s);
        p.commit();
    }

    @Override
    void allocatePropagators() {
        P11ex = new double[n]; P11in = new double[n]; P22expm1 = new double[n]; P21ex = new double[n];
        P21in = new double[n]; P20 = new double[n]; P11th = new double[n]; P22th = new double[n];
    }

    @Override
    void calibrateNode(int i, double h) {
        P11ex[i] = GlibcMath.exp(-h / tau_ex[i]);
        P11in[i] = GlibcMath.exp(-h / tau_in[i]);
        P22expm1[i] = GlibcMath.expm1(-h / Tau[i]);
        P21ex[i] = -Tau[i] / (C[i] * (1.0 - Tau[i] / tau_ex[i])) * P11ex[i]
                * GlibcMath.expm1(h * (1.0 / tau_ex[i] - 1.0 / Tau[i]));
        P21in[i] = -Tau[i] / (C[i] * (1.0 - Tau[i] / tau_in[i])) * P11in[i]
                * GlibcMath.expm1(h * (1.0 / tau_in[i] - 1.0 / Tau[i]));
        P20[i] = -Tau[i] / C[i] * P22expm1[i];
        P11th[i] = GlibcMath.exp(-h / tau_1[i]);
        P22th[i] = GlibcMath.exp(-h / tau_2[i]);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double v = V_m[i], iex = I_syn_ex[i], iin = I_syn_in[i], c0 = i_0[i], h1 = V_th_1[i], h2 = V_th_2[i];
            int rr = r[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                v = v * P22expm1[i] + v + iex * P21ex[i] + iin * P21in[i] + (I_e[i] + c0) * P20[i];
                h1 *= P11th[i];
                h2 *= P22th[i];
                iex *= P11ex[i];
                iin *= P11in[i];
                int slot = (int) (step % len);
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i, k0 = (I0 * len + slot) * n + i;
                iex += bd[kex];
                iin += bd[kin];
                if (rr == 0) {
                    if (v >= omega[i] + h2 + h1) {
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
                    record(step, i);
                }
            }
            V_m[i] = v; I_syn_ex[i] = iex; I_syn_in[i] = iin; i_0[i] = c0; V_th_1[i] = h1; V_th_2[i] = h2; r[i] = rr;
        }
    }
}
