package org.nestj.engine.kernel;

import org.nestj.engine.NestException;

/**
 * NEST's EpropArchivingNode (nestkernel/eprop_archiving_node.h, eprop_archiving_node_impl.h): the base
 * of the e-prop neuron models, which keep per node an {@link EpropHistory} for their incoming e-prop
 * synapses. It is a Node, not an ArchivingNode: e-prop neurons have no STDP spike history or calcium
 * trace.
 *
 * <p>{@link #histShiftRequired} is NEST's template flag: true for the bsshslm_2020 models, whose
 * histories are shifted by the model's {@link #getShift()}; false for the newer e-prop models (shift of
 * minus delay_rec_out, history erased by the inter-spike-interval trace cutoff).
 *
 * <p>What the e-prop synapses call on their target ({@link #registerEpropConnection},
 * {@link #writeUpdateToHistory}, {@link #getShift}, {@link #isEpropRecurrentNode},
 * {@link #getEpropIsiTraceCutoff}, and the models' gradient computation, one {@code computeGradient} per
 * family) runs on the thread that owns the target node.
 */
public abstract class EpropArchivingNode extends NodeBlock {
    // NEST hard-codes all e-prop transmission delays to one time step
    /** offset since generator signals start from time step 1 */
    public static final long OFFSET_GEN = 1;
    /** transmission delay from input to recurrent neurons */
    public static final long DELAY_IN_REC = 1;
    /** transmission delay from recurrent to output neurons */
    public static final long DELAY_REC_OUT = 1;
    /** transmission delay between output neurons for normalization */
    public static final long DELAY_OUT_NORM = 1;
    /** transmission delay from output neurons to recurrent neurons */
    public static final long DELAY_OUT_REC = 1;

    /** NEST's template flag hist_shift_required (true: the bsshslm_2020 models) */
    protected final boolean histShiftRequired;
    /** number of incoming e-prop synapses per node (NEST's eprop_indegree_) */
    public final long[] epropIndegree;
    /** the histories of each node */
    public final EpropHistory[] eh;

    protected EpropArchivingNode(int n, boolean histShiftRequired) {
        super(n);
        this.histShiftRequired = histShiftRequired;
        epropIndegree = new long[n];
        eh = new EpropHistory[n];
        for (int i = 0; i < n; i++) eh[i] = new EpropHistory();
    }

    @Override
    public int elementType() {
        return ELEMENT_NEURON;
    }

    /** NEST's get_shift(): the model's history shift in steps. */
    public abstract long getShift();

    /** NEST's is_eprop_recurrent_node(). */
    public abstract boolean isEpropRecurrentNode();

    /** NEST's model_dependent_history_shift_(). */
    public final long modelDependentHistoryShift() {
        return histShiftRequired ? getShift() : -DELAY_REC_OUT;
    }

    /** NEST's register_eprop_connection(): a new incoming e-prop synapse needs the update at the first shift. */
    public final void registerEpropConnection(int i) {
        epropIndegree[i]++;
        final long tFirst = modelDependentHistoryShift();
        final EpropHistory h = eh[i];
        final int p = h.updateLowerBound(tFirst);
        if (p == h.usize || h.ut[p] != tFirst) h.insertUpdate(p, tFirst, 1);
        else h.uc[p]++;
    }

    /**
     * NEST's write_update_to_history(t_previous_update, t_current_update, eprop_isi_trace_cutoff): a synapse
     * moves its mark in the update history from the previous to the current update.
     */
    public final void writeUpdateToHistory(int i, long tPreviousUpdate, long tCurrentUpdate, long isiTraceCutoff) {
        if (epropIndegree[i] == 0) return;
        final EpropHistory h = eh[i];
        final long shift = modelDependentHistoryShift();
        final long tc = tCurrentUpdate + shift;
        int p = h.updateLowerBound(tc);
        if (p != h.usize && h.ut[p] == tc) {
            h.uc[p]++;
        } else {
            h.insertUpdate(p, tc, 1);
            if (!histShiftRequired) eraseUsedEpropHistory(i, isiTraceCutoff);
        }
        final long tp = tPreviousUpdate + shift;
        p = h.updateLowerBound(tp);
        if (p != h.usize && h.ut[p] == tp) {
            if (--h.uc[p] == 0) h.eraseUpdate(p);
        }
    }

