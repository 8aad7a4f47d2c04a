package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * gif_pop_psc_exp — a population of N generalized integrate-and-fire neurons with escape noise and exponential
 * postsynaptic currents, simulated on the mesoscopic level (Schwalger, Deger and Gerstner 2017, Figs. 11 and 12;
 * NEST 3.9 models/gif_pop_psc_exp.{h,cpp}; doc: models/gif_pop_psc_exp.html).
 *
 * <pre>
 *   tau_m dV/dt = -(V - E_L) + R (I_e + I_stim + I_syn),  R = tau_m / C_m, I_syn exponential (tau_syn_ex / _in)
 *   escape rate lambda(V - theta) = lambda_0 exp((V - theta)/Delta_V) (lambda_0 in 1/s), threshold
 *   theta = V_T_star + sum_j q_sfa_j exp(-t/tau_sfa_j) summed over the population's past spikes
 * </pre>
 * Per step the population is updated by the algorithm of the paper (refractory-density with a finite spike
 * history of len_kernel steps, len_kernel chosen automatically if &lt; 1); the number of spikes n_events is drawn
 * binomially (BinoRand) or Poisson from the expected number `mean` with the node's own random stream and sent as
 * one spike event of that multiplicity. Not an archiving node.
 */
public final class GifPopPscExp extends NodeBlock {
    static final int CUR = 0, EX = 1, IN = 2;
    // NEST's Parameters_
    @PerNode public long[] N, len_kernel;
    @PerNode public double[] tau_m, c_m, t_ref, lambda_0, Delta_V, I_e, V_reset, V_T_star, E_L, tau_syn_ex,
            tau_syn_in;
    @PerNode public double[][] tau_sfa, q_sfa;
    @PerNode public boolean[] BinoRand;
    // NEST's State_
    @PerNode public double[] y0, I_syn_ex, I_syn_in, V_m, n_expect, theta_hat;
    @PerNode public long[] n_spikes;
    @PerNode public boolean[] initialized;
    // NEST's Variables_ (kept over runs until the state is re-initialised)
    double[] P22, P20, P11ex, P11in, lambdaFree, x, z;
    int[] kRef, k0;
    double[][] nHist, mHist, vHist, uHist, lambdaHist, theta, thetaTld, g, Q30, Q30K;
    InputBuffer buf;

    public GifPopPscExp(int n) {
        super(n);
        N = fillL(n, 100);
        tau_m = fill(n, 20.0);
        c_m = fill(n, 250.0);
        t_ref = fill(n, 4.0);
        lambda_0 = fill(n, 10.0);
        Delta_V = fill(n, 2.0);
        len_kernel = fillL(n, -1);
        I_e = fill(n, 0.0);
        V_reset = fill(n, 0.0);
        V_T_star = fill(n, 15.0);
        E_L = fill(n, 0.0);
        tau_syn_ex = fill(n, 3.0);
        tau_syn_in = fill(n, 6.0);
        BinoRand = fillB(n, true);
        tau_sfa = new double[n][];
        q_sfa = new double[n][];
        for (int i = 0; i < n; i++) {
            tau_sfa[i] = new double[] {300.0};
            q_sfa[i] = new double[] {0.5};
        }
        y0 = fill(n, 0.0);
        I_syn_ex = fill(n, 0.0);
        I_syn_in = fill(n, 0.0);
        V_m = fill(n, 0.0);
        n_expect = fill(n, 0.0);
        theta_hat = fill(n, 0.0);
        n_spikes = fillL(n, 0);
        initialized = fillB(n, false);
    }

    @Override
    public GifPopPscExp make(int n) {
        return new GifPopPscExp(n);
    }

    @Override
    public int elementType() {
        return ELEMENT_NEURON;
    }

