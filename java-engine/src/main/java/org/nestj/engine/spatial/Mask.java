package org.nestj.engine.spatial;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcTrig;

/**
 * NEST's masks (nestkernel/mask.h, mask_impl.h, grid_mask.h): regions of space relative to a
 * node, with NEST's boundary conventions (closed regions; a rotated box gets an epsilon of 1e-12)
 * and bounding boxes (used for periodic images and oversize checks). Built from the mask
 * dictionaries of CreateMask / conn_spec "mask": circular, spherical, rectangular, box,
 * elliptical, ellipsoidal, doughnut, grid, optionally with an anchor; combined with and, or, sub.
 */
public abstract class Mask {
    /** number of dimensions (0 for grid masks until applied to a grid layer) */
    public final int dims;

    Mask(int dims) {
        this.dims = dims;
    }

    public abstract boolean inside(double[] p);

    /** lower left and upper right corners of the bounding box */
    public abstract double[] bbLower();

    public abstract double[] bbUpper();

    /** Mask::inside(Box): the whole box [lo, hi] is inside the mask. */
    public abstract boolean insideBox(double[] lo, double[] hi);

    /** Mask::outside(Box): the box [lo, hi] certainly does not meet the mask (bounding box test). */
    public boolean outsideBox(double[] lo, double[] hi) {
        double[] bl = bbLower(), bu = bbUpper();
        for (int i = 0; i < dims; i++) {
            if (hi[i] < bl[i] || lo[i] > bu[i]) return true;
        }
        return false;
    }

    /** all 2^D corners of the box inside the mask */
    final boolean cornersInside(double[] lo, double[] hi) {
        double[] q = new double[dims];
        for (int k = 0; k < (1 << dims); k++) {
            for (int i = 0; i < dims; i++) q[i] = ((k >> i) & 1) == 0 ? lo[i] : hi[i];
            if (!inside(q)) return false;
        }
        return true;
    }

