package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * The aeif models with one excitatory and one inhibitory synapse (NEST 3.9 aeif_cond_alpha, aeif_cond_exp,
 * aeif_psc_alpha, aeif_psc_exp): receptor 0 only, spikes split by the sign of the weight (positive weights
 * excitatory, the others negated inhibitory), synaptic time constants tau_syn_ex and tau_syn_in.
 *
 * <pre>
 *   exponential synapses: state (V_m, X_ex, X_in, w);  spike of weight w: X_ex += w (w > 0), X_in += -w (w <= 0)
 *   alpha synapses: state (V_m, dX_ex, X_ex, dX_in, X_in, w);  spike: dX_ex += w e/tau_syn_ex, dX_in += -w e/tau_syn_in
 * </pre>
 * (X = g for conductances, I_syn for currents.) Here: the synaptic parameters, the spike input (with the alpha
 * normalisation e/tau_syn), the recordables X_ex, X_in, V_m, w, and the status dictionary: the common aeif entries,
 * the model's own parameters (E_ex, E_in of the conductance models), tau_syn_ex/in, then the synaptic state in NEST's
 * order. The right-hand side and the order and wording of the parameter checks are the model's.
 */
abstract class AeifExInBase extends AeifBase {
    @PerNode public double[] tau_syn_ex, tau_syn_in;
    /** State indices of the excitatory and inhibitory synaptic variables (g or I). */
    private final int synEx, synIn;
    /** State indices of their derivatives, where spikes arrive (alpha synapses; -1 for exponential ones). */
    private final int dSynEx, dSynIn;
    private final boolean alpha;
    private final String[] recordables;
    /** Status keys of the synaptic state and the state indices they stand for, in NEST's order. */
    private final String[] stateKeys;
    private final int[] stateIndex;
    /** Alpha synapses: the jump of the derivative per unit weight, e/tau_syn (NEST's g0_ / i0_). */
    private double[] normEx, normIn;

    /**
     * @param w index of w in the state vector (its last entry)
     * @param ex index of the excitatory synaptic variable, {@code in} of the inhibitory one
     * @param dEx index of the derivative of the excitatory variable (alpha synapses), -1 for exponential synapses;
     *            {@code dIn} likewise
     * @param exKey status key and recordable of the excitatory variable ("g_ex" or "I_syn_ex"); the derivative's key
     *              is "d" + exKey; {@code inKey} likewise
     */
    AeifExInBase(int n, int w, int ex, int in, int dEx, int dIn, String exKey, String inKey) {
        super(n, w);
        synEx = ex;
        synIn = in;
        dSynEx = dEx;
        dSynIn = dIn;
        alpha = dEx >= 0;
        recordables = new String[] {exKey, inKey, "V_m", "w"};
        if (alpha) {
            stateKeys = new String[] {exKey, "d" + exKey, inKey, "d" + inKey};
            stateIndex = new int[] {ex, dEx, in, dIn};
        } else {
            stateKeys = new String[] {exKey, inKey};
            stateIndex = new int[] {ex, in};
        }
        tau_syn_ex = fill(n, 0.2);
        tau_syn_in = fill(n, 2.0);
        for (int i = 0; i < n; i++) y[i] = initialState(w + 1, E_L[i]);
    }

    // ------------------------------------------------------------------ model hooks

    /** NEST's checks of the common parameters, in the model's order and wording (before the time constants). */
    abstract void checkParameters(P p);

    /** The model's own parameters, put between the common entries and tau_syn_ex (default: none). */
    void getModelParameters(int i, Map<String, Object> d) {
    }

    /** Reads the model's own parameters (after the common ones, before tau_syn_ex), uncommitted (default: none). */
    double[] readModelParameters(int i, Status s) {
        return null;
    }

    /** Commits what {@link #readModelParameters} returned. */
    void commitModelParameters(int i, double[] v) {
    }

    // ------------------------------------------------------------------ recording

    @Override
    public String[] recordables() {
        return recordables;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][synEx];
            case 1: return y[i][synIn];
            case 2: return y[i][0];
            default: return y[i][W];
        }
    }

    // ------------------------------------------------------------------ input

    @Override
    protected int spikeChannels() {
        return 2;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (!alpha) return;
        if (normEx == null) {
            normEx = new double[n];
            normIn = new double[n];
        }
        for (int i = 0; i < n; i++) {
            normEx[i] = 1.0 * Math.E / tau_syn_ex[i];
            normIn[i] = 1.0 * Math.E / tau_syn_in[i];
        }
    }

    @Override
    protected void applySpikes(int i, double[] yy, long step) {
        if (alpha) {
            yy[dSynEx] += buf.take(1, step, i) * normEx[i];
            yy[dSynIn] += buf.take(2, step, i) * normIn[i];
        } else {
            yy[synEx] += buf.take(1, step, i);
            yy[synIn] += buf.take(2, step, i);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        addExIn(i, step, weight, mult);
    }

    // ------------------------------------------------------------------ status

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        getModelParameters(i, d);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        for (int k = 0; k < stateKeys.length; k++) d.put(stateKeys[k], y[i][stateIndex[k]]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        double[] own = readModelParameters(i, s);
        double tEx = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tIn = s.d("tau_syn_in", tau_syn_in[i]);
        checkParameters(p);
        if (tEx <= 0 || tIn <= 0 || p.tauW <= 0) throw badProperty("All time constants must be strictly positive.");
        p.checkTol();
        double[] ny = y[i].clone();
        ny[0] = s.d("V_m", ny[0]);
        for (int k = 0; k < stateKeys.length; k++) ny[stateIndex[k]] = s.d(stateKeys[k], ny[stateIndex[k]]);
        ny[W] = s.d("w", ny[W]);
        if (ny[synEx] < 0 || ny[synIn] < 0) throw badProperty("Conductances must not be negative.");
        setArchiving(i, s);
        p.commit(i);
        commitModelParameters(i, own);
        tau_syn_ex[i] = tEx;
        tau_syn_in[i] = tIn;
        System.arraycopy(ny, 0, y[i], 0, ny.length);
    }
}
