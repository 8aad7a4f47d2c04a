package org.nestj.engine.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.params.Parameter;
import org.nestj.engine.params.Parameters;

/**
 * NEST's spatial functions (nestkernel/spatial.cpp): layers (Create with positions), positions,
 * displacements and distances, SelectNodesByMask, and ConnectLayers (the spatial connection
 * builder, {@link SpatialConnector}).
 */
public final class Spatial {
    private Spatial() {
    }

    // ------------------------------------------------------------------ layers

    /**
     * CreateLayer: creates the nodes and their layer; returns the first node id. spec: "shape"
     * (grid) with optional "center", or "positions" (double[][] or a dimension Parameter, with
     * "n"); optional "extent" and "edge_wrap".
     */
    public static long createLayer(Kernel k, String model, Map<String, Object> spec) {
        Status s = new Status(spec, "nest::CreateLayer");
        boolean wrap = s.b("edge_wrap", false);
        double[] extent = s.has("extent") ? s.da("extent", null) : null;
        if (s.has("positions")) {
            if (s.has("shape")) throw NestException.badProperty("Cannot specify both positions and shape.");
            Object p = s.raw("positions");
            double[][] pos;
            if (p instanceof Parameters.Dimension) {
                Parameters.Dimension dp = (Parameters.Dimension) p;
                long n = s.l("n", 1);
                if (n <= 0) throw NestException.badProperty("Empty positions array.");
                pos = new double[(int) n][dp.p.length];
                Rng rng = new Rng(k.rngSeed(), 3, k.paramCalls++);
                for (double[] row : pos) dp.draw(rng, row);
            } else if (p instanceof double[][]) {
                pos = (double[][]) p;
            } else if (p instanceof List) {
                List<?> l = (List<?>) p;
                pos = new double[l.size()][];
                for (int j = 0; j < pos.length; j++) {
                    pos[j] = new Status(Map.of("p", l.get(j)), "positions").da("p", null);
                }
            } else if (p instanceof double[] || p instanceof long[]) {
                throw NestException.badProperty("Positions must have 2 or 3 coordinates.");
            } else {
                throw NestException.kernel("'positions' must be an array or a DimensionParameter.");
            }
            if (pos.length == 0) throw NestException.badProperty("Empty positions array.");
            int D = pos[0].length;
            if (D != 2 && D != 3) throw NestException.badProperty("Positions must have 2 or 3 coordinates.");
            // validate the geometry before creating nodes
            Layer.free(1, pos, extent, wrap);
            s.checkAllAccessed();
            NodeBlock b = k.create(model, pos.length);
            b.layer = Layer.free(b.firstGid, pos, extent, wrap);
            return b.firstGid;
        }
        if (s.has("shape")) {
            long[] shape = s.la("shape", null);
            double[] center = s.has("center") ? s.da("center", null) : null;
            Layer probe = Layer.grid(1, shape, center, extent, wrap);
            s.checkAllAccessed();
            NodeBlock b = k.create(model, probe.n);
            b.layer = Layer.grid(b.firstGid, shape, center, extent, wrap);
            return b.firstGid;
        }
        throw NestException.badProperty("Unknown layer type.");
    }

    /** The layer of node gid, or null. */
    public static Layer layerOf(Kernel k, long gid) {
        return k.nodes.blockOf(gid).layer;
    }

    /** The layer all of gids belong to (NEST's get_layer: LayerExpected otherwise). */
    public static Layer layerOf(Kernel k, long[] gids) {
        if (gids.length == 0) throw new NestException("LayerExpected", "Expected a NodeCollection with spatial metadata.");
        Layer L = layerOf(k, gids[0]);
        if (L == null || !L.contains(gids[gids.length - 1])) {
            throw new NestException("LayerExpected", "Expected a NodeCollection with spatial metadata.");
        }
        return L;
    }

    /** the position of node gid (null if it has none) */
    public static double[] positionOf(Kernel k, long gid) {
        Layer L = layerOf(k, gid);
        return L == null ? null : L.position(L.lid(gid));
    }

    /** GetMetadata: the layer's status for the nodes gids, null without layer. */
    public static Map<String, Object> metadata(Kernel k, long[] gids) {
        if (gids.length == 0) return null;
        Layer L = layerOf(k, gids[0]);
        if (L == null || !L.contains(gids[gids.length - 1])) return null;
        return L.status(gids);
    }

    /** GetPosition: one row per node. */
    public static double[][] positions(Kernel k, long[] gids) {
        Layer L = layerOf(k, gids);
        double[][] r = new double[gids.length][];
        for (int j = 0; j < gids.length; j++) r[j] = L.position(L.lid(gids[j]));
        return r;
    }

