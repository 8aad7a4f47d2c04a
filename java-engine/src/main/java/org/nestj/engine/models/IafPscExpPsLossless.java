package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_psc_exp_ps_lossless — iaf_psc_exp_ps with the lossless threshold-crossing detection of
 * Krishnan et al. (2018) (NEST 3.9 models/iaf_psc_exp_ps_lossless.{h,cpp}; doc:
 * models/iaf_psc_exp_ps_lossless.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_syn_ex + I_syn_in + I_e + I_input)/C_m   (V relative to E_L)
 *   dI_syn_X/dt = -I_syn_X/tau_syn,  tau_syn_ex == tau_syn_in required
 * </pre>
 * Before each (sub-)step, the state space test is_spike_ decides from the state at its start
 * whether the trajectory crosses threshold within the interval (also when it ends below it); the
 * crossing is then located by regula falsi on [0, t_max].
 */
public final class IafPscExpPsLossless extends IafPsBase {
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    @PerNode public double[] V, I_ex, I_in;
    double[] expm1_tau_m, exp_tau_ex, exp_tau_in, P20, P21_ex, P21_in;
    double[] a1, a2, a3, a4, b1, b2, b3, b4, c1, c2, c3, c4, c5, c6;
    double[] bY0, bIex, bIin, bV;

    public IafPscExpPsLossless(int n) {
        super(n, Double.NEGATIVE_INFINITY);
        tau_syn_ex = fill(n, 2.0);
        tau_syn_in = fill(n, 2.0);
        V = fill(n, 0.0);
        I_ex = fill(n, 0.0);
        I_in = fill(n, 0.0);
    }

    @Override
    public IafPscExpPsLossless make(int n) {
        return new IafPscExpPsLossless(n);
    }

