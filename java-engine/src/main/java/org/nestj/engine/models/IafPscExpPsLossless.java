package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * iaf_psc_exp_ps_lossless — iaf_psc_exp_ps with the lossless threshold-crossing detection of
 * Krishnan et al. (2018) (NEST 3.9 models/iaf_psc_exp_ps_lossless.{h,cpp}; doc:
 * models/iaf_psc_exp_ps_lossless.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_syn_ex + I_syn_in + I_e + I_input)/C_m   (V relative to E_L)
 *   dI_syn_X/dt = -I_syn_X/tau_syn,  tau_syn_ex == tau_syn_in required
 * </pre>
 * Before each (sub-)step, the state space test is_spike_ decides from the state at its start
 * whether the trajectory crosses threshold within the interval (also when it ends below it); the
 * crossing is then located by regula falsi on [0, t_max].
 */
public final class IafPscExpPsLossless extends IafPscExpPsBase {
    double[] a1, a2, a3, a4, b1, b2, b3, b4, c1, c2, c3, c4, c5, c6;

    public IafPscExpPsLossless(int n) {
        super(n, true);
    }

    @Override
    public IafPscExpPsLossless make(int n) {
        return new IafPscExpPsLossless(n);
    }

    private static final String[] RECORDABLES = {"I_syn", "I_syn_ex", "I_syn_in", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return I_ex[i] + I_in[i];
            case 1: return I_ex[i];
            case 2: return I_in[i];
            default: return V[i] + E_L[i];
        }
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getExpCommon(i, d);
        d.put("offset", lastSpikeOffset[i]);
        d.put("I_syn_ex", I_ex[i]);
        d.put("I_syn_in", I_in[i]);
        d.put("I_syn", I_ex[i] + I_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        double tex = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tin = s.d("tau_syn_in", tau_syn_in[i]);
        if (p.reset >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.reset < p.vmin) throw badProperty("Reset potential must be greater than or equal to minimum potential.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (p.tref < 0) throw badProperty("Refractory time must not be negative.");
        if (tex != tin) {
            throw badProperty("tau_syn_ex == tau_syn_in is required in the current implementation."
                    + " If you need unequal time constants, use iaf_psc_exp_ps for now."
                    + " See note in documentation, and github issue #921");
        }
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("All time constants must be strictly positive.");
        if (p.tau == tex || p.tau == tin) {
            throw badProperty("Membrane and synapse time constant(s) must differ.See note in documentation.");
        }
        setExpState(i, s, p, tex, tin);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (a1 == null) {
            a1 = new double[n]; a2 = new double[n]; a3 = new double[n]; a4 = new double[n];
            b1 = new double[n]; b2 = new double[n]; b3 = new double[n]; b4 = new double[n];
            c1 = new double[n]; c2 = new double[n]; c3 = new double[n]; c4 = new double[n]; c5 = new double[n]; c6 = new double[n];
        }
        for (int i = 0; i < n; i++) {
            final double tm = tau_m[i], ts = tau_syn_ex[i], c = C_m[i], th = U_th[i];
            a1[i] = tm * ts;
            a2[i] = tm * (tm - ts);
            a3[i] = c * th * (tm - ts);
            a4[i] = c * (tm - ts);
            b1[i] = -tm * tm;
            b2[i] = tm * ts;
            b3[i] = tm * c * th;
            b4[i] = -c * (tm - ts);
            c1[i] = tm / c;
            c2[i] = (-tm * ts) / (c * (tm - ts));
            c3[i] = (tm * tm) / (c * (tm - ts));
            c4[i] = ts / tm;
            c5[i] = (c * th) / tm;
            c6[i] = 1 - (ts / tm);
        }
    }

    /**
     * is_spike_: NaN if no threshold crossing within dt of the saved state, else the search interval (it reads
     * only the saved state, so the propagation to the interval's end may come first).
     */
    @Override
    double isSpike(int i, double dt) {
        final double tm = tau_m[i], ts = tau_syn_ex[i];
        final double I0 = bIex[i] + bIin[i];
        final double V0 = bV[i];
        final double expTauS = expm1(dt / ts);
        final double expTauM = expm1(dt / tm);
        final double expTauMS = expm1(dt / tm - dt / ts);
        final double Ie = bY0[i] + I_e[i];
        final double f = ((a1[i] * I0 * expTauMS + expTauM * (a3[i] - Ie * a2[i]) + a3[i]) / a4[i]);
        if ((V0 < (((I0 + Ie) * (b1[i] * expTauM + b2[i] * expTauS) + b3[i] * (expTauM - expTauS)) / (b4[i] * expTauS)))
                && V0 <= f) {
            return Double.NaN;
        } else if (V0 >= f) {
            return dt;
        } else if (V0 < (c1[i] * Ie + c2[i] * I0 + c3[i] * GlibcMath.pow(I0, c4[i]) * GlibcMath.pow((c5[i] - Ie), c6[i]))) {
            return Double.NaN;
        } else {
            return (a1[i] / tm * ts) * GlibcLog.log(b1[i] * I0 / (a2[i] * Ie - a1[i] * I0 - a4[i] * V0));
        }
    }
}
