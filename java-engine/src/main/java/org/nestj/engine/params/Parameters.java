package org.nestj.engine.params;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.params.Parameter.Ctx;
import org.nestj.engine.numerics.GlibcGamma;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;
import org.nestj.engine.numerics.GlibcTrig;

/**
 * The Parameter factory (NEST's CreateParameter and the SLI functions behind PyNEST's Parameter
 * arithmetic, nest.math and nest.logic) and the parameter types themselves (nestkernel/parameter.h):
 * constant, uniform, uniform_int, normal, lognormal, exponential; sum, difference, product,
 * quotient, compare, conditional, min, max, redraw, exp, sin, cos, pow.
 */
public final class Parameters {
    private Parameters() {
    }

    private static Object need(Status s, String key) {
        if (!s.has(key)) throw new NestException("UndefinedName", "Key '/" + key + "' does not exist in dictionary.");
        return s.raw(key);
    }

    private static double needD(Status s, String key) {
        need(s, key);
        return s.d(key, 0.0);
    }

    /** std::to_string(double) */
    static String cfmt(double v) {
        return String.format(java.util.Locale.ROOT, "%f", v);
    }

    /** dimension2d / dimension3d: one Parameter per coordinate, for free layer positions. */
    public static Dimension dimension(Object[] ps) {
        Parameter[] q = new Parameter[ps.length];
        for (int i = 0; i < ps.length; i++) q[i] = of(ps[i]);
        if (q.length != 2 && q.length != 3) throw NestException.badProperty("Number of dimensions must be 2 or 3.");
        return new Dimension(q);
    }

