package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.BoostGamma;
import org.nestj.engine.numerics.GlibcMath;

/**
 * iaf_bw_2001 — leaky integrate-and-fire neuron with AMPA, GABA and approximate NMDA conductances after
 * Wang (1999) and Brunel &amp; Wang (2001) (NEST 3.9 models/iaf_bw_2001.{h,cpp}; doc: models/iaf_bw_2001.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
 *   I_AMPA = (V - E_ex) s_AMPA,  I_GABA = (V - E_in) s_GABA
 *   I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) s_NMDA
 *   ds_X/dt = -s_X / tau_X   (X = AMPA, GABA; tau_decay_NMDA for NMDA)
 * </pre>
 * Receptor ports AMPA = 1, GABA = 2 (a spike adds w to s_X) and NMDA = 3 (only from iaf_bw_2001 senders;
 * adds w times the sender's increment). A sender keeps its own presynaptic NMDA gate s_pre: at each spike
 * s_pre decays by exp(-(t_spike - t_lastspike) / tau_decay_NMDA), the increment is
 * {@code delta = k_0 + k_1 s_pre} with {@code k_0 = (alpha tau_r)^(tau_r/tau_d) gamma_lower(1 - tau_r/tau_d, alpha tau_r)}
 * (boost::math::tgamma_lower in NEST: {@link BoostGamma}),
 * {@code k_1 = expm1(-alpha tau_r)}, and s_pre += delta. As in NEST, delta travels with the spike in its offset
 * field (the model is "off grid"), so spike recorders store the spike at t - delta unless time_in_steps is set.
 * Integrated with GSL's RKF45 (control y_new(gsl_error_tol, 0)); per step: integrate, add spike input, refractory
 * clamp or threshold check (V >= V_th: spike, V = V_reset, refractory for t_ref), new stimulus current
 * (shared with iaf_bw_2001_exact: {@link IafBw2001Base}).
 */
public final class IafBw2001 extends IafBw2001Base {
    static final int S_NMDA = 3;
    /** Ring-buffer channel of the NMDA input (after AMPA, GABA, current). */
    static final int CH_NMDA = 3;

    /** presynaptic NMDA gate */
    @PerNode public double[] sNmdaPre;
    double[] k0, k1;
    /** per node: the arguments (a, x) of the last lower incomplete gamma evaluation and its value */
    private double[] gammaA, gammaX, gammaVal;

    public IafBw2001(int n) {
        super(n, 4);
        sNmdaPre = fill(n, 0.0);
    }

    @Override
    public IafBw2001 make(int n) {
        return new IafBw2001(n);
    }

    @Override
    int channels() {
        return 4;
    }

    @Override
    double sNmda(int i) {
        return y[i][S_NMDA];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("E_L", E_L[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("C_m", C_m[i]);
        d.put("g_L", g_L[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_AMPA", tau_AMPA[i]);
        d.put("tau_GABA", tau_GABA[i]);
        d.put("tau_decay_NMDA", tau_decay_NMDA[i]);
        d.put("tau_rise_NMDA", tau_rise_NMDA[i]);
        d.put("alpha", alpha[i]);
        d.put("conc_Mg2", conc_Mg2[i]);
        d.put("gsl_error_tol", gsl_error_tol[i]);
        d.put("V_m", y[i][V_M]);
        d.put("s_AMPA", y[i][S_AMPA]);
        d.put("s_GABA", y[i][S_GABA]);
        d.put("s_NMDA", y[i][S_NMDA]);
        d.put("I_NMDA", iNmda[i]);
        d.put("I_AMPA", iAmpa[i]);
        d.put("I_GABA", iGaba[i]);
        getArchiving(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double[] p = readParameters(i, s);
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double sa = s.d("s_AMPA", yi[S_AMPA]);
        double sg = s.d("s_GABA", yi[S_GABA]);
        double sn = s.d("s_NMDA", yi[S_NMDA]);
        setArchiving(i, s);
        storeParameters(i, p);
        yi[V_M] = v; yi[S_AMPA] = sa; yi[S_GABA] = sg; yi[S_NMDA] = sn;
    }

    @Override
    double nmdaGate(int i, double[] yy) {
        return yy[S_NMDA];
    }

    @Override
    void nmdaDynamics(int i, double[] yy, double[] f) {
        f[S_NMDA] = -yy[S_NMDA] / tau_decay_NMDA[i];
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (k0 == null) {
            k0 = new double[n];
            k1 = new double[n];
            gammaA = new double[n];
            gammaX = new double[n];
            gammaVal = new double[n];
            java.util.Arrays.fill(gammaA, Double.NaN);
        }
        for (int i = 0; i < n; i++) {
            final double alphaTau = alpha[i] * tau_rise_NMDA[i];
            final double rd = tau_rise_NMDA[i] / tau_decay_NMDA[i];
            k1[i] = GlibcMath.expm1(-alpha[i] * tau_rise_NMDA[i]);
            // boost::math::tgamma_lower(1 - rd, alphaTau); re-evaluated only when its arguments change (it costs
            // microseconds), and shared with the previous node when the arguments are the same
            final double a = 1 - rd;
            if (!(a > 0)) {
                // boost's domain error (double arguments are promoted to long double; 21 digits), which
                // NEST's prepare_nodes wraps
                throw new NestException("WrappedThreadException", "Error in function boost::math::gamma_p<long double>("
                        + "long double, long double): Argument a to the incomplete gamma function must be greater than "
                        + "zero (got a=" + NestException.ostream(a, 21) + ").");
            }
            if (!(a == gammaA[i] && alphaTau == gammaX[i])) {
                if (i > 0 && a == gammaA[i - 1] && alphaTau == gammaX[i - 1]) {
                    gammaVal[i] = gammaVal[i - 1];
                } else {
                    gammaVal[i] = BoostGamma.tgammaLower(a, alphaTau);
                }
                gammaA[i] = a;
                gammaX[i] = alphaTau;
            }
            k0[i] = GlibcMath.pow(alphaTau, rd) * gammaVal[i];
        }
    }

    @Override
    int odeDim(int i) {
        return dim;
    }

    @Override
    void addNmdaInput(int i, long step, double[] yi) {
        yi[S_NMDA] += take(CH_NMDA, step, i);
    }

    /** The spike carries the increment delta of the presynaptic NMDA gate in its offset field. */
    @Override
    void emitSpike(int i, long step, int lag, SpikeOut out) {
        final double tLast = t_spike[i];
        spiked(i, step + 1);
        final double tSpike = t_spike[i];
        sNmdaPre[i] = sNmdaPre[i] * GlibcMath.exp(-(tSpike - tLast) / tau_decay_NMDA[i]);
        final double delta = k0[i] + k1[i] * sNmdaPre[i];
        sNmdaPre[i] += delta;
        out.spike(gid(i), lag, 1, delta);
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (!(0 < rport && rport < 4)) throw unknownReceptorType(rport);
        if (rport == NMDA && !(src.prototype instanceof IafBw2001)) {
            throw NestException.cannotConnect(
                    "For NMDA synapses in iaf_bw_2001, pre-synaptic neuron must also be of type iaf_bw_2001");
        }
        return rport;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport < NMDA) buf.add(rport - 1, step, i, weight * mult);
        else buf.add(CH_NMDA, step, i, weight * mult * offset);
    }

    /** NEST: iaf_bw_2001 is off-grid (its spikes carry the s_NMDA increment as offset). */
    @Override
    public boolean isOffGrid(int i) {
        return true;
    }
}
