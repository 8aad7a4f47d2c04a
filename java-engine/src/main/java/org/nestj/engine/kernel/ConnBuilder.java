package org.nestj.engine.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's ConnBuilder family (nestkernel/conn_builder.cpp): turns Connect(pre, post, conn_spec,
 * syn_spec) into single connections. Rules: all_to_all, one_to_one, fixed_indegree,
 * fixed_outdegree, fixed_total_number, pairwise_bernoulli, symmetric_pairwise_bernoulli,
 * pairwise_poisson, with allow_autapses, allow_multapses and make_symmetric, and NEST's errors for
 * impossible requests.
 *
 * <p>All random draws of one Connect call (which pairs, and per-connection values of Parameters)
 * come from one stream {@code Rng(rng_seed, 2, number of the Connect call)}, so the network depends
 * only on rng_seed and the sequence of calls, never on the number of threads.
 *
 * <p>Connection parameters are scalars, arrays with one entry per connection in the rule's order
 * (NEST's ArrayDoubleParameter: the index advances with every connection made, and for all_to_all
 * also over skipped autapses) or values drawn per connection ({@link ConnValue}, e.g. Parameters).
 */
public final class ConnBuilder {
    /** A per-connection value of a syn_spec entry. */
    public interface ConnValue {
        /** idx: index of the connection in the rule's order; rng: the Connect call's stream. */
        double value(int idx, long src, long tgt, Rng rng);

        default boolean isInteger() {
            return false;
        }

        /** NEST's ConnParameter::reset: false for values that cannot be replayed (make_symmetric). */
        default boolean resettable() {
            return true;
        }
    }

    /** A scalar syn_spec value. */
    public static final class Scalar implements ConnValue {
        public final double x;

        public Scalar(double x) {
            this.x = x;
        }

        @Override
        public double value(int idx, long src, long tgt, Rng rng) {
            return x;
        }

        @Override
        public boolean isInteger() {
            return x % 1.0 == 0.0;
        }
    }

    /** An array syn_spec value (one entry per connection). */
    public static final class Array implements ConnValue {
        final double[] a;
        final boolean ints;

        Array(double[] a, boolean ints) {
            this.a = a;
            this.ints = ints;
        }

        @Override
        public double value(int idx, long src, long tgt, Rng rng) {
            if (idx >= a.length) throw NestException.kernel("Parameter values exhausted.");
            return a[idx];
        }

        @Override
        public boolean isInteger() {
            return ints;
        }
    }

    /** Turns bridge values into ConnValues; Parameter objects implement ConnValue themselves. */
    public static ConnValue value(String key, Object v, long expected, Kernel k) {
        if (v instanceof ConnValue) return (ConnValue) v;
        if (v instanceof Number) return new Scalar(((Number) v).doubleValue());
        if (v instanceof double[] || v instanceof long[] || v instanceof List) {
            final double[] a = new Status(Map.of(key, v), "syn_spec").da(key, null);
            if (expected >= 0 && a.length != expected) {
                throw new NestException("BadProperty", "'" + key + "' array must have one entry per connection: expected "
                        + expected + ", got " + a.length + ".");
            }
            return new Array(a, v instanceof long[]);
        }
        throw new NestException("TypeMismatch", "syn_spec entry '" + key + "' must be a number, an array or a Parameter.");
    }

    private final Kernel k;
    private long[] pre, post;
    private final Map<String, Object> conn;
    private final List<Map<String, Object>> syns;
    private String rule;
    boolean allowAutapses = true, allowMultapses = true, makeSymmetric = false;

    public ConnBuilder(Kernel k, long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        this(k, pre, post, connSpec, java.util.Collections.singletonList(synSpec));
    }

    /** Several syn_specs (CollocatedSynapses): every pair the rule draws gets one connection per spec. */
    public ConnBuilder(Kernel k, long[] pre, long[] post, Map<String, Object> connSpec, List<Map<String, Object>> synSpecs) {
        this.k = k;
        this.pre = pre;
        this.post = post;
        this.conn = connSpec == null ? new LinkedHashMap<>(Map.of("rule", "all_to_all")) : connSpec;
        this.syns = new ArrayList<>();
        if (synSpecs == null || synSpecs.isEmpty()) this.syns.add(new LinkedHashMap<>());
        for (Map<String, Object> s : synSpecs == null ? List.<Map<String, Object>>of() : synSpecs) {
            this.syns.add(s == null ? new LinkedHashMap<>() : s);
        }
    }

