package org.nestj.engine.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's ConnBuilder family (nestkernel/conn_builder.cpp): turns Connect(pre, post, conn_spec,
 * syn_spec) into single connections. Connection parameters are scalars, arrays with one entry per
 * connection in the rule's order, or values drawn per connection ({@link ConnValue}).
 */
public final class ConnBuilder {
    /** A per-connection value of a syn_spec entry. */
    public interface ConnValue {
        /** idx: index of the connection in the rule's order. */
        double value(int idx, long src, long tgt);

        default boolean isInteger() {
            return false;
        }
    }

    /** Turns bridge values into ConnValues; Parameter objects implement ConnValue themselves. */
    public static ConnValue value(String key, Object v, long expected, Kernel k) {
        if (v instanceof ConnValue) return (ConnValue) v;
        if (v instanceof Number) {
            final double x = ((Number) v).doubleValue();
            return (idx, s, t) -> x;
        }
        if (v instanceof double[] || v instanceof long[]) {
            final double[] a = new Status(Map.of(key, v), "syn_spec").da(key, null);
            if (a.length != expected) {
                throw new NestException("BadProperty", "'" + key + "' array must have one entry per connection: expected "
                        + expected + ", got " + a.length + ".");
            }
            return (idx, s, t) -> a[idx];
        }
        throw new NestException("TypeMismatch", "syn_spec entry '" + key + "' must be a number, an array or a Parameter.");
    }

    private final Kernel k;
    private final long[] pre, post;
    private final Map<String, Object> conn;
    private final Map<String, Object> syn;
    private String rule;
    boolean allowAutapses = true, allowMultapses = true, makeSymmetric = false;

    public ConnBuilder(Kernel k, long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        this.k = k;
        this.pre = pre;
        this.post = post;
        this.conn = connSpec == null ? new LinkedHashMap<>() : connSpec;
        this.syn = synSpec == null ? new LinkedHashMap<>() : synSpec;
    }

    private SynapseModel sm;
    private ConnValue weight, delay;
    private int receptor;
    private ConnValue receptorV;

    public void connect() {
        Status cs = new Status(conn, "conn_spec");
        rule = cs.s("rule", "all_to_all");
        allowAutapses = cs.b("allow_autapses", true);
        allowMultapses = cs.b("allow_multapses", true);
        makeSymmetric = cs.b("make_symmetric", false);
        long expected;
        switch (rule) {
            case "all_to_all":
                expected = (long) pre.length * post.length;
                break;
            case "one_to_one":
                if (pre.length != post.length) {
                    throw new NestException("DimensionMismatch", "Source and Target population must be of the same size.");
                }
                expected = pre.length;
                break;
            default:
                if (k.getKernelStatusRules().contains(rule)) {
                    throw new NestException("BadProperty", "Connection rule '" + rule + "' is not implemented in nestj yet.");
                }
                throw new NestException("BadProperty", "Unknown connection rule: " + rule);
        }
        if (makeSymmetric && !rule.equals("one_to_one") && !rule.equals("symmetric_pairwise_bernoulli")) {
            throw new NestException("NotImplemented", "Connect doesn't support the creation of symmetric connections with rule " + rule + ".");
        }
        cs.checkAllAccessed("conn_spec");
        parseSyn(expected);
        int idx = 0;
        if (rule.equals("all_to_all")) {
            for (long t : post) {
                for (long s : pre) {
                    if (s == t && !allowAutapses) {
                        idx++;
                        continue;
                    }
                    single(idx++, s, t);
                }
            }
        } else {
            for (int j = 0; j < pre.length; j++) {
                long s = pre[j], t = post[j];
                if (s == t && !allowAutapses) {
                    idx++;
                    continue;
                }
                single(idx++, s, t);
            }
        }
    }

    private void parseSyn(long expected) {
        Status ss = new Status(syn, "syn_spec");
        String model = ss.s("synapse_model", "static_synapse");
        sm = k.connections.synapse(model);
        weight = ss.has("weight") ? value("weight", ss.raw("weight"), expected, k) : null;
        delay = ss.has("delay") ? value("delay", ss.raw("delay"), expected, k) : null;
        receptor = sm.receptorType;
        if (ss.has("receptor_type")) {
            Object r = ss.raw("receptor_type");
            if (r instanceof Number) receptor = ((Number) r).intValue();
            else receptorV = value("receptor_type", r, expected, k);
        }
        if (sm.homWeight && weight != null) {
            throw NestException.badProperty("Weight cannot be specified since it needs to be equal for all connections "
                    + "when static_synapse_hom_w is used.");
        }
        if (ss.has("synapse_label")) {
            if (!sm.labelled) {
                throw new NestException("IllegalConnection", "Synapse model " + sm.name + " cannot carry a synapse_label; use " + sm.name + "_lbl.");
            }
            ss.raw("synapse_label");
        }
        ss.checkAllAccessed("syn_spec for " + sm.name);
    }

    private void single(int idx, long s, long t) {
        double w = weight != null ? weight.value(idx, s, t) : sm.weight;
        double d = delay != null ? delay.value(idx, s, t) : sm.delay;
        int r = receptorV != null ? (int) receptorV.value(idx, s, t) : receptor;
        k.connections.connect(s, t, sm, w, d, r);
    }
}
