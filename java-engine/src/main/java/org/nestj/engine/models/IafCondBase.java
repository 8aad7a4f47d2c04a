package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * Shared machinery of NEST 3.9's conductance-based leaky integrate-and-fire point neurons with a fixed threshold
 * and an absolute refractory period (iaf_cond_alpha, iaf_cond_beta, iaf_cond_exp, iaf_cond_exp_sfa_rr), all
 * integrated with GSL's RKF45 under {@code gsl_odeiv_control_y_new(1e-3, 0)} ({@link GslNeuronBlock}):
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) [- model currents] + I_stim + I_e
 *   (in the right-hand side V = min(V, V_th); while refractory V = V_reset and dV/dt = 0)
 * </pre>
 *
 * What every model of the family does the same way (models/iaf_cond_*.cpp):
 * <ul>
 *   <li>the parameters V_th, V_reset, t_ref, g_L, E_L, E_ex, E_in, C_m, the synaptic time constants, I_e, then the
 *       model's own ({@link #putOwnParameters}), shown in that order; set in NEST's order V_th, V_reset, t_ref, E_L,
 *       E_ex, E_in, C_m, g_L, the synaptic time constants, I_e, the model's own, with NEST's checks and messages;</li>
 *   <li>the state shown and set as the named elements of the state vector given by {@link Layout};</li>
 *   <li>per simulation step: the evolve loop, then the refractory clamp (V = V_reset, count down) or the threshold
 *       check (V >= V_th: spike, V = V_reset, refractory for t_ref steps, {@link #onSpike}), then the spike input
 *       of the step (|w| into the excitatory or inhibitory input element, times psInit for the alpha and beta
 *       kernels), then the new stimulus current, then recording. NEST adds the spike input before the threshold
 *       check in iaf_cond_exp(_sfa_rr) and after it in iaf_cond_alpha/beta; the two touch disjoint state
 *       (conductances vs. V_m and the refractory counter), so one order serves all four;</li>
 *   <li>one spike receptor (port 0; positive weights excitatory, the others inhibitory with their sign flipped)
 *       and one current receptor.</li>
 * </ul>
 */
abstract class IafCondBase extends GslNeuronBlock {
    /** Index of V_m in the state vector. */
    static final int V_M = 0;
    /** Recordable index standing for t_ref_remaining (resolution times the refractory counter). */
    static final int T_REF_REMAINING = -1;

    /**
     * What the shared code needs to know of a model: the dimension of its state vector, the elements the excitatory
     * and inhibitory spike input is added to, the state shown and set by status (in NEST's order), the recordables
     * (NEST's recordablesMap order; {@link #T_REF_REMAINING} for t_ref_remaining) and the names of its synaptic
     * time constants (shown and set between C_m and I_e, all checked to be strictly positive).
     */
    static final class Layout {
        final int dim, spikeEx, spikeIn;
        final String[] stateKeys, recordables, tauKeys;
        final int[] stateIdx, recordIdx;

        Layout(int dim, int spikeEx, int spikeIn, String[] stateKeys, int[] stateIdx, String[] recordables,
                int[] recordIdx, String... tauKeys) {
            this.dim = dim;
            this.spikeEx = spikeEx;
            this.spikeIn = spikeIn;
            this.stateKeys = stateKeys;
            this.stateIdx = stateIdx;
            this.recordables = recordables;
            this.recordIdx = recordIdx;
            this.tauKeys = tauKeys;
        }

        /** The same layout with other synaptic time constants. */
        Layout withTimeConstants(String... keys) {
            return new Layout(dim, spikeEx, spikeIn, stateKeys, stateIdx, recordables, recordIdx, keys);
        }
    }

    @PerNode public double[] V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L, I_e;
    /**
     * Spike input scaling per node (NEST's PSConInit_E/I: the conductance kick of a weight-1 spike) of the models
     * whose spikes enter the derivative dg (alpha, beta; set by their calibrate); null where a spike adds its weight
     * to the conductance itself (exp kernels).
     */
    double[] psInitE, psInitI;
    int[] refractoryCounts;
    final Layout layout;
    /** The synaptic time constants, one per-node array per name in {@link Layout#tauKeys} (the subclass's fields). */
    final double[][] tau;

    /**
     * A block with NEST's defaults of V_th, V_reset, t_ref, g_L, C_m, E_ex, E_in, E_L, of the synaptic time constants
     * (in the order of {@link Layout#tauKeys}), I_e = 0 and V_m = E_L.
     */
    IafCondBase(int n, Layout layout, double vTh, double vReset, double tRef, double gL, double cM, double eEx,
            double eIn, double eL, double... tauDefaults) {
        super(n, layout.dim);
        this.layout = layout;
        V_th = fill(n, vTh);
        V_reset = fill(n, vReset);
        t_ref = fill(n, tRef);
        g_L = fill(n, gL);
        C_m = fill(n, cM);
        E_ex = fill(n, eEx);
        E_in = fill(n, eIn);
        E_L = fill(n, eL);
        I_e = fill(n, 0.0);
        if (tauDefaults.length != layout.tauKeys.length) {
            throw new IllegalArgumentException("one default per synaptic time constant");
        }
        tau = new double[tauDefaults.length][];
        for (int k = 0; k < tau.length; k++) tau[k] = fill(n, tauDefaults[k]);
        for (int i = 0; i < n; i++) y[i][V_M] = E_L[i];
    }

    // ------------------------------------------------------------------ model hooks

    /** Puts the model's own parameters (shown after I_e) in NEST's order (default: none). */
    void putOwnParameters(int i, Map<String, Object> d) {
    }

    /** Reads the values of the model's own parameters (set after I_e) in NEST's order onto node i's (default: none). */
    double[] readOwnParameters(int i, Status s) {
        return null;
    }

    /** Whether a time constant among the values read by {@link #readOwnParameters} is not strictly positive. */
    boolean badOwnTimeConstant(double[] p) {
        return false;
    }

    /** Applies the values read by {@link #readOwnParameters} to node i. */
    void setOwnParameters(int i, double[] p) {
    }

    /** Model-specific effect of a spike of node i on its state (after V = V_reset; called once per spike). */
    void onSpike(int i, double[] yi) {
    }

    // ------------------------------------------------------------------ recording and status

    @Override
    public final String[] recordables() {
        return layout.recordables;
    }

    @Override
    public final double recordable(int var, int i) {
        final int k = layout.recordIdx[var];
        return k == T_REF_REMAINING ? kernel.time.resolution() * r[i] : y[i][k];
    }

    @Override
    public final void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("t_ref", t_ref[i]);
        d.put("g_L", g_L[i]);
        d.put("E_L", E_L[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("C_m", C_m[i]);
        final String[] tk = layout.tauKeys;
        for (int k = 0; k < tk.length; k++) d.put(tk[k], tau[k][i]);
        d.put("I_e", I_e[i]);
        putOwnParameters(i, d);
        final String[] keys = layout.stateKeys;
        for (int k = 0; k < keys.length; k++) d.put(keys[k], y[i][layout.stateIdx[k]]);
    }

    @Override
    public final void setStatus(int i, Status s) {
        final double vth = s.d("V_th", V_th[i]);
        final double vr = s.d("V_reset", V_reset[i]);
        final double tr = s.d("t_ref", t_ref[i]);
        final double el = s.d("E_L", E_L[i]);
        final double eex = s.d("E_ex", E_ex[i]);
        final double ein = s.d("E_in", E_in[i]);
        final double cm = s.d("C_m", C_m[i]);
        final double gl = s.d("g_L", g_L[i]);
        final String[] tk = layout.tauKeys;
        final double[] taus = new double[tk.length];
        boolean badTau = false;
        for (int k = 0; k < tk.length; k++) {
            taus[k] = s.d(tk[k], tau[k][i]);
            badTau |= taus[k] <= 0;
        }
        final double ie = s.d("I_e", I_e[i]);
        final double[] own = readOwnParameters(i, s);
        if (vr >= vth) throw badProperty("Reset potential must be smaller than threshold.");
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tr < 0) throw badProperty("Refractory time cannot be negative.");
        if (badTau || badOwnTimeConstant(own)) throw badProperty("All time constants must be strictly positive.");
        final double[] yi = y[i];
        final String[] keys = layout.stateKeys;
        final int[] idx = layout.stateIdx;
        final double[] st = new double[keys.length];
        for (int k = 0; k < keys.length; k++) st[k] = s.d(keys[k], yi[idx[k]]);
        setArchiving(i, s);
        V_th[i] = vth; V_reset[i] = vr; t_ref[i] = tr; E_L[i] = el; E_ex[i] = eex; E_in[i] = ein;
        C_m[i] = cm; g_L[i] = gl; I_e[i] = ie;
        for (int k = 0; k < tk.length; k++) tau[k][i] = taus[k];
        setOwnParameters(i, own);
        for (int k = 0; k < keys.length; k++) yi[idx[k]] = st[k];
    }

    // ------------------------------------------------------------------ update

    @Override
    public void calibrate() {
        if (refractoryCounts == null) refractoryCounts = new int[n];
        for (int i = 0; i < n; i++) refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    @Override
    public final void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Solver sv = solver();
        final boolean rec = recording();
        final int ex = layout.spikeEx, in = layout.spikeIn;
        final double[] pe = psInitE, pi = psInitI;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                integrate(sv, i, h);
                if (r[i] > 0) {
                    --r[i];
                    yi[V_M] = V_reset[i];
                } else if (yi[V_M] >= V_th[i]) {
                    r[i] = refractoryCounts[i];
                    yi[V_M] = V_reset[i];
                    spiked(i, step + 1);
                    onSpike(i, yi);
                    out.spike(gid(i), lag, 1);
                }
                if (pe != null) {
                    yi[ex] += take(EX, step, i) * pe[i];
                    yi[in] += take(IN, step, i) * pi[i];
                } else {
                    yi[ex] += take(EX, step, i);
                    yi[in] += take(IN, step, i);
                }
                iStim[i] = take(CUR, step, i);
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    // ------------------------------------------------------------------ input

    @Override
    public final int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
    }

    @Override
    public final void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (weight > 0.0) buf.add(EX, step, i, weight * mult);
        else buf.add(IN, step, i, -weight * mult);
    }
}
