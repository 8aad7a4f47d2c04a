package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * aeif_cond_alpha_multisynapse — conductance-based adaptive exponential integrate-and-fire neuron with any number of
 * alpha-shaped synaptic conductances (NEST 3.9 models/aeif_cond_alpha_multisynapse.{h,cpp};
 * doc: models/aeif_cond_alpha_multisynapse.html).
 *
 * <pre>
 *   ddg_k/dt = -dg_k/tau_syn_k,  dg_k/dt = dg_k' - g_k/tau_syn_k,  g0_k = e/tau_syn_k
 * </pre>
 * Membrane, adaptation, ports and stepping in {@link AeifCondMultisynapseBase} and {@link AeifBase}.
 */
public final class AeifCondAlphaMultisynapse extends AeifCondMultisynapseBase {
    @PerNode public double[][] tau_syn;

    public AeifCondAlphaMultisynapse(int n) {
        super(n);
        tau_syn = new double[n][];
        for (int i = 0; i < n; i++) tau_syn[i] = new double[] {2.0};
    }

    @Override
    public AeifCondAlphaMultisynapse make(int n) {
        return new AeifCondAlphaMultisynapse(n);
    }

    @Override
    protected double g0(int i, int k) {
        return 1.0 * Math.E / tau_syn[i][k];
    }

    @Override
    protected void synapseRhs(int i, double[] yy, double[] f) {
        final double[] ts = tau_syn[i];
        for (int k = 0; k < ts.length; k++) {
            final int j = 2 * k;
            f[DG + j] = -yy[DG + j] / ts[k];
            f[G + j] = yy[DG + j] - yy[G + j] / ts[k];
        }
    }

    @Override
    protected double[][] readTaus(int i, Status s, boolean eRevFlag, double[] eRev, int oldN) {
        boolean tauFlag = s.has("tau_syn");
        double[] ts = s.da("tau_syn", tau_syn[i]);
        if (eRevFlag || tauFlag) {
            if ((eRev.length != oldN || ts.length != oldN) && (!eRevFlag || !tauFlag)) {
                throw badProperty("If the number of receptor ports is changed, both arrays E_rev and tau_syn must be "
                        + "provided.");
            }
            if (eRev.length != ts.length) {
                throw badProperty("The reversal potential, and synaptic time constant arrays must have the same size.");
            }
            if (ts.length < oldN && has_connections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double t : ts) {
                if (t <= 0) throw badProperty("All synaptic time constants must be strictly positive");
            }
        }
        return new double[][] {ts};
    }

    @Override
    protected void commitTaus(int i, double[][] taus) {
        tau_syn[i] = taus[0];
    }

    @Override
    protected void putTaus(int i, Map<String, Object> d) {
        d.put("tau_syn", tau_syn[i].clone());
    }
}
