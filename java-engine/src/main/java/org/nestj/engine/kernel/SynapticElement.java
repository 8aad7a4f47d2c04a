package org.nestj.engine.kernel;

import java.util.Map;

import org.nestj.engine.NestException;

import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * NEST's SynapticElement (synaptic_element.cpp) with its growth curve (growth_curve.cpp): the
 * number of elements z, its last update time z_t, the connected elements z_connected, and the
 * homeostatic growth dz/dt = growth_rate * f(Ca) of the curves linear, gaussian and sigmoid.
 * Objects exist only for nodes given synaptic_elements; they change at spikes and at the
 * structural plasticity updates, never allocate during a simulation.
 */
public final class SynapticElement {
    public static final String[] CURVES = {"gaussian", "linear", "sigmoid"};
    static final int LINEAR = 0, GAUSSIAN = 1, SIGMOID = 2;
    static final double SQRT_LOG_TWO = Math.sqrt(GlibcLog.log(2.0));

    public final String name;
    double z = 0.0, zT = 0.0;
    int zConnected = 0;
    boolean continuous = true;
    double growthRate = 1.0, tauVacant = 0.1;
    int curve = LINEAR;
    double eps = 0.7, eta = 0.1, psi = 0.1;
    double invZeta, xi;

    SynapticElement(String name) {
        this.name = name;
    }

    static SynapticElement[] copyAll(SynapticElement[] a) {
        SynapticElement[] r = new SynapticElement[a.length];
        for (int q = 0; q < a.length; q++) r[q] = a[q].copy();
        return r;
    }

    SynapticElement copy() {
        SynapticElement e = new SynapticElement(name);
        e.z = z;
        e.zT = zT;
        e.zConnected = zConnected;
        e.continuous = continuous;
        e.growthRate = growthRate;
        e.tauVacant = tauVacant;
        e.curve = curve;
        e.eps = eps;
        e.eta = eta;
        e.psi = psi;
        e.invZeta = invZeta;
        e.xi = xi;
        return e;
    }

    private static int curveId(String s) {
        switch (s) {
            case "linear": return LINEAR;
            case "gaussian": return GAUSSIAN;
            case "sigmoid": return SIGMOID;
            default: throw NestException.badProperty("Unknown growth curve name " + s + ".");
        }
    }

    private static String curveName(int c) {
        return c == LINEAR ? "linear" : c == GAUSSIAN ? "gaussian" : "sigmoid";
    }

    private void computeLocal() {
        invZeta = 2.0 * SQRT_LOG_TWO / (eta - eps);
        xi = (eta + eps) * 0.5;
    }

    /** NEST's SynapticElement::get: the per-element status entries. */
    void get(Map<String, Object> d) {
        d.put("growth_rate", growthRate);
        d.put("tau_vacant", tauVacant);
        d.put("continuous", continuous);
        d.put("z", z);
        d.put("z_connected", (long) zConnected);
        d.put("growth_curve", curveName(curve));
        d.put("eps", eps);
        if (curve == GAUSSIAN) d.put("eta", eta);
        if (curve == SIGMOID) d.put("psi", psi);
    }

    /** NEST's SynapticElement::set, then the growth curve's set (a new curve of another name starts from its defaults). */
    void set(Status s) {
        double newTauVacant = s.d("tau_vacant", tauVacant);
        growthRate = s.d("growth_rate", growthRate);
        continuous = s.b("continuous", continuous);
        z = s.d("z", z);
        if (s.has("growth_curve")) {
            int c = curveId(s.s("growth_curve", curveName(curve)));
            if (c != curve) {
                curve = c;
                eps = 0.7;
                eta = 0.1;
                psi = 0.1;
            }
        }
        eps = s.d("eps", eps);
        if (curve == GAUSSIAN) eta = s.d("eta", eta);
        if (curve == SIGMOID) {
            psi = s.d("psi", psi);
            if (!(psi >= 0)) throw NestException.badProperty("psi parameter must be greater than 0.");
        }
        computeLocal();
        if (newTauVacant <= 0.0) throw NestException.badProperty("All time constants must be strictly positive.");
        tauVacant = newTauVacant;
    }

    /** NEST's get_synaptic_elements(name): z, floored unless continuous. */
    double value() {
        return continuous ? z : Math.floor(z);
    }

    /** NEST's get_z_vacant: floor(z) - z_connected (negative: elements to delete). */
    int vacant() {
        return (int) Math.floor(z) - zConnected;
    }

    /** NEST's decay_z_vacant: removes the fraction tau_vacant of the vacant elements. */
    void decayVacant() {
        int v = vacant();
        if (v > 0) z -= v * tauVacant;
    }

    /** NEST's connect(n): n more (or fewer) connected elements; z grows to hold them. */
    void connect(int n) {
        zConnected += n;
        if (zConnected > Math.floor(z)) z = zConnected + (z - Math.floor(z));
    }

    /** NEST's SynapticElement::update from the calcium trace Ca_minus at t_minus to t (h: resolution). */
    void update(double t, double tMinus, double caMinus, double tauCa, double h) {
        if (zT != tMinus) {
            throw NestException.kernel("Last update of the calcium concentration does not match the last update "
                    + "of the synaptic element");
        }
        z = grow(curve, t, tMinus, caMinus, z, tauCa, growthRate, eps, invZeta, xi, psi, h);
        zT = t;
    }

    /** The growth curves' update(t, t_minus, Ca_minus, z_minus, tau_Ca, growth_rate). */
    static double grow(int curve, double t, double tMinus, double caMinus, double zMinus, double tauCa, double rate,
            double eps, double invZeta, double xi, double psi, double h) {
        double zv = zMinus;
        if (curve == LINEAR) {
            double ca = caMinus * GlibcMath.exp((tMinus - t) / tauCa);
            zv = rate * tauCa * (ca - caMinus) / eps + rate * (t - tMinus) + zMinus;
        } else if (curve == GAUSSIAN) {
            double invTau = 1.0 / tauCa;
            double ca = caMinus;
            for (double lag = tMinus; lag < (t - h * 0.5); lag += h) {
                ca = ca - ((ca * invTau) * h);
                double q = (ca - xi) * invZeta;
                zv += h * rate * (2.0 * GlibcMath.exp(-(q * q)) - 1.0);
            }
        } else {
            double ca = caMinus;
            for (double lag = tMinus; lag < (t - h / 2.0); lag += h) {
                ca = ca - ((ca / tauCa) * h);
                zv = zv + h * rate * ((2.0 / (1.0 + GlibcMath.exp((ca - eps) / psi))) - 1.0);
            }
        }
        return Math.max(zv, 0.0);
    }
}
