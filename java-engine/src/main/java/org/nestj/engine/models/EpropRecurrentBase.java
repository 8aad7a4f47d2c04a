package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchive;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST's four recurrent e-prop neurons without update intervals share (eprop_iaf, eprop_iaf_adapt,
 * eprop_iaf_psc_delta, eprop_iaf_psc_delta_adapt; NEST nestkernel/eprop_archiving_node_recurrent.h
 * with hist_shift_required false): their parameters and status, the surrogate gradient functions, the
 * e-prop history ({@link EpropArchive}) with the firing-rate regularization
 * f_av <- kappa_reg f_av + (1 - kappa_reg) z / dt, reg = c_reg (f_av - f_target dt), the learning
 * signals from eprop_readout, and eprop_synapse's gradient between two presynaptic spikes (the
 * models' compute_gradient), here for both the plain (e = psi z_bar) and the adaptive
 * (e = psi (z_bar - adapt_beta epsilon), epsilon <- P_adapt epsilon + e) variants.
 * Not an ArchivingNode in NEST: no t_spike, tau_minus, Ca entries. Voltages are kept relative to E_L.
 */
public abstract class EpropRecurrentBase extends NeuronBlock implements EpropSynapse.Target {
    static final int SP = 0, CU = 1;
    /** surrogate gradient functions, in the (alphabetical) order of NEST's map */
    static final String[] SG_NAMES = {"arctan", "exponential", "fast_sigmoid_derivative", "piecewise_linear"};
    static final int SG_ARCTAN = 0, SG_EXP = 1, SG_FSD = 2, SG_PWL = 3;

    @PerNode public double[] C_m, c_reg, E_L, f_target, beta, gamma, I_e, t_ref, tau_m, V_min, V_th, kappa, kappa_reg,
            cutoff;
    @PerNode public String[] sgName;
    /** state: learning signal, surrogate gradient, input current, V_m - E_L, spike state */
    @PerNode public double[] ls, sg, i_in, v_m, z;
    @PerNode public int[] r;
    /** firing-rate average of the regularization (EpropArchivingNodeRecurrent::f_av_) */
    @PerNode public double[] f_av;
    /** adaptive models: adapt_beta, adapt_tau, adaptation, V_th_adapt - E_L */
    @PerNode public double[] adapt_beta, adapt_tau, adapt, v_th_adapt;
    /** psc_delta models: V_reset - E_L, refractory_input, the refractory spike buffer */
    @PerNode public double[] V_reset, refr_spikes_buffer;
    @PerNode public boolean[] with_refr_input;

    /**
     * the surrogate gradient function in use; not copied into new nodes (NEST's copy constructor
     * leaves compute_surrogate_gradient_ at piecewise_linear whatever the model default's name says)
     */
    public final int[] sgCode;
    public final EpropArchive[] hist;
    double[] P_v_m, P_i_in, P_adapt;
    int[] refractoryCounts;
    long[] cutoffSteps;
    InputBuffer buf;
    final boolean adaptive, pscDelta;

    protected EpropRecurrentBase(int n, boolean adaptive, boolean pscDelta) {
        super(n);
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
        f_av = fill(n, 0.0);
        adapt_beta = fill(n, 1.0);
        adapt_tau = fill(n, 10.0);
        adapt = fill(n, 0.0);
        v_th_adapt = fill(n, 15.0);
        V_reset = fill(n, -70.0 - -70.0);
        refr_spikes_buffer = fill(n, 0.0);
        with_refr_input = fillB(n, false);
        sgCode = fillI(n, SG_PWL);
        hist = new EpropArchive[n];
        for (int i = 0; i < n; i++) hist[i] = new EpropArchive();
    }

    // ------------------------------------------------------------------ status

