package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * ignore_and_fire — fires regularly at {@code rate} (spikes/s) with a given {@code phase} in (0, 1],
 * ignoring all input (NEST 3.9 models/ignore_and_fire.{h,cpp}; used for benchmarks whose activity
 * must not depend on the network). Firing period and phase are counted in steps, fixed whenever
 * the status is set: the first spike comes after round(phase / rate) steps, then every period.
 */
public final class IgnoreAndFire extends NeuronBlock {
    @PerNode public double[] phase, rate;
    @PerNode public int[] periodSteps, phaseSteps;

    public IgnoreAndFire(int n) {
        super(n);
        phase = fill(n, 1.0);
        rate = fill(n, 10.0);
        periodSteps = fillI(n, 0);
        phaseSteps = fillI(n, 0);
    }

    @Override
    public IgnoreAndFire make(int n) {
        return new IgnoreAndFire(n);
    }

    @Override
    public void created() {
        for (int i = 0; i < n; i++) recompute(i);
    }

    private void recompute(int i) {
        periodSteps[i] = (int) kernel.time.msToSteps(1. / rate[i] * 1000.);
        phaseSteps[i] = (int) kernel.time.msToSteps(phase[i] / rate[i] * 1000.);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("phase", phase[i]);
        d.put("rate", rate[i]);
        d.put("recordables", new String[0]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ph = s.d("phase", phase[i]);
        double r = s.d("rate", rate[i]);
        if (ph <= 0.0 || ph > 1.0) throw badProperty("Phase must be > 0 and <= 1.");
        if (r <= 0.0) throw badProperty("Firing rate must be > 0.");
        setArchiving(i, s);
        phase[i] = ph;
        rate[i] = r;
        if (kernel != null) recompute(i);
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        // input is ignored
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        // input is ignored
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            int ps = phaseSteps[i];
            for (int lag = from; lag < to; lag++) {
                if (ps == 0) {
                    ps = periodSteps[i] - 1;
                    spiked(i, origin + lag + 1);
                    out.spike(gid(i), lag, 1);
                } else {
                    --ps;
                }
            }
            phaseSteps[i] = ps;
        }
    }
}