    // per syn_spec: model, weight, delay, receptor
    private SynapseModel[] sm;
    private ConnValue[] weight, delay, receptorV;
    private int[] receptor;
    private int[] label;
    private ConnValue[] labelV;
    private double[] wConst, dConst;
    /** stateful models: per syn_spec the given per-connection values (null: default), a buffer, and whether NEST calls set_status */
    private ConnValue[][] extV;
    private double[][] extBuf;
    private boolean[] extGiven;
    private Rng rng;
    private int idx;
    private boolean targetsNeedProxies;
    /** a model without delay given a delay in its syn_spec (NEST raises when connecting) */
    private SynapseModel noDelayModel;

    // rule parameters
    private ConnValue degreeP;  // indegree/outdegree/p/pairwise_avg_num_conns given as Parameter
    private long degree;
    private double prob;
    private long nTotal;

    private static NestException missing(String key) {
        return new NestException("UndefinedName", "Key '/" + key + "' does not exist in dictionary.");
    }

    public void connect() {
        Status cs = new Status(conn, "conn_spec");
        if (!cs.has("rule")) {
            throw NestException.badProperty("The connection specification must contain a connection rule.");
        }
        rule = cs.s("rule", "all_to_all");
        allowAutapses = cs.b("allow_autapses", true);
        allowMultapses = cs.b("allow_multapses", true);
        makeSymmetric = cs.b("make_symmetric", false);
        if (makeSymmetric && third != null) {
            throw NestException.badProperty("Third-factor connectivity cannot be used with 'make_symmetric == True'.");
        }
        long nPre = pre.length, nPost = post.length;
        long expected = -1;   // number of array entries, where the rule fixes it
        // rule constructors: NEST's checks, in NEST's order
        switch (rule) {
            case "all_to_all":
                expected = nPre * nPost;
                break;
            case "one_to_one":
                if (nPre != nPost) {
                    throw new NestException("DimensionMismatch", "Source and Target population must be of the same size.");
                }
                expected = nPre;
                break;
            case "fixed_indegree":
            case "fixed_outdegree": {
                boolean in = rule.equals("fixed_indegree");
                String key = in ? "indegree" : "outdegree";
                long pool = in ? nPre : nPost;
                if (pool == 0) throw NestException.badProperty(in ? "Source array must not be empty." : "Target array must not be empty.");
                if (!cs.has(key)) throw missing(key);
                Object v = cs.raw(key);
                if (v instanceof ConnValue) {
                    degreeP = (ConnValue) v;
                } else {
                    degree = cs.l(key, 0);
                    String Cap = in ? "Indegree" : "Outdegree";
                    if (!allowMultapses) {
                        if (degree > pool) throw NestException.badProperty(Cap + " cannot be larger than population size.");
                        String where = in ? "FixedInDegreeBuilder::connect" : "FixedOutDegreeBuilder::connect";
                        if (degree == pool && !allowAutapses) {
                            String msg = "Multapses and autapses prohibited. When the sources and the targets have a "
                                    + "non-empty intersection, the connect algorithm will enter an infinite loop.";
                            org.nestj.engine.Log.warning(where, msg);
                            // where NEST's builder would loop for ever, nestj refuses
                            if (overlap()) throw NestException.badProperty(msg);
                        } else if (degree > 0.9 * pool) {
                            org.nestj.engine.Log.warning(where, "Multapses are prohibited and you request more than 90% "
                                    + "connectivity. Expect long connecting times!");
                        }
                    }
                    if (degree < 0) throw NestException.badProperty(Cap + " cannot be less than zero.");
                    expected = degree * (in ? nPost : nPre);
                }
                break;
            }
            case "fixed_total_number": {
                if (!cs.has("N")) throw missing("N");
                nTotal = cs.l("N", 0);
                if (!allowMultapses && nTotal > nPre * nPost) {
                    throw NestException.badProperty("Total number of connections cannot exceed product of source and target population sizes.");
                }
                if (nTotal < 0) throw NestException.badProperty("Total number of connections cannot be negative.");
                if (!allowMultapses) {
                    throw new NestException("NotImplemented", "Connect doesn't support the suppression of multapses in the FixedTotalNumber connector.");
                }
                expected = nTotal;
                break;
            }
            case "pairwise_bernoulli": {
                if (!cs.has("p")) throw missing("p");
                Object v = cs.raw("p");
                if (v instanceof ConnValue) {
                    degreeP = (ConnValue) v;
                } else {
                    prob = cs.d("p", 0);
                    if (prob < 0 || 1 < prob) throw NestException.badProperty("Connection probability 0 <= p <= 1 required.");
                }
                break;
            }
            case "pairwise_poisson": {
                if (!cs.has("pairwise_avg_num_conns")) throw missing("pairwise_avg_num_conns");
                Object v = cs.raw("pairwise_avg_num_conns");
                if (v instanceof ConnValue) {
                    degreeP = (ConnValue) v;
                } else {
                    prob = cs.d("pairwise_avg_num_conns", 0);
                    // NaN fails NEST's check here (it would hang the Poisson draw), so does infinity
                    if (!(prob >= 0)) throw NestException.badProperty("Connection parameter 0 \u2264 pairwise_avg_num_conns required.");
                    if (Double.isInfinite(prob)) throw NestException.badProperty("Connection parameter pairwise_avg_num_conns must be finite.");
                    if (!allowMultapses) throw NestException.badProperty("Multapses must be allowed for this connection rule.");
                }
                break;
            }
            case "symmetric_pairwise_bernoulli": {
                if (!cs.has("p")) throw missing("p");
                prob = cs.d("p", 0);
                if (prob < 0 || 1 <= prob) throw NestException.badProperty("Connection probability 0 <= p < 1 required.");
                if (!allowMultapses) throw NestException.badProperty("Multapses must be enabled.");
                if (allowAutapses) throw NestException.badProperty("Autapses must be disabled.");
                if (!makeSymmetric) throw NestException.badProperty("Symmetric connections must be enabled.");
                break;
            }
            default:
                throw new NestException("BadProperty", "Unknown connection rule: " + rule);
        }
        cs.checkAllAccessed();
        parseSyns(expected);
        for (SynapseModel m : sm) {
            // NEST's REQUIRES_SYMMETRIC (gap_junction): one_to_one with make_symmetric, or all_to_all of a
            // population onto itself with scalar parameters
            if (m.gap && !(isSymmetric() || makeSymmetric)) {
                throw NestException.badProperty("Connections with this synapse model can only be created as one-to-one "
                        + "connections with \"make_symmetric\" set to true or as all-to-all connections with equal source "
                        + "and target populations and default or scalar parameters.");
            }
        }
        boolean supportsSymmetric = rule.equals("one_to_one") || rule.equals("symmetric_pairwise_bernoulli");
        if (makeSymmetric && !supportsSymmetric) {
            throw new NestException("NotImplemented", "This connection rule does not support symmetric connections.");
        }
        if (noDelayModel != null && pre.length > 0 && post.length > 0) throw noDelayModel.noDelay();
        targetsNeedProxies = !(rule.equals("one_to_one") || rule.equals("all_to_all"));
        rng = new Rng(k.rngSeed(), 2, k.connectCalls++);
        idx = 0;
        if (spPre != null) {
            if (makeSymmetric) {
                throw new NestException("NotImplemented", "Symmetric connections are not supported in combination with structural plasticity.");
            }
            if (!rule.equals("one_to_one") && !rule.equals("all_to_all")) {
                throw new NestException("NotImplemented", "This connection rule is not implemented for structural plasticity.");
            }
        }
        boolean secondPass = makeSymmetric && !rule.equals("symmetric_pairwise_bernoulli");
        NestException first = null;
        try {
            connectRule();
        } catch (NestException e) {
            // NEST's BipartiteConnBuilder::connect notes a thread's error and still makes the reverse
            // connections, whose error (if any) replaces the first one
            if (!secondPass) throw e;
            first = e;
        }
        if (secondPass) {
            idx = 0;
            long[] t = pre;
            pre = post;
            post = t;
            try {
                connectRule();
            } finally {
                post = pre;
                pre = t;
            }
        }
        if (first != null) throw first;
        k.connections.endConnect();
    }

