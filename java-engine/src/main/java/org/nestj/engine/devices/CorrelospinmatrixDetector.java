package org.nestj.engine.devices;

import java.util.Map;

import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.kernel.Time;

/**
 * correlospinmatrix_detector — auto- and cross-correlation of the on-periods of N_channels binary
 * units (receptor ports 0 .. N_channels-1) (NEST 3.9 models/correlospinmatrix_detector.{h,cpp}).
 *
 * <p>Binary units encode transitions in spikes: multiplicity 2 = up, a single spike = down, two
 * single spikes from one channel at one time = up (the second one cancels the tentative down of the
 * first). On each down transition of channel i the pulse [t_on, t_off) is inserted, ordered by t_off,
 * into the list of past pulses (dropping pulses that ended more than tau_max + delta_tau + min_delay
 * steps before the earliest on-time of the units now up), and its overlap with every listed pulse j
 * (itself included), shifted by Delta * delta_tau for |Delta| * delta_tau within tau_max, is added
 * in steps to count_covariance[i][j][t0 - Delta] and [j][i][t0 + Delta] (t0 = tau_max / delta_tau;
 * zero shift counted once per pair). Spikes count only with a stamp in the device window
 * (origin + start, origin + stop].
 */
public final class CorrelospinmatrixDetector extends CorrelationDetectorBase {
    @PerNode public long[] nChannels;
    // state (fresh per node, as NEST's copy constructor)
    long[][][][] countCov;
    long[] lastI, tLastIn;
    boolean[] tentativeDown;
    boolean[][] currState;
    long[][] lastChange;
    /** per node: past pulses (t_on, t_off, channel) in [head, tail), sorted by t_off */
    long[][] pOn, pOff, pCh;
    int[] pHead, pTail;

    public CorrelospinmatrixDetector(int n) {
        // prototype made at resolution 0.1 ms: delta_tau = resolution, tau_max = 10 delta_tau (in tics);
        // a delta_tau off the current grid falls back to the resolution (Parameters_::get_default_delta_tau)
        super(n, Time.msToTics(0.1), Time.msToTics(1.0), 1);
        nChannels = fillL(n, 1);
        countCov = new long[n][][][];
        lastI = new long[n];
        tLastIn = fillL(n, Long.MIN_VALUE);
        tentativeDown = new boolean[n];
        currState = new boolean[n][];
        lastChange = new long[n][];
        pOn = new long[n][];
        pOff = new long[n][];
        pCh = new long[n][];
        pHead = new int[n];
        pTail = new int[n];
        for (int i = 0; i < n; i++) {
            countCov[i] = new long[][][] {{new long[0]}};
            currState[i] = new boolean[1];
            lastChange[i] = new long[1];
            pOn[i] = new long[16];
            pOff[i] = new long[16];
            pCh[i] = new long[16];
        }
    }

    @Override
    public CorrelospinmatrixDetector make(int n) {
        return new CorrelospinmatrixDetector(n);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        putTimes(i, d);
        d.put("N_channels", nChannels[i]);
        d.put("count_covariance", copyMatrix(countCov[i]));
    }

    @Override
    public void setStatus(int i, Status s) {
        long nc = readNChannels(s, nChannels[i]);
        boolean reset = s.has("N_channels");
        Times t = readTimes(i, s, true);
        reset |= t.given;
        checkTimes(t);
        setDevice(i, s);
        nChannels[i] = nc;
        storeTimes(i, t);
        if (reset) resetState(i);
    }

    /** State_::reset */
    private void resetState(int i) {
        int nc = (int) nChannels[i];
        lastI[i] = 0;
        tentativeDown[i] = false;
        tLastIn[i] = Long.MIN_VALUE;
        pHead[i] = pTail[i] = 0;
        currState[i] = new boolean[nc];
        lastChange[i] = new long[nc];
        int nb = (int) (1 + 2.0 * kernel.time.ticsToSteps(tauMax[i]) / kernel.time.ticsToSteps(deltaTau[i]));
        countCov[i] = new long[nc][nc][nb];
    }

    @Override
    void initState(int i) {
        resetState(i);
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        if (rport < 0 || rport > nChannels[i] - 1) throw unknownReceptor(rport, "SpikeEvent");
        return rport;
    }

    @Override
    public int checkSpikeReceptor(int rport, Model src) {
        return checkChannelPort(rport, nChannels);
    }

