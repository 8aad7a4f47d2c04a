package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcErf;

/**
 * erfc_neuron — binary stochastic neuron with complementary-error-function gain (NEST 3.9
 * models/erfc_neuron.{h,cpp}; doc: models/erfc_neuron.html):
 * <pre>  P(S = 1) = 1/2 erfc(-(h - theta) / (sqrt(2) sigma))</pre>
 * evaluated at update times with exponential intervals of mean tau_m ({@link BinaryNeuron}); erfc is glibc's
 * ({@link GlibcErf}), as NEST's call of the C library's erfc.
 */
public final class ErfcNeuron extends BinaryNeuron {
    @PerNode public double[] theta, sigma;

    public ErfcNeuron(int n) {
        super(n);
        theta = fill(n, 0.0);
        sigma = fill(n, 1.0);
    }

    @Override
    public ErfcNeuron make(int n) {
        return new ErfcNeuron(n);
    }

    @Override
    protected boolean gain(int i, Rng rng, double h) {
        return rng.uniform() < 0.5 * GlibcErf.erfc(-(h - theta[i]) / (Math.sqrt(2.) * sigma[i]));
    }

    @Override
    protected void getGain(int i, Map<String, Object> d) {
        d.put("theta", theta[i]);
        d.put("sigma", sigma[i]);
    }

    @Override
    protected void setGain(int i, Status s) {
        theta[i] = s.d("theta", theta[i]);
        sigma[i] = s.d("sigma", sigma[i]);
    }
}
