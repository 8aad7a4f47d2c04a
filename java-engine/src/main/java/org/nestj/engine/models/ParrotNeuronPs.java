package org.nestj.engine.models;

import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;

/**
 * parrot_neuron_ps — repeats every spike received on port 0 with its multiplicity and its precise
 * offset, one step after arrival (NEST 3.9 models/parrot_neuron_ps.{h,cpp}). Spikes on port 1 are
 * accepted but not repeated. Input is kept in a {@link SliceRingBuffer} with the multiplicity as weight.
 * Status and receptors: {@link ParrotNeuronBase}.
 */
public final class ParrotNeuronPs extends ParrotNeuronBase {
    SliceRingBuffer events;
    int ringLength;

    public ParrotNeuronPs(int n) {
        super(n);
    }

    @Override
    public ParrotNeuronPs make(int n) {
        return new ParrotNeuronPs(n);
    }

    @Override
    public boolean isOffGrid(int i) {
        return true;
    }

    @Override
    public void initBuffers(int ringLen) {
        if (events == null) events = new SliceRingBuffer(n);
        events.configure(kernel.connections.minDelay(), ringLen);
        events.clear();
        ringLength = ringLen;
    }

    @Override
    public void calibrate() {
        events.configure(kernel.connections.minDelay(), ringLength);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final SliceRingBuffer ev = events;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) {
                if (from == 0) ev.discard(i, origin);
                continue;
            }
            if (from == 0) ev.prepareDelivery(i, origin);
            for (int lag = from; lag < to; lag++) {
                final long T = origin + lag;
                while (ev.next(i, T, false) != SliceRingBuffer.NONE) {
                    final long m = (long) ev.evW[i];
                    final double off = ev.evOff[i];
                    out.spike(gid(i), lag, (int) m, off);
                    for (long k = 0; k < m; k++) spiked(i, T + 1, off);
                }
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport == 0) events.add(i, step, offset, mult);
    }
}
