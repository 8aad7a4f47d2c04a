package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.PortBuffer;
import org.nestj.engine.kernel.Status;

/**
 * Shared machinery of NEST 3.9's current-based multisynapse integrate-and-fire models
 * (iaf_psc_alpha_multisynapse, iaf_psc_exp_multisynapse; models/iaf_psc_*_multisynapse.{h,cpp}):
 * parameters relative to E_L (V_th, V_reset and V_m stored as Theta, V_reset, V_m above E_L), one
 * synaptic time constant per receptor port 1..n (n = len(tau_syn), which may not shrink once the
 * neuron has connections), the status dictionary, the recordables I_syn (sum of all ports), V_m and
 * I_syn_1..I_syn_n, receptor checks, the ring buffers and their growth when ports are added, and the
 * refractory step count. The exact-integration propagators and the update loop are the subclass's.
 *
 * <p>Ring buffers ({@link PortBuffer}): channel 0 currents, channel k the spikes of port k. Nodes
 * whose time constants equal those of the node before share its propagator arrays.
 */
abstract class IafPscMultisynapseBase extends NeuronBlock {
    @PerNode public double[] E_L, I_e, Theta, V_reset, C, Tau, t_ref;
    @PerNode public double[][] tau_syn;
    @PerNode public boolean[] hasConnections;
    @PerNode public double[] V_m, I_const;
    @PerNode public int[] r;
    int[] refractoryCounts;
    PortBuffer buf; // channel 0: currents, channel k: spikes of port k
    private String[] recordables;
    /** The model's message for C_m &lt;= 0 (the two NEST models word it differently). */
    private final String capacitanceMessage;

    IafPscMultisynapseBase(int n, String capacitanceMessage) {
        super(n);
        this.capacitanceMessage = capacitanceMessage;
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        Theta = fill(n, -55.0 - -70.0);
        V_reset = fill(n, 0.0);
        C = fill(n, 250.0);
        Tau = fill(n, 10.0);
        t_ref = fill(n, 2.0);
        tau_syn = new double[n][];
        for (int i = 0; i < n; i++) tau_syn[i] = new double[] {2.0};
        hasConnections = new boolean[n];
        V_m = fill(n, 0.0);
        I_const = fill(n, 0.0);
        r = fillI(n, 0);
    }

    /** The synaptic currents I_syn_k of node i, one per port (the recorded ones). */
    abstract double[] synCurrents(int i);

    /** Allocates the propagator arrays (first calibration). */
    abstract void allocatePropagators();

    /** Sizes node i's synaptic state to its ports and computes its propagators for resolution h. */
    abstract void calibrateNode(int i, double h);

    /** Puts the model's lower membrane bound into the status (only iaf_psc_alpha_multisynapse has V_min). */
    void getLowerBound(int i, Map<String, Object> d) {
    }

    /** Reads the model's lower membrane bound, relative to the new E_L (uncommitted); unused if there is none. */
    double readLowerBound(int i, Status s, double el, double dEL) {
        return 0.0;
    }

    /** Commits the value {@link #readLowerBound} returned. */
    void storeLowerBound(int i, double lb) {
    }

    /** Stores node i's membrane state, which the update keeps in locals (before recording and after its steps). */
    final void storeState(int i, double vm, double iConst, int refractory) {
        V_m[i] = vm;
        I_const[i] = iConst;
        r[i] = refractory;
    }

    /** true if node i's propagators are those of node i - 1 (same tau_m, C_m and tau_syn). */
    final boolean samePropagatorsAsPrevious(int i) {
        return i > 0 && Tau[i] == Tau[i - 1] && C[i] == C[i - 1] && java.util.Arrays.equals(tau_syn[i], tau_syn[i - 1]);
    }

    /** Model-specific check of one synaptic time constant (after the positivity check). */
    void checkTauSyn(double tauSyn, double tauM) {
    }

    int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, tau_syn[i].length);
        return m;
    }

    @Override
    public String[] recordables() {
        int m = maxPorts();
        if (recordables == null || recordables.length != m + 2) {
            String[] r = new String[m + 2];
            r[0] = "I_syn";
            r[1] = "V_m";
            for (int k = 0; k < m; k++) r[k + 2] = "I_syn_" + (k + 1);
            recordables = r;
        }
        return recordables;
    }

    @Override
    public double recordable(int var, int i) {
        double[] s = synCurrents(i);
        if (var == 0) {
            double sum = 0.0;
            for (double x : s) sum += x;
            return sum;
        }
        if (var == 1) return V_m[i] + E_L[i];
        int k = var - 2;
        return k < s.length ? s[k] : 0.0;
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("V_th", Theta[i] + E_L[i]);
        d.put("V_reset", V_reset[i] + E_L[i]);
        d.put("C_m", C[i]);
        d.put("tau_m", Tau[i]);
        d.put("t_ref", t_ref[i]);
        getLowerBound(i, d);
        d.put("n_synapses", (long) tau_syn[i].length);
        d.put("has_connections", hasConnections[i]);
        d.put("tau_syn", tau_syn[i].clone());
        d.put("V_m", V_m[i] + E_L[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double el = s.d("E_L", E_L[i]);
        double dEL = el - E_L[i];
        double vr = s.has("V_reset") ? s.d("V_reset", 0) - el : V_reset[i] - dEL;
        double th = s.has("V_th") ? s.d("V_th", 0) - el : Theta[i] - dEL;
        double lb = readLowerBound(i, s, el, dEL);
        double ie = s.d("I_e", I_e[i]);
        double c = s.d("C_m", C[i]);
        double tau = s.d("tau_m", Tau[i]);
        double tr = s.d("t_ref", t_ref[i]);
        if (c <= 0) throw badProperty(capacitanceMessage);
        if (tau <= 0) throw badProperty("Membrane time constant must be strictly positive.");
        double[] ts = tau_syn[i];
        if (s.has("tau_syn")) {
            ts = s.da("tau_syn", ts);
            if (ts.length != tau_syn[i].length && hasConnections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double t : ts) {
                if (t <= 0) throw badProperty("All synaptic time constants must be strictly positive.");
                checkTauSyn(t, tau);
            }
        }
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        if (vr >= th) throw badProperty("Reset potential must be smaller than threshold.");
        double v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
        setArchiving(i, s);
        E_L[i] = el; V_reset[i] = vr; Theta[i] = th; I_e[i] = ie; C[i] = c; Tau[i] = tau; t_ref[i] = tr;
        storeLowerBound(i, lb);
        tau_syn[i] = ts;
        V_m[i] = v;
        recordables = null;
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        if (rport <= 0 || rport > tau_syn[i].length) throw incompatibleReceptor(rport, "SpikeEvent");
        hasConnections[i] = true;
        return rport;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = PortBuffer.resize(buf, n, maxPorts() + 1, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (refractoryCounts == null) {
            allocatePropagators();
            refractoryCounts = new int[n];
        }
        buf = buf.withChannels(maxPorts() + 1); // ports added after the buffers were set up
        for (int i = 0; i < n; i++) {
            calibrateNode(i, h);
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport >= 1 && rport < buf.channels) buf.add(rport, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(0, step, i, current);
    }
}
