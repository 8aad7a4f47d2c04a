package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.kernel.Status;

/** The gain functions of NEST's rate models against their closed forms (models/*_rate*.h of NEST 3.9). */
class RateNonlinearityTest {
    private static void set(RateNonlinearity nl, int i, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int q = 0; q < kv.length; q += 2) m.put((String) kv[q], kv[q + 1]);
        nl.set(i, new Status(m, "test"));
    }

    @Test
    void gaussRate() {
        GaussRate nl = new GaussRate(2);
        set(nl, 1, "g", 1.5, "mu", 0.2, "sigma", 0.6);
        for (double h : new double[] {-1.0, 0.0, 0.2, 0.35, 2.0}) {
            double ref = 1.5 * Math.exp(-(h - 0.2) * (h - 0.2) / (2 * 0.36));
            assertEquals(ref, nl.input(1, h), 2 * Math.ulp(ref), "h = " + h);
        }
        assertEquals(1.5, nl.input(1, 0.2));
        // defaults g 1, mu 0, sigma 0: exp(-(h - mu)^2 / 0) is 0 away from mu and NaN (0/0) at mu
        assertTrue(Double.isNaN(nl.input(0, 0.0)));
        assertEquals(0.0, nl.input(0, 0.1));
        assertEquals(1.0, nl.multCouplingEx(1, 0.7));
        assertEquals(1.0, nl.multCouplingIn(1, 0.7));
        Map<String, Object> d = new HashMap<>();
        nl.get(1, d);
        assertEquals(Map.of("g", 1.5, "mu", 0.2, "sigma", 0.6), d);
    }

    @Test
    void sigmoidRateGg1998() {
        SigmoidRateGg1998 nl = new SigmoidRateGg1998(1);
        // (g h)^4 / (0.1^4 + (g h)^4): one half where g h = 0.1, 0 at 0, even in h
        assertEquals(0.5, nl.input(0, 0.1));
        assertEquals(0.5, nl.input(0, -0.1));
        assertEquals(0.0, nl.input(0, 0.0));
        set(nl, 0, "g", 2.0);
        double x = 2.0 * 0.3;
        double ref = x * x * x * x / (1e-4 + x * x * x * x);
        assertEquals(ref, nl.input(0, 0.3), 2 * Math.ulp(ref));
    }

    @Test
    void thresholdLinAndLinAndSigmoidAndTanh() {
        ThresholdLinRate t = new ThresholdLinRate(1);
        set(t, 0, "g", 2.0, "theta", 0.1, "alpha", 0.5);
        assertEquals(0.0, t.input(0, -1.0));
        assertEquals(2.0 * (0.2 - 0.1), t.input(0, 0.2));
        assertEquals(0.5, t.input(0, 3.0));
        LinRate l = new LinRate(1);
        set(l, 0, "g", 1.5, "g_ex", 2.0, "theta_ex", 1.0, "g_in", 0.5, "theta_in", 0.25);
        assertEquals(1.5 * 0.4, l.input(0, 0.4));
        assertEquals(2.0 * (1.0 - 0.4), l.multCouplingEx(0, 0.4));
        assertEquals(0.5 * (0.25 + 0.4), l.multCouplingIn(0, 0.4));
        SigmoidRate s = new SigmoidRate(1);
        set(s, 0, "g", 2.0, "beta", 3.0, "theta", 0.5);
        assertEquals(1.0, s.input(0, 0.5));
        double ref = 2.0 / (1.0 + Math.exp(-3.0 * (0.9 - 0.5)));
        assertEquals(ref, s.input(0, 0.9), 2 * Math.ulp(ref));
        TanhRate th = new TanhRate(1);
        set(th, 0, "g", 2.0, "theta", 0.1);
        assertEquals(Math.tanh(2.0 * (0.6 - 0.1)), th.input(0, 0.6));
    }

    @Test
    void copyTakesAllParameters() {
        LinRate a = new LinRate(1), b = new LinRate(3);
        set(a, 0, "g", 3.0, "g_ex", 4.0, "g_in", 5.0, "theta_ex", 6.0, "theta_in", 7.0);
        b.copy(a, 0, 2);
        Map<String, Object> da = new HashMap<>(), db = new HashMap<>(), d0 = new HashMap<>();
        a.get(0, da);
        b.get(2, db);
        b.get(0, d0);
        assertEquals(da, db);
        assertEquals(Map.of("g", 1.0, "g_ex", 1.0, "g_in", 1.0, "theta_ex", 0.0, "theta_in", 0.0), d0);
    }
}
