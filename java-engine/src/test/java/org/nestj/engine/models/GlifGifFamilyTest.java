package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;

/** glif_psc / glif_cond / glif_psc_double_alpha, gif_cond_exp* and gif_pop_psc_exp: basic behaviour. */
class GlifGifFamilyTest {
    private static Map<String, Object> status(Kernel k, NodeBlock b) {
        Map<String, Object> st = new HashMap<>();
        k.nodeStatus(b, 0, st);
        return st;
    }

    /** Without input, U = V_m - E_L relaxes as exp(-t g / C_m) (exactly for glif_psc, to RKF45 accuracy for glif_cond). */
    @Test
    void freeRelaxation() {
        for (String model : new String[] {"glif_psc", "glif_psc_double_alpha", "glif_cond"}) {
            Kernel k = Models.newKernel();
            NodeBlock n = k.create(model, 1);
            Map<String, Object> p = new HashMap<>();
            p.put("V_m", -60.0);
            k.setNodeStatus(n, 0, p);
            k.simulate(10.0);
            double el = -78.85, g = 9.43, c = 58.72;
            double expect = el + (-60.0 - el) * Math.exp(-10.0 * g / c);
            double v = (Double) status(k, n).get("V_m");
            assertEquals(expect, v, model.equals("glif_cond") ? 1e-4 : 1e-9, model);
        }
    }

    @Test
    void mechanismCombinationIsChecked() {
        Kernel k = Models.newKernel();
        NodeBlock n = k.create("glif_psc", 1);
        Map<String, Object> p = new HashMap<>();
        p.put("adapting_threshold", true);
        NestException e = assertThrows(NestException.class, () -> k.setNodeStatus(n, 0, p));
        assertTrue(e.getMessage().contains("Incorrect model mechanism combination setting."));
    }

    /** The automatic history length: the first k (counting down from 20 s) with q exp(-k h/tau) / Delta_V >= 0.1. */
    @Test
    void gifPopKernelLength() {
        Kernel k = Models.newKernel();
        NodeBlock n = k.create("gif_pop_psc_exp", 1);
        k.simulate(1.0);
        assertEquals(2748L, status(k, n).get("len_kernel"));
    }

    /** gif_cond_exp with lambda_0 = 0 relaxes to E_L + (I_e) / g_L (no spikes). */
    @Test
    void gifCondExpSubthreshold() {
        Kernel k = Models.newKernel();
        NodeBlock n = k.create("gif_cond_exp", 1);
        Map<String, Object> p = new HashMap<>();
        p.put("lambda_0", 0.0);
        p.put("I_e", 40.0);
        k.setNodeStatus(n, 0, p);
        k.simulate(500.0);
        assertEquals(-70.0 + 40.0 / 4.0, (Double) status(k, n).get("V_m"), 1e-3);
    }
}
