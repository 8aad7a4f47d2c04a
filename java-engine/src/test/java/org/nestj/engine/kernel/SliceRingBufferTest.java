package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SliceRingBuffer: time order within a step, accumulation, refractory pseudo-event, slices. */
class SliceRingBufferTest {
    @Test
    void deliversInTimeOrderPerStep() {
        SliceRingBuffer b = new SliceRingBuffer(2);
        b.configure(5, 10);
        b.add(0, 7, 0.01, 1.0);
        b.add(0, 6, 0.02, 2.0);
        b.add(0, 6, 0.08, 3.0);
        b.add(0, 12, 0.05, 9.0); // next slice
        b.add(1, 6, 0.05, 4.0);
        b.prepareDelivery(0, 5);
        assertEquals(SliceRingBuffer.NONE, b.next(0, 5, false));
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 6, false));
        assertEquals(0.08, b.evOff[0]);
        assertEquals(3.0, b.evW[0]);
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 6, false));
        assertEquals(2.0, b.evW[0]);
        assertEquals(SliceRingBuffer.NONE, b.next(0, 6, false));
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 7, false));
        assertEquals(SliceRingBuffer.NONE, b.next(0, 8, false));
        b.prepareDelivery(0, 10);
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 12, false));
        assertEquals(9.0, b.evW[0]);
        b.prepareDelivery(1, 5);
        assertEquals(SliceRingBuffer.SPIKE, b.next(1, 6, false));
        assertEquals(4.0, b.evW[1]);
    }

    @Test
    void accumulatesSimultaneousAndRefractoryComesFirst() {
        SliceRingBuffer b = new SliceRingBuffer(1);
        b.configure(1, 3);
        for (int k = 0; k < 40; k++) b.add(0, 4, 0.05, 1.0);
        b.add(0, 4, 0.02, 0.5);
        b.prepareDelivery(0, 4);
        b.addRefractory(0, 4, 0.05);
        assertEquals(SliceRingBuffer.END_REFRACT, b.next(0, 4, true));
        assertEquals(0.05, b.evOff[0]);
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 4, true));
        assertEquals(40.0, b.evW[0]);
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 4, true));
        assertEquals(0.5, b.evW[0]);
        assertEquals(SliceRingBuffer.NONE, b.next(0, 4, true));
    }

    @Test
    void keepsEventsWhenRelaidOut() {
        SliceRingBuffer b = new SliceRingBuffer(1);
        b.configure(2, 6);
        b.add(0, 9, 0.0, 1.0);
        b.configure(3, 6);
        b.prepareDelivery(0, 9);
        assertEquals(SliceRingBuffer.SPIKE, b.next(0, 9, false));
    }
}
