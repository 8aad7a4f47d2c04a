package org.nestj.engine.models;

import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;

/**
 * The alpha-shaped postsynaptic currents of NEST's hh_psc_alpha (and hh_psc_alpha_clopath) and hh_psc_alpha_gap
 * (models/hh_psc_alpha{,_clopath,_gap}.{h,cpp}), on the shared Hodgkin-Huxley machinery of {@link HhNeuronBlock}:
 * <pre>
 *   d(dI_X)/dt = -dI_X / tau_syn_X,  dI_X/dt = dI_X - I_X / tau_syn_X   (X = ex, in)
 *   a spike of weight w adds w e / tau_syn_X to dI_X (X = ex for w > 0, in otherwise; sign kept)
 * </pre>
 * The four synaptic state elements dI_ex, I_ex, dI_in, I_in follow the model's gating variables, from
 * {@link #diExc}. After each step: the spike input, {@link #afterInput}, then {@link HhNeuronBlock#endStep} with
 * threshold 0 mV.
 */
abstract class HhPscAlphaBase extends HhNeuronBlock {
    @PerNode public double[] tau_synE, tau_synI;
    double[] psInitE, psInitI;
    /** state indices of dI_ex, I_ex, dI_in, I_in */
    final int diExc, iExc, diInh, iInh;

    HhPscAlphaBase(int n, int dim, boolean gap, int diExc) {
        super(n, dim, gap);
        this.diExc = diExc;
        this.iExc = diExc + 1;
        this.diInh = diExc + 2;
        this.iInh = diExc + 3;
    }

    /** The derivatives of the synaptic currents of node i at state yy. */
    final void synapseDynamics(int i, double[] yy, double[] f) {
        final double dIex = yy[diExc], Iex = yy[iExc], dIin = yy[diInh], Iin = yy[iInh];
        final double te = tau_synE[i], ti = tau_synI[i];
        f[diExc] = -dIex / te;
        f[iExc] = dIex - (Iex / te);
        f[diInh] = -dIin / ti;
        f[iInh] = dIin - (Iin / ti);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (psInitE == null) {
            psInitE = new double[n];
            psInitI = new double[n];
        }
        for (int i = 0; i < n; i++) {
            psInitE[i] = 1.0 * Math.E / tau_synE[i];
            psInitI[i] = 1.0 * Math.E / tau_synI[i];
        }
    }

    @Override
    final void afterStep(int i, long origin, int lag, double uOld, SpikeOut out) {
        final double[] yi = y[i];
        final long step = origin + lag;
        yi[diExc] += take(EX, step, i) * psInitE[i];
        yi[diInh] += take(IN, step, i) * psInitI[i];
        afterInput(i, yi, step);
        endStep(i, uOld, 0.0, origin, lag, out);
    }

    /** Hook after the spike input of step was added, before the spike check (hh_psc_alpha_clopath writes its history). */
    void afterInput(int i, double[] yi, long step) {
    }

    @Override
    final void afterWfrStep(int i, long step) {
        final double[] yi = y[i];
        yi[diExc] += peek(EX, step, i) * psInitE[i];
        yi[diInh] += peek(IN, step, i) * psInitI[i];
    }

    @Override
    public final void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        buf.add(weight > 0.0 ? EX : IN, step, i, weight * mult);
    }
}
