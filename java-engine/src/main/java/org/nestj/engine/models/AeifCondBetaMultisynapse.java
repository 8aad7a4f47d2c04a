package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * aeif_cond_beta_multisynapse — conductance-based adaptive exponential integrate-and-fire neuron with any number of
 * beta-shaped (difference of exponentials) synaptic conductances (NEST 3.9 models/aeif_cond_beta_multisynapse.{h,cpp};
 * doc: models/aeif_cond_beta_multisynapse.html).
 *
 * <pre>
 *   ddg_k/dt = -dg_k/tau_rise_k,  dg_k/dt = dg_k' - g_k/tau_decay_k,
 *   g0_k = beta_normalization_factor(tau_rise_k, tau_decay_k)   (peak conductance 1 nS per unit weight)
 * </pre>
 * Membrane, adaptation, ports and stepping in {@link AeifCondMultisynapseBase} and {@link AeifBase}.
 */
public final class AeifCondBetaMultisynapse extends AeifCondMultisynapseBase {
    @PerNode public double[][] tau_rise, tau_decay;

    public AeifCondBetaMultisynapse(int n) {
        super(n);
        tau_rise = new double[n][];
        tau_decay = new double[n][];
        for (int i = 0; i < n; i++) {
            tau_rise[i] = new double[] {2.0};
            tau_decay[i] = new double[] {20.0};
        }
    }

    @Override
    public AeifCondBetaMultisynapse make(int n) {
        return new AeifCondBetaMultisynapse(n);
    }

    /** NEST's libnestutil/beta_normalization_factor.h. */
    static double betaNormalizationFactor(double tauRise, double tauDecay) {
        final double tauDifference = tauDecay - tauRise;
        double peakValue = 0;
        if (Math.abs(tauDifference) > Math.ulp(1.0)) {
            final double tPeak = tauDecay * tauRise * GlibcLog.log(tauDecay / tauRise) / tauDifference;
            peakValue = GlibcMath.exp(-tPeak / tauDecay) - GlibcMath.exp(-tPeak / tauRise);
        }
        if (Math.abs(peakValue) < Math.ulp(1.0)) {
            return Math.E / tauDecay;
        }
        return (1. / tauRise - 1. / tauDecay) / peakValue;
    }

    @Override
    protected double g0(int i, int k) {
        return betaNormalizationFactor(tau_rise[i][k], tau_decay[i][k]);
    }

    @Override
    protected void synapseRhs(int i, double[] yy, double[] f) {
        final double[] tr = tau_rise[i], td = tau_decay[i];
        for (int k = 0; k < tr.length; k++) {
            final int j = 2 * k;
            f[DG + j] = -yy[DG + j] / tr[k];
            f[G + j] = yy[DG + j] - yy[G + j] / td[k];
        }
    }

    @Override
    protected double[][] readTaus(int i, Status s, boolean eRevFlag, double[] eRev, int oldN) {
        boolean rFlag = s.has("tau_rise");
        boolean dFlag = s.has("tau_decay");
        double[] tr = s.da("tau_rise", tau_rise[i]);
        double[] td = s.da("tau_decay", tau_decay[i]);
        if (eRevFlag || rFlag || dFlag) {
            if ((eRev.length != oldN || tr.length != oldN || td.length != oldN) && (!eRevFlag || !rFlag || !dFlag)) {
                throw badProperty("If the number of receptor ports is changed, all three arrays E_rev, tau_rise and "
                        + "tau_decay must be provided.");
            }
            if (eRev.length != tr.length || eRev.length != td.length) {
                throw badProperty("The reversal potential, synaptic rise time and synaptic decay time arrays must have "
                        + "the same size.");
            }
            if (tr.length < oldN && has_connections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (int k = 0; k < tr.length; k++) {
                if (tr[k] <= 0 || td[k] <= 0) {
                    throw badProperty("All synaptic time constants must be strictly positive");
                }
                if (td[k] < tr[k]) {
                    throw badProperty("Synaptic rise time must be smaller than or equal to decay time.");
                }
            }
        }
        return new double[][] {tr, td};
    }

    @Override
    protected void commitTaus(int i, double[][] taus) {
        tau_rise[i] = taus[0];
        tau_decay[i] = taus[1];
    }

    @Override
    protected void putTaus(int i, Map<String, Object> d) {
        d.put("tau_rise", tau_rise[i].clone());
        d.put("tau_decay", tau_decay[i].clone());
    }
}