    /** NEST's find_surrogate_gradient: the code of a name, BadProperty with NEST's message if unknown. */
    final int findSurrogateGradient(String name) {
        for (int j = 0; j < SG_NAMES.length; j++) {
            if (SG_NAMES[j].equals(name)) return j;
        }
        StringBuilder m = new StringBuilder("Surrogate gradient / pseudo-derivate function surrogate_gradient_function from [");
        for (String s : SG_NAMES) m.append(" \"").append(s).append("\",");
        m.setLength(m.length() - 1);
        m.append(" ] required.");
        throw badProperty(m.toString());
    }

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
            sgCode[i] = findSurrogateGradient(sgn);
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

    @Override
    public double recordable(int var, int i) {
        switch (recordables()[var]) {
            case "eprop_history_duration": return kernel.time.resolution() * hist[i].size;
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

    /** NEST's surrogate gradient functions (0 while refractory). */
    final double surrogateGradient(int i, int ri, double v, double vth) {
        if (ri > 0) return 0.0;
        final double be = beta[i], ga = gamma[i];
        switch (sgCode[i]) {
            case SG_EXP:
                return ga * GlibcMath.exp(-be * Math.abs(v - vth));
            case SG_FSD:
                return ga * GlibcMath.pow(1.0 + be * Math.abs(v - vth), -2.0);
            case SG_ARCTAN: {
                double x = be * Math.PI * (v - vth);
                return ga / Math.PI * (1.0 / (1.0 + GlibcMath.pow(x, 2.0)));
            }
            default:
                return ga * Math.max(0.0, 1.0 - be * Math.abs(v - vth));
        }
    }

    /**
     * The e-prop history of step t after the neuron's update (append_new_eprop_history_entry,
     * write_surrogate_gradient_to_history, write_firing_rate_reg_to_history, get_learning_signal_from_history).
     */
    final void archiveStep(int i, long t, double zt) {
        EpropArchive a = hist[i];
        if (a.indegree > 0) {
            a.append(t);
            int j = a.size - 1;
            a.a[j] = sg[i];
            double dt = kernel.time.resolution();
            double ft = f_target[i] * dt;
            double kr = kappa_reg[i];
            f_av[i] = kr * f_av[i] + (1.0 - kr) * zt / dt;
            a.c[a.lowerBound(t)] = c_reg[i] * (f_av[i] - ft);
        }
        ls[i] = a.learningSignal(t);
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

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public int checkLearningSignalReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "LearningSignalConnectionEvent");
        return 0;
    }

    @Override
    public void handleLearningSignal(int i, long stamp, double[] v, int base, int md, double weight) {
        EpropArchive a = hist[i];
        for (int lag = 0; lag < md; lag++) a.addLearningSignal(stamp, weight * v[base + lag]);
    }

    // ------------------------------------------------------------------ eprop_synapse

    @Override
    public EpropArchive epropArchive(int i) {
        return hist[i];
    }

    @Override
    public long epropCutoffSteps(int i) {
        return cutoffSteps[i];
    }

    /**
     * NEST's compute_gradient of the recurrent models: the gradient from the previous presynaptic spike
     * to the cutoff or the current spike, fed to the optimizer each step or once; then the traces decay
     * to the current spike. The connection's traces are the columns of c at k (EpropSynapse's layout).
     */
    @Override
    public void computeGradient(int i, long tSpike, long tPrev, ConnStore c, int k, WeightOptimizer opt) {
        final double[][] e = c.ext;
        double zPrevBuf = e[EpropSynapse.Z_PREV_BUF][k], zBar = e[EpropSynapse.Z_BAR][k], eBar = e[EpropSynapse.E_BAR][k],
                eBarReg = e[EpropSynapse.E_BAR_REG][k], eps = e[EpropSynapse.EPSILON][k];
        double w = c.w[k];
        final boolean eachStep = opt.optimizeEachStep;
        final double pvm = P_v_m[i], ka = kappa[i], kr = kappa_reg[i], pad = P_adapt[i], ab = adapt_beta[i];
        final EpropArchive a = hist[i];
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
