package org.nestj.engine.models;

import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;
import org.nestj.engine.numerics.GlibcMath;

/**
 * What NEST's STDP synapse models share: check_connection registers the connection with the
 * target's spike archive (first read after t_lastspike - delay), the archive reads (get_history
 * over (t_last - d, t - d]), the sign checks of their set_status and the multiplicative weight
 * updates (facilitate_, depress_) of stdp_synapse, stdp_synapse_hom and the nearest-neighbour variants.
 */
abstract class StdpBase extends SynapseType {
    /** column of t_lastspike */
    private final int tLastCol;

    StdpBase(String name, String[] visible, double[] visibleDefaults, String[] hidden, double[] hiddenDefaults,
            String[] common, double[] commonDefaults, long sizeof, int tLastCol) {
        super(name, visible, visibleDefaults, hidden, hiddenDefaults, common, commonDefaults, sizeof, false);
        this.tLastCol = tLastCol;
    }

    /** NEST's ((x >= 0) - (x < 0)) */
    static int sign(double x) {
        return (x >= 0 ? 1 : 0) - (x < 0 ? 1 : 0);
    }

    /** std::signbit */
    static boolean signbit(double x) {
        return Double.doubleToRawLongBits(x) < 0;
    }

    /**
     * check_connection of STDP synapses: the target archives its spikes for the connection; nodes
     * that archive none (devices such as spike_recorder or spike_dilutor) refuse with NEST's
     * Node::register_stdp_connection.
     */
    static void registerWithTarget(NodeBlock target, int ti, double tLastSpike, double delay, String synName) {
        if (!(target instanceof NeuronBlock)) {
            throw org.nestj.engine.NestException.cannotConnect("The target node does not support STDP synapses.");
        }
        ((NeuronBlock) target).registerStdpConnection(ti, tLastSpike - delay, delay);
    }

    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        registerWithTarget(target, ti, v[tLastCol], delayMs, m.name);
    }

    /**
     * NEST's target->get_history(t1 - d, t2 - d): the post spikes (archive entries [from, to)) a
     * spike at t2 of a connection with dendritic delay d reads after its previous update at t1.
     */
    static SpikeArchive history(Ctx x, double t1, double t2) {
        SpikeArchive h = ((NeuronBlock) x.target).archive(x.ti);
        h.getHistory(t1 - x.delay, t2 - x.delay, x.kernel.connections.stdpEps);
        return h;
    }

    /**
     * NEST's facilitate_ of the multiplicative STDP synapses (stdp_synapse, stdp_synapse_hom, stdp_nn_*):
     * w <- Wmax min(1, w/Wmax + lambda (1 - w/Wmax)^mu_plus K+).
     */
    static double facilitate(double w, double wmax, double lambda, double muPlus, double kPlus) {
        final double nw = w / wmax + lambda * GlibcMath.pow(1.0 - w / wmax, muPlus) * kPlus;
        return nw < 1.0 ? nw * wmax : wmax;
    }

    /** NEST's depress_ of the same synapses: w <- Wmax max(0, w/Wmax - alpha lambda (w/Wmax)^mu_minus K-). */
    static double depress(double w, double wmax, double alpha, double lambda, double muMinus, double kMinus) {
        final double nw = w / wmax - alpha * lambda * GlibcMath.pow(w / wmax, muMinus) * kMinus;
        return nw > 0.0 ? nw * wmax : 0.0;
    }

    /** NEST's target->get_K_value(t_spike - d) */
    static double kMinus(Ctx x) {
        return ((NeuronBlock) x.target).getKValue(x.ti, x.tSpike - x.delay);
    }

    /** NEST's target->get_K_values(t_spike - d, ...): the nearest-neighbour trace. */
    static double nearestNeighbourKMinus(Ctx x) {
        NeuronBlock post = (NeuronBlock) x.target;
        post.getKValues(x.ti, x.tSpike - x.delay);
        return post.archive(x.ti).nnKValue;
    }
}