    static double[] minus(double[] v, double[] a) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = v[i] - a[i];
        return r;
    }

    /** NEST's get_dict (for PyNEST's plotting helpers). */
    public Map<String, Object> dict() {
        return new LinkedHashMap<>();
    }

    // ------------------------------------------------------------------ factory

    /** NestModule::create_mask for a dictionary {type: {...}, "anchor": [...]}. */
    @SuppressWarnings("unchecked")
    public static Mask create(Map<String, Object> spec) {
        Mask m = null;
        Object anchor = null;
        boolean hasAnchor = false;
        for (Map.Entry<String, Object> e : spec.entrySet()) {
            if (e.getKey().equals("anchor")) {
                anchor = e.getValue();
                hasAnchor = true;
                continue;
            }
            if (m != null) throw NestException.badProperty("Mask definition dictionary contains extraneous items.");
            if (!(e.getValue() instanceof Map)) {
                throw new NestException("TypeMismatch", "Expected a dictionary for the parameters of mask '" + e.getKey() + "'.");
            }
            m = create(e.getKey(), (Map<String, Object>) e.getValue());
        }
        if (m == null) throw NestException.badProperty("Mask definition dictionary must contain a mask type.");
        if (hasAnchor) {
            if (anchor instanceof long[]) {
                long[] a = (long[]) anchor;
                if (a.length == 2 || a.length == 3) {
                    if (!(m instanceof GridMask) || ((GridMask) m).shape.length != a.length) {
                        throw NestException.badProperty("Mask must be " + a.length + "-dimensional grid mask.");
                    }
                    ((GridMask) m).setAnchor(a);
                    return m;
                }
            }
            double[] a = new Status(Map.of("anchor", anchor), "mask").da("anchor", null);
            if (a.length != 2 && a.length != 3) throw NestException.badProperty("Anchor must be 2- or 3-dimensional.");
            if (m.dims != a.length) throw NestException.badProperty("Mask is incompatible with layer.");
            m = new Anchored(m, a);
        }
        return m;
    }

    static Mask create(String type, Map<String, Object> d) {
        Status s = new Status(d, "mask");
        Mask m;
        switch (type) {
            case "circular":
            case "spherical": {
                int D = type.equals("circular") ? 2 : 3;
                if (!s.has("radius")) throw missing("radius");
                double r = s.d("radius", 0);
                if (r <= 0) throw NestException.badProperty("nest::BallMask<D>: radius > 0 required.");
                double[] c = s.has("anchor") ? vec(s, "anchor", D) : new double[D];
                m = new Ball(c, r);
                break;
            }
            case "rectangular":
            case "box": {
                int D = type.equals("rectangular") ? 2 : 3;
                if (!s.has("lower_left")) throw missing("lower_left");
                if (!s.has("upper_right")) throw missing("upper_right");
                double[] ll = vec(s, "lower_left", D), ur = vec(s, "upper_right", D);
                for (int i = 0; i < D; i++) {
                    if (!(ll[i] < ur[i])) {
                        throw NestException.badProperty("nest::BoxMask<D>: Upper right must be strictly to the right and above lower left.");
                    }
                }
                double az = s.d("azimuth_angle", 0.0);
                double pol = 0.0;
                if (s.has("polar_angle")) {
                    if (D == 2) throw NestException.badProperty("nest::BoxMask<D>: polar_angle not defined in 2D.");
                    pol = s.d("polar_angle", 0.0);
                }
                m = new Box(ll, ur, az, pol);
                break;
            }
            case "elliptical":
            case "ellipsoidal": {
                int D = type.equals("elliptical") ? 2 : 3;
                if (!s.has("major_axis")) throw missing("major_axis");
                if (!s.has("minor_axis")) throw missing("minor_axis");
                double a = s.d("major_axis", 0), b = s.d("minor_axis", 0);
                if (a <= 0 || b <= 0) throw NestException.badProperty("nest::EllipseMask<D>: All axis > 0 required.");
                if (a < b) throw NestException.badProperty("nest::EllipseMask<D>: major_axis greater than minor_axis required.");
                double c3 = 0;
                if (s.has("polar_axis")) {
                    if (D == 2) throw NestException.badProperty("nest::EllipseMask<D>: polar_axis not defined in 2D.");
                    c3 = s.d("polar_axis", 0);
                    if (c3 <= 0) throw NestException.badProperty("nest::EllipseMask<D>: All axis > 0 required.");
                }
                double[] ctr = s.has("anchor") ? vec(s, "anchor", D) : new double[D];
                double az = s.d("azimuth_angle", 0.0);
                double pol = 0.0;
                if (s.has("polar_angle")) {
                    if (D == 2) throw NestException.badProperty("nest::EllipseMask<D>: polar_angle not defined in 2D.");
                    pol = s.d("polar_angle", 0.0);
                }
                m = new Ellipse(ctr, a, b, c3, az, pol);
                break;
            }
            case "doughnut": {
                double[] ctr = s.has("anchor") ? vec(s, "anchor", 2) : new double[2];
                if (!s.has("outer_radius")) throw missing("outer_radius");
                if (!s.has("inner_radius")) throw missing("inner_radius");
                double outer = s.d("outer_radius", 0), inner = s.d("inner_radius", 0);
                if (inner >= outer) throw NestException.badProperty("nest::create_doughnut: inner_radius < outer_radius required.");
                m = new Combined(2, new Ball(ctr, outer), new Ball(ctr.clone(), inner), "sub");
                break;
            }
            case "grid": {
                if (!s.has("shape")) throw missing("shape");
                long[] shape = s.la("shape", null);
                if (shape.length != 2 && shape.length != 3) throw NestException.badProperty("Grid mask must be 2- or 3-dimensional.");
                m = new GridMask(shape);
                break;
            }
            default:
                throw new NestException("UndefinedName", "Key '/" + type + "' does not exist in dictionary.");
        }
        s.checkAllAccessed();
        return m;
    }

    private static NestException missing(String key) {
        return new NestException("UndefinedName", "Key '/" + key + "' does not exist in dictionary.");
    }

    private static double[] vec(Status s, String key, int D) {
        double[] v = s.da(key, null);
        if (v.length != D) {
            throw NestException.badProperty("Expected a " + D + "-dimensional position for '" + key + "', got " + v.length
                    + " values.");
        }
        return v;
    }

    public static Mask combine(Object a, Object b, String op) {
        Mask x = (Mask) a, y = (Mask) b;
        if (x.dims != y.dims) throw NestException.badProperty("Masks must have same number of dimensions.");
        return new Combined(x.dims, x, y, op);
    }

    static double[] neg(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = -v[i];
        return r;
    }

    // ------------------------------------------------------------------ types

    /** BallMask: |p - center| <= radius. */
    static final class Ball extends Mask {
        final double[] c;
        final double r;

        Ball(double[] c, double r) {
            super(c.length);
            this.c = c;
            this.r = r;
        }

        @Override
        public boolean inside(double[] p) {
            double sum = 0;
            for (int i = 0; i < dims; i++) {
                double di = Math.abs(p[i] - c[i]);
                if (di > r) return false;
                sum += di;
            }
            if (sum <= r) return true;
            double s2 = 0;
            for (int i = 0; i < dims; i++) {
                double di = p[i] - c[i];
                s2 += di * di;
            }
            return Math.sqrt(s2) <= r;
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            return cornersInside(lo, hi);
        }

        @Override
        public double[] bbLower() {
            double[] b = new double[dims];
            for (int i = 0; i < dims; i++) b[i] = c[i] - r;
            return b;
        }

        @Override
        public double[] bbUpper() {
            double[] b = new double[dims];
            for (int i = 0; i < dims; i++) b[i] = c[i] + r;
            return b;
        }

        @Override
        public Map<String, Object> dict() {
            Map<String, Object> d = new LinkedHashMap<>(), m = new LinkedHashMap<>();
            m.put("radius", r);
            m.put("anchor", c.clone());
            d.put(dims == 2 ? "circular" : "spherical", m);
            return d;
        }
    }

    /** BoxMask, optionally rotated by azimuth (about z) and polar (about y) angles in degrees. */
    static final class Box extends Mask {
        final double[] ll, ur, ctr, min, max;
        final double az, pol, ac, as, pc, ps;
        final boolean rotated;
        /** scratch for the rotated point */
        private final double[] rot;
        static final double EPS = 1e-12;

        Box(double[] ll, double[] ur, double azimuth, double polar) {
            super(ll.length);
            this.ll = ll;
            this.ur = ur;
            this.az = azimuth;
            this.pol = polar;
            ac = GlibcTrig.cos(az * Math.PI / 180.);
            as = GlibcTrig.sin(az * Math.PI / 180.);
            pc = GlibcTrig.cos(pol * Math.PI / 180.);
            ps = GlibcTrig.sin(pol * Math.PI / 180.);
            ctr = new double[dims];
            for (int i = 0; i < dims; i++) ctr[i] = (ur[i] + ll[i]) * 0.5;
            rotated = az != 0.0 || pol != 0.0;
            rot = new double[dims];
            if (!rotated) {
                min = ll.clone();
                max = ur.clone();
            } else {
                min = new double[dims];
                max = new double[dims];
                java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
                int corners = 1 << dims;
                double[] q = new double[dims], r = new double[dims];
                for (int k = 0; k < corners; k++) {
                    for (int i = 0; i < dims; i++) q[i] = ((k >> i) & 1) == 0 ? ll[i] : ur[i];
                    rotate(q, r);
                    for (int i = 0; i < dims; i++) {
                        min[i] = Math.min(min[i], r[i]);
                        max[i] = Math.max(max[i], r[i]);
                    }
                }
            }
        }

        /** a corner of the unrotated box -> its position in the rotated box */
        private void rotate(double[] q, double[] out) {
            double x = q[0] - ctr[0], y = q[1] - ctr[1];
            double xr = x * ac - y * as, yr = x * as + y * ac;
            if (dims == 2) {
                out[0] = xr + ctr[0];
                out[1] = yr + ctr[1];
            } else {
                double z = q[2] - ctr[2];
                out[0] = xr * pc - z * ps + ctr[0];
                out[1] = yr + ctr[1];
                out[2] = xr * ps + z * pc + ctr[2];
            }
        }

        @Override
        public boolean inside(double[] p) {
            if (!rotated) {
                for (int i = 0; i < dims; i++) {
                    if (!(ll[i] <= p[i] && p[i] <= ur[i])) return false;
                }
                return true;
            }
            double[] np = rot;
            double x = p[0] - ctr[0], y = p[1] - ctr[1];
            if (dims == 2) {
                np[0] = x * ac + y * as + ctr[0];
                np[1] = -x * as + y * ac + ctr[1];
            } else {
                double z = p[2] - ctr[2];
                np[0] = (x * ac + y * as) * pc - z * ps + ctr[0];
                np[1] = -x * as + y * ac + ctr[1];
                np[2] = (x * ac + y * as) * ps + z * pc + ctr[2];
            }
            for (int i = 0; i < dims; i++) {
                if (!(ll[i] - EPS <= np[i] && np[i] <= ur[i] + EPS)) return false;
            }
            return true;
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            return inside(lo) && inside(hi);
        }

        @Override
        public double[] bbLower() {
            return min.clone();
        }

        @Override
        public double[] bbUpper() {
            return max.clone();
        }

        @Override
        public Map<String, Object> dict() {
            Map<String, Object> d = new LinkedHashMap<>(), m = new LinkedHashMap<>();
            m.put("lower_left", ll.clone());
            m.put("upper_right", ur.clone());
            m.put("azimuth_angle", az);
            m.put("polar_angle", pol);
            d.put(dims == 2 ? "rectangular" : "box", m);
            return d;
        }
    }

    /** EllipseMask: ellipse (2-D) or ellipsoid (3-D), axes given as full lengths. */
    static final class Ellipse extends Mask {
        final double[] c, bbl, bbu;
        final double a, b, cc, az, pol, xs, ys, zs, ac, as, pc, ps;

        Ellipse(double[] c, double a, double b, double cc, double az, double pol) {
            super(c.length);
            this.c = c;
            this.a = a;
            this.b = b;
            this.cc = cc;
            this.az = az;
            this.pol = pol;
            xs = 4.0 / (a * a);
            ys = 4.0 / (b * b);
            zs = cc > 0 ? 4.0 / (cc * cc) : 0.0;
            ac = GlibcTrig.cos(az * Math.PI / 180.);
            as = GlibcTrig.sin(az * Math.PI / 180.);
            pc = GlibcTrig.cos(pol * Math.PI / 180.);
            ps = GlibcTrig.sin(pol * Math.PI / 180.);
            double[] radii;
            if (az == 0.0 && pol == 0.0) {
                radii = new double[] {a / 2.0, b / 2.0, cc / 2.0};
            } else {
                double g = Math.max(a, cc) / 2.0;
                radii = new double[] {g, g, g};
            }
            bbl = new double[dims];
            bbu = new double[dims];
            for (int i = 0; i < dims; i++) {
                bbl[i] = c[i] - radii[i];
                bbu[i] = c[i] + radii[i];
            }
        }

        @Override
        public boolean inside(double[] p) {
            double dx = p[0] - c[0], dy = p[1] - c[1];
            if (dims == 2) {
                double nx = dx * ac + dy * as;
                double ny = dx * as - dy * ac;
                return nx * nx * xs + ny * ny * ys <= 1;
            }
            double dz = p[2] - c[2];
            double nx = (dx * ac + dy * as) * pc - dz * ps;
            double ny = dx * as - dy * ac;
            double nz = (dx * ac + dy * as) * ps + dz * pc;
            return nx * nx * xs + ny * ny * ys + nz * nz * zs <= 1;
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            return cornersInside(lo, hi);
        }

        @Override
        public double[] bbLower() {
            return bbl.clone();
        }

        @Override
        public double[] bbUpper() {
            return bbu.clone();
        }

        @Override
        public Map<String, Object> dict() {
            Map<String, Object> d = new LinkedHashMap<>(), m = new LinkedHashMap<>();
            m.put("major_axis", a);
            m.put("minor_axis", b);
            m.put("polar_axis", cc);
            m.put("anchor", c.clone());
            m.put("azimuth_angle", az);
            m.put("polar_angle", pol);
            d.put(dims == 2 ? "elliptical" : "ellipsoidal", m);
            return d;
        }
    }

    /** Intersection (and), union (or), difference (sub). */
    static final class Combined extends Mask {
        final Mask m1, m2;
        final String op;

        Combined(int dims, Mask m1, Mask m2, String op) {
            super(dims);
            if (m1 instanceof GridMask || m2 instanceof GridMask) {
                throw NestException.badProperty("Grid masks cannot be combined with other masks.");
            }
            this.m1 = m1;
            this.m2 = m2;
            this.op = op;
        }

        @Override
        public boolean inside(double[] p) {
            switch (op) {
                case "and": return m1.inside(p) && m2.inside(p);
                case "or": return m1.inside(p) || m2.inside(p);
                default: return m1.inside(p) && !m2.inside(p);
            }
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            switch (op) {
                case "and": return m1.insideBox(lo, hi) && m2.insideBox(lo, hi);
                case "or": return m1.insideBox(lo, hi) || m2.insideBox(lo, hi);
                default: return m1.insideBox(lo, hi) && m2.outsideBox(lo, hi);
            }
        }

        @Override
        public boolean outsideBox(double[] lo, double[] hi) {
            switch (op) {
                case "and": return m1.outsideBox(lo, hi) || m2.outsideBox(lo, hi);
                case "or": return m1.outsideBox(lo, hi) && m2.outsideBox(lo, hi);
                default: return m1.outsideBox(lo, hi) || m2.insideBox(lo, hi);
            }
        }

        @Override
        public double[] bbLower() {
            double[] a = m1.bbLower();
            if (op.equals("sub")) return a;
            double[] b = m2.bbLower();
            for (int i = 0; i < dims; i++) a[i] = op.equals("and") ? Math.max(a[i], b[i]) : Math.min(a[i], b[i]);
            return a;
        }

        @Override
        public double[] bbUpper() {
            double[] a = m1.bbUpper();
            if (op.equals("sub")) return a;
            double[] b = m2.bbUpper();
            for (int i = 0; i < dims; i++) a[i] = op.equals("and") ? Math.min(a[i], b[i]) : Math.max(a[i], b[i]);
            return a;
        }

        @Override
        public Map<String, Object> dict() {
            // NEST: doughnuts (a difference of two balls) report as doughnut
            if (op.equals("sub") && m1 instanceof Ball && m2 instanceof Ball && dims == 2) {
                Map<String, Object> d = new LinkedHashMap<>(), m = new LinkedHashMap<>();
                m.put("outer_radius", ((Ball) m1).r);
                m.put("inner_radius", ((Ball) m2).r);
                m.put("anchor", ((Ball) m1).c.clone());
                d.put("doughnut", m);
                return d;
            }
            return super.dict();
        }
    }

    /** AnchoredMask: the mask shifted by anchor. */
    static final class Anchored extends Mask {
        final Mask m;
        final double[] a;

        Anchored(Mask m, double[] a) {
            super(m.dims);
            this.m = m;
            this.a = a;
            this.q = new double[m.dims];
        }

        /** scratch for the shifted point (masks are used by one connection builder at a time) */
        private final double[] q;

        @Override
        public boolean inside(double[] p) {
            for (int i = 0; i < dims; i++) q[i] = p[i] - a[i];
            return m.inside(q);
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            return m.insideBox(minus(lo, a), minus(hi, a));
        }

        @Override
        public boolean outsideBox(double[] lo, double[] hi) {
            return m.outsideBox(minus(lo, a), minus(hi, a));
        }

        @Override
        public double[] bbLower() {
            double[] b = m.bbLower();
            for (int i = 0; i < dims; i++) b[i] += a[i];
            return b;
        }

        @Override
        public double[] bbUpper() {
            double[] b = m.bbUpper();
            for (int i = 0; i < dims; i++) b[i] += a[i];
            return b;
        }

        @Override
        public Map<String, Object> dict() {
            Map<String, Object> d = m.dict();
            d.put("anchor", a.clone());
            return d;
        }
    }

    /** ConverseMask: the mask mirrored through the origin. */
    static final class Converse extends Mask {
        final Mask m;

        private final double[] q;

        Converse(Mask m) {
            super(m.dims);
            this.m = m;
            this.q = new double[m.dims];
        }

        @Override
        public boolean inside(double[] p) {
            for (int i = 0; i < dims; i++) q[i] = -p[i];
            return m.inside(q);
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            return m.insideBox(neg(hi), neg(lo));
        }

        @Override
        public boolean outsideBox(double[] lo, double[] hi) {
            return m.outsideBox(neg(hi), neg(lo));
        }

        @Override
        public double[] bbLower() {
            return neg(m.bbUpper());
        }

        @Override
        public double[] bbUpper() {
            return neg(m.bbLower());
        }
    }

    /** GridMask: a block of grid cells (columns x rows), for grid layers only. */
    static final class GridMask extends Mask {
        final long[] shape;
        long[] upperLeft, lowerRight;

        GridMask(long[] shape) {
            super(shape.length);
            this.shape = shape;
            upperLeft = new long[shape.length];
            lowerRight = shape.clone();
        }

        void setAnchor(long[] a) {
            for (int i = 0; i < a.length; i++) {
                lowerRight[i] = lowerRight[i] - upperLeft[i] - a[i];
                upperLeft[i] = -a[i];
            }
        }

        @Override
        public boolean inside(double[] p) {
            throw NestException.kernel("Grid mask must be applied to a grid layer.");
        }

        @Override
        public boolean insideBox(double[] lo, double[] hi) {
            throw NestException.kernel("Grid mask must be applied to a grid layer.");
        }

        @Override
        public double[] bbLower() {
            throw NestException.kernel("Grid mask must be applied to a grid layer.");
        }

        @Override
        public double[] bbUpper() {
            throw NestException.kernel("Grid mask must be applied to a grid layer.");
        }

        @Override
        public Map<String, Object> dict() {
            Map<String, Object> d = new LinkedHashMap<>(), m = new LinkedHashMap<>();
            long[] s = new long[shape.length];
            for (int i = 0; i < s.length; i++) s[i] = lowerRight[i] - upperLeft[i];
            m.put("shape", s);
            d.put("grid", m);
            return d;
        }

        /** MaskedLayer::check_mask_: the box of layer coordinates the grid mask covers. */
        Box toBox(Layer layer, boolean allowOversized) {
            if (!layer.grid) throw NestException.badProperty("Grid masks can only be used with grid layers.");
            int D = layer.dims;
            if (D != dims) throw NestException.badProperty("Mask is incompatible with layer.");
            if (!allowOversized && layer.periodic) {
                for (int i = 0; i < D; i++) {
                    if (lowerRight[i] - upperLeft[i] > layer.shape[i]) {
                        throw NestException.badProperty("Mask size must not exceed layer size; set allow_oversized_mask to override.");
                    }
                }
            }
            double[] ll = new double[D], ur = new double[D];
            for (int i = 0; i < D; i++) {
                double cell = layer.extent[i] / layer.shape[i];
                ll[i] = cell * upperLeft[i] - cell * 0.5;
                ur[i] = cell * lowerRight[i] - cell * 0.5;
            }
            double y = ll[1];
            ll[1] = -ur[1];
            ur[1] = -y;
            return new Box(ll, ur, 0.0, 0.0);
        }
    }
}
