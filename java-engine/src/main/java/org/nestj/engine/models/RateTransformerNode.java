package org.nestj.engine.models;

import java.util.Map;

import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;

/**
 * NEST's rate_transformer_node template (NEST 3.9 models/rate_transformer_node.h,
 * rate_transformer_node_impl.h; https://nest-simulator.readthedocs.io/en/v3.9/models/rate_transformer_node.html):
 * a node without dynamics that applies its nonlinearity to its input, one subclass per nonlinearity
 * (rate_transformer_gauss, rate_transformer_lin, rate_transformer_sigmoid,
 * rate_transformer_sigmoid_gg_1998, rate_transformer_tanh, rate_transformer_threshold_lin):
 *
 * <pre>
 *   X_i(t) = phi(sum_j w_ij psi(X_j(t - d_ij)))
 * </pre>
 *
 * Per step the rate is replaced by input(delayed + instantaneous) with linear_summation, or by
 * delayed + instantaneous, the sum of weight * input(rate) of each arriving rate, without it (all
 * inputs in one buffer, whatever the sign of the weight; no multiplicative coupling). Sends the rate
 * before each step and, after the final update of a slice, the end-of-slice rate as the
 * instantaneous guess for the next slice, so an instantaneous connection through a transformer arrives
 * one step later than a direct one. Only linear_summation, rate and the nonlinearity's parameters can
 * be set; as in NEST, Create does not take linear_summation from the model's defaults
 * ({@link #copyNode}). Recordable: rate.
 */
public abstract class RateTransformerNode extends RateNode {
    protected RateTransformerNode(int n, RateNonlinearity nl) {
        super(n, nl, false);
    }

    /**
     * NEST's copy constructor of this template copies the nonlinearity and the state but not Parameters_:
     * nodes made by Create and models made by CopyModel start with linear_summation true, whatever
     * SetDefaults set (parameters given to Create or SetStatus apply).
     */
    @Override
    public void copyNode(NodeBlock src, int j, int i) {
        super.copyNode(src, j, i);
        linear_summation[i] = true;
    }

    @Override
    protected void getTemplate(int i, Map<String, Object> d) {
        d.put("linear_summation", linear_summation[i]);
        d.put("rate", rate[i]);
    }

    @Override
    protected Runnable setTemplate(int i, Status s) {
        final boolean ls = s.b("linear_summation", linear_summation[i]);
        final double r = s.d("rate", rate[i]);
        return () -> {
            linear_summation[i] = ls;
            rate[i] = r;
        };
    }

    private static final String[] REC = {"rate"};

    @Override
    public String[] recordables() {
        return REC;
    }

    @Override
    public double recordable(int var, int i) {
        return rate[i];
    }

    @Override
    protected double[][] state() {
        return new double[][] {rate};
    }

    @Override
    protected double advance(int i, int q, double dEx, double dIn, double iEx, double iIn) {
        final double old = rate[i];
        // NEST resets the rate to 0.0 and adds the new value (so -0.0 becomes +0.0)
        double x = 0.0;
        if (linear_summation[i]) x += nl.input(i, dEx + iEx);
        else x += dEx + iEx;
        rate[i] = x;
        return old;
    }

    @Override
    protected double sliceGuess(int i) {
        return rate[i];
    }
}
