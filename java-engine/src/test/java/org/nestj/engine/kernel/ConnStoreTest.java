package org.nestj.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void deviceSegmentsWithStateKeepPortsAndColumnsTogether() {
        // connections with state from devices: a port per connection (the device's target count) and
        // the synapse's columns; within a source sorted by target, multapses in creation order
        ConnTable tab = new ConnTable(true, 2);
        int port = 0;
        for (int t = 30; t >= 1; t--) {
            tab.add(4, t, 10.0 + t, 12, 0, 5, port++, -1, new double[] {t, -t});
        }
        tab.add(4, 7, 99.0, 12, 0, 5, port++, -1, new double[] {70.0, -70.0});   // a multapse, added last
        tab.add(2, 3, 1.0, 10, 0, 5, 0, -1, new double[] {0.5, 0.25});
        tab.finish(40);
        ConnStore c = tab.seg(0);
        assertEquals(1, c.offsets[3] - c.offsets[2]);
        assertEquals(0.5, c.ext[0][c.offsets[2]]);
        int a = c.offsets[4];
        assertEquals(31, c.offsets[5] - a);
        for (int k = a; k < c.offsets[5]; k++) {
            int t = c.tgt[k];
            boolean multapse = k > a && c.tgt[k - 1] == t;
            assertEquals(multapse ? 70.0 : t, c.ext[0][k]);
            assertEquals(multapse ? -70.0 : -t, c.ext[1][k]);
            assertEquals(multapse ? 99.0 : 10.0 + t, c.w[k]);
            assertEquals(multapse ? 30 : 30 - t, c.port[k]);
        }
        assertEquals(7, c.tgt[a + 7]);
        assertEquals(7, c.tgt[a + 6]);
    }

    @Test
    void delayOffsetsTravelWithTheirConnections() {
        // neuron segment (no port column): 40 connections from source 2 in reverse target order, every
        // third with a delay offset of target / 1000 ms, so the long-range sort path runs; source 1 short
        ConnStore c = new ConnStore(false);
        for (int t = 40; t >= 1; t--) {
            c.add(2, t, 1.0, 10, 0, 0, 0, -1);
            if (t % 3 == 0) c.setDelayOffset(c.size() - 1, t / 1000.0);
        }
        c.add(1, 9, 2.0, 12, 0, 0, 0, -1);
        c.add(1, 4, 2.0, 12, 0, 0, 0, -1);
        c.setDelayOffset(c.size() - 1, 0.05);
        c.finish(50);
        assertEquals(0, c.offsets[1]);
        assertEquals(2, c.offsets[2]);
        assertEquals(4, c.tgt[0]);
        assertEquals(0.05, c.delayOffset(0));
        assertEquals(0.0, c.delayOffset(1));
        for (int k = c.offsets[2]; k < c.offsets[3]; k++) {
            int t = c.tgt[k];
            assertEquals(k - 1, t);
            assertEquals(t % 3 == 0 ? t / 1000.0 : 0.0, c.delayOffset(k));
        }
        // removing connections keeps the others' offsets
        boolean[] rm = new boolean[c.size()];
        rm[0] = true;
        rm[4] = true;
        c.remove(rm, 50);
        assertEquals(9, c.tgt[0]);
        assertEquals(0.0, c.delayOffset(0));
        for (int k = c.offsets[2]; k < c.offsets[3]; k++) {
            assertEquals(c.tgt[k] % 3 == 0 ? c.tgt[k] / 1000.0 : 0.0, c.delayOffset(k));
        }
    }

    @Test
    void contDelaySendRule() {
        // cont_delay_synapse::send with h = 0.1 ms: a connection of 13 steps and offset 0.07 ms
        ConnStore c = new ConnStore(true);
        c.add(1, 2, 1.0, 13, 0, 0, 0);
        c.add(1, 3, 1.0, 13, 0, 0, 1);
        c.setDelayOffset(0, 0.07);
        final double h = 0.1;
        // offset 0.02: 0.02 + 0.07 = 0.09 < h, same step
        assertEquals(13, c.sendDelay(0, 0.02, h));
        assertEquals(0.02 + 0.07, c.sendOffset(0, 0.02, h));
        // offset 0.05: 0.12 >= h, one step earlier, 0.12 - 0.1
        assertEquals(12, c.sendDelay(0, 0.05, h));
        assertEquals((0.05 + 0.07) - 0.1, c.sendOffset(0, 0.05, h));
        // a sum of exactly h goes one step earlier with offset 0
        assertEquals(12, c.sendDelay(0, 0.03, 0.03 + 0.07));
        assertEquals(0.0, c.sendOffset(0, 0.03, 0.03 + 0.07));
        // connections without offset leave spikes alone
        assertEquals(13, c.sendDelay(1, 0.09, h));
        assertEquals(0.09, c.sendOffset(1, 0.09, h));
        ConnStore plain = new ConnStore(true);
        plain.add(1, 2, 1.0, 13, 0, 0, 0);
        assertNull(plain.doff);
        assertEquals(13, plain.sendDelay(0, 0.09, h));
        assertEquals(0.09, plain.sendOffset(0, 0.09, h));
    }
}
