package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;

/**
 * erfc_neuron — binary stochastic neuron with complementary-error-function gain (NEST 3.9
 * models/erfc_neuron.{h,cpp}; doc: models/erfc_neuron.html):
 * <pre>  P(S = 1) = 1/2 erfc(-(h - theta) / (sqrt(2) sigma))</pre>
 * evaluated at update times with exponential intervals of mean tau_m ({@link BinaryNeuron}).
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
        return rng.uniform() < 0.5 * erfc(-(h - theta[i]) / (Math.sqrt(2.) * sigma[i]));
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

    /**
     * Complementary error function by its Chebyshev-fitted exponential form (relative error below
     * 1.2e-7 everywhere, Numerical Recipes 6.2 erfcc), ample for a firing probability.
     */
    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
