package org.nestj.engine.kernel;

import org.nestj.engine.NestException;
import org.nestj.engine.numerics.GlibcMath;

/**
 * NEST's EpropArchivingNodeRecurrent (nestkernel/eprop_archiving_node_recurrent{,_impl}.h): the e-prop
 * history of recurrent neurons (surrogate gradient {@link EpropHistory#a}, learning signal
 * {@link EpropHistory#b}, firing rate regularization {@link EpropHistory#c}), the surrogate gradient
 * functions, the spike count and the firing rate regularization, and the receipt of learning signals
 * (NEST's LearningSignalConnectionEvent, see {@link #handleLearningSignal}).
 *
 * <p>Surrogate gradients psi(r, v, v_th, beta, gamma), all 0 while refractory (r &gt; 0):
 * piecewise_linear gamma max(0, 1 - beta |v - v_th|), exponential gamma exp(-beta |v - v_th|),
 * fast_sigmoid_derivative gamma (1 + beta |v - v_th|)^-2, arctan gamma / pi / (1 + (beta pi (v - v_th))^2).
 */
public abstract class EpropArchivingNodeRecurrent extends EpropArchivingNode {
    /** NEST's surrogate_gradient_funcs_ (a std::map, so in key order) */
    public static final String[] SURROGATE_GRADIENT_FUNCTIONS = {"arctan", "exponential", "fast_sigmoid_derivative",
        "piecewise_linear"};
    public static final int SG_ARCTAN = 0, SG_EXPONENTIAL = 1, SG_FAST_SIGMOID_DERIVATIVE = 2, SG_PIECEWISE_LINEAR = 3;

    /**
     * the surrogate gradient function each node computes (index into SURROGATE_GRADIENT_FUNCTIONS; NEST's
     * compute_surrogate_gradient_). Not per node in the {@link PerNode} sense: NEST's copy constructor leaves it
     * at piecewise_linear, so nodes made by Create compute piecewise_linear whatever function name the model
     * defaults hold, until their own surrogate_gradient_function is set ({@link #selectSurrogateGradient}).
     */
    public final int[] sgFunction;
    /** NEST's firing_rate_reg_ and f_av_ (newer e-prop models), and the spike count n_spikes_ */
    public final double[] firingRateReg, fAv;
    public final long[] nSpikes;

    protected EpropArchivingNodeRecurrent(int n, boolean histShiftRequired) {
        super(n, histShiftRequired);
        sgFunction = fillI(n, SG_PIECEWISE_LINEAR);
        firingRateReg = new double[n];
        fAv = new double[n];
        nSpikes = new long[n];
    }

    @Override
    public final boolean isEpropRecurrentNode() {
        return true;
    }

    /** NEST's find_surrogate_gradient: the index of a function name, or BadProperty with NEST's message. */
    public static int findSurrogateGradient(String name) {
        for (int j = 0; j < SURROGATE_GRADIENT_FUNCTIONS.length; j++) {
            if (SURROGATE_GRADIENT_FUNCTIONS[j].equals(name)) return j;
        }
        StringBuilder m = new StringBuilder("Surrogate gradient / pseudo-derivate function surrogate_gradient_function from [");
        for (String f : SURROGATE_GRADIENT_FUNCTIONS) m.append(" \"").append(f).append("\",");
        m.setLength(m.length() - 1);
        m.append(" ] required.");
        throw NestException.badProperty(m.toString());
    }

    /**
     * What the models' Parameters_::set does on a given surrogate_gradient_function: node i computes the named
     * function from now on (at once, before the parameters' later checks, as in NEST); BadProperty if unknown.
     */
    public final void selectSurrogateGradient(int i, String name) {
        sgFunction[i] = findSurrogateGradient(name);
    }

    /** The surrogate gradient of node i (NEST's (this->*compute_surrogate_gradient_)(r, v, v_th, beta, gamma)). */
    public final double surrogateGradient(int i, double r, double vm, double vth, double beta, double gamma) {
        return computeSurrogateGradient(sgFunction[i], r, vm, vth, beta, gamma);
    }

    /** The surrogate gradient of function fn (NEST's compute_*_surrogate_gradient). */
    public static double computeSurrogateGradient(int fn, double r, double vm, double vth, double beta, double gamma) {
        if (r > 0) return 0.0;
        switch (fn) {
            case SG_PIECEWISE_LINEAR:
                return gamma * Math.max(0.0, 1.0 - beta * Math.abs(vm - vth));
            case SG_EXPONENTIAL:
                return gamma * GlibcMath.exp(-beta * Math.abs(vm - vth));
            case SG_FAST_SIGMOID_DERIVATIVE:
                return gamma * GlibcMath.pow(1.0 + beta * Math.abs(vm - vth), -2.0);
            default:
                return gamma / Math.PI * (1.0 / (1.0 + GlibcMath.pow(beta * Math.PI * (vm - vth), 2.0)));
        }
    }

