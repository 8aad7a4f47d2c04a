package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_psc_alpha_multisynapse — leaky integrate-and-fire neuron with an arbitrary number of
 * alpha-shaped synaptic currents, one per receptor port 1..n (n = len(tau_syn))
 * (NEST 3.9 models/iaf_psc_alpha_multisynapse.{h,cpp}; doc: models/iaf_psc_alpha_multisynapse.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (sum_k I_syn_k + I_e + I_0)/C_m
 *   I_syn_k(t) = sum_j w_j e/tau_syn_k (t - t_j) exp(-(t - t_j)/tau_syn_k)   (spikes on port k)
 *   V >= V_th: spike, V = V_reset, clamped for t_ref; V >= V_min always.
 * </pre>
 * Exact integration; P31/P32 of each port from {@link IafPropagator#alpha}. Recordables: I_syn
 * (sum of all ports), V_m and I_syn_1..I_syn_n.
 */
public final class IafPscAlphaMultisynapse extends IafPscMultisynapseBase {
    @PerNode public double[] LowerBound;
    @PerNode public double[][] y1, y2;
    double[] P33, P30;
    double[][] P11, P21, P22, P31, P32, PSCInit;

    public IafPscAlphaMultisynapse(int n) {
        super(n, "Capacitance must be strictly positive.");
        LowerBound = fill(n, Double.NEGATIVE_INFINITY);
        y1 = new double[n][];
        y2 = new double[n][];
        for (int i = 0; i < n; i++) {
            y1[i] = new double[0];
            y2[i] = new double[0];
        }
    }

    @Override
    public IafPscAlphaMultisynapse make(int n) {
        return new IafPscAlphaMultisynapse(n);
    }

    @Override
    double[] synCurrents(int i) {
        return y2[i];
    }

    @Override
    void getLowerBound(int i, Map<String, Object> d) {
        d.put("V_min", LowerBound[i] + E_L[i]);
    }

    @Override
    double readLowerBound(int i, Status s, double el, double dEL) {
        return s.has("V_min") ? s.d("V_min", 0) - el : LowerBound[i] - dEL;
    }

    @Override
    void storeLowerBound(int i, double lb) {
        LowerBound[i] = lb;
    }

    @Override
    void allocatePropagators() {
        P33 = new double[n]; P30 = new double[n];
        P11 = new double[n][]; P21 = new double[n][]; P22 = new double[n][]; P31 = new double[n][];
        P32 = new double[n][]; PSCInit = new double[n][];
    }

    @Override
    void calibrateNode(int i, double h) {
        int np = tau_syn[i].length;
        if (y1[i].length != np) y1[i] = Arrays.copyOf(y1[i], np);
        if (y2[i].length != np) y2[i] = Arrays.copyOf(y2[i], np);
        P33[i] = GlibcMath.exp(-h / Tau[i]);
        P30[i] = 1 / C[i] * (1 - P33[i]) * Tau[i];
        if (samePropagatorsAsPrevious(i)) {
            P11[i] = P11[i - 1]; P21[i] = P21[i - 1]; P22[i] = P22[i - 1];
            P31[i] = P31[i - 1]; P32[i] = P32[i - 1]; PSCInit[i] = PSCInit[i - 1];
            return;
        }
        P11[i] = new double[np]; P21[i] = new double[np]; P22[i] = new double[np];
        P31[i] = new double[np]; P32[i] = new double[np]; PSCInit[i] = new double[np];
        for (int k = 0; k < np; k++) {
            P11[i][k] = P22[i][k] = GlibcMath.exp(-h / tau_syn[i][k]);
            P21[i][k] = h * P11[i][k];
            double[] p = IafPropagator.alpha(tau_syn[i][k], Tau[i], C[i], h);
            P31[i][k] = p[0];
            P32[i][k] = p[1];
            PSCInit[i][k] = 1.0 * Math.E / tau_syn[i][k];
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
            final double[] a1 = y1[i], a2 = y2[i];
            final double[] p11 = P11[i], p21 = P21[i], p22 = P22[i], p31 = P31[i], p32 = P32[i], init = PSCInit[i];
            final int np = a1.length;
            final double p30 = P30[i], p33 = P33[i], ie = I_e[i], lower = LowerBound[i], theta = Theta[i];
            double vm = V_m[i], ic = I_const[i];
            int ri = r[i], slot = slot0, nsp = 0;
            for (int lag = from; lag < to; lag++) {
                if (ri == 0) {
                    double v = p30 * (ic + ie) + p33 * vm;
                    for (int k = 0; k < np; k++) v += p31[k] * a1[k] + p32[k] * a2[k];
                    vm = v < lower ? lower : v;
                } else {
                    --ri;
                }
                final int b = (slot * nn + i) * ch;
                for (int k = 0; k < np; k++) {
                    a2[k] = p21[k] * a1[k] + p22[k] * a2[k];
                    a1[k] *= p11[k];
                    a1[k] += init[k] * bd[b + 1 + k];
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
