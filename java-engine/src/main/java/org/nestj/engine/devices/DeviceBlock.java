package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * NEST's Device (nestkernel/device.{h,cpp}): the activity window origin/start/stop, which must lie
 * on the time grid, giving t_min = steps(origin + start) and t_max = steps(origin + stop); plus
 * the device label.
 */
public abstract class DeviceBlock extends NodeBlock {
    @PerNode public double[] origin, start, stop;
    @PerNode public String[] label;
    protected long[] tMin, tMax;

    /**
     * The note of the devices' calibrate_time when a time parameter that is no multiple of the new
     * resolution falls back to its default (noise_generator's dt, the correlation detectors' delta_tau).
     */
    protected final void logDefaultChanged(String key, double oldMs, double newMs) {
        org.nestj.engine.Log.info(model.name, "Default for " + key + " changed from " + NestException.ostream(oldMs) + " to "
                + NestException.ostream(newMs) + " ms");
    }

    protected DeviceBlock(int n) {
        super(n);
        origin = fill(n, 0.0);
        start = fill(n, 0.0);
        stop = fill(n, Double.POSITIVE_INFINITY);
        label = new String[n];
        java.util.Arrays.fill(label, "");
    }

    protected static double reportMs(double v) {
        if (v == Double.POSITIVE_INFINITY) return Double.MAX_VALUE;
        if (v == Double.NEGATIVE_INFINITY) return -Double.MAX_VALUE;
        return v;
    }

    protected void getDevice(int i, Map<String, Object> d) {
        d.put("origin", reportMs(origin[i]));
        d.put("start", reportMs(start[i]));
        d.put("stop", reportMs(stop[i]));
        d.put("label", label[i]);
    }

    private double gridTime(Status s, String key, double cur) {
        if (!s.has(key)) return cur;
        double v = s.d(key, cur);
        if (Math.abs(v) >= Time.LIM_MAX_MS || Double.isInfinite(v)) {
            return v > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        long tics = Time.msToTics(v);
        if (tics % kernel.time.ticsPerStep() != 0) {
            throw NestException.badProperty(key + " must be a multiple of the simulation resolution.");
        }
        return tics * Time.MS_PER_TIC;
    }

    protected void setDevice(int i, Status s) {
        double o = gridTime(s, "origin", origin[i]);
        double a = gridTime(s, "start", start[i]);
        double b = gridTime(s, "stop", stop[i]);
        if (b < a) throw badProperty("stop >= start required.");
        label[i] = s.s("label", label[i]);
        origin[i] = o;
        start[i] = a;
        stop[i] = b;
    }

    protected long steps(double ms) {
        if (ms == Double.POSITIVE_INFINITY) return Time.LIM_POS_INF_STEPS;
        if (ms == Double.NEGATIVE_INFINITY) return Time.LIM_NEG_INF_STEPS;
        return kernel.time.msToSteps(ms);
    }

    @Override
    public void calibrate() {
        if (tMin == null || tMin.length != n) {
            tMin = new long[n];
            tMax = new long[n];
        }
        for (int i = 0; i < n; i++) {
            tMin[i] = addSteps(steps(origin[i]), steps(start[i]));
            tMax[i] = addSteps(steps(origin[i]), steps(stop[i]));
        }
    }

    private static long addSteps(long a, long b) {
        if (a >= Time.LIM_POS_INF_STEPS || b >= Time.LIM_POS_INF_STEPS) return Time.LIM_POS_INF_STEPS;
        if (a <= Time.LIM_NEG_INF_STEPS || b <= Time.LIM_NEG_INF_STEPS) return Time.LIM_NEG_INF_STEPS;
        return a + b;
    }

    @Override
    public boolean acceptsDataRequest() {
        return false;
    }
}
