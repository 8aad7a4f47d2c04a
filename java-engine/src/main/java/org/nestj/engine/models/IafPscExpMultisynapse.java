package org.nestj.engine.models;

import java.util.Arrays;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_psc_exp_multisynapse — leaky integrate-and-fire neuron with an arbitrary number of
 * exponentially decaying synaptic currents, one per receptor port 1..n (n = len(tau_syn))
 * (NEST 3.9 models/iaf_psc_exp_multisynapse.{h,cpp}; doc: models/iaf_psc_exp_multisynapse.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (sum_k I_syn_k + I_e + I_0)/C_m
 *   dI_syn_k/dt = -I_syn_k/tau_syn_k + sum_j w_j delta(t - t_j)     (spikes on port k)
 *   V >= V_th: spike, V = V_reset, clamped for t_ref.
 * </pre>
 * Exact integration; P21 of each port from {@link IafPropagator#exp}. Recordables: I_syn (sum of
 * all ports), V_m and I_syn_1..I_syn_n.
 */
public final class IafPscExpMultisynapse extends IafPscMultisynapseBase {
    @PerNode public double[][] i_syn;
    double[] P22, P20;
    double[][] P11, P21;

    public IafPscExpMultisynapse(int n) {
        super(n, "Capacitance must be > 0.");
        i_syn = new double[n][];
        for (int i = 0; i < n; i++) i_syn[i] = new double[0];
    }

    @Override
    public IafPscExpMultisynapse make(int n) {
        return new IafPscExpMultisynapse(n);
    }

    @Override
    double[] synCurrents(int i) {
        return i_syn[i];
    }

    @Override
    void checkTauSyn(double tauSyn, double tauM) {
        if (tauSyn == tauM) {
            throw badProperty("Membrane and synapse time constant(s) must differ. See note in documentation.");
        }
    }

    @Override
    void allocatePropagators() {
        P22 = new double[n]; P20 = new double[n]; P11 = new double[n][]; P21 = new double[n][];
    }

    @Override
    void calibrateNode(int i, double h) {
        int np = tau_syn[i].length;
        if (i_syn[i].length != np) i_syn[i] = Arrays.copyOf(i_syn[i], np);
        P22[i] = GlibcMath.exp(-h / Tau[i]);
        P20[i] = Tau[i] / C[i] * (1.0 - P22[i]);
        if (samePropagatorsAsPrevious(i)) {
            P11[i] = P11[i - 1];
            P21[i] = P21[i - 1];
            return;
        }
        P11[i] = new double[np];
        P21[i] = new double[np];
        for (int k = 0; k < np; k++) {
            P11[i][k] = GlibcMath.exp(-h / tau_syn[i][k]);
            P21[i][k] = IafPropagator.exp(tau_syn[i][k], Tau[i], C[i], h);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len, nn = n, ch = buf.channels;
        final boolean rec = recording();
        final int slot0 = (int) ((origin + from) % len);
        final int[] lags = out.lagScratch(to - from);
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] is = i_syn[i], p11 = P11[i], p21 = P21[i];
            final int np = is.length;
            final double p22 = P22[i], p20 = P20[i], ie = I_e[i], theta = Theta[i];
            double vm = V_m[i], ic = I_const[i];
            int ri = r[i], slot = slot0, nsp = 0;
            for (int lag = from; lag < to; lag++) {
                if (ri == 0) {
                    double v = vm * p22 + (ie + ic) * p20;
                    for (int k = 0; k < np; k++) v += p21[k] * is[k];
                    vm = v;
                } else {
                    --ri;
                }
                final int b = (slot * nn + i) * ch;
                for (int k = 0; k < np; k++) {
                    is[k] *= p11[k];
                    is[k] += bd[b + 1 + k];
                    bd[b + 1 + k] = 0;
                }
                if (vm >= theta) {
                    ri = refractoryCounts[i];
                    vm = V_reset[i];
                    lags[nsp++] = lag;
                }
                ic = bd[b];
                bd[b] = 0;
                if (rec && recordedBy[i] != null) {
                    storeState(i, vm, ic, ri);
                    record(origin + lag, i);
                }
                slot = slot + 1 == len ? 0 : slot + 1;
            }
            storeState(i, vm, ic, ri);
            emitSpikes(i, origin, lags, nsp, out);
        }
    }
}
