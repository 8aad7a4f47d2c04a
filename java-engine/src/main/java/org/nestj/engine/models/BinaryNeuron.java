package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * NEST's binary_neuron template (NEST 3.9 models/binary_neuron.h), the shared part of
 * ginzburg_neuron, mcculloch_pitts_neuron and erfc_neuron; subclasses supply the gain function.
 *
 * <p>Each node has a binary state S and a summed input h. It is updated at random times with
 * exponentially distributed intervals of mean tau_m (drawn from the node's own stream, kept in tics
 * like NEST's Time::ms): at an update, S becomes gain(h + I) (I: input current of the step). A change
 * of S is signalled with NEST's multiplicity convention: one spike event of multiplicity 2 for 0 -> 1,
 * multiplicity 1 for 1 -> 0. The receiver adds +w for multiplicity 2 and -w for multiplicity 1
 * (two multiplicity-1 events from the same sender with the same stamp count as +2w in total, the
 * legacy encoding of an up transition).
 */
public abstract class BinaryNeuron extends NeuronBlock {
    @PerNode public double[] tau_m;
    @PerNode public boolean[] y;
    @PerNode public double[] hIn;
    @PerNode public long[] lastInGid, tLastIn, tNext;
    InputBuffer buf;
    static final int SPIKES = 0, CURRENTS = 1;
    static final long NEG_INF = Long.MIN_VALUE;
    /** keep_source_table is false: spikes from neurons cannot name their sender */
    boolean noSourceTable;

    protected BinaryNeuron(int n) {
        super(n);
        tau_m = fill(n, 10.0);
        y = fillB(n, false);
        hIn = fill(n, 0.0);
        lastInGid = fillL(n, 0);
        tLastIn = fillL(n, NEG_INF);
        tNext = fillL(n, NEG_INF);
    }

    /** The gain function: the new state for total input hTot (may draw from rng). */
    protected abstract boolean gain(int i, Rng rng, double hTot);

    /** Gain function parameters for getStatus. */
    protected abstract void getGain(int i, Map<String, Object> d);

    /** Reads the gain function parameters (after the neuron's own parameters were validated). */
    protected abstract void setGain(int i, Status s);

    private static final String[] RECORDABLES = {"h", "S"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? hIn[i] : (y[i] ? 1.0 : 0.0);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("tau_m", tau_m[i]);
        d.put("h", hIn[i]);
        d.put("S", y[i] ? 1.0 : 0.0);
        getArchiving(i, d);
        getGain(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double tm = s.d("tau_m", tau_m[i]);
        if (tm <= 0) throw badProperty("All time constants must be strictly positive.");
        setArchiving(i, s);
        tau_m[i] = tm;
        setGain(i, s);
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
    }

    @Override
    public void calibrate() {
        noSourceTable = Boolean.FALSE.equals(kernel.passiveSetting("keep_source_table"));
        for (int i = 0; i < n; i++) {
            if (tNext[i] == NEG_INF) tNext[i] = Time.msToTics(nodeRng(i).exponential() * tau_m[i]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final long tps = kernel.time.ticsPerStep();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            Rng rng = null;
            for (int lag = from; lag < to; lag++) {
                final long T = origin + lag;
                hIn[i] += buf.take(SPIKES, T, i);
                final double c = buf.take(CURRENTS, T, i);
                if (T * tps > tNext[i]) {
                    if (rng == null) rng = nodeRng(i);
                    boolean ny = gain(i, rng, hIn[i] + c);
                    if (ny != y[i]) {
                        out.spike(gid(i), lag, ny ? 2 : 1);
                        spiked(i, T + 1);
                        y[i] = ny;
                    }
                    tNext[i] += Time.msToTics(rng.exponential() * tau_m[i]);
                }
                if (rec && recordedBy[i] != null) record(T, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (noSourceTable && kernel.nodes.blockOf(senderGid).elementType() == ELEMENT_NEURON) {
            // NEST reads the sender of a spike that came through the target tables from the source
            // table (Event::retrieve_sender_node_id_from_source_table), cleared when keep_source_table is false
            throw NestException.kernel("Cannot use SourceTable::get_node_id when get_keep_source_table is false");
        }
        if (mult == 1) {
            if (senderGid == lastInGid[i] && stamp == tLastIn[i]) buf.add(SPIKES, step, i, 2.0 * weight);
            else buf.add(SPIKES, step, i, -weight);
        } else if (mult == 2) {
            buf.add(SPIKES, step, i, weight);
        }
        lastInGid[i] = senderGid;
        tLastIn[i] = stamp;
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CURRENTS, step, i, current);
    }

    /** NEST's binary_neuron::sends_signal. */
    @Override
    public int sendsSignal() {
        return SIGNAL_BINARY;
    }

    /** NEST's binary_neuron::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_BINARY;
    }
}
