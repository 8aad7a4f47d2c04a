package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.ClopathArchive;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * hh_psc_alpha_clopath — {@link HhPscAlpha} with the low-pass filtered membrane potentials of the Clopath
 * plasticity rule (NEST 3.9 models/hh_psc_alpha_clopath.{h,cpp}, nestkernel/clopath_archiving_node.cpp;
 * doc: models/hh_psc_alpha_clopath.html).
 *
 * <pre>
 *   Hodgkin-Huxley dynamics and alpha-shaped currents exactly as hh_psc_alpha, plus
 *   du_bar_plus/dt  = (-u_bar_plus + V) / tau_u_bar_plus
 *   du_bar_minus/dt = (-u_bar_minus + V) / tau_u_bar_minus
 *   du_bar_bar/dt   = (-u_bar_bar + u_bar_minus) / tau_u_bar_bar
 * </pre>
 * All eleven variables are integrated together by GSL's RKF45 (control y_new(1e-3, 0)); the update order is
 * hh_psc_alpha's. The ClopathArchivingNode parameters (A_LTD, A_LTP, u_ref_squared, theta_plus, theta_minus,
 * A_LTD_const, delay_u_bars) drive the Clopath history (ClopathArchive) written after the spike input of
 * every step, before the spike check, as in NEST; clopath_synapse reads it.
 */
public final class HhPscAlphaClopath extends HhPscAlpha implements ClopathArchive.Holder {
    private ClopathArchive[] clopath;
    static final int U_BAR_PLUS = 8, U_BAR_MINUS = 9, U_BAR_BAR = 10;
    @PerNode public double[] tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar;
    @PerNode public double[] A_LTD, A_LTP, u_ref_squared, theta_plus, theta_minus, delay_u_bars;
    @PerNode public boolean[] A_LTD_const;
    // values read by setStatus, committed by commitExtra
    private double nTp, nTm, nTb, nUp, nUm, nUb, nAltd, nAltp, nUref, nThp, nThm, nDelay;
    private boolean nConst;

    public HhPscAlphaClopath(int n) {
        super(n, 11);
        tau_u_bar_plus = fill(n, 114.0);
        tau_u_bar_minus = fill(n, 10.0);
        tau_u_bar_bar = fill(n, 500.0);
        A_LTD = fill(n, 14.0e-5);
        A_LTP = fill(n, 8.0e-5);
        u_ref_squared = fill(n, 60.0);
        theta_plus = fill(n, -45.3);
        theta_minus = fill(n, -70.6);
        A_LTD_const = fillB(n, true);
        delay_u_bars = fill(n, 5.0);
    }

    @Override
    public HhPscAlphaClopath make(int n) {
        return new HhPscAlphaClopath(n);
    }

    private static final String[] RECORDABLES = {"Act_m", "Act_n", "I_syn_ex", "I_syn_in", "Inact_h", "u_bar_bar",
        "u_bar_minus", "u_bar_plus", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 5: return y[i][U_BAR_BAR];
            case 6: return y[i][U_BAR_MINUS];
            case 7: return y[i][U_BAR_PLUS];
            case 8: return y[i][V_M];
            default: return super.recordable(var, i);
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        super.getStatus(i, d);
        d.put("A_LTD", A_LTD[i]);
        d.put("A_LTP", A_LTP[i]);
        d.put("u_ref_squared", u_ref_squared[i]);
        d.put("theta_plus", theta_plus[i]);
        d.put("theta_minus", theta_minus[i]);
        d.put("A_LTD_const", A_LTD_const[i]);
        d.put("delay_u_bars", delay_u_bars[i]);
        d.put("tau_u_bar_plus", tau_u_bar_plus[i]);
        d.put("tau_u_bar_minus", tau_u_bar_minus[i]);
        d.put("tau_u_bar_bar", tau_u_bar_bar[i]);
        d.put("u_bar_plus", y[i][U_BAR_PLUS]);
        d.put("u_bar_minus", y[i][U_BAR_MINUS]);
        d.put("u_bar_bar", y[i][U_BAR_BAR]);
    }

    @Override
    boolean readExtraParams(int i, Status s) {
        nTp = s.d("tau_u_bar_plus", tau_u_bar_plus[i]);
        nTm = s.d("tau_u_bar_minus", tau_u_bar_minus[i]);
        nTb = s.d("tau_u_bar_bar", tau_u_bar_bar[i]);
        return !(nTp <= 0 || nTm <= 0 || nTb <= 0);
    }

    @Override
    void readExtraState(int i, Status s) {
        nUp = s.d("u_bar_plus", y[i][U_BAR_PLUS]);
        nUm = s.d("u_bar_minus", y[i][U_BAR_MINUS]);
        nUb = s.d("u_bar_bar", y[i][U_BAR_BAR]);
    }

    @Override
    void readExtraArchiving(int i, Status s) {
        nAltd = s.d("A_LTD", A_LTD[i]);
        nAltp = s.d("A_LTP", A_LTP[i]);
        nUref = s.d("u_ref_squared", u_ref_squared[i]);
        nThp = s.d("theta_plus", theta_plus[i]);
        nThm = s.d("theta_minus", theta_minus[i]);
        nConst = s.b("A_LTD_const", A_LTD_const[i]);
        nDelay = s.d("delay_u_bars", delay_u_bars[i]);
        A_LTD[i] = nAltd;
        A_LTP[i] = nAltp;
        u_ref_squared[i] = nUref;
        if (nUref <= 0) throw badProperty("Ensure that u_ref_squared > 0");
    }

    @Override
    void commitExtra(int i) {
        tau_u_bar_plus[i] = nTp;
        tau_u_bar_minus[i] = nTm;
        tau_u_bar_bar[i] = nTb;
        y[i][U_BAR_PLUS] = nUp;
        y[i][U_BAR_MINUS] = nUm;
        y[i][U_BAR_BAR] = nUb;
        theta_plus[i] = nThp;
        theta_minus[i] = nThm;
        A_LTD_const[i] = nConst;
        delay_u_bars[i] = nDelay;
    }

    @Override
    public void initBuffers(int ringLen) {
        boolean first = !buffersInitialised;
        super.initBuffers(ringLen);
        if (first || clopath == null) {
            if (clopath == null) clopath = new ClopathArchive[n];
            for (int i = 0; i < n; i++) {
                if (clopath[i] == null) clopath[i] = new ClopathArchive();
                clopath[i].init((int) kernel.time.delayMsToSteps(delay_u_bars[i]), (int) kernel.connections.maxDelay());
            }
        }
    }

    @Override
    public ClopathArchive clopathArchive(int i) {
        return clopath[i];
    }

    @Override
    void afterInput(int i, double[] yi, long step) {
        clopath[i].write(kernel.time.stepsToMs(step + 1), yi[V_M], yi[U_BAR_PLUS], yi[U_BAR_MINUS], yi[U_BAR_BAR],
                nIncoming[i], A_LTD[i], A_LTP[i], u_ref_squared[i], theta_plus[i], theta_minus[i], A_LTD_const[i],
                kernel.time.resolution());
    }

    @Override
    void dynamics(int i, double[] yy, double[] f) {
        super.dynamics(i, yy, f);
        final double V = yy[V_M];
        final double uBarMinus = yy[U_BAR_MINUS];
        f[U_BAR_PLUS] = (-yy[U_BAR_PLUS] + V) / tau_u_bar_plus[i];
        f[U_BAR_MINUS] = (-uBarMinus + V) / tau_u_bar_minus[i];
        f[U_BAR_BAR] = (-yy[U_BAR_BAR] + uBarMinus) / tau_u_bar_bar[i];
    }
}
