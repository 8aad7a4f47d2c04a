package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * inhomogeneous_poisson_generator — independent Poisson spike trains for each target with a
 * piecewise constant rate: from rate_times[k] on the rate is rate_values[k] (spikes/s)
 * (NEST 3.9 models/inhomogeneous_poisson_generator.{h,cpp}). Rate times must lie strictly in the
 * future and on the grid, unless allow_offgrid_times (rounded up to the end of their step). The
 * rate of time stamp s+1 takes effect in the update of step s; each target then receives
 * Poisson(rate h) spikes, drawn from the target's random stream.
 */
public final class InhomogeneousPoissonGenerator extends StimulationDevice {
    @PerNode public long[][] stamps;
    @PerNode public double[][] values;
    @PerNode public boolean[] allowOffgrid;
    @PerNode public int[] idx;
    /** current rate in spikes/ms */
    @PerNode public double[] curRate;
    double h;

    public InhomogeneousPoissonGenerator(int n) {
        super(n, false);
        stamps = new long[n][];
        values = new double[n][];
        for (int i = 0; i < n; i++) {
            stamps[i] = new long[0];
            values[i] = new double[0];
        }
        allowOffgrid = fillB(n, false);
        idx = fillI(n, 0);
        curRate = fill(n, 0.0);
    }

    @Override
    public InhomogeneousPoissonGenerator make(int n) {
        return new InhomogeneousPoissonGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        long[] st = stamps[i];
        double[] t = new double[st.length];
        for (int k = 0; k < st.length; k++) t[k] = kernel.time.stepsToMs(st[k]);
        d.put("rate_times", t);
        d.put("rate_values", values[i].clone());
        d.put("allow_offgrid_times", allowOffgrid[i]);
        getStim(i, d);
    }

    private long validTime(double t, boolean offgrid) {
        if (t <= kernel.time.stepsToMs(kernel.sim.timeSteps())) {
            throw badProperty("Time points must lie strictly in the future.");
        }
        if (kernel.time.isGridTime(t)) return kernel.time.msToSteps(t);
        if (offgrid) return kernel.time.msStampToSteps(t);
        throw badProperty("inhomogeneous_poisson_generator: Time point " + StepScheduleDevice.cppDouble(t)
                + " is not representable in current resolution.");
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean times = s.has("rate_times");
        boolean rates = s.has("rate_values");
        double[] vals = s.da("rate_values", values[i]);
        boolean off = allowOffgrid[i];
        if (s.has("allow_offgrid_times")) {
            boolean f = s.b("allow_offgrid_times", off);
            if (f != off && !(times || stamps[i].length == 0)) {
                throw badProperty("Option can only be set together with rate times or if no rate times have been set.");
            }
            off = f;
        }
        if (times ^ rates) throw badProperty("Rate times and values must be reset together.");
        long[] st = stamps[i];
        boolean resetIdx = false;
        if (times) {
            double[] t = s.da("rate_times", new double[0]);
            if (t.length > 0) {
                if (t.length != vals.length) throw badProperty("Rate times and values have to be the same size.");
                st = new long[t.length];
                for (int k = 0; k < t.length; k++) {
                    st[k] = validTime(t[k], off);
                    if (k > 0 && st[k - 1] >= st[k]) throw badProperty("Rate times must be strictly increasing.");
                }
                resetIdx = true;
            } else {
                // NEST keeps the old times here; clearing both keeps times and values consistent
                st = new long[0];
            }
        }
        setStim(i, s);
        stamps[i] = st;
        values[i] = vals;
        allowOffgrid[i] = off;
        if (resetIdx) idx[i] = 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        if (buffersInitialised) return;
        for (int i = 0; i < n; i++) {
            idx[i] = 0;
            curRate[i] = 0.0;
        }
    }

    @Override
    public void calibrate() {
        super.calibrate();
        h = kernel.time.resolution();
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            double[] v = values[i];
            int k = idx[i];
            long first = origin + from;
            while (k < st.length && st[k] <= first) k++;
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                if (k < st.length && now + 1 == st[k]) {
                    curRate[i] = v[k] / 1000.0;
                    k++;
                }
                if (curRate[i] > 0 && isActive(i, now)) emit(i, lag, 1, curRate[i] * h, 0, 0);
            }
            idx[i] = k;
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        long m = tb.nodeRng(ti).poisson(e.val[j]);
        if (m > 0) {
            sendSpike(c, k, tb, ti, emitStep, c.w[k], (int) m, i, 0.0);
        }
    }
}
