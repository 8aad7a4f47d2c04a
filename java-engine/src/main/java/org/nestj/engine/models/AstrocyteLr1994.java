package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcLog;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GslSolverFailure;

/**
 * astrocyte_lr_1994 — astrocytic calcium dynamics of Li and Rinzel (1994) (after De Young and Keizer 1992),
 * with input and output after Nadkarni and Jung (2003) (NEST 3.9 models/astrocyte_lr_1994.{h,cpp};
 * https://nest-simulator.readthedocs.io/en/v3.9/models/astrocyte_lr_1994.html).
 *
 * <pre>
 *   d[IP3]/dt = (IP3_0 - [IP3]) / tau_IP3               (+ delta_IP3 * J_syn: each excitatory spike weight)
 *   d[Ca]/dt  = J_channel - J_pump + J_leak + J_noise     (J_noise: current input)
 *   dh/dt     = alpha_h (1 - h) - beta_h h
 *   c = clamp([Ca], 0, Ca_tot), Ca_ER = (Ca_tot - c) / ratio_ER_cyt
 *   alpha_h = k_IP3R Kd_inh ([IP3] + Kd_IP3_1) / ([IP3] + Kd_IP3_2),  beta_h = k_IP3R c
 *   J_pump = rate_SERCA c^2 / (Km_SERCA^2 + c^2),  J_leak = ratio_ER_cyt rate_L (Ca_ER - c)
 *   J_channel = ratio_ER_cyt rate_IP3R m_inf^3 n_inf^3 h^3 (Ca_ER - c),
 *   m_inf = [IP3] / ([IP3] + Kd_IP3_1),  n_inf = c / (c + Kd_act)
 *   I_SIC = SIC_scale ln(y) H(ln y),  y = ([Ca] - SIC_th) * 1000   (nM)
 * </pre>
 *
 * Integrated with GSL's RKF45 (control y_new(1e-3, 0)) over each step; then [Ca] is clamped to
 * [0, Ca_tot], the spike input of the step is added to [IP3], the SIC of the step computed, the state
 * recorded and the current input of the step becomes J_noise. The SIC values of a slice are sent as
 * NEST's SICEvent (a delayed secondary event, like DelayedRateConnectionEvent) through sic_connection;
 * the whole min_delay buffer is sent, as in NEST. Spikes with negative weights are an error. Not an
 * archiving node. Recordables: Ca_astro, h_IP3R, IP3.
 */
public final class AstrocyteLr1994 extends GslNeuronBlock {
    static final int IP3 = 0, CA = 1, H = 2;
    @PerNode public double[] Ca_tot, IP3_0, Kd_IP3_1, Kd_IP3_2, Kd_act, Kd_inh, Km_SERCA, SIC_scale, SIC_th, delta_IP3,
            k_IP3R, rate_IP3R, rate_L, rate_SERCA, ratio_ER_cyt, tau_IP3;
    /** NEST's B_.sic_values: per node min_delay values, kept between slices */
    double[] sicValues;
    int md;

    public AstrocyteLr1994(int n) {
        super(n, 3);
        Ca_tot = fill(n, 2.0);
        IP3_0 = fill(n, 0.16);
        Kd_IP3_1 = fill(n, 0.13);
        Kd_IP3_2 = fill(n, 0.9434);
        Kd_act = fill(n, 0.08234);
        Kd_inh = fill(n, 1.049);
        Km_SERCA = fill(n, 0.1);
        SIC_scale = fill(n, 1.0);
        SIC_th = fill(n, 0.19669);
        delta_IP3 = fill(n, 0.0002);
        k_IP3R = fill(n, 0.0002);
        rate_IP3R = fill(n, 0.006);
        rate_L = fill(n, 0.00011);
        rate_SERCA = fill(n, 0.0009);
        ratio_ER_cyt = fill(n, 0.185);
        tau_IP3 = fill(n, 7142.0);
        for (int i = 0; i < n; i++) {
            y[i][IP3] = 0.16;
            y[i][CA] = 0.073;
            y[i][H] = 0.793;
        }
    }

    @Override
    public AstrocyteLr1994 make(int n) {
        return new AstrocyteLr1994(n);
    }

