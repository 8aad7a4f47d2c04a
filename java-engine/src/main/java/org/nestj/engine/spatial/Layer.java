package org.nestj.engine.spatial;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;

/**
 * NEST's spatial layer (nestkernel/layer.h, grid_layer.h, free_layer.h): the positions of the
 * nodes of one Create call, the layer's bounding box (lower left corner and extent) and its
 * periodic boundary conditions (edge_wrap, all dimensions or none).
 *
 * <p>Positions are stored per node (flat, {@code pos[lid * dims + d]}); grid positions are
 * computed once with NEST's formula (matrix convention: the y axis runs downwards).
 */
public final class Layer {
    public final int dims;
    public final boolean grid;
    /** grid shape (columns, rows[, depth]), null for free layers */
    public final long[] shape;
    public final double[] lowerLeft, extent;
    public final boolean periodic;
    public final long firstGid;
    public final int n;
    final double[] pos;

    private Layer(int dims, boolean grid, long[] shape, double[] ll, double[] ext, boolean periodic, long firstGid, int n,
            double[] pos) {
        this.dims = dims;
        this.grid = grid;
        this.shape = shape;
        this.lowerLeft = ll;
        this.extent = ext;
        this.periodic = periodic;
        this.firstGid = firstGid;
        this.n = n;
        this.pos = pos;
    }

    /** The number of nodes of a grid of this shape (NEST's checks on the shape). */
    public static int gridSize(long[] shape) {
        for (long x : shape) {
            if (x <= 0) throw NestException.badProperty("All shape entries must be positive.");
        }
        if (shape.length != 2 && shape.length != 3) throw NestException.badProperty("Shape must be of length 2 or 3.");
        long n = 1;
        for (long x : shape) n *= x;
        if (n > Integer.MAX_VALUE) throw NestException.badProperty("Grid layer too large.");
        return (int) n;
    }

    /** A grid layer (GridLayer::set_status): default extent 1 per dimension, centered at the origin. */
    public static Layer grid(long firstGid, long[] shape, double[] center, double[] extent, boolean wrap) {
        int D = shape.length;
        int n = gridSize(shape);
        double[] ll = new double[D], ext = new double[D];
        for (int i = 0; i < D; i++) {
            ll[i] = -0.5;
            ext[i] = 1.0;
        }
        if (extent != null) {
            checkDims(extent, D, "extent");
            double[] c = new double[D];
            for (int i = 0; i < D; i++) c[i] = ll[i] + ext[i] / 2;
            for (int i = 0; i < D; i++) {
                ext[i] = extent[i];
                ll[i] = c[i] - ext[i] / 2;
            }
        }
        if (center != null) {
            checkDims(center, D, "center");
            for (int i = 0; i < D; i++) ll[i] = center[i] - ext[i] / 2;
        }
        double[] p = new double[n * D];
        // lid -> grid position: the last dimension varies fastest (column-major in x, y)
        double[] ul = ll.clone(), e = ext.clone();
        if (D > 1) {
            ul[1] += e[1];
            e[1] = -e[1];
        }
        int[] gp = new int[D];
        for (int lid = 0; lid < n; lid++) {
            long r = lid;
            for (int i = D - 1; i > 0; i--) {
                gp[i] = (int) (r % shape[i]);
                r /= shape[i];
            }
            gp[0] = (int) r;
            for (int i = 0; i < D; i++) {
                double step = e[i] / shape[i];
                p[lid * D + i] = ul[i] + step * gp[i] + step * 0.5;
            }
        }
        return new Layer(D, true, shape.clone(), ll, ext, wrap, firstGid, n, p);
    }

    private static void checkDims(double[] v, int D, String what) {
        if (v.length != D) {
            throw NestException.badProperty("'" + what + "' must have " + D + " entries, one per dimension; got " + v.length + ".");
        }
    }

