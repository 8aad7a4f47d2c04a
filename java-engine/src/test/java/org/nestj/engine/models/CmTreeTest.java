package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** cm_default's Hines elimination against a dense solve of the same system (passive branched tree). */
class CmTreeTest {
    private static Map<String, Object> p(double ca, double gc, double gl, double el, double v) {
        Map<String, Object> m = new HashMap<>();
        m.put("C_m", ca);
        m.put("g_C", gc);
        m.put("g_L", gl);
        m.put("e_L", el);
        m.put("v_comp", v);
        return m;
    }

    @Test
    void branchedTreeMatchesDenseSolve() {
        // 0 - {1, 2}, 1 - {3, 4}, 2 - {5}: several leaves, out-of-order completion of parents
        long[] parent = {-1, 0, 0, 1, 1, 2};
        double[][] prm = {{10, 0, 1, -70, -65}, {0.5, 0.3, 0.1, -60, -62}, {0.2, 0.1, 0.05, -75, -71},
            {0.1, 0.2, 0.02, -65, -55}, {0.3, 0.05, 0.1, -80, -79}, {0.7, 0.4, 0.2, -70, -50}};
        CmTree t = new CmTree();
        for (int c = 0; c < parent.length; c++) {
            double[] q = prm[c];
            t.addCompartment(parent[c], p(q[0], q[1], q[2], q[3], q[4]));
        }
        int n = parent.length, len = 4;
        double dt = 0.1;
        t.preRunHook(dt, len);
        double[] v = new double[n];
        for (int c = 0; c < n; c++) v[c] = prm[c][4];
        double[] input = {0.5, 0, 0.2, -0.3, 0, 1.0};
        for (int step = 0; step < 50; step++) {
            int slot = step % len;
            for (int c = 0; c < n; c++) t.comps[c].cur[slot] += input[c];
            // dense system
            double[][] a = new double[n][n + 1];
            for (int c = 0; c < n; c++) {
                double ca = prm[c][0], gl = prm[c][2], el = prm[c][3];
                a[c][c] += ca / dt + gl / 2;
                a[c][n] = (ca / dt - gl / 2) * v[c] + gl * el + input[c];
                if (parent[c] >= 0) {
                    int pp = (int) parent[c];
                    double g2 = prm[c][1] / 2;
                    a[c][c] += g2;
                    a[pp][pp] += g2;
                    a[c][pp] -= g2;
                    a[pp][c] -= g2;
                    a[c][n] -= g2 * (v[c] - v[pp]);
                    a[pp][n] -= g2 * (v[pp] - v[c]);
                }
            }
            for (int k = 0; k < n; k++) {
                for (int r = k + 1; r < n; r++) {
                    double f = a[r][k] / a[k][k];
                    for (int j = k; j <= n; j++) a[r][j] -= f * a[k][j];
                }
            }
            for (int k = n - 1; k >= 0; k--) {
                double s = a[k][n];
                for (int j = k + 1; j < n; j++) s -= a[k][j] * v[j];
                v[k] = s / a[k][k];
            }
            t.step(dt, slot);
            for (int c = 0; c < n; c++) assertEquals(v[c], t.comps[c].v, 1e-10, "step " + step + " comp " + c);
        }
    }
}
