package org.nestj.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one task per thread index 0..T-1 and waits for all (NEST's omp parallel region with a
 * barrier at its end). The T indices are NEST's threads (local_num_threads); they are executed by
 * P = min(T, available processors) OS threads: the caller and P-1 daemon workers, OS thread j
 * taking the indices j, j+P, ... in turn (results do not depend on which OS thread runs an index,
 * so more threads than cores cost no more than P; with T > P every region would otherwise wait
 * for descheduled threads). Workers spin briefly, then park, so the per-slice barrier stays cheap;
 * regions whose work other threads may take over do not wait for a thread that has not started
 * (see runElastic).
 */
public final class ParallelRunner {
    private final int threads;
    /** OS threads executing the T indices: the caller and workers.length others */
    private final int os;
    private final Worker[] workers;
    /** The current parallel region: workers run every region they see, a counted one exactly once. */
    private static final class Region {
        final long gen;
        final IntConsumer task;
        /** counted: the caller waits for every worker (pending); else for the region's work items (remaining) */
        final boolean counted;

        Region(long gen, IntConsumer task, boolean counted) {
            this.gen = gen;
            this.task = task;
            this.counted = counted;
        }
    }

    private volatile Region region = new Region(0, null, true);
    private long generation;
    private final AtomicInteger pending = new AtomicInteger();
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

