package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;

/**
 * glif_psc_double_alpha — glif_psc whose postsynaptic current on each port k is the sum of a fast and a slow
 * alpha kernel (NEST 3.9 models/glif_psc_double_alpha.{h,cpp}; doc: models/glif_psc_double_alpha.html).
 *
 * <pre>
 *   I_syn_k = alpha(tau_syn_fast_k) + amp_slow_k alpha(tau_syn_slow_k),  alpha(tau) = (e/tau) t exp(-t/tau)
 * </pre>
 * The machinery (exact integration, threshold components, after-spike currents) is {@link GlifPsc}'s; the fast
 * kernel uses its tau_syn arrays, the slow one tau_syn_slow / amp_slow.
 */
public final class GlifPscDoubleAlpha extends GlifPsc {
    public GlifPscDoubleAlpha(int n) {
        super(n);
        for (int i = 0; i < n; i++) {
            tau_syn_slow[i] = new double[] {6.0};
            amp_slow[i] = new double[] {0.3};
        }
    }

    @Override
    public GlifPscDoubleAlpha make(int n) {
        return new GlifPscDoubleAlpha(n);
    }

    @Override
    boolean doubleAlpha() {
        return true;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("tau_syn_fast", tau_syn[i].clone());
        d.put("tau_syn_slow", tau_syn_slow[i].clone());
        d.put("amp_slow", amp_slow[i].clone());
        putState(i, d);
    }

    @Override
    double[][] readSynapses(GP p, Status s) {
        final int i = p.i;
        double[] fast = tau_syn[i], slow = tau_syn_slow[i], amp = amp_slow[i];
        if (s.has("tau_syn_fast")) {
            fast = s.da("tau_syn_fast", fast);
            p.checkPorts(fast.length, tau_syn[i].length);
            checkPositive(fast, "All synaptic time constants must be strictly positive.");
        }
        if (s.has("tau_syn_slow")) {
            slow = s.da("tau_syn_slow", slow);
            checkPositive(slow, "All slow synaptic time constants must be strictly positive.");
        }
        if (s.has("amp_slow")) {
            amp = s.da("amp_slow", amp);
            checkPositive(amp, "All slow synaptic amplitudes must be strictly positive.");
        }
        return new double[][] {fast, slow, amp};
    }

    @Override
    void commitSynapses(int i, double[][] syn) {
        tau_syn[i] = syn[0];
        tau_syn_slow[i] = syn[1];
        amp_slow[i] = syn[2];
    }
}