    /** NEST's is_symmetric(): all_to_all of a population onto itself with scalar (or default) parameters only. */
    private boolean isSymmetric() {
        if (!rule.equals("all_to_all") || !java.util.Arrays.equals(pre, post)) return false;
        for (int q = 0; q < sm.length; q++) {
            if (weight[q] != null || delay[q] != null || receptorV[q] != null || labelV[q] != null) return false;
            if (extV[q] != null) {
                for (ConnValue v : extV[q]) {
                    if (v != null) return false;
                }
            }
        }
        return true;
    }

    private boolean overlap() {
        // both are sorted (NodeCollections)
        int i = 0, j = 0;
        while (i < pre.length && j < post.length) {
            if (pre[i] == post[j]) return true;
            if (pre[i] < post[j]) i++;
            else j++;
        }
        return false;
    }

    private void connectRule() {
        switch (rule) {
            case "all_to_all": allToAll(); break;
            case "one_to_one": oneToOne(); break;
            case "fixed_indegree": fixedIndegree(); break;
            case "fixed_outdegree": fixedOutdegree(); break;
            case "fixed_total_number": fixedTotalNumber(); break;
            case "pairwise_bernoulli": bernoulli(); break;
            case "pairwise_poisson": poisson(); break;
            case "symmetric_pairwise_bernoulli": symmetricBernoulli(); break;
            default: throw new IllegalStateException(rule);
        }
    }

