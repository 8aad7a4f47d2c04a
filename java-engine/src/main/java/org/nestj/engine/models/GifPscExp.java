package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;
import org.nestj.engine.numerics.GlibcMath;

/**
 * gif_psc_exp — generalized integrate-and-fire neuron (Mensi et al. 2012, Pozzorini et al. 2015)
 * with exponential postsynaptic currents (NEST 3.9 models/gif_psc_exp.{h,cpp}; doc: models/gif_psc_exp.html).
 *
 * <pre>
 *   C dV/dt = -g_L (V - E_L) - sum_j eta_j(t) + I_syn_ex + I_syn_in + I_e + I_stim
 *   eta_j: spike-triggered currents, jump q_stc[j], decay tau_stc[j]     (I_stc = sum)
 *   V_T = V_T_star + sum_j gamma_j(t): spike-frequency adaptation, jump q_sfa[j], decay tau_sfa[j] (E_sfa)
 *   escape noise: spike in a step with probability 1 - exp(-lambda_0 exp((V - V_T)/Delta_V) h)
 *   after a spike V is held at V_reset for t_ref
 * </pre>
 * Exact integration; weights >= 0 go to the excitatory synapse. Random draws use the node's stream. Membrane,
 * adaptation and status in {@link GifPscBase} and {@link GifBase}.
 */
public final class GifPscExp extends GifPscBase {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] tau_ex, tau_in;
    @PerNode public double[] I_syn_ex, I_syn_in;
    double[] P11ex, P11in, P21ex, P21in;

    public GifPscExp(int n) {
        super(n);
        tau_ex = fill(n, 2.0);
        tau_in = fill(n, 2.0);
        I_syn_ex = fill(n, 0.0);
        I_syn_in = fill(n, 0.0);
    }

    @Override
    public GifPscExp make(int n) {
        return new GifPscExp(n);
    }

    private static final String[] RECORDABLES = {"E_sfa", "I_stc", "I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return sfa[i];
            case 1: return stc[i];
            case 2: return I_syn_ex[i];
            case 3: return I_syn_in[i];
            default: return V[i];
        }
    }

    @Override
    void getModelParameters(int i, Map<String, Object> d) {
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = new Common(i, s);
        double tex = s.d("tau_syn_ex", tau_ex[i]);
        double tin = s.d("tau_syn_in", tau_in[i]);
        p.readAdaptation(s);
        p.check();
        if (tex <= 0 || tin <= 0) throw badProperty("Synapse time constants must be strictly positive.");
        double v = s.d("V_m", V[i]);
        setArchiving(i, s);
        p.commit();
        tau_ex[i] = tex; tau_in[i] = tin;
        V[i] = v;
    }

    @Override
    int channels() {
        return 3;
    }

    @Override
    void allocateSynapses() {
        P11ex = new double[n]; P11in = new double[n]; P21ex = new double[n]; P21in = new double[n];
    }

    @Override
    void calibrateSynapses(int i, double h, double tauM) {
        P11ex[i] = GlibcMath.exp(-h / tau_ex[i]);
        P11in[i] = GlibcMath.exp(-h / tau_in[i]);
        P21ex[i] = IafPropagator.exp(tau_ex[i], tauM, c_m[i], h);
        P21in[i] = IafPropagator.exp(tau_in[i], tauM, c_m[i], h);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] se = stc_elems[i], fe = sfa_elems[i], pst = P_stc[i], psf = P_sfa[i];
            final double[] qst = q_stc[i], qsf = q_sfa[i];
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                final double sf = decayAdaptation(i, se, pst, fe, psf), st = stc[i];
                int slot = (int) (step % len);
                int kex = (EX * len + slot) * n + i, kin = (IN * len + slot) * n + i, k0 = (I0 * len + slot) * n + i;
                I_syn_ex[i] *= P11ex[i];
                I_syn_in[i] *= P11in[i];
                I_syn_ex[i] += bd[kex];
                I_syn_in[i] += bd[kin];
                if (r_ref[i] == 0) {
                    V[i] = P30[i] * (I_stim[i] + I_e[i] - st) + P33[i] * V[i] + P31[i] * E_L[i]
                            + I_syn_ex[i] * P21ex[i] + I_syn_in[i] * P21in[i];
                    escapeNoise(i, V[i], sf, h, se, qst, fe, qsf, step, lag, out);
                } else {
                    --r_ref[i];
                    V[i] = V_reset[i];
                }
                I_stim[i] = bd[k0];
                bd[kex] = 0; bd[kin] = 0; bd[k0] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(weight >= 0.0 ? EX : IN, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(I0, step, i, current);
    }
}
