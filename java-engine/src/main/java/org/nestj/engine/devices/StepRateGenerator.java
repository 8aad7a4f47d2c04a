package org.nestj.engine.devices;

import org.nestj.engine.kernel.ConnStore;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.RateEvents;
import org.nestj.engine.kernel.SpikeOut;

/**
 * step_rate_generator — piecewise constant rate sent to rate neurons through
 * rate_connection_delayed: from amplitude_times[k] on the rate is amplitude_values[k]
 * (NEST 3.9 models/step_rate_generator.{h,cpp}). Times as for step_current_generator (strictly
 * increasing, positive, on the grid unless allow_offgrid_times); the amplitude switches one step
 * ahead and activity is judged with the current generators' shift of two steps. An update in which
 * the device is active sends a DelayedRateConnectionEvent carrying the rate of every lag (0 where
 * inactive). Recordable: rate.
 */
public final class StepRateGenerator extends StepScheduleDevice {
    public StepRateGenerator(int n) {
        super(n, "rate");
    }

    @Override
    public StepRateGenerator make(int n) {
        return new StepRateGenerator(n);
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    @Override
    public boolean sendsRates() {
        return true;
    }

    @Override
    public boolean sendsRatesLocally() {
        return true;
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        boolean rec = recording();
        RateEvents.Out ro = rateOut;
        for (int i = i0; i < i1; i++) {
            long[] st = stamps[i];
            double[] v = values[i];
            int k = idx[i];
            long first = origin + from;
            while (k < st.length && st[k] <= first) k++;
            int base = -1;
            for (int lag = from; lag < to; lag++) {
                long now = origin + lag;
                level[i] = 0.0;
                if (k < st.length && now + 1 == st[k]) {
                    amp[i] = v[k];
                    k++;
                }
                if (isActive(i, now)) {
                    level[i] = amp[i];
                    if (base < 0) base = ro.begin(i);
                    ro.v[base + lag] = amp[i];
                }
                if (rec && recordedBy[i] != null) record(now, i);
            }
            idx[i] = k;
            if (base >= 0) kernel.sim.rates.sendLocal(this, i, origin);
        }
    }

    @Override
    protected void deliver(int i, Emissions e, int j, long emitStep, ConnStore c, int k, NodeBlock tb, int ti) {
        // rates travel as secondary events (RateEvents), never as emissions
    }
}
