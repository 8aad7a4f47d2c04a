package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.NestNumerics;

/**
 * Shared machinery of NEST's precise spike timing integrate-and-fire models (iaf_psc_alpha_ps,
 * iaf_psc_exp_ps, iaf_psc_exp_ps_lossless, iaf_psc_delta_ps; NEST 3.9 models/iaf_psc_*_ps.{h,cpp}):
 * parameters and the membrane potential {@link #V} relative to E_L, the {@link SliceRingBuffer} input queue
 * (spikes with their offsets, handled in time order within each step, plus the end-of-refractoriness
 * pseudo-event), the current ring buffer, precise spike emission (stamp = step + 1, offset = time before
 * the step's end; reset to V_reset) and the Illinois regula falsi root finder of libnestutil/regula_falsi.h
 * used to locate threshold crossings.
 *
 * <p>Every model's update runs, per node, {@link #beginUpdate} (frozen nodes, the slice's queue, a node left
 * at threshold), then per step {@link #queueEndOfRefractoriness}, the model's propagation between the
 * step's events, and {@link #endStep} (the new input current, the record).
 */
public abstract class IafPsBase extends NeuronBlock {
    /** std::numeric_limits&lt;double&gt;::epsilon() */
    protected static final double EPS = Math.ulp(1.0);

    // parameters (U_* relative to E_L, as in NEST)
    @PerNode public double[] E_L, I_e, U_th, U_min, U_reset, C_m, tau_m, t_ref;
    // state common to all precise models: membrane potential relative to E_L (NEST's V_m_ / U_), input current
    @PerNode public double[] V, y0;
    @PerNode public boolean[] refr;
    @PerNode public long[] lastSpikeStep;
    @PerNode public double[] lastSpikeOffset;

    protected SliceRingBuffer events;
    protected InputBuffer currents;
    protected int[] refractorySteps;
    protected double h;

    protected IafPsBase(int n, double uMin) {
        super(n);
        E_L = fill(n, -70.0);
        I_e = fill(n, 0.0);
        U_th = fill(n, -55.0 - -70.0);
        U_min = fill(n, uMin);
        U_reset = fill(n, -70.0 - -70.0);
        C_m = fill(n, 250.0);
        tau_m = fill(n, 10.0);
        t_ref = fill(n, 2.0);
        V = fill(n, 0.0);
        y0 = fill(n, 0.0);
        refr = fillB(n, false);
        lastSpikeStep = fillL(n, -1);
        lastSpikeOffset = fill(n, 0.0);
    }

    /** The parameters common to all precise models, read from a status dictionary (not yet committed). */
    protected static final class Common {
        double el, dEL, ie, th, vmin, reset, c, tau, tref;
    }

    /** Reads the common parameters of Parameters_::set (thresholds relative to the new E_L). */
    protected final Common readCommon(int i, Status s) {
        Common p = new Common();
        p.el = s.d("E_L", E_L[i]);
        p.dEL = p.el - E_L[i];
        p.tau = s.d("tau_m", tau_m[i]);
        p.c = s.d("C_m", C_m[i]);
        p.tref = s.d("t_ref", t_ref[i]);
        p.ie = s.d("I_e", I_e[i]);
        p.th = s.has("V_th") ? s.d("V_th", 0) - p.el : U_th[i] - p.dEL;
        p.vmin = s.has("V_min") ? s.d("V_min", 0) - p.el : U_min[i] - p.dEL;
        p.reset = s.has("V_reset") ? s.d("V_reset", 0) - p.el : U_reset[i] - p.dEL;
        return p;
    }

    protected final void commitCommon(int i, Common p) {
        E_L[i] = p.el;
        tau_m[i] = p.tau;
        C_m[i] = p.c;
        t_ref[i] = p.tref;
        I_e[i] = p.ie;
        U_th[i] = p.th;
        U_min[i] = p.vmin;
        U_reset[i] = p.reset;
    }

    /**
     * The checks of Parameters_::set shared by iaf_psc_alpha_ps, iaf_psc_exp_ps and iaf_psc_delta_ps (then each
     * model checks its time constants).
     */
    protected final void checkCommon(Common p) {
        if (p.reset >= p.th) throw badProperty("Reset potential must be smaller than threshold.");
        if (p.reset < p.vmin) throw badProperty("Reset potential must be greater equal minimum potential.");
        if (p.c <= 0) throw badProperty("Capacitance must be strictly positive.");
        if (kernel.time.msToSteps(p.tref) < 1) throw badProperty("Refractory time must be at least one time step.");
    }

