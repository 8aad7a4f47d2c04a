package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What iaf_psc_exp_ps and iaf_psc_exp_ps_lossless (NEST 3.9 models/iaf_psc_exp_ps*.{h,cpp}) share: the
 * exponential synaptic currents I_syn_ex, I_syn_in and their time constants, the propagators, the update
 * (exact propagation between the incoming spikes' offsets within each step, the state at the start of each
 * interval kept for the threshold search, regula falsi on the exact solution) and most of the status.
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_ex + I_in + I_e + I_input)/C_m          (V relative to E_L)
 *   dI_X/dt = -I_X/tau_syn_X,  spike of weight w: I_X += w (X = ex for w >= 0, in otherwise)
 * </pre>
 * The models differ in how they decide whether an interval holds a threshold crossing ({@link #checkSpike}).
 */
abstract class IafPscExpPsBase extends IafPsBase {
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    @PerNode public double[] I_ex, I_in;
    double[] expm1_tau_m, exp_tau_ex, exp_tau_in, P20, P21_ex, P21_in;
    // the state at the start of the current interval (for the threshold search)
    double[] bY0, bIex, bIin, bV;

    /** true for iaf_psc_exp_ps_lossless: {@link #isSpike} decides whether an interval holds a threshold crossing */
    private final boolean lossless;

    IafPscExpPsBase(int n, boolean lossless) {
        super(n, Double.NEGATIVE_INFINITY);
        this.lossless = lossless;
        tau_syn_ex = fill(n, 2.0);
        tau_syn_in = fill(n, 2.0);
        I_ex = fill(n, 0.0);
        I_in = fill(n, 0.0);
    }

    /**
     * iaf_psc_exp_ps_lossless's is_spike_: NaN if the interval of length dt after the saved state holds no
     * threshold crossing, else the interval on which to search it.
     */
    double isSpike(int i, double dt) {
        throw new IllegalStateException("is_spike_ belongs to iaf_psc_exp_ps_lossless");
    }

    // ---------------------------------------------------------------- status

    /** The common dictionary entries, tau_syn_ex, tau_syn_in and V_m. */
    final void getExpCommon(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("V_m", V[i] + E_L[i]);
    }

    /**
     * After the model has read and checked p and the synaptic time constants: reads the state (V_m, I_syn_ex,
     * I_syn_in), the archiving-node entries, then applies all.
     */
    final void setExpState(int i, Status s, Common p, double tex, double tin) {
        double v = readV(i, s, p, V[i]);
        double iex = s.d("I_syn_ex", I_ex[i]);
        double iin = s.d("I_syn_in", I_in[i]);
        setArchiving(i, s);
        commitCommon(i, p);
        tau_syn_ex[i] = tex;
        tau_syn_in[i] = tin;
        V[i] = v;
        I_ex[i] = iex;
        I_in[i] = iin;
    }

    // ---------------------------------------------------------------- update

    @Override
    public void calibrate() {
        super.calibrate();
        if (P20 == null) {
            expm1_tau_m = new double[n]; exp_tau_ex = new double[n]; exp_tau_in = new double[n];
            P20 = new double[n]; P21_ex = new double[n]; P21_in = new double[n];
            bY0 = new double[n]; bIex = new double[n]; bIin = new double[n]; bV = new double[n];
        }
        for (int i = 0; i < n; i++) {
            expm1_tau_m[i] = GlibcMath.expm1(-h / tau_m[i]);
            exp_tau_ex[i] = exp(-h / tau_syn_ex[i]);
            exp_tau_in[i] = exp(-h / tau_syn_in[i]);
            P20[i] = -tau_m[i] / C_m[i] * expm1(-h / tau_m[i]);
            P21_ex[i] = propP32(tau_syn_ex[i], tau_m[i], C_m[i], h);
            P21_in[i] = propP32(tau_syn_in[i], tau_m[i], C_m[i], h);
        }
    }

    @Override
    public final void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final SliceRingBuffer ev = events;
        final boolean rec = recording();
        final boolean ll = lossless;
        for (int i = i0; i < i1; i++) {
            if (!beginUpdate(i, origin, from, out)) continue;
            for (int lag = from; lag < to; lag++) {
                final long T = origin + lag;
                queueEndOfRefractoriness(i, T);
                bY0[i] = y0[i];
                bIex[i] = I_ex[i];
                bIin[i] = I_in[i];
                bV[i] = V[i];
                int e = ev.next(i, T, false);
                if (e == SliceRingBuffer.NONE) {
                    if (!refr[i]) {
                        double v = V[i];
                        v = P20[i] * (I_e[i] + y0[i]) + P21_ex[i] * I_ex[i] + P21_in[i] * I_in[i] + expm1_tau_m[i] * v + v;
                        V[i] = v < U_min[i] ? U_min[i] : v;
                    }
                    I_ex[i] = I_ex[i] * exp_tau_ex[i];
                    I_in[i] = I_in[i] * exp_tau_in[i];
                    checkSpike(ll, i, origin, lag, 0, h, out);
                } else {
                    double last = h;
                    do {
                        final double evOff = ev.evOff[i];
                        final double ministep = last - evOff;
                        if (ministep > 0) {
                            propagate(i, ministep);
                            checkSpike(ll, i, origin, lag, h - last, ministep, out);
                        }
                        if (e == SliceRingBuffer.END_REFRACT) {
                            refr[i] = false;
                        } else {
                            double w = ev.evW[i];
                            if (w >= 0.0) I_ex[i] += w;
                            else I_in[i] += w;
                        }
                        bIex[i] = I_ex[i];
                        bIin[i] = I_in[i];
                        bV[i] = V[i];
                        last = evOff;
                    } while ((e = ev.next(i, T, false)) != SliceRingBuffer.NONE);
                    if (last > 0) {
                        propagate(i, last);
                        checkSpike(ll, i, origin, lag, h - last, last, out);
                    }
                }
                endStep(i, T, rec);
            }
        }
    }

    /**
     * After the propagation of node i over the interval of length dt that started t0 ms after the step's start:
     * a spike if the interval holds a threshold crossing (iaf_psc_exp_ps: V ended at or above threshold;
     * the lossless variant: its state-space test, which reads only the state saved at the interval's start).
     */
    private void checkSpike(boolean ll, int i, long origin, int lag, double t0, double dt, SpikeOut out) {
        if (ll) {
            final double tMax = isSpike(i, dt);
            if (!Double.isNaN(tMax)) emitSpike(i, origin, lag, t0, tMax, out);
        } else if (V[i] >= U_th[i]) {
            emitSpike(i, origin, lag, t0, dt, out);
        }
    }

    /** Propagates node i by dt (V only when not refractory). */
    private void propagate(int i, double dt) {
        if (!refr[i]) {
            final double tm = tau_m[i], c = C_m[i];
            final double p20 = -tm / c * expm1(-dt / tm);
            final double p21e = propP32(tau_syn_ex[i], tm, c, dt);
            final double p21i = propP32(tau_syn_in[i], tm, c, dt);
            V[i] = p20 * (I_e[i] + y0[i]) + p21e * I_ex[i] + p21i * I_in[i] + V[i] * exp(-dt / tm);
        }
        I_ex[i] = I_ex[i] * exp(-dt / tau_syn_ex[i]);
        I_in[i] = I_in[i] * exp(-dt / tau_syn_in[i]);
    }

    @Override
    protected final double thresholdDistance(int i, double t) {
        final double tm = tau_m[i], c = C_m[i];
        final double p20 = -tm / c * expm1(-t / tm);
        final double p21e = propP32(tau_syn_ex[i], tm, c, t);
        final double p21i = propP32(tau_syn_in[i], tm, c, t);
        double v = p20 * (I_e[i] + bY0[i]) + p21e * bIex[i] + p21i * bIin[i] + bV[i] * exp(-t / tm);
        return v - U_th[i];
    }
}
