package org.nestj.engine.numerics;

/**
 * Thrown where GSL's {@code gsl_odeiv_evolve_apply} would return a status other than {@code GSL_SUCCESS};
 * the counterpart of NEST's {@code GSLSolverFailure} exception, which NEST's models throw in that case.
 */
public class GslSolverFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** GSL's {@code GSL_EINVAL}: invalid argument supplied by user. */
  public static final int GSL_EINVAL = 4;

  private final int status;

  /**
   * @param message what failed
   * @param status  the GSL status code that the C function would have returned
   */
  public GslSolverFailure(String message, int status) {
    super(message + " (GSL status " + status + ")");
    this.status = status;
  }

  /** The GSL status code the C function would have returned (e.g. {@link #GSL_EINVAL}). */
  public int getStatus() {
    return status;
  }
}
