package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * pp_psc_delta — point process (escape noise) neuron with delta-shaped postsynaptic currents,
 * spike-frequency adaptation and an optional (random) dead time (Cardanobile and Rotter 2010)
 * (NEST 3.9 models/pp_psc_delta.{h,cpp}; doc: models/pp_psc_delta.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_e + I_0)/C_m + sum_k w_k delta(t - t_k)
 *   E_sfa = sum_j q_j(t), dq_j/dt = -q_j/tau_sfa[j], q_j += q_sfa[j] at each spike
 *   rate = c_1 V' + c_2 exp(c_3 V'),  V' = V - E_sfa
 *   dead_time > 0: at most one spike per step, with probability 1 - exp(-rate h);
 *   dead_time = 0: Poisson number of spikes (sent as multiplicity). V = 0 after a spike if with_reset.
 * </pre>
 * Random draws use the node's own stream.
 */
public final class PpPscDelta extends NeuronBlock {
    @PerNode public double[] tau_m, c_m, dead_time, c_1, c_2, c_3, I_e, t_ref_remaining;
    @PerNode public boolean[] dead_time_random, with_reset, multi_param, initialized, stateInit;
    @PerNode public long[] dead_time_shape;
    @PerNode public double[][] tau_sfa, q_sfa, q_elems;
    @PerNode public double[] y0, y3, q;
    @PerNode public int[] r;
    double[] P33, P30, dtRate;
    double[][] Q33;
    int[] deadTimeCounts;
    InputBuffer buf; // channel 0: spikes, channel 1: currents

    public PpPscDelta(int n) {
        super(n);
        tau_m = fill(n, 10.0);
        c_m = fill(n, 250.0);
        dead_time = fill(n, 1.0);
        dead_time_random = fillB(n, false);
        dead_time_shape = fillL(n, 1);
        with_reset = fillB(n, true);
        multi_param = fillB(n, true);
        c_1 = fill(n, 0.0);
        c_2 = fill(n, 1.238);
        c_3 = fill(n, 0.25);
        I_e = fill(n, 0.0);
        t_ref_remaining = fill(n, 0.0);
        tau_sfa = GifPscExp.empty(n);
        q_sfa = GifPscExp.empty(n);
        q_elems = GifPscExp.empty(n);
        y0 = fill(n, 0.0);
        y3 = fill(n, 0.0);
        q = fill(n, 0.0);
        r = fillI(n, 0);
        initialized = fillB(n, false);
        stateInit = fillB(n, false);
        Q33 = new double[n][];
    }

