package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * eprop_iaf_adapt_bsshslm_2020 — eprop_iaf_bsshslm_2020 with threshold adaptation (NEST 3.9
 * models/eprop_iaf_adapt_bsshslm_2020.{h,cpp}; doc:
 * https://nest-simulator.readthedocs.io/en/v3.9/models/eprop_iaf_adapt_bsshslm_2020.html).
 *
 * <pre>
 *   a^t = rho a^{t-1} + z^{t-1},   rho = exp(-dt / adapt_tau)
 *   A^t = v_th + adapt_beta a^t     (the threshold of the spike condition and of the surrogate gradient)
 * </pre>
 * The adaptation is reset with the membrane at an update. Eligibility trace:
 * e = psi (z_bar - adapt_beta epsilon), epsilon = rho epsilon + e.
 */
public final class EpropIafAdaptBsshslm2020 extends EpropIafBsshslm2020 {
    @PerNode public double[] adapt_beta, adapt_tau;
    /** state: adaptation, adaptive threshold relative to E_L */
    @PerNode public double[] adaptation, vThAdapt;
    double[] pAdapt;

    public EpropIafAdaptBsshslm2020(int n) {
        super(n);
        adapt_beta = fill(n, 1.0);
        adapt_tau = fill(n, 10.0);
        adaptation = fill(n, 0.0);
        vThAdapt = fill(n, 15.0);
    }

    @Override
    public EpropIafAdaptBsshslm2020 make(int n) {
        return new EpropIafAdaptBsshslm2020(n);
    }

    private static final String[] RECORDABLES = {"adaptation", "eprop_history_duration", "learning_signal",
        "surrogate_gradient", "V_m", "V_th_adapt"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return adaptation[i];
            case 1: return epropHistoryDuration(i);
            case 2: return learningSignal[i];
            case 3: return surrogateGradient[i];
            case 4: return vM[i] + E_L[i];
            default: return vThAdapt[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        super.getStatus(i, d);
        d.put("adapt_beta", adapt_beta[i]);
        d.put("adapt_tau", adapt_tau[i]);
        d.put("adaptation", adaptation[i]);
        d.put("V_th_adapt", vThAdapt[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Params p = readParams(i, s);
        double ab = s.d("adapt_beta", adapt_beta[i]);
        double at = s.d("adapt_tau", adapt_tau[i]);
        readRest(i, s, p);
        if (ab < 0) throw badProperty("Threshold adaptation prefactor adapt_beta ≥ 0 required.");
        if (at <= 0) throw badProperty("Threshold adaptation time constant adapt_tau > 0 required.");
        checkParams(p);
        double v = s.has("V_m") ? s.d("V_m", 0) - p.el : vM[i] - p.deltaEL;
        double a = adaptation[i], vta;
        if (s.has("adaptation")) {
            // the adaptive threshold follows the adaptation (and the new V_th, adapt_beta)
            a = s.d("adaptation", 0);
            vta = p.vth + ab * a;
        } else {
            vta = vThAdapt[i] - p.deltaEL;
        }
        storeParams(i, p);
        adapt_beta[i] = ab;
        adapt_tau[i] = at;
        vM[i] = v;
        adaptation[i] = a;
        vThAdapt[i] = vta;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        final double dt = kernel.time.resolution();
        if (pAdapt == null) pAdapt = new double[n];
        for (int i = 0; i < n; i++) pAdapt[i] = GlibcMath.exp(-dt / adapt_tau[i]);
    }

    @Override
    double adapt(int i, double zPrev) {
        adaptation[i] = pAdapt[i] * adaptation[i] + zPrev;
        vThAdapt[i] = V_th[i] + adapt_beta[i] * adaptation[i];
        return vThAdapt[i];
    }

    @Override
    void resetAdaptation(int i) {
        adaptation[i] = 0.0;
    }

    @Override
    boolean isAdaptive() {
        return true;
    }

    @Override
    double adaptBeta(int i) {
        return adapt_beta[i];
    }

    @Override
    double pAdapt(int i) {
        return pAdapt[i];
    }
}
