package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_psc_alpha_ps — leaky integrate-and-fire neuron with alpha-shaped postsynaptic currents and
 * precise (off-grid) spike timing (NEST 3.9 models/iaf_psc_alpha_ps.{h,cpp}; doc:
 * models/iaf_psc_alpha_ps.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_ex + I_in + I_e + I_input)/C_m          (V relative to E_L)
 *   dI_X/dt = dI_X - I_X/tau_syn_X,  d(dI_X)/dt = -dI_X/tau_syn_X,  spike of weight w: dI_X += e/tau_syn_X w
 * </pre>
 * Integrated exactly between events: each step is split at the incoming spikes' offsets; a
 * threshold crossing within a sub-step is located by regula falsi on the exact solution, the neuron
 * is reset and clamped for t_ref, returning from refractoriness at the precise time t_spike + t_ref.
 */
public final class IafPscAlphaPs extends IafPsBase {
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    @PerNode public double[] I_ex, dI_ex, I_in, dI_in;
    // derived
    double[] expm1_tau_m, exp_tau_syn_ex, exp_tau_syn_in, P30, P31_ex, P32_ex, P31_in, P32_in, psc_norm_ex, psc_norm_in;
    // state at the start of the current sub-step (for the threshold interpolation)
    double[] bY0, bIex, bIin, bdIex, bdIin, bV;
    // per-node scratch for the sub-step propagators (each node is updated by one thread)
    double[] s31e, s32e, s31i, s32i;

    public IafPscAlphaPs(int n) {
        super(n, Double.NEGATIVE_INFINITY);
        tau_syn_ex = fill(n, 2.0);
        tau_syn_in = fill(n, 2.0);
        I_ex = fill(n, 0.0);
        dI_ex = fill(n, 0.0);
        I_in = fill(n, 0.0);
        dI_in = fill(n, 0.0);
    }

