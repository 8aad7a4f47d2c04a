package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;
import org.nestj.engine.models.Models;

class ConnBuilderTest {
    private static long[] range(long first, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = first + i;
        return r;
    }

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void fixedIndegreeWithoutMultapsesOrAutapses() {
        Kernel k = Models.newKernel();
        long[] a = range(k.create("iaf_psc_alpha", 40).firstGid, 40);
        k.connect(a, a, spec("rule", "fixed_indegree", "indegree", 39L, "allow_autapses", false, "allow_multapses", false), null);
        assertEquals(40 * 39, k.connections.numConnections());
        Map<String, Object> c = k.connections.getConnections(null, null, -1);
        long[] s = (long[]) c.get("source"), t = (long[]) c.get("target");
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        for (int i = 0; i < s.length; i++) {
            assertTrue(s[i] != t[i]);
            pairs.add(s[i] * 1000 + t[i]);
        }
        assertEquals(s.length, pairs.size());
    }

    @Test
    void sameNetworkForSameSeed() {
        long[][] got = new long[2][];
        for (int rep = 0; rep < 2; rep++) {
            Kernel k = Models.newKernel();
            long[] a = range(k.create("iaf_psc_alpha", 30).firstGid, 30);
            k.connect(a, a, spec("rule", "pairwise_bernoulli", "p", 0.3), null);
            got[rep] = (long[]) k.connections.getConnections(null, null, -1).get("target");
        }
        assertTrue(java.util.Arrays.equals(got[0], got[1]));
    }

    @Test
    void impossibleRequestsRaiseNestErrors() {
        Kernel k = Models.newKernel();
        long[] a = range(k.create("iaf_psc_alpha", 5).firstGid, 5);
        NestException e = assertThrows(NestException.class, () ->
                k.connect(a, a, spec("rule", "fixed_indegree", "indegree", 6L, "allow_multapses", false), null));
        assertEquals("BadProperty", e.getErrorName());
        e = assertThrows(NestException.class, () ->
                k.connect(a, a, spec("rule", "fixed_total_number", "N", 3L, "allow_multapses", false), null));
        assertEquals("NotImplemented", e.getErrorName());
        e = assertThrows(NestException.class, () -> k.connect(a, a, spec("rule", "pairwise_bernoulli", "p", -0.1), null));
        assertEquals("BadProperty", e.getErrorName());
        assertEquals(0, k.connections.numConnections());
    }

    @Test
    void aRuleWithAKnownCountReservesTheTablesOfItsSynapseModel() {
        // fixed_indegree of a model with state: room for exactly the call's connections in the model's
        // own tables (no growth by copying), none in the tables of static connections
        Kernel k = Models.newKernel();
        long[] a = range(k.create("iaf_psc_alpha", 40).firstGid, 40);
        k.connect(a, a, spec("rule", "fixed_indegree", "indegree", 39L), spec("synapse_model", "stdp_synapse"));
        ConnStore c = k.connections.plasticTables(k.connections.synapse("stdp_synapse"))[0].seg(0);
        assertEquals(40 * 39, c.size());
        assertEquals(40 * 39, c.cap);
        assertEquals(0, k.connections.stores[0].segments());
        k.connect(a, a, spec("rule", "fixed_indegree", "indegree", 2L), null);
        assertEquals(80, k.connections.stores[0].seg(0).cap);
    }
}
