package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * lin_rate_ipn — rate neuron with input noise and a linear gain (NEST 3.9 models/lin_rate.{h,cpp},
 * rate_neuron_ipn.h, rate_neuron_ipn_impl.h):
 *
 * <pre>
 *   tau dX/dt = -lambda X + mu + phi(sum_j w_j X_j(t - d_j)) + sqrt(tau) sigma xi(t),   phi(h) = g h
 * </pre>
 *
 * integrated with the stochastic exponential Euler method (lambda > 0: P1 = exp(-lambda h/tau),
 * P2 = -expm1(-lambda h/tau)/lambda, noise factor sqrt(-expm1(-2 lambda h/tau)/(2 lambda))), or
 * Euler-Maruyama for lambda = 0. With mult_coupling the excitatory/inhibitory input is scaled by
 * g_ex (theta_ex - X) and g_in (theta_in + X); linear_summation applies phi to the summed input,
 * otherwise to each input. rectify_output clamps X at rectify_rate from below.
 *
 * <p>Input arrives through rate_connection_delayed (positive weights into the excitatory, negative
 * ones into the inhibitory buffer); the neuron sends its rate before each step's update to its rate
 * targets. Instantaneous rate connections (waveform relaxation) are not implemented. Recordables:
 * noise, rate.
 */
public final class LinRateIpn extends NeuronBlock {
    @PerNode public double[] tau, lambda, sigma, mu, rectify_rate, g, g_ex, g_in, theta_ex, theta_in;
    @PerNode public boolean[] linear_summation, rectify_output, mult_coupling;
    @PerNode public double[] rate, noise;
    double[] P1, P2, noiseFactor;
    /** delayed inputs [ex/in][slot][node] (ring of min_delay + max_delay slots) */
    double[] ex, in;
    int len;
    /** per node, min_delay normal deviates for the next slice (NEST's B_.random_numbers) */
    double[] rnd;
    int md;

    public LinRateIpn(int n) {
        super(n);
        tau = fill(n, 10.0);
        lambda = fill(n, 1.0);
        sigma = fill(n, 1.0);
        mu = fill(n, 0.0);
        rectify_rate = fill(n, 0.0);
        g = fill(n, 1.0);
        g_ex = fill(n, 1.0);
        g_in = fill(n, 1.0);
        theta_ex = fill(n, 0.0);
        theta_in = fill(n, 0.0);
        linear_summation = fillB(n, true);
        rectify_output = fillB(n, false);
        mult_coupling = fillB(n, false);
        rate = fill(n, 0.0);
        noise = fill(n, 0.0);
    }