    /** CreateParameter({type: spec}). */
    public static Parameter create(String type, Map<String, Object> spec) {
        Status s = new Status(spec == null ? new java.util.LinkedHashMap<>() : spec, "CreateParameter");
        Parameter p;
        switch (type) {
            case "constant": {
                if (!s.has("value")) {
                    throw new NestException("UndefinedName", "Key '/value' does not exist in dictionary.");
                }
                p = new Constant(s.d("value", 0.0));
                break;
            }
            case "uniform": {
                double lo = s.d("min", 0.0), hi = s.d("max", 1.0);
                if (lo >= hi) throw NestException.badProperty("nest::UniformParameter: min < max required.");
                p = new Uniform(lo, hi - lo);
                break;
            }
            case "uniform_int": {
                long max = s.l("max", 1);
                if (max <= 0) throw NestException.badProperty("nest::UniformIntParameter: max > 0 required.");
                p = new UniformInt(max);
                break;
            }
            case "normal": {
                double mean = s.d("mean", 0.0), std = s.d("std", 1.0);
                if (!(std > 0)) throw NestException.badProperty("nest::NormalParameter: std > 0 required.");
                p = new Normal(mean, std, false);
                break;
            }
            case "lognormal": {
                double mean = s.d("mean", 0.0), std = s.d("std", 1.0);
                if (!(std > 0)) throw NestException.badProperty("nest::LognormalParameter: std > 0 required.");
                p = new Normal(mean, std, true);
                break;
            }
            case "exponential": {
                p = new Exponential(s.d("beta", 1.0));
                break;
            }
            case "position": {
                if (!s.has("dimension")) {
                    throw new NestException("BadParameterValue", "Dimension must be specified when creating a node position parameter.");
                }
                long dim = s.l("dimension", 0);
                if (dim < 0) throw new NestException("BadParameterValue", "Node position parameter dimension cannot be negative.");
                long ep = s.l("synaptic_endpoint", 0);
                if (ep < 0 || 2 < ep) {
                    throw new NestException("BadParameterValue", "Synaptic endpoint must either be unspecified (0), source (1) or target (2).");
                }
                p = new NodePos((int) dim, (int) ep);
                break;
            }
            case "distance": {
                long dim = s.l("dimension", 0);
                if (dim < 0) throw new NestException("BadParameterValue", "Spatial distance parameter dimension cannot be negative.");
                p = new Distance((int) dim);
                break;
            }
            case "exp_distribution": {
                Parameter x = of(need(s, "x"));
                double beta = needD(s, "beta");
                if (beta <= 0) {
                    throw NestException.badProperty("beta > 0 required for exponential distribution parameter, got beta=" + cfmt(beta));
                }
                p = new ExpDist(x, beta);
                break;
            }
            case "gaussian": {
                Parameter x = of(need(s, "x"));
                double mean = needD(s, "mean"), std = needD(s, "std");
                if (std <= 0) {
                    throw NestException.badProperty("std > 0 required for gaussian distribution parameter, got std=" + cfmt(std));
                }
                p = new Gaussian(x, mean, std);
                break;
            }
            case "gaussian2d": {
                Parameter x = of(need(s, "x")), y = of(need(s, "y"));
                double mx = needD(s, "mean_x"), my = needD(s, "mean_y"), sx = needD(s, "std_x"), sy = needD(s, "std_y");
                double rho = needD(s, "rho");
                if (rho >= 1 || rho <= -1) {
                    throw NestException.badProperty("-1 < rho < 1 required for gaussian2d distribution parameter, got rho=" + cfmt(rho));
                }
                if (sx <= 0) {
                    throw NestException.badProperty("std_x > 0 required for gaussian2d distribution parameter, got std_x=" + cfmt(sx));
                }
                if (sy <= 0) {
                    throw NestException.badProperty("std_y > 0 required for gaussian2d distribution parameter, got std_y=" + cfmt(sy));
                }
                p = new Gaussian2D(x, y, mx, my, sx, sy, rho);
                break;
            }
            case "gamma": {
                Parameter x = of(need(s, "x"));
                double kappa = needD(s, "kappa"), theta = needD(s, "theta");
                if (kappa <= 0) {
                    throw NestException.badProperty("kappa > 0 required for gamma distribution parameter, got kappa=" + cfmt(kappa));
                }
                if (theta <= 0) {
                    throw NestException.badProperty("theta > 0 required for gamma distribution parameter, got theta=" + cfmt(theta));
                }
                p = new GammaDist(x, kappa, theta);
                break;
            }
            case "gabor": {
                Parameter x = of(need(s, "x")), y = of(need(s, "y"));
                double theta = needD(s, "theta"), gamma = needD(s, "gamma"), std = needD(s, "std");
                double lam = needD(s, "lam"), psi = needD(s, "psi");
                if (std <= 0) {
                    throw NestException.badProperty("std > 0 required for gabor function parameter, got std=" + cfmt(std));
                }
                if (gamma <= 0) {
                    throw NestException.badProperty("gamma > 0 required for gabor function parameter, got gamma=" + cfmt(gamma));
                }
                p = new Gabor(x, y, theta, gamma, std, lam, psi);
                break;
            }
            default:
                throw new NestException("UndefinedName", "Key '/" + type + "' does not exist in dictionary.");
        }
        StringBuilder unread = null;
        for (String k : s.map().keySet()) {
            boolean read;
            switch (type) {
                case "constant": read = k.equals("value"); break;
                case "uniform": read = k.equals("min") || k.equals("max"); break;
                case "uniform_int": read = k.equals("max"); break;
                case "normal": case "lognormal": read = k.equals("mean") || k.equals("std"); break;
                case "exponential": read = k.equals("beta"); break;
                default: read = true; break;   // the spatial types read their entries above
            }
            if (!read) {
                if (unread == null) unread = new StringBuilder();
                unread.append(' ').append(k);
            }
        }
        if (unread != null) {
            throw Status.unusedItems(unread.toString());
        }
        return p;
    }

    /** A constant, or the Parameter itself. */
    public static Parameter of(Object v) {
        if (v instanceof Parameter) return (Parameter) v;
        if (v instanceof Number) return new Constant(((Number) v).doubleValue());
        throw new NestException("TypeMismatch", "Expected a Parameter or a number, got " + v + ".");
    }

    public static Parameter binary(String op, Object a, Object b) {
        Parameter x = of(a), y = of(b);
        switch (op) {
            case "add": return new Binary(0, x, y);
            case "sub": return new Binary(1, x, y);
            case "mul": return new Binary(2, x, y);
            case "div": return new Binary(3, x, y);
            default: throw new NestException("UndefinedName", "Unknown Parameter operation '" + op + "'.");
        }
    }

