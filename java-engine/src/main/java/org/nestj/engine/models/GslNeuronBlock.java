package org.nestj.engine.models;

import org.nestj.engine.kernel.InputBuffer;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;

/**
 * Shared machinery of the NEST neuron models integrated with GSL's {@code gsl_odeiv_step_rkf45}
 * (iaf_cond_*, hh_*, ...): per node a state vector {@code y[i]} (NEST's {@code S_.y_}), a refractory
 * counter {@code r[i]}, the persistent adaptive step size {@code hStep[i]} (NEST's
 * {@code B_.IntegrationStep_}, reset to the resolution in init_buffers_) and the stimulus current
 * {@code iStim[i]} (NEST's {@code B_.I_stim_}, set from the current ring buffer after each step).
 *
 * <p>{@link #integrate(Solver, int, double)} is NEST's evolve loop for one simulation step:
 * {@code t = 0; while (t < h) gsl_odeiv_evolve_apply(..., &t, h, &IntegrationStep_, y)}, with the control
 * given by {@link #newStepper()} (default {@code gsl_odeiv_control_y_new(1e-3, 0)}). Each update thread uses
 * its own {@link Solver} (work arrays), so nothing is allocated per step.
 */
abstract class GslNeuronBlock extends NeuronBlock {
    /** Input channels of the default buffer layout: excitatory spikes, inhibitory spikes, currents. */
    static final int EX = 0, IN = 1, CUR = 2;

    @PerNode public double[][] y;
    @PerNode public int[] r;
    /** NEST's B_.IntegrationStep_ and B_.I_stim_ (buffers: not copied from the prototype). */
    double[] hStep, iStim;
    InputBuffer buf;
    final int dim;
    private final ThreadLocal<Solver> solvers = ThreadLocal.withInitial(Solver::new);

    GslNeuronBlock(int n, int dim) {
        super(n);
        this.dim = dim;
        y = new double[n][dim];
        r = fillI(n, 0);
    }

    /** Right-hand side of node i's ODE system at state yy (NEST's *_dynamics function). */
    abstract void dynamics(int i, double[] yy, double[] f);

    /** As {@link #dynamics(int, double[], double[])} at time t within the simulation step (models whose input depends on it). */
    void dynamics(int i, double t, double[] yy, double[] f) {
        dynamics(i, yy, f);
    }

    /** The stepper and control of the model (GSL rkf45 with gsl_odeiv_control_y_new(1e-3, 0) by default). */
    Rkf45 newStepper() {
        return Rkf45.controlY(dim, 1e-3, 0.0);
    }

    /** Number of ring-buffer channels (default EX, IN, CUR). */
    int channels() {
        return 3;
    }

    @Override
    public void initBuffers(int ringLen) {
        buf = InputBuffer.resize(buf, n, channels(), ringLen);
        hStep = fill(n, kernel.time.resolution());
        iStim = fill(n, 0.0);
    }

    /** Integration context of the calling thread. */
    final Solver solver() {
        return solvers.get();
    }

    /** Integrates node i over one simulation step of length h (ms) with NEST's evolve loop. */
    final void integrate(Solver s, int i, double h) {
        s.node = i;
        s.rk.integrateStep(s, h, hStep, i, y[i]);
    }

    /** Reads and clears the ring-buffer entry of channel ch for absolute step. */
    final double take(int ch, long step, int i) {
        return buf.take(ch, step, i);
    }

    /** Per-thread GSL work space, evaluating {@link #dynamics} for the node being integrated. */
    final class Solver implements OdeRhs {
        final Rkf45 rk = newStepper();
        int node;

        @Override
        public void eval(double t, double[] yy, double[] f) {
            dynamics(node, t, yy, f);
        }
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        if (rport != 0) throw unknownReceptor(rport, "CurrentEvent");
        return 0;
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        buf.add(CUR, step, i, current);
    }
}
