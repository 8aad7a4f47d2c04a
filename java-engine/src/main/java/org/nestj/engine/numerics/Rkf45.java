package org.nestj.engine.numerics;

/**
 * Adaptive Runge-Kutta-Fehlberg 4(5) integrator reproducing, operation for operation, what NEST 3.9's
 * GSL-based neuron models get from GSL 2.7's old {@code gsl_odeiv} API:
 *
 * <ul>
 *   <li>{@code gsl_odeiv_step_rkf45} (ode-initval/rkf45.c): the embedded 4(5) Fehlberg step, order 5, which
 *       reuses the derivative at the start of the step ({@code can_use_dydt_in}) and, because the evolve
 *       layer always asks for it, evaluates the derivative at the end of the step ({@code dydt_out});</li>
 *   <li>the standard step-size control of ode-initval/cstd.c and control.c, i.e.
 *       {@code gsl_odeiv_control_standard_new(eps_abs, eps_rel, a_y, a_dydt)} with
 *       {@code gsl_odeiv_control_y_new} ({@code a_y = 1, a_dydt = 0}, used e.g. by hh_psc_alpha and
 *       iaf_cond_*) and {@code gsl_odeiv_control_yp_new} ({@code a_y = 0, a_dydt = 1}, used by the aeif_*
 *       models) as special cases, with {@code gsl_odeiv_control_hadjust}'s rules (see {@link #adjustStep});</li>
 *   <li>{@code gsl_odeiv_evolve_apply} (ode-initval/evolve.c): one accepted step from {@code t} toward
 *       {@code t1}, clipping the last step to land exactly on {@code t1}, undoing and retrying a step whose
 *       error is too large with the reduced step size, and accepting it anyway (keeping the step size) when
 *       the reduced step would no longer advance {@code t} by one ulp. The old API does <em>not</em> fail in
 *       that case (unlike {@code gsl_odeiv2}).</li>
 * </ul>
 *
 * <p><b>State.</b> One instance may serve any number of neurons of the same dimension in turn (for
 * structure-of-arrays models); it preallocates all work arrays and allocates nothing per call. The only
 * per-neuron state that influences results is the adaptive step size {@code h} (NEST's
 * {@code B_.IntegrationStep_}), which the caller keeps and passes as {@code h[hIndex]}. GSL's evolve object
 * additionally persists {@code count}, {@code failed_steps} and {@code last_step} between calls, but
 * {@code gsl_odeiv_evolve_apply} only writes them and never reads them, and the step and evolve work arrays
 * ({@code k1..k6}, {@code ytmp}, {@code y0}, {@code yerr}, {@code dydt_in}, {@code dydt_out}) are always
 * fully overwritten before being read within a call; none of it carries information from one call to the
 * next. This instance keeps those counters only as instance-wide diagnostics ({@link #getStepCount()},
 * {@link #getFailedStepCount()}, {@link #getLastStep()}). Instances are not thread-safe.
 *
 * <p><b>Failures.</b> Where {@code gsl_odeiv_evolve_apply} returns a non-success status this throws
 * {@link GslSolverFailure}; with a status-less {@link OdeRhs} the only such case is a step whose sign does
 * not match the integration direction ({@code GSL_EINVAL}). NaN or infinite derivatives are not failures
 * and flow through exactly as in GSL: a NaN error ratio is ignored by the maximum in the control (so an
 * all-NaN error estimate counts as "error zero" and grows the step fivefold), an infinite one shrinks the
 * step by the factor 0.2.
 *
 * <p>Arithmetic follows the C sources' evaluation order (Java's strict IEEE double semantics match GSL's
 * x86-64 build, which has no FMA contraction), and the control's {@code pow} is {@link GlibcMath#pow}, bit for
 * bit glibc's: {@link Math#pow} and {@link StrictMath#pow} differ from it in the last bit for 0.1% resp. 10%
 * of arguments, and one ulp in a step size grows to relative differences of 1e-9 and more along the adaptive
 * step sequence. With that, results are bit-identical to GSL 2.7 linked against glibc 2.36 (given a
 * right-hand side that is itself bit-identical, e.g. using {@link GlibcMath#exp}).
 */
