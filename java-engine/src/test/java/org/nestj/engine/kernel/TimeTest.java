package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeTest {
    @Test
    void conversionsFollowNest() {
        Time t = new Time();
        t.setResolution(0.1);
        assertEquals(100, t.ticsPerStep());
        assertEquals(10, t.msToSteps(1.0));
        assertEquals(11, t.msToSteps(1.04)); // tics rounded up to whole steps
        assertEquals(11, t.msStampToSteps(1.04)); // ms_stamp: next grid point
        assertEquals(10, t.msStampToSteps(1.0));
        assertEquals(15, t.delayMsToSteps(1.45)); // delays round to nearest
        assertEquals(204.70000000000002, t.stepsToMs(2047)); // tics times ms per tic, as NEST prints
        assertTrue(t.isGridTime(10.5));
        assertFalse(t.isGridTime(10.55));
    }

    @Test
    void coarseResolution() {
        Time t = new Time();
        t.setResolution(0.5);
        assertEquals(500, t.ticsPerStep());
        assertEquals(3, t.msToSteps(1.2));
        assertEquals(2, t.delayMsToSteps(1.2));
    }
}
