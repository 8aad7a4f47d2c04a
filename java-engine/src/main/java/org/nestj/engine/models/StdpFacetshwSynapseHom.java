package org.nestj.engine.models;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.SpikeArchive;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * stdp_facetshw_synapse_hom: the STDP rule of the FACETS wafer-scale hardware (Pfeil et al. 2012;
 * NEST models/stdp_facetshw_synapse_hom.h, _impl.h). Each connection accumulates a causal and an
 * acausal charge, a_causal += e^{(t_last - t_post - d)/tau_plus} for the first post spike t_post in
 * (t_last - d, t - d] and a_acausal += e^{(t_post,last + d - t)/tau_minus_stdp} for the last one.
 * Weights are 4-bit: discrete weight = round(w / weight_per_lut_entry). A connection is read out
 * periodically: on a presynaptic spike after next_readout_time, the two evaluation functions
 * eval_i = (a_thresh_tl + c_i2 a_causal + c_i1 a_acausal)/(1 + c_i2 + c_i1)
 *        > (a_thresh_th + c_i0 a_causal + c_i3 a_acausal)/(1 + c_i0 + c_i3)   (c_i = configbit_i)
 * select look-up table 0 (eval_0 only), 1 (eval_1 only) or 2 (both) to map the discrete weight,
 * and reset_pattern which charges to clear; next_readout_time advances by readout_cycle_duration
 * = int((no_synapses - 1)/synapses_per_driver + 1) driver_readout_time past t. A connection takes
 * its synapse_id (and first readout time int(id/synapses_per_driver) driver_readout_time) at its
 * first spike, counting no_synapses up (in the order the connections see their first spike, which
 * with several threads, as in NEST, depends on the thread schedule). All but the charges and
 * thresholds are common properties.
 * Doc: https://nest-simulator.readthedocs.io/en/v3.9/models/stdp_facetshw_synapse_hom.html
 */
public final class StdpFacetshwSynapseHom extends StdpBase {
    static final int A_CAUSAL = 0, A_ACAUSAL = 1, A_THRESH_TH = 2, A_THRESH_TL = 3, INIT_FLAG = 4, SYNAPSE_ID = 5,
            NEXT_READOUT = 6, T_LAST = 7;
    static final int TAU_PLUS = 0, TAU_MINUS = 1, WMAX = 2, W_PER_LUT = 3, NO_SYNAPSES = 4, SYN_PER_DRIVER = 5,
            DRIVER_READOUT = 6, READOUT_CYCLE = 7;
    static final int LUT0 = 0, LUT1 = 1, LUT2 = 2, CONFIG0 = 3, CONFIG1 = 4, RESET = 5;

    public StdpFacetshwSynapseHom() {
        super("stdp_facetshw_synapse_hom", new String[] {"a_causal", "a_acausal", "a_thresh_th", "a_thresh_tl",
                "init_flag", "synapse_id", "next_readout_time"}, new double[] {0.0, 0.0, 21.835, 21.835, 0, 0, 0.0},
                new String[] {"t_lastspike"}, new double[] {0.0},
                new String[] {"tau_plus", "tau_minus_stdp", "Wmax", "weight_per_lut_entry", "no_synapses",
                        "synapses_per_driver", "driver_readout_time", "readout_cycle_duration"},
                new double[] {20.0, 20.0, 100.0, 100.0 / (16 - 1), 0, 50, 15.0, readoutCycle(0, 50, 15.0)}, 104, T_LAST);
        sizeofShown = false;
        commonArrayKeys = new String[] {"lookuptable_0", "lookuptable_1", "lookuptable_2", "configbit_0", "configbit_1",
                "reset_pattern"};
        long[] lut2 = new long[16];
        for (int i = 0; i < 16; i++) lut2[i] = i;
        commonArrayDefaults = new long[][] {{2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15},
                {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13}, lut2, {0, 0, 1, 0}, {0, 1, 0, 0},
                {1, 1, 1, 1, 1, 1}};
    }

    /** calc_readout_cycle_duration_ */
    static double readoutCycle(double noSynapses, double synPerDriver, double driverReadout) {
        return (int) ((noSynapses - 1.0) / (long) synPerDriver + 1.0) * driverReadout;
    }

    @Override
    public char connKind(int j) {
        return j == INIT_FLAG ? 'b' : j == SYNAPSE_ID ? 'l' : 'd';
    }

    @Override
    public char commonKind(int j) {
        return j == NO_SYNAPSES || j == SYN_PER_DRIVER ? 'l' : 'd';
    }

