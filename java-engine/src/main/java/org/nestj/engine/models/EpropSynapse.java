package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchivingNode;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SynapseModel;

/**
 * eprop_synapse — synapse for e-prop plasticity without update intervals (NEST 3.9
 * models/eprop_synapse.{h,cpp}; doc: models/eprop_synapse.html).
 *
 * <pre>
 *   on a presynaptic spike at t (stamp, steps), after one at t_prev != 0:
 *     target.compute_gradient(t, t_prev, ...)  (the target's gradient over [t_prev, min(t_prev + cutoff, t)),
 *                                               fed to the optimizer, see EpropRecurrentBase / EpropReadout)
 *   target.write_update_to_history(t_prev, t, cutoff);  t_prev = t;  the spike is sent with the new weight
 * </pre>
 * The target must be an e-prop node (an {@link EpropArchivingNode}, which keeps the e-prop history, of the
 * newer models: its history shift is not required) and the delay one step (checked in that order,
 * {@link EpropSynapseBase#registerWithTarget}). The
 * optimizer (gradient_descent or adam, the shared {@link WeightOptimizer}) is a common property given as the
 * dictionary "optimizer"; each connection keeps its own optimizer state.
 */
public final class EpropSynapse extends EpropSynapseBase {
    /** columns: spike time of the previous spike (steps), traces, then the optimizer's state (from OPT) */
    static final int T_PREV = 0, Z_BAR = 1, E_BAR = 2, E_BAR_REG = 3, EPSILON = 4, Z_PREV_BUF = 5, OPT = 6;

    public EpropSynapse() {
        super("eprop_synapse", new String[0], new double[0],
                new String[] {"t_spike_previous", "z_bar", "e_bar", "e_bar_reg", "epsilon", "z_previous_buffer"},
                new String[0], new double[0], 96);
    }

    /** the model's optimizer common properties (NEST's EpropSynapseCommonProperties::optimizer_cp_) */
    @Override
    public Object newModelState() {
        return new WeightOptimizer(WeightOptimizer.GRADIENT_DESCENT);
    }

    @Override
    public Object copyModelState(Object st) {
        return ((WeightOptimizer) st).copy();
    }

    @Override
    WeightOptimizer optimizer(Object modelState) {
        return (WeightOptimizer) modelState;
    }

    @Override
    Object withOptimizer(Object modelState, WeightOptimizer optimizer) {
        return optimizer;
    }

    @Override
    public boolean initialisesConnections() {
        return true;
    }

    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        registerWithTarget(target, ti, delayMs);
        // a new connection starts with zero traces and a new optimizer (NEST's copy constructor, get_optimizer)
        for (int j = 0; j < OPT; j++) v[j] = 0.0;
        WeightOptimizer.initState(v, OPT);
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final EpropArchivingNode target = (EpropArchivingNode) x.target;
        final int ti = x.ti;
        final double[][] e = c.ext;
        final long tSpike = x.stampSteps;
        final long tPrev = (long) e[T_PREV][k];
        if (tPrev != 0) target.computeGradient(ti, tSpike, tPrev, c, k, (WeightOptimizer) x.model.typeState);
        target.writeUpdateToHistory(ti, tPrev, tSpike, target.getEpropIsiTraceCutoff(ti));
        e[T_PREV][k] = tSpike;
        x.weight = c.w[k];
        return true;
    }
}
