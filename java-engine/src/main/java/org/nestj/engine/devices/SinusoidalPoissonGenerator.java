package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcTrig;

/**
 * sinusoidal_poisson_generator — Poisson spikes with rate r(t) = max(0, rate + amplitude
 * sin(2 pi frequency t / 1000 + phase)) (spikes/s; phase in degrees) (NEST 3.9
 * models/sinusoidal_poisson_generator.{h,cpp}). The sine is propagated exactly as a rotation of
 * (y_0, y_1) each step, also while inactive. With individual_spike_trains (default) every target
 * gets its own train, Poisson(r h) per step drawn from the target's random stream; otherwise one
 * train, drawn from the generator's stream, is sent to all targets. individual_spike_trains can
 * only be set on the model (SetDefaults/CopyModel). NEST classifies this model as a current
 * generator, so its activity window is shifted like theirs. Recordable: rate.
 */
public final class SinusoidalPoissonGenerator extends SinusoidalGeneratorBase {
    @PerNode public double[] y_0, y_1;
    double h;
    double[] sinh, cosh;

    public SinusoidalPoissonGenerator(int n) {
        super(n, true);
        y_0 = fill(n, 0.0);
        y_1 = fill(n, 0.0);
    }

    @Override
    public SinusoidalPoissonGenerator make(int n) {
        return new SinusoidalPoissonGenerator(n);
    }

    @Override
    public Emits emits() {
        return Emits.SPIKE;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putSineParams(i, d);
        d.put("individual_spike_trains", individual[i]);
        d.put("y_0", y_0[i]);
        d.put("y_1", y_1[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean ind = readIndividual(i, s);
        double r = s.has("rate") ? s.d("rate", 0) / 1000.0 : rate[i];
        double o = s.has("frequency") ? s.d("frequency", 0) * (2.0 * Math.PI / 1000.0) : om[i];
        double p = s.has("phase") ? s.d("phase", 0) * (Math.PI / 180.0) : phi[i];
        double a = s.has("amplitude") ? s.d("amplitude", 0) / 1000.0 : amplitude[i];
        setStim(i, s);
        individual[i] = ind;
        rate[i] = r;
        om[i] = o;
        phi[i] = p;
        amplitude[i] = a;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        h = kernel.time.resolution();
        double t = kernel.time.stepsToMs(kernel.sim.timeSteps());
        sinh = new double[n];
        cosh = new double[n];
        for (int i = 0; i < n; i++) {
            y_0[i] = amplitude[i] * GlibcTrig.cos(om[i] * t + phi[i]);
            y_1[i] = amplitude[i] * GlibcTrig.sin(om[i] * t + phi[i]);
            sinh[i] = GlibcTrig.sin(h * om[i]);
            cosh[i] = GlibcTrig.cos(h * om[i]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            for (int lag = from; lag < to; lag++) {
                double r = rate[i];
                double ny0 = cosh[i] * y_0[i] - sinh[i] * y_1[i];
                y_1[i] = sinh[i] * y_0[i] + cosh[i] * y_1[i];
                y_0[i] = ny0;
                r += y_1[i];
                if (r < 0) r = 0;
                curRate[i] = r;
                if (r > 0 && isActive(i, origin + lag)) {
                    if (individual[i]) {
                        emit(i, lag, 1, r * h, 0, 0);
                    } else {
                        long m = nodeRng(i).poisson(r * h);
                        if (m > 0) emit(i, lag, (int) m, 0, 0, 0);
                    }
                }
                if (rec && recordedBy[i] != null) record(origin + lag, i);
            }
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        int m;
        if (individual[i]) {
            long d = tb.nodeRng(ti).poisson(e.val[j]);
            if (d <= 0) return;
            m = (int) d;
        } else {
            m = e.mult[j];
        }
        sendSpike(c, k, tb, ti, emitStep, c.w[k], m, i, 0.0);
    }
}