    /**
     * Spikes of neurons. This device has proxies, so NEST reaches it from neurons through the target tables,
     * whose send_remote unrolls the multiplicity: an up transition (multiplicity 2) arrives as two single
     * spikes with one stamp (decoded by the first branch of handleSpike). Spikes of devices (send_local_, e.g.
     * spike_generator) keep their multiplicity and take the multiplicity-2 branch, which would drop the
     * on-period of a unit that goes down and up again with no other event in between.
     */
    @Override
    public void deliverRun(org.nestj.engine.kernel.ConnStore c, int a, int b, long emitStep, int mult, long srcGid,
            double offset) {
        final double h = kernel.time.resolution();
        for (int k = a; k < b; k++) {
            final int i = (int) (c.tgt[k] - firstGid);
            // (cont_delay_synapse connections shift the spike by their delay offset)
            final long step = emitStep + c.sendDelay(k, offset, h);
            final double off = c.sendOffset(k, offset, h);
            for (int m = 0; m < mult; m++) {
                handleSpike(i, step, c.weight(k), 1, c.rportOf(k), srcGid, emitStep + 1, off);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp,
            double offset) {
        if (!(tMin[i] < stamp && stamp <= tMax[i])) return;
        final int cur = rport;
        final boolean[] up = currState[i];
        final long[] lc = lastChange[i];
        boolean down = false;
        if (mult == 1) {
            if (cur == lastI[i] && stamp == tLastIn[i]) {
                // second of two single spikes at one time: an up transition
                up[cur] = true;
                lc[cur] = stamp;
                tentativeDown[i] = false;
            } else {
                if (tentativeDown[i]) down = true;
                tentativeDown[i] = true;
            }
        } else if (mult == 2) {
            up[cur] = true;
            if (tentativeDown[i]) down = true;
            up[(int) lastI[i]] = false;
            lc[cur] = stamp;
            tentativeDown[i] = false;
        }
        if (down) downTransition(i);
        lastI[i] = cur;
        tLastIn[i] = stamp;
    }

    private void downTransition(int i) {
        final int ci = (int) lastI[i];
        final long tOn = lastChange[i][ci];
        final long tOff = tLastIn[i];
        final int nc = (int) nChannels[i];
        long tMinOn = tOn;
        for (int c = 0; c < nc; c++) {
            if (currState[i][c] && lastChange[i][c] < tMinOn) tMinOn = lastChange[i][c];
        }
        final long tmSteps = kernel.time.ticsToSteps(tauMax[i]);
        final long dt = kernel.time.ticsToSteps(deltaTau[i]);
        final double tauEdge = tmSteps + dt;
        final long minDelay = kernel.connections.minDelay();
        while (pHead[i] < pTail[i] && (tMinOn - pOff[i][pHead[i]]) >= tauEdge + minDelay) pHead[i]++;
        insertPulse(i, tOn, tOff, ci);
        final long[][] cc0 = countCov[i][ci];
        final long t0 = tmSteps / dt;
        for (int q = pHead[i]; q < pTail[i]; q++) {
            final int j = (int) pCh[i][q];
            final long jOn = pOn[i][q], jOff = pOff[i][q];
            final long dMin = Math.max(jOn - tOff, -tmSteps);
            final long dMax = Math.min(jOff - tOn, tmSteps);
            final long[][] ccj = countCov[i][j];
            long lag = Math.min(tOff, jOff) - Math.max(tOn, jOn);
            if (lag > 0) {
                cc0[j][(int) t0] += lag;
                if (ci != j) ccj[ci][(int) t0] += lag;
            }
            for (long d = dMin / dt; d < 0; d++) {
                long l = Math.min(tOff, jOff - d * dt) - Math.max(tOn, jOn - d * dt);
                if (l > 0) {
                    cc0[j][(int) (t0 - d)] += l;
                    ccj[ci][(int) (t0 + d)] += l;
                }
            }
            if (ci != j) {
                for (long d = 1; d <= dMax / dt; d++) {
                    long l = Math.min(tOff, jOff - d * dt) - Math.max(tOn, jOn - d * dt);
                    if (l > 0) {
                        cc0[j][(int) (t0 - d)] += l;
                        ccj[ci][(int) (t0 + d)] += l;
                    }
                }
            }
        }
        lastChange[i][ci] = tOff;
    }

    /** Inserts the pulse before the first listed pulse that ends later (std::find_if with greater). */
    private void insertPulse(int i, long on, long off, int ch) {
        if (pHead[i] > 0 && pTail[i] == pOn[i].length) {
            // compact
            int m = pTail[i] - pHead[i];
            System.arraycopy(pOn[i], pHead[i], pOn[i], 0, m);
            System.arraycopy(pOff[i], pHead[i], pOff[i], 0, m);
            System.arraycopy(pCh[i], pHead[i], pCh[i], 0, m);
            pHead[i] = 0;
            pTail[i] = m;
        }
        if (pTail[i] == pOn[i].length) {
            int c = pOn[i].length * 2;
            pOn[i] = java.util.Arrays.copyOf(pOn[i], c);
            pOff[i] = java.util.Arrays.copyOf(pOff[i], c);
            pCh[i] = java.util.Arrays.copyOf(pCh[i], c);
        }
        int pos = pHead[i];
        while (pos < pTail[i] && !(pOff[i][pos] > off)) pos++;
        int m = pTail[i] - pos;
        System.arraycopy(pOn[i], pos, pOn[i], pos + 1, m);
        System.arraycopy(pOff[i], pos, pOff[i], pos + 1, m);
        System.arraycopy(pCh[i], pos, pCh[i], pos + 1, m);
        pOn[i][pos] = on;
        pOff[i][pos] = off;
        pCh[i][pos] = ch;
        pTail[i]++;
    }

    /** NEST's correlospinmatrix_detector::receives_signal. */
    @Override
    public int receivesSignal() {
        return SIGNAL_BINARY;
    }
}
