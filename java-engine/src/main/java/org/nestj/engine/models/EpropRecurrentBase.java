package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchivingNodeRecurrent;
import org.nestj.engine.kernel.EpropHistory;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST's four recurrent e-prop neurons without update intervals share (eprop_iaf, eprop_iaf_adapt,
 * eprop_iaf_psc_delta, eprop_iaf_psc_delta_adapt), on NEST's EpropArchivingNodeRecurrent with
 * hist_shift_required false ({@link EpropArchivingNodeRecurrent}: the e-prop history, the surrogate gradient
 * functions, the firing-rate regularization f_av <- kappa_reg f_av + (1 - kappa_reg) z / dt,
 * reg = c_reg (f_av - f_target dt), the learning signals from eprop_readout): their parameters and status,
 * and eprop_synapse's gradient between two presynaptic spikes (the models' compute_gradient), here for both
 * the plain (e = psi z_bar) and the adaptive (e = psi (z_bar - adapt_beta epsilon),
 * epsilon <- P_adapt epsilon + e) variants. Not an ArchivingNode in NEST: no t_spike, tau_minus, Ca entries.
 * Voltages are kept relative to E_L.
 */
public abstract class EpropRecurrentBase extends EpropArchivingNodeRecurrent {
    static final int SP = 0, CU = 1;

    @PerNode public double[] C_m, c_reg, E_L, f_target, beta, gamma, I_e, t_ref, tau_m, V_min, V_th, kappa, kappa_reg,
            cutoff;
    @PerNode public String[] sgName;
    /** state: learning signal, surrogate gradient, input current, V_m - E_L, spike state */
    @PerNode public double[] ls, sg, i_in, v_m, z;
    @PerNode public int[] r;
    /** adaptive models: adapt_beta, adapt_tau, adaptation, V_th_adapt - E_L */
    @PerNode public double[] adapt_beta, adapt_tau, adapt, v_th_adapt;
    /** psc_delta models: V_reset - E_L, refractory_input, the refractory spike buffer */
    @PerNode public double[] V_reset, refr_spikes_buffer;
    @PerNode public boolean[] with_refr_input;

    double[] P_v_m, P_i_in, P_adapt;
    int[] refractoryCounts;
    long[] cutoffSteps;
    InputBuffer buf;
    final boolean adaptive, pscDelta;

    protected EpropRecurrentBase(int n, boolean adaptive, boolean pscDelta) {
        super(n, false);
        this.adaptive = adaptive;
        this.pscDelta = pscDelta;
        C_m = fill(n, 250.0);
        c_reg = fill(n, 0.0);
        E_L = fill(n, -70.0);
        f_target = fill(n, 0.01);
        beta = fill(n, 1.0);
        gamma = fill(n, 0.3);
        I_e = fill(n, 0.0);
        t_ref = fill(n, 2.0);
        tau_m = fill(n, 10.0);
        V_min = fill(n, -Double.MAX_VALUE);
        V_th = fill(n, -55.0 - -70.0);
        kappa = fill(n, 0.97);
        kappa_reg = fill(n, 0.97);
        cutoff = fill(n, 1000.0);
        sgName = new String[n];
        java.util.Arrays.fill(sgName, "piecewise_linear");
        ls = fill(n, 0.0);
        sg = fill(n, 0.0);
        i_in = fill(n, 0.0);
        v_m = fill(n, 0.0);
        z = fill(n, 0.0);
        r = fillI(n, 0);
        adapt_beta = fill(n, 1.0);
        adapt_tau = fill(n, 10.0);
        adapt = fill(n, 0.0);
        v_th_adapt = fill(n, 15.0);
        V_reset = fill(n, -70.0 - -70.0);
        refr_spikes_buffer = fill(n, 0.0);
        with_refr_input = fillB(n, false);
    }

    @Override
    public final long getShift() {
        return OFFSET_GEN + DELAY_IN_REC;
    }

    @Override
    public final long getEpropIsiTraceCutoff(int i) {
        return cutoffSteps[i];
    }

