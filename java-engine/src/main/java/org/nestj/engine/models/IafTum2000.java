package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_tum_2000 — leaky integrate-and-fire neuron with exponential postsynaptic currents whose
 * outgoing spikes carry the Tsodyks-Uziel-Markram (2000) short-term plasticity state of its
 * synapses (NEST 3.9 models/iaf_tum_2000.{h,cpp}; doc: models/iaf_tum_2000.html).
 *
 * <pre>
 *   membrane and synapses as iaf_psc_exp (current on receptor 1 filtered by the excitatory synapse);
 *   at each own spike, with h = t_spike - t_last_spike:
 *     u = u exp(-h/tau_fac);  x += Pxy y - Pzz (1 - x - y);  y = y exp(-h/tau_psc);  u += U (1 - u)
 *     dy = u x;  x -= dy;  y += dy;   the spike is sent with offset dy
 *   a spike arriving on receptor 1 is weighted by w * dy of the sender.
 * </pre>
 */
public final class IafTum2000 extends IafPscExpBase {
    static final int I1 = 3;
    @PerNode public double[] t_ref, rho, delta, tau_fac, tau_psc, tau_rec, U;
    @PerNode public double[] i_1, x, y, u;
    @PerNode public int[] r_ref;
    int[] refractoryCounts;

    public IafTum2000(int n) {
        super(n);
        t_ref = fill(n, 2.0);
        rho = fill(n, 0.01);
        delta = fill(n, 0.0);
        tau_fac = fill(n, 1000.0);
        tau_psc = fill(n, 2.0);
        tau_rec = fill(n, 400.0);
        U = fill(n, 0.5);
        i_1 = fill(n, 0.0);
        x = fill(n, 0.0);
        y = fill(n, 0.0);
        u = fill(n, 0.0);
        r_ref = fillI(n, 0);
    }

