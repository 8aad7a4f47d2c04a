package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * Shared machinery of NEST 3.9's non-resetting multi-timescale adaptive threshold models (mat2_psc_exp,
 * amat2_psc_exp; models/mat2_psc_exp.{h,cpp}, models/amat2_psc_exp.{h,cpp}):
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m     (never reset)
 *   V_th = omega + H_1 + H_2 (+ the model's own components),  dH_j/dt = -H_j/tau_j,  H_j += alpha_j at each spike
 *   spike if V >= V_th and the refractory period t_ref has elapsed
 * </pre>
 * Here: the parameters and state both models have (V_m and omega relative to E_L), the common part of the status
 * dictionary and of its reading ({@link Common}), receptors, the ring buffers (channel EX, IN: spikes by the sign
 * of the weight, I0: currents) and the refractory step count. Propagators and update loops are the models'.
 */
abstract class Mat2Base extends NeuronBlock {
    static final int EX = 0, IN = 1, I0 = 2;
    @PerNode public double[] E_L, I_e, C, Tau, tau_ex, tau_in, tau_ref, tau_1, tau_2, alpha_1, alpha_2, omega;
    @PerNode public double[] V_m, I_syn_ex, I_syn_in, i_0, V_th_1, V_th_2;
    @PerNode public int[] r;
    int[] countsTot;
    InputBuffer buf;

    /** The model's defaults of C_m, tau_m, alpha_1, alpha_2 and omega (relative to E_L = -70 mV). */
    Mat2Base(int n, double cm, double tauM, double a1, double a2, double om) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        C = fill(n, cm);
        Tau = fill(n, tauM);
        tau_ex = fill(n, 1.0);
        tau_in = fill(n, 3.0);
        tau_ref = fill(n, 2.0);
        tau_1 = fill(n, 10.0);
        tau_2 = fill(n, 200.0);
        alpha_1 = fill(n, a1);
        alpha_2 = fill(n, a2);
        omega = fill(n, om);
        V_m = fill(n, 0.0);
        I_syn_ex = fill(n, 0.0);
        I_syn_in = fill(n, 0.0);
        i_0 = fill(n, 0.0);
        V_th_1 = fill(n, 0.0);
        V_th_2 = fill(n, 0.0);
        r = fillI(n, 0);
    }

    /** The threshold V_th of node i (absolute), as the model sums it. */
    abstract double threshold(int i);

    /** The model's own parameters, which stand between alpha_2 and omega in the status dictionary. */
    void getModelParameters(int i, Map<String, Object> d) {
    }

    /** The model's own threshold state, after V_th_alpha_2 in the status dictionary. */
    void getModelState(int i, Map<String, Object> d) {
    }

    /** Allocates the model's propagator arrays (first calibration). */
    abstract void allocatePropagators();

    /** Computes node i's propagators for resolution h. */
    abstract void calibrateNode(int i, double h);

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("C_m", C[i]);
        d.put("tau_m", Tau[i]);
        d.put("tau_syn_ex", tau_ex[i]);
        d.put("tau_syn_in", tau_in[i]);
        d.put("t_ref", tau_ref[i]);
        d.put("tau_1", tau_1[i]);
        d.put("tau_2", tau_2[i]);
        d.put("alpha_1", alpha_1[i]);
        d.put("alpha_2", alpha_2[i]);
        getModelParameters(i, d);
        d.put("omega", omega[i] + E_L[i]);
        d.put("V_m", V_m[i] + E_L[i]);
        d.put("V_th", threshold(i));
        d.put("V_th_alpha_1", V_th_1[i]);
        d.put("V_th_alpha_2", V_th_2[i]);
        getModelState(i, d);
    }

    /**
     * The common entries read from a status dictionary, uncommitted: the parameters up to alpha_2 when
     * constructed, omega by {@link #readOmega}, the state by {@link #readState} (models read their own entries
     * in between, as NEST does).
     */
    final class Common {
        final int i;
        final double el, dEL, ie, c, tau, tex, tin, tr, t1, t2, a1, a2;
        double om, v, h1, h2;

        Common(int i, Status s) {
            this.i = i;
            el = s.d("E_L", E_L[i]);
            dEL = el - E_L[i];
            ie = s.d("I_e", I_e[i]);
            c = s.d("C_m", C[i]);
            tau = s.d("tau_m", Tau[i]);
            tex = s.d("tau_syn_ex", tau_ex[i]);
            tin = s.d("tau_syn_in", tau_in[i]);
            tr = s.d("t_ref", tau_ref[i]);
            t1 = s.d("tau_1", tau_1[i]);
            t2 = s.d("tau_2", tau_2[i]);
            a1 = s.d("alpha_1", alpha_1[i]);
            a2 = s.d("alpha_2", alpha_2[i]);
        }

        void readOmega(Status s) {
            om = s.has("omega") ? s.d("omega", 0) - el : omega[i] - dEL;
        }

        void checkCapacitance() {
            if (c <= 0) throw badProperty("Capacitance must be strictly positive.");
        }

        void readState(Status s) {
            v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
            h1 = s.d("V_th_alpha_1", V_th_1[i]);
            h2 = s.d("V_th_alpha_2", V_th_2[i]);
        }

        void commit() {
            E_L[i] = el; I_e[i] = ie; C[i] = c; Tau[i] = tau; tau_ex[i] = tex; tau_in[i] = tin; tau_ref[i] = tr;
            tau_1[i] = t1; tau_2[i] = t2; alpha_1[i] = a1; alpha_2[i] = a2; omega[i] = om;
            V_m[i] = v; V_th_1[i] = h1; V_th_2[i] = h2;
        }
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 3, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (countsTot == null) {
            allocatePropagators();
            countsTot = new int[n];
        }
        for (int i = 0; i < n; i++) {
            calibrateNode(i, h);
            countsTot[i] = (int) kernel.time.msToSteps(tau_ref[i]);
            if (countsTot[i] < 1) throw badProperty("Total refractory time must be at least one time step.");
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(weight >= 0.0 ? EX : IN, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(I0, step, i, current);
    }
}
