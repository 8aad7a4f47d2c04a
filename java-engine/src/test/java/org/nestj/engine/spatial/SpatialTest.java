package org.nestj.engine.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.params.Parameter;
import org.nestj.engine.params.Parameters;

class SpatialTest {
    private static Map<String, Object> mask(String type, Map<String, Object> spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(type, new LinkedHashMap<>(spec));
        return m;
    }

    @Test
    void gridPositionsAndPeriodicDisplacement() {
        Layer L = Layer.grid(1, new long[] {4, 2}, null, new double[] {4.0, 2.0}, true);
        assertArrayEquals(new double[] {-1.5, 0.5}, L.position(0), 1e-15);
        assertArrayEquals(new double[] {-1.5, -0.5}, L.position(1), 1e-15);
        assertArrayEquals(new double[] {1.5, -0.5}, L.position(7), 1e-15);
        double[] d = new double[2];
        L.displacementTo(L.position(0), L.position(7), d);   // 3 to the right = 1 to the left on the torus
        assertArrayEquals(new double[] {-1.0, -1.0}, d, 1e-12);
        assertEquals(Math.sqrt(2.0), L.distance(L.position(0), L.position(7)), 1e-12);
    }

    @Test
    void maskInsideAndBoxTests() {
        Mask ball = Mask.create(mask("circular", Map.of("radius", 1.0)));
        assertTrue(ball.inside(new double[] {0.6, 0.8}));
        assertFalse(ball.inside(new double[] {0.6, 0.81}));
        assertTrue(ball.insideBox(new double[] {-0.5, -0.5}, new double[] {0.5, 0.5}));
        assertTrue(ball.outsideBox(new double[] {1.1, 0.0}, new double[] {2.0, 1.0}));
        Mask box = Mask.create(mask("rectangular", Map.of("lower_left", new double[] {-1, -0.5},
                "upper_right", new double[] {1, 0.5}, "azimuth_angle", 90.0)));
        assertTrue(box.inside(new double[] {0.0, 0.9}));
        assertFalse(box.inside(new double[] {0.9, 0.0}));
        Mask conv = new Mask.Converse(Mask.create(Map.of("circular", Map.of("radius", 0.5), "anchor", new double[] {1.0, 0.0})));
        assertTrue(conv.inside(new double[] {-1.2, 0.0}));
        assertFalse(conv.inside(new double[] {1.2, 0.0}));
        NestException e = assertThrows(NestException.class, () -> Mask.create(mask("doughnut",
                Map.of("inner_radius", 0.5, "outer_radius", 0.5))));
        assertEquals("BadProperty", e.getErrorName());
    }

    /** The tree traversal finds the same nodes as a plain test of every node, away from mask boundaries. */
    @Test
    void treeQueryMatchesBruteForce() {
        Rng rng = new Rng(7, 9, 0);
        double[][] pts = new double[3000][2];
        for (double[] p : pts) {
            p[0] = rng.uniform() - 0.5;
            p[1] = rng.uniform() - 0.5;
        }
        Layer L = Layer.free(1, pts, new double[] {1.0, 1.0}, true);
        long[] gids = new long[pts.length];
        for (int j = 0; j < gids.length; j++) gids[j] = j + 1;
        Pool pool = new Pool(L, gids, L.lowerLeft, L.extent, true, true);
        Mask m = Mask.create(mask("elliptical", Map.of("major_axis", 0.5, "minor_axis", 0.2, "azimuth_angle", 30.0)));
        for (double[] anchor : new double[][] {{0.0, 0.0}, {0.45, -0.47}, {-0.3, 0.49}}) {
            Pool.IntList out = new Pool.IntList();
            pool.query(m, anchor, out);
            int[] got = Arrays.copyOf(out.a, out.size);
            Arrays.sort(got);
            int n = 0;
            int[] want = new int[pts.length];
            for (int j = 0; j < pts.length; j++) {
                double[] q = new double[2];
                for (int i = 0; i < 2; i++) {
                    double d = pts[j][i] - anchor[i];
                    q[i] = d - Math.rint(d);   // nearest periodic image
                }
                if (m.inside(q)) want[n++] = j;
            }
            assertArrayEquals(Arrays.copyOf(want, n), got);
        }
    }

    @Test
    void spatialParametersNeedTheirContext() {
        Parameter dist = Parameters.create("distance", Map.of());
        Parameter g = Parameters.create("gaussian", Map.of("x", dist, "mean", 0.0, "std", 1.0));
        Parameter.Ctx c = new Parameter.Ctx();
        c.layer = Layer.grid(1, new long[] {2, 2}, null, null, false);
        c.spos = new double[] {0.0, 0.0};
        c.tpos = new double[] {0.3, 0.4};
        Rng r = new Rng(1, 1, 1);
        assertEquals(0.5, dist.eval(r, 0, c), 1e-15);
        assertEquals(Math.exp(-0.125), g.eval(r, 0, c), 1e-15);
        NestException e = assertThrows(NestException.class, () -> dist.value(r, 0));
        assertEquals("BadParameterValue", e.getErrorName());
        Parameter gamma = Parameters.create("gamma", Map.of("x", dist, "kappa", 2.5, "theta", 1.0));
        // x^(k-1) e^(-x) / Gamma(k), Gamma(2.5) = 1.329340388179137
        assertEquals(Math.pow(0.5, 1.5) * Math.exp(-0.5) / 1.329340388179137, gamma.eval(r, 0, c), 1e-13);
    }
}