    /** claim words of the elastic regions lie 16 longs apart, so that no two share a cache line */
    private static final int PAD = 16;
    /**
     * Spin iterations of a thread that waits for another thread's prep before it parks (20 us at a
     * time): few, since that thread is busy for a whole prep or was descheduled, and a spinning waiter
     * keeps a core from it or from the JIT compiler (a cold brunel run's first 150 ms of model time
     * took 0.57-0.75 s with 2 threads when the waiter spun, 0.43-0.53 s with 100 spins).
     */
    private static final int PREP_SPIN = 100;

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
        runPhased(units, steal, NO_PREP, task);
    }

    private static final ShareTask NO_PREP = (x, o) -> {
    };

    /**
     * Two phases per thread's share in one region: {@code prep} once for the whole share, then
     * {@code units} units of {@code unit}, none of them before the share's prep has finished. Each
     * OS thread runs the preps of its own shares, then their units; with {@code steal} it then
     * takes preps not yet started and units not yet claimed of the other shares (waiting, if need
     * be, for the prep of a share whose units it takes; see runElastic). Work that has a
     * cost per share and per unit (such as spike delivery, which visits every spike) belongs in
     * prep, work that divides freely (such as the nodes' update) in the units.
     */
    public void runPhased(int units, boolean steal, ShareTask prep, UnitTask unit) {
        if (threads == 1) {
            prep.run(0, 0);
            for (int u = 0; u < units; u++) unit.run(0, 0, u);
            return;
        }
        if (steal && os > 1) {
            runElastic(units, prep, unit);
            return;
        }
        // without stealing (or on one OS thread) each share is run by its own OS thread: preps, then units
        runOs(x -> {
            for (int o = x; o < threads; o += os) prep.run(steal ? x : o, o);
            for (int o = x; o < threads; o += os) {
                for (int u = 0; u < units; u++) unit.run(steal ? x : o, o, u);
            }
        });
    }

    // ------------------------------------------------------------------ elastic regions
    /*
     * runPhased with stealing does not wait for workers that have not started: every prep and unit
     * is claimed by compare-and-set on a word that carries the region's generation, so a worker that
     * wakes up after the caller (or another worker) has claimed everything finds nothing to take,
     * even if it still holds an older region, and the caller waits only until every claimed item is
     * done. A worker descheduled at the start of a region then costs nothing but its share of the
     * work, which the others take over.
     */
    private static final int UNIT_BITS = 20;
    private AtomicLongArray ePrep = new AtomicLongArray(16), eUnits = new AtomicLongArray(16), eDone = new AtomicLongArray(16);
    /** work items (preps and units) of the current elastic region not yet done */
    private final AtomicInteger remaining = new AtomicInteger();

    private void runElastic(int units, ShareTask prep, UnitTask unit) {
        if (units >= 1 << UNIT_BITS) throw new IllegalArgumentException("too many units");
        if (ePrep.length() != PAD * threads) {
            ePrep = new AtomicLongArray(PAD * threads);
            eUnits = new AtomicLongArray(PAD * threads);
            eDone = new AtomicLongArray(PAD * threads);
        }
        final long g = generation + 1;
        for (int t = 0; t < threads; t++) {
            ePrep.set(PAD * t, g << 1);
            eUnits.set(PAD * t, g << UNIT_BITS);
            eDone.set(PAD * t, 0);
        }
        remaining.set(threads * (1 + units));
        failure = null;
        publish(new Region(g, x -> elasticWork(g, x, units, prep, unit), false));
        elasticWork(g, 0, units, prep, unit);
        awaitZero(remaining);
        if (failure != null) rethrow(failure);
    }

    /** OS thread x's part of elastic region g: its own shares first, then whatever the others left. */
    private void elasticWork(long g, int x, int units, ShareTask prep, UnitTask unit) {
        for (int o = x; o < threads; o += os) elasticPrep(g, x, o, prep);
        for (int o = x; o < threads; o += os) elasticUnits(g, x, o, units, unit);
        for (int d = 1; d < threads; d++) {
            int o = (x + d) % threads;
            if (elasticPrep(g, x, o, prep) && PROFILE) stolen.incrementAndGet();
            elasticUnits(g, x, o, units, unit);
        }
    }

    private boolean elasticPrep(long g, int x, int o, ShareTask prep) {
        if (!ePrep.compareAndSet(PAD * o, g << 1, (g << 1) | 1)) return false;
        try {
            prep.run(x, o);
        } catch (Throwable e) {
            failure = e;
        } finally {
            eDone.set(PAD * o, g);
            remaining.decrementAndGet();
        }
        return true;
    }

    private void elasticUnits(long g, int x, int o, int units, UnitTask unit) {
        final long mask = (1L << UNIT_BITS) - 1;
        // units left in this region: wait for the share's prep (run by whoever claimed it)
        int spins = 0;
        while (eDone.get(PAD * o) != g) {
            long v = eUnits.get(PAD * o);
            if (v >>> UNIT_BITS != g || (v & mask) >= units) return;
            if (++spins > PREP_SPIN) LockSupport.parkNanos(20000);
            else Thread.onSpinWait();
        }
        while (true) {
            long v = eUnits.get(PAD * o);
            if (v >>> UNIT_BITS != g || (v & mask) >= units) return;
            if (!eUnits.compareAndSet(PAD * o, v, v + 1)) continue;
            if (PROFILE && x != o) stolen.incrementAndGet();
            try {
                unit.run(x, o, (int) (v & mask));
            } catch (Throwable e) {
                failure = e;
            } finally {
                remaining.decrementAndGet();
            }
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
        pending.set(os - 1);
        publish(new Region(generation + 1, t, true));
        Throwable mine = null;
        try {
            t.accept(0);
        } catch (Throwable e) {
            mine = e;
        }
        awaitZero(pending);
        if (mine != null) rethrow(mine);
        if (failure != null) rethrow(failure);
    }

    /** The caller's end of a region: spins, then parks briefly, until {@code left} reaches 0. */
    private void awaitZero(AtomicInteger left) {
        int spins = 0;
        long w0 = PROFILE ? System.nanoTime() : 0;
        while (left.get() > 0) {
            if (++spins > spinLimit) LockSupport.parkNanos(20000);
            else Thread.onSpinWait();
        }
        if (PROFILE) {
            waitNs += System.nanoTime() - w0;
            regions++;
        }
    }

    /** Makes r the current region (its generation is the next) and wakes the workers. */
    private void publish(Region r) {
        generation = r.gen;
        if (PROFILE) publishedAt = System.nanoTime();
        region = r;
        for (Worker w : workers) LockSupport.unpark(w);
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
                Region r;
                while ((r = region).gen == seen && !stopped) {
                    if (++spins > spinLimit) {
                        LockSupport.parkNanos(50000);
                        if (PROFILE) parks++;
                    }
                    else Thread.onSpinWait();
                }
                if (stopped) return;
                seen = r.gen;
                if (PROFILE) {
                    long lat = System.nanoTime() - publishedAt;
                    startLatNs += lat;
                    latHist[lat < 1000 ? 0 : lat < 10000 ? 1 : lat < 100000 ? 2 : 3]++;
                }
                try {
                    if (r.task != null) r.task.accept(index);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    if (r.counted) pending.decrementAndGet();
                }
            }
        }
    }
}
