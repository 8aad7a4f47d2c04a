package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * iaf_psc_delta_ps — leaky integrate-and-fire neuron with delta-shaped postsynaptic currents and
 * precise (off-grid) spike timing (NEST 3.9 models/iaf_psc_delta_ps.{h,cpp}; doc:
 * models/iaf_psc_delta_ps.html).
 *
 * <pre>
 *   dU/dt = -U/tau_m + (I_e + I_input)/C_m,   spike of weight w (mV) at time t: U += w   (U = V_m - E_L, held in V)
 * </pre>
 * The neuron fires exactly when a spike lifts U above threshold (at the spike's time) or when the
 * current drives U through threshold between inputs (time from the exact solution). Inputs arriving
 * during the refractory period are discarded (refractory_input is false and read-only, as in NEST).
 */
public final class IafPscDeltaPs extends IafPsBase {
    @PerNode public boolean[] withRefrInput;
    double[] expm1_t, R, refrSpikesBuffer;

    public IafPscDeltaPs(int n) {
        super(n, -Double.MAX_VALUE);
        withRefrInput = fillB(n, false);
    }

    @Override
    public IafPscDeltaPs make(int n) {
        return new IafPscDeltaPs(n);
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
        d.put("V_m", V[i] + E_L[i]);
        d.put("refractory_input", withRefrInput[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        checkCommon(p);
        if (p.tau <= 0) throw badProperty("All time constants must be strictly positive.");
        double u = readV(i, s, p, V[i]);
        setArchiving(i, s);
        commitCommon(i, p);
        V[i] = u;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (R == null) {
            expm1_t = new double[n];
            R = new double[n];
            refrSpikesBuffer = new double[n];
        }
        for (int i = 0; i < n; i++) {
            expm1_t[i] = expm1(-h / tau_m[i]);
            R[i] = tau_m[i] / C_m[i];
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
                double t = h;
                queueEndOfRefractoriness(i, T);
                int e = ev.next(i, T, true);
                if (e == SliceRingBuffer.NONE) {
                    if (!refr[i]) {
                        final double iExt = -expm1_t[i] * R[i] * (y0[i] + I_e[i]);
                        double u = V[i];
                        u = iExt + expm1_t[i] * u + u;
                        V[i] = u < U_min[i] ? U_min[i] : u;
                        if (V[i] >= U_th[i]) emitCrossing(i, origin, lag, 0, out);
                    }
                } else {
                    do {
                        final double evOff = ev.evOff[i];
                        if (refr[i]) {
                            t = evOff;
                            if (e != SliceRingBuffer.END_REFRACT) {
                                if (withRefrInput[i]) {
                                    refrSpikesBuffer[i] += ev.evW[i] * GlibcMath.exp(-((lastSpikeStep[i] - T - 1) * h
                                            - (lastSpikeOffset[i] - evOff) + t_ref[i]) / tau_m[i]);
                                }
                            } else {
                                refr[i] = false;
                                if (withRefrInput[i]) {
                                    V[i] += refrSpikesBuffer[i];
                                    refrSpikesBuffer[i] = 0.0;
                                }
                                if (V[i] >= U_th[i]) emitInstantSpike(i, origin, lag, t, out);
                            }
                            continue;
                        }
                        propagate(i, t - evOff);
                        t = evOff;
                        if (V[i] >= U_th[i]) {
                            emitCrossing(i, origin, lag, t, out);
                            continue;
                        }
                        V[i] += ev.evW[i];
                        if (V[i] >= U_th[i]) emitInstantSpike(i, origin, lag, t, out);
                    } while ((e = ev.next(i, T, true)) != SliceRingBuffer.NONE);
                    if (!refr[i] && t > 0) {
                        propagate(i, t);
                        if (V[i] >= U_th[i]) emitCrossing(i, origin, lag, 0, out);
                    }
                }
                endStep(i, T, rec);
            }
        }
    }

    private void propagate(int i, double dt) {
        final double em1 = expm1(-dt / tau_m[i]);
        final double vInf = R[i] * (y0[i] + I_e[i]);
        final double u = V[i];
        V[i] = -vInf * em1 + u * em1 + u;
    }

    /** emit_spike_: U crossed threshold during the interval ending offsetU before the step's end. */
    private void emitCrossing(int i, long origin, int lag, double offsetU, SpikeOut out) {
        final double vInf = R[i] * (y0[i] + I_e[i]);
        final double dt = -tau_m[i] * GlibcLog.log((vInf - V[i]) / (vInf - U_th[i]));
        V[i] = U_reset[i];
        sendSpike(i, origin, lag, offsetU + dt, out);
    }
}
