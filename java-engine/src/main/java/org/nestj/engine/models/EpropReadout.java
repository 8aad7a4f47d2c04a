package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchivingNodeReadout;
import org.nestj.engine.kernel.EpropHistory;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_readout — leaky-integrator readout neuron for e-prop plasticity (NEST 3.9
 * models/eprop_readout.{h,cpp}; doc: models/eprop_readout.html), on NEST's EpropArchivingNodeReadout with
 * hist_shift_required false ({@link EpropArchivingNodeReadout}: the history of error signals).
 *
 * <pre>
 *   v^t = alpha v^{t-1} + z_in^t + P_i i^{t-1},  v = max(v, V_min),  y^t = v^t + E_L
 *   err^t = (y^t - y*^t) w^t,  readout_signal = y^t w^t,  target_signal = y*^t w^t  (w: learning window)
 *   i^t = I_stim^t + I_e
 * </pre>
 * The target y* (receptor 2, target_signal) and the learning window w (receptor 1,
 * eprop_learning_window) arrive as DelayedRateConnectionEvents (rate_connection_delayed, usually from a
 * step_rate_generator): as in NEST, the handler sets the state from the event's first value when the
 * event is handled (a device's event during the device's update, so before this node's update in the
 * same slice only if the device has the lower node id; other senders' events before the next slice).
 * Note that target_signal is itself multiplied by w each step. Each update sends the error signals of
 * its lags to the recurrent neurons (LearningSignalConnectionEvent through
 * eprop_learning_signal_connection). Gradient for eprop_synapse: sum of err z_bar, z_bar <- alpha z_bar + z.
 * Parameters, state and inputs shared with eprop_readout_bsshslm_2020: {@link EpropReadoutBase}.
 */
public final class EpropReadout extends EpropReadoutBase {
    static final int LEARNING_WINDOW_SIG = 1;

    @PerNode public double[] cutoff;
    /** state: the learning window */
    @PerNode public double[] window;

    /**
     * rate events handled between this node's updates: value and the number of this node's completed
     * update calls from which it applies (Long.MAX_VALUE: none pending); calls counts them
     */
    final double[] pendTarget, pendWindow;
    final long[] pendTargetFrom, pendWindowFrom, calls;
    long[] cutoffSteps;

    public EpropReadout(int n) {
        super(n, false);
        cutoff = fill(n, 1000.0);
        window = fill(n, 0.0);
        pendTarget = new double[n];
        pendWindow = new double[n];
        pendTargetFrom = fillL(n, Long.MAX_VALUE);
        pendWindowFrom = fillL(n, Long.MAX_VALUE);
        calls = new long[n];
    }

    @Override
    public EpropReadout make(int n) {
        return new EpropReadout(n);
    }

    @Override
    public long getShift() {
        return OFFSET_GEN + DELAY_IN_REC;
    }

    @Override
    public long getEpropIsiTraceCutoff(int i) {
        return cutoffSteps[i];
    }

    private static final String[] RECORDABLES = {"eprop_history_duration", "error_signal", "readout_signal",
        "target_signal", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public Map<String, Long> receptorTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("eprop_learning_window", (long) LEARNING_WINDOW_SIG);
        m.put("target_signal", (long) TARGET_SIG);
        return m;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        double el = E_L[i];
        d.put("C_m", C_m[i]);
        d.put("E_L", el);
        d.put("I_e", I_e[i]);
        d.put("tau_m", tau_m[i]);
        d.put("V_min", V_min[i] + el);
        d.put("eprop_isi_trace_cutoff", cutoff[i]);
        d.put("V_m", vM[i] + el);
        d.put("error_signal", errorSignal[i]);
        d.put("readout_signal", readoutSignal[i]);
        // an event handled after this node's last update is already in NEST's state
        d.put("target_signal", pendTargetFrom[i] != Long.MAX_VALUE ? pendTarget[i] : targetSignal[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Params p = readParams(i, s);
        p.tau = s.d("tau_m", tau_m[i]);
        double co = s.d("eprop_isi_trace_cutoff", cutoff[i]);
        if (p.cm <= 0) throw badProperty("Membrane capacitance C_m > 0 required.");
        if (p.tau <= 0) throw badProperty("Membrane time constant tau_m > 0 required.");
        if (co < 0.0) {
            throw badProperty("Cutoff of integration of eprop trace between spikes eprop_isi_trace_cutoff ≥ 0 required.");
        }
        double vm = readVm(i, s, p);
        storeParams(i, p);
        cutoff[i] = co;
        vM[i] = vm;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (cutoffSteps == null) cutoffSteps = new long[n];
        for (int i = 0; i < n; i++) cutoffSteps[i] = kernel.time.msToSteps(cutoff[i]);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final RateEvents.Out o = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            applyDue(i);
            final int base = o == null || o.ls == null ? -1 : o.beginLearningSignal(i);
            for (int lag = from; lag < to; lag++) {
                final long t = origin + lag;
                double zin = buf.take(SP, t, i);
                double v = pIin[i] * iIn[i] + zin + pVm[i] * vM[i];
                v = v < V_min[i] ? V_min[i] : v;
                vM[i] = v;
                readoutSignal[i] = v + E_L[i];
                errorSignal[i] = readoutSignal[i] - targetSignal[i];
                targetSignal[i] *= window[i];
                readoutSignal[i] *= window[i];
                errorSignal[i] *= window[i];
                if (base >= 0) o.ls[base + lag] = errorSignal[i];
                appendNewEpropHistoryEntry(i, t);
                writeErrorSignalToHistory(i, t, errorSignal[i]);
                iIn[i] = buf.take(CU, t, i) + I_e[i];
                if (rec && recordedBy[i] != null) record(t, i);
            }
            calls[i]++;
        }
    }

    /** Rate events NEST would have handled by now (before this node's next update) set the state. */
    private void applyDue(int i) {
        if (pendWindowFrom[i] <= calls[i]) {
            window[i] = pendWindow[i];
            pendWindowFrom[i] = Long.MAX_VALUE;
        }
        if (pendTargetFrom[i] <= calls[i]) {
            targetSignal[i] = pendTarget[i];
            pendTargetFrom[i] = Long.MAX_VALUE;
        }
    }

    /** NEST's handles_test_event(DelayedRateConnectionEvent&), which also knows the sender's model. */
    @Override
    public int checkDelayedRateReceptor(int i, int rport, org.nestj.engine.kernel.NodeBlock src) {
        boolean fromStepRateGenerator = "step_rate_generator".equals(src.model.name);
        if (fromStepRateGenerator && rport != TARGET_SIG && rport != LEARNING_WINDOW_SIG) {
            throw NestException.cannotConnect("eprop_readout neurons expect a connection with a step_rate_generator "
                    + "node through receptor_type 1 or 2.");
        }
        if (rport < LEARNING_WINDOW_SIG || rport > TARGET_SIG) throw unknownReceptor(rport, "DelayedRateConnectionEvent");
        return rport;
    }

    @Override
    public void handleRateEvent(int i, double[] v, int base, int len, double weight, int rport, long senderGid,
            boolean local) {
        final double signal = weight * v[base];
        applyDue(i);
        if (local && senderGid < gid(i)) {
            // a device updated before this node in the same update call (NEST: lower node id)
            if (rport == LEARNING_WINDOW_SIG) {
                window[i] = signal;
                pendWindowFrom[i] = Long.MAX_VALUE;
            } else if (rport == TARGET_SIG) {
                targetSignal[i] = signal;
                pendTargetFrom[i] = Long.MAX_VALUE;
            }
            return;
        }
        // a device updated after this node (nestj updates it first: this node's update in the current
        // call must not see it), or an event delivered after this slice's updates: from the next update
        final long from = local ? calls[i] + 1 : calls[i];
        if (rport == LEARNING_WINDOW_SIG) {
            pendWindow[i] = signal;
            pendWindowFrom[i] = from;
        } else if (rport == TARGET_SIG) {
            pendTarget[i] = signal;
            pendTargetFrom[i] = from;
        }
    }

    // ------------------------------------------------------------------ eprop_synapse

    /** NEST's eprop_readout::compute_gradient: g = sum err z_bar, z_bar <- alpha z_bar + z. */
    @Override
    public void computeGradient(int i, long tSpike, long tPrev, ConnStore c, int k, Optimizer opt) {
        final double[][] e = c.ext;
        double zPrevBuf = e[EpropSynapse.Z_PREV_BUF][k], zBar = e[EpropSynapse.Z_BAR][k];
        double w = c.w[k];
        final boolean eachStep = opt.optimizeEachStep();
        final double pvm = pVm[i];
        final EpropHistory a = eh[i];
        int j = a.lowerBound(tPrev - 1);
        final long until = Math.min(tPrev + cutoffSteps[i], tSpike);
        double zCurBuf = 1.0, grad = 0.0;
        for (long t = tPrev; t < until; ++t, ++j) {
            double zz = zPrevBuf;
            zPrevBuf = zCurBuf;
            zCurBuf = 0.0;
            double L = a.a[j];
            zBar = pvm * zBar + zz;
            if (eachStep) {
                grad = L * zBar;
                w = opt.optimizedWeight(e, EpropSynapse.OPT, k, t, grad, w);
            } else {
                grad += L * zBar;
            }
        }
        if (!eachStep) w = opt.optimizedWeight(e, EpropSynapse.OPT, k, until, grad, w);
        final long gap = tSpike - until;
        if (gap > 0) zBar *= GlibcMath.pow(pvm, (double) gap);
        e[EpropSynapse.Z_PREV_BUF][k] = zPrevBuf;
        e[EpropSynapse.Z_BAR][k] = zBar;
        c.w[k] = w;
    }
}