    private void allToAll() {
        for (long t : post) {
            for (long s : pre) {
                if (s == t && !allowAutapses) {
                    idx++;
                    continue;
                }
                if (spPre != null) changeConnectedElements(s, t, 1);
                single(s, t);
            }
        }
    }

    private void oneToOne() {
        for (int j = 0; j < pre.length; j++) {
            long s = pre[j], t = post[j];
            if (s == t && !allowAutapses) continue;
            if (spPre != null) changeConnectedElements(s, t, 1);
            single(s, t);
        }
    }

    private long roundedDegree(long node) {
        if (degreeP == null) return degree;
        return Math.round(degreeP.value(0, node, node, rng));
    }

    private void fixedIndegree() {
        final int n = pre.length;
        int[] mark = allowMultapses ? null : new int[n];
        int stamp = 0;
        for (long t : post) {
            checkProxies(t);
            long kk = roundedDegree(t);
            if (kk < 0) throw NestException.badProperty("Indegree cannot be less than zero.");
            if (!allowMultapses) {
                long avail = n - (allowAutapses ? 0 : countOf(pre, t));
                if (kk > avail) throw NestException.badProperty("Indegree cannot be larger than population size.");
                stamp++;
            }
            for (long j = 0; j < kk; j++) {
                int si;
                long s;
                while (true) {
                    si = (int) rng.uniformInt(n);
                    s = pre[si];
                    if (!allowAutapses && s == t) continue;
                    if (mark != null && mark[si] == stamp) continue;
                    break;
                }
                if (mark != null) mark[si] = stamp;
                single(s, t);
            }
        }
    }

