package org.nestj.engine.models;

import java.util.Arrays;
import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * Shared machinery of NEST 3.9's generalized leaky integrate-and-fire family of the Allen Institute
 * (Teeter et al. 2018; models/glif_psc.*, glif_psc_double_alpha.*, glif_cond.*): the five mechanism levels
 * selected by spike_dependent_threshold (R), after_spike_currents (ASC) and adapting_threshold (A)
 * (GLIF1 = LIF, GLIF2 = LIF_R, GLIF3 = LIF_ASC, GLIF4 = LIF_R_ASC, GLIF5 = LIF_R_ASC_A).
 *
 * <pre>
 *   C_m dU/dt = -g U + I + sum_j I_asc_j + I_syn          (U = V_m - E_L)
 *   I_asc_j:   decay rate asc_decay_j; per step their exact mean over the step enters (ASCurrents_sum);
 *              on a spike I_asc_j = asc_amps_j + asc_r_j exp(-asc_decay_j t_ref) I_asc_j
 *   theta_s:   decay rate th_spike_decay; on a spike theta_s = theta_s exp(-th_spike_decay t_ref) + th_spike_add,
 *              and U = voltage_reset_fraction U_old + voltage_reset_add (otherwise U = V_reset)
 *   theta_v:   d theta_v/dt = th_voltage_index U - th_voltage_decay theta_v (exact, with U linear per step)
 *   spike when U > threshold = theta_s + theta_v + th_inf; U is held at its last value for t_ref
 * </pre>
 * Voltages V_reset, V_th and V_m are stored relative to E_L, as in NEST. Ring buffer layout: channel 0 the
 * current input, channel k the spikes of receptor port k (1..n_receptors).
 *
 * <p>nestj's kernel checks receptor ports against the block, so ports are checked against the largest receptor
 * count of the block and a connection marks has_connections on all nodes of the block.
 */
abstract class GlifBase extends NeuronBlock {
    static final int CUR = 0;

    // NEST's Parameters_ (th_inf and V_reset relative to E_L)
    @PerNode public double[] G, E_L, th_inf, C_m, t_ref, V_reset, th_spike_add, th_spike_decay, voltage_reset_fraction,
            voltage_reset_add, th_voltage_index, th_voltage_decay;
    @PerNode public double[][] asc_init, asc_decay, asc_amps, asc_r;
    @PerNode public boolean[] has_connections, has_theta_spike, has_asc, has_theta_voltage;
    // NEST's State_
    @PerNode public double[] threshold, threshold_spike, threshold_voltage, ASCurrents_sum, I;
    @PerNode public double[][] ASCurrents;
    @PerNode public int[] r;
    // NEST's Variables_
    double[] thetaSpikeDecayRate, thetaSpikeRefractoryDecayRate, potentialDecayRate, thetaVoltageDecayRateInverse, phi,
            abparaRatioVoltage;
    double[][] ascDecayRates, ascStableCoeff, ascRefractoryDecayRates;
    int[] refractoryCounts;
    InputBuffer buf;

    GlifBase(int n) {
        super(n);
        G = fill(n, 9.43);
        E_L = fill(n, -78.85);
        th_inf = fill(n, -51.68 - -78.85);
        C_m = fill(n, 58.72);
        t_ref = fill(n, 3.75);
        V_reset = fill(n, 0.0);
        th_spike_add = fill(n, 0.37);
        th_spike_decay = fill(n, 0.009);
        voltage_reset_fraction = fill(n, 0.20);
        voltage_reset_add = fill(n, 18.51);
        th_voltage_index = fill(n, 0.005);
        th_voltage_decay = fill(n, 0.09);
        asc_init = new double[n][];
        asc_decay = new double[n][];
        asc_amps = new double[n][];
        asc_r = new double[n][];
        ASCurrents = new double[n][];
        has_connections = fillB(n, false);
        has_theta_spike = fillB(n, false);
        has_asc = fillB(n, false);
        has_theta_voltage = fillB(n, false);
        threshold = new double[n];
        threshold_spike = fill(n, 0.0);
        threshold_voltage = fill(n, 0.0);
        ASCurrents_sum = fill(n, 0.0);
        I = fill(n, 0.0);
        r = fillI(n, 0);
        for (int i = 0; i < n; i++) {
            asc_init[i] = new double[] {0.0, 0.0};
            asc_decay[i] = new double[] {0.003, 0.1};
            asc_amps[i] = new double[] {-9.18, -198.94};
            asc_r[i] = new double[] {1.0, 1.0};
            ASCurrents[i] = asc_init[i].clone();
            threshold[i] = th_inf[i];
        }
    }

