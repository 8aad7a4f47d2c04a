package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * stdp_dopamine_synapse: dopamine-modulated STDP (Izhikevich 2007; Potjans et al. 2010; NEST
 * models/stdp_dopamine_synapse.{h,cpp}). Each connection has an eligibility trace c and a
 * dopamine trace n; the weight follows dw/dt = c (n - b), with
 * dc/dt = -c/tau_c + A_plus Kplus(t) delta(t - t_post) - A_minus K-(t) delta(t - t_pre) and
 * dn/dt = -n/tau_n + sum_dopa-spikes m/tau_n delta(t - t_d).
 * Between events the solution is exact: over an interval ending dt before the start,
 * w <- w - c0 (n0/tau_s expm1(tau_s (-dt)) - b tau_c expm1(-dt/tau_c)), tau_s = (tau_c + tau_n)/(tau_c tau_n),
 * clipped to [Wmin, Wmax]. The dopamine spikes come from the volume_transmitter named in the
 * common properties (with A_plus, A_minus, tau_plus, tau_c, tau_n, b, Wmin, Wmax); it also
 * triggers the update of all its synapses every deliver_interval min_delays
 * (trigger_update_weight). Per connection: weight, Kplus, c, n.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_dopamine_synapse.html
 */
public final class StdpDopamineSynapse extends StdpBase {
    static final int KPLUS = 0, C = 1, N = 2, DOPA_IDX = 3, T_LAST_UPDATE = 4, T_LAST = 5;
    static final int VT = 0, A_PLUS = 1, A_MINUS = 2, TAU_PLUS = 3, TAU_C = 4, TAU_N = 5, B = 6, WMIN = 7, WMAX = 8;

    public StdpDopamineSynapse() {
        super("stdp_dopamine_synapse", new String[] {"Kplus", "c", "n"}, new double[] {0.0, 0.0, 0.0},
                new String[] {"dopa_spikes_idx", "t_last_update", "t_lastspike"}, new double[] {0, 0.0, 0.0},
                new String[] {"volume_transmitter", "A_plus", "A_minus", "tau_plus", "tau_c", "tau_n", "b", "Wmin", "Wmax"},
                new double[] {0, 1.0, 1.5, 20.0, 1000.0, 200.0, 0.0, 0.0, 200.0}, 80, T_LAST);
        sizeofShown = false;
    }

    @Override
    public char commonKind(int j) {
        return j == VT ? 'n' : 'd';
    }

    @Override
    public void setCommon(Status s, double[] c, long[][] a, Kernel k) {
        if (s.has("volume_transmitter")) {
            long[] vt = s.la("volume_transmitter", null);
            if (vt.length != 1) throw bad("Property volume_transmitter must be a single element NodeCollection");
            NodeBlock b = vt[0] >= 1 && vt[0] <= k.nodes.size() ? k.nodes.blockOf(vt[0]) : null;
            if (!(b instanceof VolumeTransmitter)) {
                throw bad("Property volume_transmitter must be set to a node of type volume_transmitter");
            }
            c[VT] = vt[0];
        }
        for (int j = A_PLUS; j <= WMAX; j++) c[j] = s.d(commonKeys[j], c[j]);
    }

    @Override
    public void checkSynapseParams(Status synSpec, Kernel k) {
        if (k.parallel.threads() > 1) {
            for (String p : new String[] {"c", "n"}) {
                if (synSpec.has(p)) {
                    throw new org.nestj.engine.NestException("NotImplemented", "For multi-threading Connect doesn't support "
                            + "the setting of parameter " + p + " in stdp_dopamine_synapse. Use SetDefaults() or CopyModel().");
                }
            }
        }
    }

