package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.EpropHistory;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_readout_bsshslm_2020 — leaky integrate readout neuron for e-prop plasticity after Bellec et al.
 * (2020) (NEST 3.9 models/eprop_readout_bsshslm_2020.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/eprop_readout_bsshslm_2020.html).
 *
 * <pre>
 *   v^t = kappa v^{t-1} + zeta z_in^t + P_i i_in^{t-1},  v^t >= v_min,  kappa = exp(-dt / tau_m)
 *   mean_squared_error: y^t = y_unnorm^{t-1}, y_unnorm^t = v^t;  cross_entropy: y^t = y_unnorm^{t-1} /
 *   (y_unnorm^{t-1} + sum of the other readouts' y_unnorm), y_unnorm^t = exp(v^t)
 *   error signal err^t = y^t - y*^t (target signal y*, from a step_rate_generator on receptor 2)
 * </pre>
 * Outside the learning window (eprop_learning_window, at the end of each update interval) readout, target
 * and error signal are 0. Every update sends the error signals as LearningSignalConnectionEvent to the
 * recurrent neurons and, with cross_entropy, the unnormalized readout signal as DelayedRateConnectionEvent
 * to the other readout neurons (receptor 1). The error signal is written to the e-prop history, shifted
 * by delay_out_norm; compute_gradient: z_bar = kappa z_bar + zeta z, g = sum err z_bar.
 * Parameters, state and inputs shared with eprop_readout: {@link EpropReadoutBase}.
 */
public final class EpropReadoutBsshslm2020 extends EpropReadoutBase {
    static final int READOUT_SIG = 1, SUP_RATE_RECEPTOR = 3;
    static final String MSE = "mean_squared_error", CE = "cross_entropy";
    @PerNode public boolean[] regular_spike_arrival;
    @PerNode public String[] loss;
    /** state: unnormalized readout signal, z_in */
    @PerNode public double[] readoutSignalUnnorm, zIn;
    /** NEST's B_.normalization_rate_, and a target signal from a device updated after the node in NEST */
    double[] normalizationRate, pendingTarget;
    boolean[] hasPendingTarget;
    double[] pZin;
    boolean[] crossEntropy;

    public EpropReadoutBsshslm2020(int n) {
        super(n, true);
        loss = new String[n];
        java.util.Arrays.fill(loss, MSE);
        regular_spike_arrival = fillB(n, true);
        readoutSignalUnnorm = fill(n, 0.0);
        zIn = fill(n, 0.0);
        normalizationRate = new double[n];
        pendingTarget = new double[n];
        hasPendingTarget = new boolean[n];
    }

    @Override
    public EpropReadoutBsshslm2020 make(int n) {
        return new EpropReadoutBsshslm2020(n);
    }

    @Override
    public long getShift() {
        return OFFSET_GEN + DELAY_IN_REC + DELAY_REC_OUT;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    private static final String[] RECORDABLES = {"eprop_history_duration", "error_signal", "readout_signal",
        "readout_signal_unnorm", "target_signal", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    double modelRecordable(String name, int i) {
        return readoutSignalUnnorm[i];
    }

    @Override
    public Map<String, Long> receptorTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("readout_signal", (long) READOUT_SIG);
        m.put("target_signal", (long) TARGET_SIG);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("C_m", C_m[i]);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("loss", loss[i]);
        d.put("regular_spike_arrival", regular_spike_arrival[i]);
        d.put("tau_m", tau_m[i]);
        d.put("V_min", V_min[i] + E_L[i]);
        d.put("V_m", vM[i] + E_L[i]);
        d.put("error_signal", errorSignal[i]);
        d.put("readout_signal", readoutSignal[i]);
        d.put("readout_signal_unnorm", readoutSignalUnnorm[i]);
        d.put("target_signal", targetSignal[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        final Params p = readParams(i, s);
        final String ls = s.s("loss", loss[i]);
        final boolean rsa = s.b("regular_spike_arrival", regular_spike_arrival[i]);
        p.tau = s.d("tau_m", tau_m[i]);
        if (p.cm <= 0) throw badProperty("Membrane capacitance C_m > 0 required.");
        if (!ls.equals(MSE) && !ls.equals(CE)) {
            throw badProperty("Loss function loss from [\"mean_squared_error\", \"cross_entropy\"] required.");
        }
        if (p.tau <= 0) throw badProperty("Membrane time constant tau_m > 0 required.");
        final double v = readVm(i, s, p);
        storeParams(i, p);
        loss[i] = ls;
        regular_spike_arrival[i] = rsa;
        vM[i] = v;
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        java.util.Arrays.fill(normalizationRate, 0.0);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (pZin == null) {
            pZin = new double[n];
            crossEntropy = new boolean[n];
        }
        for (int i = 0; i < n; i++) {
            crossEntropy[i] = CE.equals(loss[i]);
            pZin[i] = regular_spike_arrival[i] ? 1.0 : 1.0 - pVm[i];
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final long updateInterval = kernel.epropUpdateIntervalSteps();
        final long learningWindow = kernel.epropLearningWindowSteps();
        final boolean withReset = kernel.epropResetNeuronsOnUpdate;
        final long shift = getShift();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            // NEST sends buffers of min_delay values, zero outside this update's lags
            final int lsBase = ro.beginLearningSignal(i);
            final boolean ce = crossEntropy[i];
            final int vBase = ce ? ro.begin(i) : 0;
            int slot = (int) ((origin + from) % len);
            for (int lag = from; lag < to; lag++, slot = slot + 1 == len ? 0 : slot + 1) {
                final long t = origin + lag;
                final long intervalStep = (t - shift) % updateInterval;
                final long intervalStepSignals = (t - shift - DELAY_OUT_NORM) % updateInterval;
                if (intervalStep == 0) {
                    eraseUsedEpropHistory(i);
                    if (withReset) vM[i] = 0.0;
                }
                final int ks = (SP * len + slot) * n + i, kc = (CU * len + slot) * n + i;
                zIn[i] = bd[ks];
                bd[ks] = 0.0;
                double v = pIin[i] * iIn[i] + pZin[i] * zIn[i] + pVm[i] * vM[i];
                v = v < V_min[i] ? V_min[i] : v;
                vM[i] = v;
                if (ce) {
                    final double normRate = normalizationRate[i] + readoutSignalUnnorm[i];
                    readoutSignal[i] = readoutSignalUnnorm[i] / normRate;
                    readoutSignalUnnorm[i] = GlibcMath.exp(v + E_L[i]);
                } else {
                    readoutSignal[i] = readoutSignalUnnorm[i];
                    readoutSignalUnnorm[i] = v + E_L[i];
                }
                errorSignal[i] = readoutSignal[i] - targetSignal[i];
                if (intervalStepSignals < updateInterval - learningWindow) {
                    targetSignal[i] = 0.0;
                    readoutSignal[i] = 0.0;
                    errorSignal[i] = 0.0;
                }
                normalizationRate[i] = 0.0;
                if (ce) ro.v[vBase + lag] = readoutSignalUnnorm[i];
                ro.ls[lsBase + lag] = errorSignal[i];
                appendNewEpropHistoryEntry(i, t);
                writeErrorSignalToHistory(i, t, errorSignal[i]);
                iIn[i] = bd[kc] + I_e[i];
                bd[kc] = 0.0;
                if (rec && recordedBy[i] != null) record(t, i);
            }
            if (hasPendingTarget[i]) {
                // a device with a higher node id delivered during this slice, after this node's update in NEST
                targetSignal[i] = pendingTarget[i];
                hasPendingTarget[i] = false;
            }
        }
    }

    @Override
    public int checkDelayedRateReceptor(int i, int rport) {
        if (rport < READOUT_SIG || rport >= SUP_RATE_RECEPTOR) throw unknownReceptorType(rport);
        return rport;
    }

    @Override
    public int checkDelayedRateReceptor(int i, int rport, NodeBlock src) {
        if ("step_rate_generator".equals(src.model.name) && rport != TARGET_SIG) {
            throw NestException.cannotConnect("eprop_readout_bsshslm_2020 neurons expect a connection with a "
                    + "step_rate_generator node through receptor_type 2.");
        }
        return checkDelayedRateReceptor(i, rport);
    }

    /**
     * NEST's handle(DelayedRateConnectionEvent&amp;): the event's first value times the weight is added to the
     * normalization rate (receptor 1) or becomes the target signal (receptor 2) at once, whatever the delay.
     */
    @Override
    public void handleRateEvent(int i, double[] v, int base, int len, double w, int rport, long senderGid, boolean local) {
        final double signal = w * v[base];
        if (rport == READOUT_SIG) {
            normalizationRate[i] += signal;
        } else if (rport == TARGET_SIG) {
            if (local && senderGid > gid(i)) {
                pendingTarget[i] = signal;
                hasPendingTarget[i] = true;
            } else {
                targetSignal[i] = signal;
            }
        }
    }

    @Override
    public double computeGradient(int i, long[] isis, int nIsis, long tPreviousUpdate, long tPreviousTriggerSpike,
            double kappa, boolean averageGradient) {
        final EpropHistory h = eh[i];
        int p = h.lowerBound(tPreviousTriggerSpike);
        final double[] errH = h.a;
        final double pv = pVm[i], pz = pZin[i];
        double grad = 0.0, zz, zBar = 0.0;
        for (int q = 0; q < nIsis; q++) {
            final long isi = isis[q];
            zz = 1.0;
            for (long s = 0; s < isi; s++) {
                if (p >= h.size) throw new IllegalStateException("e-prop history exhausted");
                zBar = pv * zBar + pz * zz;
                grad += errH[p] * zBar;
                zz = 0.0;
                p++;
            }
        }
        if (averageGradient) grad /= kernel.epropLearningWindowSteps();
        return grad;
    }
}
