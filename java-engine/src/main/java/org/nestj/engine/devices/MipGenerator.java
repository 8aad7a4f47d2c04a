package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * mip_generator — correlated spike trains by multiple interaction process (NEST 3.9
 * models/mip_generator.{h,cpp}): a parent Poisson process of {@code rate} (spikes/s), one draw per
 * step from the generator's own stream shared by all targets, and for each target every parent
 * spike is copied independently with probability p_copy (draws from the target's stream). As in
 * NEST, activity is checked at the start of the slice.
 */
public final class MipGenerator extends StimulationDevice {
    @PerNode public double[] rate, p_copy;
    double[] mean;

    public MipGenerator(int n) {
        super(n, false);
        rate = fill(n, 0.0);
        p_copy = fill(n, 1.0);
    }

    @Override
    public MipGenerator make(int n) {
        return new MipGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("rate", rate[i]);
        d.put("p_copy", p_copy[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double r = s.d("rate", rate[i]);
        double p = s.d("p_copy", p_copy[i]);
        if (r < 0) throw badProperty("Rate must be non-negative.");
        if (p < 0 || p > 1) throw badProperty("Copy probability must be in [0, 1].");
        setStim(i, s);
        rate[i] = r;
        p_copy[i] = p;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        mean = new double[n];
        double h = kernel.time.resolution();
        for (int i = 0; i < n; i++) mean[i] = h * rate[i] * 1e-3;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (!isActive(i, origin) || rate[i] <= 0) continue;
            Rng rng = nodeRng(i);
            for (int lag = from; lag < to; lag++) {
                long parents = rng.poisson(mean[i]);
                if (parents > 0) emit(i, lag, (int) parents, 0, 0, 0);
            }
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        Rng rng = tb.nodeRng(ti);
        int parents = e.mult[j];
        double p = p_copy[i];
        int m = 0;
        for (int q = 0; q < parents; q++) {
            if (rng.uniform() < p) m++;
        }
        if (m > 0) sendSpike(c, k, tb, ti, emitStep, c.w[k], m, i, 0.0);
    }
}
