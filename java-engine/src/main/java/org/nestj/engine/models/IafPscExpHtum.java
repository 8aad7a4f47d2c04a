package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;

/**
 * iaf_psc_exp_htum — leaky integrate-and-fire neuron with exponential postsynaptic currents and
 * separate absolute and total (relative) refractory periods (Hill-Tononi / Tsodyks-Uziel-Markram)
 * (NEST 3.9 models/iaf_psc_exp_htum.{h,cpp}; doc: models/iaf_psc_exp_htum.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
 *   dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k delta(t - t_k)
 *   V clamped for t_ref_abs after a spike; no new spike before t_ref_tot has elapsed.
 * </pre>
 * Exact integration with {@link IafPropagator#exp}; weights >= 0 go to the excitatory synapse.
 */
public final class IafPscExpHtum extends NeuronBlock {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] E_L, I_e, Theta, V_reset, C, Tau, tau_ex, tau_in, t_ref_abs, t_ref_tot;
    @PerNode public double[] V_m, i_syn_ex, i_syn_in, i_0;
    @PerNode public int[] r_abs, r_tot;
    double[] P11ex, P11in, P22, P21ex, P21in, P20;
    int[] countsAbs, countsTot;
    InputBuffer buf;

    public IafPscExpHtum(int n) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        Theta = fill(n, -55.0 - -70.0);
        V_reset = fill(n, 0.0);
        C = fill(n, 250.0);
        Tau = fill(n, 10.0);
        tau_ex = fill(n, 2.0);
        tau_in = fill(n, 2.0);
        t_ref_abs = fill(n, 2.0);
        t_ref_tot = fill(n, 2.0);
        V_m = fill(n, 0.0);
        i_syn_ex = fill(n, 0.0);
        i_syn_in = fill(n, 0.0);
        i_0 = fill(n, 0.0);
        r_abs = fillI(n, 0);
        r_tot = fillI(n, 0);
    }

    @Override
    public IafPscExpHtum make(int n) {
        return new IafPscExpHtum(n);
    }

    private static final String[] RECORDABLES = {"I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return i_syn_ex[i];
            case 1: return i_syn_in[i];
            // NEST 3.9's recordable V_m of this model is relative to E_L (get_V_m_ returns S_.V_m_)
            default: return V_m[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("V_th", Theta[i] + E_L[i]);
        d.put("V_reset", V_reset[i] + E_L[i]);
        d.put("C_m", C[i]);
        d.put("tau_m", Tau[i]);
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
        d.put("t_ref_abs", t_ref_abs[i]);
        d.put("t_ref_tot", t_ref_tot[i]);
        d.put("V_m", V_m[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double el = s.d("E_L", E_L[i]);
        double dEL = el - E_L[i];
        double vr = s.has("V_reset") ? s.d("V_reset", 0) - el : V_reset[i] - dEL;
        double th = s.has("V_th") ? s.d("V_th", 0) - el : Theta[i] - dEL;
        double ie = s.d("I_e", I_e[i]);
        double c = s.d("C_m", C[i]);
        double tau = s.d("tau_m", Tau[i]);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tra = s.d("t_ref_abs", t_ref_abs[i]);
        double trt = s.d("t_ref_tot", t_ref_tot[i]);
        if (vr >= th) throw badProperty("Reset potential must be smaller than threshold.");
        if (tra > trt) {
            throw badProperty("Total refractory period must be larger or equal than absolute refractory time.");
        }
        if (c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tau <= 0 || tex <= 0 || tin <= 0 || trt <= 0 || tra <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        double v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
        setArchiving(i, s);
        E_L[i] = el; V_reset[i] = vr; Theta[i] = th; I_e[i] = ie; C[i] = c; Tau[i] = tau;
        tau_ex[i] = tex; tau_in[i] = tin; t_ref_abs[i] = tra; t_ref_tot[i] = trt; V_m[i] = v;
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
            P11ex = new double[n]; P11in = new double[n]; P22 = new double[n]; P21ex = new double[n];
            P21in = new double[n]; P20 = new double[n]; countsAbs = new int[n]; countsTot = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P11ex[i] = Math.exp(-h / tau_ex[i]);
            P11in[i] = Math.exp(-h / tau_in[i]);
            P22[i] = Math.exp(-h / Tau[i]);
            P21ex[i] = IafPropagator.exp(tau_ex[i], Tau[i], C[i], h);
            P21in[i] = IafPropagator.exp(tau_in[i], Tau[i], C[i], h);
            P20[i] = Tau[i] / C[i] * (1.0 - P22[i]);
            countsAbs[i] = (int) kernel.time.msToSteps(t_ref_abs[i]);
            countsTot[i] = (int) kernel.time.msToSteps(t_ref_tot[i]);
            if (countsAbs[i] < 1) throw badProperty("Absolute refractory time must be at least one time step.");
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
            double v = V_m[i], iex = i_syn_ex[i], iin = i_syn_in[i], c0 = i_0[i];
            int ra = r_abs[i], rt = r_tot[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                if (ra == 0) {
                    v = v * P22[i] + iex * P21ex[i] + iin * P21in[i] + (I_e[i] + c0) * P20[i];
                } else {
                    --ra;
                }
                iex *= P11ex[i];
                iin *= P11in[i];
                int slot = (int) (step % len);
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i, k0 = (I0 * len + slot) * n + i;
                iex += bd[kex];
                iin += bd[kin];
                if (rt == 0) {
                    if (v >= Theta[i]) {
                        ra = countsAbs[i];
                        rt = countsTot[i];
                        v = V_reset[i];
                        spiked(i, step + 1);
                        out.spike(gid(i), lag, 1);
                    }
                } else {
                    --rt;
                }
                c0 = bd[k0];
                bd[kex] = 0; bd[kin] = 0; bd[k0] = 0;
                if (rec && recordedBy[i] != null) {
                    V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin;
                    record(step, i);
                }
            }
            V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin; i_0[i] = c0; r_abs[i] = ra; r_tot[i] = rt;
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