public final class Rkf45 {

  /** Order reported by {@code rkf45_order}; the exponents of the control use it. */
  public static final int ORDER = 5;

  /** {@code GSL_ODEIV_HADJ_INC}: step was increased. */
  public static final int HADJ_INC = 1;
  /** {@code GSL_ODEIV_HADJ_NIL}: step unchanged. */
  public static final int HADJ_NIL = 0;
  /** {@code GSL_ODEIV_HADJ_DEC}: step decreased. */
  public static final int HADJ_DEC = -1;

  // Fehlberg tableau (rkf45.c); zero entries omitted. Constant expressions are folded to the same doubles
  // a C compiler produces.
  private static final double AH0 = 1.0 / 4.0;
  private static final double AH1 = 3.0 / 8.0;
  private static final double AH2 = 12.0 / 13.0;
  private static final double AH3 = 1.0;
  private static final double AH4 = 1.0 / 2.0;

  private static final double B3_0 = 3.0 / 32.0;
  private static final double B3_1 = 9.0 / 32.0;

  private static final double B4_0 = 1932.0 / 2197.0;
  private static final double B4_1 = -7200.0 / 2197.0;
  private static final double B4_2 = 7296.0 / 2197.0;

  private static final double B5_0 = 8341.0 / 4104.0;
  private static final double B5_1 = -32832.0 / 4104.0;
  private static final double B5_2 = 29440.0 / 4104.0;
  private static final double B5_3 = -845.0 / 4104.0;

  private static final double B6_0 = -6080.0 / 20520.0;
  private static final double B6_1 = 41040.0 / 20520.0;
  private static final double B6_2 = -28352.0 / 20520.0;
  private static final double B6_3 = 9295.0 / 20520.0;
  private static final double B6_4 = -5643.0 / 20520.0;

  private static final double C1 = 902880.0 / 7618050.0;
  private static final double C3 = 3953664.0 / 7618050.0;
  private static final double C4 = 3855735.0 / 7618050.0;
  private static final double C5 = -1371249.0 / 7618050.0;
  private static final double C6 = 277020.0 / 7618050.0;

  // Differences of the fifth- and fourth-order weights (error estimate).
  private static final double EC1 = 1.0 / 360.0;
  private static final double EC3 = -128.0 / 4275.0;
  private static final double EC4 = -2197.0 / 75240.0;
  private static final double EC5 = 1.0 / 50.0;
  private static final double EC6 = 2.0 / 55.0;

  // Control constants (cstd.c).
  private static final double SAFETY = 0.9;
  private static final double DEC_THRESHOLD = 1.1;
  private static final double INC_THRESHOLD = 0.5;
  private static final double MIN_FACTOR = 0.2;
  private static final double MAX_FACTOR = 5.0;
  /** C's {@code DBL_MIN}, the smallest positive normal double: the start value of the error maximum. */
  private static final double DBL_MIN = Double.MIN_NORMAL;

  private final int dim;
  private final double epsAbs;
  private final double epsRel;
  private final double aY;
  private final double aDydt;

  // evolve work arrays
  private final double[] y0;
  private final double[] yerr;
  private final double[] dydtIn;
  private final double[] dydtOut;
  // step work arrays (k1 is dydtIn itself: rkf45 only copies dydt_in into k1)
  private final double[] k2;
  private final double[] k3;
  private final double[] k4;
  private final double[] k5;
  private final double[] k6;
  private final double[] ytmp;

  // diagnostics only (GSL's e->count, e->failed_steps, e->last_step); never read by apply
  private long stepCount;
  private long failedStepCount;
  private double lastStep;

