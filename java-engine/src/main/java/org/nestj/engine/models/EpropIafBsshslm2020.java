package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.EpropArchivingNodeRecurrent;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_iaf_bsshslm_2020 — leaky integrate-and-fire neuron with delta-shaped postsynaptic currents for
 * e-prop plasticity after Bellec et al. (2020) (NEST 3.9 models/eprop_iaf_bsshslm_2020.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/eprop_iaf_bsshslm_2020.html).
 *
 * <pre>
 *   v^t = alpha v^{t-1} + zeta z_in^t + P_i i_in^{t-1} - z^{t-1} v_th,   v^t >= v_min
 *   alpha = exp(-dt / tau_m),  zeta = 1 (regular_spike_arrival) or 1 - alpha,  P_i = tau_m / C_m (1 - alpha)
 *   z^t = H(v^t - v_th) outside the refractory period (t_ref)
 * </pre>
 * Voltages are kept relative to E_L. At the first step of every update interval (eprop_update_interval,
 * shifted by offset_gen + delay_in_rec = 2 steps) the used histories are erased and, with
 * eprop_reset_neurons_on_update, v, z and the refractory count are reset. Each step writes the surrogate
 * gradient psi(v) to the e-prop history; the last step of an interval writes the firing rate
 * regularization c_reg (f_av - f_target dt) / T. The learning signal is read back from the history.
 * compute_gradient (called by eprop_synapse_bsshslm_2020): over the presynaptic spikes since the previous
 * trigger spike, z_bar = alpha z_bar + zeta z, e = psi z_bar, e_bar = kappa e_bar + (1 - kappa) e,
 * g = sum L e_bar + reg sum e (divided by the learning window if average_gradient).
 * eprop_iaf_adapt_bsshslm_2020 adds threshold adaptation (see {@link EpropIafAdaptBsshslm2020}).
 */
public class EpropIafBsshslm2020 extends EpropArchivingNodeRecurrent {
    static final int SP = 0, CU = 1;
    @PerNode public double[] C_m, c_reg, E_L, f_target, beta, gamma, I_e, t_ref, tau_m, V_min, V_th;
    @PerNode public boolean[] regular_spike_arrival;
    /** the surrogate_gradient_function parameter (the function computed: {@link #sgFunction}) */
    @PerNode public String[] sgName;
    /** state: learning signal, surrogate gradient, input current, V_m - E_L, z, z_in; refractory count */
    @PerNode public double[] learningSignal, surrogateGradient, iIn, vM, z, zIn;
    @PerNode public int[] r;
    double[] pVm, pIin, pZin;
    int[] refractoryCounts;
    InputBuffer buf;

    public EpropIafBsshslm2020(int n) {
        super(n, true);
        C_m = fill(n, 250.0);
        c_reg = fill(n, 0.0);
        E_L = fill(n, -70.0);
        f_target = fill(n, 0.01);
        beta = fill(n, 1.0);
        gamma = fill(n, 0.3);
        I_e = fill(n, 0.0);
        regular_spike_arrival = fillB(n, true);
        sgName = new String[n];
        java.util.Arrays.fill(sgName, SURROGATE_GRADIENT_FUNCTIONS[SG_PIECEWISE_LINEAR]);
        t_ref = fill(n, 2.0);
        tau_m = fill(n, 10.0);
        V_min = fill(n, -Double.MAX_VALUE);
        V_th = fill(n, -55.0 - -70.0);
        learningSignal = fill(n, 0.0);
        surrogateGradient = fill(n, 0.0);
        iIn = fill(n, 0.0);
        vM = fill(n, 0.0);
        z = fill(n, 0.0);
        zIn = fill(n, 0.0);
        r = fillI(n, 0);
    }

    @Override
    public EpropIafBsshslm2020 make(int n) {
        return new EpropIafBsshslm2020(n);
    }

    @Override
    public long getShift() {
        return OFFSET_GEN + DELAY_IN_REC;
    }

