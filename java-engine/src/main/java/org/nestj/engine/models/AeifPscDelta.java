package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_delta — current-based adaptive exponential integrate-and-fire neuron with delta-shaped postsynaptic
 * currents (NEST 3.9 models/aeif_psc_delta.{h,cpp}; doc: models/aeif_psc_delta.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - w + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w
 *   spike of weight J (mV): V += J after the first RKF45 step of the simulation step, unless refractory;
 *   with refractory_input, input during refractoriness is summed, discounted by exp(-r h / tau_m), and added afterwards.
 * </pre>
 * State vector (V_m, w). As in NEST, the right-hand side uses the precomputed inverses 1/Delta_T, 1/C_m, 1/tau_w.
 */
public final class AeifPscDelta extends AeifBase {
    static final int W_ = 1;
    @PerNode public boolean[] refractory_input;
    @PerNode public double[] refrSpikes;
    double[] deltaTInv, cMInv, tauWInv;

    public AeifPscDelta(int n) {
        super(n, W_);
        refractory_input = fillB(n, false);
        refrSpikes = fill(n, 0.0);
        for (int i = 0; i < n; i++) y[i] = initialState(2, E_L[i]);
    }

    @Override
    public AeifPscDelta make(int n) {
        return new AeifPscDelta(n);
    }

    private static final String[] RECORDABLES = {"V_m", "w"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? y[i][0] : y[i][W_];
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final double V = refr ? V_reset[i] : minV(yy[0], V_peak[i]);
        final double w = yy[W_];
        final double iSpike = Delta_T[i] == 0.0 ? 0.0
                : g_L[i] * Delta_T[i] * GlibcMath.exp((V - V_th[i]) * deltaTInv[i]);
        f[0] = refr ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike - w + I_e[i] + iStim[i]) * cMInv[i];
        f[W_] = (a[i] * (V - E_L[i]) - w) * tauWInv[i];
    }

    @Override
    protected int spikeChannels() {
        return 1;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (deltaTInv == null) {
            deltaTInv = new double[n];
            cMInv = new double[n];
            tauWInv = new double[n];
        }
        for (int i = 0; i < n; i++) {
            deltaTInv[i] = 1. / Delta_T[i];
            cMInv[i] = 1. / C_m[i];
            tauWInv[i] = 1. / tau_w[i];
        }
    }

    @Override
    protected void afterApply(int i, double[] yy, long step, int lag, SpikeOut out) {
        if (r[i] == 0) {
            // the buffer entry is read (and cleared) by the first evolve call of the step; later ones add 0
            yy[0] = yy[0] + buf.take(1, step, i);
            if (refractory_input[i] && refrSpikes[i] != 0.0) {
                yy[0] += refrSpikes[i];
                refrSpikes[i] = 0.0;
            }
        } else {
            yy[0] = V_reset[i];
            if (refractory_input[i]) {
                // NEST computes -S_.r_ on an unsigned int, i.e. 2^32 - r_; reproduced as is
                double negR = (double) ((-(long) r[i]) & 0xFFFFFFFFL);
                double h = kernel.time.resolution();
                double tauM = C_m[i] / g_L[i];
                refrSpikes[i] += buf.take(1, step, i) * GlibcMath.exp(negR * h / tauM);
            } else {
                buf.take(1, step, i);
            }
        }
        if (r[i] == 0 && yy[0] >= vPeakEff[i]) {
            yy[0] = V_reset[i];
            r[i] = refractoryCounts[i] > 0 ? refractoryCounts[i] + 1 : 0;
            yy[W_] += b[i];
            emitSpike(i, step, lag, out);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(1, step, i, weight * mult);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("refractory_input", refractory_input[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be positive.", "V_th");
        p.checkPeakAboveTh();
        p.checkCm("Ensure that C_m > 0");
        p.checkTref();
        if (p.tauW <= 0) throw badProperty("tau_w must be strictly positive.");
        p.checkTol();
        boolean ri = s.b("refractory_input", refractory_input[i]);
        double v = s.d("V_m", y[i][0]);
        double w = s.d("w", y[i][W_]);
        setArchiving(i, s);
        p.commit(i);
        refractory_input[i] = ri;
        y[i][0] = v;
        y[i][W_] = w;
    }
}
