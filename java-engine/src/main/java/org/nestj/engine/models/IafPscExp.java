package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_psc_exp — leaky integrate-and-fire neuron with exponential postsynaptic currents
 * (NEST 3.9 models/iaf_psc_exp.{h,cpp}; doc: models/iaf_psc_exp.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
 *   dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k delta(t - t_k)
 *   current on receptor 1 is filtered by the excitatory synapse: I_syn_ex += (1 - P11ex) I_1
 *   spike if V >= V_th (delta = 0), or with escape rate rho exp((V - V_th)/delta) if delta > 0
 * </pre>
 * Exact integration with the propagators of {@link IafPropagator}.
 */
public final class IafPscExp extends IafPscExpBase {
    static final int I1 = 3;
    /** false while no current source is connected: the update then skips the (all-zero) current channels */
    private volatile boolean currentInput;
    @PerNode public double[] t_ref, rho, delta;
    @PerNode public double[] i_1;
    @PerNode public int[] r_ref;
    int[] refractoryCounts;

    public IafPscExp(int n) {
        super(n);
        t_ref = fill(n, 2.0);
        rho = fill(n, 0.01);
        delta = fill(n, 0.0);
        i_1 = fill(n, 0.0);
        r_ref = fillI(n, 0);
    }

    @Override
    public IafPscExp make(int n) {
        return new IafPscExp(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putMembraneAndSynapses(i, d);
        d.put("t_ref", t_ref[i]);
        d.put("rho", rho[i]);
        d.put("delta", delta[i]);
        d.put("V_m", V_m[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Membrane p = readMembrane(i, s, null);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tr = s.d("t_ref", t_ref[i]);
        if (p.vr >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("Membrane and synapse time constants must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        double rh = s.d("rho", rho[i]);
        if (rh < 0) throw badProperty("Stochastic firing intensity must not be negative.");
        double de = s.d("delta", delta[i]);
        if (de < 0) throw badProperty("Width of threshold region must not be negative.");
        double v = p.relative(s, "V_m", V_m[i]);
        setArchiving(i, s);
        storeMembrane(i, p, null);
        tau_ex[i] = tex; tau_in[i] = tin; t_ref[i] = tr; rho[i] = rh; delta[i] = de; V_m[i] = v;
        // parameters read in every step (NEST: P_ in update) may change between the Run calls of a
        // RunManager without a new calibrate: per-node reads until the next calibrate
        uniform = false;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0 && rport != 1) throw unknownReceptor(rport, "CurrentEvent");
        currentInput = true;
        return rport;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 4, ringLen);
        useSpikeInput(buf, EX, IN);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) {
            calibrateExp(i, h);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
        uniform = true;
        for (int i = 1; i < n && uniform; i++) {
            uniform = P22[i] == P22[0] && P21ex[i] == P21ex[0] && P21in[i] == P21in[0] && P20[i] == P20[0]
                    && P11ex[i] == P11ex[0] && P11in[i] == P11in[0] && I_e[i] == I_e[0] && Theta[i] == Theta[0]
                    && V_reset[i] == V_reset[0] && refractoryCounts[i] == refractoryCounts[0]
                    && Double.compare(delta[i], delta[0]) == 0 && Double.compare(rho[i], rho[0]) == 0;
        }
    }

    /** true when all nodes share their parameters and propagators (checked in calibrate): read from index 0 */
    boolean uniform;

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        final boolean cur = currentInput;
        final boolean uni = uniform;
        final int slot0 = (int) ((origin + from) % len);
        final int[] lags = out.lagScratch(to - from);
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final int p = uni ? 0 : i;
            final double p22 = P22[p], p21ex = P21ex[p], p21in = P21in[p], p20 = P20[p], p11ex = P11ex[p], p11in = P11in[p];
            final double ie = I_e[p], theta = Theta[p];
            double v = V_m[i], iex = i_syn_ex[i], iin = i_syn_in[i], c0 = i_0[i], c1 = i_1[i];
            int rr = r_ref[i], nsp = 0;
            final boolean stochastic = delta[p] > 1e-10;
            int slot = slot0;
            for (int lag = from; lag < to; lag++, slot = slot + 1 == len ? 0 : slot + 1) {
                long step = origin + lag;
                if (rr == 0) {
                    v = v * p22 + iex * p21ex + iin * p21in + (ie + c0) * p20;
                } else {
                    --rr;
                }
                iex *= p11ex;
                iin *= p11in;
                iex += (1. - p11ex) * c1;
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i;
                int k0 = (I0 * len + slot) * n + i, k1 = (I1 * len + slot) * n + i;
                iex += bd[kex];
                iin += bd[kin];
                boolean fire;
                if (!stochastic) {
                    fire = delta[p] < 1e-10 && v >= theta;
                } else {
                    Rng rng = nodeRng(i);
                    fire = rng.uniform() < rho[p] * GlibcMath.exp(1. / delta[p] * (v - theta)) * h * 1e-3;
                }
                if (fire) {
                    rr = refractoryCounts[p];
                    v = V_reset[p];
                    lags[nsp++] = lag;
                }
                if (cur) {
                    c0 = bd[k0];
                    c1 = bd[k1];
                    bd[k0] = 0;
                    bd[k1] = 0;
                }
                bd[kex] = 0; bd[kin] = 0;
                if (rec && recordedBy[i] != null) {
                    V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin;
                    record(step, i);
                }
            }
            V_m[i] = v; i_syn_ex[i] = iex; i_syn_in[i] = iin; i_0[i] = c0; i_1[i] = c1; r_ref[i] = rr;
            emitSpikes(i, origin, lags, nsp, out);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        double s = weight * mult;
        buf.add(s > 0 ? EX : IN, step, i, s);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(rport == 1 ? I1 : I0, step, i, current);
    }
}
