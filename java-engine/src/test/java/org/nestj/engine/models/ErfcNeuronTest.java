package org.nestj.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The complementary error function of erfc_neuron's gain against reference values (C99 erfc). */
class ErfcNeuronTest {
    @Test
    void erfcMatchesReference() {
        double[][] ref = {
            {0, 1.0}, {0.1, 0.8875370839817152}, {0.5, 0.4795001221869535}, {1, 0.15729920705028513},
            {1.5, 0.033894853524689274}, {1.99, 0.004888586800383003}, {2, 0.004677734981047265},
            {2.01, 0.004475150644751763}, {2.5, 0.0004069520174449589}, {3, 2.2090496998585438e-05},
            {4, 1.541725790028002e-08}, {6, 2.1519736712498916e-17}, {10, 2.088487583762545e-45},
            {-0.3, 1.3286267594591274}, {-1, 1.842700792949715}, {-2.5, 1.999593047982555}, {-5, 1.9999999999984626},
        };
        for (double[] r : ref) {
            assertEquals(r[1], ErfcNeuron.erfc(r[0]), 1e-13 * r[1], "erfc(" + r[0] + ")");
        }
    }
}
