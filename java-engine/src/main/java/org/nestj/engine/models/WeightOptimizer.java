package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.EpropArchivingNode;
import org.nestj.engine.kernel.Status;

/**
 * NEST's weight optimizers of the e-prop synapses (models/weight_optimizer.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/weight_optimizer.html), shared by
 * eprop_synapse_bsshslm_2020 and eprop_synapse.
 *
 * <p>An instance holds the common properties of one synapse model (NEST's WeightOptimizerCommonProperties
 * and its GradientDescent/Adam subclasses): type ("gradient_descent" or "adam"), batch_size, eta, Wmin,
 * Wmax, optimize_each_step, and for Adam beta_1, beta_2, epsilon. The state of each connection's optimizer
 * (NEST's WeightOptimizer) lives in {@link #N_STATE} double columns of the synapse's connection store,
 * starting at a column the synapse chooses ({@code base}): sum of gradients, optimization step, current
 * eta, number of optimizations, and Adam's m, v, beta_1^t, beta_2^t; {@link #STATE_DEFAULTS} is a new
 * connection's state.
 *
 * <p>{@link #optimizedWeight}: the gradients of the updates are summed; when the update index enters a
 * new batch (1 + idx / batch_size grows), the sum is divided by batch_size and the weight is optimized,
 * then clipped to [Wmin, Wmax]. Gradient descent: w -= eta g. Adam, once per optimization step passed
 * (the sum zero after the first): beta_1^t, beta_2^t advance, alpha = eta sqrt(1 - beta_2^t) / (1 - beta_1^t),
 * m = beta_1 m + (1 - beta_1) g, v = beta_2 v + (1 - beta_2) g^2, w -= alpha m / (sqrt(v) + epsilon).
 * The eta used before a connection's first optimization is 1e-4 unless eta was changed, then the first
 * changed value (NEST's eta_first_change_).
 */
public final class WeightOptimizer implements EpropArchivingNode.Optimizer {
    public static final String GRADIENT_DESCENT = "gradient_descent", ADAM = "adam";

    /** per-connection state columns, relative to the synapse's base column */
    public static final int SUM_GRADIENTS = 0, OPTIMIZATION_STEP = 1, ETA_CURRENT = 2, N_OPTIMIZE = 3, M = 4, V = 5,
            BETA_1_POWER = 6, BETA_2_POWER = 7, N_STATE = 8;
    /** names of the state columns (hidden connection keys) */
    public static final String[] STATE_KEYS = {"optimizer_sum_gradients", "optimizer_optimization_step",
        "optimizer_eta_current", "optimizer_n_optimize", "optimizer_m", "optimizer_v", "optimizer_beta_1_power",
        "optimizer_beta_2_power"};
    /** a new connection's optimizer state (NEST's WeightOptimizer and WeightOptimizerAdam constructors) */
    public static final double[] STATE_DEFAULTS = {0.0, 1.0, 1e-4, 0.0, 0.0, 0.0, 1.0, 1.0};

    public final String type;
    public long batchSize = 1;
    public double eta = 1e-4, etaFirstChange = 1e-4;
    public long etaChangeCount = 0;
    public double Wmin = -100.0, Wmax = 100.0;
    public boolean optimizeEachStep = true;
    public double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
    private final boolean adam;

    public WeightOptimizer(String type) {
        this.type = type;
        this.adam = ADAM.equals(type);
    }

    @Override
    public boolean optimizeEachStep() {
        return optimizeEachStep;
    }

    public boolean isAdam() {
        return adam;
    }

    public WeightOptimizer copy() {
        WeightOptimizer o = new WeightOptimizer(type);
        o.batchSize = batchSize;
        o.eta = eta;
        o.etaFirstChange = etaFirstChange;
        o.etaChangeCount = etaChangeCount;
        o.Wmin = Wmin;
        o.Wmax = Wmax;
        o.optimizeEachStep = optimizeEachStep;
        o.beta1 = beta1;
        o.beta2 = beta2;
        o.epsilon = epsilon;
        return o;
    }

