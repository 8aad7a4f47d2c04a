package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * ac_generator — sinusoidal current I(t) = offset + amplitude sin(omega t + phi), omega = 2 pi
 * frequency / 1000 (frequency in Hz, phase in degrees) (NEST 3.9 models/ac_generator.{h,cpp}).
 * The sine is propagated exactly each step as the rotation (y_0, y_1) <- A (y_0, y_1), with
 * A = [[cos wh, -sin wh], [sin wh, cos wh]], started at the current time in pre_run_hook; the
 * oscillator runs even while the device is inactive. Recordable: I.
 */
public final class AcGenerator extends SineRotationDevice {
    @PerNode public double[] amplitude, offset, I;

    public AcGenerator(int n) {
        super(n, true);
        amplitude = fill(n, 0.0);
        offset = fill(n, 0.0);
        I = fill(n, 0.0);
    }

    @Override
    public AcGenerator make(int n) {
        return new AcGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("amplitude", amplitude[i]);
        d.put("offset", offset[i]);
        d.put("phase", phase[i]);
        d.put("frequency", frequency[i]);
        d.put("y_0", y_0[i]);
        d.put("y_1", y_1[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double a = s.d("amplitude", amplitude[i]);
        double o = s.d("offset", offset[i]);
        double f = s.d("frequency", frequency[i]);
        double p = s.d("phase", phase[i]);
        setStim(i, s);
        amplitude[i] = a;
        offset[i] = o;
        frequency[i] = f;
        phase[i] = p;
    }

    @Override
    public double recordable(int var, int i) {
        return I[i];
    }

    @Override
    public void calibrate() {
        super.calibrate();
        startRotation(amplitude);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            for (int lag = from; lag < to; lag++) {
                double y0 = y_0[i];
                y_0[i] = A00[i] * y0 + A01[i] * y_1[i];
                y_1[i] = A10[i] * y0 + A11[i] * y_1[i];
                I[i] = 0.0;
                if (isActive(i, origin + lag)) {
                    I[i] = y_1[i] + offset[i];
                    emit(i, lag, 1, I[i], 0, 0);
                }
                if (rec && recordedBy[i] != null) record(origin + lag, i);
            }
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        tb.handleCurrent(ti, emitStep + c.delay[k], c.w[k] * e.val[j], c.rport[k]);
    }
}