    private static final String[] RECORDABLES = {"eprop_history_duration", "learning_signal", "surrogate_gradient", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return epropHistoryDuration(i);
            case 1: return learningSignal[i];
            case 2: return surrogateGradient[i];
            default: return vM[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("C_m", C_m[i]);
        d.put("c_reg", c_reg[i]);
        d.put("E_L", E_L[i]);
        d.put("f_target", f_target[i]);
        d.put("beta", beta[i]);
        d.put("gamma", gamma[i]);
        d.put("I_e", I_e[i]);
        d.put("regular_spike_arrival", regular_spike_arrival[i]);
        d.put("surrogate_gradient_function", sgName[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_m", tau_m[i]);
        d.put("V_min", V_min[i] + E_L[i]);
        d.put("V_th", V_th[i] + E_L[i]);
        d.put("V_m", vM[i] + E_L[i]);
        d.put("surrogate_gradient", surrogateGradient[i]);
        d.put("learning_signal", learningSignal[i]);
    }

    /** The parameters of Parameters_::set, read in NEST's order (voltages relative to the new E_L). */
    static final class Params {
        double cm, creg, el, deltaEL, ft, be, ga, ie, tr, tau, vmin, vth;
        boolean rsa;
        String sg;
    }

    final Params readParams(int i, Status s) {
        Params p = new Params();
        p.el = s.d("E_L", E_L[i]);
        p.deltaEL = p.el - E_L[i];
        p.vth = s.has("V_th") ? s.d("V_th", 0) - p.el : V_th[i] - p.deltaEL;
        p.vmin = s.has("V_min") ? s.d("V_min", 0) - p.el : V_min[i] - p.deltaEL;
        return p;
    }

    final void readRest(int i, Status s, Params p) {
        p.cm = s.d("C_m", C_m[i]);
        p.creg = s.d("c_reg", c_reg[i]);
        p.ft = s.has("f_target") ? s.d("f_target", 0) / 1000.0 : f_target[i];
        p.be = s.d("beta", beta[i]);
        p.ga = s.d("gamma", gamma[i]);
        p.ie = s.d("I_e", I_e[i]);
        p.rsa = s.b("regular_spike_arrival", regular_spike_arrival[i]);
        p.sg = sgName[i];
        if (s.has("surrogate_gradient_function")) {
            p.sg = s.s("surrogate_gradient_function", p.sg);
            selectSurrogateGradient(i, p.sg);
        }
        p.tr = s.d("t_ref", t_ref[i]);
        p.tau = s.d("tau_m", tau_m[i]);
    }

    final void checkParams(Params p) {
        if (p.cm <= 0) throw badProperty("Membrane capacitance C_m > 0 required.");
        if (p.creg < 0) throw badProperty("Firing rate regularization coefficient c_reg ≥ 0 required.");
        if (p.ft < 0) throw badProperty("Firing rate regularization target rate f_target ≥ 0 required.");
        if (p.tau <= 0) throw badProperty("Membrane time constant tau_m > 0 required.");
        if (p.tr < 0) throw badProperty("Refractory time t_ref ≥ 0 required.");
        if (p.vth < p.vmin) throw badProperty("Spike threshold voltage V_th ≥ minimal voltage V_min required.");
    }

    final void storeParams(int i, Params p) {
        C_m[i] = p.cm;
        c_reg[i] = p.creg;
        E_L[i] = p.el;
        f_target[i] = p.ft;
        beta[i] = p.be;
        gamma[i] = p.ga;
        I_e[i] = p.ie;
        regular_spike_arrival[i] = p.rsa;
        sgName[i] = p.sg;
        t_ref[i] = p.tr;
        tau_m[i] = p.tau;
        V_min[i] = p.vmin;
        V_th[i] = p.vth;
    }

    @Override
    public void setStatus(int i, Status s) {
        Params p = readParams(i, s);
        readRest(i, s, p);
        checkParams(p);
        double v = s.has("V_m") ? s.d("V_m", 0) - p.el : vM[i] - p.deltaEL;
        storeParams(i, p);
        vM[i] = v;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
        useSpikeInput(buf, SP, SP);
    }

    @Override
    public void calibrate() {
        final double dt = kernel.time.resolution();
        if (pVm == null) {
            pVm = new double[n];
            pIin = new double[n];
            pZin = new double[n];
            refractoryCounts = new int[n];
        }
        for (int i = 0; i < n; i++) {
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            pVm[i] = GlibcMath.exp(-dt / tau_m[i]);
            pIin[i] = tau_m[i] / C_m[i] * (1.0 - pVm[i]);
            pZin[i] = regular_spike_arrival[i] ? 1.0 : 1.0 - pVm[i];
        }
    }

    /** The adaptive threshold's update of step (eprop_iaf_adapt_bsshslm_2020); returns the threshold to use. */
    double adapt(int i, double zPrev) {
        return V_th[i];
    }

    /** The reset of the adaptation at an update (eprop_iaf_adapt_bsshslm_2020). */
    void resetAdaptation(int i) {
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final long updateInterval = kernel.epropUpdateIntervalSteps();
        final boolean withReset = kernel.epropResetNeuronsOnUpdate;
        final long shift = getShift();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            int slot = (int) ((origin + from) % len);
            for (int lag = from; lag < to; lag++, slot = slot + 1 == len ? 0 : slot + 1) {
                final long t = origin + lag;
                final long intervalStep = (t - shift) % updateInterval;
                if (intervalStep == 0) {
                    eraseUsedFiringRateRegHistory(i);
                    eraseUsedEpropHistory(i);
                    if (withReset) {
                        vM[i] = 0.0;
                        resetAdaptation(i);
                        r[i] = 0;
                        z[i] = 0.0;
                    }
                }
                if (r[i] > 0) --r[i];
                final int ks = (SP * len + slot) * n + i, kc = (CU * len + slot) * n + i;
                zIn[i] = bd[ks];
                bd[ks] = 0.0;
                double v = pIin[i] * iIn[i] + pZin[i] * zIn[i] + pVm[i] * vM[i];
                v -= V_th[i] * z[i];
                v = v < V_min[i] ? V_min[i] : v;
                vM[i] = v;
                final double vth = adapt(i, z[i]);
                z[i] = 0.0;
                surrogateGradient[i] = surrogateGradient(i, r[i], v, vth, beta[i], gamma[i]);
                if (v >= vth && r[i] == 0) {
                    countSpike(i);
                    out.spike(gid(i), lag, 1);
                    z[i] = 1.0;
                    r[i] = refractoryCounts[i];
                }
                appendNewEpropHistoryEntry(i, t);
                writeSurrogateGradientToHistory(i, t, surrogateGradient[i]);
                if (intervalStep == updateInterval - 1) {
                    writeFiringRateRegToHistory(i, t, f_target[i], c_reg[i]);
                    resetSpikeCount(i);
                }
                learningSignal[i] = getLearningSignalFromHistory(i, t);
                iIn[i] = bd[kc] + I_e[i];
                bd[kc] = 0.0;
                if (rec && recordedBy[i] != null) record(t, i);
            }
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

    /** The eligibility trace's adaptive part (eprop_iaf_adapt_bsshslm_2020); 0 here. */
    double adaptBeta(int i) {
        return 0.0;
    }

    /** The adaptation propagator (eprop_iaf_adapt_bsshslm_2020). */
    double pAdapt(int i) {
        return 0.0;
    }

    @Override
    public double computeGradient(int i, long[] isis, int nIsis, long tPreviousUpdate, long tPreviousTriggerSpike,
            double kappa, boolean averageGradient) {
        final org.nestj.engine.kernel.EpropHistory h = eh[i];
        int p = h.lowerBound(tPreviousTriggerSpike);
        final double[] psiH = h.a, lH = h.b;
        final double pv = pVm[i], pz = pZin[i];
        final boolean adaptive = isAdaptive();
        final double ab = adaptBeta(i), pa = pAdapt(i);
        double e, eBar = 0.0, epsilon = 0.0, grad = 0.0, sumE = 0.0, zz, zBar = 0.0;
        for (int q = 0; q < nIsis; q++) {
            final long isi = isis[q];
            zz = 1.0;
            for (long s = 0; s < isi; s++) {
                if (p >= h.size) throw new IllegalStateException("e-prop history exhausted");
                final double psi = psiH[p], L = lH[p];
                zBar = pv * zBar + pz * zz;
                if (adaptive) {
                    e = psi * (zBar - ab * epsilon);
                    epsilon = pa * epsilon + e;
                } else {
                    e = psi * zBar;
                }
                eBar = kappa * eBar + (1.0 - kappa) * e;
                grad += L * eBar;
                sumE += e;
                zz = 0.0;
                p++;
            }
        }
        final long updateInterval = kernel.epropUpdateIntervalSteps();
        final long learningWindow = kernel.epropLearningWindowSteps();
        final double firingRateReg = getFiringRateRegHistory(i, tPreviousUpdate + getShift() + updateInterval);
        grad += firingRateReg * sumE;
        if (averageGradient) grad /= learningWindow;
        return grad;
    }

    boolean isAdaptive() {
        return false;
    }
}
