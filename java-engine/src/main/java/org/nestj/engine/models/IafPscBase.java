package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * What NEST 3.9's current-based leaky integrate-and-fire neurons integrated exactly (iaf_psc_alpha,
 * iaf_psc_delta, iaf_psc_exp, iaf_psc_exp_htum, iaf_tum_2000) keep the same way:
 * <ul>
 *   <li>the membrane parameters E_L, I_e, C_m, tau_m and the voltages V_th, V_reset (and V_min where the model
 *       has it) stored relative to E_L, as NEST does; when E_L changes and a voltage is not given, it keeps its
 *       absolute value;</li>
 *   <li>the status shown in NEST's order: the archiving entries, E_L, I_e, V_th, V_reset, [V_min,] C_m, tau_m,
 *       then the model's own; set in NEST's reading order E_L, V_reset, V_th, [V_min,] I_e, C_m, tau_m, with each
 *       model's own checks and messages;</li>
 *   <li>one spike receptor and, unless the model overrides it, one current receptor (port 0).</li>
 * </ul>
 * The update loops stay in the models; they read these arrays as plain fields.
 */
abstract class IafPscBase extends NeuronBlock {
    // parameters (voltages relative to E_L, as in NEST)
    @PerNode public double[] E_L, I_e, Theta, V_reset, C, Tau;

    IafPscBase(int n) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        Theta = fill(n, -55.0 - -70.0);
        V_reset = fill(n, -70.0 - -70.0);
        C = fill(n, 250.0);
        Tau = fill(n, 10.0);
    }

    /** The membrane parameters read from a status dictionary, before the model's checks and before storing. */
    static final class Membrane {
        /** new E_L and its change */
        final double el, dEL;
        /** V_reset, V_th and V_min relative to the new E_L (vMin 0 for models without V_min) */
        final double vr, th, vMin;
        final double ie, c, tau;

        Membrane(double el, double dEL, double vr, double th, double vMin, double ie, double c, double tau) {
            this.el = el;
            this.dEL = dEL;
            this.vr = vr;
            this.th = th;
            this.vMin = vMin;
            this.ie = ie;
            this.c = c;
            this.tau = tau;
        }

        /** a voltage relative to the new E_L: the given one, or the old one keeping its absolute value */
        double relative(Status s, String key, double old) {
            return s.has(key) ? s.d(key, 0) - el : old - dEL;
        }
    }

    /** Reads E_L, V_reset, V_th, V_min (when {@code vMin} is not null), I_e, C_m, tau_m in that order. */
    final Membrane readMembrane(int i, Status s, double[] vMin) {
        double el = s.d("E_L", E_L[i]);
        double dEL = el - E_L[i];
        double vr = s.has("V_reset") ? s.d("V_reset", 0) - el : V_reset[i] - dEL;
        double th = s.has("V_th") ? s.d("V_th", 0) - el : Theta[i] - dEL;
        double lb = vMin == null ? 0 : s.has("V_min") ? s.d("V_min", 0) - el : vMin[i] - dEL;
        double ie = s.d("I_e", I_e[i]);
        double c = s.d("C_m", C[i]);
        double tau = s.d("tau_m", Tau[i]);
        return new Membrane(el, dEL, vr, th, lb, ie, c, tau);
    }

    /** Stores what {@link #readMembrane} read (V_min into {@code vMin} when not null). */
    final void storeMembrane(int i, Membrane p, double[] vMin) {
        E_L[i] = p.el;
        V_reset[i] = p.vr;
        Theta[i] = p.th;
        if (vMin != null) vMin[i] = p.vMin;
        I_e[i] = p.ie;
        C[i] = p.c;
        Tau[i] = p.tau;
    }

    /** The archiving entries, then E_L, I_e, V_th, V_reset, V_min (when {@code vMin} is not null), C_m, tau_m. */
    final void putMembrane(int i, Map<String, Object> d, double[] vMin) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("V_th", Theta[i] + E_L[i]);
        d.put("V_reset", V_reset[i] + E_L[i]);
        if (vMin != null) d.put("V_min", vMin[i] + E_L[i]);
        d.put("C_m", C[i]);
        d.put("tau_m", Tau[i]);
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }
}