    /** NEST's get_eprop_history(time_step): index of the first entry at or after the time step. */
    public final int getEpropHistory(int i, long timeStep) {
        return eh[i].lowerBound(timeStep);
    }

    /**
     * NEST's erase_used_eprop_history() of the bsshslm_2020 models: erases the entries of update intervals
     * in which no spike reached the node through an e-prop synapse, and those before the earliest update
     * still needed.
     */
    public final void eraseUsedEpropHistory(int i) {
        final EpropHistory h = eh[i];
        if (h.size == 0 || h.usize == 0) return;
        final long updateInterval = kernel.epropUpdateIntervalSteps();
        int u = 0;
        for (long t = h.ut[0]; t <= h.ut[h.usize - 1] && u != h.usize; t += updateInterval) {
            if (h.ut[u] == t) {
                u++;
            } else {
                h.erase(h.lowerBound(t), h.lowerBound(t + updateInterval));
            }
        }
        h.erase(h.lowerBound(0), h.lowerBound(h.ut[0]));
    }

    /**
     * NEST's erase_used_eprop_history(eprop_isi_trace_cutoff) of the newer e-prop models: erases the entries
     * between the last two updates beyond the trace cutoff, and those before the earliest update still needed.
     */
    public final void eraseUsedEpropHistory(int i, long isiTraceCutoff) {
        final EpropHistory h = eh[i];
        if (h.size == 0 || h.usize < 2) return;
        final long tPrev = h.ut[h.usize - 2];
        final long tCurr = h.ut[h.usize - 1];
        // t_prev + cutoff (cutoff >= 0), saturated instead of overflowing
        final long tCut = tPrev > Long.MAX_VALUE - isiTraceCutoff ? Long.MAX_VALUE : tPrev + isiTraceCutoff;
        if (tCut < tCurr) h.erase(h.lowerBound(tCut), h.lowerBound(tCurr));
        h.erase(h.lowerBound(Long.MIN_VALUE), h.lowerBound(h.ut[0] - 1));
    }

    /** NEST's get_eprop_history_duration(): the resolution times the number of e-prop history entries (ms). */
    public final double epropHistoryDuration(int i) {
        return kernel.time.resolution() * eh[i].size;
    }

    /**
     * NEST's compute_gradient of the bsshslm_2020 models: the gradient of the loss with respect to the weight
     * of a synapse whose presynaptic spikes since its previous trigger spike are isis[0 .. nIsis) apart.
     */
    public double computeGradient(int i, long[] isis, int nIsis, long tPreviousUpdate, long tPreviousTriggerSpike,
            double kappa, boolean averageGradient) {
        throw NestException.cannotConnect("The target node does not support compute_gradient().");
    }

    /** NEST's get_eprop_isi_trace_cutoff() of the newer e-prop models: the trace cutoff in steps. */
    public long getEpropIsiTraceCutoff(int i) {
        throw NestException.cannotConnect("The target node is not an e-prop neuron.");
    }

    /** What the newer e-prop models' compute_gradient needs of the synapse's weight optimizer (NEST's WeightOptimizer). */
    public interface Optimizer {
        /** NEST's optimize_each_step: the weight is optimized at each step, else once per presynaptic spike */
        boolean optimizeEachStep();

        /** NEST's optimized_weight: the new weight of connection k (its optimizer state in columns base..). */
        double optimizedWeight(double[][] cols, int base, int k, long idxCurrentUpdate, double gradient, double weight);
    }

    /**
     * NEST's compute_gradient of the newer e-prop models: for connection k of store c (an eprop_synapse, its
     * traces in the synapse's columns), the gradient from the previous presynaptic spike tSpikePrevious to the
     * current one tSpike, fed to the optimizer; the connection's traces and weight are updated in place.
     */
    public void computeGradient(int i, long tSpike, long tSpikePrevious, ConnStore c, int k, Optimizer optimizer) {
        throw NestException.cannotConnect("The target node does not support compute_gradient().");
    }

    /** NEST's UnknownReceptorType message. */
    protected final NestException unknownReceptorType(long rport) {
        return new NestException("UnknownReceptorType", "Receptor type " + rport + " is not available in " + model.name + ".");
    }

    /** The receptor check of the e-prop synapses (the models' handles_test_event(SpikeEvent&)). */
    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptorType(rport);
        return 0;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptorType(rport);
        return 0;
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }

    @Override
    public void initBuffers(int ringLen) {
        // the histories are not buffers: NEST's init_buffers_ leaves them alone
    }
}
