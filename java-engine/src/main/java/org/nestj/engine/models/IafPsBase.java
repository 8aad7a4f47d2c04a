package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SliceRingBuffer;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;

/**
 * Shared machinery of NEST's precise spike timing integrate-and-fire models (iaf_psc_alpha_ps,
 * iaf_psc_exp_ps, iaf_psc_exp_ps_lossless, iaf_psc_delta_ps; NEST 3.9 models/iaf_psc_*_ps.{h,cpp}):
 * parameters relative to E_L, the {@link SliceRingBuffer} input queue (spikes with their offsets,
 * handled in time order within each step, plus the end-of-refractoriness pseudo-event), the current
 * ring buffer, precise spike emission (stamp = step + 1, offset = time before the step's end) and the
 * Illinois regula falsi root finder of libnestutil/regula_falsi.h used to locate threshold crossings.
 */
public abstract class IafPsBase extends NeuronBlock {
    /** std::numeric_limits&lt;double&gt;::epsilon() */
    protected static final double EPS = Math.ulp(1.0);

    // parameters (U_* relative to E_L, as in NEST)
    @PerNode public double[] E_L, I_e, U_th, U_min, U_reset, C_m, tau_m, t_ref;
    // state common to all precise models
    @PerNode public double[] y0;
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
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport != 0) throw unknownReceptor(rport, "SpikeEvent");
        return 0;
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
    public void created() {
        markOffGrid(kernel);
    }

    /**
     * NodeManager::add_node for models that emit precisely timed spikes: sets the kernel property
     * off_grid_spiking to true.
     */
    public static void markOffGrid(org.nestj.engine.kernel.Kernel k) {
        if (!k.sim.isPrepared()) k.setKernelStatus(java.util.Collections.singletonMap("off_grid_spiking", (Object) Boolean.TRUE));
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

    protected static double exp(double x) {
        return GlibcMath.exp(x);
    }

    protected static double expm1(double x) {
        return StrictMath.expm1(x);
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