    @Override
    public IafTum2000 make(int n) {
        return new IafTum2000(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putMembraneAndSynapses(i, d);
        d.put("t_ref", t_ref[i]);
        d.put("rho", rho[i]);
        d.put("delta", delta[i]);
        d.put("tau_fac", tau_fac[i]);
        d.put("tau_psc", tau_psc[i]);
        d.put("tau_rec", tau_rec[i]);
        d.put("U", U[i]);
        d.put("V_m", V_m[i] + E_L[i]);
        d.put("x", x[i]);
        d.put("y", y[i]);
        d.put("u", u[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Membrane p = readMembrane(i, s, null);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double tf = s.d("tau_fac", tau_fac[i]);
        double tp = s.d("tau_psc", tau_psc[i]);
        double trc = s.d("tau_rec", tau_rec[i]);
        double uu = s.d("U", U[i]);
        if (p.vr >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tau <= 0 || tex <= 0 || tin <= 0 || tp <= 0 || trc <= 0) {
            throw badProperty("Membrane and synapse time constants must be strictly positive.");
        }
        if (tf < 0.0) throw badProperty("'tau_fac' must be >= 0.");
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        if (uu > 1.0 || uu < 0.0) throw badProperty("'U' must be in [0,1].");
        double rh = s.d("rho", rho[i]);
        if (rh < 0) throw badProperty("Stochastic firing intensity must not be negative.");
        double de = s.d("delta", delta[i]);
        if (de < 0) throw badProperty("Width of threshold region must not be negative.");
        double xx = s.d("x", x[i]);
        double yy = s.d("y", y[i]);
        if (xx + yy > 1.0) throw badProperty("x + y must be <= 1.0.");
        double su = s.d("u", u[i]);
        if (su > 1.0 || su < 0.0) throw badProperty("'u' must be in [0,1].");
        double v = p.relative(s, "V_m", V_m[i]);
        setArchiving(i, s);
        storeMembrane(i, p, null);
        tau_ex[i] = tex; tau_in[i] = tin; t_ref[i] = tr; rho[i] = rh; delta[i] = de;
        tau_fac[i] = tf; tau_psc[i] = tp; tau_rec[i] = trc; U[i] = uu;
        x[i] = xx; y[i] = yy; u[i] = su; V_m[i] = v;
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport > 1 || rport < 0) throw unknownReceptor(rport, "SpikeEvent");
        if (rport != 1 && src == model) {
            throw NestException.cannotConnect("iaf_tum_2000 neurons must be connected via receptor_type 1.");
        }
        return rport;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0 && rport != 1) throw unknownReceptor(rport, "CurrentEvent");
        return rport;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 4, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) {
            calibrateExp(i, h);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
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
            double v = V_m[i], iex = i_syn_ex[i], iin = i_syn_in[i], c0 = i_0[i], c1 = i_1[i];
            int rr = r_ref[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                if (rr == 0) {
                    v = v * P22[i] + iex * P21ex[i] + iin * P21in[i] + (I_e[i] + c0) * P20[i];
                } else {
                    --rr;
                }
                iex *= P11ex[i];
                iin *= P11in[i];
                iex += (1. - P11ex[i]) * c1;
                int slot = (int) (step % len);
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i;
                int k0 = (I0 * len + slot) * n + i, k1 = (I1 * len + slot) * n + i;
                iex += bd[kex];
                iin += bd[kin];
                boolean fire;
                if (delta[i] < 1e-10) {
                    fire = v >= Theta[i];
                } else if (delta[i] > 1e-10) {
                    Rng rng = nodeRng(i);
                    fire = rng.uniform() < rho[i] * GlibcMath.exp(1. / delta[i] * (v - Theta[i])) * h * 1e-3;
                } else {
                    fire = false;
                }
                if (fire) {
                    rr = refractoryCounts[i];
                    v = V_reset[i];
                    double tLast = t_spike[i];
                    if (tLast < 0.0) tLast = 0.0;
                    spiked(i, step + 1);
                    final double hT = t_spike[i] - tLast;
                    final double puu = tau_fac[i] == 0.0 ? 0.0 : GlibcMath.exp(-hT / tau_fac[i]);
                    final double pyy = GlibcMath.exp(-hT / tau_psc[i]);
                    final double pzz = GlibcMath.expm1(-hT / tau_rec[i]);
                    final double pxy = (pzz * tau_rec[i] - (pyy - 1.0) * tau_psc[i]) / (tau_psc[i] - tau_rec[i]);
                    final double z = 1.0 - x[i] - y[i];
                    u[i] *= puu;
                    x[i] += pxy * y[i] - pzz * z;
                    y[i] *= pyy;
                    u[i] += U[i] * (1.0 - u[i]);
                    final double dy = u[i] * x[i];
                    x[i] -= dy;
                    y[i] += dy;
                    out.spike(gid(i), lag, 1, dy);
                }
                c0 = bd[k0];
                c1 = bd[k1];
                bd[kex] = 0; bd[kin] = 0; bd[k0] = 0; bd[k1] = 0;
                if (rec && recordedBy[i] != null) {
                    V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin;
                    record(step, i);
                }
            }
            V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin; i_0[i] = c0; i_1[i] = c1; r_ref[i] = rr;
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        double s = weight * mult;
        if (rport == 1) s *= offset;
        buf.add(s > 0 ? EX : IN, step, i, s);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        if (rport == 0) buf.add(I0, step, i, current);
        else if (rport == 1) buf.add(I1, step, i, current);
    }

    /** NEST: iaf_tum_2000 is off-grid (its spikes carry the released fraction dy as offset). */
    @Override
    public boolean isOffGrid(int i) {
        return true;
    }

    /** NEST's iaf_tum_2000::send_test_event: the offset would be read as a spike time. */
    @Override
    public void checkSpikeTarget(NodeBlock target, int ti) {
        if (target.model != model && target.isOffGrid(ti)) {
            throw NestException.cannotConnect("iaf_tum_2000 neurons cannot be connected to precise spiking neurons.");
        }
    }
}