    // ------------------------------------------------------------------ model hooks

    /** Number of receptor ports of node i. */
    abstract int nPorts(int i);

    /** Name of the membrane conductance parameter ("g" in glif_psc*, "g_m" in glif_cond). */
    abstract String gKey();

    final int maxPorts() {
        int m = 0;
        for (int i = 0; i < n; i++) m = Math.max(m, nPorts(i));
        return m;
    }

    // ------------------------------------------------------------------ status

    /** Parameters_::get of the common part; V_m is added by the subclass. */
    final void getCommon(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("V_th", th_inf[i] + E_L[i]);
        d.put(gKey(), G[i]);
        d.put("E_L", E_L[i]);
        d.put("C_m", C_m[i]);
        d.put("t_ref", t_ref[i]);
        d.put("V_reset", V_reset[i] + E_L[i]);
        d.put("th_spike_add", th_spike_add[i]);
        d.put("th_spike_decay", th_spike_decay[i]);
        d.put("voltage_reset_fraction", voltage_reset_fraction[i]);
        d.put("voltage_reset_add", voltage_reset_add[i]);
        d.put("th_voltage_index", th_voltage_index[i]);
        d.put("th_voltage_decay", th_voltage_decay[i]);
        d.put("asc_init", asc_init[i].clone());
        d.put("asc_decay", asc_decay[i].clone());
        d.put("asc_amps", asc_amps[i].clone());
        d.put("asc_r", asc_r[i].clone());
        d.put("has_connections", has_connections[i]);
        d.put("spike_dependent_threshold", has_theta_spike[i]);
        d.put("after_spike_currents", has_asc[i]);
        d.put("adapting_threshold", has_theta_voltage[i]);
        d.put("ASCurrents", ASCurrents[i].clone());
    }

    /** The common parameters read from a status dictionary (NEST's temporary Parameters_ copy). */
    final class GP {
        final int i;
        final double elOld, el, deltaEL, g, cm, tref, thSpikeAdd, thSpikeDecay, vrFrac, vrAdd, thVIndex, thVDecay;
        double vReset, thInf;
        final double[] ascInit, ascDecay, ascAmps, ascR;
        final boolean thetaSpike, asc, thetaVoltage;

        GP(int i, Status s) {
            this.i = i;
            elOld = E_L[i];
            el = s.d("E_L", elOld);
            deltaEL = el - elOld;
            if (s.has("V_reset")) {
                vReset = s.d("V_reset", 0.0);
                vReset -= el;
            } else {
                vReset = V_reset[i];
                vReset -= deltaEL;
            }
            if (s.has("V_th")) {
                thInf = s.d("V_th", 0.0);
                thInf -= el;
            } else {
                thInf = th_inf[i];
                thInf -= deltaEL;
            }
            g = s.d(gKey(), G[i]);
            cm = s.d("C_m", C_m[i]);
            tref = s.d("t_ref", t_ref[i]);
            thSpikeAdd = s.d("th_spike_add", th_spike_add[i]);
            thSpikeDecay = s.d("th_spike_decay", th_spike_decay[i]);
            vrFrac = s.d("voltage_reset_fraction", voltage_reset_fraction[i]);
            vrAdd = s.d("voltage_reset_add", voltage_reset_add[i]);
            thVIndex = s.d("th_voltage_index", th_voltage_index[i]);
            thVDecay = s.d("th_voltage_decay", th_voltage_decay[i]);
            ascInit = s.da("asc_init", asc_init[i]);
            ascDecay = s.da("asc_decay", asc_decay[i]);
            ascAmps = s.da("asc_amps", asc_amps[i]);
            ascR = s.da("asc_r", asc_r[i]);
            thetaSpike = s.b("spike_dependent_threshold", has_theta_spike[i]);
            asc = s.b("after_spike_currents", has_asc[i]);
            thetaVoltage = s.b("adapting_threshold", has_theta_voltage[i]);
        }

