package org.nestj.engine.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.params.Parameter;
import org.nestj.engine.params.Parameters;

/**
 * NEST's ConnectionCreator (nestkernel/connection_creator*.h): connects two layers with a mask
 * and a connection kernel (probability Parameter), as PyNEST's Connect does for spatial
 * conn_specs. Connection types:
 *
 * <ul>
 * <li>pairwise_bernoulli_on_target (pairwise_bernoulli): for every target, the sources whose
 * target lies in the mask centered on the source (the mask is mirrored: NEST's ConverseMask),
 * each connected with probability kernel(source, target);
 * <li>pairwise_bernoulli_on_source (use_on_source): for every target, the sources inside the mask
 * centered on the target;
 * <li>fixed_indegree: for every target, indegree sources drawn from the sources inside the mask
 * with weights kernel(source, target) (discrete distribution), without multapses if asked;
 * <li>fixed_outdegree: for every source, outdegree targets drawn likewise from the targets inside
 * the mask centered on the source;
 * <li>pairwise_poisson: Poisson-distributed numbers of connections per pair.
 * </ul>
 *
 * Which pairs are tried, in which order, with which probabilities follows NEST; all draws come
 * from one stream per Connect call, so results do not depend on the number of threads.
 */
final class SpatialConnector {
    private final Kernel k;
    private final String type;
    private final boolean autapses, multapses, oversized;
    private Parameter number;
    private Mask mask;
    private Parameter kernelP;
    private final List<Syn> syns = new ArrayList<>();
    private Rng rng;
    private final Parameter.Ctx ctx = new Parameter.Ctx();
    /** context of a per-node value (NEST's value(rng, node)): the node's own position */
    private final Parameter.Ctx nodeCtx = new Parameter.Ctx();

    /** one synapse specification */
    private static final class Syn {
        SynapseModel sm;
        Parameter weight, delay;
        double w, d;
        int receptor, label;
    }

    @SuppressWarnings("unchecked")
    SpatialConnector(Kernel k, Map<String, Object> spec) {
        this.k = k;
        Status s = new Status(spec, "ConnectionCreator");
        String ct = s.s("connection_type", "");
        autapses = s.b("allow_autapses", true);
        multapses = s.b("allow_multapses", true);
        oversized = s.b("allow_oversized_mask", false);
        boolean hasNumber = s.has("number_of_connections");
        if (hasNumber) {
            Object v = s.raw("number_of_connections");
            if (v instanceof Parameter) {
                number = (Parameter) v;
            } else {
                long n = s.l("number_of_connections", 0);
                if (n < 0) throw NestException.badProperty("Number of connections cannot be less than zero.");
                number = new Parameters.Constant(n);
            }
        }
        if (s.has("mask")) {
            Object m = s.raw("mask");
            if (m instanceof Mask) mask = (Mask) m;
            else if (m instanceof Map) mask = Mask.create((Map<String, Object>) m);
            else throw NestException.badProperty("Mask must be masktype or dictionary.");
        }
        if (s.has("kernel")) kernelP = Parameters.of(s.raw("kernel"));
        if (s.has("synapse_parameters")) {
            Object sp = s.raw("synapse_parameters");
            if (!(sp instanceof List)) throw NestException.badProperty("synapse_parameters must be list of dictionaries");
            for (Object o : (List<Object>) sp) {
                if (!(o instanceof Map)) throw NestException.badProperty("synapse_parameters must be list of dictionaries");
                Status ss = new Status((Map<String, Object>) o, "synapse_parameters");
                syns.add(syn(ss));
                ss.checkAllAccessed();
            }
        } else {
            syns.add(syn(s));
        }
        s.checkAllAccessed();
        switch (ct) {
            case "pairwise_bernoulli_on_source":
                type = hasNumber ? "fixed_indegree" : "on_source";
                break;
            case "pairwise_bernoulli_on_target":
                type = hasNumber ? "fixed_outdegree" : "on_target";
                break;
            case "pairwise_poisson":
                type = "poisson";
                break;
            default:
                throw NestException.badProperty("Unknown connection type.");
        }
    }

    private Syn syn(Status s) {
        Syn y = new Syn();
        String model = s.s("synapse_model", "static_synapse");
        y.sm = k.connections.synapse(model);
        y.w = y.sm.weight;
        y.d = y.sm.delay;
        if (s.has("weight")) {
            Object v = s.raw("weight");
            if (v instanceof Number) y.w = ((Number) v).doubleValue();
            else y.weight = Parameters.of(v);
        }
        if (s.has("delay")) {
            Object v = s.raw("delay");
            if (v instanceof Number) y.d = ((Number) v).doubleValue();
            else y.delay = Parameters.of(v);
        }
        y.receptor = y.sm.receptorType;
        if (s.has("receptor_type")) y.receptor = (int) s.l("receptor_type", 0);
        y.label = (int) y.sm.label;
        if (s.has("synapse_label")) {
            y.label = (int) s.l("synapse_label", -1);
            if (!y.sm.labelled) throw NestException.badProperty("Synapse label can only be set for labelled synapse models (*_lbl).");
        }
        return y;
    }

