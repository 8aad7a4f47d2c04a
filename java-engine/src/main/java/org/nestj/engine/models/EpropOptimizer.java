package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Status;

/**
 * The weight optimizers of eprop_synapse (NEST 3.9 models/weight_optimizer.{h,cpp}): the common
 * properties (one set per synapse model, in the model's common values from {@link #TYPE}) and the
 * per-connection optimizer state (in the connection's columns from {@link EpropSynapse#SUM_GRAD}).
 *
 * <pre>
 *   optimized_weight(t, g, w): sum += g; at the first t with 1 + t / batch_size > step:
 *     w = clip(optimize(w), Wmin, Wmax) with sum / batch_size, eta_current = eta, step = 1 + t / batch_size
 *   gradient_descent: w -= eta_current sum
 *   adam, for each skipped step: b1^k, b2^k, alpha = eta_current sqrt(1 - b2^k) / (1 - b1^k),
 *     m = b1 m + (1 - b1) sum, v = b2 v + (1 - b2) sum^2, w -= alpha m / (sqrt(v) + epsilon), sum = 0
 * </pre>
 * eta_current starts at eta's first changed value (eta_first_change) if eta was changed before the
 * first optimization.
 *
 * <p>NOTE: written for eprop_synapse on branch eprop-new while the shared WeightOptimizer of the
 * bsshslm_2020 family (branch eprop-bsshslm) did not exist yet; to be reconciled with it.
 */
public final class EpropOptimizer {
    private EpropOptimizer() {
    }

    /** layout of the common values: optimizer type (0 gradient_descent, 1 adam) and its properties */
    public static final int TYPE = 0, BATCH = 1, ETA = 2, ETA_FIRST = 3, ETA_COUNT = 4, WMIN = 5, WMAX = 6, EACH_STEP = 7,
            BETA_1 = 8, BETA_2 = 9, EPSILON = 10, N_COMMON = 11;
    static final String[] NAMES = {"gradient_descent", "adam"};

    /** NEST's WeightOptimizerCommonProperties (and Adam's) constructor values. */
    public static double[] commonDefaults(int type) {
        double[] c = new double[N_COMMON];
        c[TYPE] = type;
        c[BATCH] = 1;
        c[ETA] = 1e-4;
        c[ETA_FIRST] = 1e-4;
        c[ETA_COUNT] = 0;
        c[WMIN] = -100.0;
        c[WMAX] = 100.0;
        c[EACH_STEP] = 1.0;
        c[BETA_1] = 0.9;
        c[BETA_2] = 0.999;
        c[EPSILON] = 1e-7;
        return c;
    }

    /** The common properties' status (NEST's optimizer dictionary of GetDefaults). */
    public static Map<String, Object> commonStatus(double[] c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("optimizer", NAMES[(int) c[TYPE]]);
        d.put("batch_size", (long) c[BATCH]);
        d.put("eta", c[ETA]);
        d.put("Wmin", c[WMIN]);
        d.put("Wmax", c[WMAX]);
        d.put("optimize_each_step", c[EACH_STEP] != 0.0);
        if (c[TYPE] == 1) {
            d.put("beta_1", c[BETA_1]);
            d.put("beta_2", c[BETA_2]);
            d.put("epsilon", c[EPSILON]);
        }
        return d;
    }

