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
     * Complementary error function to about 1e-13 relative accuracy: 1 - erf(x) with the
     * positive-term series erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1)) for
     * |x| &lt; 2, the continued fraction erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + (2/2)/(x + ...)))
     * (modified Lentz) for x &gt;= 2, and erfc(x) = 2 - erfc(-x) for x &lt;= -2.
     */
    static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x <= -2.0) return 2.0 - erfc(-x);
        if (x < 2.0) {
            final double x2 = 2.0 * x * x;
            double term = x, sum = x;
            for (int k = 1; k < 200; k++) {
                term *= x2 / (2 * k + 1);
                sum += term;
                if (Math.abs(term) < 1e-17 * Math.abs(sum) || term == 0.0) break;
            }
            return 1.0 - 2.0 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
        }
        if (x > 27.3) return 0.0;
        final double tiny = 1e-300;
        double f = x, c = x, d = 0.0;
        for (int k = 1; k < 1000; k++) {
            final double a = 0.5 * k;
            d = x + a * d;
            if (d == 0) d = tiny;
            c = x + a / c;
            if (c == 0) c = tiny;
            d = 1.0 / d;
            final double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) break;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
