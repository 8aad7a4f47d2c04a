package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_psc_delta — leaky integrate-and-fire neuron with delta-shaped postsynaptic currents
 * (NEST 3.9 models/iaf_psc_delta.{h,cpp}; doc: models/iaf_psc_delta.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_e + I_0)/C_m + sum_k w_k delta(t - t_k)   (w in mV)
 * </pre>
 * Exact integration; spikes arriving during refractoriness are dropped, or, with
 * refractory_input, added after the refractory period discounted by exp(-r h / tau_m).
 */
public final class IafPscDelta extends IafPscBase {
    static final int SP = 0, CU = 1;
    @PerNode public double[] V_min, t_ref, y0, y3, refr_spikes_buffer;
    @PerNode public boolean[] with_refr_input;
    @PerNode public int[] r;
    double[] P33, P30;
    int[] refractoryCounts;
    InputBuffer buf;

    public IafPscDelta(int n) {
        super(n);
        V_min = fill(n, -Double.MAX_VALUE);
        t_ref = fill(n, 2.0);
        y0 = fill(n, 0.0);
        y3 = fill(n, 0.0);
        refr_spikes_buffer = fill(n, 0.0);
        with_refr_input = fillB(n, false);
        r = fillI(n, 0);
    }

    @Override
    public IafPscDelta make(int n) {
        return new IafPscDelta(n);
    }

    private static final String[] RECORDABLES = {"V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return y3[i] + E_L[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putMembrane(i, d, V_min);
        d.put("t_ref", t_ref[i]);
        d.put("refractory_input", with_refr_input[i]);
        d.put("V_m", y3[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Membrane p = readMembrane(i, s, V_min);
        double tr = s.d("t_ref", t_ref[i]);
        if (p.vr >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.c <= 0) throw badProperty("Capacitance must be > 0.");
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        if (p.tau <= 0) throw badProperty("Membrane time constant must be > 0.");
        boolean ri = s.b("refractory_input", with_refr_input[i]);
        double v = p.relative(s, "V_m", y3[i]);
        setArchiving(i, s);
        storeMembrane(i, p, V_min);
        t_ref[i] = tr; with_refr_input[i] = ri; y3[i] = v;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
        useSpikeInput(buf, SP, SP);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P33 == null) {
            P33 = new double[n];
            P30 = new double[n];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P33[i] = GlibcMath.exp(-h / Tau[i]);
            P30[i] = 1 / C[i] * (1 - P33[i]) * Tau[i];
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        final int[] lags = out.lagScratch(to - from);
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double v = y3[i], cur = y0[i], rb = refr_spikes_buffer[i];
            int ri = r[i], nsp = 0;
            final boolean wri = with_refr_input[i];
            int slot = (int) ((origin + from) % len);
            for (int lag = from; lag < to; lag++, slot = slot + 1 == len ? 0 : slot + 1) {
                long step = origin + lag;
                int ks = (SP * len + slot) * n + i, kc = (CU * len + slot) * n + i;
                double sp = bd[ks];
                bd[ks] = 0;
                if (ri == 0) {
                    v = P30[i] * (cur + I_e[i]) + P33[i] * v + sp;
                    if (wri && rb != 0.0) {
                        v += rb;
                        rb = 0.0;
                    }
                    v = v < V_min[i] ? V_min[i] : v;
                } else {
                    if (wri) {
                        rb += sp * GlibcMath.exp(-ri * h / Tau[i]);
                    }
                    --ri;
                }
                if (v >= Theta[i]) {
                    ri = refractoryCounts[i];
                    v = V_reset[i];
                    lags[nsp++] = lag;
                }
                cur = bd[kc];
                bd[kc] = 0;
                if (rec && recordedBy[i] != null) {
                    y3[i] = v;
                    record(step, i);
                }
            }
            y3[i] = v; y0[i] = cur; r[i] = ri; refr_spikes_buffer[i] = rb;
            emitSpikes(i, origin, lags, nsp, out);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(SP, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CU, step, i, current);
    }
}
