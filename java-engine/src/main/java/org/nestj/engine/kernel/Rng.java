package org.nestj.engine.kernel;

/**
 * A random stream (xoshiro256**, seeded through SplitMix64). NEST uses mt19937_64 streams per
 * virtual process; nestj gives every stochastic node (and the connection builder) its own stream
 * derived from (rng_seed, purpose, node id), so results never depend on the number of threads.
 * Distributions: uniform, normal (polar method), exponential, Poisson (inversion for small means,
 * PTRS transformed rejection for large ones), binomial, gamma.
 */
public final class Rng {
    private long s0, s1, s2, s3;

    public Rng(long seed, long stream, long sub) {
        long x = seed * 0x9E3779B97F4A7C15L ^ (stream + 0x632BE59BD9B4E019L) * 0xBF58476D1CE4E5B9L
                ^ (sub + 0x2545F4914F6CDD1DL) * 0x94D049BB133111EBL;
        s0 = splitmix(x);
        s1 = splitmix(s0 ^ 0x5851F42D4C957F2DL);
        s2 = splitmix(s1 ^ 0x14057B7EF767814FL);
        s3 = splitmix(s2 ^ 0x7FB5D329728EA185L);
        for (int i = 0; i < 4; i++) nextLong();
    }

    private static long splitmix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        final long result = Long.rotateLeft(s1 * 5, 7) * 9;
        final long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in (0, 1). */
    public double uniformOpen() {
        double u;
        do {
            u = uniform();
        } while (u == 0.0);
        return u;
    }

    /** Uniform integer in [0, n). */
    public long uniformInt(long n) {
        if (n <= 0) throw new IllegalArgumentException("n must be positive");
        long bound = n;
        long r = nextLong() >>> 1;
        long m = bound - 1;
        if ((bound & m) == 0L) return r & m;
        for (long u = r; u - (r = u % bound) + m < 0L; u = nextLong() >>> 1) {
        }
        return r;
    }

    public double normal() {
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * Math.log(s) / s);
    }

    public double exponential() {
        return -Math.log(uniformOpen());
    }

    public long poisson(double mean) {
        if (mean <= 0) return 0;
        if (mean < 12.0) {
            double L = Math.exp(-mean);
            long k = 0;
            double p = uniform();
            while (p > L) {
                k++;
                p *= uniform();
            }
            return k;
        }
        return poissonPtrs(mean);
    }

    /** Poisson draw with exp(-mean) precomputed: inversion by sequential search for small means. */
    public long poisson(double mean, double expMinusMean) {
        if (mean <= 0) return 0;
        if (mean >= 12.0) return poissonPtrs(mean);
        double u = uniform();
        double p = expMinusMean;
        double f = p;
        long k = 0;
        while (u > f) {
            k++;
            p *= mean / k;
            double nf = f + p;
            if (nf == f) break; // numerical tail: stop
            f = nf;
        }
        return k;
    }

    /** Hoermann (1993) PTRS for mean >= 10. */
    private long poissonPtrs(double mu) {
        final double smu = Math.sqrt(mu);
        final double b = 0.931 + 2.53 * smu;
        final double a = -0.059 + 0.02483 * b;
        final double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        final double vr = 0.9277 - 3.6224 / (b - 2);
        final double logmu = Math.log(mu);
        while (true) {
            double U = uniform() - 0.5;
            double V = uniform();
            double us = 0.5 - Math.abs(U);
            long k = (long) Math.floor((2 * a / us + b) * U + mu + 0.43);
            if (us >= 0.07 && V <= vr) return k;
            if (k < 0 || (us < 0.013 && V > us)) continue;
            double lhs = Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b);
            double rhs = -mu + k * logmu - lgammaPlus1(k);
            if (lhs <= rhs) return k;
        }
    }

    /** log(k!) */
    public static double lgammaPlus1(long k) {
        if (k < 2) return 0.0;
        if (k < 30) {
            double r = 0;
            for (long i = 2; i <= k; i++) r += Math.log(i);
            return r;
        }
        double x = k + 1.0;
        // Stirling series for log Gamma(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x)
                + 1.0 / (1260 * x * x * x * x * x);
    }

    public long binomial(long n, double p) {
        if (p <= 0 || n <= 0) return 0;
        if (p >= 1) return n;
        if (n < 64) {
            long k = 0;
            for (long i = 0; i < n; i++) if (uniform() < p) k++;
            return k;
        }
        boolean flip = p > 0.5;
        double q = flip ? 1 - p : p;
        long k;
        if (n * q < 12) {
            // waiting-time method (geometric jumps)
            double lq = Math.log1p(-q);
            long x = 0;
            long sum = 0;
            while (true) {
                sum += (long) Math.floor(Math.log(uniformOpen()) / lq) + 1;
                if (sum > n) break;
                x++;
            }
            k = x;
        } else {
            // BTPE-free fallback: normal-free exact inversion by recursion from the mode
            k = binomialInversionFromMode(n, q);
        }
        return flip ? n - k : k;
    }

    private long binomialInversionFromMode(long n, double p) {
        double u = uniform();
        long mode = (long) Math.floor((n + 1) * p);
        double logpm = lgammaPlus1(n) - lgammaPlus1(mode) - lgammaPlus1(n - mode) + mode * Math.log(p)
                + (n - mode) * Math.log1p(-p);
        double pm = Math.exp(logpm);
        // search outward from the mode
        double cum = pm;
        if (u <= cum) return mode;
        double pl = pm, pr = pm;
        long l = mode, r = mode;
        double ratio = p / (1 - p);
        while (l > 0 || r < n) {
            if (r < n) {
                pr = pr * (n - r) / (r + 1) * ratio;
                r++;
                cum += pr;
                if (u <= cum) return r;
            }
            if (l > 0) {
                pl = pl * l / (n - l + 1) / ratio;
                l--;
                cum += pl;
                if (u <= cum) return l;
            }
        }
        return mode;
    }

    /** Gamma(shape k, scale 1), Marsaglia-Tsang. */
    public double gamma(double k) {
        if (k < 1.0) {
            return gamma(k + 1.0) * Math.pow(uniformOpen(), 1.0 / k);
        }
        double d = k - 1.0 / 3.0, c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = uniformOpen();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