    @Override
    public IafPscAlphaPs make(int n) {
        return new IafPscAlphaPs(n);
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
            default: return V[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("V_m", V[i] + E_L[i]);
        d.put("I_syn_ex", I_ex[i]);
        d.put("I_syn_in", I_in[i]);
        d.put("dI_syn_in", dI_in[i]);
        d.put("dI_syn_ex", dI_ex[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        double tex = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tin = s.d("tau_syn_in", tau_syn_in[i]);
        checkCommon(p);
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("All time constants must be strictly positive.");
        double v = readV(i, s, p, V[i]);
        setArchiving(i, s);
        commitCommon(i, p);
        tau_syn_ex[i] = tex;
        tau_syn_in[i] = tin;
        V[i] = v;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (P30 == null) {
            expm1_tau_m = new double[n]; exp_tau_syn_ex = new double[n]; exp_tau_syn_in = new double[n];
            P30 = new double[n]; P31_ex = new double[n]; P32_ex = new double[n]; P31_in = new double[n]; P32_in = new double[n];
            psc_norm_ex = new double[n]; psc_norm_in = new double[n];
            bY0 = new double[n]; bIex = new double[n]; bIin = new double[n]; bdIex = new double[n]; bdIin = new double[n];
            bV = new double[n];
            s31e = new double[n]; s32e = new double[n]; s31i = new double[n]; s32i = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psc_norm_ex[i] = Math.E * (1.0 / tau_syn_ex[i]);
            psc_norm_in[i] = Math.E * (1.0 / tau_syn_in[i]);
            expm1_tau_m[i] = expm1(-h / tau_m[i]);
            exp_tau_syn_ex[i] = exp(-h / tau_syn_ex[i]);
            exp_tau_syn_in[i] = exp(-h / tau_syn_in[i]);
            P30[i] = -tau_m[i] / C_m[i] * expm1_tau_m[i];
            P31_ex[i] = propP31(tau_syn_ex[i], tau_m[i], C_m[i], h);
            P32_ex[i] = propP32(tau_syn_ex[i], tau_m[i], C_m[i], h);
            P31_in[i] = propP31(tau_syn_in[i], tau_m[i], C_m[i], h);
            P32_in[i] = propP32(tau_syn_in[i], tau_m[i], C_m[i], h);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final SliceRingBuffer ev = events;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (!beginUpdate(i, origin, from, out)) continue;
            for (int lag = from; lag < to; lag++) {
                final long T = origin + lag;
                queueEndOfRefractoriness(i, T);
                bY0[i] = y0[i];
                bIex[i] = I_ex[i];
                bIin[i] = I_in[i];
                bdIex[i] = dI_ex[i];
                bdIin[i] = dI_in[i];
                bV[i] = V[i];
                int e = ev.next(i, T, false);
                if (e == SliceRingBuffer.NONE) {
                    if (!refr[i]) {
                        double v = V[i];
                        v = P30[i] * (I_e[i] + y0[i]) + P31_ex[i] * dI_ex[i] + P32_ex[i] * I_ex[i]
                                + P31_in[i] * dI_in[i] + P32_in[i] * I_in[i] + expm1_tau_m[i] * v + v;
                        V[i] = v < U_min[i] ? U_min[i] : v;
                    }
                    I_ex[i] = exp_tau_syn_ex[i] * h * dI_ex[i] + exp_tau_syn_ex[i] * I_ex[i];
                    dI_ex[i] = exp_tau_syn_ex[i] * dI_ex[i];
                    I_in[i] = exp_tau_syn_in[i] * h * dI_in[i] + exp_tau_syn_in[i] * I_in[i];
                    dI_in[i] = exp_tau_syn_in[i] * dI_in[i];
                    if (V[i] >= U_th[i]) emitSpike(i, origin, lag, 0, h, out);
                } else {
                    double last = h;
                    do {
                        final double evOff = ev.evOff[i];
                        final double ministep = last - evOff;
                        propagate(i, ministep);
                        if (V[i] >= U_th[i]) emitSpike(i, origin, lag, h - last, ministep, out);
                        if (e == SliceRingBuffer.END_REFRACT) {
                            refr[i] = false;
                        } else {
                            double w = ev.evW[i];
                            if (w >= 0.0) dI_ex[i] += psc_norm_ex[i] * w;
                            else dI_in[i] += psc_norm_in[i] * w;
                        }
                        bIex[i] = I_ex[i];
                        bIin[i] = I_in[i];
                        bdIex[i] = dI_ex[i];
                        bdIin[i] = dI_in[i];
                        bV[i] = V[i];
                        last = evOff;
                    } while ((e = ev.next(i, T, false)) != SliceRingBuffer.NONE);
                    if (last > 0) {
                        propagate(i, last);
                        if (V[i] >= U_th[i]) emitSpike(i, origin, lag, h - last, last, out);
                    }
                }
                endStep(i, T, rec);
            }
        }
    }

    private void propagate(int i, double dt) {
        if (!refr[i]) {
            final double tm = tau_m[i], c = C_m[i];
            final double em1 = expm1(-dt * (1.0 / tm));
            final double p30 = -tm * (1.0 / c) * em1;
            propAlpha(tau_syn_ex[i], tm, c, dt, s31e, s32e, i);
            propAlpha(tau_syn_in[i], tm, c, dt, s31i, s32i, i);
            final double p31e = s31e[i], p32e = s32e[i], p31i = s31i[i], p32i = s32i[i];
            double v = V[i];
            v = p30 * (I_e[i] + y0[i]) + p31e * dI_ex[i] + p32e * I_ex[i] + p31i * dI_in[i] + p32i * I_in[i] + v * em1 + v;
            V[i] = v < U_min[i] ? U_min[i] : v;
        }
        final double eex = exp(-dt * (1.0 / tau_syn_ex[i]));
        final double ein = exp(-dt * (1.0 / tau_syn_in[i]));
        I_ex[i] = eex * dt * dI_ex[i] + eex * I_ex[i];
        dI_ex[i] = eex * dI_ex[i];
        I_in[i] = ein * dt * dI_in[i] + ein * I_in[i];
        dI_in[i] = ein * dI_in[i];
    }

    @Override
    protected double thresholdDistance(int i, double t) {
        final double tm = tau_m[i], c = C_m[i];
        final double em1 = expm1(-t * (1.0 / tm));
        final double p30 = -tm * (1.0 / c) * em1;
        propAlpha(tau_syn_ex[i], tm, c, t, s31e, s32e, i);
        propAlpha(tau_syn_in[i], tm, c, t, s31i, s32i, i);
        final double p31e = s31e[i], p32e = s32e[i], p31i = s31i[i], p32i = s32i[i];
        final double vb = bV[i];
        double v = p30 * (I_e[i] + bY0[i]) + p31e * bdIex[i] + p32e * bIex[i] + p31i * bdIin[i] + p32i * bIin[i]
                + vb * em1 + vb;
        return v - U_th[i];
    }
}
