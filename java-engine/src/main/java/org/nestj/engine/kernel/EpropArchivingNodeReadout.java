package org.nestj.engine.kernel;

/**
 * NEST's EpropArchivingNodeReadout (nestkernel/eprop_archiving_node_readout.h): the e-prop history of
 * readout neurons, one error signal per time step ({@link EpropHistory#a}); with the bsshslm_2020 shift
 * the entries are stamped delay_out_norm steps earlier. Readout neurons send their error signals to the
 * recurrent neurons as NEST's LearningSignalConnectionEvent: per node and update the min_delay values
 * written into {@code rateOut.ls} (see {@link RateEvents}).
 */
public abstract class EpropArchivingNodeReadout extends EpropArchivingNode {
    protected EpropArchivingNodeReadout(int n, boolean histShiftRequired) {
        super(n, histShiftRequired);
    }

    @Override
    public final boolean isEpropRecurrentNode() {
        return false;
    }

    /** NEST's append_new_eprop_history_entry(time_step). */
    public final void appendNewEpropHistoryEntry(int i, long timeStep) {
        if (epropIndegree[i] == 0) return;
        if (histShiftRequired) timeStep -= DELAY_OUT_NORM;
        eh[i].append(timeStep);
    }

    /** NEST's write_error_signal_to_history(time_step, error_signal). */
    public final void writeErrorSignalToHistory(int i, long timeStep, double errorSignal) {
        if (epropIndegree[i] == 0) return;
        if (histShiftRequired) timeStep -= DELAY_OUT_NORM;
        EpropHistory h = eh[i];
        h.a[h.lowerBound(timeStep)] = errorSignal;
    }

    @Override
    public boolean sendsLearningSignals() {
        return true;
    }
}
