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

    /**
     * The context of a spatial evaluation (NEST's value(rng, source_pos, target_pos, layer, node)
     * when connecting, or the node's own position for nest.spatial.pos). A null context is NEST's
     * value(rng, node) without positions.
     */
    public static final class Ctx {
        /** positions of source and target (connecting), null otherwise */
        public double[] spos, tpos;
        /** the layer whose geometry (periodic boundaries) the distances use */
        public org.nestj.engine.spatial.Layer layer;
        /** the node's own position (node evaluation), null if the node has none */
        public double[] nodePos;

        public boolean connecting() {
            return spos != null;
        }
    }

    /** The value for node gid (0: no node, as in GetValue). */
    public final double value(Rng rng, long gid) {
        return eval(rng, gid, null);
    }

    /** The value for node gid in context c (null: no positions). */
    public abstract double eval(Rng rng, long gid, Ctx c);

    /** Spatial parameters (positions, distances) need node positions. */
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
        return values(rng, gids, null);
    }

    /**
     * One value per node, drawn in the order of gids from rng; spatial parameters (nest.spatial.pos)
     * get each node's position from positionOf (null: the node has none).
     */
    public double[] values(Rng rng, long[] gids, java.util.function.LongFunction<double[]> positionOf) {
        double[] r = new double[gids.length];
        Ctx c = positionOf != null && isSpatial() ? new Ctx() : null;
        for (int j = 0; j < gids.length; j++) {
            if (c != null) c.nodePos = positionOf.apply(gids[j]);
            r[j] = eval(rng, gids[j], c);
        }
        return r;
    }

    /** NEST's value_is_integer_: fmod(v, 1) == 0. */
    static boolean isInteger(double v) {
        return v % 1.0 == 0.0;
    }
}
