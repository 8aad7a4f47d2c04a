package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * iaf_bw_2001_exact — leaky integrate-and-fire neuron with AMPA, GABA and NMDA conductances with the full
 * nonlinear NMDA dynamics of Wang (1999) (NEST 3.9 models/iaf_bw_2001_exact.{h,cpp};
 * doc: models/iaf_bw_2001_exact.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) - I_AMPA - I_GABA - I_NMDA + I_stim
 *   I_AMPA = (V - E_ex) s_AMPA,  I_GABA = (V - E_in) s_GABA
 *   I_NMDA = (V - E_ex) / (1 + conc_Mg2 exp(-0.062 V) / 3.57) sum_j w_j s_j
 *   ds_X/dt = -s_X / tau_X (X = AMPA, GABA)
 *   per NMDA connection j:  dx_j/dt = -x_j / tau_rise_NMDA,  ds_j/dt = -s_j / tau_decay_NMDA + alpha x_j (1 - s_j)
 * </pre>
 * AMPA = 1 and GABA = 2 add w to s_X; every NMDA (port 3) connection has its own pair (x_j, s_j) in the ODE state
 * (a spike adds its multiplicity to x_j) and its own weight w_j, which must stay constant. NEST gives each NMDA
 * connection a private receptor port when it is made and sizes the state vector at the first Simulate; here a
 * connection's pair is appended to the state when its first spike arrives. Until then the pair would be (0, 0)
 * with zero derivative and zero error estimate in NEST, so both integrate identically. Connections from the same
 * sender (multapses) get one pair each, in delivery order. Integrated with GSL's RKF45
 * (control y_new(gsl_error_tol, 0)); per step: integrate, add spike input, refractory clamp or threshold check,
 * new stimulus current (shared with iaf_bw_2001: {@link IafBw2001Base}).
 */
public final class IafBw2001Exact extends IafBw2001Base {
    /** the first NMDA pair (x_0, s_0) in the ODE state */
    static final int BASE = 3;

    /** s_NMDA = sum_j w_j s_j of the last right-hand-side evaluation */
    @PerNode public double[] sNmdaSum;
    /** NMDA connections of node i: count, sender per slot, last spike stamp per slot, weight per slot. */
    int[] nSlots;
    long[][] slotSender, slotStamp;
    double[][] slotW;
    /** Slots of node i sorted by sender: keys (sender ids) and the slot index of each key. */
    long[][] keys;
    int[][] keySlot;
    /** Incoming NMDA spike counts per slot: nmdaRing[i][slot * ringLen + step % ringLen]. */
    double[][] nmdaRing;
    int ringLen;

    public IafBw2001Exact(int n) {
        super(n, BASE);
        sNmdaSum = fill(n, 0.0);
        nSlots = new int[n];
        slotSender = new long[n][];
        slotStamp = new long[n][];
        slotW = new double[n][];
        keys = new long[n][];
        keySlot = new int[n][];
        nmdaRing = new double[n][];
    }

    @Override
    public IafBw2001Exact make(int n) {
        return new IafBw2001Exact(n);
    }

