package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.EpropArchivingNode;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_synapse_bsshslm_2020 — synapse for e-prop plasticity after Bellec et al. (2020) (NEST 3.9
 * models/eprop_synapse_bsshslm_2020.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/eprop_synapse_bsshslm_2020.html).
 *
 * <p>Targets are e-prop neurons (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020,
 * eprop_readout_bsshslm_2020); the delay must be one step. A spike at step t (stamp) of interval step
 * (t - shift) mod T == 0 is not transmitted to recurrent neurons. Otherwise the connection notes the
 * inter-spike interval to the previous spike (cut at the next update), and the first spike after an update
 * time t_next + shift triggers the update: the target computes the gradient over the noted intervals from
 * its e-prop history (tau_m_readout gives kappa = exp(-dt / tau_m_readout)), and the synapse model's
 * {@link WeightOptimizer} turns it into the new weight, which this and the following spikes carry.
 *
 * <p>Common properties: average_gradient and the optimizer dictionary (SetDefaults, CopyModel).
 * Per connection: tau_m_readout (status), the update bookkeeping and the optimizer's state (hidden
 * columns), and the noted intervals (an {@link IsiLists} entry per connection).
 */
public final class EpropSynapseBsshslm2020 extends EpropSynapseBase {
    static final int TAU_M_READOUT = 0, T_SPIKE_PREVIOUS = 1, T_PREVIOUS_UPDATE = 2, T_NEXT_UPDATE = 3,
            T_PREVIOUS_TRIGGER_SPIKE = 4, ISI_LIST = 5, OPT = 6;
    /** common property columns */
    static final int AVERAGE_GRADIENT = 0;

    public EpropSynapseBsshslm2020() {
        super("eprop_synapse_bsshslm_2020", new String[] {"tau_m_readout"}, new double[] {10.0},
                new String[] {"t_spike_previous", "t_previous_update", "t_next_update", "t_previous_trigger_spike",
                    "isi_list"}, new String[] {"average_gradient"}, new double[] {0.0}, 120);
    }

    @Override
    public char commonKind(int j) {
        return 'b';
    }

    /** What each synapse model of this type keeps besides its double common properties. */
    public static final class ModelState {
        public final WeightOptimizer optimizer;
        public final IsiLists isis;

        ModelState(WeightOptimizer optimizer, IsiLists isis) {
            this.optimizer = optimizer;
            this.isis = isis;
        }
    }

    @Override
    public Object newModelState() {
        return new ModelState(new WeightOptimizer(WeightOptimizer.GRADIENT_DESCENT), new IsiLists());
    }

    @Override
    public Object copyModelState(Object st) {
        return new ModelState(((ModelState) st).optimizer.copy(), new IsiLists());
    }

    @Override
    WeightOptimizer optimizer(Object modelState) {
        return ((ModelState) modelState).optimizer;
    }

    @Override
    Object withOptimizer(Object modelState, WeightOptimizer optimizer) {
        return new ModelState(optimizer, ((ModelState) modelState).isis);
    }

    @Override
    public void validate(double weight, double[] v, double[] c, Object st) {
        if (v[TAU_M_READOUT] <= 0) throw bad("Membrane time constant of readout neuron tau_m_readout > 0 required.");
        super.validate(weight, v, c, st);
    }

    @Override
    public boolean initialisesConnections() {
        return true;
    }

    /**
     * NEST's connect_ check (REQUIRES_EPROP_ARCHIVING) and check_connection: the target must be an e-prop
     * neuron and the delay one step; the target registers the connection; the connection starts with a new
     * optimizer and its first update due after one update interval (the kernel's at this time).
     */
    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        registerWithTarget(target, ti, delayMs);
        Kernel k = target.kernel;
        v[T_SPIKE_PREVIOUS] = 0;
        v[T_PREVIOUS_UPDATE] = 0;
        v[T_NEXT_UPDATE] = k.epropUpdateIntervalSteps();
        v[T_PREVIOUS_TRIGGER_SPIKE] = 0;
        v[ISI_LIST] = ((ModelState) m.typeState).isis.allocate();
        WeightOptimizer.initState(v, OPT);
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final EpropArchivingNode target = (EpropArchivingNode) x.target;
        final int ti = x.ti;
        final double[][] e = c.ext;
        final long tSpike = x.stampSteps;
        final long updateInterval = x.kernel.epropUpdateIntervalSteps();
        final long shift = target.getShift();
        final long intervalStep = (tSpike - shift) % updateInterval;
        if (target.isEpropRecurrentNode() && intervalStep == 0) return false;
        if (e[T_PREVIOUS_TRIGGER_SPIKE][k] == 0) e[T_PREVIOUS_TRIGGER_SPIKE][k] = tSpike;
        final ModelState ms = (ModelState) x.model.typeState;
        final int list = (int) e[ISI_LIST][k];
        final long tNextUpdate = (long) e[T_NEXT_UPDATE][k];
        final long tSpikePrevious = (long) e[T_SPIKE_PREVIOUS][k];
        if (tSpikePrevious > 0) {
            final long t = tSpike >= tNextUpdate + shift ? tNextUpdate + shift : tSpike;
            ms.isis.add(list, t - tSpikePrevious);
        }
        if (tSpike > tNextUpdate + shift) {
            final long idxCurrentUpdate = (tSpike - shift) / updateInterval;
            final long tCurrentUpdate = idxCurrentUpdate * updateInterval;
            final long tPreviousUpdate = (long) e[T_PREVIOUS_UPDATE][k];
            target.writeUpdateToHistory(ti, tPreviousUpdate, tCurrentUpdate, 0);
            final double kappa = GlibcMath.exp(-x.kernel.time.resolution() / e[TAU_M_READOUT][k]);
            final double gradient = target.computeGradient(ti, ms.isis.values(list), ms.isis.size(list), tPreviousUpdate,
                    (long) e[T_PREVIOUS_TRIGGER_SPIKE][k], kappa, x.model.common[AVERAGE_GRADIENT] != 0.0);
            ms.isis.clear(list);
            c.w[k] = ms.optimizer.optimizedWeight(e, OPT, k, idxCurrentUpdate, gradient, c.w[k]);
            e[T_PREVIOUS_UPDATE][k] = tCurrentUpdate;
            e[T_NEXT_UPDATE][k] = tCurrentUpdate + updateInterval;
            e[T_PREVIOUS_TRIGGER_SPIKE][k] = tSpike;
        }
        e[T_SPIKE_PREVIOUS][k] = tSpike;
        x.weight = c.w[k];
        return true;
    }

    /**
     * The presynaptic inter-spike intervals each connection notes between its updates (NEST's presyn_isis_),
     * one growable list per connection, found through the connection's ISI_LIST column. Lists are made at
     * Connect (serially); during a simulation each list is touched only by the thread owning its connection.
     */
    public static final class IsiLists {
        private long[][] lists = new long[16][];
        private int[] sizes = new int[16];
        private int count;

        synchronized int allocate() {
            if (count == lists.length) {
                lists = java.util.Arrays.copyOf(lists, count * 2);
                sizes = java.util.Arrays.copyOf(sizes, count * 2);
            }
            lists[count] = new long[4];
            return count++;
        }

        void add(int j, long isi) {
            long[] a = lists[j];
            int n = sizes[j];
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
                lists[j] = a;
            }
            a[n] = isi;
            sizes[j] = n + 1;
        }

        long[] values(int j) {
            return lists[j];
        }

        int size(int j) {
            return sizes[j];
        }

        void clear(int j) {
            sizes[j] = 0;
        }
    }
}
