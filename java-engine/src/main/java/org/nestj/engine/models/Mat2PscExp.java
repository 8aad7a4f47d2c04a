package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

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
 * Exact integration; weights >= 0 go to the excitatory synapse.
 */
public final class Mat2PscExp extends NeuronBlock {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] E_L, I_e, C, Tau, tau_ex, tau_in, tau_ref, tau_1, tau_2, alpha_1, alpha_2, omega;
    @PerNode public double[] V_m, i_syn_ex, i_syn_in, i_0, V_th_1, V_th_2;
    @PerNode public int[] r;
    double[] P11ex, P11in, P22expm1, P21ex, P21in, P20, P11th, P22th;
    int[] countsTot;
    InputBuffer buf;

    public Mat2PscExp(int n) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        C = fill(n, 100.0);
        Tau = fill(n, 5.0);
        tau_ex = fill(n, 1.0);
        tau_in = fill(n, 3.0);
        tau_ref = fill(n, 2.0);
        tau_1 = fill(n, 10.0);
        tau_2 = fill(n, 200.0);
        alpha_1 = fill(n, 37.0);
        alpha_2 = fill(n, 2.0);
        omega = fill(n, 19.0);
        V_m = fill(n, 0.0);
        i_syn_ex = fill(n, 0.0);
        i_syn_in = fill(n, 0.0);
        i_0 = fill(n, 0.0);
        V_th_1 = fill(n, 0.0);
        V_th_2 = fill(n, 0.0);
        r = fillI(n, 0);
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
        return E_L[i] + omega[i] + V_th_1[i] + V_th_2[i];
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
        d.put("omega", omega[i] + E_L[i]);
        d.put("V_m", V_m[i] + E_L[i]);
        d.put("V_th", E_L[i] + omega[i] + V_th_1[i] + V_th_2[i]);
        d.put("V_th_alpha_1", V_th_1[i]);
        d.put("V_th_alpha_2", V_th_2[i]);
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
        double om = s.has("omega") ? s.d("omega", 0) - el : omega[i] - dEL;
        if (c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tau <= 0 || tex <= 0 || tin <= 0 || tr <= 0 || t1 <= 0 || t2 <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        if (tau == tex || tau == tin) {
            throw badProperty("Membrane and synapse time constant(s) must differ.See note in documentation.");
        }
        double v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
        double h1 = s.d("V_th_alpha_1", V_th_1[i]);
        double h2 = s.d("V_th_alpha_2", V_th_2[i]);
        setArchiving(i, s);
        E_L[i] = el; I_e[i] = ie; C[i] = c; Tau[i] = tau; tau_ex[i] = tex; tau_in[i] = tin; tau_ref[i] = tr;
        tau_1[i] = t1; tau_2[i] = t2; alpha_1[i] = a1; alpha_2[i] = a2; omega[i] = om;
        V_m[i] = v; V_th_1[i] = h1; V_th_2[i] = h2;
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
        if (P20 == null) {
            P11ex = new double[n]; P11in = new double[n]; P22expm1 = new double[n]; P21ex = new double[n];
            P21in = new double[n]; P20 = new double[n]; P11th = new double[n]; P22th = new double[n];
            countsTot = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P11ex[i] = Math.exp(-h / tau_ex[i]);
            P11in[i] = Math.exp(-h / tau_in[i]);
            P22expm1[i] = Math.expm1(-h / Tau[i]);
            P21ex[i] = -Tau[i] / (C[i] * (1.0 - Tau[i] / tau_ex[i])) * P11ex[i]
                    * Math.expm1(h * (1.0 / tau_ex[i] - 1.0 / Tau[i]));
            P21in[i] = -Tau[i] / (C[i] * (1.0 - Tau[i] / tau_in[i])) * P11in[i]
                    * Math.expm1(h * (1.0 / tau_in[i] - 1.0 / Tau[i]));
            P20[i] = -Tau[i] / C[i] * P22expm1[i];
            P11th[i] = Math.exp(-h / tau_1[i]);
            P22th[i] = Math.exp(-h / tau_2[i]);
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
            double v = V_m[i], iex = i_syn_ex[i], iin = i_syn_in[i], c0 = i_0[i], h1 = V_th_1[i], h2 = V_th_2[i];
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
                    V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin; V_th_1[i] = h1; V_th_2[i] = h2;
                    record(step, i);
                }
            }
            V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin; i_0[i] = c0; V_th_1[i] = h1; V_th_2[i] = h2; r[i] = rr;
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
