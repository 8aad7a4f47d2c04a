package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;

/** WeightOptimizer (NEST's models/weight_optimizer.cpp) against the optimizers' formulas written out here. */
class WeightOptimizerTest {
    private static double[][] state() {
        double[][] c = new double[3 + WeightOptimizer.N_STATE][1];
        double[] v = new double[3 + WeightOptimizer.N_STATE];
        WeightOptimizer.initState(v, 3);
        for (int j = 0; j < v.length; j++) c[j][0] = v[j];
        return c;
    }

    private static Map<String, Object> d(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int j = 0; j < kv.length; j += 2) m.put((String) kv[j], kv[j + 1]);
        return m;
    }

    @Test
    void gradientDescentSumsOverBatches() {
        WeightOptimizer o = new WeightOptimizer("gradient_descent").withStatus(d("batch_size", 2L, "eta", 0.5), false);
        double[][] c = state();
        // updates 1 (batch 0 -> optimization step 1 < 1 + 1/2 = 1: none), 2 (step 2: optimize), 3 (none), 4
        double w = o.optimizedWeight(c, 3, 0, 1, 0.2, 1.0);
        assertEquals(1.0, w);
        w = o.optimizedWeight(c, 3, 0, 2, 0.4, w);
        // eta was changed before the first optimization: eta_first_change (0.5); gradients averaged over the batch
        assertEquals(1.0 - 0.5 * ((0.2 + 0.4) / 2), w);
        w = o.optimizedWeight(c, 3, 0, 3, 1.0, w);
        double w3 = w;
        w = o.optimizedWeight(c, 3, 0, 4, 3.0, w);
        assertEquals(w3 - 0.5 * ((1.0 + 3.0) / 2), w);
    }

    @Test
    void clippedToWminWmax() {
        WeightOptimizer o = new WeightOptimizer("gradient_descent").withStatus(d("eta", 10.0, "Wmin", -2.0, "Wmax", 3.0),
                false);
        double[][] c = state();
        assertEquals(3.0, o.optimizedWeight(c, 3, 0, 1, -100.0, 0.0));
        assertEquals(-2.0, o.optimizedWeight(c, 3, 0, 2, 100.0, 0.0));
    }

    @Test
    void adamStepsOverSkippedUpdates() {
        WeightOptimizer o = new WeightOptimizer("gradient_descent").withStatus(d("type", "adam", "eta", 0.01,
                "beta_1", 0.8, "beta_2", 0.9, "epsilon", 1e-6), false);
        double[][] c = state();
        // first update (index 1): one Adam step with g; then index 3 (optimization step 4): steps 2 and 3, the second with gradient 0
        double g = 0.3, w = 2.0;
        double b1 = 0.8, b2 = 0.9, m = 0, v = 0, p1 = 1, p2 = 1;
        p1 *= b1;
        p2 *= b2;
        double alpha = 0.01 * Math.sqrt(1 - p2) / (1 - p1);
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        double expected = w - alpha * m / (Math.sqrt(v) + 1e-6);
        w = o.optimizedWeight(c, 3, 0, 1, g, w);
        assertEquals(expected, w);
        double g2 = -0.7;
        for (int s = 0; s < 2; s++) {
            double gs = s == 0 ? g2 : 0.0;
            p1 *= b1;
            p2 *= b2;
            alpha = 0.01 * Math.sqrt(1 - p2) / (1 - p1);
            m = b1 * m + (1 - b1) * gs;
            v = b2 * v + (1 - b2) * gs * gs;
            expected -= alpha * m / (Math.sqrt(v) + 1e-6);
        }
        w = o.optimizedWeight(c, 3, 0, 3, g2, w);
        assertEquals(expected, w);
        assertEquals(m, o.connStatus(c, 3, 0).get("m"));
        assertEquals(v, o.connStatus(c, 3, 0).get("v"));
    }

    @Test
    void nestErrors() {
        WeightOptimizer o = new WeightOptimizer("gradient_descent");
        assertThrows(NestException.class, () -> o.withStatus(d("type", "adam"), true));
        NestException e = assertThrows(NestException.class, () -> o.withStatus(d("type", "rmsprop"), false));
        assertEquals("BadProperty", e.getErrorName());
        e = assertThrows(NestException.class, () -> o.withStatus(d("eta", -1.0), false));
        assertEquals("Learning rate eta ≥ 0 required.", e.getMessage());
        assertEquals("gradient_descent", o.type);
    }
}