        void checkMechanisms(String docWord) {
            boolean ok = (!thetaSpike && !asc && !thetaVoltage) || (thetaSpike && !asc && !thetaVoltage)
                    || (!thetaSpike && asc && !thetaVoltage) || (thetaSpike && asc && !thetaVoltage)
                    || (thetaSpike && asc && thetaVoltage);
            if (!ok) {
                throw badProperty("Incorrect model mechanism combination setting.See " + docWord
                        + " for setting of model mechanism parameters:"
                        + "spike_dependent_threshold, after_spike_currents, adapting_threshold.");
            }
        }

        void checkAsc() {
            if (!asc) return;
            int m = ascDecay.length;
            if (!(ascInit.length == m && ascAmps.length == m && ascR.length == m)) {
                throw badProperty("All after spike current parameters (i.e., asc_init, k, asc_amps, r) "
                        + "must have the same size.");
            }
            for (int a = 0; a < m; a++) {
                if (ascDecay[a] <= 0.0) throw badProperty("After-spike current time constant must be strictly positive.");
                if (ascR[a] < 0.0 || ascR[a] > 1.0) {
                    throw badProperty(
                            "After spike current fraction following spike coefficients r must be within [0.0, 1.0].");
                }
            }
        }

        void checkReset() {
            if (vReset >= thInf) throw badProperty("Reset potential must be smaller than threshold.");
        }

        void checkCm() {
            if (cm <= 0.0) throw badProperty("Capacitance must be strictly positive.");
        }

        void checkG() {
            if (g <= 0.0) throw badProperty("Membrane conductance must be strictly positive.");
        }

        void checkTref() {
            if (tref <= 0.0) throw badProperty("Refractory time constant must be strictly positive.");
        }

        void checkThetaVoltage() {
            if (thetaVoltage && thVDecay <= 0.0) {
                throw badProperty("Voltage-induced threshold time constant must be strictly positive.");
            }
        }

        void checkThetaSpike() {
            if (!thetaSpike) return;
            if (thSpikeDecay <= 0.0) throw badProperty("Spike induced threshold time constant must be strictly positive.");
            if (vrFrac < 0.0 || vrFrac > 1.0) {
                throw badProperty("Voltage fraction coefficient following spike must be within [0.0, 1.0].");
            }
        }

        /** Checks a new receptor count against has_connections (tau_syn / E_rev handling of Parameters_::set). */
        void checkPorts(int newN, int oldN) {
            if (newN != oldN && has_connections[i]) {
                throw badProperty("The neuron has connections, therefore the number of ports cannot be reduced.");
            }
        }

        /** The new state read by {@link #readState}. */
        double[] ascCurrents;
        double thSpike, thVoltage;