    @Override
    public LinRateIpn make(int n) {
        return new LinRateIpn(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getArchiving(i, d);
        d.put("tau", tau[i]);
        d.put("lambda", lambda[i]);
        d.put("sigma", sigma[i]);
        d.put("mu", mu[i]);
        d.put("rectify_rate", rectify_rate[i]);
        d.put("linear_summation", linear_summation[i]);
        d.put("rectify_output", rectify_output[i]);
        d.put("mult_coupling", mult_coupling[i]);
        d.put("std", sigma[i]);
        d.put("mean", mu[i]);
        d.put("rate", rate[i]);
        d.put("noise", noise[i]);
        d.put("g", g[i]);
        d.put("g_ex", g_ex[i]);
        d.put("g_in", g_in[i]);
        d.put("theta_ex", theta_ex[i]);
        d.put("theta_in", theta_in[i]);
        d.put("node_uses_wfr", true);
    }

    @Override
    public void setStatus(int i, Status s) {
        double ta = s.d("tau", tau[i]);
        double la = s.d("lambda", lambda[i]);
        double m = s.d("mu", mu[i]);
        double rr = s.d("rectify_rate", rectify_rate[i]);
        double sg = s.d("sigma", sigma[i]);
        boolean ls = s.b("linear_summation", linear_summation[i]);
        boolean ro = s.b("rectify_output", rectify_output[i]);
        boolean mc = s.b("mult_coupling", mult_coupling[i]);
        if (s.has("mean")) {
            m = s.d("mean", m);
            System.err.println("rate_neuron_ipn< TNonlinearities >::Parameters_::set [Warning]: The parameter mean has been "
                    + "renamed to mu. Please use the new name from now on.");
        }
        if (s.has("std")) {
            sg = s.d("std", sg);
            System.err.println("rate_neuron_ipn< TNonlinearities >::Parameters_::set [Warning]: The parameter std has been "
                    + "renamed to sigma. Please use the new name from now on.");
        }
        if (ta <= 0) throw badProperty("Time constant must be > 0.");
        if (la < 0) throw badProperty("Passive decay rate must be >= 0.");
        if (sg < 0) throw badProperty("Noise parameter must not be negative.");
        if (rr < 0) throw badProperty("Rectifying rate must not be negative.");
        double r = s.d("rate", rate[i]);
        double gg = s.d("g", g[i]);
        double gex = s.d("g_ex", g_ex[i]);
        double gin = s.d("g_in", g_in[i]);
        double tex = s.d("theta_ex", theta_ex[i]);
        double tin = s.d("theta_in", theta_in[i]);
        setArchiving(i, s);
        tau[i] = ta;
        lambda[i] = la;
        mu[i] = m;
        rectify_rate[i] = rr;
        sigma[i] = sg;
        linear_summation[i] = ls;
        rectify_output[i] = ro;
        mult_coupling[i] = mc;
        rate[i] = r;
        g[i] = gg;
        g_ex[i] = gex;
        g_in[i] = gin;
        theta_ex[i] = tex;
        theta_in[i] = tin;
    }

    private static final String[] REC = {"noise", "rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? noise[i] : rate[i];
    }

    @Override
    public boolean sendsRates() {
        return true;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public int checkDelayedRateReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "DelayedRateConnectionEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        len = ringLen;
        ex = new double[n * len];
        in = new double[n * len];
        md = (int) kernel.connections.minDelay();
        rnd = new double[n * md];
        for (int i = 0; i < n; i++) {
            Rng r = nodeRng(i);
            for (int k = 0; k < md; k++) rnd[i * md + k] = r.normal();
        }
    }

    @Override
    public void calibrate() {
        double h = kernel.time.resolution();
        P1 = new double[n];
        P2 = new double[n];
        noiseFactor = new double[n];
        for (int i = 0; i < n; i++) {
            if (lambda[i] > 0) {
                P1[i] = Math.exp(-lambda[i] * h / tau[i]);
                P2[i] = -1.0 / lambda[i] * Math.expm1(-lambda[i] * h / tau[i]);
                noiseFactor[i] = Math.sqrt(-0.5 / lambda[i] * Math.expm1(-2. * lambda[i] * h / tau[i]));
            } else {
                P1[i] = 1;
                P2[i] = h / tau[i];
                noiseFactor[i] = Math.sqrt(h / tau[i]);
            }
        }
    }

    @Override
    public void handleDelayedRate(int i, long step, double r, double weight, int rport) {
        double v = linear_summation[i] ? weight * r : weight * (g[i] * r);
        int k = (int) (step % len) * n + i;
        if (weight >= 0.0) ex[k] += v;
        else in[k] += v;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            final int base = ro.begin(i);
            final int rb = i * md;
            for (int lag = from; lag < to; lag++) {
                long step = origin + lag;
                double old = rate[i];
                ro.v[base + lag] = old;
                noise[i] = sigma[i] * rnd[rb + lag];
                double x = P1[i] * old + P2[i] * mu[i] + noiseFactor[i] * noise[i];
                int k = (int) (step % len) * n + i;
                double dIn = in[k], dEx = ex[k];
                in[k] = 0.0;
                ex[k] = 0.0;
                double hEx = 1., hIn = 1.;
                if (mult_coupling[i]) {
                    hEx = g_ex[i] * (theta_ex[i] - old);
                    hIn = g_in[i] * (theta_in[i] + old);
                }
                if (linear_summation[i]) {
                    if (mult_coupling[i]) {
                        x += P2[i] * hEx * (g[i] * dEx);
                        x += P2[i] * hIn * (g[i] * dIn);
                    } else {
                        x += P2[i] * (g[i] * (dEx + dIn));
                    }
                } else {
                    x += P2[i] * hEx * dEx;
                    x += P2[i] * hIn * dIn;
                }
                if (rectify_output[i] && x < rectify_rate[i]) x = rectify_rate[i];
                rate[i] = x;
                if (rec && recordedBy[i] != null) record(step, i);
            }
            Rng r = nodeRng(i);
            for (int k = 0; k < md; k++) rnd[rb + k] = r.normal();
        }
    }
}
