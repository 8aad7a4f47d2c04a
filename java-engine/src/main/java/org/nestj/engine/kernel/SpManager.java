package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's SPManager (sp_manager.cpp): structural plasticity. The kernel keeps the
 * structural_plasticity_synapses (each a synapse model joining a presynaptic element of the
 * source to a postsynaptic element of the target) and the update interval. At every update the
 * nodes' synaptic elements grow to the current time; for each synapse kind, connections are
 * deleted where connected elements exceed the elements (pre side, then post side, partners drawn
 * at random), then vacant elements are paired at random and connected; then a fraction
 * tau_vacant of the remaining vacant elements is removed.
 *
 * Nodes are visited in node-id order and all random draws come from one kernel stream, so the
 * outcome does not depend on the number of threads (NEST itself refuses more than one thread).
 */
public final class SpManager {
    private final Kernel k;
    double updateInterval = 10000.0;
    boolean enabled;
    final List<Builder> builders = new ArrayList<>();
    private Rng rng;
    private long rngSeedUsed;

    static final class Builder {
        String name, pre, post;
        SynapseModel model;
        boolean autapses = true, multapses = true;
        Double weight, delay;
    }

    SpManager(Kernel k) {
        this.k = k;
    }

    void reset() {
        updateInterval = 10000.0;
        enabled = false;
        builders.clear();
        rng = null;
    }

