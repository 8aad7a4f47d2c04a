package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Status;

/**
 * iaf_psc_exp_ps — leaky integrate-and-fire neuron with exponential postsynaptic currents and
 * precise (off-grid) spike timing (NEST 3.9 models/iaf_psc_exp_ps.{h,cpp}; doc:
 * models/iaf_psc_exp_ps.html).
 *
 * <pre>
 *   dV/dt = -V/tau_m + (I_ex + I_in + I_e + I_input)/C_m          (V relative to E_L)
 *   dI_X/dt = -I_X/tau_syn_X,  spike of weight w: I_X += w
 * </pre>
 * Integrated exactly between the incoming spikes' offsets within each step; threshold crossings are
 * located by regula falsi, followed by reset and an absolute refractory period that ends at the
 * precise time t_spike + t_ref. An interval holds a crossing if V ends it at or above threshold.
 */
public final class IafPscExpPs extends IafPscExpPsBase {
    public IafPscExpPs(int n) {
        super(n, false);
    }

    @Override
    public IafPscExpPs make(int n) {
        return new IafPscExpPs(n);
    }

    private static final String[] RECORDABLES = {"V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return V[i] + E_L[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getExpCommon(i, d);
        d.put("I_syn_ex", I_ex[i]);
        d.put("I_syn_in", I_in[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        Common p = readCommon(i, s);
        double tex = s.d("tau_syn_ex", tau_syn_ex[i]);
        double tin = s.d("tau_syn_in", tau_syn_in[i]);
        checkCommon(p);
        if (p.tau <= 0 || tex <= 0 || tin <= 0) throw badProperty("All time constants must be strictly positive.");
        setExpState(i, s, p, tex, tin);
    }
}
