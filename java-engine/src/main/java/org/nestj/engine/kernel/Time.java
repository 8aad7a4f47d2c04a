package org.nestj.engine.kernel;

/**
 * NEST's time representation (nestkernel/nest_time.h): times are integer tics (1000 per ms unless
 * the kernel attribute tics_per_ms is set together with the resolution), the resolution is a whole
 * number of tics per step. As in NEST (Time::Range), the tic length is global to the process. Conversions round exactly as NEST does:
 * ms to tics by adding 0.5 and truncating, tics to steps by rounding up, delays (ms to steps)
 * by rounding to nearest, spike stamps (ms_stamp) up to the next grid point.
 */
public final class Time {
    /** NEST's compiled-in default tic count per ms (CONFIG_TICS_PER_MS). */
    public static final double TICS_PER_MS_DEFAULT = 1000.0;
    /** Tics per ms and ms per tic (Time::Range::TICS_PER_MS, MS_PER_TIC); changed only by setResolution. */
    public static double TICS_PER_MS = TICS_PER_MS_DEFAULT;
    public static double MS_PER_TIC = 1.0 / TICS_PER_MS_DEFAULT;
    /** NEST's LIM_MAX.ms (Time::compute_max): finite times beyond this become +-infinity. */
    public static double LIM_MAX_MS = 1152921504606846.8;
    /** NEST's LIM_MAX.tics; Time::max().get_ms() is this times MS_PER_TIC (kernel attribute T_max). */
    public static long LIM_MAX_TICS = 1152921504606846900L;
    public static final long LIM_POS_INF_STEPS = Long.MAX_VALUE / 4;
    public static final long LIM_NEG_INF_STEPS = -Long.MAX_VALUE / 4;

    private long ticsPerStep = 100;
    private double ticsPerStepInv = 1.0 / 100;
    private double msPerStep = 0.1;
    private double stepsPerMs = 10.0;

    public void setResolution(double ms) {
        ticsPerStep = Math.round(ms * TICS_PER_MS);
        ticsPerStepInv = 1.0 / ticsPerStep;
        msPerStep = ticsPerStep / TICS_PER_MS;
        stepsPerMs = 1.0 / msPerStep;
        // Time::compute_max: the tic range (2^63 - 1) / INF_MARGIN limits, cut to whole steps
        long tics = Long.MAX_VALUE / 8;
        tics -= tics % ticsPerStep;
        LIM_MAX_TICS = tics;
        LIM_MAX_MS = (tics / ticsPerStep) * msPerStep;
    }

    /** Time::set_resolution(tics_per_ms, ms_per_step): a new tic length and resolution. */
    public void setResolution(double ticsPerMs, double ms) {
        TICS_PER_MS = ticsPerMs;
        MS_PER_TIC = 1.0 / ticsPerMs;
        setResolution(ms);
    }

    /** The current number of tics per ms (kernel attribute tics_per_ms). */
    public double ticsPerMs() {
        return TICS_PER_MS;
    }

    public long ticsPerStep() {
        return ticsPerStep;
    }

    /** The resolution in ms, as NEST reports it (tics times ms per tic). */
    public double resolution() {
        return ticsPerStep * MS_PER_TIC;
    }

    /** Time::ms(t): round to tics by +0.5 and truncation. */
    public static long msToTics(double ms) {
        if (Double.isInfinite(ms) || Math.abs(ms) >= LIM_MAX_MS) {
            return ms < 0 ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4;
        }
        return (long) (ms * TICS_PER_MS + 0.5);
    }

    public boolean isInfTics(long tics) {
        return tics >= Long.MAX_VALUE / 4 || tics <= Long.MIN_VALUE / 4;
    }

    /** Time::get_steps(): tics rounded up to whole steps. */
    public long ticsToSteps(long tics) {
        if (tics >= Long.MAX_VALUE / 4) return LIM_POS_INF_STEPS;
        if (tics <= Long.MIN_VALUE / 4) return LIM_NEG_INF_STEPS;
        return (long) ((tics + (ticsPerStep - 1)) * ticsPerStepInv);
    }

    /** Steps of a time given in ms, via tics (Time(Time::ms(t)).get_steps()). */
    public long msToSteps(double ms) {
        return ticsToSteps(msToTics(ms));
    }

    /** True if the time in ms lies on the step grid (Time::is_grid_time). */
    public boolean isGridTime(double ms) {
        long tics = msToTics(ms);
        return isInfTics(tics) || tics % ticsPerStep == 0;
    }

    /** Milliseconds of a step count: tics times ms per tic, as NEST's Time::get_ms(). */
    public double stepsToMs(long steps) {
        if (steps >= LIM_POS_INF_STEPS) return Double.POSITIVE_INFINITY;
        if (steps <= LIM_NEG_INF_STEPS) return Double.NEGATIVE_INFINITY;
        return (steps * ticsPerStep) * MS_PER_TIC;
    }

    /** Time::delay_ms_to_steps: round to nearest step. */
    public long delayMsToSteps(double ms) {
        return (long) Math.floor(ms * stepsPerMs + 0.5);
    }

    public double delayStepsToMs(long steps) {
        return steps * msPerStep;
    }

    /** Time::ms_stamp(t) in steps: the first grid point at or after t. */
    public long msStampToSteps(double t) {
        long n = (long) (t * TICS_PER_MS);
        n -= n % ticsPerStep;
        double ms = n * ticsPerStepInv * msPerStep;
        if (ms < t) {
            n += ticsPerStep;
        }
        return n / ticsPerStep;
    }

    public double msPerStep() {
        return msPerStep;
    }
}