    private static final String[] RECORDABLES = {"I_syn", "I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return I_ex[i] + I_in[i];
            case 1: return I_ex[i];
            case 2: return I_in[i];
            default: return V[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("V_m", V[i] + E_L[i]);
        d.put("offset", lastSpikeOffset[i]);
        d.put("I_syn_ex", I_ex[i]);
        d.put("I_syn_in", I_in[i]);
        d.put("I_syn", I_ex[i] + I_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        double tex = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tin = s.d("tau_syn_in", tau_syn_in[i]);
        if (p.reset >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.reset < p.vmin) throw badProperty("Reset potential must be greater than or equal to minimum potential.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tref < 0) throw badProperty("Refractory time must not be negative.");
        if (tex != tin) {
            throw badProperty("tau_syn_ex == tau_syn_in is required in the current implementation."
                    + " If you need unequal time constants, use iaf_psc_exp_ps for now."
                    + " See note in documentation, and github issue #921");
        }
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("All time constants must be strictly positive.");
        if (p.tau == tex || p.tau == tin) {
            throw badProperty("Membrane and synapse time constant(s) must differ.See note in documentation.");
        }
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

    @Override
    public void calibrate() {
        super.calibrate();
        if (P20 == null) {
            expm1_tau_m = new double[n]; exp_tau_ex = new double[n]; exp_tau_in = new double[n];
            P20 = new double[n]; P21_ex = new double[n]; P21_in = new double[n];
            a1 = new double[n]; a2 = new double[n]; a3 = new double[n]; a4 = new double[n];
            b1 = new double[n]; b2 = new double[n]; b3 = new double[n]; b4 = new double[n];
            c1 = new double[n]; c2 = new double[n]; c3 = new double[n]; c4 = new double[n]; c5 = new double[n]; c6 = new double[n];
            bY0 = new double[n]; bIex = new double[n]; bIin = new double[n]; bV = new double[n];
        }
        for (int i = 0; i < n; i++) {
            final double tm = tau_m[i], ts = tau_syn_ex[i], c = C_m[i], th = U_th[i];
            expm1_tau_m[i] = expm1(-h / tm);
            exp_tau_ex[i] = exp(-h / tau_syn_ex[i]);
            exp_tau_in[i] = exp(-h / tau_syn_in[i]);
            P20[i] = -tm / c * expm1(-h / tm);
            P21_ex[i] = propP32(tau_syn_ex[i], tm, c, h);
            P21_in[i] = propP32(tau_syn_in[i], tm, c, h);
            a1[i] = tm * ts;
            a2[i] = tm * (tm - ts);
            a3[i] = c * th * (tm - ts);
            a4[i] = c * (tm - ts);
            b1[i] = -tm * tm;
            b2[i] = tm * ts;
            b3[i] = tm * c * th;
            b4[i] = -c * (tm - ts);
            c1[i] = tm / c;
            c2[i] = (-tm * ts) / (c * (tm - ts));
            c3[i] = (tm * tm) / (c * (tm - ts));
            c4[i] = ts / tm;
            c5[i] = (c * th) / tm;
            c6[i] = 1 - (ts / tm);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final SliceRingBuffer ev = events;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) {
                if (from == 0) ev.discard(i, origin);
                continue;
            }
            if (from == 0) ev.prepareDelivery(i, origin);
            if (V[i] >= U_th[i]) emit(i, origin, from, h * (1.0 - EPS), out);
            for (int lag = from; lag < to; lag++) {
                final long T = origin + lag;
                if (refr[i] && T + 1 - lastSpikeStep[i] == refractorySteps[i]) {
                    ev.addRefractory(i, T, lastSpikeOffset[i]);
                }
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
                    final double tMax = isSpike(i, h);
                    if (!Double.isNaN(tMax)) emitSpike(i, origin, lag, 0, tMax, out);
                } else {
                    double last = h;
                    do {
                        final double evOff = ev.evOff[i];
                        final double ministep = last - evOff;
                        if (ministep > 0) {
                            propagate(i, ministep);
                            final double tMax = isSpike(i, ministep);
                            if (!Double.isNaN(tMax)) emitSpike(i, origin, lag, h - last, tMax, out);
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
                        final double tMax = isSpike(i, last);
                        propagate(i, last);
                        if (!Double.isNaN(tMax)) emitSpike(i, origin, lag, h - last, tMax, out);
                    }
                }
                y0[i] = currents.take(0, T, i);
                if (rec && recordedBy[i] != null) record(T, i);
            }
        }
    }

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

    /** is_spike_: NaN if no threshold crossing within dt of the stored state, else the search interval. */
    private double isSpike(int i, double dt) {
        final double tm = tau_m[i], ts = tau_syn_ex[i];
        final double I0 = bIex[i] + bIin[i];
        final double V0 = bV[i];
        final double expTauS = expm1(dt / ts);
        final double expTauM = expm1(dt / tm);
        final double expTauMS = expm1(dt / tm - dt / ts);
        final double Ie = bY0[i] + I_e[i];
        final double f = ((a1[i] * I0 * expTauMS + expTauM * (a3[i] - Ie * a2[i]) + a3[i]) / a4[i]);
        if ((V0 < (((I0 + Ie) * (b1[i] * expTauM + b2[i] * expTauS) + b3[i] * (expTauM - expTauS)) / (b4[i] * expTauS)))
                && V0 <= f) {
            return Double.NaN;
        } else if (V0 >= f) {
            return dt;
        } else if (V0 < (c1[i] * Ie + c2[i] * I0 + c3[i] * GlibcMath.pow(I0, c4[i]) * GlibcMath.pow((c5[i] - Ie), c6[i]))) {
            return Double.NaN;
        } else {
            return (a1[i] / tm * ts) * Math.log(b1[i] * I0 / (a2[i] * Ie - a1[i] * I0 - a4[i] * V0));
        }
    }

    private void emitSpike(int i, long origin, int lag, double t0, double dt, SpikeOut out) {
        double offset = h - (t0 + regulaFalsi(i, dt));
        V[i] = U_reset[i];
        sendSpike(i, origin, lag, offset, out);
    }

    private void emit(int i, long origin, int lag, double offset, SpikeOut out) {
        V[i] = U_reset[i];
        sendSpike(i, origin, lag, offset, out);
    }

    @Override
    protected double thresholdDistance(int i, double t) {
        final double tm = tau_m[i], c = C_m[i];
        final double p20 = -tm / c * expm1(-t / tm);
        final double p21e = propP32(tau_syn_ex[i], tm, c, t);
        final double p21i = propP32(tau_syn_in[i], tm, c, t);
        double v = p20 * (I_e[i] + bY0[i]) + p21e * bIex[i] + p21i * bIin[i] + bV[i] * exp(-t / tm);
        return v - U_th[i];
    }
}