    private void fixedOutdegree() {
        final int n = post.length;
        int[] mark = allowMultapses ? null : new int[n];
        int stamp = 0;
        long[] tg = new long[16];
        for (long s : pre) {
            long kk = roundedDegree(s);
            if (kk < 0) throw NestException.badProperty("Outdegree cannot be less than zero.");
            if (!allowMultapses) {
                long avail = n - (allowAutapses ? 0 : countOf(post, s));
                if (kk > avail) throw NestException.badProperty("Outdegree cannot be larger than population size.");
                stamp++;
            }
            if (kk > tg.length) tg = new long[(int) kk];
            for (int j = 0; j < kk; j++) {
                int ti;
                long t;
                while (true) {
                    ti = (int) rng.uniformInt(n);
                    t = post[ti];
                    if (!allowAutapses && s == t) continue;
                    if (mark != null && mark[ti] == stamp) continue;
                    break;
                }
                if (mark != null) mark[ti] = stamp;
                tg[j] = t;
            }
            for (int j = 0; j < kk; j++) {
                checkProxies(tg[j]);
                single(s, tg[j]);
            }
        }
    }

    private void fixedTotalNumber() {
        final int ns = pre.length, nt = post.length;
        if (!allowAutapses && ns == 1 && nt == 1 && pre[0] == post[0] && nTotal > 0) {
            throw NestException.badProperty("Total number of connections cannot be realised without autapses.");
        }
        long left = nTotal;
        while (left > 0) {
            long s = pre[(int) rng.uniformInt(ns)];
            long t = post[(int) rng.uniformInt(nt)];
            if (allowAutapses || s != t) {
                checkProxies(t);
                single(s, t);
                left--;
            }
        }
    }

    private void bernoulli() {
        final boolean constP = degreeP == null;
        final double p = prob;
        for (long t : post) {
            checkProxies(t);
            for (long s : pre) {
                if (!allowAutapses && s == t) continue;
                double u = rng.uniform();
                if (u >= (constP ? p : degreeP.value(0, s, t, rng))) continue;
                single(s, t);
            }
        }
    }

    private void poisson() {
        final boolean constP = degreeP == null;
        for (long t : post) {
            checkProxies(t);
            for (long s : pre) {
                if (!allowAutapses && s == t) continue;
                double mu = constP ? prob : degreeP.value(0, s, t, rng);
                long m = rng.poisson(mu);
                for (long q = 0; q < m; q++) single(s, t);
            }
        }
    }

    private void symmetricBernoulli() {
        final int n = pre.length;
        int[] mark = new int[n];
        int stamp = 0;
        for (long t : post) {
            checkProxies(t);
            long indeg = n;
            while (indeg >= n) indeg = rng.binomial(n, prob);
            stamp++;
            long i = 0;
            while (i < indeg) {
                int si = (int) rng.uniformInt(n);
                long s = pre[si];
                if (s == t || mark[si] == stamp) continue;
                mark[si] = stamp;
                checkProxies(s);
                single(s, t);
                single(t, s);
                i++;
            }
        }
    }

    private static long countOf(long[] a, long g) {
        return java.util.Arrays.binarySearch(a, g) >= 0 ? 1 : 0;
    }

    private long proxyCheckedUpTo = -1;

    private void checkProxies(long t) {
        if (!targetsNeedProxies || t == proxyCheckedUpTo) return;
        NodeBlock tb = k.nodes.blockOf(t);
        // BipartiteConnBuilder::single_connect_: the rules other than one_to_one and all_to_all need targets
        // with proxies (Node::has_proxies: neurons, spike_train_injector, the correlation detectors,
        // sinusoidal generators without individual spike trains)
        if (!tb.proxiesInNest()) {
            throw NestException.cannotConnect("Cannot use this rule to connect to nodes without proxies (usually devices).");
        }
        proxyCheckedUpTo = t;
    }

    private void parseSyns(long expected) {
        int m = syns.size();
        sm = new SynapseModel[m];
        weight = new ConnValue[m];
        delay = new ConnValue[m];
        receptorV = new ConnValue[m];
        receptor = new int[m];
        label = new int[m];
        labelV = new ConnValue[m];
        wConst = new double[m];
        dConst = new double[m];
        extV = new ConnValue[m][];
        extBuf = new double[m][];
        extGiven = new boolean[m];
        spPre = spPost = null;
        for (int q = 0; q < m; q++) parseSyn(q, syns.get(q), expected);
        // NEST's BipartiteConnBuilder constructor: structural plasticity parameters in the syn_spec
        boolean anySp = false;
        for (Map<String, Object> syn : syns) anySp |= syn.containsKey("pre_synaptic_element") || syn.containsKey("post_synaptic_element");
        if (anySp) {
            if (m > 1) throw NestException.kernel("Structural plasticity can only be used with a single syn_spec.");
            Map<String, Object> syn = syns.get(0);
            if (syn.containsKey("pre_synaptic_element") ^ syn.containsKey("post_synaptic_element")) {
                throw NestException.badProperty("Structural plasticity requires both a pre- and postsynaptic element.");
            }
            spPre = String.valueOf(syn.get("pre_synaptic_element"));
            spPost = String.valueOf(syn.get("post_synaptic_element"));
        }
    }