    private static final String[] REC = {"Ca_astro", "h_IP3R", "IP3"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][CA];
            case 1: return y[i][H];
            default: return y[i][IP3];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("Ca_tot", Ca_tot[i]);
        d.put("IP3_0", IP3_0[i]);
        d.put("Kd_act", Kd_act[i]);
        d.put("Kd_inh", Kd_inh[i]);
        d.put("Kd_IP3_1", Kd_IP3_1[i]);
        d.put("Kd_IP3_2", Kd_IP3_2[i]);
        d.put("Km_SERCA", Km_SERCA[i]);
        d.put("ratio_ER_cyt", ratio_ER_cyt[i]);
        d.put("delta_IP3", delta_IP3[i]);
        d.put("k_IP3R", k_IP3R[i]);
        d.put("SIC_scale", SIC_scale[i]);
        d.put("SIC_th", SIC_th[i]);
        d.put("rate_L", rate_L[i]);
        d.put("rate_IP3R", rate_IP3R[i]);
        d.put("rate_SERCA", rate_SERCA[i]);
        d.put("tau_IP3", tau_IP3[i]);
        d.put("IP3", y[i][IP3]);
        d.put("Ca_astro", y[i][CA]);
        d.put("h_IP3R", y[i][H]);
        d.put("node_uses_wfr", false);
    }

    @Override
    public void setStatus(int i, Status s) {
        double caTot = s.d("Ca_tot", Ca_tot[i]);
        double ip30 = s.d("IP3_0", IP3_0[i]);
        double kdAct = s.d("Kd_act", Kd_act[i]);
        double kdInh = s.d("Kd_inh", Kd_inh[i]);
        double kd1 = s.d("Kd_IP3_1", Kd_IP3_1[i]);
        double kd2 = s.d("Kd_IP3_2", Kd_IP3_2[i]);
        double km = s.d("Km_SERCA", Km_SERCA[i]);
        double ratio = s.d("ratio_ER_cyt", ratio_ER_cyt[i]);
        double dIp3 = s.d("delta_IP3", delta_IP3[i]);
        double kIp3r = s.d("k_IP3R", k_IP3R[i]);
        double sicScale = s.d("SIC_scale", SIC_scale[i]);
        double sicTh = s.d("SIC_th", SIC_th[i]);
        double rL = s.d("rate_L", rate_L[i]);
        double rIp3r = s.d("rate_IP3R", rate_IP3R[i]);
        double rSerca = s.d("rate_SERCA", rate_SERCA[i]);
        double tauIp3 = s.d("tau_IP3", tau_IP3[i]);
        if (caTot <= 0) throw badProperty("Total free astrocytic calcium concentration in terms of cytosolic volume must be positive.");
        if (ip30 < 0) throw badProperty("Baseline value of the astrocytic IP3 concentration must be non-negative.");
        if (kdAct <= 0) throw badProperty("Astrocytic IP3R dissociation constant of calcium (activation) must be positive.");
        if (kdInh < 0) throw badProperty("Astrocytic IP3R dissociation constant of calcium (inhibition) must be non-negative.");
        if (kd1 <= 0) throw badProperty("First astrocytic IP3R dissociation constant of IP3 must be positive.");
        if (kd2 <= 0) throw badProperty("Second astrocytic IP3R dissociation constant of IP3 must be positive.");
        if (km <= 0) throw badProperty("Activation constant of astrocytic SERCA pump must be positive.");
        if (ratio <= 0) throw badProperty("Ratio between astrocytic ER and cytosol volumes must be positive.");
        if (dIp3 < 0) {
            throw badProperty("Parameter determining the increase in astrocytic IP3 concentration induced by synaptic input "
                    + "must be non-negative.");
        }
        if (kIp3r < 0) throw badProperty("Astrocytic IP3R binding constant for calcium inhibition must be non-negative.");
        if (sicScale <= 0) throw badProperty("Parameter determining the scale of astrocytic SIC output must be positive.");
        if (sicTh < 0) {
            throw badProperty("Threshold that determines the minimal level of intracellular astrocytic calcium sufficient "
                    + "to induce SIC must be non-negative.");
        }
        if (rL < 0) throw badProperty("Rate constant of calcium leak from astrocytic ER to cytosol must be non-negative.");
        if (rIp3r < 0) throw badProperty("Maximum rate of calcium release via astrocytic IP3R must be non-negative.");
        if (rSerca < 0) throw badProperty("Maximum rate of calcium uptake by astrocytic SERCA pump must be non-negative.");
        if (tauIp3 <= 0) throw badProperty("Time constant of the exponential decay of astrocytic IP3 must be positive.");
        double ip3 = s.d("IP3", y[i][IP3]);
        double ca = s.d("Ca_astro", y[i][CA]);
        double h = s.d("h_IP3R", y[i][H]);
        if (ip3 < 0) throw badProperty("IP3 concentration must be non-negative.");
        if (ca < 0) throw badProperty("Calcium concentration must be non-negative.");
        if (h < 0 || h > 1) throw badProperty("The fraction of active IP3 receptors on the astrocytic ER must be between 0 and 1.");
        Ca_tot[i] = caTot;
        IP3_0[i] = ip30;
        Kd_act[i] = kdAct;
        Kd_inh[i] = kdInh;
        Kd_IP3_1[i] = kd1;
        Kd_IP3_2[i] = kd2;
        Km_SERCA[i] = km;
        ratio_ER_cyt[i] = ratio;
        delta_IP3[i] = dIp3;
        k_IP3R[i] = kIp3r;
        SIC_scale[i] = sicScale;
        SIC_th[i] = sicTh;
        rate_L[i] = rL;
        rate_IP3R[i] = rIp3r;
        rate_SERCA[i] = rSerca;
        tau_IP3[i] = tauIp3;
        y[i][IP3] = ip3;
        y[i][CA] = ca;
        y[i][H] = h;
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        final double ip3 = yy[IP3];
        final double hIp3r = yy[H];
        final double caTot = Ca_tot[i];
        final double calc = Math.max(0.0, Math.min(yy[CA], caTot));
        final double alphaH = k_IP3R[i] * Kd_inh[i] * (ip3 + Kd_IP3_1[i]) / (ip3 + Kd_IP3_2[i]);
        final double betaH = k_IP3R[i] * calc;
        // std::pow(x, 2) is folded to x * x by the compiler (exact)
        final double km = Km_SERCA[i];
        final double jPump = rate_SERCA[i] * (calc * calc) / ((km * km) + (calc * calc));
        final double mInf = ip3 / (ip3 + Kd_IP3_1[i]);
        final double nInf = calc / (calc + Kd_act[i]);
        final double ratio = ratio_ER_cyt[i];
        final double calcEr = (caTot - calc) / ratio;
        final double jLeak = ratio * rate_L[i] * (calcEr - calc);
        // std::pow(x, 3): glibc's pow, as GlibcMath.cube computes it
        final double jChannel = ratio * rate_IP3R[i] * GlibcMath.cube(mInf) * GlibcMath.cube(nInf)
                * GlibcMath.cube(hIp3r) * (calcEr - calc);
        f[IP3] = (IP3_0[i] - ip3) / tau_IP3[i];
        f[CA] = jChannel - jPump + jLeak + iStim[i];
        f[H] = alphaH * (1.0 - hIp3r) - betaH * hIp3r;
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        md = (int) kernel.connections.minDelay();
        if (sicValues == null || sicValues.length != n * md) sicValues = new double[n * md];
    }

    @Override
    public boolean sendsRates() {
        return true;
    }

    @Override
    public boolean sendsSic() {
        return true;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final Solver sv = solver();
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] yi = y[i];
            final int sb = i * md;
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                try {
                    integrate(sv, i, h);
                } catch (GslSolverFailure e) {
                    throw new NestException("GSLSolverFailure", "In model " + model.name + ", the GSL solver "
                            + "returned with exit status " + e.getStatus() + ".\nPlease make sure you have installed "
                            + "a recent GSL version (> gsl-1.10).");
                }
                yi[CA] = Math.max(0.0, Math.min(yi[CA], Ca_tot[i]));
                yi[IP3] += delta_IP3[i] * take(EX, step, i);
                final double calcThr = (yi[CA] - SIC_th[i]) * 1000.0;
                sicValues[sb + lag] = calcThr > 1.0 ? GlibcLog.log(calcThr) * SIC_scale[i] : 0.0;
                if (rec && recordedBy[i] != null) record(step, i);
                iStim[i] = take(CUR, step, i);
            }
            // the SICEvent carries the whole buffer
            System.arraycopy(sicValues, sb, ro.v, ro.begin(i), md);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight >= 0.0) {
            buf.add(EX, step, i, weight * mult);
        } else {
            throw NestException.kernel("astrocyte_lr_1994 cannot handle input spikes with negative weights.");
        }
    }
}
