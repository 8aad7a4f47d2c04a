package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * poisson_generator_ps — for each target an independent Poisson process with dead time, spikes at
 * precise (off-grid) times (NEST 3.9 models/poisson_generator_ps.{h,cpp}). Intervals are
 * dead_time + Exp(1000/rate - dead_time) ms; the first interval after (re)start is drawn from the
 * stationary distribution (uniform in the dead time with probability dead_time * rate / 1000).
 * Each target keeps its next spike (stamp in steps and offset); per slice all of its spikes with
 * stamps in (t_min_active, t_max_active] are sent. Draws use the target's random stream.
 */
public final class PoissonGeneratorPs extends StimulationDevice {
    @PerNode public double[] rate, dead_time;
    @PerNode public boolean[] resetTargets;
    double[] invRateMs;
    /** per node, per target (device port): next spike stamp (steps; Long.MIN_VALUE = not drawn) and offset. */
    long[][] nextStamp;
    double[][] nextOff;

    public PoissonGeneratorPs(int n) {
        super(n, false);
        rate = fill(n, 0.0);
        dead_time = fill(n, 0.0);
        resetTargets = fillB(n, false);
    }

    @Override
    public PoissonGeneratorPs make(int n) {
        return new PoissonGeneratorPs(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("rate", rate[i]);
        d.put("dead_time", dead_time[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double dt = s.d("dead_time", dead_time[i]);
        if (dt < 0) throw badProperty("The dead time cannot be negative.");
        double r = s.d("rate", rate[i]);
        if (r < 0.0) throw badProperty("The rate cannot be negative.");
        if (1000.0 / r < dt) throw badProperty("The inverse rate cannot be smaller than the dead time.");
        boolean rateSet = s.has("rate");
        setStim(i, s);
        dead_time[i] = dt;
        rate[i] = r;
        if (rateSet) resetTargets[i] = true;
    }

    @Override
    public boolean isOffGrid(int i) {
        return true;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (invRateMs == null) {
            invRateMs = new double[n];
            nextStamp = new long[n][];
            nextOff = new double[n][];
        }
        for (int i = 0; i < n; i++) {
            invRateMs[i] = rate[i] > 0 ? 1000.0 / rate[i] - dead_time[i] : Double.POSITIVE_INFINITY;
            int nt = kernel.nodes.numTargets(this, i);
            long[] ns = nextStamp[i];
            boolean reset = ns == null || ns.length != nt || resetTargets[i];
            if (!reset && nt > 0) {
                long min = ns[0];
                for (long v : ns) min = Math.min(min, v);
                if (min != Long.MIN_VALUE && min < tMin[i]) reset = true;
            }
            if (reset) {
                nextStamp[i] = new long[nt];
                nextOff[i] = new double[nt];
                java.util.Arrays.fill(nextStamp[i], Long.MIN_VALUE);
                resetTargets[i] = false;
            }
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (rate[i] <= 0 || nextStamp[i].length == 0) continue;
            long tMinActive = Math.max(origin + from, tMin[i]);
            long tMaxActive = Math.min(origin + to, tMax[i]);
            if (tMinActive < tMaxActive) emit(i, from, 1, tMinActive, tMaxActive, 0);
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        final int port = c.port[k];
        final long tMinActive = (long) e.val[j];
        final long tMaxActive = (long) e.offset[j];
        final Rng rng = tb.nodeRng(ti);
        final double dead = dead_time[i], inv = invRateMs[i];
        long stamp = nextStamp[i][port];
        double off = nextOff[i][port];
        if (stamp == Long.MIN_VALUE) {
            double spikeOffset;
            if (dead > 0 && rng.uniform() < dead * rate[i] / 1000.0) {
                spikeOffset = rng.uniform() * dead;
            } else {
                spikeOffset = inv * rng.exponential() + dead;
            }
            long s = kernel.time.msStampToSteps(spikeOffset);
            off = kernel.time.stepsToMs(s) - spikeOffset;
            stamp = s + tMinActive;
        }
        // NEST's event_hook sets each spike's stamp and offset itself: a cont_delay_synapse's delay
        // offset (added to the event's offset 0 before, below one step) leaves no trace
        final long d = c.delay[k];
        while (stamp <= tMaxActive) {
            tb.handleSpike(ti, stamp - 1 + d, c.w[k], 1, c.rport[k], gid(i), stamp, off);
            final double newOffset = -off + inv * rng.exponential() + dead;
            if (newOffset < 0) {
                off = -newOffset;
            } else {
                long ds = kernel.time.msStampToSteps(newOffset);
                stamp += ds;
                off = kernel.time.stepsToMs(ds) - newOffset;
            }
        }
        nextStamp[i][port] = stamp;
        nextOff[i][port] = off;
    }
}
