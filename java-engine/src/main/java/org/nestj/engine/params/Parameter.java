package org.nestj.engine.params;

import org.nestj.engine.kernel.ConnBuilder;
import org.nestj.engine.kernel.Rng;

/**
 * NEST's Parameter (nestkernel/parameter.h): an expression tree that yields one value per node or
 * per connection, possibly drawn at random. Leaves are constants and random distributions
 * (uniform, uniform_int, normal, lognormal, exponential); inner nodes are arithmetic, comparisons,
 * conditionals and the nest.math functions. Evaluation takes the random stream to draw from, so
 * the caller decides which stream (the connection builder's, a node evaluation's).
 *
 * <p>A Parameter is a {@link ConnBuilder.ConnValue}: used in a syn_spec it is evaluated once per
 * connection with the connection-building stream (NEST: {@code value(rng, target)}).
 */
public abstract class Parameter implements ConnBuilder.ConnValue {
    /** NEST's returns_int_only_: every value this parameter yields is an integer. */
    protected boolean intOnly;

    /** The value for node gid (0: no node, as in GetValue). */
    public abstract double value(Rng rng, long gid);

    /** Spatial parameters (positions, distances) need node positions; none of those are defined here. */
    public boolean isSpatial() {
        return false;
    }

    public final boolean returnsIntOnly() {
        return intOnly;
    }

    @Override
    public final double value(int idx, long src, long tgt, Rng rng) {
        return value(rng, tgt);
    }

    @Override
    public boolean isInteger() {
        return intOnly;
    }

    @Override
    public boolean resettable() {
        return false;
    }

    /** One value per node, drawn in the order of gids from rng. */
    public double[] values(Rng rng, long[] gids) {
        double[] r = new double[gids.length];
        for (int j = 0; j < gids.length; j++) r[j] = value(rng, gids[j]);
        return r;
    }

    /** NEST's value_is_integer_: fmod(v, 1) == 0. */
    static boolean isInteger(double v) {
        return v % 1.0 == 0.0;
    }
}
