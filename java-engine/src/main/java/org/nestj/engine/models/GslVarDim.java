package org.nestj.engine.models;

import org.nestj.engine.NestException;
import org.nestj.engine.numerics.GslSolverFailure;
import org.nestj.engine.numerics.OdeRhs;
import org.nestj.engine.numerics.Rkf45;

/**
 * Per-thread GSL work space for models whose state dimension (number of receptor ports) or error tolerance differs
 * between nodes of one block (glif_cond, gif_cond_exp*): NEST allocates one {@code gsl_odeiv_step_rkf45} /
 * {@code gsl_odeiv_evolve} of the node's dimension and a {@code gsl_odeiv_control_y_new(eps_abs, 0)} per node;
 * these hold no state between evolve calls except the caller's step size, so one integrator per (dimension,
 * tolerance) and thread reproduces them. {@link #integrate} is NEST's loop over one simulation step:
 * {@code t = 0; while (t < h) gsl_odeiv_evolve_apply(..., &t, h, &IntegrationStep_, y)}.
 * (Fixed-dimension models use {@link GslNeuronBlock}.)
 */
final class GslVarDim implements OdeRhs {
    /** The right-hand side of node i (NEST's *_dynamics function). */
    interface Dynamics {
        void eval(int i, double[] y, double[] f);
    }

    private final Dynamics dyn;
    private Rkf45[] solvers = new Rkf45[2];
    private double[] tols = new double[2];
    private int count;
    private int node;

    GslVarDim(Dynamics dyn) {
        this.dyn = dyn;
    }

    private Rkf45 solver(int dim, double epsAbs) {
        for (int k = 0; k < count; k++) {
            if (tols[k] == epsAbs && solvers[k].dimension() == dim) return solvers[k];
        }
        if (count == solvers.length) {
            solvers = java.util.Arrays.copyOf(solvers, count * 2);
            tols = java.util.Arrays.copyOf(tols, count * 2);
        }
        solvers[count] = Rkf45.controlY(dim, epsAbs, 0.0);
        tols[count] = epsAbs;
        return solvers[count++];
    }

    /**
     * Integrates the first dim entries of node i's state y over one simulation step hSim with the control
     * y_new(epsAbs, 0); hStep[i] is the node's persistent adaptive step (B_.IntegrationStep_).
     */
    void integrate(int i, double[] y, int dim, double hSim, double[] hStep, double epsAbs, String modelName) {
        node = i;
        try {
            solver(dim, epsAbs).integrateStep(this, hSim, hStep, i, y);
        } catch (GslSolverFailure e) {
            throw new NestException("GSLSolverFailure", "In model " + modelName + ", the GSL solver returned with exit "
                    + "status " + e.getStatus() + ".\nPlease make sure you have installed a recent GSL version "
                    + "(> gsl-1.10).");
        }
    }

    @Override
    public void eval(double t, double[] y, double[] f) {
        dyn.eval(node, y, f);
    }
}
