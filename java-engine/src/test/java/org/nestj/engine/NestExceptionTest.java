package org.nestj.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Doubles in messages as C++'s ostream prints them (reference strings printed by C's %.21g / %.6g). */
class NestExceptionTest {
    @Test
    void ostreamWithPrecision() {
        assertEquals("0.100000000000000005551", NestException.ostream(0.1, 21));
        assertEquals("9.99999999999999954748e-08", NestException.ostream(1e-7, 21));
        assertEquals("123456.789000000004307", NestException.ostream(123456.789, 21));
        assertEquals("1e+22", NestException.ostream(1e22, 21));
        assertEquals("-2.5000000000000001198e-05", NestException.ostream(-2.5e-5, 21));
        assertEquals("0.000100000000000000004792", NestException.ostream(0.0001, 21));
        assertEquals("3", NestException.ostream(3.0, 21));
        assertEquals("0.33333333333333331483", NestException.ostream(1.0 / 3.0, 21));
        assertEquals("-0.0344827586206897240828", NestException.ostream(1 - 3.0 / 2.9, 21));
    }

    @Test
    void ostreamDefault() {
        assertEquals("0", NestException.ostream(0.0));
        assertEquals("0.1", NestException.ostream(0.1));
        assertEquals("1e-07", NestException.ostream(1e-7));
        assertEquals("123457", NestException.ostream(123456.789));
        assertEquals("-2.5e-05", NestException.ostream(-2.5e-5));
        assertEquals("0.333333", NestException.ostream(1.0 / 3.0));
    }
}
