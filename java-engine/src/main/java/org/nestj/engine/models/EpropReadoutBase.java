package org.nestj.engine.models;

import org.nestj.engine.kernel.EpropArchivingNodeReadout;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST's two e-prop readout neurons share (eprop_readout, eprop_readout_bsshslm_2020), on NEST's
 * EpropArchivingNodeReadout: the leaky membrane
 * <pre>
 *   v^t = P_v v^{t-1} + (input) + P_i i^{t-1},  P_v = exp(-dt / tau_m),  P_i = tau_m / C_m (1 - P_v),
 *   v^t >= V_min,  i^t = I_stim^t + I_e
 * </pre>
 * with the parameters C_m, E_L, I_e, tau_m, V_min (voltages kept relative to E_L) read in NEST's order,
 * the state error_signal, readout_signal, target_signal (receptor 2), input current and V_m, their
 * recordables, the spike and current inputs, and the DelayedRateConnectionEvents they send. Each model
 * keeps its own update, rate-event handling, receptors and gradient (see {@link EpropReadout},
 * {@link EpropReadoutBsshslm2020}).
 */
public abstract class EpropReadoutBase extends EpropArchivingNodeReadout {
    static final int SP = 0, CU = 1;
    static final int TARGET_SIG = 2;

    @PerNode public double[] C_m, E_L, I_e, tau_m, V_min;
    /** state: error, readout and target signals, input current, V_m - E_L */
    @PerNode public double[] errorSignal, readoutSignal, targetSignal, iIn, vM;
    double[] pVm, pIin;
    InputBuffer buf;

    protected EpropReadoutBase(int n, boolean histShiftRequired) {
        super(n, histShiftRequired);
        C_m = fill(n, 250.0);
        E_L = fill(n, 0.0);
        I_e = fill(n, 0.0);
        tau_m = fill(n, 10.0);
        V_min = fill(n, -Double.MAX_VALUE);
        errorSignal = fill(n, 0.0);
        readoutSignal = fill(n, 0.0);
        targetSignal = fill(n, 0.0);
        iIn = fill(n, 0.0);
        vM = fill(n, 0.0);
    }

    @Override
    public final boolean sendsRates() {
        return true;
    }

    /** NEST's e-prop readouts send DelayedRateConnectionEvents only. */
    @Override
    public final boolean sendsInstantRates() {
        return false;
    }

    @Override
    public final boolean wholeRateEvents() {
        return true;
    }

    // ------------------------------------------------------------------ recordables

    @Override
    public double recordable(int var, int i) {
        final String name = recordables()[var];
        switch (name) {
            case "eprop_history_duration": return epropHistoryDuration(i);
            case "error_signal": return errorSignal[i];
            case "readout_signal": return readoutSignal[i];
            case "target_signal": return targetSignal[i];
            case "V_m": return vM[i] + E_L[i];
            default: return modelRecordable(name, i);
        }
    }

    /** A recordable of the model's own (readout_signal_unnorm of eprop_readout_bsshslm_2020). */
    double modelRecordable(String name, int i) {
        throw new IllegalArgumentException(name);
    }

    // ------------------------------------------------------------------ status

    /** Parameters_::set's common head, read in NEST's order; voltages relative to the new E_L. */
    static final class Params {
        double el, deltaEL, vmin, cm, ie, tau;
    }

    /** E_L, V_min, C_m, I_e (the models read their own parameters and tau_m after these). */
    final Params readParams(int i, Status s) {
        final Params p = new Params();
        p.el = s.d("E_L", E_L[i]);
        p.deltaEL = p.el - E_L[i];
        p.vmin = s.has("V_min") ? s.d("V_min", 0.0) - p.el : V_min[i] - p.deltaEL;
        p.cm = s.d("C_m", C_m[i]);
        p.ie = s.d("I_e", I_e[i]);
        return p;
    }

    /** State_::set: V_m relative to the new E_L (shifted with E_L if not given). */
    final double readVm(int i, Status s, Params p) {
        return s.has("V_m") ? s.d("V_m", 0.0) - p.el : vM[i] - p.deltaEL;
    }

    final void storeParams(int i, Params p) {
        E_L[i] = p.el;
        V_min[i] = p.vmin;
        C_m[i] = p.cm;
        I_e[i] = p.ie;
        tau_m[i] = p.tau;
    }

    // ------------------------------------------------------------------ buffers, calibration, input

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
        useSpikeInput(buf, SP, SP);
    }

    /** The membrane propagators P_v, P_i (the models add their own after calling this). */
    @Override
    public void calibrate() {
        final double dt = kernel.time.resolution();
        if (pVm == null) {
            pVm = new double[n];
            pIin = new double[n];
        }
        for (int i = 0; i < n; i++) {
            pVm[i] = GlibcMath.exp(-dt / tau_m[i]);
            pIin[i] = tau_m[i] / C_m[i] * (1.0 - pVm[i]);
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
