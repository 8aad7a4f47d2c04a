package org.nestj.engine.models;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.SpikeOut;

/**
 * parrot_neuron — repeats every spike received on port 0, with its multiplicity, one step after
 * arrival (NEST 3.9 models/parrot_neuron.{h,cpp}). Spikes on port 1 are not repeated (but still
 * reach the neuron, e.g. to drive STDP synapses). Status and receptors: {@link ParrotNeuronBase}.
 */
public final class ParrotNeuron extends ParrotNeuronBase {
    InputBuffer buf;

    public ParrotNeuron(int n) {
        super(n);
    }

    @Override
    public ParrotNeuron make(int n) {
        return new ParrotNeuron(n);
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1, ringLen);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        for (int lag = from; lag < to; lag++) {
            long step = origin + lag;
            int base = (int) (step % len) * n;
            for (int i = i0; i < i1; i++) {
                double c = bd[base + i];
                if (c != 0) {
                    bd[base + i] = 0;
                    if (frozen != null && frozen[i]) continue;
                    long m = (long) c;
                    if (m > 0) {
                        out.spike(gid(i), lag, (int) m);
                        for (long k = 0; k < m; k++) spiked(i, step + 1);
                    }
                }
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport == 0) buf.add(0, step, i, mult);
    }

    /** NEST's parrot_neuron::sends_signal. */
    @Override
    public int sendsSignal() {
        return SIGNAL_ALL;
    }

    /** NEST's parrot_neuron::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_ALL;
    }
}
