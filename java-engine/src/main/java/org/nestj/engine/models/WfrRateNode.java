package org.nestj.engine.models;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;

/**
 * What NEST's rate neurons solved by waveform relaxation share (the rate templates rate_neuron_ipn/opn and
 * rate_transformer_node, {@link RateNode}, and siegert_neuron, {@link SiegertNeuron}): the state rate, no spike
 * input (NEST's default handles_test_event(SpikeEvent&)), rate events instead of spikes, node_uses_wfr and the
 * kernel's wfr_tol, and the waveform-relaxation bookkeeping: per node and lag of the slice the value of the
 * previous pass ({@link #lastY}, [i * min_delay + lag]), a pass having converged where no lag moved by more than
 * wfr_tol ({@link #wfrMoved}).
 */
abstract class WfrRateNode extends NeuronBlock {
    @PerNode public double[] rate;
    /** per node [i * md + lag]: the values of the last waveform-relaxation pass */
    double[] lastY;
    /** min_delay, the lags of a slice */
    int md;
    /** wfr_tol of the kernel */
    double wfrTol = 0.0001;

    WfrRateNode(int n) {
        super(n);
        rate = fill(n, 0.0);
    }

    /** Whether value x of entry q ([i * md + lag]) moved by more than wfr_tol since the previous pass; stores x. */
    final boolean wfrMoved(int q, double x) {
        final boolean moved = Math.abs(x - lastY[q]) > wfrTol;
        lastY[q] = x;
        return moved;
    }

    @Override
    public final boolean sendsRates() {
        return true;
    }

    @Override
    public final boolean usesWfr() {
        return nodeUsesWfr;
    }

    @Override
    public final void setWfrTol(double tol) {
        wfrTol = tol;
    }

    @Override
    public final Emits emits() {
        return Emits.NOTHING;
    }

    /** Rate nodes take no spikes: NEST's default Node::handles_test_event(SpikeEvent). */
    @Override
    public final int checkSpikeReceptor(int rport, Model src) {
        throw noSpikeInput();
    }
}
