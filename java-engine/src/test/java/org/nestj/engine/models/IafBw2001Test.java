package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;

class IafBw2001Test {
    @Test
    void defaultNmdaIncrementIsNestsK0() {
        // NEST's default NMDA increment k_0 = (alpha tau_r)^(tau_r/tau_d) gamma(1 - tau_r/tau_d, alpha tau_r) =
        // gamma(0.98, 1): iaf_bw_2001 spikes stamped 127.2 ms are recorded at 126.55158326088367 ms (stamp minus the
        // increment carried in the offset), and boost::math::tgamma_lower(0.98, 1) printed 0.64841673911632569
        Kernel k = Models.newKernel();
        NodeBlock nb = k.create("iaf_bw_2001", 2);
        Map<String, Object> p = new HashMap<>();
        p.put("tau_rise_NMDA", 1.0);
        p.put("tau_decay_NMDA", 50.0);
        k.setNodeStatus(nb, 1, p);
        IafBw2001 b = (IafBw2001) nb;
        b.calibrate();
        assertEquals(127.2 - 126.55158326088367, b.k0[0], 1e-14);
        assertEquals(0.64841673911632569, b.k0[0], 0.0);
        // tau_r = 1, tau_d = 50: (0.5)^0.02 gamma(0.98, 0.5), gamma(0.98, 0.5) = 0.40815773606796413 (boost)
        assertEquals(Math.pow(0.5, 0.02) * 0.40815773606796413, b.k0[1], 2e-16);
        assertEquals(Math.expm1(-0.5), b.k1[1], 1e-16);
    }

    private static Map<String, Object> syn(double w, long receptor) {
        Map<String, Object> s = new HashMap<>();
        s.put("weight", w);
        s.put("delay", 1.0);
        s.put("receptor_type", receptor);
        return s;
    }

    /** Two driven iaf_bw_2001 senders, one twice (multapse), onto an iaf_bw_2001_exact NMDA port. */
    private static double[] exactRun(int threads, double[] vmOut) {
        Kernel k = Models.newKernel();
        Map<String, Object> ks = new HashMap<>();
        ks.put("local_num_threads", (long) threads);
        k.setKernelStatus(ks);
        NodeBlock pre = k.create("iaf_bw_2001", 2);
        NodeBlock post = k.create("iaf_bw_2001_exact", 3);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("V_m", -56.0 + i);
            k.setNodeStatus(pre, i, p);
        }
        NodeBlock dc = k.create("dc_generator", 1);
        Map<String, Object> a = new HashMap<>();
        a.put("amplitude", 450.0);
        k.setNodeStatus(dc, 0, a);
        long[] pres = {pre.firstGid, pre.firstGid + 1};
        long[] posts = {post.firstGid, post.firstGid + 1, post.firstGid + 2};
        k.connect(new long[] {dc.firstGid}, pres, null, null);
        k.connect(new long[] {dc.firstGid}, posts, null, null);
        k.connect(pres, posts, null, syn(0.5, 3));
        k.connect(new long[] {pre.firstGid}, posts, null, syn(0.5, 3));
        NodeBlock sr = k.create("spike_recorder", 1);
        k.connect(posts, new long[] {sr.firstGid}, null, null);
        k.simulate(400.0);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> st = new HashMap<>();
            k.nodeStatus(post, i, st);
            vmOut[i] = (Double) st.get("V_m");
        }
        Map<String, Object> st = new HashMap<>();
        k.nodeStatus(sr, 0, st);
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) st.get("events");
        return (double[]) ev.get("times");
    }

    @Test
    void exactModelIndependentOfThreads() {
        double[] v1 = new double[3], v2 = new double[3];
        double[] one = exactRun(1, v1);
        double[] two = exactRun(2, v2);
        assertTrue(one.length > 10);
        java.util.Arrays.sort(one);
        java.util.Arrays.sort(two);
        assertArrayEquals(one, two);
        assertArrayEquals(v1, v2);
    }

    @Test
    void nmdaOnlyFromBw2001AndConstantWeights() {
        Kernel k = Models.newKernel();
        NodeBlock pre = k.create("iaf_psc_alpha", 1);
        NodeBlock post = k.create("iaf_bw_2001", 1);
        NestException e = assertThrows(NestException.class,
                () -> k.connect(new long[] {pre.firstGid}, new long[] {post.firstGid}, null, syn(1.0, 3)));
        assertTrue(e.getMessage().contains("pre-synaptic neuron must also be of type iaf_bw_2001"), e.getMessage());
        assertThrows(NestException.class,
                () -> k.connect(new long[] {pre.firstGid}, new long[] {post.firstGid}, null, syn(1.0, 4)));
    }
}
