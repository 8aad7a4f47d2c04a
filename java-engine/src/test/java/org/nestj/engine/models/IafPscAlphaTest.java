package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.devices.SpikeRecorder;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.numerics.IafPropagator;

class IafPscAlphaTest {
    @Test
    void singularPropagatorIsTheLimit() {
        double h = 0.1, c = 250.0, tau = 10.0;
        double[] reg = IafPropagator.alpha(tau * (1 + 1e-5), tau, c, h);
        double[] sing = IafPropagator.alpha(tau, tau, c, h);
        assertEquals(reg[0], sing[0], 1e-9 * Math.abs(sing[0]) * 1e4);
        assertEquals(reg[1], sing[1], 1e-4 * Math.abs(sing[1]));
        assertEquals(h / c * Math.exp(-h / tau), IafPropagator.exp(tau, tau, c, h), 1e-18);
    }

    private static double[] spikeTimes(int threads) {
        Kernel k = Models.newKernel();
        Map<String, Object> ks = new HashMap<>();
        ks.put("local_num_threads", (long) threads);
        k.setKernelStatus(ks);
        NodeBlock n = k.create("iaf_psc_alpha", 20);
        for (int i = 0; i < 20; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("I_e", 370.0 + i);
            k.setNodeStatus(n, i, p);
        }
        NodeBlock sr = k.create("spike_recorder", 1);
        long[] pre = new long[20];
        for (int i = 0; i < 20; i++) pre[i] = n.firstGid + i;
        Map<String, Object> syn = new HashMap<>();
        syn.put("weight", 50.0);
        syn.put("delay", 1.5);
        k.connect(pre, pre, null, syn);
        k.connect(pre, new long[] {sr.firstGid}, null, null);
        k.simulate(500.0);
        Map<String, Object> st = new HashMap<>();
        k.nodeStatus(sr, 0, st);
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) st.get("events");
        return (double[]) ev.get("times");
    }

    @Test
    void resultsIndependentOfThreads() {
        double[] one = spikeTimes(1);
        double[] two = spikeTimes(2);
        assertTrue(one.length > 50);
        assertArrayEquals(one, two);
        assertTrue(SpikeRecorder.class != null);
    }
}
