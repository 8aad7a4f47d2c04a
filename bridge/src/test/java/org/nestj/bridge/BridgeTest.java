package org.nestj.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BridgeTest {
    @Test
    void engineErrorsKeepNestsName() {
        Bridge.resetKernel();
        BridgeError e = assertThrows(BridgeError.class, () -> Bridge.create("no_such_model", 1));
        assertEquals("UnknownModelName", e.getErrorName());
        assertTrue(e.getMessage().contains("no_such_model"));
        long first = Bridge.create("iaf_psc_alpha", 2);
        Map<String, Object> bad = new HashMap<>();
        bad.put("C_m", -1.0);
        BridgeError b = assertThrows(BridgeError.class, () -> Bridge.setStatus(new long[] {first}, bad));
        assertEquals("BadProperty", b.getErrorName());
    }

    @Test
    void internalFailuresBecomeKernelExceptions() {
        BridgeError e = assertThrows(BridgeError.class, () -> Bridge.call(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("KernelException", e.getErrorName());
        assertTrue(e.getMessage().contains("boom"));
    }

    @Test
    void bulkValuesCrossAsPrimitiveArrays() {
        Bridge.resetKernel();
        long first = Bridge.create("iaf_psc_alpha", 3);
        Bridge.setValues(new long[] {first, first + 1, first + 2}, "I_e", new double[] {1.0, 2.0, 3.0});
        Object v = Bridge.getValues(new long[] {first, first + 1, first + 2}, "I_e");
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, (double[]) v);
        Bridge.resetKernel();
    }
}
