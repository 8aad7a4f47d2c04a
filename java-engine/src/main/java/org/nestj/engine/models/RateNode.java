package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * What NEST's three rate templates share (models/rate_neuron_ipn.h, rate_neuron_opn.h,
 * rate_transformer_node.h and their _impl.h files, NEST 3.9): a rate node instantiated with a gain
 * function ({@link RateNonlinearity}), linear_summation (true: the gain is applied to the summed input,
 * false: to each input on arrival, weight * input(rate)), the state rate, and the event machinery:
 *
 * <ul>
 * <li>rate_connection_delayed (DelayedRateConnectionEvent): ring buffers by arrival step; the neuron
 * templates keep positive weights (excitatory, ex) and negative ones (inhibitory, in) apart, the
 * transformer sums all into one buffer;</li>
 * <li>rate_connection_instantaneous (InstantaneousRateConnectionEvent): per-lag buffers of the current
 * slice, solved by waveform relaxation: {@link #wfrUpdate} runs the slice on a copy of the state
 * (delayed inputs are read but kept, nothing is recorded) and reports whether every lag moved by at
 * most wfr_tol since the previous pass;</li>
 * <li>sending: every update sends, for each lag, the value the template names (new_rates[lag], the
 * rate or noisy rate before the step) as delayed event and as instantaneous event; after the final
 * update the instantaneous event instead carries, for all lags of the slice, the template's guess for
 * the next slice ({@link #sliceGuess}).</li>
 * </ul>
 *
 * The templates implement one step of one node ({@link #advance}); get/set status follow NEST's
 * order: the template's Parameters_ and State_ (read and checked first), the archiving node's
 * entries, then the nonlinearity's (written last, so its entries win where names coincide, as
 * gauss_rate's mu and sigma). The rate state and the waveform-relaxation bookkeeping: {@link WfrRateNode}.
 */
public abstract class RateNode extends WfrRateNode {
    /** the gain function with its per-node parameters */
    public final RateNonlinearity nl;
    @PerNode public boolean[] linear_summation;
    /** delayed inputs [slot * n + node] (ring of min_delay + max_delay slots); in unused without sign split */
    double[] ex, in;
    int len;
    /** per node [i * md + lag]: instantaneous inputs of the slice */
    double[] instEx, instIn;
    private final boolean splitBySign;
    /** the state arrays a waveform-relaxation pass restores, and their saved values [i * k + q] */
    private double[][] wfrState;
    private double[] wfrSaved;

    protected RateNode(int n, RateNonlinearity nl, boolean splitBySign) {
        super(n);
        this.nl = nl;
        this.splitBySign = splitBySign;
        linear_summation = fillB(n, true);
    }

    /** NEST's Parameters_::get and State_::get of the template. */
    protected abstract void getTemplate(int i, Map<String, Object> d);

    /**
     * NEST's Parameters_::set and State_::set of the template: reads and checks the new values (throws
     * BadProperty before anything changed); the returned action stores them.
     */
    protected abstract Runnable setTemplate(int i, Status s);

    /** The state variables of the template (a waveform-relaxation pass leaves them unchanged). */
    protected abstract double[][] state();

    /**
     * One step of node i: advances its state with the delayed (dEx, dIn) and instantaneous (iEx, iIn)
     * inputs of the step; q = i * min_delay + lag. Returns new_rates[lag], the value sent for this lag.
     */
    protected abstract double advance(int i, int q, double dEx, double dIn, double iEx, double iIn);

    /** The value sent for every lag of the slice after the final update (the guess for the next slice). */
    protected abstract double sliceGuess(int i);

    /** After the final update of the slice of node i (the neuron templates draw new random numbers). */
    protected void endSlice(int i) {
    }

    /** Whether Create and CopyModel copy the prototype's nonlinearity (what the template's copy constructor does). */
    protected boolean copiesNonlinearity() {
        return true;
    }

    @Override
    public void copyNode(NodeBlock src, int j, int i) {
        super.copyNode(src, j, i);
        if (copiesNonlinearity()) nl.copy(((RateNode) src).nl, j, i);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getTemplate(i, d);
        getArchiving(i, d);
        nl.get(i, d);
        d.put("node_uses_wfr", nodeUsesWfr);
    }

    @Override
    public void setStatus(int i, Status s) {
        Runnable commit = setTemplate(i, s);
        setArchiving(i, s);
        commit.run();
        nl.set(i, s);
    }

    @Override
    public int checkDelayedRateReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "DelayedRateConnectionEvent");
        return 0;
    }

    @Override
    public int checkInstantRateReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "InstantaneousRateConnectionEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        len = ringLen;
        ex = new double[n * len];
        in = splitBySign ? new double[n * len] : null;
        md = (int) kernel.connections.minDelay();
        instEx = new double[n * md];
        instIn = splitBySign ? new double[n * md] : null;
        lastY = new double[n * md];
        wfrState = state();
        wfrSaved = new double[n * wfrState.length];
    }

    @Override
    public void handleDelayedRate(int i, long step, double r, double weight, int rport) {
        double v = linear_summation[i] ? weight * r : weight * nl.input(i, r);
        int k = (int) (step % len) * n + i;
        if (weight >= 0.0 || !splitBySign) ex[k] += v;
        else in[k] += v;
    }

    @Override
    public void handleInstantRate(int i, int lag, double r, double weight, int rport) {
        double v = linear_summation[i] ? weight * r : weight * nl.input(i, r);
        if (weight >= 0.0 || !splitBySign) instEx[i * md + lag] += v;
        else instIn[i * md + lag] += v;
    }

    /**
     * update_ of node i over lags [from, to); wfr: a waveform-relaxation pass (delayed inputs are kept,
     * nothing is recorded, the caller restores the state). Returns true if some lag moved by more than
     * wfr_tol since the previous pass (wfr only).
     */
    private boolean run(int i, long origin, int from, int to, boolean wfr, boolean rec, RateEvents.Out ro) {
        final int rb = i * md;
        final int vb = wfr ? -1 : ro.begin(i);
        // the instantaneous event carries the values of [from, to), zeros elsewhere
        final int ib = ro.beginInstant(i);
        boolean exceeded = false;
        for (int lag = from; lag < to; lag++) {
            final long st = origin + lag;
            final int k = (int) (st % len) * n + i;
            final double dEx = ex[k];
            double dIn = 0.0, iIn = 0.0;
            if (splitBySign) {
                dIn = in[k];
                iIn = instIn[rb + lag];
            }
            if (!wfr) {
                ex[k] = 0.0;
                if (splitBySign) in[k] = 0.0;
            }
            final double sent = advance(i, rb + lag, dEx, dIn, instEx[rb + lag], iIn);
            if (!wfr) ro.v[vb + lag] = sent;
            ro.vi[ib + lag] = sent;
            if (wfr) {
                if (wfrMoved(rb + lag, rate[i])) exceeded = true;
            } else if (rec && recordedBy[i] != null) {
                record(st, i);
            }
        }
        if (!wfr) {
            java.util.Arrays.fill(lastY, rb, rb + md, 0.0);
            final double guess = sliceGuess(i);
            for (int lag = from; lag < to; lag++) ro.vi[ib + lag] = guess;
            endSlice(i);
        }
        java.util.Arrays.fill(instEx, rb, rb + md, 0.0);
        if (splitBySign) java.util.Arrays.fill(instIn, rb, rb + md, 0.0);
        return exceeded;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            run(i, origin, from, to, false, rec, ro);
        }
    }

    @Override
    public boolean wfrUpdate(long origin, int from, int to, int i0, int i1) {
        final RateEvents.Out ro = rateOut;
        final double[][] st = wfrState;
        final int k = st.length;
        boolean done = true;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            for (int q = 0; q < k; q++) wfrSaved[i * k + q] = st[q][i];
            final boolean exceeded = run(i, origin, from, to, true, false, ro);
            for (int q = 0; q < k; q++) st[q][i] = wfrSaved[i * k + q];
            done = done && !exceeded;
        }
        return done;
    }
}