    @Override
    public long volumeTransmitter(SynapseModel m) {
        return (long) m.common[VT];
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[KPLUS] < 0) throw bad("Kplus must be non-negative.");
    }

    @Override
    public void checkModel(SynapseModel m) {
        if (m.common[VT] == 0) throw bad("No volume transmitter has been assigned to the dopamine synapse.");
    }

    /** update_weight_: the weight change over an interval of length -minusDt that starts with c0, n0 */
    private static void updateWeight(ConnStore c, int k, double c0, double n0, double minusDt, double[] cp) {
        final double taus = (cp[TAU_C] + cp[TAU_N]) / (cp[TAU_C] * cp[TAU_N]);
        double w = c.w[k] - c0 * (n0 / taus * NestNumerics.expm1(taus * minusDt) - cp[B] * cp[TAU_C] * NestNumerics.expm1(minusDt / cp[TAU_C]));
        if (w < cp[WMIN]) w = cp[WMIN];
        if (w > cp[WMAX]) w = cp[WMAX];
        c.w[k] = w;
    }

    /** update_dopamine_: n jumps by m/tau_n at the next dopamine spike */
    private static void updateDopamine(ConnStore c, int k, double[] dt, double[] dm, double[] cp) {
        int idx = (int) c.ext[DOPA_IDX][k];
        double minusDt = dt[idx] - dt[idx + 1];
        ++idx;
        c.ext[DOPA_IDX][k] = idx;
        c.ext[N][k] = c.ext[N][k] * GlibcMath.exp(minusDt / cp[TAU_N]) + dm[idx] / cp[TAU_N];
    }

    /** process_dopa_spikes_: advances weight, c and n from t0 to t1 through the dopamine spikes between */
    private static void processDopaSpikes(ConnStore c, int k, double[] dt, double[] dm, int dn, double t0, double t1,
            double[] cp, double eps) {
        final double[] cc = c.ext[C], nn = c.ext[N], ix = c.ext[DOPA_IDX];
        if (dn > (int) ix[k] + 1 && t1 - dt[(int) ix[k] + 1] > -1.0 * eps) {
            int idx = (int) ix[k];
            double n0 = nn[k] * GlibcMath.exp((dt[idx] - t0) / cp[TAU_N]);
            updateWeight(c, k, cc[k], n0, t0 - dt[idx + 1], cp);
            updateDopamine(c, k, dt, dm, cp);
            double cd;
            while (dn > (int) ix[k] + 1 && t1 - dt[(int) ix[k] + 1] > -1.0 * eps) {
                idx = (int) ix[k];
                cd = cc[k] * GlibcMath.exp((t0 - dt[idx]) / cp[TAU_C]);
                updateWeight(c, k, cd, nn[k], dt[idx] - dt[idx + 1], cp);
                updateDopamine(c, k, dt, dm, cp);
            }
            idx = (int) ix[k];
            cd = cc[k] * GlibcMath.exp((t0 - dt[idx]) / cp[TAU_C]);
            updateWeight(c, k, cd, nn[k], dt[idx] - t1, cp);
        } else {
            double n0 = nn[k] * GlibcMath.exp((dt[(int) ix[k]] - t0) / cp[TAU_N]);
            updateWeight(c, k, cc[k], n0, t0 - t1, cp);
        }
        cc[k] = cc[k] * GlibcMath.exp((t0 - t1) / cp[TAU_C]);
    }


    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double[] cp = x.model.common;
        final double tSpike = x.tSpike, d = x.delay, eps = x.kernel.connections.stdpEps;
        final long vg = (long) cp[VT];
        final VolumeTransmitter v = (VolumeTransmitter) x.kernel.nodes.blockOf(vg);
        final int vi = (int) (vg - v.firstGid);
        final double[] dt = v.scT[vi], dm = v.scM[vi];
        final int dn = v.scN[vi];
        final double[] kplus = c.ext[KPLUS], tlu = c.ext[T_LAST_UPDATE];
        SpikeArchive h = history(x, tlu[k], tSpike);
        double t0 = tlu[k];
        for (int j = h.from; j < h.to; j++) {
            processDopaSpikes(c, k, dt, dm, dn, t0, h.t[j] + d, cp, eps);
            t0 = h.t[j] + d;
            double minusDt = tlu[k] - t0;
            if (tSpike - h.t[j] > eps) c.ext[C][k] += cp[A_PLUS] * (kplus[k] * GlibcMath.exp(minusDt / cp[TAU_PLUS]));
        }
        processDopaSpikes(c, k, dt, dm, dn, t0, tSpike, cp, eps);
        c.ext[C][k] -= cp[A_MINUS] * kMinus(x);
        x.weight = c.w[k];
        kplus[k] = kplus[k] * GlibcMath.exp((tlu[k] - tSpike) / cp[TAU_PLUS]) + 1.0;
        tlu[k] = tSpike;
        c.ext[T_LAST][k] = tSpike;
        return true;
    }

    @Override
    public void triggerUpdateWeight(Ctx x, ConnStore c, int k, double tTrig) {
        final double[] cp = x.model.common;
        final double d = x.delay, eps = x.kernel.connections.stdpEps;
        final long vg = (long) cp[VT];
        final VolumeTransmitter v = (VolumeTransmitter) x.kernel.nodes.blockOf(vg);
        final int vi = (int) (vg - v.firstGid);
        final double[] dt = v.scT[vi], dm = v.scM[vi];
        final int dn = v.scN[vi];
        final double[] kplus = c.ext[KPLUS], tlu = c.ext[T_LAST_UPDATE];
        SpikeArchive h = history(x, tlu[k], tTrig);
        double t0 = tlu[k];
        for (int j = h.from; j < h.to; j++) {
            processDopaSpikes(c, k, dt, dm, dn, t0, h.t[j] + d, cp, eps);
            t0 = h.t[j] + d;
            double minusDt = tlu[k] - t0;
            c.ext[C][k] += cp[A_PLUS] * (kplus[k] * GlibcMath.exp(minusDt / cp[TAU_PLUS]));
        }
        processDopaSpikes(c, k, dt, dm, dn, t0, tTrig, cp, eps);
        c.ext[N][k] = c.ext[N][k] * GlibcMath.exp((dt[(int) c.ext[DOPA_IDX][k]] - tTrig) / cp[TAU_N]);
        kplus[k] = kplus[k] * GlibcMath.exp((tlu[k] - tTrig) / cp[TAU_PLUS]);
        tlu[k] = tTrig;
        c.ext[DOPA_IDX][k] = 0;
    }
}