    /** A free layer (FreeLayer::set_status) from positions[n][D]. */
    public static Layer free(long firstGid, double[][] positions, double[] extent, boolean wrap) {
        int n = positions.length;
        if (n == 0) throw NestException.badProperty("Empty positions array.");
        int D = positions[0].length;
        if (D != 2 && D != 3) throw NestException.badProperty("Positions must have 2 or 3 coordinates.");
        double[] p = new double[n * D];
        double[] ll = new double[D], max = new double[D];
        java.util.Arrays.fill(ll, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            if (positions[j].length != D) {
                throw NestException.badProperty("All positions must have the same number of dimensions.");
            }
            for (int d = 0; d < D; d++) {
                double x = positions[j][d];
                p[j * D + d] = x;
                if (x < ll[d]) ll[d] = x;
                if (x > max[d]) max[d] = x;
            }
        }
        double[] ext = new double[D];
        double[] c = new double[D];
        for (int d = 0; d < D; d++) c[d] = (max[d] + ll[d]) / 2;
        if (extent != null) {
            checkDims(extent, D, "extent");
            double[] lowest = ll.clone();
            for (int d = 0; d < D; d++) {
                ext[d] = extent[d];
                ll[d] = c[d] - ext[d] / 2;
            }
            for (int d = 0; d < D; d++) {
                if (lowest[d] < ll[d] || max[d] > c[d] + ext[d] / 2) throw NestException.badProperty("Node position outside of layer");
            }
        } else {
            if (n <= 1) throw NestException.kernel("If only one node is created, 'extent' must be specified.");
            for (int d = 0; d < D; d++) {
                ext[d] = Math.ceil(max[d] - ll[d]);
                ll[d] = c[d] - ext[d] / 2;
            }
        }
        return new Layer(D, false, null, ll, ext, wrap, firstGid, n, p);
    }

    public boolean contains(long gid) {
        return gid >= firstGid && gid < firstGid + n;
    }

    public int lid(long gid) {
        if (!contains(gid)) throw NestException.kernel("Node " + gid + " is not part of this layer.");
        return (int) (gid - firstGid);
    }

    public double coord(int lid, int d) {
        return pos[lid * dims + d];
    }

    public void position(int lid, double[] out) {
        System.arraycopy(pos, lid * dims, out, 0, dims);
    }

    public double[] position(int lid) {
        double[] r = new double[dims];
        position(lid, r);
        return r;
    }

    public double[] center() {
        double[] c = new double[dims];
        for (int i = 0; i < dims; i++) c[i] = lowerLeft[i] + extent[i] / 2;
        return c;
    }

    /** Layer::compute_displacement(from, to) (fmod form), into out. */
    public void displacementTo(double[] from, double[] to, double[] out) {
        for (int i = 0; i < dims; i++) {
            double d = to[i] - from[i];
            if (periodic) {
                double e = extent[i];
                d = -0.5 * e + (d + 0.5 * e) % e;
                if (d < -0.5 * e) d += e;
            }
            out[i] = d;
        }
    }

    /** Layer::compute_displacement(from, to, dimension) (round form, used by the distance parameters). */
    public double displacement(double[] from, double[] to, int i) {
        double d = to[i] - from[i];
        if (periodic) d -= extent[i] * roundHalfAway(d * (1 / extent[i]));
        return d;
    }

    /** Layer::compute_distance(vector, vector). */
    public double distance(double[] from, double[] to) {
        double s = 0;
        for (int i = 0; i < dims; i++) {
            double d = displacement(from, to, i);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Position<D>::length() of the fmod-form displacement (Distance()). */
    public double distanceTo(double[] from, double[] to) {
        double[] d = new double[dims];
        displacementTo(from, to, d);
        double s = 0;
        for (double x : d) s += x * x;
        return Math.sqrt(s);
    }

    static double roundHalfAway(double x) {
        return x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5);
    }

    /** The layer's metadata as NEST's GetMetadata for the nodes gids (a subset of the layer). */
    public Map<String, Object> status(long[] gids) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("center", center());
        d.put("edge_wrap", periodic);
        d.put("extent", extent.clone());
        d.put("network_size", (long) gids.length);
        if (grid) {
            d.put("shape", shape.clone());
        } else {
            double[][] ps = new double[gids.length][];
            for (int j = 0; j < gids.length; j++) ps[j] = position(lid(gids[j]));
            d.put("positions", ps);
        }
        return d;
    }
}