    /** NEST's STDPFACETSHWHomCommonProperties::set_status, with its dependent updates in its order. */
    @Override
    public void setCommon(Status s, double[] c, long[][] a, org.nestj.engine.kernel.Kernel k) {
        c[TAU_PLUS] = s.d("tau_plus", c[TAU_PLUS]);
        c[TAU_MINUS] = s.d("tau_minus_stdp", c[TAU_MINUS]);
        if (s.has("Wmax")) {
            c[WMAX] = s.d("Wmax", c[WMAX]);
            c[W_PER_LUT] = c[WMAX] / (a[LUT0].length - 1);
        }
        c[W_PER_LUT] = s.d("weight_per_lut_entry", c[W_PER_LUT]);
        c[READOUT_CYCLE] = s.d("readout_cycle_duration", c[READOUT_CYCLE]);
        boolean recalc = false;
        if (s.has("no_synapses")) {
            c[NO_SYNAPSES] = s.l("no_synapses", 0);
            c[READOUT_CYCLE] = readoutCycle(c[NO_SYNAPSES], c[SYN_PER_DRIVER], c[DRIVER_READOUT]);
        }
        if (s.has("synapses_per_driver")) {
            c[SYN_PER_DRIVER] = s.l("synapses_per_driver", 0);
            // NEST does not check it and divides by it (an integer division by zero there)
            if (c[SYN_PER_DRIVER] <= 0) throw bad("synapses_per_driver must be positive.");
            c[READOUT_CYCLE] = readoutCycle(c[NO_SYNAPSES], c[SYN_PER_DRIVER], c[DRIVER_READOUT]);
        }
        if (s.has("driver_readout_time")) {
            c[DRIVER_READOUT] = s.d("driver_readout_time", 0);
            c[READOUT_CYCLE] = readoutCycle(c[NO_SYNAPSES], c[SYN_PER_DRIVER], c[DRIVER_READOUT]);
        }
        int[][] lutCheck = {{LUT0, LUT1}, {LUT1, LUT0}, {LUT2, LUT0}};
        for (int[] lc : lutCheck) {
            String key = commonArrayKeys[lc[0]];
            if (!s.has(key)) continue;
            a[lc[0]] = s.la(key, a[lc[0]]);
            if (a[lc[0]].length != a[lc[1]].length) throw bad("Look-up table has not 2^4 entries!");
            for (long e : a[lc[0]]) {
                if (e < 0 || e > 15) throw bad("Look-up table entries must be integers in [0,15]");
            }
        }
        for (int j = CONFIG0; j <= CONFIG1; j++) {
            if (!s.has(commonArrayKeys[j])) continue;
            a[j] = s.la(commonArrayKeys[j], a[j]);
            if (a[j].length != 4) throw bad("Wrong number of configuration bits (!=4).");
        }
        if (s.has("reset_pattern")) {
            a[RESET] = s.la("reset_pattern", a[RESET]);
            if (a[RESET].length != 6) throw bad("Wrong number of reset bits (!=6).");
        }
    }

    private static boolean eval(double aCausal, double aAcausal, double th, double tl, long[] cb) {
        return (tl + cb[2] * aCausal + cb[1] * aAcausal) / (1 + cb[2] + cb[1])
                > (th + cb[0] * aCausal + cb[3] * aAcausal) / (1 + cb[0] + cb[3]);
    }

    /** C's round(): halfway cases away from zero */
    private static double cRound(double v) {
        double a = Math.abs(v), f = Math.floor(a);
        if (a - f >= 0.5) f += 1.0;
        return Math.copySign(f, v);
    }

    @Override
    public boolean send(Ctx x, ConnStore c, int k) {
        final double tSpike = x.tSpike, d = x.delay;
        final double[] cp = x.model.common;
        final long[][] ca = x.model.commonArrays;
        final double[] aC = c.ext[A_CAUSAL], aA = c.ext[A_ACAUSAL], nrt = c.ext[NEXT_READOUT], tLast = c.ext[T_LAST];
        if (c.ext[INIT_FLAG][k] == 0.0) {
            // the counter is a common property that send() changes (NEST casts away its constness)
            synchronized (x.model) {
                long id = (long) cp[NO_SYNAPSES];
                c.ext[SYNAPSE_ID][k] = id;
                cp[NO_SYNAPSES] = id + 1;
                cp[READOUT_CYCLE] = readoutCycle(cp[NO_SYNAPSES], cp[SYN_PER_DRIVER], cp[DRIVER_READOUT]);
                nrt[k] = (int) (id / (long) cp[SYN_PER_DRIVER]) * cp[DRIVER_READOUT];
                System.out.println("init synapse " + id + " - first readout time: " + cppDouble(nrt[k]));
            }
            c.ext[INIT_FLAG][k] = 1.0;
        }
        double w = c.w[k];
        if (tSpike > nrt[k]) {
            final double wPerLut = cp[W_PER_LUT];
            long dw = (long) cRound(w / wPerLut);
            boolean e0 = eval(aC[k], aA[k], c.ext[A_THRESH_TH][k], c.ext[A_THRESH_TL][k], ca[CONFIG0]);
            boolean e1 = eval(aC[k], aA[k], c.ext[A_THRESH_TH][k], c.ext[A_THRESH_TL][k], ca[CONFIG1]);
            int table = e0 && !e1 ? 0 : !e0 && e1 ? 1 : e0 && e1 ? 2 : -1;
            if (table >= 0) {
                long[] lut = ca[LUT0 + table];
                // NEST indexes the table unchecked; nestj keeps the index inside it
                dw = lut[(int) Math.max(0, Math.min(lut.length - 1, dw))];
                if (ca[RESET][2 * table] != 0) aC[k] = 0;
                if (ca[RESET][2 * table + 1] != 0) aA[k] = 0;
            }
            final double cycle = cp[READOUT_CYCLE];
            // (NEST loops forever if readout_cycle_duration <= 0; nestj leaves next_readout_time)
            while (tSpike > nrt[k] && cycle > 0) nrt[k] += cycle;
            w = dw * wPerLut;
        }
        final double tl = tLast[k];
        SpikeArchive h = history(x, tl, tSpike);
        if (h.from != h.to) {
            double minusDtCausal = tl - (h.t[h.from] + d);
            aC[k] += GlibcMath.exp(minusDtCausal / cp[TAU_PLUS]);
            double minusDtAcausal = (h.t[h.to - 1] + d) - tSpike;
            aA[k] += GlibcMath.exp(minusDtAcausal / cp[TAU_MINUS]);
        }
        c.w[k] = w;
        x.weight = w;
        tLast[k] = tSpike;
        return true;
    }

    /** a double as C++'s ostream prints it by default (6 significant digits, %g) */
    static String cppDouble(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
        String s = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int ex = Integer.parseInt(p[1]);
            return m + "e" + (ex < 0 ? "-" : "+") + (Math.abs(ex) < 10 ? "0" : "") + Math.abs(ex);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
