package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * ginzburg_neuron — binary stochastic neuron with sigmoidal gain (NEST 3.9
 * models/ginzburg_neuron.{h,cpp}; doc: models/ginzburg_neuron.html):
 * <pre>  P(S = 1) = c_1 h + c_2 / 2 (1 + tanh(c_3 (h - theta)))</pre>
 * evaluated at update times with exponential intervals of mean tau_m ({@link BinaryNeuron}).
 */
public final class GinzburgNeuron extends BinaryNeuron {
    @PerNode public double[] theta, c_1, c_2, c_3;

    public GinzburgNeuron(int n) {
        super(n);
        theta = fill(n, 0.0);
        c_1 = fill(n, 0.0);
        c_2 = fill(n, 1.0);
        c_3 = fill(n, 1.0);
    }

    @Override
    public GinzburgNeuron make(int n) {
        return new GinzburgNeuron(n);
    }

    @Override
    protected boolean gain(int i, Rng rng, double h) {
        return rng.uniform() < c_1[i] * h + c_2[i] * 0.5 * (1.0 + GlibcMath.tanh(c_3[i] * (h - theta[i])));
    }

    @Override
    protected void getGain(int i, Map<String, Object> d) {
        d.put("theta", theta[i]);
        d.put("c_1", c_1[i]);
        d.put("c_2", c_2[i]);
        d.put("c_3", c_3[i]);
    }

    @Override
    protected void setGain(int i, Status s) {
        theta[i] = s.d("theta", theta[i]);
        c_1[i] = s.d("c_1", c_1[i]);
        c_2[i] = s.d("c_2", c_2[i]);
        c_3[i] = s.d("c_3", c_3[i]);
    }
}
