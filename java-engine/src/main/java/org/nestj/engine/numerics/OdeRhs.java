package org.nestj.engine.numerics;

/**
 * Right-hand side of an ODE system {@code dy/dt = f(t, y)}, the Java counterpart of the {@code function}
 * member of GSL's {@code gsl_odeiv_system}.
 *
 * <p>Unlike GSL's callback this returns no status: the NEST models never report a failure from their
 * dynamics functions (they always return {@code GSL_SUCCESS}), so {@link Rkf45} treats every evaluation as
 * successful. Non-finite results are not an error; they propagate exactly as they would through GSL.
 */
@FunctionalInterface
public interface OdeRhs {

  /**
   * Evaluates the derivatives.
   *
   * @param t    time
   * @param y    state, length at least the system dimension; must not be modified
   * @param dydt output: the derivatives at {@code (t, y)}; every component of the system must be written
   */
  void eval(double t, double[] y, double[] dydt);
}
