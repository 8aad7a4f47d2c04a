package org.nestj.engine.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Rng;

class ParametersTest {
    @Test
    void arithmeticAndLogic() {
        Parameter c = Parameters.create("constant", Map.of("value", 3.0));
        Rng r = new Rng(1, 3, 0);
        assertEquals(7.0, Parameters.binary("add", Parameters.binary("mul", c, 2.0), 1.0).value(r, 0));
        assertEquals(1.0, Parameters.compare(c, 2.0, 5).value(r, 0));
        assertEquals(9.0, Parameters.function("pow", c, new double[] {2.0}).value(r, 0));
        assertEquals(-1.0, Parameters.conditional(Parameters.compare(c, 4.0, 5), 1.0, -1.0).value(r, 0));
        assertTrue(Parameters.binary("add", Parameters.create("uniform_int", Map.of("max", 4L)), 1.0).returnsIntOnly());
    }

    @Test
    void normalMoments() {
        Parameter p = Parameters.create("normal", Map.of("mean", 2.0, "std", 3.0));
        double[] v = p.values(new Rng(5, 3, 1), new long[100000]);
        double m = 0, q = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) q += (x - m) * (x - m);
        assertEquals(2.0, m, 0.05);
        assertEquals(3.0, Math.sqrt(q / v.length), 0.05);
    }

    @Test
    void errors() {
        NestException e = assertThrows(NestException.class, () -> Parameters.create("uniform", Map.of("min", 2.0, "max", 1.0)));
        assertEquals("BadProperty", e.getErrorName());
        Parameter p = Parameters.function("redraw", Parameters.create("normal", Map.of()), new double[] {50.0, 60.0});
        e = assertThrows(NestException.class, () -> p.value(new Rng(1, 1, 1), 0));
        assertEquals("KernelException", e.getErrorName());
    }
}
