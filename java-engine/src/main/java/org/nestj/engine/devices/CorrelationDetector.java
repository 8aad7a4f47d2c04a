package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.Status;

/**
 * correlation_detector — cross-correlation histogram of the spikes arriving on receptor 0 and
 * receptor 1 (NEST 3.9 models/correlation_detector.{h,cpp}). Bins of width delta_tau cover
 * [-tau_max - delta_tau/2, tau_max + delta_tau/2] (1 + 2 tau_max/delta_tau bins, time differences
 * t_1 - t_0 in steps); each new spike is paired with the stored spikes of the other receptor that
 * lie within the window: histogram gets mult * weight * weight_other (Kahan summation, the
 * compensation is histogram_correction), count_histogram gets mult. Spikes count only if their
 * stamp lies in the device window and in [Tstart, Tstop]. n_events counts the spikes per receptor;
 * setting n_events to [0, 0] (or changing a time parameter) clears the state.
 */
public final class CorrelationDetector extends CorrelationDetectorBase {
    // state (not copied from the prototype: NEST's copy constructor starts with a fresh State_)
    long[][] nEvents;
    double[][] histogram, histCorr;
    long[][] countHist;
    /** per node, per receptor: stored spikes (step, weight), sorted by step, in [head, tail) */
    long[][][] qStep;
    double[][][] qW;
    int[][] qHead, qTail;

    public CorrelationDetector(int n) {
        // a delta_tau off the current grid falls back to 5 resolutions
        super(n, 500, 5000, 5);
        nEvents = new long[n][];
        histogram = new double[n][];
        histCorr = new double[n][];
        countHist = new long[n][];
        qStep = new long[n][2][];
        qW = new double[n][2][];
        qHead = new int[n][2];
        qTail = new int[n][2];
        for (int i = 0; i < n; i++) {
            nEvents[i] = new long[2];
            histogram[i] = new double[0];
            histCorr[i] = new double[0];
            countHist[i] = new long[0];
            for (int r = 0; r < 2; r++) {
                qStep[i][r] = new long[16];
                qW[i][r] = new double[16];
            }
        }
    }

    @Override
    public CorrelationDetector make(int n) {
        return new CorrelationDetector(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putTimes(i, d);
        d.put("n_events", nEvents[i].clone());
        d.put("histogram", histogram[i].clone());
        d.put("histogram_correction", histCorr[i].clone());
        d.put("count_histogram", countHist[i].clone());
    }

    @Override
    public void setStatus(int i, Status s) {
        Times t = readTimes(i, s, false);
        boolean reset = t.given;
        checkTimes(t);
        if (s.has("n_events")) {
            long[] nev = s.la("n_events", new long[0]);
            if (nev.length == 2 && nev[0] == 0 && nev[1] == 0) {
                reset = true;
            } else {
                throw badProperty("/n_events can only be set to [0 0].");
            }
        }
        long oldDt = deltaTau[i], oldTm = tauMax[i];
        setDevice(i, s);
        storeTimes(i, t);
        // as NEST, the state is reset with the parameters in force before this call
        if (reset) resetState(i, oldDt, oldTm);
    }

    private void resetState(int i, long dtTics, long tmTics) {
        java.util.Arrays.fill(nEvents[i], 0);
        qHead[i][0] = qTail[i][0] = qHead[i][1] = qTail[i][1] = 0;
        long dtSteps = kernel.time.ticsToSteps(dtTics), tmSteps = kernel.time.ticsToSteps(tmTics);
        int nb = (int) (1 + 2 * tmSteps / dtSteps);
        histogram[i] = new double[nb];
        histCorr[i] = new double[nb];
        countHist[i] = new long[nb];
    }

    @Override
    void initState(int i) {
        resetState(i, deltaTau[i], tauMax[i]);
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        if (rport < 0 || rport > 1) throw unknownReceptor(rport, "SpikeEvent");
        return rport;
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (!(tMin[i] < stamp && stamp <= tMax[i])) return;
        final int sender = rport, other = 1 - sender;
        final double dtSteps = kernel.time.ticsToSteps(deltaTau[i]);
        final double tauEdge = kernel.time.ticsToSteps(tauMax[i]) + 0.5 * dtSteps;
        long[] os = qStep[i][other];
        double[] ow = qW[i][other];
        int oh = qHead[i][other];
        final int ot = qTail[i][other];
        while (oh < ot && (stamp - os[oh]) - 0.5 * other >= tauEdge) oh++;
        qHead[i][other] = oh;
        long stampTics = stamp * kernel.time.ticsPerStep();
        double[] hist = histogram[i], corr = histCorr[i];
        long[] cnt = countHist[i];
        if (tStart[i] <= stampTics && stampTics <= tStop[i]) {
            nEvents[i][sender]++;
            final long sign = 2L * sender - 1;
            final double mw = mult * weight;
            for (int q = oh; q < ot; q++) {
                int bin = (int) Math.floor((tauEdge + sign * (stamp - os[q])) / dtSteps);
                if (bin < 0 || bin >= hist.length) continue;
                double y = mw * ow[q] - corr[bin];
                double t = hist[bin] + y;
                corr[bin] = (t - hist[bin]) - y;
                hist[bin] = t;
                cnt[bin] += mult;
            }
        }
        insert(i, sender, stamp, mult * weight);
    }

    /** Inserts (step, w) into the queue of receptor r after all entries with step <= the new one. */
    private void insert(int i, int r, long step, double w) {
        long[] s = qStep[i][r];
        double[] wt = qW[i][r];
        int h = qHead[i][r], t = qTail[i][r];
        if (t == s.length) {
            int live = t - h;
            long[] ns = live * 2 > s.length ? new long[s.length * 2] : s;
            double[] nw = live * 2 > s.length ? new double[s.length * 2] : wt;
            System.arraycopy(s, h, ns, 0, live);
            System.arraycopy(wt, h, nw, 0, live);
            s = ns;
            wt = nw;
            qStep[i][r] = s;
            qW[i][r] = wt;
            h = 0;
            t = live;
            qHead[i][r] = 0;
        }
        int pos = t;
        while (pos > h && s[pos - 1] > step) pos--;
        System.arraycopy(s, pos, s, pos + 1, t - pos);
        System.arraycopy(wt, pos, wt, pos + 1, t - pos);
        s[pos] = step;
        wt[pos] = w;
        qTail[i][r] = t + 1;
    }
}
