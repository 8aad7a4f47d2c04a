package org.nestj.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one task per thread index 0..T-1 and waits for all (NEST's omp parallel region with a
 * barrier at its end). The T indices are NEST's threads (local_num_threads); they are executed by
 * P = min(T, available processors) OS threads: the caller and P-1 daemon workers, OS thread j
 * taking the indices j, j+P, ... in turn (results do not depend on which OS thread runs an index,
 * so more threads than cores cost no more than P; with T > P every region would otherwise wait
 * for descheduled threads). Workers spin briefly, then park, so the per-slice barrier stays cheap.
 */
public final class ParallelRunner {
    private final int threads;
    /** OS threads executing the T indices: the caller and workers.length others */
    private final int os;
    private final Worker[] workers;
    private volatile IntConsumer task;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile Throwable failure;
    /** Spin iterations before parking: none when there are more threads than cores (spinning would starve the workers). */
    private final int spinLimit;

    public ParallelRunner(int threads) {
        this.threads = threads;
        this.os = Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
        this.spinLimit = 20000;
        this.workers = new Worker[os - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].setDaemon(true);
            workers[i].setName("nestj-worker-" + (i + 1));
            workers[i].start();
        }
    }

    static final boolean PROFILE = Boolean.getBoolean("nestj.profile");
    /** profile counters: caller's wait for the workers, worker parks, worker start latency */
    public long waitNs, parks, regions, startLatNs;
    /** units run by a thread other than their owner */
    public final AtomicInteger stolen = new AtomicInteger();
    /** start latency histogram: < 1 us, < 10 us, < 100 us, >= 100 us */
    public final long[] latHist = new long[4];
    private volatile long publishedAt;

    public int threads() {
        return threads;
    }

    /** Work of one unit: executed by thread {@code exec}, unit {@code unit} of thread {@code owner}'s share. */
    @FunctionalInterface
    public interface UnitTask {
        void run(int exec, int owner, int unit);
    }

    /** Work done once for a thread's share, executed by thread {@code exec}. */
    @FunctionalInterface
    public interface ShareTask {
        void run(int exec, int owner);
    }

    /** claim counters, one per owner, 16 ints apart so that no two share a cache line */
    private AtomicIntegerArray claims = new AtomicIntegerArray(16);
    private static final int PAD = 16;

    /**
     * Runs {@code units} units of work for each thread's share: every OS thread first claims and
     * runs the units of its own shares in order; with {@code steal}, an OS thread that is done
     * then claims the units of other shares that have not been started, so a thread that is
     * descheduled or late does not hold up the others. The task's executing index is the OS
     * thread's (with {@code steal}) or the share's own (without: per-thread buffers follow the
     * static split), never in use by two OS threads at once. The caller guarantees that the units
     * are independent of each other and that their results do not depend on the executing thread.
     */
    public void runUnits(int units, boolean steal, UnitTask task) {
        if (threads == 1) {
            for (int u = 0; u < units; u++) task.run(0, 0, u);
            return;
        }
        if (claims.length() != PAD * threads) claims = new AtomicIntegerArray(PAD * threads);
        final AtomicIntegerArray c = claims;
        for (int t = 0; t < threads; t++) c.set(PAD * t, 0);
        runOs(x -> {
            for (int o = x; o < threads; o += os) {
                for (int u; (u = c.getAndIncrement(PAD * o)) < units;) task.run(steal ? x : o, o, u);
            }
            if (!steal) return;
            for (int d = 1; d < threads; d++) {
                int o = (x + d) % threads;
                for (int u; (u = c.getAndIncrement(PAD * o)) < units;) {
                    if (PROFILE) stolen.incrementAndGet();
                    task.run(x, o, u);
                }
            }
        });
    }

    /** per owner: its share's first phase claimed (value > 0) and done (the done array) */
    private AtomicIntegerArray prepClaims = new AtomicIntegerArray(16), prepDone = new AtomicIntegerArray(16);

    /**
     * Two phases per thread's share in one region: {@code prep} once for the whole share, then
     * {@code units} units of {@code unit}, none of them before the share's prep has finished. Each
     * OS thread runs the preps of its own shares, then their units; with {@code steal} it then
     * takes preps not yet started and units not yet claimed of the other shares (waiting, if need
     * be, for the prep of a share whose units it takes), as {@link #runUnits} does. Work that has a
     * cost per share and per unit (such as spike delivery, which visits every spike) belongs in
     * prep, work that divides freely (such as the nodes' update) in the units.
     */
    public void runPhased(int units, boolean steal, ShareTask prep, UnitTask unit) {
        if (threads == 1) {
            prep.run(0, 0);
            for (int u = 0; u < units; u++) unit.run(0, 0, u);
            return;
        }
        if (claims.length() != PAD * threads) {
            claims = new AtomicIntegerArray(PAD * threads);
            prepClaims = new AtomicIntegerArray(PAD * threads);
            prepDone = new AtomicIntegerArray(PAD * threads);
        }
        final AtomicIntegerArray c = claims, pc = prepClaims, pd = prepDone;
        for (int t = 0; t < threads; t++) {
            c.set(PAD * t, 0);
            pc.set(PAD * t, 0);
            pd.set(PAD * t, 0);
        }
        runOs(x -> {
            for (int o = x; o < threads; o += os) runPrep(pc, pd, prep, steal ? x : o, o);
            for (int o = x; o < threads; o += os) runShareUnits(c, pd, unit, units, steal ? x : o, o);
            if (!steal) return;
            for (int d = 1; d < threads; d++) {
                int o = (x + d) % threads;
                if (runPrep(pc, pd, prep, x, o) && PROFILE) stolen.incrementAndGet();
                if (c.get(PAD * o) < units) runShareUnits(c, pd, unit, units, x, o);
            }
        });
    }

    /** Runs share o's prep on thread x unless another thread claimed it; true if run here. */
    private static boolean runPrep(AtomicIntegerArray pc, AtomicIntegerArray pd, ShareTask prep, int x, int o) {
        if (pc.getAndIncrement(PAD * o) != 0) return false;
        try {
            prep.run(x, o);
        } finally {
            pd.set(PAD * o, 1);
        }
        return true;
    }

    /** Claims and runs the remaining units of share o on thread x, once o's prep is done. */
    private void runShareUnits(AtomicIntegerArray c, AtomicIntegerArray pd, UnitTask unit, int units, int x, int o) {
        while (pd.get(PAD * o) == 0) Thread.onSpinWait();
        for (int u; (u = c.getAndIncrement(PAD * o)) < units;) {
            if (PROFILE && x != o) stolen.incrementAndGet();
            unit.run(x, o, u);
        }
    }

    /** Runs t for every thread index 0..T-1 (OS thread j: indices j, j+P, ...) and waits for all. */
    public void run(IntConsumer t) {
        if (threads == 1) {
            t.accept(0);
            return;
        }
        if (os == threads) {
            runOs(t);
        } else {
            runOs(j -> {
                for (int i = j; i < threads; i += os) t.accept(i);
            });
        }
    }

    /** Runs t(j) on OS thread j, for j in 0..P-1, and waits for all. */
    private void runOs(IntConsumer t) {
        if (os == 1) {
            t.accept(0);
            return;
        }
        failure = null;
        task = t;
        pending.set(os - 1);
        if (PROFILE) publishedAt = System.nanoTime();
        generation++;
        for (Worker w : workers) LockSupport.unpark(w);
        Throwable mine = null;
        try {
            t.accept(0);
        } catch (Throwable e) {
            mine = e;
        }
        int spins = 0;
        long w0 = PROFILE ? System.nanoTime() : 0;
        while (pending.get() > 0) {
            if (++spins > spinLimit) LockSupport.parkNanos(20000);
            else Thread.onSpinWait();
        }
        if (PROFILE) {
            waitNs += System.nanoTime() - w0;
            regions++;
        }
        task = null;
        if (mine != null) rethrow(mine);
        if (failure != null) rethrow(failure);
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException) throw (RuntimeException) e;
        if (e instanceof Error) throw (Error) e;
        throw new RuntimeException(e);
    }

    public void shutdown() {
        for (Worker w : workers) {
            w.stopped = true;
            LockSupport.unpark(w);
        }
    }

    private final class Worker extends Thread {
        final int index;
        volatile boolean stopped;
        long seen;

        Worker(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            while (!stopped) {
                int spins = 0;
                while (generation == seen && !stopped) {
                    if (++spins > spinLimit) {
                        LockSupport.parkNanos(50000);
                        if (PROFILE) parks++;
                    }
                    else Thread.onSpinWait();
                }
                if (stopped) return;
                seen = generation;
                if (PROFILE) {
                    long lat = System.nanoTime() - publishedAt;
                    startLatNs += lat;
                    latHist[lat < 1000 ? 0 : lat < 10000 ? 1 : lat < 100000 ? 2 : 3]++;
                }
                IntConsumer t = task;
                try {
                    if (t != null) t.accept(index);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