    /** MaskedLayer::check_mask_: grid masks become boxes; oversized masks on periodic layers are errors. */
    static Mask checkMask(Mask m, Layer layer, boolean allowOversized) {
        if (m instanceof Mask.GridMask) return ((Mask.GridMask) m).toBox(layer, allowOversized);
        if (m.dims != layer.dims) throw NestException.badProperty("Mask is incompatible with layer.");
        if (!allowOversized && layer.periodic) {
            double[] lo = m.bbLower(), hi = m.bbUpper();
            for (int i = 0; i < layer.dims; i++) {
                if (hi[i] - lo[i] > layer.extent[i]) {
                    throw NestException.badProperty("Mask size must not exceed layer size; set allow_oversized_mask to override.");
                }
            }
        }
        return m;
    }

    void connect(Layer src, long[] pre, Layer tgt, long[] post) {
        if (src.dims != tgt.dims) throw NestException.badProperty("Target layer must have same number of dimensions as source layer.");
        rng = new Rng(k.rngSeed(), 2, k.connectCalls++);
        switch (type) {
            case "on_source":
                targetDriven(src, pre, tgt, post, false, false);
                break;
            case "on_target":
                noDeviceTargets(post, "pairwise_bernoulli");
                targetDriven(src, pre, tgt, post, true, false);
                break;
            case "poisson":
                targetDriven(src, pre, tgt, post, false, true);
                break;
            case "fixed_indegree":
                noDeviceTargets(post, "fixed_indegree");
                fixedIndegree(src, pre, tgt, post);
                break;
            default:
                noDeviceTargets(post, "fixed_outdegree");
                fixedOutdegree(src, pre, tgt, post);
                break;
        }
    }

    private void noDeviceTargets(long[] post, String rule) {
        NodeBlock b = k.nodes.blockOf(post[0]);
        if (b.elementType() != NodeBlock.ELEMENT_NEURON) {
            throw NestException.cannotConnect("Spatial Connect with " + rule + " to devices is not possible.");
        }
    }

    /** the source pool of a target-driven rule, with NEST's tree geometry */
    private Pool sourcePool(Layer src, long[] pre, Layer tgt, boolean onTarget) {
        if (mask == null) return new Pool(src, pre, src.lowerLeft, src.extent, false, false);
        if (!onTarget) {
            mask = checkMask(mask, src, oversized);
            return new Pool(src, pre, src.lowerLeft, src.extent, src.periodic, true);
        }
        // MaskedLayer(source, mask, allow_oversized, target, source_nc): the tree keeps the source's
        // lower left corner, takes the target's extent in periodic dimensions and its periodicity
        double[] ext = src.extent.clone();
        if (tgt.periodic) ext = tgt.extent.clone();
        mask = checkMask(mask, tgt, oversized);
        return new Pool(src, pre, src.lowerLeft, ext, tgt.periodic, true);
    }

    private void setPair(Pool pool, int j, double[] spos) {
        System.arraycopy(pool.p, j * pool.D, spos, 0, pool.D);
    }

    private void targetDriven(Layer src, long[] pre, Layer tgt, long[] post, boolean onTarget, boolean poisson) {
        Pool pool = sourcePool(src, pre, tgt, onTarget);
        Layer L = onTarget ? tgt : src;
        int D = src.dims;
        double[] spos = new double[D], tpos = new double[D];
        ctx.spos = spos;
        ctx.tpos = tpos;
        ctx.layer = L;
        Pool.IntList cand = new Pool.IntList();
        // pairwise_bernoulli_on_target: the mask is centered on the source (NEST's ConverseMask)
        Mask qm = mask == null ? null : onTarget ? new Mask.Converse(mask) : mask;
        for (long t : post) {
            tgt.position(tgt.lid(t), tpos);
            int nc;
            if (mask != null) {
                cand.clear();
                nc = pool.query(qm, tpos, cand);
            } else {
                nc = pool.m;
            }
            for (int q = 0; q < nc; q++) {
                int j = mask != null ? cand.a[q] : q;
                long s = pool.gid[j];
                if (!autapses && s == t) continue;
                setPair(pool, j, spos);
                if (poisson) {
                    double mu = kernelP.eval(rng, t, ctx);
                    long m = rng.poisson(mu);
                    for (long r = 0; r < m; r++) single(s, t);
                } else {
                    if (kernelP != null && !(rng.uniform() < kernelP.eval(rng, t, ctx))) continue;
                    single(s, t);
                }
            }
        }
    }

    private void single(long s, long t) {
        for (Syn y : syns) {
            double d = y.delay != null ? y.delay.eval(rng, t, ctx) : y.d;
            double w = y.weight != null ? y.weight.eval(rng, t, ctx) : y.w;
            k.connections.connect(s, t, y.sm, w, d, y.receptor, y.label, null);
        }
    }

    /** std::discrete_distribution over weights w[0..n): an index drawn with probability w[i] / sum. */
    private static final class Lottery {
        double[] cum = new double[64];
        int n;

