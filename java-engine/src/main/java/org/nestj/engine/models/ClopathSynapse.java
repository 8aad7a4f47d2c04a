package org.nestj.engine.models;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ClopathArchive;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.ExtendedHistory;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;
import org.nestj.engine.numerics.GlibcMath;

/**
 * clopath_synapse: voltage-based STDP (Clopath et al. 2010; NEST models/clopath_synapse.h), for targets that
 * keep a Clopath history (aeif_psc_delta_clopath, hh_psc_alpha_clopath). On a presynaptic spike at t with
 * dendritic delay d: for each LTP entry (t_p, dw) with t_p in (t_last - d, t - d],
 * w <- min(Wmax, w + dw x_bar e^{(t_last - t_p - d)/tau_x}); then w <- max(Wmin, w - LTD(t - d));
 * the spike is sent with w; x_bar <- x_bar e^{(t_last - t)/tau_x} + 1/tau_x, t_last <- t.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/clopath_synapse.html
 */
public final class ClopathSynapse extends SynapseType {
    static final int X_BAR = 0, TAU_X = 1, WMIN = 2, WMAX = 3, T_LAST = 4;

    public ClopathSynapse() {
        super("clopath_synapse", new String[] {"x_bar", "tau_x", "Wmin", "Wmax"}, new double[] {0.0, 15.0, 0.0, 100.0},
                new String[] {"t_lastspike"}, new double[] {0.0}, new String[0], new double[0], 80, false);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        int sw = (weight >= 0 ? 1 : 0) - (weight < 0 ? 1 : 0);
        if (sw != (v[WMIN] >= 0 ? 1 : 0) - (v[WMIN] < 0 ? 1 : 0)) throw bad("Weight and Wmin must have same sign.");
        if (sw != (v[WMAX] > 0 ? 1 : 0) - (v[WMAX] <= 0 ? 1 : 0)) throw bad("Weight and Wmax must have same sign.");
    }

    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        if (!(target instanceof ClopathArchive.Holder)) {
            // neurons: ConnectionManager::connect_ for REQUIRES_CLOPATH_ARCHIVING; devices (connected without
            // it): Node::register_stdp_connection
            if (target instanceof NeuronBlock) {
                throw new NestException("NotImplemented",
                        "This synapse model is not supported by the neuron model of at least one connection.");
            }
            throw NestException.cannotConnect("The target node does not support STDP synapses.");
        }
        ((NeuronBlock) target).registerStdpConnection(ti, v[T_LAST] - delayMs, delayMs);
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double[] xBar = c.ext[X_BAR], tauX = c.ext[TAU_X], tLast = c.ext[T_LAST];
        final double tSpike = x.tSpike, d = x.delay, tl = tLast[k];
        final ClopathArchive h = ((ClopathArchive.Holder) x.target).clopathArchive(x.ti);
        final double wmax = c.ext[WMAX][k], wmin = c.ext[WMIN][k];
        double w = c.w[k];
        final ExtendedHistory ltp = h.ltp;
        ltp.get(tl - d, tSpike - d);
        for (int j = ltp.from; j < ltp.to; j++) {
            double minusDt = tl - (ltp.t[j] + d);
            w += ltp.dw[j] * (xBar[k] * GlibcMath.exp(minusDt / tauX[k]));
            w = w < wmax ? w : wmax;
        }
        w -= h.ltdValue(tSpike - d, x.kernel.connections.stdpEps);
        w = w > wmin ? w : wmin;
        c.w[k] = w;
        x.weight = w;
        xBar[k] = xBar[k] * GlibcMath.exp((tl - tSpike) / tauX[k]) + 1.0 / tauX[k];
        tLast[k] = tSpike;
        return true;
    }
}
