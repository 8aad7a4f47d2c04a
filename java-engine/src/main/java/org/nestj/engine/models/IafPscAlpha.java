package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * iaf_psc_alpha — leaky integrate-and-fire neuron with alpha-shaped postsynaptic currents
 * (NEST 3.9 models/iaf_psc_alpha.{h,cpp}; doc: models/iaf_psc_alpha.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
 *   I_syn_X(t) = sum_k w_k e/tau_syn_X (t - t_k) exp(-(t - t_k)/tau_syn_X)
 *   V >= V_th: spike, V = V_reset, clamped for t_ref; V >= V_min always.
 * </pre>
 * Integrated exactly (Rotter and Diesmann 1999) with the propagators of {@link IafPropagator};
 * positive weights go to the excitatory, others to the inhibitory synapse.
 */
public final class IafPscAlpha extends IafPscBase {
    static final int EX = 0, IN = 1, I0 = 2;
    /** false while no current source is connected: the update then skips the (all-zero) current channel */
    private volatile boolean currentInput;
    // parameters (voltages relative to E_L, as in NEST)
    @PerNode public double[] LowerBound, TauR, tau_ex, tau_in;
    // state
    @PerNode public double[] y0, dI_ex, I_ex, dI_in, I_in, y3;
    @PerNode public int[] r;
    // derived (pre_run_hook)
    double[] P11_ex, P21_ex, P22_ex, P31_ex, P32_ex, P11_in, P21_in, P22_in, P31_in, P32_in, P30, P33, expm1_tau_m, EPSCInit, IPSCInit;
    int[] refractoryCounts;
    /** all nodes share parameters: read per-node parameters and propagators at index 0 */
    boolean uniform;
    InputBuffer buf;

    public IafPscAlpha(int n) {
        super(n);
        LowerBound = fill(n, Double.NEGATIVE_INFINITY);
        TauR = fill(n, 2.0);
        tau_ex = fill(n, 2.0);
        tau_in = fill(n, 2.0);
        y0 = fill(n, 0);
        dI_ex = fill(n, 0);
        I_ex = fill(n, 0);
        dI_in = fill(n, 0);
        I_in = fill(n, 0);
        y3 = fill(n, 0);
        r = fillI(n, 0);
    }

    @Override
    public IafPscAlpha make(int n) {
        return new IafPscAlpha(n);
    }

    private static final String[] RECORDABLES = {"I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return I_ex[i];
            case 1: return I_in[i];
            default: return y3[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putMembrane(i, d, LowerBound);
        d.put("t_ref", TauR[i]);
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
        d.put("V_m", y3[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Membrane p = readMembrane(i, s, LowerBound);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        double tr = s.d("t_ref", TauR[i]);
        if (p.c <= 0.0) throw badProperty("Capacitance must be > 0.");
        if (p.tau <= 0.0) throw badProperty("Membrane time constant must be > 0.");
        if (tex <= 0.0 || tin <= 0.0) throw badProperty("All synaptic time constants must be > 0.");
        if (tr < 0.0) throw badProperty("The refractory time t_ref can't be negative.");
        if (p.vr >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        double v = p.relative(s, "V_m", y3[i]);
        setArchiving(i, s);
        storeMembrane(i, p, LowerBound);
        tau_ex[i] = tex;
        tau_in[i] = tin;
        TauR[i] = tr;
        y3[i] = v;
        // I_e, V_th, V_reset, V_min are read in every step (NEST: P_ in update), also between the Run
        // calls of a RunManager without a new calibrate: per-node reads until the next calibrate
        uniform = false;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        currentInput = true;
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 3, ringLen);
        useSpikeInput(buf, EX, IN);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P30 == null) {
            P11_ex = new double[n]; P21_ex = new double[n]; P22_ex = new double[n]; P31_ex = new double[n]; P32_ex = new double[n];
            P11_in = new double[n]; P21_in = new double[n]; P22_in = new double[n]; P31_in = new double[n]; P32_in = new double[n];
            P30 = new double[n]; P33 = new double[n]; expm1_tau_m = new double[n]; EPSCInit = new double[n]; IPSCInit = new double[n];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            P11_ex[i] = P22_ex[i] = GlibcMath.exp(-h / tau_ex[i]);
            P11_in[i] = P22_in[i] = GlibcMath.exp(-h / tau_in[i]);
            P33[i] = GlibcMath.exp(-h / Tau[i]);
            expm1_tau_m[i] = NestNumerics.expm1(-h / Tau[i]);
            P30[i] = -Tau[i] / C[i] * NestNumerics.expm1(-h / Tau[i]);
            P21_ex[i] = h * P11_ex[i];
            P21_in[i] = h * P11_in[i];
            double[] pe = IafPropagator.alpha(tau_ex[i], Tau[i], C[i], h);
            P31_ex[i] = pe[0];
            P32_ex[i] = pe[1];
            double[] pi = IafPropagator.alpha(tau_in[i], Tau[i], C[i], h);
            P31_in[i] = pi[0];
            P32_in[i] = pi[1];
            EPSCInit[i] = 1.0 * Math.E / tau_ex[i];
            IPSCInit[i] = 1.0 * Math.E / tau_in[i];
            refractoryCounts[i] = (int) kernel.time.msToSteps(TauR[i]);
        }
        uniform = true;
        for (int i = 1; i < n && uniform; i++) {
            uniform = I_e[i] == I_e[0] && Theta[i] == Theta[0] && LowerBound[i] == LowerBound[0] && V_reset[i] == V_reset[0]
                    && P30[i] == P30[0] && P31_ex[i] == P31_ex[0] && P32_ex[i] == P32_ex[0] && P31_in[i] == P31_in[0]
                    && P32_in[i] == P32_in[0] && expm1_tau_m[i] == expm1_tau_m[0] && P21_ex[i] == P21_ex[0]
                    && P22_ex[i] == P22_ex[0] && P11_ex[i] == P11_ex[0] && P21_in[i] == P21_in[0] && P22_in[i] == P22_in[0]
                    && P11_in[i] == P11_in[0] && EPSCInit[i] == EPSCInit[0] && IPSCInit[i] == IPSCInit[0]
                    && refractoryCounts[i] == refractoryCounts[0];
        }
    }

    /**
     * Node by node, each over the steps of the slice: a node's state stays in registers, and the
     * ring-buffer cells a node reads lie in the same few cache lines as its neighbours'. When all
     * nodes share their parameters (checked in calibrate) propagators are read from index 0.
     */
    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len, nn = n;
        final boolean rec = recording();
        final boolean fr = frozen != null;
        final boolean uni = uniform;
        final boolean cur = currentInput;
        final int slot0 = (int) ((origin + from) % len);
        final int[] lags = out.lagScratch(to - from);
        for (int i = i0; i < i1; i++) {
            if (fr && frozen[i]) continue;
            final int p = uni ? 0 : i;
            final double p30 = P30[p], p31e = P31_ex[p], p32e = P32_ex[p], p31i = P31_in[p], p32i = P32_in[p];
            final double em1 = expm1_tau_m[p], p21e = P21_ex[p], p22e = P22_ex[p], p11e = P11_ex[p];
            final double p21i = P21_in[p], p22i = P22_in[p], p11i = P11_in[p], epsc = EPSCInit[p], ipsc = IPSCInit[p];
            final double ie = I_e[p], lower = LowerBound[p], theta = Theta[p];
            double y3i = y3[i], dIex = dI_ex[i], Iex = I_ex[i], dIin = dI_in[i], Iin = I_in[i], y0i = y0[i];
            int ri = r[i];
            int slot = slot0;
            int nsp = 0;
            for (int lag = from; lag < to; lag++) {
                if (ri == 0) {
                    y3i = p30 * (y0i + ie) + p31e * dIex + p32e * Iex + p31i * dIin + p32i * Iin + em1 * y3i + y3i;
                    y3i = y3i < lower ? lower : y3i;
                } else {
                    --ri;
                }
                final int kex = (EX * len + slot) * nn + i, kin = (IN * len + slot) * nn + i, ki0 = (I0 * len + slot) * nn + i;
                Iex = p21e * dIex + p22e * Iex;
                dIex *= p11e;
                dIex += epsc * bd[kex];
                Iin = p21i * dIin + p22i * Iin;
                dIin *= p11i;
                dIin += ipsc * bd[kin];
                if (y3i >= theta) {
                    ri = refractoryCounts[p];
                    y3i = V_reset[p];
                    lags[nsp++] = lag;
                }
                if (cur) {
                    y0i = bd[ki0];
                    bd[ki0] = 0;
                }
                bd[kex] = 0;
                bd[kin] = 0;
                if (rec && recordedBy[i] != null) {
                    y3[i] = y3i; I_ex[i] = Iex; I_in[i] = Iin;
                    record(origin + lag, i);
                }
                slot = slot + 1 == len ? 0 : slot + 1;
            }
            y3[i] = y3i; dI_ex[i] = dIex; I_ex[i] = Iex; dI_in[i] = dIin; I_in[i] = Iin; y0[i] = y0i; r[i] = ri;
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
        buf.add(I0, step, i, current);
    }
}
