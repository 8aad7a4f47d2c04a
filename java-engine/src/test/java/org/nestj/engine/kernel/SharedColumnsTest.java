package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nestj.engine.models.Models;

/**
 * The columns of the STDP models with traces per source (stdp_synapse and the *_hom ones, the
 * triplet, Vogels-Sprekeler, Jonke and nearest-neighbour symm and restr models) and of tsodyks_synapse,
 * tsodyks_synapse_hom, tsodyks2_synapse and ht_synapse, and bernoulli_synapse's p_transmit, held once per source
 * (ConnStore#sext) give the same weights, traces and spikes, bit for bit, as columns per
 * connection: through spikes of
 * multiplicity 2, connections added after a run (appended to a shared segment), one connection's
 * Kplus set by SetStatus, and Disconnect.
 */
class SharedColumnsTest {
    /** a per-connection value of each model that its status shows and SetStatus sets */
    private static final Map<String, String> TRACE = Map.ofEntries(Map.entry("stdp_pl_synapse_hom", "Kplus"),
            Map.entry("stdp_synapse_hom", "Kplus"), Map.entry("stdp_synapse", "Kplus"), Map.entry("tsodyks_synapse_hom", "u"),
            Map.entry("tsodyks_synapse", "u"), Map.entry("tsodyks2_synapse", "u"), Map.entry("vogels_sprekeler_synapse", "Kplus"),
            Map.entry("ht_synapse", "P"), Map.entry("stdp_triplet_synapse", "Kplus_triplet"), Map.entry("jonke_synapse", "Kplus"),
            Map.entry("bernoulli_synapse", "p_transmit"),
            // the nearest-neighbour models have no trace column: a parameter of theirs
            Map.entry("stdp_nn_symm_synapse", "lambda"), Map.entry("stdp_nn_restr_synapse", "lambda"));
    @AfterEach
    void restore() {
        ConnStore.shareColumns = true;
    }

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** syn_spec of a plastic connection (tsodyks_synapse_hom's weight is common: its default) */
    private static Map<String, Object> syn(String model, double weight) {
        return model.equals("tsodyks_synapse_hom") ? spec("synapse_model", model, "delay", 1.0)
                : spec("synapse_model", model, "weight", weight, "delay", 1.0);
    }

    private static long[] range(long first, int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = first + i;
        return r;
    }

    /**
     * Weights and Kplus of every connection and the spike count after 150 ms, one change to the
     * connections (variant), and 150 ms more; sawShared[0]: a segment was shared after the first run.
     */
    private static double[][] run(String model, boolean share, String variant, boolean[] sawShared) {
        ConnStore.shareColumns = share;
        Kernel k = Models.newKernel();
        // tsodyks_synapse_hom: a weight that matters, and facilitation
        if (model.equals("tsodyks_synapse_hom")) k.models.setDefaults(model, spec("weight", 300.0, "tau_fac", 20.0));
        if (model.equals("tsodyks_synapse") || model.equals("tsodyks2_synapse")) {
            k.models.setDefaults(model, spec("weight", 300.0, "tau_fac", 20.0));
        }
        // bernoulli_synapse: draws that matter
        if (model.equals("bernoulli_synapse")) k.models.setDefaults(model, spec("p_transmit", 0.5));
        NodeBlock nb = k.create("iaf_psc_alpha", 60);
        long[] n = range(nb.firstGid, 60);
        for (int i = 0; i < 60; i++) k.setNodeStatus(nb, i, spec("I_e", 370.0 + 4.0 * i));
        // a parrot repeating spikes of multiplicity 2 into the plastic connections
        NodeBlock sg = k.create("spike_generator", 1);
        k.setNodeStatus(sg, 0, spec("spike_times", new double[] {5.0, 17.3, 40.0, 41.0, 120.0, 180.0},
                "spike_multiplicities", new long[] {2, 1, 2, 1, 2, 2}));
        NodeBlock par = k.create("parrot_neuron", 1);
        NodeBlock sr = k.create("spike_recorder", 1);
        k.connect(new long[] {sg.firstGid}, new long[] {par.firstGid}, null, null);
        long[] src = new long[61];
        System.arraycopy(n, 0, src, 0, 60);
        src[60] = par.firstGid;
        k.connect(src, n, spec("rule", "fixed_indegree", "indegree", 20L),
                syn(model, 40.0));
        k.connect(n, new long[] {sr.firstGid}, null, null);
        k.simulate(150.0);
        sawShared[0] = anyShared(k);
        int id = k.connections.synapse(model).id;
        Map<String, Object> c = k.connections.getConnections(null, null, id);
        int[] h = (int[]) c.get("handle_store"), idx = (int[]) c.get("handle_index");
        long v = (Long) c.get("version");
        int[] h3 = {h[3]}, i3 = {idx[3]};
        switch (variant) {
            case "append":
                // connections with fresh traces join the last segment
                k.connect(range(n[0], 10), range(n[30], 10), spec("rule", "one_to_one"),
                        syn(model, 35.0));
                break;
            case "set Kplus":
                k.connections.setConnValues(h3, i3, new String[] {TRACE.get(model)}, new double[][] {{0.75}}, v);
                break;
            case "set same Kplus and a weight": {
                double kp = ((double[]) k.connections.getConnValues(h3, i3, TRACE.get(model), v))[0];
                // (tsodyks_synapse_hom's weight is a common property: the same value alone)
                if (model.equals("tsodyks_synapse_hom")) {
                    k.connections.setConnValues(h3, i3, new String[] {TRACE.get(model)}, new double[][] {{kp}}, v);
                } else {
                    k.connections.setConnValues(h3, i3, new String[] {TRACE.get(model), "weight"}, new double[][] {{kp}, {12.5}}, v);
                }
                break;
            }
            case "disconnect":
                c = k.connections.getConnections(new long[] {n[5]}, null, id);
                k.connections.disconnect((int[]) c.get("handle_store"), (int[]) c.get("handle_index"), (Long) c.get("version"));
                break;
            default:
                throw new IllegalArgumentException(variant);
        }
        k.simulate(150.0);
        c = k.connections.getConnections(null, null, id);
        h = (int[]) c.get("handle_store");
        idx = (int[]) c.get("handle_index");
        v = (Long) c.get("version");
        double[] w = (double[]) k.connections.getConnValues(h, idx, "weight", v);
        double[] kp = (double[]) k.connections.getConnValues(h, idx, TRACE.get(model), v);
        double spikes = ((Number) k.getKernelStatus().get("local_spike_counter")).doubleValue();
        return new double[][] {w, kp, {spikes}};
    }

    private static boolean anyShared(Kernel k) {
        for (ConnTable[] tabs : k.connections.plastic) {
            if (tabs == null) continue;
            for (ConnTable t : tabs) {
                for (int s = 0; s < t.segments(); s++) {
                    if (t.seg(s).sext != null) return true;
                }
            }
        }
        return false;
    }

    private static void sameAsPerConnection(String model) {
        for (String variant : new String[] {"append", "set Kplus", "set same Kplus and a weight", "disconnect"}) {
            boolean[] shared = new boolean[1], notShared = new boolean[1];
            double[][] a = run(model, true, variant, shared);
            double[][] b = run(model, false, variant, notShared);
            assertTrue(shared[0], "the segments of " + model + " were not shared");
            assertTrue(!notShared[0]);
            assertTrue(a[0].length > 1000);
            assertArrayEquals(b[0], a[0], 0.0, variant);
            assertArrayEquals(b[1], a[1], 0.0, variant);
            assertArrayEquals(b[2], a[2], 0.0, variant);
        }
    }

    @Test
    void stdpPlSynapseHom() {
        sameAsPerConnection("stdp_pl_synapse_hom");
    }

    @Test
    void stdpSynapseHom() {
        sameAsPerConnection("stdp_synapse_hom");
    }

    @Test
    void stdpSynapse() {
        sameAsPerConnection("stdp_synapse");
    }

    @Test
    void tsodyksSynapseHom() {
        sameAsPerConnection("tsodyks_synapse_hom");
    }

    @Test
    void tsodyksSynapse() {
        sameAsPerConnection("tsodyks_synapse");
    }

    @Test
    void tsodyks2Synapse() {
        sameAsPerConnection("tsodyks2_synapse");
    }

    @Test
    void vogelsSprekelerSynapse() {
        sameAsPerConnection("vogels_sprekeler_synapse");
    }

    @Test
    void stdpTripletSynapse() {
        sameAsPerConnection("stdp_triplet_synapse");
    }

    @Test
    void htSynapse() {
        sameAsPerConnection("ht_synapse");
    }

    @Test
    void stdpNnSymmSynapse() {
        sameAsPerConnection("stdp_nn_symm_synapse");
    }

    @Test
    void stdpNnRestrSynapse() {
        sameAsPerConnection("stdp_nn_restr_synapse");
    }

    @Test
    void jonkeSynapse() {
        sameAsPerConnection("jonke_synapse");
    }

    @Test
    void bernoulliSynapse() {
        sameAsPerConnection("bernoulli_synapse");
    }
}
