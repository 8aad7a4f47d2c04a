package org.nestj.engine.models;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * The compartment parameters shared by NEST's multi-compartment conductance models (iaf_cond_alpha_mc,
 * pp_cond_exp_mc_urbanczik): per compartment g_L, C_m, E_ex, E_in, E_L, tau_syn_ex, tau_syn_in, I_e and the
 * membrane potential V_m (state element 0 of each compartment's block of the state vector), shown and set
 * as one dictionary per compartment named after it (NEST's Parameters_::get/set and State_::get/set).
 *
 * <p>Also their receptors: per compartment c an excitatory and an inhibitory spike receptor
 * ({@code <name>_exc} = 2c + 1, {@code <name>_inh} = 2c + 2), then one current receptor per compartment
 * ({@code <name>_curr} = 2 nc + 1 + c). Ring buffer channels: 0 .. 2 nc - 1 the spike receptors (port - 1), from
 * {@link #cur0} = 2 nc the currents (port - 2 nc - 1); the current of compartment c of the step is kept in
 * {@code iStimC[i][c]}.
 */
abstract class McCondBlock extends GslNeuronBlock {
    @PerNode public double[][] g_L, C_m, E_ex, E_in, E_L, tau_synE, tau_synI, I_e;
    final String[] compNames;
    /** state variables per compartment (V_m first) */
    final int comps;
    /** first ring-buffer channel of the current receptors (2 nc) */
    final int cur0;
    /** NEST's B_.I_stim_ per compartment (buffer: not copied from the prototype) */
    double[][] iStimC;

    McCondBlock(int n, String[] compNames, int comps, double[] gL, double[] cm, double[] eEx, double[] eIn,
            double[] eL, double[] tauEx, double[] tauIn) {
        super(n, comps * compNames.length);
        this.compNames = compNames;
        this.comps = comps;
        this.cur0 = 2 * compNames.length;
        g_L = perComp(n, gL);
        C_m = perComp(n, cm);
        E_ex = perComp(n, eEx);
        E_in = perComp(n, eIn);
        E_L = perComp(n, eL);
        tau_synE = perComp(n, tauEx);
        tau_synI = perComp(n, tauIn);
        I_e = perComp(n, new double[compNames.length]);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < compNames.length; c++) y[i][c * comps] = E_L[i][c];
        }
    }

    @Override
    final int channels() {
        return 3 * compNames.length;
    }

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        iStimC = new double[n][compNames.length];
    }

    @Override
    public final Map<String, Long> receptorTypes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int c = 0; c < compNames.length; c++) {
            m.put(compNames[c] + "_exc", (long) (2 * c + 1));
            m.put(compNames[c] + "_inh", (long) (2 * c + 2));
        }
        for (int c = 0; c < compNames.length; c++) m.put(compNames[c] + "_curr", (long) (cur0 + 1 + c));
        return m;
    }

    @Override
    public final int checkSpikeReceptor(int rport, Model src) {
        if (rport < 1 || rport >= cur0 + 1) {
            if (rport < 0 || rport >= cur0 + 1 + compNames.length) throw unknownReceptor(rport, "SpikeEvent");
            throw incompatibleReceptor(rport, "SpikeEvent");
        }
        return rport - 1;
    }

    /**
     * NEST's handles_test_event(DataLoggingRequest&amp;) of the multi-compartment models: receptors of
     * spikes and currents exist but do not take data logging requests.
     */
    @Override
    public final NestException dataLoggingReceptorError(int rport) {
        if (rport < 0 || rport >= cur0 + 1 + compNames.length) return unknownReceptor(rport, "DataLoggingRequest");
        return incompatibleReceptor(rport, "DataLoggingRequest");
    }

    @Override
    public final int checkCurrentReceptor(int rport) {
        if (rport < cur0 + 1 || rport >= cur0 + 1 + compNames.length) {
            if (rport >= 0 && rport < cur0 + 1) throw incompatibleReceptor(rport, "CurrentEvent");
            throw unknownReceptor(rport, "CurrentEvent");
        }
        return rport - (cur0 + 1);
    }

    @Override
    public final void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        buf.add(rport, step, i, weight * mult);
    }

    @Override
    public final void handleCurrent(int i, long step, double current, int rport) {
        buf.add(cur0 + rport, step, i, current);
    }

    /** Reads the currents of the step into iStimC[i] (NEST's B_.I_stim_ = B_.currents_[c].get_value(lag)). */
    final void takeCurrents(int i, long step) {
        final double[] is = iStimC[i];
        for (int c = 0; c < is.length; c++) is[c] = take(cur0 + c, step, i);
    }

    private static double[][] perComp(int n, double[] v) {
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = v.clone();
        return a;
    }

    /** Adds one dictionary per compartment to d. */
    final void putCompartments(int i, Map<String, Object> d) {
        for (int c = 0; c < compNames.length; c++) {
            Map<String, Object> dd = new LinkedHashMap<>();
            dd.put("g_L", g_L[i][c]);
            dd.put("E_L", E_L[i][c]);
            dd.put("E_ex", E_ex[i][c]);
            dd.put("E_in", E_in[i][c]);
            dd.put("C_m", C_m[i][c]);
            dd.put("tau_syn_ex", tau_synE[i][c]);
            dd.put("tau_syn_in", tau_synI[i][c]);
            dd.put("I_e", I_e[i][c]);
            dd.put("V_m", y[i][c * comps]);
            d.put(compNames[c], dd);
        }
    }

    /** New compartment values of node i read from s (not yet checked or applied). */
    final class Pending {
        final double[] el, eex, ein, cm, gl, te, ti, ie, vm;
        final Status[] sub;

        Pending(int i, Status s) {
            final int nc = compNames.length;
            el = E_L[i].clone();
            eex = E_ex[i].clone();
            ein = E_in[i].clone();
            cm = C_m[i].clone();
            gl = g_L[i].clone();
            te = tau_synE[i].clone();
            ti = tau_synI[i].clone();
            ie = I_e[i].clone();
            vm = new double[nc];
            sub = new Status[nc];
            for (int c = 0; c < nc; c++) {
                vm[c] = y[i][c * comps];
                if (!s.has(compNames[c])) continue;
                Object o = s.raw(compNames[c]);
                if (!(o instanceof Map)) {
                    throw org.nestj.engine.kernel.Status.typeMismatch("dictionarytype", o);
                }
                @SuppressWarnings("unchecked")
                Status ds = new Status((Map<String, Object>) o, model.name + " " + compNames[c]);
                sub[c] = ds;
                el[c] = ds.d("E_L", el[c]);
                eex[c] = ds.d("E_ex", eex[c]);
                ein[c] = ds.d("E_in", ein[c]);
                cm[c] = ds.d("C_m", cm[c]);
                gl[c] = ds.d("g_L", gl[c]);
                te[c] = ds.d("tau_syn_ex", te[c]);
                ti[c] = ds.d("tau_syn_in", ti[c]);
                ie[c] = ds.d("I_e", ie[c]);
            }
        }

        /** NEST's checks of the compartment parameters; tauPerComp: the message names the compartment. */
        void check(boolean tauPerComp) {
            for (int c = 0; c < compNames.length; c++) {
                if (cm[c] <= 0) throw badProperty("Capacitance (" + compNames[c] + ") must be strictly positive.");
                if (te[c] <= 0 || ti[c] <= 0) {
                    throw badProperty(tauPerComp ? "All time constants (" + compNames[c] + ") must be strictly positive."
                            : "All time constants must be strictly positive.");
                }
            }
        }

        /** Reads the compartments' V_m (the state, after the parameters were checked). */
        void readState() {
            for (int c = 0; c < compNames.length; c++) {
                if (sub[c] == null) continue;
                vm[c] = sub[c].d("V_m", vm[c]);
                sub[c].checkAllAccessed(compNames[c] + "::");
            }
        }

        void commit(int i) {
            E_L[i] = el;
            E_ex[i] = eex;
            E_in[i] = ein;
            C_m[i] = cm;
            g_L[i] = gl;
            tau_synE[i] = te;
            tau_synI[i] = ti;
            I_e[i] = ie;
            for (int c = 0; c < compNames.length; c++) y[i][c * comps] = vm[c];
        }
    }
}