    /** The membrane potential relative to E_L after a status change (State_::set). */
    protected final double readV(int i, Status s, Common p, double vRel) {
        return s.has("V_m") ? s.d("V_m", 0) - p.el : vRel - p.dEL;
    }

    protected final void getCommon(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("E_L", E_L[i]);
        d.put("I_e", I_e[i]);
        d.put("V_th", U_th[i] + E_L[i]);
        d.put("V_min", U_min[i] + E_L[i]);
        d.put("V_reset", U_reset[i] + E_L[i]);
        d.put("C_m", C_m[i]);
        d.put("tau_m", tau_m[i]);
        d.put("t_ref", t_ref[i]);
        d.put("is_refractory", refr[i]);
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        if (events == null) events = new SliceRingBuffer(n);
        events.configure(kernel.connections.minDelay(), ringLen);
        events.clear();
        currents = InputBuffer.resize(currents, n, 1, ringLen);
        ringLength = ringLen;
    }

    private int ringLength;

    @Override
    public boolean isOffGrid(int i) {
        return true;
    }

    @Override
    public void calibrate() {
        h = kernel.time.resolution();
        events.configure(kernel.connections.minDelay(), ringLength);
        if (refractorySteps == null) refractorySteps = new int[n];
        for (int i = 0; i < n; i++) refractorySteps[i] = (int) kernel.time.msToSteps(t_ref[i]);
    }

    /** handle(SpikeEvent): queue weight times multiplicity at the delivery step with the spike's offset. */
    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        events.add(i, step, offset, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        currents.add(0, step, i, current);
    }

    // ---------------------------------------------------------------- update

    /**
     * The start of node i's update of lags [from, to): false for a frozen node (its input of the slice is
     * discarded). Otherwise the slice's queue is prepared at the slice's start, and a node left at or above
     * threshold (by a status change) fires at once.
     */
    protected final boolean beginUpdate(int i, long origin, int from, SpikeOut out) {
        final SliceRingBuffer ev = events;
        if (frozen != null && frozen[i]) {
            if (from == 0) ev.discard(i, origin);
            return false;
        }
        if (from == 0) ev.prepareDelivery(i, origin);
        if (V[i] >= U_th[i]) emitInstantSpike(i, origin, from, h * (1.0 - EPS), out);
        return true;
    }

    /** Queues the end of the refractory period of node i if it falls into step T (at the offset of the last spike). */
    protected final void queueEndOfRefractoriness(int i, long T) {
        if (refr[i] && T + 1 - lastSpikeStep[i] == refractorySteps[i]) {
            events.addRefractory(i, T, lastSpikeOffset[i]);
        }
    }

    /** The end of step T of node i: the input current for the next step, the record (rec: {@link #recording()}). */
    protected final void endStep(int i, long T, boolean rec) {
        y0[i] = currents.take(0, T, i);
        if (rec && recordedBy[i] != null) record(T, i);
    }

    /**
     * emit_spike_ of the models with a regula falsi search: the threshold crossing lies within dt after the
     * state saved t0 ms after the step's start; reset and spike at its offset.
     */
    protected final void emitSpike(int i, long origin, int lag, double t0, double dt, SpikeOut out) {
        double offset = h - (t0 + regulaFalsi(i, dt));
        V[i] = U_reset[i];
        sendSpike(i, origin, lag, offset, out);
    }

    /** emit_instant_spike_: reset and spike with the given offset (ms before the step's end). */
    protected final void emitInstantSpike(int i, long origin, int lag, double offset, SpikeOut out) {
        V[i] = U_reset[i];
        sendSpike(i, origin, lag, offset, out);
    }

    /** Clamps, marks refractory, archives and sends a spike of node i with stamp origin+lag+1 and the offset. */
    protected final void sendSpike(int i, long origin, int lag, double offset, SpikeOut out) {
        long stamp = origin + lag + 1;
        lastSpikeStep[i] = stamp;
        lastSpikeOffset[i] = offset;
        refr[i] = true;
        spiked(i, stamp, offset);
        out.spike(gid(i), lag, 1, offset);
    }

