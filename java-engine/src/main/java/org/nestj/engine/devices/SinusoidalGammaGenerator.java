package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcTrig;
import org.nestj.engine.numerics.GslGamma;

/**
 * sinusoidal_gamma_generator — inhomogeneous gamma process of order a with rate
 * r(t) = rate + amplitude sin(2 pi frequency t / 1000 + phase) (spikes/s, phase in degrees), by
 * the time-rescaling method (NEST 3.9 models/sinusoidal_gamma_generator.{h,cpp}). Per train, with
 * Lambda = a * int_{t0}^{t} r(s) ds since the last spike t0, the spike probability of the step
 * ending at t is the hazard h a r(t) Lambda^(a-1) e^(-Lambda) / Gamma(a, Lambda) (Gamma(a, x) the
 * upper incomplete gamma function, GSL's gsl_sf_gamma_inc as in NEST: {@link GslGamma}). With
 * individual_spike_trains (default) every target has its own train (draws from the target's random
 * stream), otherwise one train (the generator's stream) goes to all targets; individual_spike_trains
 * can only be set on the model. Recordable: rate.
 */
public final class SinusoidalGammaGenerator extends SinusoidalGeneratorBase {
    @PerNode public double[] order;
    /** per node: time of the last spike and Lambda accumulated up to it, per train */
    double[][] t0ms, lambda0;
    /** parameters of the previous run, to integrate Lambda across parameter changes */
    double[] pOm, pPhi, pOrder, pRate, pAmp;
    double h;

    public SinusoidalGammaGenerator(int n) {
        super(n, false);
        order = fill(n, 1.0);
    }

    @Override
    public SinusoidalGammaGenerator make(int n) {
        return new SinusoidalGammaGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putSineParams(i, d);
        d.put("order", order[i]);
        d.put("individual_spike_trains", individual[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        boolean ind = readIndividual(i, s);
        double o = s.has("frequency") ? s.d("frequency", 0) * (2.0 * Math.PI / 1000.0) : om[i];
        double p = s.has("phase") ? s.d("phase", 0) * (Math.PI / 180.0) : phi[i];
        double ord = s.d("order", order[i]);
        if (s.has("order") && ord < 1.0) throw badProperty("The gamma order must be at least 1.");
        double dc = s.d("rate", 1e3 * rate[i]);
        double r = s.has("rate") ? 1e-3 * dc : rate[i];
        double ac = s.d("amplitude", 1e3 * amplitude[i]);
        double a = s.has("amplitude") ? 1e-3 * ac : amplitude[i];
        if (!(0.0 <= ac && ac <= dc)) throw badProperty("Rate parameters must fulfill 0 <= amplitude <= rate.");
        setStim(i, s);
        individual[i] = ind;
        om[i] = o;
        phi[i] = p;
        order[i] = ord;
        rate[i] = r;
        amplitude[i] = a;
    }

    private int numTrains(int i) {
        return individual[i] ? kernel.nodes.numTargets(this, i) : 1;
    }

    private void saveParams(int i) {
        pOm[i] = om[i];
        pPhi[i] = phi[i];
        pOrder[i] = order[i];
        pRate[i] = rate[i];
        pAmp[i] = amplitude[i];
    }

    @Override
    public void initBuffers(int ringLen) {
        if (buffersInitialised) return;
        t0ms = new double[n][];
        lambda0 = new double[n][];
        pOm = new double[n];
        pPhi = new double[n];
        pOrder = new double[n];
        pRate = new double[n];
        pAmp = new double[n];
        double now = kernel.time.stepsToMs(kernel.sim.timeSteps());
        for (int i = 0; i < n; i++) {
            int nt = numTrains(i);
            t0ms[i] = new double[nt];
            java.util.Arrays.fill(t0ms[i], now);
            lambda0[i] = new double[nt];
            saveParams(i);
        }
    }

    /** Lambda accumulated from ta to tb under the given parameters. */
    private static double deltaLambda(double ord, double r, double amp, double w, double ph, double ta, double tb) {
        if (ta == tb) return 0.0;
        double dl = ord * r * (tb - ta);
        if (Math.abs(amp) > 0 && Math.abs(w) > 0) {
            dl += -ord * amp / w * (GlibcTrig.cos(w * tb + ph) - GlibcTrig.cos(w * ta + ph));
        }
        return dl;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        h = kernel.time.resolution();
        double t = kernel.time.stepsToMs(kernel.sim.timeSteps());
        for (int i = 0; i < n; i++) {
            int nt = numTrains(i);
            int old = t0ms[i].length;
            if (nt > old) {
                t0ms[i] = java.util.Arrays.copyOf(t0ms[i], nt);
                lambda0[i] = java.util.Arrays.copyOf(lambda0[i], nt);
                for (int p = old; p < nt; p++) t0ms[i][p] = t;
            }
            for (int p = 0; p < nt; p++) {
                lambda0[i][p] += deltaLambda(pOrder[i], pRate[i], pAmp[i], pOm[i], pPhi[i], t0ms[i][p], t);
                t0ms[i][p] = t;
            }
            saveParams(i);
        }
    }

    /**
     * Spike probability of train p of node i in the step ending at tms, with current rate r: NEST's hazard_,
     * h a r Lambda^(a-1) e^(-Lambda) / Gamma(a, Lambda), evaluated left to right with glibc's pow and exp and GSL's
     * gsl_sf_gamma_inc, as NEST evaluates it.
     */
    private double hazard(int i, int p, double tms, double r) {
        double lam = lambda0[i][p] + deltaLambda(order[i], rate[i], amplitude[i], om[i], phi[i], t0ms[i][p], tms);
        return h * order[i] * r * GlibcMath.pow(lam, order[i] - 1) * GlibcMath.exp(-lam)
                / GslGamma.gammaInc(order[i], lam);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            int nt = t0ms[i].length;
            for (int lag = from; lag < to; lag++) {
                long tSteps = origin + lag + 1;
                double tms = kernel.time.stepsToMs(tSteps);
                double r = rate[i] + amplitude[i] * GlibcTrig.sin(om[i] * tms + phi[i]);
                curRate[i] = r;
                if (nt > 0 && r > 0 && isActive(i, tSteps - 1)) {
                    if (individual[i]) {
                        emit(i, lag, 1, tms, 0, 0);
                    } else if (nodeRng(i).uniform() < hazard(i, 0, tms, r)) {
                        emit(i, lag, 1, tms, 0, 0);
                        t0ms[i][0] = tms;
                        lambda0[i][0] = 0;
                    }
                }
                if (rec && recordedBy[i] != null) record(origin + lag, i);
            }
        }
    }

    /**
     * NEST's send_test_event: with individual spike trains a DSSpikeEvent to the synapse's test node
     * (connections with state refused), without a plain SpikeEvent (accepted).
     */
    @Override
    public String synapseTestEvent(int i) {
        return individual[i] ? "DSSpikeEvent" : "SpikeEvent";
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        if (individual[i]) {
            int p = c.port[k];
            double tms = e.val[j];
            double r = rate[i] + amplitude[i] * GlibcTrig.sin(om[i] * tms + phi[i]);
            if (!(tb.nodeRng(ti).uniform() < hazard(i, p, tms, r))) return;
            t0ms[i][p] = tms;
            lambda0[i][p] = 0;
        }
        sendSpike(c, k, tb, ti, emitStep, c.w[k], 1, i, 0.0);
    }
}