  /**
   * Integrator with GSL's {@code gsl_odeiv_control_y_new(epsAbs, epsRel)} control ({@code a_y = 1},
   * {@code a_dydt = 0}).
   *
   * @param dim    system dimension
   * @param epsAbs absolute tolerance, {@code >= 0}
   * @param epsRel relative tolerance, {@code >= 0}
   */
  public Rkf45(int dim, double epsAbs, double epsRel) {
    this(dim, epsAbs, epsRel, 1.0, 0.0);
  }

  /**
   * Integrator with GSL's standard control {@code gsl_odeiv_control_standard_new(epsAbs, epsRel, aY, aDydt)}.
   *
   * @throws IllegalArgumentException where {@code std_control_init} rejects the parameters (negative values)
   *                                  or {@code dim < 1}
   */
  public Rkf45(int dim, double epsAbs, double epsRel, double aY, double aDydt) {
    if (dim < 1) {
      throw new IllegalArgumentException("dimension must be positive: " + dim);
    }
    // same checks, same order, as std_control_init
    if (epsAbs < 0) {
      throw new IllegalArgumentException("eps_abs is negative");
    } else if (epsRel < 0) {
      throw new IllegalArgumentException("eps_rel is negative");
    } else if (aY < 0) {
      throw new IllegalArgumentException("a_y is negative");
    } else if (aDydt < 0) {
      throw new IllegalArgumentException("a_dydt is negative");
    }
    this.dim = dim;
    this.epsAbs = epsAbs;
    this.epsRel = epsRel;
    this.aY = aY;
    this.aDydt = aDydt;
    y0 = new double[dim];
    yerr = new double[dim];
    dydtIn = new double[dim];
    dydtOut = new double[dim];
    k2 = new double[dim];
    k3 = new double[dim];
    k4 = new double[dim];
    k5 = new double[dim];
    k6 = new double[dim];
    ytmp = new double[dim];
  }

  /** {@code gsl_odeiv_control_y_new(epsAbs, epsRel)}: error relative to |y|. */
  public static Rkf45 controlY(int dim, double epsAbs, double epsRel) {
    return new Rkf45(dim, epsAbs, epsRel, 1.0, 0.0);
  }

  /** {@code gsl_odeiv_control_yp_new(epsAbs, epsRel)}: error relative to |h y'| (NEST's aeif_* models). */
  public static Rkf45 controlYp(int dim, double epsAbs, double epsRel) {
    return new Rkf45(dim, epsAbs, epsRel, 0.0, 1.0);
  }

  /** System dimension. */
  public int dimension() {
    return dim;
  }