    /** Distance of the membrane potential of node i from threshold, t ms after the last stored state. */
    protected double thresholdDistance(int i, double t) {
        throw new IllegalStateException("no threshold interpolation");
    }

    /** Illinois regula falsi on [0, dt] for the threshold crossing of node i (libnestutil/regula_falsi.h). */
    protected final double regulaFalsi(int i, double dt) {
        int lastSign = 0;
        double a = 0.0, b = dt;
        double fa = thresholdDistance(i, a);
        double fb = thresholdDistance(i, b);
        if (fa * fb > 0) {
            throw new NestException("NumericalInstability", "regula_falsi: time step too short to reach threshold.");
        }
        for (int iter = 0; iter < 500; ++iter) {
            double root = (a * fb - b * fa) / (fb - fa);
            double fr = thresholdDistance(i, root);
            if (Math.abs(fr) < 1e-14) return root;
            if (fa * fr > 0.0) {
                a = root;
                fa = fr;
                if (lastSign == 1) fb /= 2;
                lastSign = 1;
            } else if (fb * fr > 0.0) {
                b = root;
                fb = fr;
                if (lastSign == -1) fa /= 2;
                lastSign = -1;
            } else {
                throw new NestException("NumericalInstability", "regula_falsi: Regula falsi method did not converge");
            }
        }
        throw new NestException("NumericalInstability",
                "regula_falsi: Regula falsi method did not converge during set number of iterations");
    }

    // ---------------------------------------------------------------- propagators (libnestutil/iaf_propagator)

    /** std::exp (glibc's). */
    protected static double exp(double x) {
        return GlibcMath.exp(x);
    }

    /** NEST's numerics::expm1 (the precise models and iaf_propagator call it, not std::expm1). */
    protected static double expm1(double x) {
        return NestNumerics.expm1(x);
    }

    private static boolean normalPositive(double x) {
        return x > 0 && !Double.isInfinite(x) && x >= Double.MIN_NORMAL;
    }

    /** IAFPropagator P32 (synaptic current to membrane potential) for interval t. */
    protected static double propP32(double tauSyn, double tauM, double cM, double t) {
        double beta = tauSyn * tauM / (tauM - tauSyn);
        double gamma = beta / cM;
        double invBeta = (tauM - tauSyn) / (tauSyn * tauM);
        double p32 = gamma * exp(-t * (1 / tauSyn)) * expm1(t * invBeta);
        if (normalPositive(p32)) return p32;
        return t * (1 / cM) * exp(-t * (1 / tauM));
    }

    /**
     * IAFPropagatorAlpha::evaluate for interval t: P31 into p31[i], P32 into p32[i] (one exp/expm1
     * pair shared by both, as in NEST).
     */
    protected static void propAlpha(double tauSyn, double tauM, double cM, double t, double[] p31, double[] p32, int i) {
        final double beta = tauSyn * tauM / (tauM - tauSyn);
        final double gamma = beta / cM;
        final double invBeta = (tauM - tauSyn) / (tauSyn * tauM);
        final double eS = exp(-t * (1 / tauSyn));
        final double em1 = expm1(t * invBeta);
        double P32 = gamma * eS * em1;
        double eM = Double.NaN;
        if (!normalPositive(P32)) {
            eM = exp(-t * (1 / tauM));
            P32 = t * (1 / cM) * eM;
        }
        p32[i] = P32;
        if (t > 1e-7 * tauM * tauM / Math.abs(tauM - tauSyn)) {
            p31[i] = gamma * eS * (beta * em1 - t);
        } else {
            if (Double.isNaN(eM)) eM = exp(-t * (1 / tauM));
            p31[i] = 0.5 * t * t * (1 / cM) * eM;
        }
    }

    /** IAFPropagatorAlpha P31 (derivative of the alpha current to membrane potential) for interval t. */
    protected static double propP31(double tauSyn, double tauM, double cM, double t) {
        double hMinRegular = 1e-7 * tauM * tauM / Math.abs(tauM - tauSyn);
        if (t > hMinRegular) {
            double beta = tauSyn * tauM / (tauM - tauSyn);
            double gamma = beta / cM;
            double invBeta = (tauM - tauSyn) / (tauSyn * tauM);
            return gamma * exp(-t * (1 / tauSyn)) * (beta * expm1(t * invBeta) - t);
        }
        return 0.5 * t * t * (1 / cM) * exp(-t * (1 / tauM));
    }
}
