package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchive;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;

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
 * The delay must be one step; the target must be an e-prop node (it keeps the e-prop history). The
 * optimizer (gradient_descent or adam, {@link EpropOptimizer}) is a common property given as the
 * dictionary "optimizer"; each connection keeps its own optimizer state.
 */
public final class EpropSynapse extends SynapseType {
    /** columns: spike time of the previous spike (steps), traces, then the optimizer's state */
    static final int T_PREV = 0, Z_BAR = 1, E_BAR = 2, E_BAR_REG = 3, EPSILON = 4, Z_PREV_BUF = 5, SUM_GRAD = 6,
            OPT_STEP = 7, ETA_CUR = 8, N_OPT = 9, M = 10, V = 11, B1P = 12, B2P = 13;

    /** What an eprop_synapse needs from its target (NEST's EpropArchivingNode interface). */
    public interface Target {
        EpropArchive epropArchive(int i);

        long epropCutoffSteps(int i);

        /** NEST's compute_gradient for connection k of store c; common: the model's optimizer properties. */
        void computeGradient(int i, long tSpike, long tPrev, ConnStore c, int k, double[] common);
    }

    public EpropSynapse() {
        super("eprop_synapse", new String[0], new double[0],
                new String[] {"t_spike_previous", "z_bar", "e_bar", "e_bar_reg", "epsilon", "z_previous_buffer",
                    "sum_gradients", "optimization_step", "eta_current", "n_optimize", "m", "v", "beta_1_power", "beta_2_power"},
                new double[] {0, 0, 0, 0, 0, 0, 0, 1, 1e-4, 0, 0, 0, 1, 1},
                new String[0], EpropOptimizer.commonDefaults(0), 96, false);
    }

    @Override
    public void setCommon(Status s, double[] c, long[][] a, Kernel k, SynapseModel m) {
        if (!s.has("optimizer")) return;
        Object od = s.raw("optimizer");
        if (!(od instanceof Map)) throw NestException.badProperty("optimizer must be a dictionary.");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) od;
        EpropOptimizer.setCommon(map, c, m.numConnections);
    }

    @Override
    public void extraDefaults(Map<String, Object> d, SynapseModel m) {
        d.put("optimizer", EpropOptimizer.commonStatus(m.common));
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (weight < c[EpropOptimizer.WMIN]) throw bad("Minimal weight Wmin ≤ weight required.");
        if (weight > c[EpropOptimizer.WMAX]) throw bad("weight ≤ maximal weight Wmax required.");
    }

    @Override
    public NestException refuse(String key) {
        if (key.equals("optimizer")) return null;
        return super.refuse(key);
    }

    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        if (target.kernel.time.delayMsToSteps(delayMs) != 1) {
            throw NestException.illegalConnection("Creation of connection is not possible because:\n"
                    + "eprop synapses currently require a delay of one simulation step");
        }
        if (!(target instanceof Target)) {
            throw NestException.illegalConnection("Creation of connection is not possible because:\n"
                    + "The target node does not support eprop synapses.");
        }
        ((Target) target).epropArchive(ti).registerConnection();
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final Target tg = (Target) x.target;
        final int ti = x.ti;
        final double[][] e = c.ext;
        final long tSpike = x.stampSteps;
        final long tPrev = (long) e[T_PREV][k];
        if (tPrev != 0) tg.computeGradient(ti, tSpike, tPrev, c, k, x.model.common);
        tg.epropArchive(ti).writeUpdate(tPrev, tSpike, tg.epropCutoffSteps(ti));
        e[T_PREV][k] = tSpike;
        x.weight = c.w[k];
        return true;
    }
}
