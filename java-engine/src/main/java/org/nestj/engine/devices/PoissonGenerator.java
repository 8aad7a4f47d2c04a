package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.PoissonTable;
import org.nestj.engine.kernel.StreamArray;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * poisson_generator — independent Poisson spike trains of {@code rate} (spikes/s) for each target
 * (NEST 3.9 models/poisson_generator.{h,cpp}). Each step, each target receives a spike event with
 * multiplicity drawn from Poisson(rate * h); the draw uses the target's own random stream, so the
 * result does not depend on the number of threads.
 */
public final class PoissonGenerator extends StimulationDevice {
    @PerNode public double[] rate;
    double[] mean, expMinusMean;
    PoissonTable[] table;

    public PoissonGenerator(int n) {
        super(n, false);
        rate = fill(n, 0.0);
    }

    @Override
    public PoissonGenerator make(int n) {
        return new PoissonGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getStim(i, d);
        d.put("rate", rate[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double r = s.d("rate", rate[i]);
        if (r < 0) throw badProperty("The rate cannot be negative.");
        setStim(i, s);
        rate[i] = r;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        mean = new double[n];
        expMinusMean = new double[n];
        double h = kernel.time.resolution();
        for (int i = 0; i < n; i++) {
            mean[i] = h * rate[i] * 1e-3;
            expMinusMean[i] = Math.exp(-mean[i]);
            if (table == null) table = new PoissonTable[n];
            table[i] = mean[i] < 30 ? new PoissonTable(StreamArray.poissonCdf(mean[i])) : null;
        }
    }

    /** Delivery reads only the emitted lags and mean, expMinusMean, table (fixed at Prepare). */
    @Override
    public boolean emissionsDeferrable() {
        return true;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (rate[i] <= 0) continue;
            for (int lag = from; lag < to; lag++) {
                if (isActive(i, origin + lag)) emit(i, lag, 1, 0, 0, 0);
            }
        }
    }

    @Override
    protected void deliverSegment(int i, Emissions e, long origin, ConnStore c, int a, int b, NodeBlock tb) {
        final int fg = (int) tb.firstGid;
        final double mu = mean[i], l = expMinusMean[i];
        final int cnt = e.count;
        final int len = tb.spikeSlotLength();
        final PoissonTable table = this.table[i];
        if (len > 0 && table != null) {
            // fast path: draws by table inversion from the targets' flat streams, added straight
            // into the targets' ring slots (slot computed incrementally, no per-event modulo or
            // call chain; counts of 0 add 0.0, which leaves the sums unchanged, so no branch); the
            // delay offsets of cont_delay_synapse connections stay below one step for these
            // on-grid spikes, so the delay in steps is the connection's and the offset does not
            // matter to these targets
            final int base = (int) (origin % len);
            final int[] lags = e.lag;
            final StreamArray st = tb.nodeStreams();
            final int[] counts = drawBuffer(cnt);
            final double[] buf = tb.spikeData();
            final int stride = tb.n;
            for (int k = a; k < b; k++) {
                final int ti = c.tgt[k] - fg;
                final double w = c.w[k];
                final int d = c.delay[k];
                final int b0 = tb.spikeSlotBase(ti, w);
                st.poissonRun(ti, table, cnt, counts);
                for (int j = 0; j < cnt; j++) {
                    int slot = base + lags[j] + d;
                    while (slot >= len) slot -= len;
                    buf[b0 + slot * stride] += w * counts[j];
                }
            }
            return;
        }
        for (int k = a; k < b; k++) {
            int ti = c.tgt[k] - fg;
            org.nestj.engine.kernel.Rng rng = tb.nodeRng(ti);
            double w = c.w[k];
            for (int j = 0; j < cnt; j++) {
                long m = rng.poisson(mu, l);
                if (m > 0) sendSpike(c, k, tb, ti, origin + e.lag[j], w, (int) m, i, 0.0);
            }
        }
    }

    private final ThreadLocal<int[][]> draws = ThreadLocal.withInitial(() -> new int[][] {new int[64]});

    private int[] drawBuffer(int cnt) {
        int[][] h = draws.get();
        if (h[0].length < cnt) h[0] = new int[Math.max(cnt, 2 * h[0].length)];
        return h[0];
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        long m = tb.nodeRng(ti).poisson(mean[i]);
        if (m > 0) {
            sendSpike(c, k, tb, ti, emitStep, c.w[k], (int) m, i, 0.0);
        }
    }
}
