package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnStoreTest {
    @Test
    void sortsBySourceThenTargetStably() {
        ConnStore c = new ConnStore(true);
        c.add(3, 9, 1.0, 10, 0, 0, 0);
        c.add(1, 7, 2.0, 10, 0, 0, 1);
        c.add(3, 5, 3.0, 11, 1, 0, 2);
        c.add(1, 7, 4.0, 12, 0, 0, 3); // multapse keeps creation order
        c.finish(10);
        assertArrayEquals(new int[] {7, 7, 5, 9}, java.util.Arrays.copyOf(c.tgt, 4));
        assertArrayEquals(new double[] {2.0, 4.0, 3.0, 1.0}, java.util.Arrays.copyOf(c.w, 4));
        assertEquals(0, c.offsets[1]);
        assertEquals(2, c.offsets[2]);
        assertEquals(2, c.offsets[3]);
        assertEquals(4, c.offsets[4]);
        assertEquals(3, c.sourceOf(3));
        // adding after finishing re-sorts everything
        c.add(2, 1, 5.0, 10, 0, 0, 4);
        c.finish(10);
        assertEquals(1, c.tgt[2]);
        assertEquals(5.0, c.w[2]);
    }
}