    @Override
    public PpPscDelta make(int n) {
        return new PpPscDelta(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? q[i] : y3[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("I_e", I_e[i]);
        d.put("C_m", c_m[i]);
        d.put("tau_m", tau_m[i]);
        d.put("dead_time", dead_time[i]);
        d.put("dead_time_random", dead_time_random[i]);
        d.put("dead_time_shape", dead_time_shape[i]);
        d.put("with_reset", with_reset[i]);
        d.put("c_1", c_1[i]);
        d.put("c_2", c_2[i]);
        d.put("c_3", c_3[i]);
        d.put("t_ref_remaining", t_ref_remaining[i]);
        if (multi_param[i]) {
            d.put("tau_sfa", tau_sfa[i].clone());
            d.put("q_sfa", q_sfa[i].clone());
        } else if (tau_sfa[i].length == 0) {
            d.put("tau_sfa", 0.0);
            d.put("q_sfa", 0.0);
        } else {
            d.put("tau_sfa", tau_sfa[i][0]);
            d.put("q_sfa", q_sfa[i][0]);
        }
        d.put("V_m", y3[i]);
        d.put("E_sfa", q[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ie = s.d("I_e", I_e[i]);
        double cm = s.d("C_m", c_m[i]);
        double tm = s.d("tau_m", tau_m[i]);
        double dt = s.d("dead_time", dead_time[i]);
        boolean dtr = s.b("dead_time_random", dead_time_random[i]);
        long dts = s.l("dead_time_shape", dead_time_shape[i]);
        boolean wr = s.b("with_reset", with_reset[i]);
        double a1 = s.d("c_1", c_1[i]);
        double a2 = s.d("c_2", c_2[i]);
        double a3 = s.d("c_3", c_3[i]);
        double trr = s.d("t_ref_remaining", t_ref_remaining[i]);
        double[] ts = tau_sfa[i], qs = q_sfa[i];
        boolean mp = multi_param[i];
        Object rt = s.has("tau_sfa") ? s.raw("tau_sfa") : null;
        Object rq = s.has("q_sfa") ? s.raw("q_sfa") : null;
        if (rt instanceof Number || rq instanceof Number) {
            // NEST: a scalar raises TypeMismatch for the list form; both are then read as scalars and appended
            mp = false;
            double tv = rt instanceof Number ? ((Number) rt).doubleValue() : 0.0;
            double qv = rq instanceof Number ? ((Number) rq).doubleValue() : 0.0;
            if (rt != null && !(rt instanceof Number)) ts = s.da("tau_sfa", ts);
            ts = Arrays.copyOf(ts, ts.length + 1);
            ts[ts.length - 1] = tv;
            qs = Arrays.copyOf(qs, qs.length + 1);
            qs[qs.length - 1] = qv;
        } else {
            ts = s.da("tau_sfa", ts);
            qs = s.da("q_sfa", qs);
        }
        if (ts.length != qs.length) {
            throw badProperty("'tau_sfa' and 'q_sfa' need to have the same dimension.\nSize of tau_sfa: " + ts.length
                    + "\nSize of q_sfa: " + qs.length);
        }
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (dt < 0) throw badProperty("Absolute refractory time must not be negative.");
        if (dts < 1) throw badProperty("Shape of the dead time gamma distribution must not be smaller than 1.");
        if (tm <= 0) throw badProperty("All time constants must be strictly positive.");
        for (double t : ts) {
            if (t <= 0) throw badProperty("All time constants must be strictly positive.");
        }
        if (trr < 0) throw badProperty("Remaining refractory time can not be negative.");
        if (a3 < 0) throw badProperty("c_3 must be positive.");
        double v = s.d("V_m", y3[i]);
        double e = s.d("E_sfa", q[i]);
        setArchiving(i, s);
        I_e[i] = ie; c_m[i] = cm; tau_m[i] = tm; dead_time[i] = dt; dead_time_random[i] = dtr;
        dead_time_shape[i] = dts; with_reset[i] = wr; c_1[i] = a1; c_2[i] = a2; c_3[i] = a3;
        t_ref_remaining[i] = trr; tau_sfa[i] = ts; q_sfa[i] = qs; multi_param[i] = mp;
        y3[i] = v; q[i] = e;
        initialized[i] = false;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
        for (int i = 0; i < n; i++) {
            if (!stateInit[i]) { // NEST's init_state_, once per node
                r[i] = (int) kernel.time.msToSteps(t_ref_remaining[i]);
                stateInit[i] = true;
            }
        }
    }

    @Override
    public void calibrate() {
        final double h = kernel.time.resolution();
        if (P33 == null) {
            P33 = new double[n]; P30 = new double[n]; dtRate = new double[n]; deadTimeCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P33[i] = GlibcMath.exp(-h / tau_m[i]);
            P30[i] = 1 / c_m[i] * (1 - P33[i]) * tau_m[i];
            if (dead_time[i] != 0 && dead_time[i] < h) dead_time[i] = h;
            if (!initialized[i] || Q33[i] == null) {
                int m = tau_sfa[i].length;
                Q33[i] = new double[m];
                for (int k = 0; k < m; k++) Q33[i][k] = GlibcMath.exp(-h / tau_sfa[i][k]);
                q_elems[i] = new double[m];
                initialized[i] = true;
            }
            if (dead_time_random[i]) {
                dtRate[i] = dead_time_shape[i] / dead_time[i];
            } else {
                deadTimeCounts[i] = (int) kernel.time.msToSteps(dead_time[i]);
            }
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
            final double[] qe = q_elems[i], q33 = Q33[i], qs = q_sfa[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                int slot = (int) (step % len);
                int ks = slot * n + i, kc = (len + slot) * n + i;
                y3[i] = P30[i] * (y0[i] + I_e[i]) + P33[i] * y3[i] + bd[ks];
                double qt = 0;
                for (int k = 0; k < qe.length; k++) {
                    qe[k] = q33[k] * qe[k];
                    qt += qe[k];
                }
                q[i] = qt;
                if (r[i] == 0) {
                    final double vEff = y3[i] - q[i];
                    final double rate = c_1[i] * vEff + c_2[i] * GlibcMath.exp(c_3[i] * vEff);
                    if (rate > 0.0) {
                        long nSpikes = 0;
                        Rng rng = nodeRng(i);
                        if (dead_time[i] > 0.0) {
                            if (rng.uniform() <= -NestNumerics.expm1(-rate * h * 1e-3)) nSpikes = 1;
                        } else {
                            nSpikes = rng.poisson(rate * h * 1e-3);
                        }
                        if (nSpikes > 0) {
                            if (dead_time_random[i]) {
                                r[i] = (int) kernel.time.msToSteps(rng.gamma(dead_time_shape[i]) / dtRate[i]);
                            } else {
                                r[i] = deadTimeCounts[i];
                            }
                            for (int k = 0; k < qe.length; k++) qe[k] += qs[k] * nSpikes;
                            out.spike(gid(i), lag, (int) nSpikes);
                            for (long m = 0; m < nSpikes; m++) spiked(i, step + 1);
                            if (with_reset[i]) y3[i] = 0.0;
                        }
                    }
                } else {
                    --r[i];
                }
                y0[i] = bd[kc];
                bd[ks] = 0;
                bd[kc] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(0, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(1, step, i, current);
    }
}