    public boolean enabled() {
        return enabled;
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    /** NEST's SPManager::get_status entries. */
    void getStatus(Map<String, Object> d) {
        Map<String, Object> syns = new LinkedHashMap<>();
        for (Builder b : builders) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("pre_synaptic_element", b.pre);
            e.put("post_synaptic_element", b.post);
            e.put("synapse_model", b.model.name);
            e.put("allow_autapses", b.autapses);
            e.put("allow_multapses", b.multapses);
            syns.put(b.name, e);
        }
        d.put("structural_plasticity_synapses", syns);
        d.put("structural_plasticity_update_interval", updateInterval);
        d.put("growth_curves", SynapticElement.CURVES.clone());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dict(Object v, String what) {
        if (!(v instanceof Map)) {
            throw new NestException("TypeMismatch", what + " expects a dictionary.");
        }
        return (Map<String, Object>) v;
    }

    /** NEST's SPManager::set_status: the update interval; a new set of structural plasticity synapses. */
    void setStatus(Status s) {
        if (s.has("structural_plasticity_update_interval")) {
            double v = s.d("structural_plasticity_update_interval", updateInterval);
            updateInterval = v;
        }
        if (!s.has("structural_plasticity_synapses")) return;
        Map<String, Object> specs = dict(s.raw("structural_plasticity_synapses"), "structural_plasticity_synapses");
        List<Builder> nb = new ArrayList<>();
        List<String> names = new ArrayList<>(specs.keySet());
        java.util.Collections.sort(names);
        for (String name : names) {
            Status ss = new Status(dict(specs.get(name), "structural_plasticity_synapses/" + name), "structural_plasticity_synapses/" + name);
            Builder b = new Builder();
            b.name = name;
            b.model = k.connections.synapse(ss.s("synapse_model", "static_synapse"));
            if (ss.has("pre_synaptic_element") ^ ss.has("post_synaptic_element")) {
                throw NestException.badProperty("Structural plasticity requires both a pre- and postsynaptic element.");
            }
            b.pre = ss.s("pre_synaptic_element", "");
            b.post = ss.s("post_synaptic_element", "");
            b.autapses = ss.b("allow_autapses", true);
            b.multapses = ss.b("allow_multapses", true);
            if (ss.has("weight")) b.weight = ss.d("weight", 0);
            if (ss.has("delay")) {
                b.delay = ss.d("delay", 0);
                if (!k.connections.userSetDelayExtrema) {
                    throw NestException.badProperty("Structural Plasticity: to use different delays for synapses you must "
                            + "specify the min and max delay in the kernel parameters.");
                }
            }
            // NEST's builder would also take receptor_type and per-connection synapse parameters here
            for (String key : ss.map().keySet()) {
                if (!java.util.Set.of("synapse_model", "pre_synaptic_element", "post_synaptic_element", "allow_autapses",
                        "allow_multapses", "weight", "delay").contains(key)) {
                    throw new NestException("NotImplemented", "nestj: '" + key + "' in structural_plasticity_synapses is "
                            + "not supported; set it as a default of the synapse model (CopyModel/SetDefaults).");
                }
            }
            nb.add(b);
        }
        builders.clear();
        builders.addAll(nb);
        // the builders' delays count in the delay extrema (NEST's update_delay_extrema_)
        for (Builder b : builders) k.connections.noteDelay(k.connections.checkDelay(delayOf(b)));
    }

    private double weightOf(Builder b) {
        return b.weight != null ? b.weight : b.model.weight;
    }

    private double delayOf(Builder b) {
        if (b.delay == null && b.model.contDelay) {
            // SPBuilder::update_delay takes the model's default delay as Time::ms(delay).get_steps()
            return k.time.delayStepsToMs(k.time.msToSteps(b.model.delay));
        }
        return b.delay != null ? b.delay : b.model.delay;
    }

    /** The builders' delays enter the delay extrema (NEST's builder_min_delay / builder_max_delay). */
    void noteBuilderDelays() {
        for (Builder b : builders) k.connections.noteDelay(k.connections.checkDelay(delayOf(b)));
    }

    /** NEST's test in update_(): an update is due at slice start t (ms) if fmod(t, interval) == 0. */
    boolean due(long steps) {
        return enabled && fmod(k.time.stepsToMs(steps), updateInterval) == 0;
    }

    private static double fmod(double a, double b) {
        return a % b;   // Java's % on doubles is C's fmod
    }

    private Rng rng() {
        if (rng == null || rngSeedUsed != k.rngSeed()) {
            rng = new Rng(k.rngSeed(), 7, 0);
            rngSeedUsed = k.rngSeed();
        }
        return rng;
    }

    /**
     * The structural plasticity step at time t (ms), serially: grow all elements to t, update the
     * connectivity for each synapse kind, decay vacant elements. Connections are finished after.
     */
    void update(double t) {
        List<NeuronBlock> nbs = new ArrayList<>();
        for (NodeBlock b : k.nodes.blocks) {
            if (b instanceof NeuronBlock) nbs.add((NeuronBlock) b);
        }
        for (NeuronBlock b : nbs) {
            for (int i = 0; i < b.n; i++) b.updateSynapticElements(i, t);
        }
        for (Builder b : builders) updateBuilder(b, nbs);
        for (NeuronBlock b : nbs) {
            for (int i = 0; i < b.n; i++) {
                SynapticElement[] es = b.synElems[i];
                if (es == null) continue;
                for (SynapticElement e : es) e.decayVacant();
            }
        }
        k.connections.finish();
    }

    /** NEST's get_synaptic_elements(name, ...): nodes (ascending ids) with vacant (n > 0) or deleted (n < 0) elements. */
    private void collect(String name, List<NeuronBlock> nbs, LongList vacId, IntList vacN, LongList delId, IntList delN) {
        vacId.n = vacN.n = delId.n = delN.n = 0;
        for (NeuronBlock b : nbs) {
            for (int i = 0; i < b.n; i++) {
                SynapticElement e = b.synapticElement(i, name);
                if (e == null) continue;
                int v = e.vacant();
                if (v > 0) {
                    vacId.add(b.firstGid + i);
                    vacN.add(v);
                } else if (v < 0) {
                    delId.add(b.firstGid + i);
                    delN.add(v);
                }
            }
        }
    }

    /** The last structural plasticity synapse using model m (NEST's SPManager::disconnect), or null. */
    Builder builderFor(SynapseModel m) {
        Builder r = null;
        for (Builder b : builders) {
            if (b.model == m) r = b;
        }
        return r;
    }

    /** NEST's change_connected_synaptic_elements for the elements of builder b. */
    void changeConnected(long s, long t, Builder b, int n) {
        connectElement(s, b.pre, n);
        connectElement(t, b.post, n);
    }

    private void connectElement(long gid, String name, int n) {
        NodeBlock b = k.nodes.blockOf(gid);
        if (!(b instanceof NeuronBlock)) return;
        SynapticElement e = ((NeuronBlock) b).synapticElement((int) (gid - b.firstGid), name);
        if (e != null) e.connect(n);
    }

    private void updateBuilder(Builder b, List<NeuronBlock> nbs) {
        LongList preVac = new LongList(), postVac = new LongList(), preDel = new LongList(), postDel = new LongList();
        IntList preVacN = new IntList(), postVacN = new IntList(), preDelN = new IntList(), postDelN = new IntList();
        collect(b.pre, nbs, preVac, preVacN, preDel, preDelN);
        if (preDel.n > 0) {
            deleteFromPre(preDel, preDelN, b);
            collect(b.pre, nbs, preVac, preVacN, preDel, preDelN);
        }
        collect(b.post, nbs, postVac, postVacN, postDel, postDelN);
        if (postDel.n > 0) {
            deleteFromPost(postDel, postDelN, b);
            collect(b.pre, nbs, preVac, preVacN, preDel, preDelN);
            collect(b.post, nbs, postVac, postVacN, postDel, postDelN);
        }
        long before = k.connections.numConnections();
        if (preVac.n > 0 && postVac.n > 0) createSynapses(preVac, preVacN, postVac, postVacN, b);
        // NEST: synapses created, or elements still to delete
        if (k.connections.numConnections() != before || preDel.n > 0 || postDel.n > 0) k.connections.connectionsChanged();
    }

    /** NEST's delete_synapses_from_pre: each source drops -n of its connections, to targets drawn at random. */
    private void deleteFromPre(LongList ids, IntList ns, Builder b) {
        k.connections.finish();
        LongList src = new LongList(), tgt = new LongList();
        for (int j = 0; j < ids.n; j++) {
            long[] targets = k.connections.spTargets(ids.a[j], b.model, b.post);
            int m = Math.min(-ns.a[j], targets.length);
            long[] chosen = shuffle(targets, m);
            for (int q = 0; q < m; q++) {
                src.add(ids.a[j]);
                tgt.add(chosen[q]);
            }
        }
        deletePairs(src, tgt, b);
    }

    /** NEST's delete_synapses_from_post: each target drops -n of its incoming connections, sources drawn at random. */
    private void deleteFromPost(LongList ids, IntList ns, Builder b) {
        k.connections.finish();
        long[][] sources = k.connections.spSources(Arrays.copyOf(ids.a, ids.n), b.model);
        LongList src = new LongList(), tgt = new LongList();
        for (int j = 0; j < ids.n; j++) {
            int m = Math.min(-ns.a[j], sources[j].length);
            long[] chosen = shuffle(sources[j], m);
            for (int q = 0; q < m; q++) {
                src.add(chosen[q]);
                tgt.add(ids.a[j]);
            }
        }
        deletePairs(src, tgt, b);
    }

    /** NEST's delete_synapse for each pair: both elements lose a connection, one connection of the model goes. */
    private void deletePairs(LongList src, LongList tgt, Builder b) {
        for (int j = 0; j < src.n; j++) {
            connectElement(src.a[j], b.pre, -1);
            connectElement(tgt.a[j], b.post, -1);
        }
        k.connections.spRemove(src.a, tgt.a, src.n, b.model);
    }

    /** NEST's create_synapses: vacant elements listed once per element, the longer list shuffled and cut, pairs connected. */
    private void createSynapses(LongList preId, IntList preN, LongList postId, IntList postN, Builder b) {
        long[] pre = serialize(preId, preN), post = serialize(postId, postN);
        if (pre.length > post.length) {
            pre = shuffle(pre, post.length);
        } else {
            post = shuffle(post, pre.length);
        }
        // without a delay in its spec, cont_delay_synapse connects copies of its default connection (NaN)
        double w = weightOf(b), d = b.delay == null && b.model.contDelay ? Double.NaN : delayOf(b);
        for (int j = 0; j < pre.length; j++) {
            if (pre[j] == post[j] && !b.autapses) continue;
            connectElement(pre[j], b.pre, 1);
            connectElement(post[j], b.post, 1);
            k.connections.connect(pre[j], post[j], b.model, w, d, 0);
        }
    }

    private static long[] serialize(LongList id, IntList n) {
        int total = 0;
        for (int j = 0; j < id.n; j++) total += n.a[j];
        long[] r = new long[total];
        int p = 0;
        for (int j = 0; j < id.n; j++) {
            for (int q = 0; q < n.a[j]; q++) r[p++] = id.a[j];
        }
        return r;
    }

    /**
     * NEST's global_shuffle(v, n): n draws without replacement, each a uniform index into the
     * remaining entries (which keep their order); returns the drawn entries in draw order.
     */
    private long[] shuffle(long[] v, int n) {
        long[] rest = v.clone();
        int len = rest.length;
        long[] out = new long[n];
        Rng r = rng();
        for (int q = 0; q < n; q++) {
            int idx = (int) r.uniformInt(len);
            out[q] = rest[idx];
            System.arraycopy(rest, idx + 1, rest, idx, len - idx - 1);
            len--;
        }
        return out;
    }

    static final class LongList {
        long[] a = new long[16];
        int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }
    }

    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }
    }
}