    /** NEST's append_new_eprop_history_entry(time_step). */
    public final void appendNewEpropHistoryEntry(int i, long timeStep) {
        if (epropIndegree[i] == 0) return;
        eh[i].append(timeStep);
    }

    /** NEST's write_surrogate_gradient_to_history. */
    public final void writeSurrogateGradientToHistory(int i, long timeStep, double surrogateGradient) {
        if (epropIndegree[i] == 0) return;
        EpropHistory h = eh[i];
        h.a[h.lowerBound(timeStep)] = surrogateGradient;
    }

    /** The shift between a learning signal's stamp and the history entry it belongs to. */
    private long learningSignalShift() {
        long shift = DELAY_REC_OUT + DELAY_OUT_REC;
        if (histShiftRequired) shift += DELAY_OUT_NORM;
        return shift;
    }

    /** NEST's write_learning_signal_to_history(time_step, learning_signal). */
    public final void writeLearningSignalToHistory(int i, long timeStep, double learningSignal) {
        if (epropIndegree[i] == 0) return;
        final long shift = learningSignalShift();
        final EpropHistory h = eh[i];
        final int end = h.lowerBound(timeStep - shift + DELAY_OUT_REC);
        for (int p = h.lowerBound(timeStep - shift); p < end; p++) h.b[p] += learningSignal;
    }

    /** NEST's write_firing_rate_reg_to_history(t_current_update, f_target, c_reg) of the bsshslm_2020 models. */
    public final void writeFiringRateRegToHistory(int i, long tCurrentUpdate, double fTarget, double cReg) {
        if (epropIndegree[i] == 0) return;
        final double updateInterval = kernel.epropUpdateIntervalSteps();
        final double dt = kernel.time.resolution();
        final long shift = 1;   // Time::get_resolution().get_steps()
        final double fAvg = nSpikes[i] / updateInterval;
        final double fTargetStep = fTarget * dt;
        final double reg = cReg * (fAvg - fTargetStep) / updateInterval;
        eh[i].appendReg(tCurrentUpdate + shift, reg);
    }

    /** NEST's write_firing_rate_reg_to_history(time_step, z, f_target, kappa_reg, c_reg) of the newer models. */
    public final void writeFiringRateRegToHistory(int i, long timeStep, double z, double fTarget, double kappaReg,
            double cReg) {
        if (epropIndegree[i] == 0) return;
        final double dt = kernel.time.resolution();
        final double fTargetStep = fTarget * dt;
        fAv[i] = kappaReg * fAv[i] + (1.0 - kappaReg) * z / dt;
        firingRateReg[i] = cReg * (fAv[i] - fTargetStep);
        EpropHistory h = eh[i];
        h.c[h.lowerBound(timeStep)] = firingRateReg[i];
    }

    /** NEST's get_firing_rate_reg_history(time_step). */
    public final double getFiringRateRegHistory(int i, long timeStep) {
        EpropHistory h = eh[i];
        int p = h.regLowerBound(timeStep);
        if (p == h.rsize) throw new IllegalStateException("no firing rate regularization entry at or after " + timeStep);
        return h.rv[p];
    }

    /** NEST's get_learning_signal_from_history(time_step): 0 if no entry is at or after the shifted step. */
    public final double getLearningSignalFromHistory(int i, long timeStep) {
        EpropHistory h = eh[i];
        int p = h.lowerBound(timeStep - learningSignalShift());
        return p == h.size ? 0.0 : h.b[p];
    }

    /**
     * NEST's erase_used_firing_rate_reg_history(): walks the update and regularization histories side by side
     * and erases the regularization entries paired with an update no synapse needs any more.
     */
    public final void eraseUsedFiringRateRegHistory(int i) {
        EpropHistory h = eh[i];
        int u = 0, r = 0;
        while (u != h.usize && r != h.rsize) {
            if (h.uc[u] == 0) h.eraseReg(r);
            else r++;
            u++;
        }
    }

    public final void countSpike(int i) {
        nSpikes[i]++;
    }

    public final void resetSpikeCount(int i) {
        nSpikes[i] = 0;
    }

    // ------------------------------------------------------------------ learning signals

    /**
     * NEST's handle(LearningSignalConnectionEvent&) of the recurrent models: each error signal of the event
     * (one per lag of the sender's update), times the connection's weight, is added to the history entry of
     * the event's stamp (the same entry for all of them, as in NEST).
     */
    @Override
    public void handleLearningSignal(int i, long stampSteps, double[] v, int base, int len, double weight) {
        for (int q = 0; q < len; q++) writeLearningSignalToHistory(i, stampSteps, weight * v[base + q]);
    }

    @Override
    public int checkLearningSignalReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptorType(rport);
        return 0;
    }
}
