package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
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
public final class IafPscExpHtum extends IafPscExpBase {
    @PerNode public double[] t_ref_abs, t_ref_tot;
    @PerNode public int[] r_abs, r_tot;
    int[] countsAbs, countsTot;

    public IafPscExpHtum(int n) {
        super(n);
        t_ref_abs = fill(n, 2.0);
        t_ref_tot = fill(n, 2.0);
        r_abs = fillI(n, 0);
        r_tot = fillI(n, 0);
    }

    @Override
    public IafPscExpHtum make(int n) {
        return new IafPscExpHtum(n);
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
        putMembraneAndSynapses(i, d);
        d.put("t_ref_abs", t_ref_abs[i]);
        d.put("t_ref_tot", t_ref_tot[i]);
        d.put("V_m", V_m[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Membrane p = readMembrane(i, s, null);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tra = s.d("t_ref_abs", t_ref_abs[i]);
        double trt = s.d("t_ref_tot", t_ref_tot[i]);
        if (p.vr >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (tra > trt) {
            throw badProperty("Total refractory period must be larger or equal than absolute refractory time.");
        }
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tau <= 0 || tex <= 0 || tin <= 0 || trt <= 0 || tra <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        double v = p.relative(s, "V_m", V_m[i]);
        setArchiving(i, s);
        storeMembrane(i, p, null);
        tau_ex[i] = tex; tau_in[i] = tin; t_ref_abs[i] = tra; t_ref_tot[i] = trt; V_m[i] = v;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 3, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (countsAbs == null) {
            countsAbs = new int[n]; countsTot = new int[n];
        }
        for (int i = 0; i < n; i++) {
            calibrateExp(i, h);
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
