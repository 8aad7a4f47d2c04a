package org.nestj.engine.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs one task per thread index 0..T-1 and waits for all (NEST's omp parallel region with a
 * barrier at its end). The caller runs index 0; T-1 daemon workers run the others. Workers spin
 * briefly, then park, so the per-slice barrier stays cheap.
 */
public final class ParallelRunner {
    private final int threads;
    private final Worker[] workers;
    private volatile IntConsumer task;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile Throwable failure;
    /** Spin iterations before parking: none when there are more threads than cores (spinning would starve the workers). */
    private final int spinLimit;

    public ParallelRunner(int threads) {
        this.threads = threads;
        this.spinLimit = threads <= Runtime.getRuntime().availableProcessors() ? 20000 : 0;
        this.workers = new Worker[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].setDaemon(true);
            workers[i].setName("nestj-worker-" + (i + 1));
            workers[i].start();
        }
    }

    public int threads() {
        return threads;
    }

    public void run(IntConsumer t) {
        if (threads == 1) {
            t.accept(0);
            return;
        }
        failure = null;
        task = t;
        pending.set(threads - 1);
        generation++;
        for (Worker w : workers) LockSupport.unpark(w);
        Throwable mine = null;
        try {
            t.accept(0);
        } catch (Throwable e) {
            mine = e;
        }
        int spins = 0;
        while (pending.get() > 0) {
            if (++spins > spinLimit) LockSupport.parkNanos(20000);
            else Thread.onSpinWait();
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
                    if (++spins > spinLimit) LockSupport.parkNanos(50000);
                    else Thread.onSpinWait();
                }
                if (stopped) return;
                seen = generation;
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
