package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SynapseType;
import org.nestj.engine.numerics.GlibcMath;

/**
 * quantal_stp_synapse: stochastic short-term plasticity with n release sites of which a are available
 * (Fuhrmann et al. 2002; Loebel et al. 2009; NEST models/quantal_stp_synapse.h). At a spike h after the
 * previous one (none before the first): u <- U + u (1 - U) e^{-h/tau_fac} (decay 0 if tau_fac < 1e-10), and
 * each of the n - a depleted sites recovers with probability 1 - e^{-h/tau_rec}; then each of the a
 * available sites releases with probability u. If k > 0 sites release, the spike is sent with weight k w and
 * a <- a - k; otherwise nothing is sent. Uniform draws in NEST's order (recovery, then release), from the
 * target node's random stream.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/quantal_stp_synapse.html
 */
public final class QuantalStpSynapse extends SynapseType {
    static final int U = 0, UU = 1, TAU_REC = 2, TAU_FAC = 3, N = 4, A = 5, T_LAST = 6;

    public QuantalStpSynapse() {
        super("quantal_stp_synapse", new String[] {"U", "u", "tau_rec", "tau_fac", "n", "a"},
                new double[] {0.5, 0.5, 800.0, 0.0, 1, 1}, new String[] {"t_lastspike"}, new double[] {-1.0},
                new String[0], new double[0], 80, false);
    }

    /** NEST's get_status of the connection has no size_of (sizeof: 24 bytes base + 6 doubles + 2 ints, for the _lbl variant) */
    private static final String[] ABSENT = {"sizeof"};

    @Override
    public String[] absentStatusKeys() {
        return ABSENT;
    }

    @Override
    public char connKind(int j) {
        return j == N || j == A ? 'l' : 'd';
    }

    @Override
    public void validate(double weight, double[] v, double[] c) {
        if (v[U] > 1.0 || v[U] < 0.0) throw bad("'U' must be in [0,1].");
        if (v[UU] > 1.0 || v[UU] < 0.0) throw bad("'u' must be in [0,1].");
        if (v[TAU_REC] <= 0.0) throw bad("'tau_rec' must be > 0.");
        if (v[TAU_FAC] < 0.0) throw bad("'tau_fac' must be >= 0.");
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double[][] e = c.ext;
        final double tSpike = x.tSpike;
        final Rng rng = x.target.nodeRng(x.ti);
        int n = (int) e[N][k], a = (int) e[A][k];
        double u = e[UU][k];
        if (e[T_LAST][k] >= 0.0) {
            final double h = tSpike - e[T_LAST][k];
            final double pDecay = GlibcMath.exp(-h / e[TAU_REC][k]);
            final double tauFac = e[TAU_FAC][k];
            final double uDecay = tauFac < 1.0e-10 ? 0.0 : GlibcMath.exp(-h / tauFac);
            final double bigU = e[U][k];
            u = bigU + u * (1. - bigU) * uDecay;
            e[UU][k] = u;
            for (int depleted = n - a; depleted > 0; --depleted) {
                if (rng.uniform() < (1.0 - pDecay)) ++a;
            }
        }
        int nRelease = 0;
        for (int i = a; i > 0; --i) {
            if (rng.uniform() < u) ++nRelease;
        }
        boolean sendSpike = nRelease > 0;
        if (sendSpike) {
            x.weight = nRelease * c.w[k];
            a -= nRelease;
        }
        e[A][k] = a;
        e[T_LAST][k] = tSpike;
        return sendSpike;
    }
}