    @Override
    double sNmda(int i) {
        return sNmdaSum[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("E_L", E_L[i]);
        d.put("E_ex", E_ex[i]);
        d.put("E_in", E_in[i]);
        d.put("V_th", V_th[i]);
        d.put("V_reset", V_reset[i]);
        d.put("C_m", C_m[i]);
        d.put("g_L", g_L[i]);
        d.put("t_ref", t_ref[i]);
        d.put("tau_AMPA", tau_AMPA[i]);
        d.put("tau_GABA", tau_GABA[i]);
        d.put("tau_rise_NMDA", tau_rise_NMDA[i]);
        d.put("tau_decay_NMDA", tau_decay_NMDA[i]);
        d.put("alpha", alpha[i]);
        d.put("conc_Mg2", conc_Mg2[i]);
        d.put("gsl_error_tol", gsl_error_tol[i]);
        d.put("V_m", y[i][V_M]);
        d.put("s_AMPA", y[i][S_AMPA]);
        d.put("s_GABA", y[i][S_GABA]);
        getArchiving(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        double[] p = readParameters(i, s);
        double[] yi = y[i];
        double v = s.d("V_m", yi[V_M]);
        double sa = s.d("s_AMPA", yi[S_AMPA]);
        double sg = s.d("s_GABA", yi[S_GABA]);
        setArchiving(i, s);
        storeParameters(i, p);
        yi[V_M] = v; yi[S_AMPA] = sa; yi[S_GABA] = sg;
    }

    @Override
    double nmdaGate(int i, double[] yy) {
        final int m = nSlots[i];
        final double[] w = slotW[i];
        double sum = 0;
        for (int j = 0; j < m; j++) sum += yy[BASE + 2 * j + 1] * w[j];
        sNmdaSum[i] = sum;
        return sum;
    }

    @Override
    void nmdaDynamics(int i, double[] yy, double[] f) {
        final int m = nSlots[i];
        final double td = tau_decay_NMDA[i], tr = tau_rise_NMDA[i], al = alpha[i];
        for (int j = 0, k = BASE; j < m; j++, k += 2) {
            f[k + 1] = -yy[k + 1] / td + al * yy[k] * (1 - yy[k + 1]);
            f[k] = -yy[k] / tr;
        }
    }

    @Override
    public void initBuffers(int len) {
        super.initBuffers(len);
        ringLen = len;
        for (int i = 0; i < n; i++) {
            if (nSlots[i] > 0) nmdaRing[i] = new double[slotW[i].length * len];
        }
    }

    @Override
    int odeDim(int i) {
        return BASE + 2 * nSlots[i];
    }

    @Override
    void addNmdaInput(int i, long step, double[] yi) {
        final int m = nSlots[i];
        if (m > 0) {
            final double[] ring = nmdaRing[i];
            final int slot = (int) (step % ringLen);
            for (int j = 0; j < m; j++) {
                final int k = j * ringLen + slot;
                yi[BASE + 2 * j] += ring[k];
                ring[k] = 0.0;
            }
        }
    }

    @Override
    void emitSpike(int i, long step, int lag, SpikeOut out) {
        spiked(i, step + 1);
        out.spike(gid(i), lag, 1);
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (!(0 < rport && rport < 4)) throw unknownReceptorType(rport);
        if (rport == NMDA && buffersInitialised) {
            throw NestException.cannotConnect(
                    "NMDA connections to this model can only be made before the first call to nest.Simulate()");
        }
        return rport;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (rport < NMDA) {
            buf.add(rport - 1, step, i, weight * mult);
            return;
        }
        final int j = slotFor(i, senderGid, stamp);
        nmdaRing[i][j * ringLen + (int) (step % ringLen)] += mult;
        final double[] w = slotW[i];
        if (w[j] == 0) {
            w[j] = weight;
        } else if (w[j] != weight) {
            throw new NestException("KernelException", "iaf_bw_2001_exact requires constant weights.");
        }
    }

    /**
     * The slot of the NMDA connection from sender that delivers the spike stamped stamp: the first slot of that
     * sender not yet used by this spike (one per connection), created when the connection delivers its first spike.
     */
    private int slotFor(int i, long sender, long stamp) {
        final int m = nSlots[i];
        final long[] ks = keys[i];
        int p = m == 0 ? -1 : Arrays.binarySearch(ks, 0, m, sender);
        if (p >= 0) {
            while (p > 0 && ks[p - 1] == sender) p--;
            final int[] kslot = keySlot[i];
            final long[] st = slotStamp[i];
            for (; p < m && ks[p] == sender; p++) {
                final int j = kslot[p];
                if (st[j] != stamp) {
                    st[j] = stamp;
                    return j;
                }
            }
        } else {
            p = -p - 1;
            if (m == 0) p = 0;
        }
        return addSlot(i, sender, stamp, p);
    }

    private int addSlot(int i, long sender, long stamp, int pos) {
        final int m = nSlots[i];
        if (slotW[i] == null || slotW[i].length == m) {
            final int cap = Math.max(4, m * 2);
            slotSender[i] = slotSender[i] == null ? new long[cap] : Arrays.copyOf(slotSender[i], cap);
            slotStamp[i] = slotStamp[i] == null ? new long[cap] : Arrays.copyOf(slotStamp[i], cap);
            slotW[i] = slotW[i] == null ? new double[cap] : Arrays.copyOf(slotW[i], cap);
            keys[i] = keys[i] == null ? new long[cap] : Arrays.copyOf(keys[i], cap);
            keySlot[i] = keySlot[i] == null ? new int[cap] : Arrays.copyOf(keySlot[i], cap);
            nmdaRing[i] = nmdaRing[i] == null ? new double[cap * ringLen] : Arrays.copyOf(nmdaRing[i], cap * ringLen);
        }
        slotSender[i][m] = sender;
        slotStamp[i][m] = stamp;
        slotW[i][m] = 0.0;
        System.arraycopy(keys[i], pos, keys[i], pos + 1, m - pos);
        System.arraycopy(keySlot[i], pos, keySlot[i], pos + 1, m - pos);
        keys[i][pos] = sender;
        keySlot[i][pos] = m;
        // grow the ODE state by the pair (x_m, s_m) = (0, 0)
        y[i] = Arrays.copyOf(y[i], BASE + 2 * (m + 1));
        nSlots[i] = m + 1;
        return m;
    }
}
