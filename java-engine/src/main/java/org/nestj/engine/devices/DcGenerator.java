package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * dc_generator — a constant current {@code amplitude} (pA) while active
 * (NEST 3.9 models/dc_generator.{h,cpp}). Recordable: I.
 */
public final class DcGenerator extends StimulationDevice {
    @PerNode public double[] amplitude, I;

    public DcGenerator(int n) {
        super(n, true);
        amplitude = fill(n, 0.0);
        I = fill(n, 0.0);
    }

    @Override
    public DcGenerator make(int n) {
        return new DcGenerator(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        getStim(i, d);
        d.put("amplitude", amplitude[i]);
    }

    @Override
    public void setStatus(int i, Status s) {
        double a = s.d("amplitude", amplitude[i]);
        setStim(i, s);
        amplitude[i] = a;
    }

    private static final String[] REC = {"I"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return I[i];
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            for (int lag = from; lag < to; lag++) {
                I[i] = 0.0;
                if (isActive(i, origin + lag)) {
                    I[i] = amplitude[i];
                    emit(i, lag, 1, amplitude[i], 0, 0);
                }
                if (rec && recordedBy[i] != null) record(origin + lag, i);
            }
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        tb.handleCurrent(ti, emitStep + c.delay[k], c.w[k] * e.val[j], c.rport[k]);
    }
}