    // ------------------------------------------------------------------ status

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        double el = E_L[i];
        d.put("C_m", C_m[i]);
        d.put("c_reg", c_reg[i]);
        d.put("E_L", el);
        d.put("f_target", f_target[i]);
        d.put("beta", beta[i]);
        d.put("gamma", gamma[i]);
        d.put("I_e", I_e[i]);
        d.put("surrogate_gradient_function", sgName[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_m", tau_m[i]);
        d.put("V_min", V_min[i] + el);
        d.put("V_th", V_th[i] + el);
        d.put("kappa", kappa[i]);
        d.put("kappa_reg", kappa_reg[i]);
        d.put("eprop_isi_trace_cutoff", cutoff[i]);
        if (adaptive) {
            d.put("adapt_beta", adapt_beta[i]);
            d.put("adapt_tau", adapt_tau[i]);
            d.put("adaptation", adapt[i]);
            d.put("V_th_adapt", v_th_adapt[i] + el);
        }
        if (pscDelta) {
            d.put("V_reset", V_reset[i] + el);
            d.put("refractory_input", with_refr_input[i]);
        }
        d.put("V_m", v_m[i] + el);
        d.put("surrogate_gradient", sg[i]);
        d.put("learning_signal", ls[i]);
    }

    /** NEST's updateValueParam followed by the relative-voltage rule: value - E_L if given, else old - delta_EL. */
    private static double relative(Status s, String key, double cur, double el, double deltaEl) {
        return s.has(key) ? s.d(key, cur) - el : cur - deltaEl;
    }

    @Override
    public void setStatus(int i, Status s) {
        // Parameters_::set, in NEST's order of reading and checking
        double elOld = E_L[i];
        double el = s.d("E_L", elOld);
        double dEl = el - elOld;
        double vReset = pscDelta ? relative(s, "V_reset", V_reset[i], el, dEl) : V_reset[i];
        double vth = relative(s, "V_th", V_th[i], el, dEl);
        double vmin = relative(s, "V_min", V_min[i], el, dEl);
        double ab = adaptive ? s.d("adapt_beta", adapt_beta[i]) : adapt_beta[i];
        double at = adaptive ? s.d("adapt_tau", adapt_tau[i]) : adapt_tau[i];
        double cm = s.d("C_m", C_m[i]);
        double creg = s.d("c_reg", c_reg[i]);
        double ft = f_target[i];
        if (s.has("f_target")) ft = s.d("f_target", ft) / 1000.0;   // spikes/s to spikes/ms
        double be = s.d("beta", beta[i]);
        double ga = s.d("gamma", gamma[i]);
        double ie = s.d("I_e", I_e[i]);
        String sgn = sgName[i];
        if (s.has("surrogate_gradient_function")) {
            sgn = s.s("surrogate_gradient_function", sgn);
            // NEST changes the node's function at once, before the checks below
            selectSurrogateGradient(i, sgn);
        }
        double tr = s.d("t_ref", t_ref[i]);
        double tm = s.d("tau_m", tau_m[i]);
        boolean wri = pscDelta ? s.b("refractory_input", with_refr_input[i]) : with_refr_input[i];
        double ka = s.d("kappa", kappa[i]);
        double kr = s.d("kappa_reg", kappa_reg[i]);
        double co = s.d("eprop_isi_trace_cutoff", cutoff[i]);
        if (pscDelta) {
            if (vth < vmin) throw badProperty("Spike threshold voltage V_th ≥ minimal voltage V_min required.");
            if (vReset >= vth) throw badProperty("Reset potential must be smaller than threshold.");
            if (vReset < vmin) throw badProperty("Reset voltage V_reset ≥ minimal voltage V_min required.");
            if (cm <= 0) throw badProperty("Membrane capacitance C_m > 0 required.");
            if (tr < 0) throw badProperty("Refractory time t_ref ≥ 0 required.");
            if (tm <= 0) throw badProperty("Membrane time constant tau_m > 0 required.");
            checkAdapt(ab, at);
            checkReg(creg, ft);
        } else {
            checkAdapt(ab, at);
            if (cm <= 0) throw badProperty("Membrane capacitance C_m > 0 required.");
            checkReg(creg, ft);
            if (tm <= 0) throw badProperty("Membrane time constant tau_m > 0 required.");
            if (tr < 0) throw badProperty("Refractory time t_ref ≥ 0 required.");
            if (vth < vmin) throw badProperty("Spike threshold voltage V_th ≥ minimal voltage V_min required.");
        }
        if (ka < 0.0 || ka > 1.0) throw badProperty("Eligibility trace low-pass filter kappa from range [0, 1] required.");
        if (kr < 0.0 || kr > 1.0) {
            throw badProperty("Firing rate low-pass filter for regularization kappa_reg from range [0, 1] required.");
        }
        if (co < 0.0) {
            throw badProperty("Cutoff of integration of eprop trace between spikes eprop_isi_trace_cutoff ≥ 0 required.");
        }
        // State_::set
        double vm = relative(s, "V_m", v_m[i], el, dEl);
        double ad = adapt[i], vta = v_th_adapt[i];
        if (adaptive) {
            if (s.has("adaptation")) {
                ad = s.d("adaptation", ad);
                vta = vth + ab * ad;
            } else {
                vta -= dEl;
            }
        }
        E_L[i] = el; V_reset[i] = vReset; V_th[i] = vth; V_min[i] = vmin; adapt_beta[i] = ab; adapt_tau[i] = at;
        C_m[i] = cm; c_reg[i] = creg; f_target[i] = ft; beta[i] = be; gamma[i] = ga; I_e[i] = ie; sgName[i] = sgn;
        t_ref[i] = tr; tau_m[i] = tm; with_refr_input[i] = wri; kappa[i] = ka; kappa_reg[i] = kr; cutoff[i] = co;
        v_m[i] = vm; adapt[i] = ad; v_th_adapt[i] = vta;
    }

    private void checkAdapt(double ab, double at) {
        if (!adaptive) return;
        if (ab < 0) throw badProperty("Threshold adaptation prefactor adapt_beta ≥ 0 required.");
        if (at <= 0) throw badProperty("Threshold adaptation time constant adapt_tau > 0 required.");
    }

    private void checkReg(double creg, double ft) {
        if (creg < 0) throw badProperty("Firing rate regularization coefficient c_reg ≥ 0 required.");
        if (ft < 0) throw badProperty("Firing rate regularization target rate f_target ≥ 0 required.");
    }

    // ------------------------------------------------------------------ recordables

    private static final String[] RECORDABLES = {"eprop_history_duration", "learning_signal", "surrogate_gradient", "V_m"};
    private static final String[] RECORDABLES_ADAPT = {"adaptation", "eprop_history_duration", "learning_signal",
        "surrogate_gradient", "V_m", "V_th_adapt"};

    @Override
    public final String[] recordables() {
        return adaptive ? RECORDABLES_ADAPT : RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (recordables()[var]) {
            case "eprop_history_duration": return epropHistoryDuration(i);
            case "learning_signal": return ls[i];
            case "surrogate_gradient": return sg[i];
            case "adaptation": return adapt[i];
            case "V_th_adapt": return v_th_adapt[i] + E_L[i];
            default: return v_m[i] + E_L[i];
        }
    }

    // ------------------------------------------------------------------ buffers, calibration

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
        useSpikeInput(buf, SP, SP);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P_v_m == null) {
            P_v_m = new double[n];
            P_i_in = new double[n];
            P_adapt = new double[n];
            refractoryCounts = new int[n];
            cutoffSteps = new long[n];
        }
        for (int i = 0; i < n; i++) {
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
            cutoffSteps[i] = kernel.time.msToSteps(cutoff[i]);
            P_v_m[i] = GlibcMath.exp(-h / tau_m[i]);
            P_i_in[i] = tau_m[i] / C_m[i] * (1.0 - P_v_m[i]);
            P_adapt[i] = adaptive ? GlibcMath.exp(-h / adapt_tau[i]) : 0.0;
        }
    }

    // ------------------------------------------------------------------ dynamics helpers

    /** The surrogate gradient of node i at v with threshold vth (0 while refractory). */
    final double surrogateGradient(int i, int ri, double v, double vth) {
        return surrogateGradient(i, ri, v, vth, beta[i], gamma[i]);
    }

    /**
     * The e-prop history of step t after the neuron's update (append_new_eprop_history_entry,
     * write_surrogate_gradient_to_history, write_firing_rate_reg_to_history, get_learning_signal_from_history).
     */
    final void archiveStep(int i, long t, double zt) {
        appendNewEpropHistoryEntry(i, t);
        writeSurrogateGradientToHistory(i, t, sg[i]);
        writeFiringRateRegToHistory(i, t, zt, f_target[i], kappa_reg[i], c_reg[i]);
        ls[i] = getLearningSignalFromHistory(i, t);
    }

    // ------------------------------------------------------------------ events

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(SP, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CU, step, i, current);
    }

    // ------------------------------------------------------------------ eprop_synapse

    /**
     * NEST's compute_gradient of the recurrent models: the gradient from the previous presynaptic spike
     * to the cutoff or the current spike, fed to the optimizer each step or once; then the traces decay
     * to the current spike. The connection's traces are the columns of c at k (EpropSynapse's layout).
     */
    @Override
    public void computeGradient(int i, long tSpike, long tPrev, ConnStore c, int k, Optimizer opt) {
        final double[][] e = c.ext;
        double zPrevBuf = e[EpropSynapse.Z_PREV_BUF][k], zBar = e[EpropSynapse.Z_BAR][k], eBar = e[EpropSynapse.E_BAR][k],
                eBarReg = e[EpropSynapse.E_BAR_REG][k], eps = e[EpropSynapse.EPSILON][k];
        double w = c.w[k];
        final boolean eachStep = opt.optimizeEachStep();
        final double pvm = P_v_m[i], ka = kappa[i], kr = kappa_reg[i], pad = P_adapt[i], ab = adapt_beta[i];
        final EpropHistory a = eh[i];
        int j = a.lowerBound(tPrev - 1);
        final long until = Math.min(tPrev + cutoffSteps[i], tSpike);
        double zCurBuf = 1.0, grad = 0.0;
        for (long t = tPrev; t < until; ++t, ++j) {
            double zz = zPrevBuf;
            zPrevBuf = zCurBuf;
            zCurBuf = 0.0;
            double psi = a.a[j], L = a.b[j], reg = a.c[j];
            zBar = pvm * zBar + zz;
            double el;
            if (adaptive) {
                el = psi * (zBar - ab * eps);
                eps = pad * eps + el;
            } else {
                el = psi * zBar;
            }
            eBar = ka * eBar + el;
            eBarReg = kr * eBarReg + (1.0 - kr) * el;
            if (eachStep) {
                grad = L * eBar + reg * eBarReg;
                w = opt.optimizedWeight(e, EpropSynapse.OPT, k, t, grad, w);
            } else {
                grad += L * eBar + reg * eBarReg;
            }
        }
        if (!eachStep) w = opt.optimizedWeight(e, EpropSynapse.OPT, k, until, grad, w);
        final long gap = tSpike - until;
        if (gap > 0) {
            zBar *= GlibcMath.pow(pvm, (double) gap);
            eBar *= GlibcMath.pow(ka, (double) gap);
            eBarReg *= GlibcMath.pow(kr, (double) gap);
            if (adaptive) eps *= GlibcMath.pow(pad, (double) gap);
        }
        e[EpropSynapse.Z_PREV_BUF][k] = zPrevBuf;
        e[EpropSynapse.Z_BAR][k] = zBar;
        e[EpropSynapse.E_BAR][k] = eBar;
        e[EpropSynapse.E_BAR_REG][k] = eBarReg;
        e[EpropSynapse.EPSILON][k] = eps;
        c.w[k] = w;
    }
}