    /** Synaptic element names of a Connect with structural plasticity parameters (null: none). */
    private String spPre, spPost;

    /** NEST's change_connected_synaptic_elements: source and target gain (or lose) a connected element. */
    private void changeConnectedElements(long s, long t, int n) {
        connectElement(s, spPre, n);
        connectElement(t, spPost, n);
    }

    private void connectElement(long g, String name, int n) {
        NodeBlock b = k.nodes.blockOf(g);
        if (!(b instanceof NeuronBlock)) return;
        SynapticElement e = ((NeuronBlock) b).synapticElement((int) (g - b.firstGid), name);
        if (e != null) e.connect(n);
    }

    /** What the status of a synapse model's common properties shows (NEST's cp_.get_status). */
    private static java.util.List<String> commonStatusKeys(SynapseModel m) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        keys.add("weight_recorder");
        if (m.homWeight) keys.add("weight");
        if (m.type != null) keys.addAll(java.util.Arrays.asList(m.type.commonKeys));
        return keys;
    }

    private void parseSyn(int q, Map<String, Object> syn, long expected) {
        Status ss = new Status(syn, "syn_spec");
        String model = ss.s("synapse_model", "static_synapse");
        if (ss.has("pre_synaptic_element")) ss.raw("pre_synaptic_element");
        if (ss.has("post_synaptic_element")) ss.raw("post_synaptic_element");
        SynapseModel m = k.connections.synapse(model);
        // NEST's GenericConnectorModel::check_synapse_params: the keys of the common properties' status
        // (weight_recorder, a homogeneous weight, the model's common parameters) cannot be given in Connect
        for (String key : commonStatusKeys(m)) {
            if (ss.has(key)) {
                throw new NestException("NotImplemented", "Synapse parameter \"" + key
                        + "\" can only be set via SetDefaults() or CopyModel().");
            }
        }
        if (m.diffusion) {
            if (ss.has("delay")) throw NestException.badProperty("diffusion_connection has no delay.");
            if (ss.has("weight")) throw NestException.badProperty(SynapseModel.DIFFUSION_WEIGHT);
        }
        if (m.instantRate && ss.has("delay")) throw m.noDelay();
        if (m.contDelay && ss.has("delay")) {
            // cont_delay_synapse's check_synapse_params
            org.nestj.engine.Log.warning("Connect", "The delay will be rounded to the next multiple of the time step. "
                    + "To use a more precise time delay it needs to be defined within the synapse, e.g. with CopyModel().");
        }
        // gap_junction refuses a delay when its first connection is made (after the symmetry checks)
        if (m.gap && ss.has("delay")) noDelayModel = m;
        sm[q] = m;
        weight[q] = ss.has("weight") ? value("weight", ss.raw("weight"), expected, k) : null;
        delay[q] = ss.has("delay") ? value("delay", ss.raw("delay"), expected, k) : null;
        receptor[q] = m.receptorType;
        if (ss.has("receptor_type")) {
            Object r = ss.raw("receptor_type");
            if (r instanceof Number) receptor[q] = ((Number) r).intValue();
            else receptorV[q] = value("receptor_type", r, expected, k);
        }
        label[q] = (int) m.label;
        if (m.labelled && ss.has("synapse_label")) {
            // models without a label leave the entry unread: NEST raises UnaccessedDictionaryEntry
            Object lv = ss.raw("synapse_label");
            if (lv instanceof Number) {
                label[q] = ((Number) lv).intValue();
                if (label[q] < 0) throw NestException.badProperty("Connection label must not be negative.");
            } else {
                labelV[q] = value("synapse_label", lv, expected, k);
            }
        }
        if (m.type != null) {
            SynapseType ty = m.type;
            ty.checkSynapseParams(ss, k);
            extV[q] = new ConnValue[ty.connKeys.length];
            extBuf[q] = m.connDefaults.clone();
            extGiven[q] = ss.has("receptor_type");
            for (int j = 0; j < ty.nVisible; j++) {
                String key = ty.connKeys[j];
                if (!ss.has(key)) continue;
                extGiven[q] = true;
                ConnValue cv = value(key, ss.raw(key), expected, k);
                if (cv instanceof Scalar) extBuf[q][j] = ((Scalar) cv).x;
                else extV[q][j] = cv;
            }
        }
        ss.checkAllAccessed();
        if (makeSymmetric) {
            for (ConnValue v : new ConnValue[] {weight[q], delay[q], receptorV[q], labelV[q]}) {
                if (v != null && !v.resettable()) {
                    throw new NestException("NotImplemented", "Symmetric connections require parameters that can be reset.");
                }
            }
        }
        wConst[q] = weight[q] == null ? m.weight : weight[q] instanceof Scalar ? ((Scalar) weight[q]).x : Double.NaN;
        // no delay given: cont_delay_synapse copies its default connection (NaN), the others take the default delay
        dConst[q] = delay[q] == null ? (m.contDelay ? Double.NaN : m.delay)
                : delay[q] instanceof Scalar ? ((Scalar) delay[q]).x : Double.NaN;
        if (weight[q] instanceof Scalar || weight[q] == null) weight[q] = null;
        if (delay[q] instanceof Scalar || delay[q] == null) delay[q] = null;
    }

    /** NEST's ThirdOutBuilder: called once per pair the primary rule connected (tripartite connectivity). */
    interface ThirdFactor {
        void thirdConnect(long primarySource, long primaryTarget, Rng rng);
    }

    /** The third-factor builder of a tripartite Connect (null: bipartite). */
    ThirdFactor third;

    /** The stream of this builder's draws (set by {@link #connect}). */
    Rng rng() {
        return rng;
    }

    /**
     * For builders that only make single connections chosen by someone else (NEST's ThirdInBuilder and the
     * third-factor builders): parses the syn_specs; draws then come from rng.
     */
    void prepareSingle(Rng rng) {
        parseSyns(-1);
        this.rng = rng;
        idx = 0;
    }

    void setRng(Rng rng) {
        this.rng = rng;
    }

    /** One connection per syn_spec from s to t (NEST's single_connect_), then the third factor, if any. */
    void single(long s, long t) {
        singleOnly(s, t);
        if (third != null) third.thirdConnect(s, t, rng);
    }

    private void singleOnly(long s, long t) {
        int i = idx++;
        for (int q = 0; q < sm.length; q++) {
            double d = delay[q] != null ? delay[q].value(i, s, t, rng) : dConst[q];
            double w = weight[q] != null ? weight[q].value(i, s, t, rng) : wConst[q];
            int r = receptorV[q] != null ? (int) receptorV[q].value(i, s, t, rng) : receptor[q];
            int lb = label[q];
            if (labelV[q] != null) {
                lb = (int) labelV[q].value(i, s, t, rng);
                if (lb < 0) throw NestException.badProperty("Connection label must not be negative.");
            }
            double[] ext = null;
            if (extBuf[q] != null) {
                ext = extBuf[q];
                ConnValue[] ev = extV[q];
                for (int j = 0; j < ev.length; j++) {
                    if (ev[j] != null) ext[j] = ev[j].value(i, s, t, rng);
                }
                if (extGiven[q]) sm[q].type.checkIntegers(ext);
                if (extGiven[q]) sm[q].type.validate(sm[q].homWeight ? sm[q].weight : w, ext, sm[q].common, sm[q].typeState);
            }
            k.connections.connect(s, t, sm[q], w, d, r, lb, ext);
        }
    }
}
