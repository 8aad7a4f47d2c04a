package org.nestj.engine.spatial;

import java.util.Arrays;

/**
 * The candidate nodes of a spatial connection (NEST's MaskedLayer over an Ntree): positions of a
 * set of layer nodes in a box with optional periodic boundaries, and the masked query "all
 * nodes p with mask.inside(p - anchor)", including the periodic images NEST's masked iterator
 * visits. Positions are indexed by a uniform grid of buckets, so a query touches only the
 * buckets the mask's bounding box overlaps.
 *
 * <p>Query results are in NEST's order of anchors (the main image first, then the shifted
 * images), within one anchor in the order of the nodes in the NodeCollection.
 */
final class Pool {
    final int D;
    final double[] ll, ext;
    final boolean periodic;
    final int m;
    final long[] gid;
    /** positions (periodic dimensions mapped into the box), m * D */
    final double[] p;

    /** nodes gids of layer L, in a tree with the given geometry (NEST: Ntree(lower_left, extent, periodic)). */
    Pool(Layer L, long[] gids, double[] ll, double[] ext, boolean periodic, boolean wrapPositions) {
        this.D = L.dims;
        this.ll = ll;
        this.ext = ext;
        this.periodic = periodic;
        this.m = gids.length;
        this.gid = gids;
        this.p = new double[m * D];
        for (int j = 0; j < m; j++) {
            int lid = L.lid(gids[j]);
            for (int d = 0; d < D; d++) {
                double x = L.coord(lid, d);
                if (periodic && wrapPositions) {
                    x = ll[d] + (x - ll[d]) % ext[d];
                    if (x < ll[d]) x += ext[d];
                }
                p[j * D + d] = x;
            }
        }
        root = new Tree(ll.clone(), ext.clone(), null, 0);
        for (int j = 0; j < m; j++) root.insert(j);
    }

    private static final double EPS = Math.ulp(1.0);
    private static final int CAPACITY = 100, MAX_DEPTH = 10;
    private final Tree root;

    /** NEST's Ntree (capacity 100, depth 10): a 2^D-ary tree of boxes over the node indices, in insertion order. */
    private final class Tree {
        final double[] tll, text;
        final Tree parent;
        final int depth;
        Tree[] children;
        int[] items = new int[8];
        int count;

        Tree(double[] ll, double[] ext, Tree parent, int depth) {
            this.tll = ll;
            this.text = ext;
            this.parent = parent;
            this.depth = depth;
        }

        boolean leaf() {
            return children == null;
        }

        int subquad(int j) {
            int r = 0;
            for (int i = 0; i < D; i++) {
                boolean left = ((tll[i] + text[i] / 2) - p[j * D + i]) > -EPS;
                r += (1 << i) * (left ? 0 : 1);
            }
            return r;
        }

        void insert(int j) {
            if (leaf() && count >= CAPACITY && depth < MAX_DEPTH) split();
            if (leaf()) {
                if (count == items.length) items = Arrays.copyOf(items, count * 2);
                items[count++] = j;
            } else {
                children[subquad(j)].insert(j);
            }
        }

        void split() {
            int N = 1 << D;
            children = new Tree[N];
            for (int c = 0; c < N; c++) {
                double[] cl = tll.clone(), ce = new double[D];
                for (int i = 0; i < D; i++) {
                    if ((c & (1 << i)) != 0) cl[i] += text[i] * 0.5;
                    ce[i] = text[i] * 0.5;
                }
                children[c] = new Tree(cl, ce, this, depth + 1);
            }
            int[] old = items;
            int n = count;
            items = null;
            count = 0;
            for (int k = 0; k < n; k++) children[subquad(old[k])].insert(old[k]);
        }

        void box(double[] a, double[] lo, double[] hi) {
            for (int i = 0; i < D; i++) {
                lo[i] = tll[i] - a[i];
                hi[i] = lo[i] + text[i];
            }
        }

        void addAll(IntList out) {
            if (leaf()) {
                for (int k = 0; k < count; k++) out.add(items[k]);
            } else {
                for (Tree c : children) c.addAll(out);
            }
        }

        /** the masked iterator below a node that is neither inside nor outside the mask */
        void visit(Mask mask, double[] a, double[] q, double[] lo, double[] hi, IntList out) {
            if (leaf()) {
                for (int k = 0; k < count; k++) {
                    int o = items[k] * D;
                    for (int d = 0; d < D; d++) q[d] = p[o + d] - a[d];
                    if (mask.inside(q)) out.add(items[k]);
                }
                return;
            }
            for (Tree c : children) {
                c.box(a, lo, hi);
                if (mask.insideBox(lo, hi)) {
                    c.addAll(out);
                } else if (!mask.outsideBox(lo, hi)) {
                    c.visit(mask, a, q, lo, hi, out);
                }
            }
        }
    }

    /** the anchors (periodic images) NEST's masked iterator visits for this mask bounding box */
    double[][] anchors(double[] anchor, double[] bbL, double[] bbU) {
        double[] a = anchor.clone();
        if (!periodic) return new double[][] {a};
        for (int i = 0; i < D; i++) {
            double x = (a[i] + bbL[i] - ll[i]) % ext[i];
            if (x < 0) x += ext[i];
            a[i] = x - bbL[i] + ll[i];
        }
        double[][] list = new double[1 << D][];
        int n = 0;
        list[n++] = a;
        for (int i = 0; i < D; i++) {
            int cur = n;
            if ((a[i] + bbU[i] - ll[i]) > ext[i]) {
                for (int j = 0; j < cur; j++) {
                    double[] q = list[j].clone();
                    q[i] -= ext[i];
                    list[n++] = q;
                }
            }
        }
        return Arrays.copyOf(list, n);
    }

    /**
     * NEST's masked iterator: indices j of the nodes with mask.inside(p_j - anchor), over all
     * periodic images, with the tree's shortcuts (boxes inside the mask are taken whole, boxes
     * outside it skipped); appended to out in iteration order (returns the new count).
     */
    int query(Mask mask, double[] anchor, IntList out) {
        double[] q = new double[D], lo = new double[D], hi = new double[D];
        for (double[] a : anchors(anchor, mask.bbLower(), mask.bbUpper())) {
            root.box(a, lo, hi);
            if (mask.outsideBox(lo, hi)) continue;
            if (mask.insideBox(lo, hi)) root.addAll(out);
            else root.visit(mask, a, q, lo, hi, out);
        }
        return out.size;
    }

    /** A growable int list. */
    static final class IntList {
        int[] a = new int[64];
        int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, size * 2);
            a[size++] = v;
        }

        void clear() {
            size = 0;
        }
    }
}
