package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.IafPropagator;

/**
 * iaf_psc_exp_multisynapse — leaky integrate-and-fire neuron with an arbitrary number of
 * exponentially decaying synaptic currents, one per receptor port 1..n (n = len(tau_syn))
 * (NEST 3.9 models/iaf_psc_exp_multisynapse.{h,cpp}; doc: models/iaf_psc_exp_multisynapse.html).
 *
 * <pre>
 *   dV/dt = -(V - E_L)/tau_m + (sum_k I_syn_k + I_e + I_0)/C_m
 *   dI_syn_k/dt = -I_syn_k/tau_syn_k + sum_j w_j delta(t - t_j)     (spikes on port k)
 *   V >= V_th: spike, V = V_reset, clamped for t_ref.
 * </pre>
 * Exact integration; P21 of each port from {@link IafPropagator#exp}. Recordables: I_syn (sum of
 * all ports), V_m and I_syn_1..I_syn_n.
 */
public final class IafPscExpMultisynapse extends NeuronBlock {
    @PerNode public double[] E_L, I_e, Theta, V_reset, C, Tau, t_ref;
    @PerNode public double[][] tau_syn;
    @PerNode public boolean[] hasConnections;
    @PerNode public double[] V_m, I_const;
    @PerNode public double[][] i_syn;
    @PerNode public int[] r;
    double[] P22, P20;
    double[][] P11, P21;
    int[] refractoryCounts;
    InputBuffer buf; // channel 0: currents, channel k: spikes of port k
    private String[] recordables;

    public IafPscExpMultisynapse(int n) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        Theta = fill(n, -55.0 - -70.0);
        V_reset = fill(n, 0.0);
        C = fill(n, 250.0);
        Tau = fill(n, 10.0);
        t_ref = fill(n, 2.0);
        tau_syn = new double[n][];
        i_syn = new double[n][];
        for (int i = 0; i < n; i++) {
            tau_syn[i] = new double[] {2.0};
            i_syn[i] = new double[0];
        }
        hasConnections = new boolean[n];
        V_m = fill(n, 0.0);
        I_const = fill(n, 0.0);
        r = fillI(n, 0);
    }

    @Override
    public IafPscExpMultisynapse make(int n) {
        return new IafPscExpMultisynapse(n);
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
        double[] s = i_syn[i];
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
        double ie = s.d("I_e", I_e[i]);
        double c = s.d("C_m", C[i]);
        double tau = s.d("tau_m", Tau[i]);
        double tr = s.d("t_ref", t_ref[i]);
        if (c <= 0) throw badProperty("Capacitance must be > 0.");
        if (tau <= 0) throw badProperty("Membrane time constant must be strictly positive.");
        double[] ts = tau_syn[i];
        if (s.has("tau_syn")) {
            ts = s.da("tau_syn", ts);
            if (ts.length != tau_syn[i].length && hasConnections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
            for (double t : ts) {
                if (t <= 0) throw badProperty("All synaptic time constants must be strictly positive.");
                if (t == tau) {
                    throw badProperty("Membrane and synapse time constant(s) must differ. See note in documentation.");
                }
            }
        }
        if (tr < 0) throw badProperty("Refractory time must not be negative.");
        if (vr >= th) throw badProperty("Reset potential must be smaller than threshold.");
        double v = s.has("V_m") ? s.d("V_m", 0) - el : V_m[i] - dEL;
        setArchiving(i, s);
        E_L[i] = el; V_reset[i] = vr; Theta[i] = th; I_e[i] = ie; C[i] = c; Tau[i] = tau; t_ref[i] = tr;
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
        buf = InputBuffer.resize(buf, n, maxPorts() + 1, ringLen);
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        if (P22 == null) {
            P22 = new double[n]; P20 = new double[n]; P11 = new double[n][]; P21 = new double[n][];
            refractoryCounts = new int[n];
        }
        if (buf.channels < maxPorts() + 1) {
            // ports were added after the buffers were set up: grow, keeping pending input
            InputBuffer nb = new InputBuffer(n, maxPorts() + 1, buf.len);
            System.arraycopy(buf.d, 0, nb.d, 0, buf.d.length);
            buf = nb;
        }
        for (int i = 0; i < n; i++) {
            int np = tau_syn[i].length;
            P11[i] = new double[np];
            P21[i] = new double[np];
            if (i_syn[i].length != np) i_syn[i] = Arrays.copyOf(i_syn[i], np);
            P22[i] = Math.exp(-h / Tau[i]);
            P20[i] = Tau[i] / C[i] * (1.0 - P22[i]);
            for (int k = 0; k < np; k++) {
                P11[i][k] = Math.exp(-h / tau_syn[i][k]);
                P21[i][k] = IafPropagator.exp(tau_syn[i][k], Tau[i], C[i], h);
            }
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double[] bd = buf.d;
        final int len = buf.len;
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final double[] is = i_syn[i], p11 = P11[i], p21 = P21[i];
            final int np = is.length;
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                int slot = (int) (step % len);
                if (r[i] == 0) {
                    double v = V_m[i] * P22[i] + (I_e[i] + I_const[i]) * P20[i];
                    for (int k = 0; k < np; k++) v += p21[k] * is[k];
                    V_m[i] = v;
                } else {
                    --r[i];
                }
                for (int k = 0; k < np; k++) {
                    is[k] *= p11[k];
                    int kk = ((k + 1) * len + slot) * n + i;
                    is[k] += bd[kk];
                    bd[kk] = 0;
                }
                if (V_m[i] >= Theta[i]) {
                    r[i] = refractoryCounts[i];
                    V_m[i] = V_reset[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                int k0 = slot * n + i;
                I_const[i] = bd[k0];
                bd[k0] = 0;
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport >= 1 && rport < buf.channels) {
            buf.add(rport, step, i, weight * mult);
        }
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(0, step, i, current);
    }
}