    /**
     * EpropSynapseCommonProperties::set_status for the optimizer dictionary od: a new type replaces the
     * common properties by that optimizer's defaults (refused once connections exist), then od is read.
     */
    public static void setCommon(Map<String, Object> od, double[] c, long numConnections) {
        Status s = new Status(od, "optimizer");
        if (s.has("type")) {
            String t = s.s("type", NAMES[(int) c[TYPE]]);
            if (!t.equals(NAMES[(int) c[TYPE]])) {
                if (numConnections > 0) {
                    throw new NestException("BadParameter", "The optimizer cannot be changed because synapses have been created.");
                }
                int nt = t.equals("gradient_descent") ? 0 : t.equals("adam") ? 1 : -1;
                if (nt < 0) throw NestException.badProperty("optimizer from [\"gradient_descent\", \"adam\"] required.");
                System.arraycopy(commonDefaults(nt), 0, c, 0, N_COMMON);
            }
        }
        // WeightOptimizerCommonProperties::set_status
        long bs = s.l("batch_size", (long) c[BATCH]);
        if (bs <= 0) throw NestException.badProperty("Optimization batch_size > 0 required.");
        c[BATCH] = bs;
        double eta = s.d("eta", c[ETA]);
        if (eta < 0) throw NestException.badProperty("Learning rate eta ≥ 0 required.");
        if (eta != c[ETA]) {
            if (c[ETA_COUNT] == 0) c[ETA_FIRST] = eta;
            c[ETA_COUNT] += 1;
            c[ETA] = eta;
        }
        double wmin = s.d("Wmin", c[WMIN]);
        double wmax = s.d("Wmax", c[WMAX]);
        if (wmin > wmax) throw NestException.badProperty("Minimal weight Wmin ≤ maximal weight Wmax required.");
        c[WMIN] = wmin;
        c[WMAX] = wmax;
        c[EACH_STEP] = s.b("optimize_each_step", c[EACH_STEP] != 0.0) ? 1.0 : 0.0;
        if (c[TYPE] == 1) {
            c[BETA_1] = s.d("beta_1", c[BETA_1]);
            c[BETA_2] = s.d("beta_2", c[BETA_2]);
            c[EPSILON] = s.d("epsilon", c[EPSILON]);
            if (c[BETA_1] < 0.0 || 1.0 <= c[BETA_1]) throw NestException.badProperty("For Adam optimizer, beta_1 from interval [0,1) required.");
            if (c[BETA_2] < 0.0 || 1.0 <= c[BETA_2]) throw NestException.badProperty("For Adam optimizer, beta_2 from interval [0,1) required.");
            if (c[EPSILON] < 0.0) throw NestException.badProperty("For Adam optimizer, epsilon ≥ 0 required.");
        }
    }

    /** NEST's WeightOptimizer::optimized_weight for connection k (state in e), t the current update step. */
    static double optimizedWeight(double[] c, double[][] e, int k, long t, double gradient, double w) {
        final int sg = EpropSynapse.SUM_GRAD, os = EpropSynapse.OPT_STEP, ec = EpropSynapse.ETA_CUR, no = EpropSynapse.N_OPT;
        if (c[ETA_COUNT] != 0 && e[no][k] == 0) e[ec][k] = c[ETA_FIRST];
        e[sg][k] += gradient;
        if (e[os][k] == 0) e[os][k] = t;
        final long batch = (long) c[BATCH];
        final long current = 1 + t / batch;
        if ((long) e[os][k] < current) {
            e[sg][k] /= batch;
            double nw = c[TYPE] == 1 ? adam(c, e, k, w, current) : gradientDescent(e, k, w);
            w = Math.max(c[WMIN], Math.min(nw, c[WMAX]));
            e[ec][k] = c[ETA];
            e[no][k] += 1;
            e[os][k] = current;
        }
        return w;
    }

    private static double gradientDescent(double[][] e, int k, double w) {
        w -= e[EpropSynapse.ETA_CUR][k] * e[EpropSynapse.SUM_GRAD][k];
        e[EpropSynapse.SUM_GRAD][k] = 0.0;
        return w;
    }

    private static double adam(double[] c, double[][] e, int k, double w, long current) {
        final double b1 = c[BETA_1], b2 = c[BETA_2], eps = c[EPSILON];
        double m = e[EpropSynapse.M][k], v = e[EpropSynapse.V][k], b1p = e[EpropSynapse.B1P][k], b2p = e[EpropSynapse.B2P][k];
        final double etaCur = e[EpropSynapse.ETA_CUR][k];
        double sum = e[EpropSynapse.SUM_GRAD][k];
        for (long step = (long) e[EpropSynapse.OPT_STEP][k]; step < current; ++step) {
            b1p *= b1;
            b2p *= b2;
            final double alpha = etaCur * Math.sqrt(1.0 - b2p) / (1.0 - b1p);
            m = b1 * m + (1.0 - b1) * sum;
            v = b2 * v + (1.0 - b2) * sum * sum;
            w -= alpha * m / (Math.sqrt(v) + eps);
            sum = 0.0;
        }
        e[EpropSynapse.M][k] = m;
        e[EpropSynapse.V][k] = v;
        e[EpropSynapse.B1P][k] = b1p;
        e[EpropSynapse.B2P][k] = b2p;
        e[EpropSynapse.SUM_GRAD][k] = sum;
        return w;
    }
}