        /**
         * State_::set of the common part: V_m (relative to the new E_L), ASCurrents, threshold_spike and
         * threshold_voltage. Returns the new relative membrane potential; call {@link #commit} afterwards.
         */
        double readState(Status s, double uOld) {
            double u;
            if (s.has("V_m")) {
                u = s.d("V_m", 0.0);
                u -= el;
            } else {
                u = uOld;
                u -= deltaEL;
            }
            boolean ascFlag = s.has("ASCurrents");
            ascCurrents = s.da("ASCurrents", ASCurrents[i]);
            if (ascFlag && !asc) {
                throw badProperty("After spike currents are not supported or settable in the current model mechanisms.");
            }
            if (ascFlag && ascCurrents.length != ascDecay.length) {
                throw badProperty("After spike current values must have have the same size (" + ascDecay.length
                        + ") of its parameters (i.e., asc_init, k, asc_amps, r).");
            }
            thSpike = s.d("threshold_spike", threshold_spike[i]);
            if (s.has("threshold_spike") && !thetaSpike) {
                throw badProperty("Threshold spike component is not supported or settable in the current model mechanisms.");
            }
            thVoltage = s.d("threshold_voltage", threshold_voltage[i]);
            if (s.has("threshold_voltage") && !thetaVoltage) {
                throw badProperty(
                        "Threshold voltage component is not supported or settable in the current model mechanisms.");
            }
            return u;
        }

        void commit() {
            E_L[i] = el;
            V_reset[i] = vReset;
            th_inf[i] = thInf;
            G[i] = g;
            C_m[i] = cm;
            t_ref[i] = tref;
            th_spike_add[i] = thSpikeAdd;
            th_spike_decay[i] = thSpikeDecay;
            voltage_reset_fraction[i] = vrFrac;
            voltage_reset_add[i] = vrAdd;
            th_voltage_index[i] = thVIndex;
            th_voltage_decay[i] = thVDecay;
            asc_init[i] = ascInit;
            asc_decay[i] = ascDecay;
            asc_amps[i] = ascAmps;
            asc_r[i] = ascR;
            has_theta_spike[i] = thetaSpike;
            has_asc[i] = asc;
            has_theta_voltage[i] = thetaVoltage;
            ASCurrents[i] = ascCurrents;
            threshold_spike[i] = thSpike;
            threshold_voltage[i] = thVoltage;
        }
    }

