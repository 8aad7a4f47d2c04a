package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;

/**
 * correlomatrix_detector — auto- and cross-covariance histograms of N_channels spike channels
 * (receptor ports 0 .. N_channels-1) (NEST 3.9 models/correlomatrix_detector.{h,cpp}). All spikes
 * go, sorted by step, into one queue; spikes older than tau_max + delta_tau/2 + min_delay are
 * dropped. A new spike (including itself) is paired with every queued spike: for the pair ordered
 * so that the later one comes first (sender_ind, other_ind), the lag |d| falls into bin
 * floor((delta_tau/2 + |d|)/delta_tau) if sender_ind > other_ind, else -floor((delta_tau/2 - |d|)/delta_tau);
 * bins 0 .. tau_max/delta_tau. covariance[a][b][bin] adds mult * weight * weight_other and
 * count_covariance mult; bin 0 is symmetrised. delta_tau must be an odd multiple of the resolution.
 * Spikes count only if their stamp lies in the device window and in [Tstart, Tstop].
 */
public final class CorrelomatrixDetector extends CorrelationDetectorBase {
    @PerNode public long[] nChannels;
    // state (fresh per node, as NEST's copy constructor)
    long[][] nEvents;
    double[][][][] cov;
    long[][][][] countCov;
    /** per node: queued spikes (step, weight, channel), sorted by step, in [head, tail) */
    long[][] qStep;
    double[][] qW;
    int[][] qCh;
    int[] qHead, qTail;

    public CorrelomatrixDetector(int n) {
        // a delta_tau off the current grid falls back to 5 resolutions
        super(n, 500, 5000, 5);
        nChannels = fillL(n, 1);
        nEvents = new long[n][];
        cov = new double[n][][][];
        countCov = new long[n][][][];
        qStep = new long[n][];
        qW = new double[n][];
        qCh = new int[n][];
        qHead = new int[n];
        qTail = new int[n];
        for (int i = 0; i < n; i++) {
            nEvents[i] = new long[1];
            cov[i] = new double[][][] {{new double[0]}};
            countCov[i] = new long[][][] {{new long[0]}};
            qStep[i] = new long[16];
            qW[i] = new double[16];
            qCh[i] = new int[16];
        }
    }

    @Override
    public CorrelomatrixDetector make(int n) {
        return new CorrelomatrixDetector(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putTimes(i, d);
        d.put("N_channels", nChannels[i]);
        d.put("n_events", nEvents[i].clone());
        d.put("covariance", copyMatrix(cov[i]));
        d.put("count_covariance", copyMatrix(countCov[i]));
    }

    @Override
    public void setStatus(int i, Status s) {
        long nc = readNChannels(s, nChannels[i]);
        boolean reset = s.has("N_channels");
        Times t = readTimes(i, s, false);
        reset |= t.given;
        checkTimes(t);
        if (kernel.time.ticsToSteps(t.dt) % 2 != 1) {
            throw badProperty("/delta_tau must be odd multiple of resolution.");
        }
        setDevice(i, s);
        nChannels[i] = nc;
        storeTimes(i, t);
        if (reset) resetState(i);
    }

    private void resetState(int i) {
        int nc = (int) nChannels[i];
        nEvents[i] = new long[nc];
        qHead[i] = qTail[i] = 0;
        int nb = (int) (1 + kernel.time.ticsToSteps(tauMax[i]) / kernel.time.ticsToSteps(deltaTau[i]));
        cov[i] = new double[nc][nc][nb];
        countCov[i] = new long[nc][nc][nb];
    }

    @Override
    void initState(int i) {
        resetState(i);
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        // the receptor check has no node index here: use the largest N_channels of the block
        return checkChannelPort(rport, nChannels);
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (!(tMin[i] < stamp && stamp <= tMax[i])) return;
        final int sender = rport;
        final double mw = mult * weight;
        insert(i, stamp, mw, sender);
        final double dtSteps = kernel.time.ticsToSteps(deltaTau[i]);
        final double tauEdge = kernel.time.ticsToSteps(tauMax[i]) + 0.5 * dtSteps;
        final long minDelay = kernel.connections.minDelay();
        long[] qs = qStep[i];
        double[] qw = qW[i];
        int[] qc = qCh[i];
        int h = qHead[i];
        final int t = qTail[i];
        while (h < t && (stamp - qs[h]) >= tauEdge + minDelay) h++;
        qHead[i] = h;
        long stampTics = stamp * kernel.time.ticsPerStep();
        if (tStart[i] <= stampTics && stampTics <= tStop[i]) {
            nEvents[i][sender]++;
            double[][][] c = cov[i];
            long[][][] cc = countCov[i];
            for (int q = h; q < t; q++) {
                int other = qc[q];
                long d = stamp - qs[q];
                int si, oi;
                if (stamp < qs[q]) {
                    si = other;
                    oi = sender;
                } else {
                    si = sender;
                    oi = other;
                }
                long bin;
                if (si <= oi) {
                    bin = (long) (-1. * Math.floor((0.5 * dtSteps - Math.abs(d)) / dtSteps));
                } else {
                    bin = (long) Math.floor((0.5 * dtSteps + Math.abs(d)) / dtSteps);
                }
                if (bin < 0 || bin >= c[si][oi].length) continue;
                int b = (int) bin;
                double inc = mw * qw[q];
                boolean sym = b == 0 && (d != 0 || other != sender);
                c[si][oi][b] += inc;
                if (sym) c[oi][si][b] += inc;
                cc[si][oi][b] += mult;
                if (sym) cc[oi][si][b] += mult;
            }
        }
    }

    /** Inserts (step, w, ch) after all queued spikes with step <= the new one. */
    private void insert(int i, long step, double w, int ch) {
        long[] s = qStep[i];
        double[] wt = qW[i];
        int[] c = qCh[i];
        int h = qHead[i], t = qTail[i];
        if (t == s.length) {
            int live = t - h;
            boolean grow = live * 2 > s.length;
            long[] ns = grow ? new long[s.length * 2] : s;
            double[] nw = grow ? new double[s.length * 2] : wt;
            int[] nc = grow ? new int[s.length * 2] : c;
            System.arraycopy(s, h, ns, 0, live);
            System.arraycopy(wt, h, nw, 0, live);
            System.arraycopy(c, h, nc, 0, live);
            qStep[i] = s = ns;
            qW[i] = wt = nw;
            qCh[i] = c = nc;
            qHead[i] = h = 0;
            t = live;
        }
        int pos = t;
        while (pos > h && s[pos - 1] > step) pos--;
        System.arraycopy(s, pos, s, pos + 1, t - pos);
        System.arraycopy(wt, pos, wt, pos + 1, t - pos);
        System.arraycopy(c, pos, c, pos + 1, t - pos);
        s[pos] = step;
        wt[pos] = w;
        c[pos] = ch;
        qTail[i] = t + 1;
    }
}
