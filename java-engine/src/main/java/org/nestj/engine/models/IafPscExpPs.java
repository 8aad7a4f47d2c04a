package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_psc_exp_ps — leaky integrate-and-fire neuron with exponential postsynaptic currents and
 * precise (off-grid) spike timing (NEST 3.9 models/iaf_psc_exp_ps.{h,cpp}; doc:
 * models/iaf_psc_exp_ps.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_ex + I_in + I_e + I_input)/C_m          (V relative to E_L)
 *   dI_X/dt = -I_X/tau_syn_X,  spike of weight w: I_X += w
 * </pre>
 * Integrated exactly between the incoming spikes' offsets within each step; threshold crossings are
 * located by regula falsi, followed by reset and an absolute refractory period that ends at the
 * precise time t_spike + t_ref.
 */
public final class IafPscExpPs extends IafPsBase {
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    @PerNode public double[] V, I_ex, I_in;
    double[] expm1_tau_m, exp_tau_ex, exp_tau_in, P20, P21_ex, P21_in;
    double[] bY0, bIex, bIin, bV;

    public IafPscExpPs(int n) {
        super(n, Double.NEGATIVE_INFINITY);
        tau_syn_ex = fill(n, 2.0);
        tau_syn_in = fill(n, 2.0);
        V = fill(n, 0.0);
        I_ex = fill(n, 0.0);
        I_in = fill(n, 0.0);
    }

    @Override
    public IafPscExpPs make(int n) {
        return new IafPscExpPs(n);
    }

    private static final String[] RECORDABLES = {"V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return V[i] + E_L[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("V_m", V[i] + E_L[i]);
        d.put("I_syn_ex", I_ex[i]);
        d.put("I_syn_in", I_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        double tex = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tin = s.d("tau_syn_in", tau_syn_in[i]);
        if (p.reset >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.reset < p.vmin) throw badProperty("Reset potential must be greater equal minimum potential.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (kernel.time.msToSteps(p.tref) < 1) throw badProperty("Refractory time must be at least one time step.");
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("All time constants must be strictly positive.");
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
            bY0 = new double[n]; bIex = new double[n]; bIin = new double[n]; bV = new double[n];
        }
        for (int i = 0; i < n; i++) {
            expm1_tau_m[i] = expm1(-h / tau_m[i]);
            exp_tau_ex[i] = exp(-h / tau_syn_ex[i]);
            exp_tau_in[i] = exp(-h / tau_syn_in[i]);
            P20[i] = -tau_m[i] / C_m[i] * expm1(-h / tau_m[i]);
            P21_ex[i] = propP32(tau_syn_ex[i], tau_m[i], C_m[i], h);
            P21_in[i] = propP32(tau_syn_in[i], tau_m[i], C_m[i], h);
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
                    if (V[i] >= U_th[i]) emitSpike(i, origin, lag, 0, h, out);
                } else {
                    double last = h;
                    do {
                        final double evOff = ev.evOff[i];
                        final double ministep = last - evOff;
                        if (ministep > 0) {
                            propagate(i, ministep);
                            if (V[i] >= U_th[i]) emitSpike(i, origin, lag, h - last, ministep, out);
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
                        if (V[i] >= U_th[i]) emitSpike(i, origin, lag, h - last, last, out);
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
