package org.nestj.engine.kernel;

import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's tripartite connectivity (ConnectionManager::connect_tripartite, nestkernel/conn_builder.cpp
 * ConnBuilder with ThirdInBuilder and ThirdBernoulliWithPoolBuilder; PyNEST {@code TripartiteConnect}).
 *
 * <p>The primary rule connects pre to post (any bipartite rule, syn_specs "primary"). After each primary
 * connection (once per pair, not per collocated synapse) the third-factor rule
 * {@code third_factor_bernoulli_with_pool} decides, with probability p, to attach a third-factor node:
 * on the first such decision for a target its pool of pool_size third-factor nodes is made (pool_type
 * "random": a sample without replacement, in the third population's order; "block": consecutive nodes
 * by the target's position in post), then one pool member is drawn uniformly and connected to the target
 * ("third_out"), and the pair (primary source, third node) is recorded. When the primary rule is done,
 * every recorded pair is connected source to third node ("third_in"), in the order recorded. All draws
 * come from the primary rule's stream (as NEST draws them from the thread's stream).
 */
public final class TripartiteConnect implements ConnBuilder.ThirdFactor {
    private final ConnBuilder thirdOut, thirdIn;
    private final long[] third, post;
    private final double p;
    private final boolean randomPool;
    private final int poolSize, targetsPerThird;
    /** pool per target (index into post), made on first use */
    private final long[][] pools;
    /** (source, third) pairs for the third_in connections, in order */
    private long[] inPairs = new long[64];
    private int nIn;

    private TripartiteConnect(long[] post, long[] third, Map<String, Object> thirdSpec, ConnBuilder thirdOut,
            ConnBuilder thirdIn) {
        this.post = post;
        this.third = third;
        this.thirdOut = thirdOut;
        this.thirdIn = thirdIn;
        Status cs = new Status(thirdSpec, "third_factor_conn_spec");
        p = cs.d("p", 1.0);
        long ps = cs.l("pool_size", third.length);
        boolean rp = true;
        if (cs.has("pool_type")) {
            String pt = cs.s("pool_type", "random");
            if (pt.equals("random")) rp = true;
            else if (pt.equals("block")) rp = false;
            else throw NestException.badProperty("pool_type must be 'random' or 'block'");
        }
        randomPool = rp;
        if (p < 0 || 1 < p) {
            throw NestException.badProperty("Conditional probability of third-factor connection 0 \u2264 p_third_if_primary \u2264 1 required");
        }
        if (ps < 1 || third.length < ps) {
            throw NestException.badProperty("Pool size 1 \u2264 pool_size \u2264 size of third-factor population required");
        }
        if (!(randomPool || ((long) post.length * ps == third.length) || (ps == 1 && post.length % third.length == 0))) {
            throw NestException.badProperty("The sizes of target and third-factor populations and the chosen pool size do not fit."
                    + " If pool_size == 1, the target population size must be a multiple of the third-factor"
                    + " population size. For pool_size > 1, size(targets) * pool_size == size(third factor)"
                    + " is required. For all other cases, use random pools.");
        }
        poolSize = (int) ps;
        targetsPerThird = post.length / third.length;
        pools = new long[post.length][];
    }

    /** TripartiteConnect(pre, post, third, conn_spec, third_factor_conn_spec, syn_specs). */
    public static void connect(Kernel k, long[] pre, long[] post, long[] third, Map<String, Object> connSpec,
            Map<String, Object> thirdSpec, List<Map<String, Object>> primary, List<Map<String, Object>> thirdInSpecs,
            List<Map<String, Object>> thirdOutSpecs) {
        if (k.sim.isPrepared()) {
            throw NestException.kernel("Connect cannot be called between Prepare and Cleanup (inside RunManager).");
        }
        if (pre.length == 0) throw NestException.cannotConnect("Presynaptic nodes cannot be an empty NodeCollection");
        if (post.length == 0) throw NestException.cannotConnect("Postsynaptic nodes cannot be an empty NodeCollection");
        if (third.length == 0) throw NestException.cannotConnect("Third-factor nodes cannot be an empty NodeCollection");
        if (connSpec == null || !connSpec.containsKey("rule")) {
            throw NestException.badProperty("The connection specification must contain a connection rule.");
        }
        if (thirdSpec == null || !thirdSpec.containsKey("rule")) {
            throw NestException.badProperty("The third-factor connection specification must contain a connection rule.");
        }
        String thirdRule = String.valueOf(thirdSpec.get("rule"));
        // NEST builds the third_in builder, then the third-factor builder, then the primary one
        ConnBuilder in = new ConnBuilder(k, pre, third, thirdSpec, thirdInSpecs);
        in.prepareSingle(null);
        if (!thirdRule.equals("third_factor_bernoulli_with_pool")) {
            throw NestException.cannotConnect("Unknown third-factor connection rule '" + thirdRule + "'.");
        }
        ConnBuilder out = new ConnBuilder(k, third, post, thirdSpec, thirdOutSpecs);
        out.prepareSingle(null);
        TripartiteConnect tc = new TripartiteConnect(post, third, thirdSpec, out, in);
        ConnBuilder prim = new ConnBuilder(k, pre, post, connSpec, primary);
        prim.third = tc;
        k.connections.connectionsChanged();
        prim.connect();
        Rng rng = prim.rng();
        in.setRng(rng);
        for (int q = 0; q < tc.nIn; q++) in.single(tc.inPairs[2 * q], tc.inPairs[2 * q + 1]);
    }

    @Override
    public void thirdConnect(long primarySource, long primaryTarget, Rng rng) {
        if (!(rng.uniform() < p)) return;
        int ti = java.util.Arrays.binarySearch(post, primaryTarget);
        if (ti < 0) throw new IllegalStateException("third-factor target not in post");
        long[] pool = pools[ti];
        if (pool == null) {
            pool = new long[poolSize];
            if (randomPool) {
                // selection sampling (std::sample on forward iterators): pool in the order of third
                int need = poolSize, left = third.length, w = 0;
                for (int j = 0; j < third.length && need > 0; j++, left--) {
                    if (rng.uniformInt(left) < need) {
                        pool[w++] = third[j];
                        need--;
                    }
                }
            } else {
                int first = poolSize > 1 ? ti * poolSize : ti / targetsPerThird;
                System.arraycopy(third, first, pool, 0, poolSize);
            }
            pools[ti] = pool;
        }
        int idx = poolSize == 1 ? 0 : (int) rng.uniformInt(poolSize);
        long thirdNode = pool[idx];
        thirdOut.setRng(rng);
        thirdOut.single(thirdNode, primaryTarget);
        if (2 * nIn + 2 > inPairs.length) inPairs = java.util.Arrays.copyOf(inPairs, inPairs.length * 2);
        inPairs[2 * nIn] = primarySource;
        inPairs[2 * nIn + 1] = thirdNode;
        nIn++;
    }
}