    // ------------------------------------------------------------------ life cycle

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 1 + maxPorts(), ringLen);
    }

    /** pre_run_hook of the common part: decay rates of the threshold components and after-spike currents. */
    @Override
    public void calibrate() {
        final double h = kernel.time.resolution();
        if (refractoryCounts == null) {
            thetaSpikeDecayRate = new double[n];
            thetaSpikeRefractoryDecayRate = new double[n];
            potentialDecayRate = new double[n];
            thetaVoltageDecayRateInverse = new double[n];
            phi = new double[n];
            abparaRatioVoltage = new double[n];
            ascDecayRates = new double[n][];
            ascStableCoeff = new double[n][];
            ascRefractoryDecayRates = new double[n][];
            refractoryCounts = new int[n];
        }
        final int channels = 1 + maxPorts();
        if (buf != null && buf.channels < channels) {
            // ports were added after the buffers were set up: grow, keeping pending input
            InputBuffer nb = new InputBuffer(n, channels, buf.len);
            System.arraycopy(buf.d, 0, nb.d, 0, buf.d.length);
            buf = nb;
        }
        for (int i = 0; i < n; i++) {
            if (has_theta_spike[i]) {
                thetaSpikeDecayRate[i] = GlibcMath.exp(-th_spike_decay[i] * h);
                thetaSpikeRefractoryDecayRate[i] = GlibcMath.exp(-th_spike_decay[i] * t_ref[i]);
            }
            if (has_asc[i]) {
                final int m = asc_decay[i].length;
                double[] rate = new double[m], coeff = new double[m], refr = new double[m];
                for (int a = 0; a < m; a++) {
                    rate[a] = GlibcMath.exp(-asc_decay[i][a] * h);
                    coeff[a] = ((1.0 / asc_decay[i][a]) / h) * (1.0 - rate[a]);
                    refr[a] = asc_r[i][a] * GlibcMath.exp(-asc_decay[i][a] * t_ref[i]);
                }
                ascDecayRates[i] = rate;
                ascStableCoeff[i] = coeff;
                ascRefractoryDecayRates[i] = refr;
            }
            if (has_theta_voltage[i]) {
                potentialDecayRate[i] = GlibcMath.exp(-G[i] * h / C_m[i]);
                thetaVoltageDecayRateInverse[i] = 1 / GlibcMath.exp(th_voltage_decay[i] * h);
                phi[i] = th_voltage_index[i] / (th_voltage_decay[i] - G[i] / C_m[i]);
                abparaRatioVoltage[i] = th_voltage_index[i] / th_voltage_decay[i];
            }
            refractoryCounts[i] = (int) kernel.time.msToSteps(t_ref[i]);
        }
    }

    // ------------------------------------------------------------------ the shared step

    /**
     * The non-refractory part of a step that does not depend on the membrane equation: decay of the spike
     * component of the threshold, the mean after-spike currents over the step (ASCurrents_sum) and their decay,
     * the voltage component of the threshold (from vOld, I and ASCurrents_sum) and the total threshold.
     */
    final void advance(int i, double vOld) {
        if (has_theta_spike[i]) threshold_spike[i] = threshold_spike[i] * thetaSpikeDecayRate[i];
        double sum = 0.0;
        if (has_asc[i]) {
            final double[] ac = ASCurrents[i], coeff = ascStableCoeff[i], rate = ascDecayRates[i];
            final int m = Math.min(ac.length, coeff.length);
            for (int a = 0; a < m; a++) {
                sum += coeff[a] * ac[a];
                ac[a] = ac[a] * rate[a];
            }
        }
        ASCurrents_sum[i] = sum;
        if (has_theta_voltage[i]) {
            final double beta = (I[i] + sum) / G[i];
            final double ph = phi[i], ab = abparaRatioVoltage[i];
            threshold_voltage[i] = ph * (vOld - beta) * potentialDecayRate[i]
                    + thetaVoltageDecayRateInverse[i] * (threshold_voltage[i] - ph * (vOld - beta) - ab * beta)
                    + ab * beta;
        }
        threshold[i] = threshold_spike[i] + threshold_voltage[i] + th_inf[i];
    }

    /**
     * Threshold check after the membrane update: on a spike (u > threshold) starts the refractory period, resets the
     * after-spike currents, the membrane potential and the spike component of the threshold, and emits the spike.
     * Returns the (possibly reset) membrane potential relative to E_L.
     */
    final double fire(int i, double vOld, double u, long step, int lag, SpikeOut out) {
        if (!(u > threshold[i])) return u;
        r[i] = refractoryCounts[i];
        if (has_asc[i]) {
            final double[] ac = ASCurrents[i], amps = asc_amps[i], refr = ascRefractoryDecayRates[i];
            final int m = Math.min(ac.length, Math.min(amps.length, refr.length));
            for (int a = 0; a < m; a++) ac[a] = amps[a] + ac[a] * refr[a];
        }
        if (!has_theta_spike[i]) {
            u = V_reset[i];
        } else {
            u = voltage_reset_fraction[i] * vOld + voltage_reset_add[i];
            threshold_spike[i] = threshold_spike[i] * thetaSpikeRefractoryDecayRate[i] + th_spike_add[i];
            threshold[i] = threshold_spike[i] + threshold_voltage[i] + th_inf[i];
        }
        spiked(i, step + 1);
        out.spike(gid(i), lag, 1);
        return u;
    }

    /** A refractory step: count down; the caller holds the membrane potential at vOld. */
    final void refractoryStep(int i) {
        --r[i];
        threshold[i] = threshold_spike[i] + threshold_voltage[i] + th_inf[i];
    }

    // ------------------------------------------------------------------ input

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport <= 0 || rport > maxPorts()) throw incompatibleReceptor(rport, "SpikeEvent");
        Arrays.fill(has_connections, true);
        return rport;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        buf.add(rport, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CUR, step, i, current);
    }
}