  /**
   * Exactly one {@code gsl_odeiv_evolve_apply(e, c, s, sys, &t, t1, h, y)}: advances the state from
   * {@code t} toward {@code t1} by one accepted step (after as many rejected, undone attempts as the error
   * control demands). The step is clipped to {@code t1 - t} if it would overshoot, in which case the
   * returned time is exactly {@code t1}; the suggested next step size is then computed from the clipped step.
   *
   * @param f      right-hand side
   * @param t      start time
   * @param t1     end of the interval ({@code t <= t1} or {@code t >= t1} must match the sign of {@code h})
   * @param h      array holding the caller's step size (NEST's {@code IntegrationStep_}): read as the step to
   *               try, overwritten with the step size suggested for the next call
   * @param hIndex index of the step size in {@code h} (e.g. the neuron index in a structure-of-arrays model)
   * @param y      state of length {@code >= dimension()}, updated in place (first {@code dimension()} entries)
   * @return the new time ({@code t + h_used}, or exactly {@code t1} after the final step)
   * @throws GslSolverFailure if the step direction does not match the interval direction (GSL_EINVAL)
   */
  public double apply(OdeRhs f, double t, double t1, double[] h, int hIndex, double[] y) {
    final int n = dim;
    final double t0 = t;
    double h0 = h[hIndex];
    final double dt = t1 - t0; // remaining time, possibly less than h

    if ((dt < 0.0 && h0 > 0.0) || (dt > 0.0 && h0 < 0.0)) {
      throw new GslSolverFailure("step direction must match interval direction", GslSolverFailure.GSL_EINVAL);
    }
    if (y.length < n) {
      throw new IllegalArgumentException("state has " + y.length + " entries, system dimension is " + n);
    }

    System.arraycopy(y, 0, y0, 0, n);
    f.eval(t0, y, dydtIn); // rkf45 can use dydt_in: evaluated once per apply, reused by retries

    while (true) {
      final boolean finalStep;
      if ((dt >= 0.0 && h0 > dt) || (dt < 0.0 && h0 < dt)) {
        h0 = dt;
        finalStep = true;
      } else {
        finalStep = false;
      }

      step(f, t0, h0, y);
      stepCount++;
      lastStep = h0;

      final double tNew = finalStep ? t1 : t0 + h0;

      final double hOld = h0;
      final double rmax = maxErrorRatio(y, hOld);
      if (rmax > DEC_THRESHOLD) {
        final double hDec = adjustStep(rmax, ORDER, hOld);
        // retry only if h really decreased and the new step still moves t by at least one ulp
        if (Math.abs(hDec) < Math.abs(hOld) && tNew + hDec != tNew) {
          System.arraycopy(y0, 0, y, 0, n); // undo the step
          failedStepCount++;
          h0 = hDec;
          continue;
        }
        h0 = hOld; // accept the step, keep the current step size
      } else if (rmax < INC_THRESHOLD) {
        h0 = adjustStep(rmax, ORDER, hOld);
      }
      h[hIndex] = h0;
      return tNew;
    }
  }

  /**
   * NEST's update loop for one simulation step: {@code t = 0; while (t < hSim) t = apply(f, t, hSim, h, hIndex, y);}.
   * Models that act between evolve calls (e.g. the aeif_* spike reset inside the loop) call {@link #apply}
   * themselves instead.
   */
  public void integrateStep(OdeRhs f, double hSim, double[] h, int hIndex, double[] y) {
    double t = 0.0;
    while (t < hSim) {
      t = apply(f, t, hSim, h, hIndex, y);
    }
  }

  /** rkf45_apply with dydt_in = {@link #dydtIn} and dydt_out = {@link #dydtOut}; fills {@link #yerr}. */
  private void step(OdeRhs f, double t, double h, double[] y) {
    final int n = dim;
    final double[] k1 = dydtIn;

    for (int i = 0; i < n; i++) {
      ytmp[i] = y[i] + AH0 * h * k1[i];
    }
    f.eval(t + AH0 * h, ytmp, k2);

    for (int i = 0; i < n; i++) {
      ytmp[i] = y[i] + h * (B3_0 * k1[i] + B3_1 * k2[i]);
    }
    f.eval(t + AH1 * h, ytmp, k3);

    for (int i = 0; i < n; i++) {
      ytmp[i] = y[i] + h * (B4_0 * k1[i] + B4_1 * k2[i] + B4_2 * k3[i]);
    }
    f.eval(t + AH2 * h, ytmp, k4);

    for (int i = 0; i < n; i++) {
      ytmp[i] = y[i] + h * (B5_0 * k1[i] + B5_1 * k2[i] + B5_2 * k3[i] + B5_3 * k4[i]);
    }
    f.eval(t + AH3 * h, ytmp, k5);

    for (int i = 0; i < n; i++) {
      ytmp[i] = y[i] + h * (B6_0 * k1[i] + B6_1 * k2[i] + B6_2 * k3[i] + B6_3 * k4[i] + B6_4 * k5[i]);
    }
    f.eval(t + AH4 * h, ytmp, k6);

    for (int i = 0; i < n; i++) {
      final double di = C1 * k1[i] + C3 * k3[i] + C4 * k4[i] + C5 * k5[i] + C6 * k6[i];
      y[i] += h * di;
    }

    // derivatives at the output (gsl_odeiv_evolve_apply always requests them)
    f.eval(t + h, y, dydtOut);

    for (int i = 0; i < n; i++) {
      yerr[i] = h * (EC1 * k1[i] + EC3 * k3[i] + EC4 * k4[i] + EC5 * k5[i] + EC6 * k6[i]);
    }
  }

