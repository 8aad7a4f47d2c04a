package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.numerics.GlibcMath;

/**
 * vogels_sprekeler_synapse: symmetric STDP for inhibitory synapses (Vogels et al. 2011; NEST
 * models/vogels_sprekeler_synapse.h): a spike pair potentiates by eta e^{-|dt|/tau} whatever the
 * order, each presynaptic spike depresses by alpha eta. On a presynaptic spike at t with dendritic
 * delay d, for each post spike t_post in (t_last - d, t - d]:
 * |w| <- min(|Wmax|, |w| + eta Kplus e^{(t_last - t_post - d)/tau}) with the sign of Wmax;
 * then |w| <- min(|Wmax|, |w| + eta K-(t - d)) and |w| <- max(0, |w| - alpha eta), sign of Wmax;
 * send w; Kplus <- Kplus e^{(t_last - t)/tau} + 1, t_last <- t. (K- is the target's trace with its tau_minus.)
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/vogels_sprekeler_synapse.html
 */
public final class VogelsSprekelerSynapse extends StdpTraceBase {
    static final int TAU = 0, ALPHA = 1, ETA = 2, WMAX = 3, KPLUS = 4, T_LAST = 5;

    public VogelsSprekelerSynapse() {
        super("vogels_sprekeler_synapse", new String[] {"tau", "alpha", "eta", "Wmax", "Kplus"},
                new double[] {20.0, 0.12, 0.001, 1.0, 0.0}, new String[0], new double[0], 80, T_LAST);
        defaultWeight = 0.5;
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (weight != 0 && signbit(weight) != signbit(v[WMAX])) throw bad("Weight and Wmax must have same sign.");
        if (!(v[KPLUS] >= 0)) throw bad("State Kplus must be positive.");
    }

    private static double facilitate(double w, double kplus, double eta, double wmax) {
        double nw = Math.abs(w) + eta * kplus;
        return Math.copySign(nw < Math.abs(wmax) ? nw : wmax, wmax);
    }

    @Override
    void transmit(Ctx x, ConnStore c, int k, double[] v) {
        final double tSpike = x.tSpike, d = x.delay, tl = v[T_LAST];
        final double tau = v[TAU], eta = v[ETA], wmax = v[WMAX];
        double w = c.w[k];
        SpikeArchive h = history(x, tl, tSpike);
        for (int j = h.from; j < h.to; j++) {
            double minusDt = tl - (h.t[j] + d);
            w = facilitate(w, v[KPLUS] * GlibcMath.exp(minusDt / tau), eta, wmax);
        }
        w = facilitate(w, kMinus(x), eta, wmax);
        double nw = Math.abs(w) - v[ALPHA] * eta;
        w = Math.copySign(nw > 0.0 ? nw : 0.0, wmax);
        c.w[k] = w;
        x.weight = w;
    }

    @Override
    void traces(Ctx x, double[] v) {
        v[KPLUS] = v[KPLUS] * GlibcMath.exp((v[T_LAST] - x.tSpike) / v[TAU]) + 1.0;
    }
}