    public static Parameter compare(Object a, Object b, long comparator) {
        if (comparator < 0 || comparator > 5) {
            throw NestException.badParameter("Comparator specification has to be in the range 0-5.");
        }
        return new Compare(of(a), of(b), (int) comparator);
    }

    public static Parameter conditional(Object c, Object t, Object f) {
        return new Conditional(of(c), of(t), of(f));
    }

    /** exp, sin, cos (no args); min, max, pow (one arg); redraw (min, max). */
    public static Parameter function(String fn, Object p, double[] args) {
        Parameter x = of(p);
        switch (fn) {
            case "exp": return new Unary(0, x);
            case "sin": return new Unary(1, x);
            case "cos": return new Unary(2, x);
            case "min": return new MinMax(x, args[0], true);
            case "max": return new MinMax(x, args[0], false);
            case "pow": return new Pow(x, args[0]);
            case "redraw": {
                if (args[0] > args[1]) throw new NestException("BadParameterValue", "min <= max required.");
                return new Redraw(x, args[0], args[1]);
            }
            default: throw new NestException("UndefinedName", "Unknown Parameter function '" + fn + "'.");
        }
    }

    // ------------------------------------------------------------------ types

    public static final class Constant extends Parameter {
        public final double v;

        public Constant(double v) {
            this.v = v;
            intOnly = isInteger(v);
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return v;
        }

        @Override
        public boolean resettable() {
            return true;
        }
    }

    static final class Uniform extends Parameter {
        final double lower, range;

        Uniform(double lower, double range) {
            this.lower = lower;
            this.range = range;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return lower + rng.uniform() * range;
        }
    }

    static final class UniformInt extends Parameter {
        final long max;

        UniformInt(long max) {
            this.max = max;
            intOnly = true;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return rng.uniformInt(max);
        }
    }

    static final class Normal extends Parameter {
        final double mean, std;
        final boolean log;

        Normal(double mean, double std, boolean log) {
            this.mean = mean;
            this.std = std;
            this.log = log;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double x = mean + std * rng.normal();
            return log ? GlibcMath.exp(x) : x;
        }
    }

    static final class Exponential extends Parameter {
        final double beta;

        Exponential(double beta) {
            this.beta = beta;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return beta * -GlibcLog.log(1.0 - rng.uniform());
        }
    }

    static final class Binary extends Parameter {
        final int op;
        final Parameter a, b;

        Binary(int op, Parameter a, Parameter b) {
            this.op = op;
            this.a = a;
            this.b = b;
            intOnly = a.intOnly && b.intOnly;
        }

        @Override
        public boolean isSpatial() {
            return a.isSpatial() || b.isSpatial();
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double x = a.eval(rng, gid, c), y = b.eval(rng, gid, c);
            switch (op) {
                case 0: return x + y;
                case 1: return x - y;
                case 2: return x * y;
                default: return x / y;
            }
        }
    }

    static final class Compare extends Parameter {
        final Parameter a, b;
        final int cmp;

        Compare(Parameter a, Parameter b, int cmp) {
            this.a = a;
            this.b = b;
            this.cmp = cmp;
            intOnly = true;
        }

        @Override
        public boolean isSpatial() {
            return a.isSpatial() || b.isSpatial();
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double x = a.eval(rng, gid, c), y = b.eval(rng, gid, c);
            boolean r;
            switch (cmp) {
                case 0: r = x < y; break;
                case 1: r = x <= y; break;
                case 2: r = x == y; break;
                case 3: r = x != y; break;
                case 4: r = x >= y; break;
                default: r = x > y; break;
            }
            return r ? 1.0 : 0.0;
        }
    }

    static final class Conditional extends Parameter {
        final Parameter cond, t, f;

        Conditional(Parameter c, Parameter t, Parameter f) {
            this.cond = c;
            this.t = t;
            this.f = f;
            intOnly = t.intOnly && f.intOnly;
        }

