package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

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
public final class SinusoidalPoissonGenerator extends StimulationDevice {
    /** internal units as NEST: om (rad/ms), phi (rad), rate and amplitude (spikes/ms) */
    @PerNode public double[] om, phi, rate, amplitude, y_0, y_1, curRate;
    @PerNode public boolean[] individual;
    double h;
    double[] sinh, cosh;

    public SinusoidalPoissonGenerator(int n) {
        super(n, true);
        om = fill(n, 0.0);
        phi = fill(n, 0.0);
        rate = fill(n, 0.0);
        amplitude = fill(n, 0.0);
        y_0 = fill(n, 0.0);
        y_1 = fill(n, 0.0);
        curRate = fill(n, 0.0);
        individual = fillB(n, true);
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
        d.put("rate", rate[i] * 1000.0);
        d.put("frequency", om[i] / (2.0 * Math.PI / 1000.0));
        d.put("phase", 180.0 / Math.PI * phi[i]);
        d.put("amplitude", amplitude[i] * 1000.0);
        d.put("individual_spike_trains", individual[i]);
        d.put("y_0", y_0[i]);
        d.put("y_1", y_1[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        if (this != model.prototype && s.has("individual_spike_trains")) {
            throw badProperty("The individual_spike_trains property can only be set as a model default using "
                    + "SetDefaults or upon CopyModel.");
        }
        boolean ind = s.b("individual_spike_trains", individual[i]);
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

    private static final String[] REC = {"rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return 1000.0 * curRate[i];
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        h = kernel.time.resolution();
        double t = kernel.time.stepsToMs(kernel.sim.timeSteps());
        sinh = new double[n];
        cosh = new double[n];
        for (int i = 0; i < n; i++) {
            y_0[i] = amplitude[i] * Math.cos(om[i] * t + phi[i]);
            y_1[i] = amplitude[i] * Math.sin(om[i] * t + phi[i]);
            sinh[i] = Math.sin(h * om[i]);
            cosh[i] = Math.cos(h * om[i]);
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
        tb.handleSpike(ti, emitStep + c.delay[k], c.w[k], m, c.rport[k], gid(i), emitStep + 1, 0.0);
    }
}
