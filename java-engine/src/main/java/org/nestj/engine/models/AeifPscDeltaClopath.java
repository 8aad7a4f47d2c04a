package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.ClopathArchive;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * aeif_psc_delta_clopath — adaptive exponential integrate-and-fire neuron with delta-shaped inputs, adaptive threshold,
 * spike after-potential, clamping after spikes and the low-pass filtered membrane potentials used by the Clopath
 * plasticity rule (NEST 3.9 models/aeif_psc_delta_clopath.{h,cpp}; doc: models/aeif_psc_delta_clopath.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - w + z + I_e + I_stim
 *   tau_w dw/dt = a (V - E_L) - w      (0 while clamped)
 *   tau_z dz/dt = -z;   tau_V_th dV_th/dt = -(V_th - V_th_rest)
 *   tau_u_bar_plus du+/dt = V - u+;  tau_u_bar_minus du-/dt = V - u-;  tau_u_bar_bar du=/dt = u- - u=
 *   V >= V_peak (V_th if Delta_T == 0): spike, V = V_clamp for t_clamp, w += b, z = I_sp, V_th = V_th_max;
 *   then V = V_reset for t_ref.
 * </pre>
 * State vector (V_m, w, z, V_th, u_bar_plus, u_bar_minus, u_bar_bar). After every step the Clopath history
 * (ClopathArchive: LTD/LTP entries read by clopath_synapse) is written, before the clamp/refractory count-down.
 */
public final class AeifPscDeltaClopath extends AeifBase implements ClopathArchive.Holder {
    private ClopathArchive[] clopath;
    static final int W_ = 1, Z = 2, V_TH = 3, U_BAR_PLUS = 4, U_BAR_MINUS = 5, U_BAR_BAR = 6;
    @PerNode public double[] tau_z, tau_V_th, V_th_max, tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar, I_sp, t_clamp,
            V_clamp;
    // ClopathArchivingNode
    @PerNode public double[] A_LTD, A_LTP, u_ref_squared, theta_plus, theta_minus, delay_u_bars;
    @PerNode public boolean[] A_LTD_const;
    @PerNode public int[] clampR;
    int[] clampCounts;

    public AeifPscDeltaClopath(int n) {
        super(n, W_);
        V_peak = fill(n, 33.0);
        tau_z = fill(n, 40.0);
        tau_V_th = fill(n, 50.0);
        V_th_max = fill(n, 30.4);
        tau_u_bar_plus = fill(n, 7.0);
        tau_u_bar_minus = fill(n, 10.0);
        tau_u_bar_bar = fill(n, 500.0);
        I_sp = fill(n, 400.0);
        t_clamp = fill(n, 2.0);
        V_clamp = fill(n, 33.0);
        A_LTD = fill(n, 14.0e-5);
        A_LTP = fill(n, 8.0e-5);
        u_ref_squared = fill(n, 60.0);
        theta_plus = fill(n, -45.3);
        theta_minus = fill(n, -70.6);
        delay_u_bars = fill(n, 5.0);
        A_LTD_const = fillB(n, true);
        clampR = fillI(n, 0);
        for (int i = 0; i < n; i++) {
            double[] v = initialState(7, E_L[i]);
            v[V_TH] = V_th[i];
            v[U_BAR_PLUS] = E_L[i];
            v[U_BAR_MINUS] = E_L[i];
            v[U_BAR_BAR] = E_L[i];
            y[i] = v;
        }
    }

    @Override
    public AeifPscDeltaClopath make(int n) {
        return new AeifPscDeltaClopath(n);
    }

    @Override
    protected String thKey() {
        return "V_th_rest";
    }

    private static final String[] RECORDABLES = {"u_bar_bar", "u_bar_minus", "u_bar_plus", "V_m", "V_th", "w", "z"};
    private static final int[] REC_INDEX = {U_BAR_BAR, U_BAR_MINUS, U_BAR_PLUS, 0, V_TH, W_, Z};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return y[i][REC_INDEX[var]];
    }

    @Override
    protected void rhs(int i, double[] yy, double[] f) {
        final boolean refr = r[i] > 0;
        final boolean clamped = clampR[i] > 0;
        final double V = (refr || clamped) ? (clamped ? V_clamp[i] : V_reset[i]) : minV(yy[0], V_peak[i]);
        final double w = yy[W_], z = yy[Z], vTh = yy[V_TH];
        final double uBarPlus = yy[U_BAR_PLUS], uBarMinus = yy[U_BAR_MINUS], uBarBar = yy[U_BAR_BAR];
        final double dT = Delta_T[i];
        final double iSpike = dT == 0.0 ? 0.0 : (g_L[i] * dT * GlibcMath.exp((V - vTh) / dT));
        f[0] = (refr || clamped) ? 0.0 : (-g_L[i] * (V - E_L[i]) + iSpike - w + z + I_e[i] + iStim[i]) / C_m[i];
        f[W_] = clamped ? 0.0 : (a[i] * (V - E_L[i]) - w) / tau_w[i];
        f[Z] = -z / tau_z[i];
        f[V_TH] = -(vTh - V_th[i]) / tau_V_th[i];
        f[U_BAR_PLUS] = (-uBarPlus + V) / tau_u_bar_plus[i];
        f[U_BAR_MINUS] = (-uBarMinus + V) / tau_u_bar_minus[i];
        f[U_BAR_BAR] = (-uBarBar + uBarMinus) / tau_u_bar_bar[i];
    }

    @Override
    protected int spikeChannels() {
        return 1;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (clampCounts == null) clampCounts = new int[n];
        for (int i = 0; i < n; i++) {
            vPeakEff[i] = V_peak[i]; // V_.V_peak_ = P_.V_peak_; replaced by V_th inside the loop if Delta_T == 0
            clampCounts[i] = (int) kernel.time.msToSteps(t_clamp[i]);
        }
    }

    @Override
    protected void afterApply(int i, double[] yy, long step, int lag, SpikeOut out) {
        if (r[i] == 0 && clampR[i] == 0) {
            yy[0] = yy[0] + buf.take(1, step, i);
        } else {
            buf.take(1, step, i); // ignore input while refractory or clamped
        }
        if (Delta_T[i] == 0.0) vPeakEff[i] = yy[V_TH];
        if (yy[0] >= vPeakEff[i] && clampR[i] == 0) {
            yy[0] = V_clamp[i];
            yy[W_] += b[i];
            yy[Z] = I_sp[i];
            yy[V_TH] = V_th_max[i];
            clampR[i] = clampCounts[i] > 0 ? clampCounts[i] + 1 : 0;
            emitSpike(i, step, lag, out);
        } else if (clampR[i] == 1) {
            yy[0] = V_reset[i];
            clampR[i] = 0;
            r[i] = refractoryCounts[i] > 0 ? refractoryCounts[i] + 1 : 0;
        }
        if (r[i] > 0) yy[0] = V_reset[i];
    }

    @Override
    protected void initNodeBuffers(int i) {
        super.initNodeBuffers(i);
        if (clopath == null) clopath = new ClopathArchive[n];
        if (clopath[i] == null) clopath[i] = new ClopathArchive();
        clopath[i].init((int) kernel.time.delayMsToSteps(delay_u_bars[i]), (int) kernel.connections.maxDelay());
    }

    @Override
    public ClopathArchive clopathArchive(int i) {
        return clopath[i];
    }

    @Override
    protected void endStep(int i, double[] yy, long step) {
        clopath[i].write(kernel.time.stepsToMs(step + 1), yy[0], yy[U_BAR_PLUS], yy[U_BAR_MINUS], yy[U_BAR_BAR],
                nIncoming[i], A_LTD[i], A_LTP[i], u_ref_squared[i], theta_plus[i], theta_minus[i], A_LTD_const[i],
                kernel.time.resolution());
        if (clampR[i] > 0) --clampR[i];
        if (r[i] > 0) --r[i];
        iStim[i] = buf.take(CUR, step, i);
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(1, step, i, weight * mult);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getCommon(i, d);
        d.put("V_th_max", V_th_max[i]);
        d.put("tau_V_th", tau_V_th[i]);
        d.put("I_sp", I_sp[i]);
        d.put("tau_z", tau_z[i]);
        d.put("tau_u_bar_plus", tau_u_bar_plus[i]);
        d.put("tau_u_bar_minus", tau_u_bar_minus[i]);
        d.put("tau_u_bar_bar", tau_u_bar_bar[i]);
        d.put("V_clamp", V_clamp[i]);
        d.put("t_clamp", t_clamp[i]);
        d.put("u_bar_plus", y[i][U_BAR_PLUS]);
        d.put("u_bar_minus", y[i][U_BAR_MINUS]);
        d.put("u_bar_bar", y[i][U_BAR_BAR]);
        d.put("A_LTD", A_LTD[i]);
        d.put("A_LTP", A_LTP[i]);
        d.put("u_ref_squared", u_ref_squared[i]);
        d.put("theta_plus", theta_plus[i]);
        d.put("theta_minus", theta_minus[i]);
        d.put("A_LTD_const", A_LTD_const[i]);
        d.put("delay_u_bars", delay_u_bars[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        P p = new P(i, s);
        double vThMax = s.d("V_th_max", V_th_max[i]);
        double tauVth = s.d("tau_V_th", tau_V_th[i]);
        double isp = s.d("I_sp", I_sp[i]);
        double tz = s.d("tau_z", tau_z[i]);
        double tup = s.d("tau_u_bar_plus", tau_u_bar_plus[i]);
        double tum = s.d("tau_u_bar_minus", tau_u_bar_minus[i]);
        double tub = s.d("tau_u_bar_bar", tau_u_bar_bar[i]);
        double vcl = s.d("V_clamp", V_clamp[i]);
        double tcl = s.d("t_clamp", t_clamp[i]);
        p.checkResetBelowPeak("Ensure that V_reset < V_peak .");
        p.checkDeltaT("Delta_T must be greater than or equal to zero.", "V_th_rest");
        if (vThMax < p.vTh) throw badProperty("V_th_max >= V_th_rest required.");
        if (p.vPeak < p.vTh) throw badProperty("V_peak >= V_th_rest required.");
        p.checkCm("Ensure that C_m > 0");
        p.checkTref();
        if (tcl < 0) throw badProperty("Ensure that t_clamp >= 0");
        if (p.tauW <= 0 || tauVth <= 0 || tz <= 0 || tup <= 0 || tum <= 0 || tub <= 0) {
            throw badProperty("All time constants must be strictly positive.");
        }
        p.checkTol();
        double[] ny = y[i].clone();
        ny[0] = s.d("V_m", ny[0]);
        ny[W_] = s.d("w", ny[W_]);
        ny[U_BAR_PLUS] = s.d("u_bar_plus", ny[U_BAR_PLUS]);
        ny[U_BAR_MINUS] = s.d("u_bar_minus", ny[U_BAR_MINUS]);
        ny[U_BAR_BAR] = s.d("u_bar_bar", ny[U_BAR_BAR]);
        // ClopathArchivingNode::set_status: A_LTD, A_LTP and u_ref_squared are stored before u_ref_squared is
        // checked (an invalid u_ref_squared stays, as in NEST)
        setArchiving(i, s);
        double altd = s.d("A_LTD", A_LTD[i]);
        double altp = s.d("A_LTP", A_LTP[i]);
        double uref = s.d("u_ref_squared", u_ref_squared[i]);
        double thp = s.d("theta_plus", theta_plus[i]);
        double thm = s.d("theta_minus", theta_minus[i]);
        boolean altdConst = s.b("A_LTD_const", A_LTD_const[i]);
        double dub = s.d("delay_u_bars", delay_u_bars[i]);
        A_LTD[i] = altd;
        A_LTP[i] = altp;
        u_ref_squared[i] = uref;
        if (uref <= 0) throw badProperty("Ensure that u_ref_squared > 0");
        theta_plus[i] = thp;
        theta_minus[i] = thm;
        A_LTD_const[i] = altdConst;
        delay_u_bars[i] = dub;
        p.commit(i);
        V_th_max[i] = vThMax;
        tau_V_th[i] = tauVth;
        I_sp[i] = isp;
        tau_z[i] = tz;
        tau_u_bar_plus[i] = tup;
        tau_u_bar_minus[i] = tum;
        tau_u_bar_bar[i] = tub;
        V_clamp[i] = vcl;
        t_clamp[i] = tcl;
        System.arraycopy(ny, 0, y[i], 0, ny.length);
    }
}
