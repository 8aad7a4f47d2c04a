package org.nestj.engine.params;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;

/**
 * The Parameter factory (NEST's CreateParameter and the SLI functions behind PyNEST's Parameter
 * arithmetic, nest.math and nest.logic) and the parameter types themselves (nestkernel/parameter.h):
 * constant, uniform, uniform_int, normal, lognormal, exponential; sum, difference, product,
 * quotient, compare, conditional, min, max, redraw, exp, sin, cos, pow.
 */
public final class Parameters {
    private Parameters() {
    }

    private static final java.util.Set<String> SPATIAL = java.util.Set.of("distance", "position", "gaussian",
            "gaussian2D", "gamma", "exp_distribution", "gabor", "linear");

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
            default:
                if (SPATIAL.contains(type)) {
                    throw new NestException("NotImplemented", "Spatial parameter '" + type + "' is not available in nestj yet.");
                }
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
                default: read = k.equals("beta"); break;
            }
            if (!read) {
                if (unread == null) unread = new StringBuilder();
                unread.append(' ').append(k);
            }
        }
        if (unread != null) {
            throw new NestException("UnaccessedDictionaryEntry", "Unread dictionary entries:" + unread);
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
        public double value(Rng rng, long gid) {
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
        public double value(Rng rng, long gid) {
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
        public double value(Rng rng, long gid) {
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
        public double value(Rng rng, long gid) {
            double x = mean + std * rng.normal();
            return log ? Math.exp(x) : x;
        }
    }

    static final class Exponential extends Parameter {
        final double beta;

        Exponential(double beta) {
            this.beta = beta;
        }

        @Override
        public double value(Rng rng, long gid) {
            return beta * -Math.log(1.0 - rng.uniform());
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
        public double value(Rng rng, long gid) {
            double x = a.value(rng, gid), y = b.value(rng, gid);
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
        public double value(Rng rng, long gid) {
            double x = a.value(rng, gid), y = b.value(rng, gid);
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
        final Parameter c, t, f;

        Conditional(Parameter c, Parameter t, Parameter f) {
            this.c = c;
            this.t = t;
            this.f = f;
            intOnly = t.intOnly && f.intOnly;
        }

        @Override
        public boolean isSpatial() {
            return c.isSpatial() || t.isSpatial() || f.isSpatial();
        }

        @Override
        public double value(Rng rng, long gid) {
            return c.value(rng, gid) != 0.0 ? t.value(rng, gid) : f.value(rng, gid);
        }
    }

    static final class MinMax extends Parameter {
        final Parameter p;
        final double other;
        final boolean min;

        MinMax(Parameter p, double other, boolean min) {
            this.p = p;
            this.other = other;
            this.min = min;
            intOnly = p.intOnly && isInteger(other);
        }

        @Override
        public boolean isSpatial() {
            return p.isSpatial();
        }

        @Override
        public double value(Rng rng, long gid) {
            double x = p.value(rng, gid);
            return min ? Math.min(x, other) : Math.max(x, other);
        }
    }

    static final class Redraw extends Parameter {
        final Parameter p;
        final double lo, hi;

        Redraw(Parameter p, double lo, double hi) {
            this.p = p;
            this.lo = lo;
            this.hi = hi;
            intOnly = p.intOnly;
        }

        @Override
        public boolean isSpatial() {
            return p.isSpatial();
        }

        @Override
        public double value(Rng rng, long gid) {
            double v;
            int n = 0;
            do {
                if (n++ == 1000) throw NestException.kernel("Number of redraws exceeded limit of 1000");
                v = p.value(rng, gid);
            } while (v < lo || v > hi);
            return v;
        }
    }

    static final class Unary extends Parameter {
        final int fn;
        final Parameter p;

        Unary(int fn, Parameter p) {
            this.fn = fn;
            this.p = p;
        }

        @Override
        public boolean isSpatial() {
            return p.isSpatial();
        }

        @Override
        public double value(Rng rng, long gid) {
            double x = p.value(rng, gid);
            switch (fn) {
                case 0: return Math.exp(x);
                case 1: return Math.sin(x);
                default: return Math.cos(x);
            }
        }
    }

    static final class Pow extends Parameter {
        final Parameter p;
        final double e;

        Pow(Parameter p, double e) {
            this.p = p;
            this.e = e;
            intOnly = p.intOnly;
        }

        @Override
        public boolean isSpatial() {
            return p.isSpatial();
        }

        @Override
        public double value(Rng rng, long gid) {
            return Math.pow(p.value(rng, gid), e);
        }
    }
}
