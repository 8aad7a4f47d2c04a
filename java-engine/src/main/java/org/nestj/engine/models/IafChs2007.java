package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_chs_2007 — spike-response model of Carandini, Horton and Sincich (2007), with alpha-shaped
 * EPSPs, an exponentially decaying reset (after-hyperpolarisation) and an optional noise signal
 * (NEST 3.9 models/iaf_chs_2007.{h,cpp}; doc: models/iaf_chs_2007.html).
 *
 * <pre>
 *   V = V_syn + V_spike + V_noise * noise[k]            (normalised units, threshold 1)
 *   V_syn: alpha EPSP of amplitude V_epsp and time constant tau_epsp per unit weight
 *   V_spike decays with tau_reset and drops by V_reset at each spike
 * </pre>
 * Exact integration; only non-negative weights are accepted (others are ignored, as in NEST).
 */
public final class IafChs2007 extends NeuronBlock {
    @PerNode public double[] tau_epsp, tau_reset, U_epsp, U_reset, U_noise;
    @PerNode public double[][] noise;
    @PerNode public double[] i_syn_ex, V_syn, V_spike, V_m;
    @PerNode public int[] position;
    static final double E_L = 0.0, U_TH = 1.0, C = 1.0;
    double[] P11ex, P22, P30, P21ex, P20;
    InputBuffer buf;

    public IafChs2007(int n) {
        super(n);
        tau_epsp = fill(n, 8.5);
        tau_reset = fill(n, 15.4);
        U_epsp = fill(n, 0.77);
        U_reset = fill(n, 2.31);
        U_noise = fill(n, 0.0);
        noise = new double[n][];
        for (int i = 0; i < n; i++) noise[i] = new double[0];
        i_syn_ex = fill(n, 0.0);
        V_syn = fill(n, 0.0);
        V_spike = fill(n, 0.0);
        V_m = fill(n, 0.0);
        position = fillI(n, 0);
    }

    @Override
    public IafChs2007 make(int n) {
        return new IafChs2007(n);
    }

    private static final String[] RECORDABLES = {"V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return V_m[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_reset", U_reset[i]);
        d.put("V_epsp", U_epsp[i]);
        d.put("tau_epsp", tau_epsp[i]);
        d.put("tau_reset", tau_reset[i]);
        d.put("V_noise", U_noise[i]);
        d.put("noise", noise[i].clone());
        d.put("V_m", V_m[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ur = s.d("V_reset", U_reset[i]);
        double ue = s.d("V_epsp", U_epsp[i]);
        double te = s.d("tau_epsp", tau_epsp[i]);
        double tr = s.d("tau_reset", tau_reset[i]);
        double un = s.d("V_noise", U_noise[i]);
        double[] nz = noise[i];
        if (s.has("noise")) {
            nz = s.da("noise", nz);
            position[i] = 0; // NEST resets the read position even if a later check fails
        }
        if (ue < 0) throw badProperty("EPSP cannot be negative.");
        if (ur < 0) throw badProperty("Reset potential cannot be negative.");
        if (te <= 0 || tr <= 0) throw badProperty("All time constants must be strictly positive.");
        double v = s.d("V_m", V_m[i]);
        setArchiving(i, s);
        U_reset[i] = ur; U_epsp[i] = ue; tau_epsp[i] = te; tau_reset[i] = tr; U_noise[i] = un; noise[i] = nz;
        V_m[i] = v;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P20 == null) {
            P11ex = new double[n]; P22 = new double[n]; P30 = new double[n]; P21ex = new double[n]; P20 = new double[n];
        }
        for (int i = 0; i < n; i++) {
            P11ex[i] = GlibcMath.exp(-h / tau_epsp[i]);
            P22[i] = GlibcMath.exp(-h / tau_epsp[i]);
            P30[i] = GlibcMath.exp(-h / tau_reset[i]);
            P21ex[i] = U_epsp[i] * Math.E / C * P11ex[i] * h / tau_epsp[i];
            P20[i] = tau_epsp[i] / C * (1.0 - P22[i]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] nz = noise[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                V_syn[i] = V_syn[i] * P22[i] + i_syn_ex[i] * P21ex[i];
                i_syn_ex[i] *= P11ex[i];
                int k = (int) (step % len) * n + i;
                i_syn_ex[i] += bd[k];
                bd[k] = 0;
                V_spike[i] *= P30[i];
                double noiseTerm = 0.0;
                if (U_noise[i] > 0.0 && nz.length > 0) {
                    // NEST reads past the end of the noise signal (undefined); nestj uses 0 there
                    int p = position[i]++;
                    noiseTerm = p < nz.length ? U_noise[i] * nz[p] : 0.0;
                }
                V_m[i] = V_syn[i] + V_spike[i] + noiseTerm;
                if (V_m[i] >= U_TH) {
                    V_spike[i] -= U_reset[i];
                    V_m[i] -= U_reset[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight >= 0.0) buf.add(0, step, i, weight * mult);
    }
}