    /**
     * Displacement / Distance (spatial.cpp): for each pair, the displacement from the "to" position
     * to the "from" node, computed in the from node's layer. from is a node set (fromGids) and to
     * a node set (toGids) or points (toPoints); either side may have one element.
     */
    public static double[][] displacement(Kernel k, long[] fromGids, long[] toGids, double[][] toPoints) {
        Layer L = layerOf(k, fromGids);
        double[][] to = toPoints != null ? toPoints : positions(k, toGids);
        if (toPoints == null && fromGids.length != 1 && to.length != 1 && fromGids.length != to.length) {
            throw NestException.badProperty("NodeCollections must have equal length or one must have size 1.");
        }
        List<double[]> out = new ArrayList<>();
        if (toPoints == null && fromGids.length == 1) {
            double[] fp = L.position(L.lid(fromGids[0]));
            for (double[] tp : to) {
                checkDim(tp, L);
                double[] d = new double[L.dims];
                L.displacementTo(tp, fp, d);
                out.add(d);
            }
        } else {
            int c = 0;
            for (long g : fromGids) {
                double[] fp = L.position(L.lid(g));
                double[] tp = to[c];
                checkDim(tp, L);
                double[] d = new double[L.dims];
                L.displacementTo(tp, fp, d);
                out.add(d);
                if (to.length != 1) c++;
            }
        }
        return out.toArray(new double[0][]);
    }

    private static void checkDim(double[] p, Layer L) {
        if (p.length != L.dims) {
            throw NestException.badProperty("Position has " + p.length + " dimensions, but the layer has " + L.dims + ".");
        }
    }

    public static double[] distance(Kernel k, long[] fromGids, long[] toGids, double[][] toPoints) {
        double[][] d = displacement(k, fromGids, toGids, toPoints);
        double[] r = new double[d.length];
        for (int j = 0; j < d.length; j++) {
            double s = 0;
            for (double x : d[j]) s += x * x;
            r[j] = Math.sqrt(s);
        }
        return r;
    }

    /** Distance(SynapseCollection): source position to target, in the target's layer (NaN without layer). */
    public static double[] connectionDistance(Kernel k, long[] src, long[] tgt) {
        double[] r = new double[src.length];
        for (int j = 0; j < src.length; j++) {
            Layer tl = layerOf(k, tgt[j]);
            double[] sp = positionOf(k, src[j]);
            if (tl == null || sp == null) {
                r[j] = Double.NaN;
                continue;
            }
            r[j] = tl.distanceTo(sp, tl.position(tl.lid(tgt[j])));
        }
        return r;
    }

    /** SelectNodesByMask: the nodes of the layer inside mask anchored at anchor, in ascending id order. */
    public static long[] selectNodesByMask(Kernel k, long[] gids, double[] anchor, Object maskObj) {
        if (anchor.length != 2 && anchor.length != 3) throw NestException.badProperty("Center must be 2- or 3-dimensional.");
        Layer L = layerOf(k, gids);
        if (L.dims != anchor.length) throw NestException.badProperty("Mask is incompatible with layer.");
        Mask mask = SpatialConnector.checkMask((Mask) maskObj, L, false);
        Pool pool = new Pool(L, gids, L.lowerLeft, L.extent, L.periodic, true);
        Pool.IntList hits = new Pool.IntList();
        pool.query(mask, anchor, hits);
        long[] r = new long[hits.size];
        for (int j = 0; j < hits.size; j++) r[j] = gids[hits.a[j]];
        java.util.Arrays.sort(r);
        int n = 0;
        for (int j = 0; j < r.length; j++) {
            if (j == 0 || r[j] != r[j - 1]) r[n++] = r[j];
        }
        return java.util.Arrays.copyOf(r, n);
    }

    /** Parameter.apply(nc): one value per node (nest.spatial.pos from the node's position). */
    public static double[] applyNodes(Kernel k, Object param, long[] gids) {
        Parameter p = Parameters.of(param);
        Rng rng = new Rng(k.rngSeed(), 3, k.paramCalls++);
        return p.values(rng, gids, g -> positionOf(k, g));
    }

    /** Parameter.apply(source, positions): the value for source node and each target position. */
    public static double[] applyPositions(Kernel k, Object param, long source, double[][] targets) {
        Parameter p = Parameters.of(param);
        Layer L = layerOf(k, new long[] {source});
        double[] sp = L.position(L.lid(source));
        Rng rng = new Rng(k.rngSeed(), 3, k.paramCalls++);
        Parameter.Ctx c = new Parameter.Ctx();
        c.layer = L;
        c.spos = sp;
        double[] r = new double[targets.length];
        for (int j = 0; j < targets.length; j++) {
            if (targets[j].length != sp.length) {
                throw NestException.badProperty("Parameter apply: Target position has " + targets[j].length
                        + " dimensions, but source position has " + sp.length + " dimensions.");
            }
            c.tpos = targets[j];
            r[j] = p.eval(rng, 0L, c);
        }
        return r;
    }

    /** ConnectLayers(pre, post, projections). */
    public static void connectLayers(Kernel k, long[] pre, long[] post, Map<String, Object> projections) {
        Layer src = layerOf(k, pre), tgt = layerOf(k, post);
        SpatialConnector c = new SpatialConnector(k, projections);
        k.connections.connectionsChanged();   // NEST's connect_layers, once the specification was read
        c.connect(src, pre, tgt, post);
    }
}
