package org.nestj.engine.devices;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.SpikeOut;

/**
 * step_current_generator — piecewise constant current: from amplitude_times[k] on the current is
 * amplitude_values[k] (pA) (NEST 3.9 models/step_current_generator.{h,cpp}). Times must be strictly
 * increasing, positive and on the grid, unless allow_offgrid_times (rounded up to the end of their
 * step, Time::ms_stamp). Like every current generator, the amplitude is switched one step ahead:
 * in the update of step s the value of the time stamp s+1 takes effect. Recordable: I.
 */
public final class StepCurrentGenerator extends StepScheduleDevice {
    public StepCurrentGenerator(int n) {
        super(n, "I");
    }

    @Override
    public StepCurrentGenerator make(int n) {
        return new StepCurrentGenerator(n);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            double[] v = values[i];
            int k = idx[i];
            long first = origin + from;
            while (k < st.length && st[k] <= first) k++;
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                level[i] = 0.0;
                if (k < st.length && now + 1 == st[k]) {
                    amp[i] = v[k];
                    k++;
                }
                if (isActive(i, now)) {
                    level[i] = amp[i];
                    emit(i, lag, 1, amp[i], 0, 0);
                }
                if (rec && recordedBy[i] != null) record(now, i);
            }
            idx[i] = k;
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        tb.handleCurrent(ti, emitStep + c.delay[k], c.w[k] * e.val[j], c.rport[k]);
    }
}
