package org.nestj.engine.devices;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.numerics.GlibcTrig;

/**
 * What ac_generator and noise_generator share: a sine of frequency (Hz) and phase (degrees)
 * propagated exactly each step as the rotation (y_0, y_1) <- A (y_0, y_1),
 * A = [[cos wh, -sin wh], [sin wh, cos wh]], started at the current time in pre_run_hook, and the
 * recordable I. The subclasses run the rotation in their update loops and say what I is.
 */
public abstract class SineRotationDevice extends StimulationDevice {
    @PerNode public double[] frequency, phase, y_0, y_1;
    double[] A00, A01, A10, A11;

    protected SineRotationDevice(int n, boolean currentGeneratorWindow) {
        super(n, currentGeneratorWindow);
        frequency = fill(n, 0.0);
        phase = fill(n, 0.0);
        y_0 = fill(n, 0.0);
        y_1 = fill(n, 0.0);
    }

    /**
     * Sets the rotation matrices for the resolution and (y_0, y_1) to amplitude (cos, sin) of the
     * phase at the current time; amplitude null: the unit circle.
     */
    final void startRotation(double[] amplitude) {
        A00 = new double[n];
        A01 = new double[n];
        A10 = new double[n];
        A11 = new double[n];
        double h = kernel.time.resolution();
        double t = kernel.time.stepsToMs(kernel.sim.timeSteps());
        for (int i = 0; i < n; i++) {
            double omega = 2.0 * Math.PI * frequency[i] / 1000.0;
            double phi = phase[i] * 2.0 * Math.PI / 360.0;
            if (amplitude != null) {
                y_0[i] = amplitude[i] * GlibcTrig.cos(omega * t + phi);
                y_1[i] = amplitude[i] * GlibcTrig.sin(omega * t + phi);
            } else {
                y_0[i] = GlibcTrig.cos(omega * t + phi);
                y_1[i] = GlibcTrig.sin(omega * t + phi);
            }
            A00[i] = GlibcTrig.cos(omega * h);
            A01[i] = -GlibcTrig.sin(omega * h);
            A10[i] = GlibcTrig.sin(omega * h);
            A11[i] = GlibcTrig.cos(omega * h);
        }
    }

    private static final String[] REC = {"I"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }
}
