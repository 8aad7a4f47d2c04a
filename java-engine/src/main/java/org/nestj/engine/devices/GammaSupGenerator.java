package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Rng;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * gamma_sup_generator — for each target, the superposition of n_proc independent gamma processes
 * of order gamma_shape and rate {@code rate} (NEST 3.9 models/gamma_sup_generator.{h,cpp}).
 * Each target keeps the occupation numbers of the gamma_shape internal states of its n_proc
 * components; per step, every occupied state i passes Binomial(occ_i, p) components (Poisson
 * approximation for large occ and small p) on to state i+1, p = rate * gamma_shape * h / 1000,
 * and the components leaving the last state are the target's spikes in that step. States start
 * at the approximate equilibrium occupation. Draws use the target's random stream.
 */
public final class GammaSupGenerator extends StimulationDevice {
    @PerNode public double[] rate;
    @PerNode public long[] gamma_shape, n_proc;
    /** per node: the occupation vector of each target (by device port). */
    long[][][] occ;
    double[] transProb;

    public GammaSupGenerator(int n) {
        super(n, false);
        rate = fill(n, 0.0);
        gamma_shape = fillL(n, 1);
        n_proc = fillL(n, 1);
    }

    @Override
    public GammaSupGenerator make(int n) {
        return new GammaSupGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("rate", rate[i]);
        d.put("gamma_shape", gamma_shape[i]);
        d.put("n_proc", n_proc[i]);
        getStim(i, d);
    }

    @Override
    public void setStatus(int i, Status s) {
        long gs = s.l("gamma_shape", gamma_shape[i]);
        if (gs < 1) throw badProperty("The shape must be larger or equal 1");
        double r = s.d("rate", rate[i]);
        if (r < 0.0) throw badProperty("The rate must be larger than 0.");
        long np = s.l("n_proc", n_proc[i]);
        if (np < 1) throw badProperty("The number of component processes cannot be smaller than one");
        setStim(i, s);
        gamma_shape[i] = gs;
        rate[i] = r;
        n_proc[i] = np;
    }

    @Override
    public void calibrate() {
        super.calibrate();
        if (occ == null) occ = new long[n][][];
        transProb = new double[n];
        double h = kernel.time.resolution();
        for (int i = 0; i < n; i++) {
            transProb[i] = rate[i] * gamma_shape[i] * h / 1000.0;
            int nt = kernel.nodes.numTargets(this, i);
            long[][] o = occ[i] == null ? new long[0][] : occ[i];
            if (o.length < nt) {
                // new targets start from the equilibrium distribution; existing ones are kept
                long ini = n_proc[i] / gamma_shape[i];
                long[][] no = java.util.Arrays.copyOf(o, nt);
                for (int p = o.length; p < nt; p++) {
                    long[] v = new long[(int) gamma_shape[i]];
                    java.util.Arrays.fill(v, ini);
                    v[v.length - 1] += n_proc[i] - ini * gamma_shape[i];
                    no[p] = v;
                }
                o = no;
            }
            occ[i] = o;
        }
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        for (int i = i0; i < i1; i++) {
            if (rate[i] <= 0 || occ[i].length == 0) continue;
            for (int lag = from; lag < to; lag++) {
                if (isActive(i, origin + lag)) emit(i, lag, 1, 0, 0, 0);
            }
        }
    }

    /** One draw of the number of transitions out of a state with occupation o. */
    static long transitions(long o, double p, Rng rng) {
        if ((o >= 100 && p <= 0.01) || (o >= 500 && p * o <= 0.1)) {
            long m = rng.poisson(p * o);
            return m > o ? o : m;
        }
        return rng.binomial(o, p);
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        long[] o = occ[i][c.port[k]];
        double p = transProb[i];
        Rng rng = tb.nodeRng(ti);
        // all draws use the occupations before this step; carry passes state b's leavers to b+1
        long carry = 0;
        int last = o.length - 1;
        for (int b = 0; b <= last; b++) {
            long nt = o[b] > 0 ? transitions(o[b], p, rng) : 0;
            o[b] += carry - nt;
            carry = nt;
        }
        o[0] += carry;
        long spikes = carry;
        if (spikes > 0) {
            sendSpike(c, k, tb, ti, emitStep, c.w[k], (int) spikes, i, 0.0);
        }
    }
}