  /** The error maximum of std_control_hadjust for the current {@link #yerr} and {@link #dydtOut}. */
  private double maxErrorRatio(double[] y, double hOld) {
    return maxErrorRatio(dim, epsAbs, epsRel, aY, aDydt, y, yerr, dydtOut, hOld);
  }

  /**
   * The error measure of GSL's {@code std_control_hadjust}:
   * {@code max(DBL_MIN, max_i |yerr_i| / |epsRel (aY |y_i| + aDydt |hOld yp_i|) + epsAbs|)}, where, as with
   * {@code GSL_MAX_DBL}, a NaN ratio never replaces the running maximum.
   */
  public static double maxErrorRatio(int dim, double epsAbs, double epsRel, double aY, double aDydt,
      double[] y, double[] yerr, double[] yp, double hOld) {
    double rmax = DBL_MIN;
    for (int i = 0; i < dim; i++) {
      final double d0 = epsRel * (aY * Math.abs(y[i]) + aDydt * Math.abs(hOld * yp[i])) + epsAbs;
      final double r = Math.abs(yerr[i]) / Math.abs(d0);
      rmax = r > rmax ? r : rmax;
    }
    return rmax;
  }

  /** The {@code GSL_ODEIV_HADJ_*} status std_control_hadjust reports for an error maximum {@code rmax}. */
  public static int hadjustStatus(double rmax) {
    if (rmax > DEC_THRESHOLD) {
      return HADJ_DEC;
    } else if (rmax < INC_THRESHOLD) {
      return HADJ_INC;
    }
    return HADJ_NIL;
  }

  /**
   * The step size std_control_hadjust suggests for error maximum {@code rmax}, method order {@code ord}
   * and current step {@code hOld}:
   * <ul>
   *   <li>{@code rmax > 1.1}: {@code hOld * max(0.2, 0.9 / rmax^(1/ord))} (decrease);</li>
   *   <li>{@code rmax < 0.5}: {@code hOld * min(5, max(1, 0.9 / rmax^(1/(ord+1))))} (increase);</li>
   *   <li>otherwise {@code hOld} unchanged.</li>
   * </ul>
   */
  public static double adjustStep(double rmax, int ord, double hOld) {
    if (rmax > DEC_THRESHOLD) {
      double r = SAFETY / GlibcMath.pow(rmax, 1.0 / ord);
      if (r < MIN_FACTOR) {
        r = MIN_FACTOR;
      }
      return r * hOld;
    } else if (rmax < INC_THRESHOLD) {
      double r = SAFETY / GlibcMath.pow(rmax, 1.0 / (ord + 1.0));
      if (r > MAX_FACTOR) {
        r = MAX_FACTOR;
      }
      if (r < 1.0) { // no decrease caused by the safety factor
        r = 1.0;
      }
      return r * hOld;
    }
    return hOld;
  }

  /** Number of steps attempted since construction or {@link #resetCounters()} (GSL's {@code count}). */
  public long getStepCount() {
    return stepCount;
  }

  /** Number of rejected (undone) steps (GSL's {@code failed_steps}). */
  public long getFailedStepCount() {
    return failedStepCount;
  }

  /** Size of the last attempted step (GSL's {@code last_step}). */
  public double getLastStep() {
    return lastStep;
  }

  /** {@code gsl_odeiv_evolve_reset}: clears the diagnostic counters; results are unaffected. */
  public void resetCounters() {
    stepCount = 0;
    failedStepCount = 0;
    lastStep = 0.0;
  }
}