        @Override
        public boolean isSpatial() {
            return cond.isSpatial() || t.isSpatial() || f.isSpatial();
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return cond.eval(rng, gid, c) != 0.0 ? t.eval(rng, gid, c) : f.eval(rng, gid, c);
        }
    }

    /** A parameter computed from one other parameter p (spatial if p is). */
    abstract static class Wrapping extends Parameter {
        final Parameter p;

        Wrapping(Parameter p) {
            this.p = p;
        }

        @Override
        public boolean isSpatial() {
            return p.isSpatial();
        }
    }

    static final class MinMax extends Wrapping {
        final double other;
        final boolean min;

        MinMax(Parameter p, double other, boolean min) {
            super(p);
            this.other = other;
            this.min = min;
            intOnly = p.intOnly && isInteger(other);
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double x = p.eval(rng, gid, c);
            return min ? Math.min(x, other) : Math.max(x, other);
        }
    }

    static final class Redraw extends Wrapping {
        final double lo, hi;

        Redraw(Parameter p, double lo, double hi) {
            super(p);
            this.lo = lo;
            this.hi = hi;
            intOnly = p.intOnly;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double v;
            int n = 0;
            do {
                if (n++ == 1000) throw NestException.kernel("Number of redraws exceeded limit of 1000");
                v = p.eval(rng, gid, c);
            } while (v < lo || v > hi);
            return v;
        }
    }

    static final class Unary extends Wrapping {
        final int fn;

        Unary(int fn, Parameter p) {
            super(p);
            this.fn = fn;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double x = p.eval(rng, gid, c);
            switch (fn) {
                case 0: return GlibcMath.exp(x);
                case 1: return GlibcTrig.sin(x);
                default: return GlibcTrig.cos(x);
            }
        }
    }

    static final class Pow extends Wrapping {
        final double e;

        Pow(Parameter p, double e) {
            super(p);
            this.e = e;
            intOnly = p.intOnly;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return GlibcMath.pow(p.eval(rng, gid, c), e);
        }
    }

    // ------------------------------------------------------------------ spatial types

    /** nest.spatial.dimension2d/3d: the coordinates of free layer positions. */
    public static final class Dimension extends Parameter {
        public final Parameter[] p;

        Dimension(Parameter[] p) {
            this.p = p;
        }

        @Override
        public boolean isSpatial() {
            return true;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            throw NestException.kernel("Cannot get value of DimensionParameter.");
        }

        /** one position, its coordinates drawn in order x, y(, z) */
        public void draw(Rng rng, double[] out) {
            for (int i = 0; i < p.length; i++) out[i] = p[i].value(rng, 0L);
        }
    }

    /** NEST's NodePosParameter: nest.spatial.pos (endpoint 0), source_pos (1), target_pos (2). */
    static final class NodePos extends Parameter {
        final int dim, endpoint;

        NodePos(int dim, int endpoint) {
            this.dim = dim;
            this.endpoint = endpoint;
        }

        @Override
        public boolean isSpatial() {
            return true;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            if (c != null && c.connecting()) {
                switch (endpoint) {
                    case 0: throw new NestException("BadParameterValue", "Node position parameter cannot be used when connecting.");
                    case 1: return c.spos[dim];
                    default: return c.tpos[dim];
                }
            }
            if (endpoint != 0) throw new NestException("BadParameterValue", "Source or target position parameter can only be used when connecting.");
            if (gid == 0) {
                throw NestException.kernel("Node position parameter can only be used when connecting spatially distributed nodes.");
            }
            if (c == null || c.nodePos == null) throw NestException.kernel("NodePosParameter: not meta");
            if (dim >= c.nodePos.length) {
                throw NestException.kernel("Node position dimension must be within the defined number of dimensions for the node.");
            }
            return c.nodePos[dim];
        }
    }

    /** NEST's SpatialDistanceParameter: the distance (dimension 0) or |displacement| along x, y, z (1-3). */
    static final class Distance extends Parameter {
        final int dim;

        Distance(int dim) {
            this.dim = dim;
        }