    private static final String[] RECORDABLES = {"E_sfa", "I_syn_ex", "I_syn_in", "mean", "n_events", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return theta_hat[i];
            case 1: return I_syn_ex[i];
            case 2: return I_syn_in[i];
            case 3: return n_expect[i];
            case 4: return n_spikes[i];
            default: return V_m[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("N", N[i]);
        d.put("tau_m", tau_m[i]);
        d.put("C_m", c_m[i]);
        d.put("lambda_0", lambda_0[i]);
        d.put("Delta_V", Delta_V[i]);
        d.put("len_kernel", len_kernel[i]);
        d.put("I_e", I_e[i]);
        d.put("V_reset", V_reset[i]);
        d.put("V_T_star", V_T_star[i]);
        d.put("E_L", E_L[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_syn_ex", tau_syn_ex[i]);
        d.put("tau_syn_in", tau_syn_in[i]);
        d.put("BinoRand", BinoRand[i]);
        d.put("tau_sfa", tau_sfa[i].clone());
        d.put("q_sfa", q_sfa[i].clone());
        d.put("V_m", V_m[i]);
        d.put("n_events", n_spikes[i]);
        d.put("E_sfa", theta_hat[i]);
        d.put("mean", n_expect[i]);
        d.put("I_syn_ex", I_syn_ex[i]);
        d.put("I_syn_in", I_syn_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        long nn = s.l("N", N[i]);
        double tm = s.d("tau_m", tau_m[i]);
        double cm = s.d("C_m", c_m[i]);
        double l0 = s.d("lambda_0", lambda_0[i]);
        double dv = s.d("Delta_V", Delta_V[i]);
        long lk = s.l("len_kernel", len_kernel[i]);
        double ie = s.d("I_e", I_e[i]);
        double vr = s.d("V_reset", V_reset[i]);
        double vt = s.d("V_T_star", V_T_star[i]);
        double el = s.d("E_L", E_L[i]);
        double tr = s.d("t_ref", t_ref[i]);
        double tse = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tsi = s.d("tau_syn_in", tau_syn_in[i]);
        boolean bino = s.b("BinoRand", BinoRand[i]);
        double[] tsfa = s.da("tau_sfa", tau_sfa[i]);
        double[] qsfa = s.da("q_sfa", q_sfa[i]);
        if (tsfa.length != qsfa.length) {
            throw badProperty("'tau_sfa' and 'q_sfa' need to have the same dimension.\nSize of tau_sfa: " + tsfa.length
                    + "\nSize of q_sfa: " + qsfa.length);
        }
        if (cm <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (tm <= 0) throw badProperty("The membrane time constants must be strictly positive.");
        if (tse <= 0 || tsi <= 0) throw badProperty("The synaptic time constants must be strictly positive.");
        for (double t : tsfa) {
            if (t <= 0) throw badProperty("All time constants must be strictly positive.");
        }
        if (nn <= 0) throw badProperty("Number of neurons must be positive.");
        if (l0 < 0) throw badProperty("lambda_0 must be positive.");
        if (dv <= 0) throw badProperty("Delta_V must be strictly positive.");
        if (tr < 0) throw badProperty("Absolute refractory period cannot be negative.");
        double v = s.d("V_m", V_m[i]);
        double ise = s.d("I_syn_ex", I_syn_ex[i]);
        double isi = s.d("I_syn_in", I_syn_in[i]);
        N[i] = nn; tau_m[i] = tm; c_m[i] = cm; lambda_0[i] = l0; Delta_V[i] = dv; len_kernel[i] = lk; I_e[i] = ie;
        V_reset[i] = vr; V_T_star[i] = vt; E_L[i] = el; t_ref[i] = tr; tau_syn_ex[i] = tse; tau_syn_in[i] = tsi;
        BinoRand[i] = bino; tau_sfa[i] = tsfa; q_sfa[i] = qsfa;
        V_m[i] = v; I_syn_ex[i] = ise; I_syn_in[i] = isi;
        initialized[i] = false; // the history vectors are re-initialised with the new parameters
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 3, ringLen);
    }

    /** Value of the sum-of-exponentials adaptation kernel at a lag of k steps (no division by tau). */
    private double adaptationKernel(int i, int k, double h) {
        double th = 0.0;
        for (int j = 0; j < tau_sfa[i].length; j++) th += q_sfa[i][j] * GlibcMath.exp(-k * h / tau_sfa[i][j]);
        return th;
    }

    /** get_history_size: the automatic kernel length (Eq. 86 and GetHistoryLength of the paper). */
    private int historySize(int i, double h) {
        final double tmax = 20000.0;
        int k = (int) (tmax / h);
        final int kmin = (int) (5 * tau_m[i] / h);
        while (adaptationKernel(i, k, h) / Delta_V[i] < 0.1 && k > kmin) k--;
        if (k * h <= t_ref[i]) k = (int) (t_ref[i] / h) + 1;
        return k;
    }

    @Override
    public void calibrate() {
        final double h = kernel.time.resolution();
        if (P22 == null) {
            P22 = new double[n]; P20 = new double[n]; P11ex = new double[n]; P11in = new double[n];
            lambdaFree = new double[n]; x = new double[n]; z = new double[n];
            kRef = new int[n]; k0 = new int[n];
            nHist = new double[n][]; mHist = new double[n][]; vHist = new double[n][]; uHist = new double[n][];
            lambdaHist = new double[n][]; theta = new double[n][]; thetaTld = new double[n][];
            g = new double[n][]; Q30 = new double[n][]; Q30K = new double[n][];
        }
        for (int i = 0; i < n; i++) {
            if (tau_sfa[i].length == 0) throw badProperty("Time constant array should not be empty. ");
            if (q_sfa[i].length == 0) throw badProperty("Adaptation value array should not be empty. ");
            P22[i] = GlibcMath.exp(-h / tau_m[i]);
            P20[i] = tau_m[i] / c_m[i] * (1 - P22[i]);
            P11ex[i] = GlibcMath.exp(-h / tau_syn_ex[i]);
            P11in[i] = GlibcMath.exp(-h / tau_syn_in[i]);
            if (initialized[i]) continue;
            if (len_kernel[i] < 1) len_kernel[i] = historySize(i, h);
            final int len = (int) len_kernel[i];
            kRef[i] = (int) kernel.time.msToSteps(t_ref[i]);
            lambdaFree[i] = 0.0;
            nHist[i] = new double[len];
            mHist[i] = new double[len];
            vHist[i] = new double[len];
            uHist[i] = new double[len];
            lambdaHist[i] = new double[len];
            theta[i] = new double[len];
            thetaTld[i] = new double[len];
            for (int k = 0; k < len; k++) {
                final double th = adaptationKernel(i, len - k, h);
                theta[i][k] = th;
                thetaTld[i][k] = Delta_V[i] * (1. - GlibcMath.exp(-th / Delta_V[i])) / (double) N[i];
            }
            nHist[i][len - 1] = N[i];
            mHist[i][len - 1] = N[i];
            x[i] = 0.0;
            z[i] = 0.0;
            k0[i] = 0;
            final int ns = tau_sfa[i].length;
            g[i] = new double[ns];
            Q30[i] = new double[ns];
            Q30K[i] = new double[ns];
            for (int k = 0; k < ns; k++) {
                Q30K[i][k] = q_sfa[i][k] * tau_sfa[i][k] * GlibcMath.exp(-h * len / tau_sfa[i][k]);
                Q30[i][k] = GlibcMath.exp(-h / tau_sfa[i][k]);
            }
            initialized[i] = true;
        }
    }

    private double escrate(int i, double v) {
        return lambda_0[i] * GlibcMath.exp(v / Delta_V[i]);
    }

    private long drawPoisson(int i, double nExp, Rng rng) {
        final long nn = N[i];
        long nt;
        if (nExp > nn) {
            nt = nn;
        } else if (nExp > Double.MIN_NORMAL) {
            if (1. - (nExp + 1.) * GlibcMath.exp(-nExp) > Double.MIN_NORMAL) {
                nt = rng.poisson(nExp);
            } else {
                nt = rng.uniform() < nExp ? 1 : 0;
            }
            if (nt > nn) nt = nn;
            if (nt < 0) nt = 0;
        } else {
            nt = 0;
        }
        return nt;
    }

    private long drawBinomial(int i, double nExp, Rng rng) {
        final double p = nExp / N[i];
        if (p >= 1.) return N[i];
        if (p <= 0.) return 0;
        return rng.binomial(N[i], p);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final int len = (int) len_kernel[i];
            final double[] nH = nHist[i], mH = mHist[i], vH = vHist[i], uH = uHist[i], lH = lambdaHist[i],
                    th = theta[i], thT = thetaTld[i], gg = g[i], q30 = Q30[i], q30k = Q30K[i];
            final double tm = tau_m[i], cm = c_m[i], tse = tau_syn_ex[i], tsi = tau_syn_in[i], el = E_L[i];
            final double p22 = P22[i], pex = P11ex[i], pin = P11in[i];
            final double nD = (double) N[i];
            final Rng rng = nodeRng(i);
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                // membrane and synapse update (Fig. 11, line 6 and 10-11)
                double hTot = (I_e[i] + y0[i]) * P20[i] + el;
                double jnaEx = buf.take(EX, step, i) / h;
                double jnaIn = buf.take(IN, step, i) / h;
                jnaEx *= tse / cm;
                jnaIn *= tsi / cm;
                double jnyEx = I_syn_ex[i] / cm;
                double jnyIn = I_syn_in[i] / cm;
                final double hExTmp = (tse * pex * (jnyEx - jnaEx) - p22 * (tse * jnyEx - tm * jnaEx));
                final double hInTmp = (tsi * pin * (jnyIn - jnaIn) - p22 * (tsi * jnyIn - tm * jnaIn));
                final double hEx = tm * (jnaEx + hExTmp / (tse - tm));
                final double hIn = tm * (jnaIn + hInTmp / (tsi - tm));
                hTot += hEx + hIn;
                jnyEx = jnaEx + (jnyEx - jnaEx) * pex;
                jnyIn = jnaIn + (jnyIn - jnaIn) * pin;
                I_syn_ex[i] = jnyEx * cm;
                I_syn_in[i] = jnyIn * cm;
                y0[i] = buf.take(CUR, step, i);

                // procedure update population (Fig. 12)
                double W = 0, X = 0, Y = 0, Z = 0;
                double thHat = V_T_star[i];
                V_m[i] = (V_m[i] - el) * p22 + hTot;
                final int kk0 = k0[i];
                for (int j = 0; j < gg.length; j++) {
                    final double gTmp = (1. - q30[j]) * nH[kk0] / (nD * h);
                    gg[j] = gg[j] * q30[j] + gTmp;
                    thHat += q30k[j] * gg[j];
                }
                double lambdaTld = escrate(i, V_m[i] - thHat);
                final double pFree = 1 - GlibcMath.exp(-0.0005 * (lambdaFree[i] + lambdaTld) * h);
                lambdaFree[i] = lambdaTld;
                thHat -= nH[0] * thT[0];
                theta_hat[i] = thHat;
                for (int k = 0; k < len; k++) X += mH[k];
                double thLocal = thHat;
                final int kMax = len - kRef[i];
                for (int km = 0; km < kMax; km++) {
                    final int k = (kk0 + km) % len;
                    final double thK = th[km] + thLocal;
                    thLocal += nH[k] * thT[km];
                    uH[k] = (uH[k] - el) * p22 + hTot;
                    lambdaTld = escrate(i, uH[k] - thK);
                    double pLambda = 0.0005 * (lambdaTld + lH[k]) * h;
                    if (pLambda > 0.01) pLambda = 1. - GlibcMath.exp(-pLambda);
                    lH[k] = lambdaTld;
                    Y += pLambda * vH[k];
                    Z += vH[k];
                    W += pLambda * mH[k];
                    final double ompl = 1. - pLambda;
                    vH[k] = ompl * ompl * vH[k] + pLambda * mH[k];
                    mH[k] = ompl * mH[k];
                }
                final double pBigLambda = (Z + z[i]) > 0.0 ? (Y + pFree * z[i]) / (Z + z[i]) : 0.0;
                n_expect[i] = W + pFree * x[i] + pBigLambda * (nD - X - x[i]);
                final long ns = BinoRand[i] ? drawBinomial(i, n_expect[i], rng) : drawPoisson(i, n_expect[i], rng);
                n_spikes[i] = ns;
                final double ompf = 1 - pFree;
                z[i] = ompf * ompf * z[i] + x[i] * pFree + vH[kk0];
                x[i] = x[i] * ompf + mH[kk0];
                nH[kk0] = ns;
                mH[kk0] = ns;
                vH[kk0] = 0;
                uH[kk0] = V_reset[i];
                lH[kk0] = 0.;
                k0[i] = (kk0 + 1) % len;

                if (rec && recordedBy[i] != null) record(step, i);
                if (ns > 0) out.spike(gid(i), lag, (int) ns);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        final double s = weight * mult;
        buf.add(s > 0.0 ? EX : IN, step, i, s);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CUR, step, i, current);
    }
}