    /** The common properties' get_status: the synapse model's "optimizer" dictionary. */
    public Map<String, Object> getStatus() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("optimizer", type);
        d.put("batch_size", batchSize);
        d.put("eta", eta);
        d.put("Wmin", Wmin);
        d.put("Wmax", Wmax);
        d.put("optimize_each_step", optimizeEachStep);
        if (adam) {
            d.put("beta_1", beta1);
            d.put("beta_2", beta2);
            d.put("epsilon", epsilon);
        }
        return d;
    }

    /**
     * The synapse's common properties' set_status of an "optimizer" dictionary: a new type (key "type")
     * replaces the optimizer by one of that type with its defaults, if the synapse model has no connections;
     * then the dictionary's values are set. Returns the new common properties (this is left unchanged).
     */
    public WeightOptimizer withStatus(Map<String, Object> dict, boolean hasConnections) {
        Status s = new Status(dict, "optimizer");
        WeightOptimizer o = copy();
        if (s.has("type")) {
            String nt = s.s("type", type);
            if (!nt.equals(type)) {
                if (hasConnections) {
                    throw NestException.badParameter("The optimizer cannot be changed because synapses have been created.");
                }
                if (!GRADIENT_DESCENT.equals(nt) && !ADAM.equals(nt)) {
                    throw NestException.badProperty("optimizer from [\"gradient_descent\", \"adam\"] required.");
                }
                o = new WeightOptimizer(nt);
            }
        }
        o.set(s);
        return o;
    }

    /** NEST's WeightOptimizerCommonProperties(Adam)::set_status, in NEST's order and with its messages. */
    private void set(Status s) {
        long bs = s.l("batch_size", batchSize);
        if (bs <= 0) throw NestException.badProperty("Optimization batch_size > 0 required.");
        batchSize = bs;
        double e = s.d("eta", eta);
        if (e < 0) throw NestException.badProperty("Learning rate eta ≥ 0 required.");
        if (e != eta) {
            if (etaChangeCount == 0) etaFirstChange = e;
            etaChangeCount++;
            eta = e;
        }
        double wmin = s.d("Wmin", Wmin), wmax = s.d("Wmax", Wmax);
        if (wmin > wmax) throw NestException.badProperty("Minimal weight Wmin ≤ maximal weight Wmax required.");
        Wmin = wmin;
        Wmax = wmax;
        optimizeEachStep = s.b("optimize_each_step", optimizeEachStep);
        if (adam) {
            beta1 = s.d("beta_1", beta1);
            beta2 = s.d("beta_2", beta2);
            epsilon = s.d("epsilon", epsilon);
            if (beta1 < 0.0 || 1.0 <= beta1) throw NestException.badProperty("For Adam optimizer, beta_1 from interval [0,1) required.");
            if (beta2 < 0.0 || 1.0 <= beta2) throw NestException.badProperty("For Adam optimizer, beta_2 from interval [0,1) required.");
            if (epsilon < 0.0) throw NestException.badProperty("For Adam optimizer, epsilon ≥ 0 required.");
        }
    }

    // ------------------------------------------------------------------ per-connection optimizer

    /** Writes a new optimizer's state into v[base .. base + N_STATE) (NEST's get_optimizer()). */
    public static void initState(double[] v, int base) {
        System.arraycopy(STATE_DEFAULTS, 0, v, base, N_STATE);
    }

    /** The connection optimizer's get_status (its "optimizer" dictionary): Adam's m and v, else empty. */
    public Map<String, Object> connStatus(double[][] cols, int base, int k) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (adam) {
            d.put("m", cols[base + M][k]);
            d.put("v", cols[base + V][k]);
        }
        return d;
    }

    /**
     * The state column (relative to base) a connection's set_status of "optimizer" writes for the nested key
     * sub, or -1 if the optimizer reads and ignores it (gradient descent reads nothing, Adam m and v).
     */
    public int connStateIndex(String sub) {
        if (adam && sub.equals("m")) return M;
        if (adam && sub.equals("v")) return V;
        return -1;
    }

    /**
     * NEST's WeightOptimizer::optimized_weight: adds the gradient of update idxCurrentUpdate to connection k's
     * sum and returns the weight, optimized when a new batch began.
     */
    @Override
    public double optimizedWeight(double[][] c, int base, int k, long idxCurrentUpdate, double gradient, double weight) {
        final double[] sumG = c[base + SUM_GRADIENTS], step = c[base + OPTIMIZATION_STEP], etaCur = c[base + ETA_CURRENT],
                nOpt = c[base + N_OPTIMIZE];
        if (etaChangeCount != 0 && nOpt[k] == 0) etaCur[k] = etaFirstChange;
        sumG[k] += gradient;
        if (step[k] == 0) step[k] = idxCurrentUpdate;
        final long current = 1 + idxCurrentUpdate / batchSize;
        if ((long) step[k] < current) {
            sumG[k] /= batchSize;
            double w = adam ? optimizeAdam(c, base, k, weight, current) : optimizeGradientDescent(c, base, k, weight);
            weight = Math.max(Wmin, Math.min(w, Wmax));
            etaCur[k] = eta;
            nOpt[k] += 1;
            step[k] = current;
        }
        return weight;
    }

    private double optimizeGradientDescent(double[][] c, int base, int k, double weight) {
        weight -= c[base + ETA_CURRENT][k] * c[base + SUM_GRADIENTS][k];
        c[base + SUM_GRADIENTS][k] = 0.0;
        return weight;
    }

    private double optimizeAdam(double[][] c, int base, int k, double weight, long current) {
        final double etaCur = c[base + ETA_CURRENT][k];
        double m = c[base + M][k], v = c[base + V][k], b1p = c[base + BETA_1_POWER][k], b2p = c[base + BETA_2_POWER][k];
        double sumG = c[base + SUM_GRADIENTS][k];
        long step = (long) c[base + OPTIMIZATION_STEP][k];
        for (; step < current; ++step) {
            b1p *= beta1;
            b2p *= beta2;
            final double alpha = etaCur * Math.sqrt(1.0 - b2p) / (1.0 - b1p);
            m = beta1 * m + (1.0 - beta1) * sumG;
            v = beta2 * v + (1.0 - beta2) * sumG * sumG;
            weight -= alpha * m / (Math.sqrt(v) + epsilon);
            // more than one pass: past learning periods without gradients
            sumG = 0.0;
        }
        c[base + M][k] = m;
        c[base + V][k] = v;
        c[base + BETA_1_POWER][k] = b1p;
        c[base + BETA_2_POWER][k] = b2p;
        c[base + SUM_GRADIENTS][k] = sumG;
        c[base + OPTIMIZATION_STEP][k] = step;
        return weight;
    }
}
