package org.nestj.engine.models;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.ExtendedHistory;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SynapseModel;
import org.nestj.engine.kernel.SynapseType;
import org.nestj.engine.numerics.GlibcMath;

/**
 * urbanczik_synapse: the dendritic prediction-error rule of Urbanczik and Senn (2014) for
 * pp_cond_exp_mc_urbanczik targets (NEST models/urbanczik_synapse.h). On a presynaptic spike at t with delay d,
 * every dendritic history entry (t_p, dPI) with t_p in (t_last - d, t - d] adds
 * PI = (tau_L_trace e^{(t_last - t_up)/tau_L} - tau_s_trace e^{(t_last - t_up)/tau_s}) dPI, t_up = t_p + d, to
 * PI_integral and e^{(t_up - t)/tau_Delta} PI to the new part of PI_exp_integral; then
 * PI_exp_integral <- e^{(t_last - t)/tau_Delta} PI_exp_integral + new part and
 * w = init_weight + (PI_integral - PI_exp_integral) 15 C_m tau_s eta / (g_L (tau_L - tau_s)), clipped to
 * [Wmin, Wmax] (tau_L = C_m/g_L and tau_s = tau_syn_ex or tau_syn_in of the dendrite by the sign of w); the
 * spike is sent with w; the traces decay and jump by 1; t_last <- t. init_weight is the weight when the
 * connection's status was last set (NEST's set_status), else the model default's.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/urbanczik_synapse.html
 */
public final class UrbanczikSynapse extends SynapseType {
    static final int TAU_DELTA = 0, ETA = 1, WMIN = 2, WMAX = 3, INIT_W = 4, PI_INT = 5, PI_EXP_INT = 6,
            TAU_L_TRACE = 7, TAU_S_TRACE = 8, T_LAST = 9;

    public UrbanczikSynapse() {
        super("urbanczik_synapse", new String[] {"tau_Delta", "eta", "Wmin", "Wmax"},
                new double[] {100.0, 0.07, 0.0, 100.0},
                new String[] {"init_weight", "PI_integral", "PI_exp_integral", "tau_L_trace", "tau_s_trace", "t_lastspike"},
                new double[] {1.0, 0.0, 0.0, 0.0, 0.0, -1.0}, new String[0], new double[0], 112, false);
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        v[INIT_W] = weight;   // set_status sets init_weight_ = weight_
        if (Math.copySign(1.0, weight) != Math.copySign(1.0, v[WMAX])) throw bad("Weight and Wmin must have same sign.");
        int sw = (weight >= 0 ? 1 : 0) - (weight < 0 ? 1 : 0);
        if (sw != (v[WMAX] > 0 ? 1 : 0) - (v[WMAX] <= 0 ? 1 : 0)) throw bad("Weight and Wmax must have same sign.");
    }

    @Override
    public void connected(NodeBlock target, int ti, double weight, double[] v, double delayMs, SynapseModel m) {
        if (!(target instanceof PpCondExpMcUrbanczik)) {
            // neurons: ConnectionManager::connect_ for REQUIRES_URBANCZIK_ARCHIVING (its text has two spaces
            // before "connection"); devices (connected without it): Node::register_stdp_connection
            if (target instanceof NeuronBlock) {
                throw new NestException("NotImplemented",
                        "This synapse model is not supported by the neuron model of at least one  connection.");
            }
            throw NestException.cannotConnect("The target node does not support STDP synapses.");
        }
        ((PpCondExpMcUrbanczik) target).registerStdpConnection(ti, v[T_LAST] - delayMs, delayMs);
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double[][] e = c.ext;
        final double tSpike = x.tSpike, d = x.delay, tl = e[T_LAST][k];
        final PpCondExpMcUrbanczik post = (PpCondExpMcUrbanczik) x.target;
        final int ti = x.ti, comp = PpCondExpMcUrbanczik.DEND;
        double w = c.w[k];
        final ExtendedHistory hist = post.uHist[ti];
        hist.get(tl - d, tSpike - d);
        final double gL = post.g_L[ti][comp], cm = post.C_m[ti][comp];
        final double tauL = cm / gL;
        final double tauS = w > 0.0 ? post.tau_synE[ti][comp] : post.tau_synI[ti][comp];
        final double tauDelta = e[TAU_DELTA][k];
        double dPIExp = 0.0;
        final double[] ht = hist.t, hdw = hist.dw;
        for (int j = hist.from; j < hist.to; j++) {
            double tUp = ht[j] + d;
            double minusDeltaTUp = tl - tUp;
            double minusTDown = tUp - tSpike;
            double pi = (e[TAU_L_TRACE][k] * GlibcMath.exp(minusDeltaTUp / tauL)
                    - e[TAU_S_TRACE][k] * GlibcMath.exp(minusDeltaTUp / tauS)) * hdw[j];
            e[PI_INT][k] += pi;
            dPIExp += GlibcMath.exp(minusTDown / tauDelta) * pi;
        }
        e[PI_EXP_INT][k] = GlibcMath.exp((tl - tSpike) / tauDelta) * e[PI_EXP_INT][k] + dPIExp;
        w = e[PI_INT][k] - e[PI_EXP_INT][k];
        w = e[INIT_W][k] + w * 15.0 * cm * tauS * e[ETA][k] / (gL * (tauL - tauS));
        if (w > e[WMAX][k]) w = e[WMAX][k];
        else if (w < e[WMIN][k]) w = e[WMIN][k];
        c.w[k] = w;
        x.weight = w;
        e[TAU_L_TRACE][k] = e[TAU_L_TRACE][k] * GlibcMath.exp((tl - tSpike) / tauL) + 1.0;
        e[TAU_S_TRACE][k] = e[TAU_S_TRACE][k] * GlibcMath.exp((tl - tSpike) / tauS) + 1.0;
        e[T_LAST][k] = tSpike;
        return true;
    }
}
