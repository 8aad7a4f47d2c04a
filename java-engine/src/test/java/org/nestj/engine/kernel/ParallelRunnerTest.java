package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelRunnerTest {
    /**
     * runPhased: every share's prep runs once, every unit once, no unit of a share starts before
     * that share's prep has finished, and without stealing each share runs under its own index.
     */
    @Test
    void phasedRunsEachPrepOnceBeforeItsUnits() {
        for (int threads : new int[] {1, 2, 3, 4}) {
            for (boolean steal : new boolean[] {true, false}) {
                ParallelRunner pr = new ParallelRunner(threads);
                try {
                    final int units = 5;
                    for (int round = 0; round < 200; round++) {
                        AtomicIntegerArray prepDone = new AtomicIntegerArray(threads);
                        AtomicIntegerArray unitRuns = new AtomicIntegerArray(threads * units);
                        AtomicIntegerArray early = new AtomicIntegerArray(1);
                        AtomicIntegerArray wrongExec = new AtomicIntegerArray(1);
                        final int r = round;
                        pr.runPhased(units, steal, (x, o) -> {
                            if (!steal && x != o) wrongExec.incrementAndGet(0);
                            // uneven, varying work so that shares finish at different times
                            long spin = ((o * 7 + r) % 5) * 2000L;
                            for (long i = 0; i < spin; i++) Thread.onSpinWait();
                            prepDone.incrementAndGet(o);
                        }, (x, o, u) -> {
                            if (!steal && x != o) wrongExec.incrementAndGet(0);
                            if (prepDone.get(o) != 1) early.incrementAndGet(0);
                            unitRuns.incrementAndGet(o * units + u);
                        });
                        for (int o = 0; o < threads; o++) assertEquals(1, prepDone.get(o), "prep of share " + o);
                        for (int i = 0; i < threads * units; i++) assertEquals(1, unitRuns.get(i), "unit " + i);
                        assertEquals(0, early.get(0), "a unit ran before its share's prep");
                        assertEquals(0, wrongExec.get(0), "without stealing a share runs under its own index");
                    }
                } finally {
                    pr.shutdown();
                }
            }
        }
    }

    /**
     * Many short regions in a row (workers often arrive after the caller has taken everything and
     * may still hold an older region when the next starts): every item runs exactly once, in its
     * own region, never before its share's prep.
     */
    @Test
    void phasedShortRegionsRunEachItemOnceInItsRegion() {
        for (int threads : new int[] {2, 3}) {
            ParallelRunner pr = new ParallelRunner(threads);
            try {
                final int units = 3, rounds = 20000;
                final AtomicIntegerArray count = new AtomicIntegerArray(threads * (1 + units));
                final AtomicIntegerArray prepRound = new AtomicIntegerArray(threads);
                final AtomicIntegerArray bad = new AtomicIntegerArray(1);
                final AtomicIntegerArray perIndex = new AtomicIntegerArray(threads);
                for (int round = 1; round <= rounds; round++) {
                    final int r = round;
                    pr.runPhased(units, true, (x, o) -> {
                        count.incrementAndGet(o);
                        prepRound.set(o, r);
                    }, (x, o, u) -> {
                        if (prepRound.get(o) != r) bad.incrementAndGet(0);
                        count.incrementAndGet(threads + o * units + u);
                    });
                    for (int i = 0; i < threads * (1 + units); i++) {
                        if (count.get(i) != r) fail("item " + i + " ran " + count.get(i) + " times in " + r + " rounds");
                    }
                    if (round % 3 == 0) {
                        // a region that waits for every thread index, between the ones that do not
                        pr.run(t -> perIndex.incrementAndGet(t));
                        for (int t = 0; t < threads; t++) {
                            if (perIndex.get(t) != r / 3) fail("index " + t + " ran " + perIndex.get(t) + " times");
                        }
                    }
                }
                assertEquals(0, bad.get(0), "a unit ran before its share's prep of the same region");
            } finally {
                pr.shutdown();
            }
        }
    }

    /** An exception in a share's prep reaches the caller instead of leaving the others waiting. */
    @Test
    void phasedPrepFailurePropagates() {
        ParallelRunner pr = new ParallelRunner(2);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pr.runPhased(3, true, (x, o) -> {
                if (o == 1) throw new IllegalStateException("prep failed");
            }, (x, o, u) -> {
            }));
            assertTrue(e.getMessage().contains("prep failed"));
            // the runner stays usable
            AtomicIntegerArray n = new AtomicIntegerArray(1);
            pr.runPhased(3, true, (x, o) -> n.incrementAndGet(0), (x, o, u) -> n.incrementAndGet(0));
            assertEquals(2 + 2 * 3, n.get(0));
        } finally {
            pr.shutdown();
        }
    }
}
