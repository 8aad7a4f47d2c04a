package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.Status;

/**
 * mcculloch_pitts_neuron — binary deterministic neuron with Heaviside gain (NEST 3.9
 * models/mcculloch_pitts_neuron.{h,cpp}; doc: models/mcculloch_pitts_neuron.html):
 * <pre>  S = 1 if h &gt; theta else 0</pre>
 * evaluated at update times with exponential intervals of mean tau_m ({@link BinaryNeuron}).
 */
public final class MccullochPittsNeuron extends BinaryNeuron {
    @PerNode public double[] theta;

    public MccullochPittsNeuron(int n) {
        super(n);
        theta = fill(n, 0.0);
    }

    @Override
    public MccullochPittsNeuron make(int n) {
        return new MccullochPittsNeuron(n);
    }

    @Override
    protected boolean gain(int i, Rng rng, double h) {
        return h > theta[i];
    }

    @Override
    protected void getGain(int i, Map<String, Object> d) {
        d.put("theta", theta[i]);
    }

    @Override
    protected void setGain(int i, Status s) {
        theta[i] = s.d("theta", theta[i]);
    }
}