        @Override
        public boolean isSpatial() {
            return true;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            if (c == null || !c.connecting()) {
                throw new NestException("BadParameterValue", "Spatial distance parameter can only be used when connecting.");
            }
            switch (dim) {
                case 0:
                    return c.layer.distance(c.spos, c.tpos);
                case 1: case 2: case 3:
                    if (dim > c.layer.dims) {
                        throw NestException.kernel("Spatial distance dimension must be within the defined number of dimensions for the nodes.");
                    }
                    return Math.abs(c.layer.displacement(c.spos, c.tpos, dim - 1));
                default:
                    throw NestException.kernel("SpatialDistanceParameter dimension must be either 0 for unspecified, or 1-3 for x-z. Got " + dim);
            }
        }
    }

    abstract static class SpatialFn extends Parameter {
        @Override
        public boolean isSpatial() {
            return true;
        }
    }

    static final class ExpDist extends SpatialFn {
        final Parameter x;
        final double invBeta;

        ExpDist(Parameter x, double beta) {
            this.x = x;
            this.invBeta = 1.0 / beta;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            return GlibcMath.exp(-x.eval(rng, gid, c) * invBeta);
        }
    }

    static final class Gaussian extends SpatialFn {
        final Parameter x;
        final double mean, inv2s2;

        Gaussian(Parameter x, double mean, double std) {
            this.x = x;
            this.mean = mean;
            this.inv2s2 = 1.0 / (2 * std * std);
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double dx = x.eval(rng, gid, c) - mean;
            return GlibcMath.exp(-dx * dx * inv2s2);
        }
    }

    static final class Gaussian2D extends SpatialFn {
        final Parameter x, y;
        final double mx, my, cx, cy, cxy;

        Gaussian2D(Parameter x, Parameter y, double mx, double my, double sx, double sy, double rho) {
            this.x = x;
            this.y = y;
            this.mx = mx;
            this.my = my;
            this.cx = 1. / (2. * (1. - rho * rho) * sx * sx);
            this.cy = 1. / (2. * (1. - rho * rho) * sy * sy);
            this.cxy = rho / ((1. - rho * rho) * sx * sy);
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double dx = x.eval(rng, gid, c) - mx;
            double dy = y.eval(rng, gid, c) - my;
            return GlibcMath.exp(-dx * dx * cx - dy * dy * cy + dx * dy * cxy);
        }
    }

    static final class Gabor extends SpatialFn {
        final Parameter x, y;
        final double cos, sin, gamma, inv2s2, lambda, psi;

        Gabor(Parameter x, Parameter y, double theta, double gamma, double std, double lambda, double psi) {
            this.x = x;
            this.y = y;
            this.cos = GlibcTrig.cos(theta * Math.PI / 180.);
            this.sin = GlibcTrig.sin(theta * Math.PI / 180.);
            this.gamma = gamma;
            this.inv2s2 = 1.0 / (2 * std * std);
            this.lambda = lambda;
            this.psi = psi;
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double dx = x.eval(rng, gid, c), dy = y.eval(rng, gid, c);
            double xp = dx * cos + dy * sin;
            double yp = -dx * sin + dy * cos;
            double e = GlibcMath.exp(-gamma * gamma * xp * xp * inv2s2 - yp * yp * inv2s2);
            double cp = Math.max(GlibcTrig.cos(2 * Math.PI * yp / lambda + psi * Math.PI / 180.), 0.);
            return e * cp;
        }
    }

    static final class GammaDist extends SpatialFn {
        final Parameter x;
        final double kappa, invTheta, delta;

        GammaDist(Parameter x, double kappa, double theta) {
            this.x = x;
            this.kappa = kappa;
            this.invTheta = 1.0 / theta;
            this.delta = GlibcMath.pow(invTheta, kappa) / GlibcGamma.tgamma(kappa);
        }

        @Override
        public double eval(Rng rng, long gid, Ctx c) {
            double v = x.eval(rng, gid, c);
            return GlibcMath.pow(v, kappa - 1.) * GlibcMath.exp(-1. * invTheta * v) * delta;
        }
    }
}
