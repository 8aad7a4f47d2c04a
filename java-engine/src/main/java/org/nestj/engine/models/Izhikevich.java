package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * izhikevich — Izhikevich (2003) neuron model (NEST 3.9 models/izhikevich.{h,cpp}; doc: models/izhikevich.html).
 *
 * <pre>
 *   dv/dt = 0.04 v² + 5 v + 140 - u + I,   du/dt = a (b v - u)
 *   v >= V_th: spike, v = c, u = u + d;  v >= V_min always
 * </pre>
 * Not ODE-integrated: NEST's own Euler scheme per step of length h. With consistent_integration (default)
 * v += h (0.04 v² + 5 v + 140 - u + I + I_e) + spikes, u += h a (b v_old - u_old), both from the old values;
 * otherwise Izhikevich's original scheme (two half steps for v, then u from the new v, spikes inside).
 * Spike weights add directly to v (mV); currents act from the next step on.
 */
public final class Izhikevich extends NeuronBlock {
    static final int SPK = 0, CUR = 1;
    @PerNode public double[] a, b, c, d, I_e, V_th, V_min, v, u, I;
    @PerNode public boolean[] consistent;
    InputBuffer buf;

    public Izhikevich(int n) {
        super(n);
        a = fill(n, 0.02);
        b = fill(n, 0.2);
        c = fill(n, -65.0);
        d = fill(n, 8.0);
        I_e = fill(n, 0.0);
        V_th = fill(n, 30.0);
        V_min = fill(n, -Double.MAX_VALUE);
        consistent = fillB(n, true);
        v = fill(n, -65.0);
        u = fill(n, 0.2 * -65.0);
        I = fill(n, 0.0);
    }

    @Override
    public Izhikevich make(int n) {
        return new Izhikevich(n);
    }

    private static final String[] RECORDABLES = {"U_m", "V_m"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        return var == 0 ? u[i] : v[i];
    }

    @Override
    public void getStatus(int i, Map<String, Object> dd) {
        getArchiving(i, dd);
        dd.put("I_e", I_e[i]);
        dd.put("V_th", V_th[i]);
        dd.put("V_min", V_min[i]);
        dd.put("a", a[i]);
        dd.put("b", b[i]);
        dd.put("c", c[i]);
        dd.put("d", d[i]);
        dd.put("consistent_integration", consistent[i]);
        dd.put("U_m", u[i]);
        dd.put("V_m", v[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double vth = s.d("V_th", V_th[i]);
        double vmin = s.d("V_min", V_min[i]);
        double ie = s.d("I_e", I_e[i]);
        double aa = s.d("a", a[i]);
        double bb = s.d("b", b[i]);
        double cc = s.d("c", c[i]);
        double dd = s.d("d", d[i]);
        boolean ci = s.b("consistent_integration", consistent[i]);
        double um = s.d("U_m", u[i]);
        double vm = s.d("V_m", v[i]);
        setArchiving(i, s);
        V_th[i] = vth; V_min[i] = vmin; I_e[i] = ie; a[i] = aa; b[i] = bb; c[i] = cc; d[i] = dd;
        consistent[i] = ci; u[i] = um; v[i] = vm;
        if (!ci && kernel.time.resolution() != 1.0) {
            org.nestj.engine.Log.info("Parameters_::set", "Use 1.0 ms as resolution for consistency.");
        }
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, 2, ringLen);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final double h = kernel.time.resolution();
        final boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            if (frozen != null && frozen[i]) continue;
            double vi = v[i], ui = u[i], Ii = I[i];
            final double ie = I_e[i], ai = a[i], bi = b[i];
            for (int lag = from; lag < to; lag++) {
                final long step = origin + lag;
                if (consistent[i]) {
                    final double vOld = vi, uOld = ui;
                    vi += h * (0.04 * vOld * vOld + 5.0 * vOld + 140.0 - uOld + Ii + ie) + buf.take(SPK, step, i);
                    ui += h * ai * (bi * vOld - uOld);
                } else {
                    final double iSyn = buf.take(SPK, step, i);
                    vi += h * 0.5 * (0.04 * vi * vi + 5.0 * vi + 140.0 - ui + Ii + ie + iSyn);
                    vi += h * 0.5 * (0.04 * vi * vi + 5.0 * vi + 140.0 - ui + Ii + ie + iSyn);
                    ui += h * ai * (bi * vi - ui);
                }
                vi = vi < V_min[i] ? V_min[i] : vi;
                if (vi >= V_th[i]) {
                    vi = c[i];
                    ui = ui + d[i];
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                Ii = buf.take(CUR, step, i);
                if (rec && recordedBy[i] != null) {
                    v[i] = vi; u[i] = ui;
                    record(step, i);
                }
            }
            v[i] = vi; u[i] = ui; I[i] = Ii;
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        buf.add(SPK, step, i, weight * mult);
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CUR, step, i, current);
    }
}
