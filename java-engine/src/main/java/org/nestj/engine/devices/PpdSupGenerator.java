package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcTrig;

/**
 * ppd_sup_generator — for each target, the superposition of n_proc independent Poisson processes
 * with dead time (NEST 3.9 models/ppd_sup_generator.{h,cpp}). Each target keeps an age
 * distribution: the number of active components and a ring of floor(dead_time / h) refractory
 * bins. Per step, Binomial(occ_active, hazard) components fire (Poisson approximation for large
 * occupations and small hazard), hazard = h / (1000/rate - dead_time), optionally modulated as
 * hazard (1 + relative_amplitude sin(2 pi frequency t / 1000)); fired components stay refractory
 * for the ring length. Draws use the target's random stream.
 */
public final class PpdSupGenerator extends StimulationDevice {
    @PerNode public double[] rate, dead_time, frequency, relative_amplitude;
    @PerNode public long[] n_proc;
    /** per node, per target (device port): active count, refractory ring and its read index. */
    long[][] active;
    long[][][] refractory;
    int[][] activate;
    double[] hazardStep, omega;

    public PpdSupGenerator(int n) {
        super(n, false);
        rate = fill(n, 0.0);
        dead_time = fill(n, 0.0);
        frequency = fill(n, 0.0);
        relative_amplitude = fill(n, 0.0);
        n_proc = fillL(n, 1);
    }

    @Override
    public PpdSupGenerator make(int n) {
        return new PpdSupGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("rate", rate[i]);
        d.put("dead_time", dead_time[i]);
        d.put("n_proc", n_proc[i]);
        d.put("frequency", frequency[i]);
        d.put("relative_amplitude", relative_amplitude[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double dt = s.d("dead_time", dead_time[i]);
        if (dt < 0) throw badProperty("The dead time cannot be negative.");
        double r = s.d("rate", rate[i]);
        if (1000.0 / r <= dt) throw badProperty("The inverse rate has to be larger than the dead time.");
        long np = s.l("n_proc", n_proc[i]);
        if (np < 1) throw badProperty("The number of component processes cannot be smaller than one");
        double f = s.d("frequency", frequency[i]);
        double a = s.d("relative_amplitude", relative_amplitude[i]);
        if (a > 1.0 || a < 0.0) throw badProperty("The relative amplitude of the rate modulation must be in [0,1].");
        setStim(i, s);
        dead_time[i] = dt;
        rate[i] = r;
        n_proc[i] = np;
        frequency[i] = f;
        relative_amplitude[i] = a;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (active == null) {
            active = new long[n][];
            refractory = new long[n][][];
            activate = new int[n][];
        }
        hazardStep = new double[n];
        omega = new double[n];
        double h = kernel.time.resolution();
        for (int i = 0; i < n; i++) {
            int bins = (int) (dead_time[i] / h);
            omega[i] = 2.0 * Math.PI * frequency[i] / 1000.0;
            hazardStep[i] = 1.0 / (1000.0 / rate[i] - dead_time[i]) * h;
            long ini = (long) (rate[i] / 1000.0 * n_proc[i] * h);
            int nt = kernel.nodes.numTargets(this, i);
            int old = active[i] == null ? 0 : active[i].length;
            if (old < nt) {
                long[] a = active[i] == null ? new long[nt] : java.util.Arrays.copyOf(active[i], nt);
                long[][] r = refractory[i] == null ? new long[nt][] : java.util.Arrays.copyOf(refractory[i], nt);
                int[] ac = activate[i] == null ? new int[nt] : java.util.Arrays.copyOf(activate[i], nt);
                for (int p = old; p < nt; p++) {
                    a[p] = n_proc[i] - ini * bins;
                    r[p] = new long[bins];
                    java.util.Arrays.fill(r[p], ini);
                    ac[p] = 0;
                }
                active[i] = a;
                refractory[i] = r;
                activate[i] = ac;
            }
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (rate[i] <= 0 || active[i].length == 0) continue;
            for (int lag = from; lag < to; lag++) {
                long t = origin + lag;
                if (!isActive(i, t)) continue;
                double hz = hazardStep[i];
                if (relative_amplitude[i] > 0.0 && frequency[i] != 0.0) {
                    double tms = kernel.time.stepsToMs(t);
                    hz = hazardStep[i] * (1.0 + relative_amplitude[i] * GlibcTrig.sin(omega[i] * tms));
                }
                emit(i, lag, 1, hz, 0, 0);
            }
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        int port = c.port[k];
        long occ = active[i][port];
        double hz = e.val[j];
        long spikes = 0;
        if (occ > 0) {
            Rng rng = tb.nodeRng(ti);
            if ((occ >= 100 && hz <= 0.01) || (occ >= 500 && hz * occ <= 0.1)) {
                spikes = rng.poisson(hz * occ);
                if (spikes > occ) spikes = occ;
            } else {
                spikes = rng.binomial(occ, hz);
            }
        }
        long[] ref = refractory[i][port];
        if (ref.length > 0) {
            int a = activate[i][port];
            active[i][port] = occ + ref[a] - spikes;
            ref[a] = spikes;
            activate[i][port] = (a + 1) % ref.length;
        }
        if (spikes > 0) {
            sendSpike(c, k, tb, ti, emitStep, c.w[k], (int) spikes, i, 0.0);
        }
    }
}