        void set(double[] w, int n) {
            if (cum.length < n) cum = new double[n];
            this.n = n;
            double s = 0;
            for (int i = 0; i < n; i++) {
                if (w[i] < 0) throw NestException.badProperty("Connection probabilities must not be negative.");
                s += w[i];
                cum[i] = s;
            }
        }

        int draw(Rng rng) {
            double total = cum[n - 1];
            if (!(total > 0)) return (int) rng.uniformInt(n);
            double u = rng.uniform() * total;
            int lo = 0, hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cum[mid] > u) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }
    }

    private void fixedIndegree(Layer src, long[] pre, Layer tgt, long[] post) {
        Pool pool = sourcePool(src, pre, tgt, false);
        int D = src.dims;
        double[] spos = new double[D], tpos = new double[D];
        ctx.spos = spos;
        ctx.tpos = tpos;
        ctx.layer = src;
        Pool.IntList cand = new Pool.IntList();
        double[] prob = new double[64];
        boolean[] selected = new boolean[64];
        Lottery lot = new Lottery();
        for (long t : post) {
            tgt.position(tgt.lid(t), tpos);
            long num;
            int nc;
            if (mask != null) {
                java.util.Arrays.fill(spos, 0.0);
                num = Math.round(number.eval(rng, t, ctx));
                cand.clear();
                nc = pool.query(mask, tpos, cand);
            } else {
                nodeCtx.nodePos = tpos;
                num = Math.round(number.eval(rng, t, nodeCtx));
                nc = pool.m;
            }
            String where = mask != null ? " inside mask" : "";
            if (nc == 0 || (!autapses && nc == 1 && pool.gid[mask != null ? cand.a[0] : 0] == t)
                    || (!multapses && nc < num)) {
                throw NestException.kernel("Global target ID " + t + ": Not enough sources found" + where);
            }
            if (prob.length < nc) {
                prob = new double[nc];
                selected = new boolean[nc];
            }
            java.util.Arrays.fill(selected, 0, nc, false);
            if (kernelP != null) {
                for (int q = 0; q < nc; q++) {
                    setPair(pool, mask != null ? cand.a[q] : q, spos);
                    prob[q] = kernelP.eval(rng, t, ctx);
                }
                lot.set(prob, nc);
            }
            while (num > 0) {
                int q = kernelP != null ? lot.draw(rng) : (int) rng.uniformInt(nc);
                if (!multapses && selected[q]) continue;
                int j = mask != null ? cand.a[q] : q;
                long s = pool.gid[j];
                if (!autapses && s == t) continue;
                setPair(pool, j, spos);
                single(s, t);
                selected[q] = true;
                num--;
            }
        }
    }

    private void fixedOutdegree(Layer src, long[] pre, Layer tgt, long[] post) {
        // MaskedLayer(target, mask, allow_oversized, target_nc): no mask means all targets
        Pool pool;
        if (mask != null) {
            mask = checkMask(mask, tgt, oversized);
            pool = new Pool(tgt, post, tgt.lowerLeft, tgt.extent, tgt.periodic, true);
        } else {
            pool = new Pool(tgt, post, tgt.lowerLeft, tgt.extent, tgt.periodic, true);
        }
        int D = src.dims;
        double[] spos = new double[D], tpos = new double[D];
        ctx.spos = spos;
        ctx.tpos = tpos;
        Pool.IntList cand = new Pool.IntList();
        double[] prob = new double[64];
        boolean[] selected = new boolean[64];
        Lottery lot = new Lottery();
        for (long s : pre) {
            src.position(src.lid(s), spos);
            int nc;
            if (mask != null) {
                cand.clear();
                nc = pool.query(mask, spos, cand);
            } else {
                nc = pool.m;
            }
            if (prob.length < nc) {
                prob = new double[nc];
                selected = new boolean[nc];
            }
            java.util.Arrays.fill(selected, 0, Math.max(nc, 0), false);
            ctx.layer = src;
            for (int q = 0; q < nc; q++) {
                if (kernelP != null) {
                    int j = mask != null ? cand.a[q] : q;
                    System.arraycopy(pool.p, j * D, tpos, 0, D);
                    prob[q] = kernelP.eval(rng, pool.gid[j], ctx);
                } else {
                    prob[q] = 1.0;
                }
            }
            nodeCtx.nodePos = spos;
            long num = Math.round(number.eval(rng, s, nodeCtx));
            if (nc == 0 || (!multapses && nc < num)) {
                throw NestException.kernel("Global source ID " + s + ": Not enough targets found");
            }
            lot.set(prob, nc);
            ctx.layer = tgt;
            while (num > 0) {
                int q = lot.draw(rng);
                if (!multapses && selected[q]) continue;
                int j = mask != null ? cand.a[q] : q;
                long t = pool.gid[j];
                if (!autapses && s == t) continue;
                selected[q] = true;
                System.arraycopy(pool.p, j * D, tpos, 0, D);
                single(s, t);
                num--;
            }
        }
    }
}
