package org.nestj.engine.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Rkf45}: step-size control rules checked by hand, evolve semantics, and call-by-call
 * agreement with GSL 2.7 on the oracle {@code shared/nest-reference/gsl/rkf45_step_sequences.json}.
 */
class Rkf45Test {

  private static final String ORACLE = "shared/nest-reference/gsl/rkf45_step_sequences.json";
  /** Relative tolerance against the oracle, scaled by max(1, |reference|). */
  private static final double TOL = 1e-12;

  // ------------------------------------------------------------------------------------------------
  // Oracle: every gsl_odeiv_evolve_apply call of GSL 2.7, driven as NEST drives it.
  // ------------------------------------------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void reproducesGslCallSequences() throws IOException {
    Path file = locateOracle();
    List<Object> entries = (List<Object>) new Json(Files.readString(file, StandardCharsets.UTF_8)).parse();
    assertTrue(entries.size() >= 6, "expected at least 6 oracle entries, found " + entries.size());

    int totalCalls = 0;
    double worstOverall = 0.0;
    StringBuilder summary = new StringBuilder();
    for (Object o : entries) {
      Map<String, Object> e = (Map<String, Object>) o;
      String system = (String) e.get("system");
      double epsAbs = num(e.get("eps_abs"));
      double epsRel = num(e.get("eps_rel"));
      double hSim = num(e.get("h_sim"));
      double[] y = toArray((List<Object>) e.get("y0"));
      List<Object> calls = (List<Object>) e.get("calls");
      OdeRhs f = system(system);

      Rkf45 solver = new Rkf45(y.length, epsAbs, epsRel);
      double[] h = {hSim};
      int nSteps = (int) num(((List<Object>) calls.get(calls.size() - 1)).get(0)) + 1;
      int k = 0;
      double worst = 0.0;
      for (int step = 0; step < nSteps; step++) {
        double t = 0.0;
        while (t < hSim) {
          t = solver.apply(f, t, hSim, h, 0, y);
          String where = system + " call " + k + " (sim step " + step + ")";
          assertTrue(k < calls.size(), where + ": more calls than GSL made");
          double[] ref = toArray((List<Object>) calls.get(k));
          assertEquals(2 + 1 + y.length, ref.length, where + ": malformed oracle row");
          assertEquals(ref[0], step, where + ": GSL was in another simulation step");
          worst = Math.max(worst, check(where + " t", ref[1], t));
          worst = Math.max(worst, check(where + " h", ref[2], h[0]));
          for (int i = 0; i < y.length; i++) {
            worst = Math.max(worst, check(where + " y[" + i + "]", ref[3 + i], y[i]));
          }
          k++;
        }
      }
      assertEquals(calls.size(), k, system + ": number of evolve_apply calls");
      totalCalls += k;
      worstOverall = Math.max(worstOverall, worst);
      summary.append(String.format("  %-22s %4d calls, max scaled deviation %.3g%n", system, k, worst));
    }
    System.out.printf("Rkf45 oracle: %d calls matched in %d systems, max scaled deviation %.3g%n%s",
        totalCalls, entries.size(), worstOverall, summary);
  }

  /** Scaled deviation |actual - ref| / max(1, |ref|); fails above {@link #TOL}. */
  private static double check(String what, double ref, double actual) {
    double dev = Math.abs(actual - ref) / Math.max(1.0, Math.abs(ref));
    if (!(dev <= TOL)) {
      fail(what + ": expected " + ref + " but got " + actual + " (scaled deviation " + dev + ")");
    }
    return dev;
  }

  /**
   * The test systems, as described in shared/nest-reference/README.md (t in ms), written with the operation
   * order of the C right-hand sides the oracle was produced with (checked: GSL 2.7.1 with exactly these C
   * expressions reproduces every oracle row bit for bit). {@link GlibcMath#exp} stands in for C's exp.
   */
  private static OdeRhs system(String name) {
    switch (name) {
      case "decay":
        return (t, y, f) -> f[0] = -y[0] / 10.0;
      case "van_der_pol_mu5":
      case "van_der_pol_mu5_loose":
        return (t, y, f) -> {
          f[0] = y[1];
          f[1] = 5.0 * (1.0 - y[0] * y[0]) * y[1] - y[0];
        };
      case "adex_800pA":
        return (t, y, f) -> {
          double v = Math.min(y[0], -40.0);
          f[0] = (-30.0 * (v + 70.6) + 60.0 * GlibcMath.exp((v + 50.4) / 2.0) - y[1] + 800.0) / 281.0;
          f[1] = (4.0 * (v + 70.6) - y[1]) / 144.0;
        };
      case "hh_1000pA":
      case "hh_1000pA_dt1":
        return Rkf45Test::hodgkinHuxley;
      default:
        throw new AssertionError("unknown oracle system " + name);
    }
  }

  private static void hodgkinHuxley(double t, double[] y, double[] f) {
    double v = y[0];
    double m = y[1];
    double h = y[2];
    double n = y[3];
    double alphaM = 0.1 * (v + 40.0) / (1.0 - GlibcMath.exp(-(v + 40.0) / 10.0));
    double betaM = 4.0 * GlibcMath.exp(-(v + 65.0) / 18.0);
    double alphaH = 0.07 * GlibcMath.exp(-(v + 65.0) / 20.0);
    double betaH = 1.0 / (1.0 + GlibcMath.exp(-(v + 35.0) / 10.0));
    double alphaN = 0.01 * (v + 55.0) / (1.0 - GlibcMath.exp(-(v + 55.0) / 10.0));
    double betaN = 0.125 * GlibcMath.exp(-(v + 65.0) / 80.0);
    double iNa = 12000.0 * m * m * m * h * (v - 50.0);
    double iK = 3600.0 * n * n * n * n * (v + 77.0);
    double iL = 30.0 * (v + 54.402);
    f[0] = (-(iNa + iK + iL) + 1000.0) / 100.0;
    f[1] = alphaM * (1.0 - m) - betaM * m;
    f[2] = alphaH * (1.0 - h) - betaH * h;
    f[3] = alphaN * (1.0 - n) - betaN * n;
  }

  /**
   * Finds the oracle by walking up from the working directory (the repository root, or the module
   * directory under Maven) until an ancestor has {@code shared/nest-reference} below it.
   */
  private static Path locateOracle() {
    Path start = Paths.get("").toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve(ORACLE);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    fail("GSL oracle " + ORACLE + " not found in " + start + " or any parent directory; "
        + "it is expected at ../shared/nest-reference/gsl/ relative to the repository root");
    return null;
  }

  // ------------------------------------------------------------------------------------------------
  // Step-size control (std_control_hadjust), hand-checked.
  // ------------------------------------------------------------------------------------------------

  @Test
  void largeErrorShrinksStepByGslFormula() {
    // rmax = 2 > 1.1: r = 0.9 / 2^(1/5) = 0.9 / 1.148698354997035 = 0.7834955...
    double h = Rkf45.adjustStep(2.0, 5, 0.1);
    assertEquals(0.1 * 0.9 / 1.148698354997035, h, 1e-15);
    assertEquals(0.07834955, h, 1e-8);
    assertEquals(Rkf45.HADJ_DEC, Rkf45.hadjustStatus(2.0));
  }

  @Test
  void shrinkFactorIsLimitedToOneFifth() {
    // 0.9 / (1e10)^(1/5) = 0.9 / 100 = 0.009 < 0.2 -> 0.2
    assertEquals(0.2 * 0.5, Rkf45.adjustStep(1e10, 5, 0.5), 0.0);
    assertEquals(0.2 * 0.5, Rkf45.adjustStep(Double.POSITIVE_INFINITY, 5, 0.5), 0.0);
  }

  @Test
  void smallErrorGrowsStepByGslFormula() {
    // rmax = 0.01 < 0.5: r = 0.9 / 0.01^(1/6) = 0.9 / 0.46415888336127786 = 1.9389912...
    double h = Rkf45.adjustStep(0.01, 5, 0.1);
    assertEquals(0.1 * 0.9 / 0.46415888336127786, h, 1e-15);
    assertEquals(0.19389912, h, 1e-8);
    assertEquals(Rkf45.HADJ_INC, Rkf45.hadjustStatus(0.01));
    // just below 0.5 the factor is 0.9 / 0.49^(1/6) = 1.013623..., still an increase (so with S = 0.9 and
    // order 5 the "no decrease caused by S < 1" floor of GSL never binds)
    assertEquals(1.013623, Rkf45.adjustStep(0.49, 5, 1.0), 1e-6);
  }

  @Test
  void growthFactorIsCappedAtFive() {
    // 0.9 / (1e-12)^(1/6) = 0.9 / 1e-2 = 90 -> 5
    assertEquals(5.0 * 0.1, Rkf45.adjustStep(1e-12, 5, 0.1), 0.0);
    // an all-zero error leaves rmax at DBL_MIN, which also gives the cap
    double rmax = Rkf45.maxErrorRatio(2, 1e-3, 0.0, 1.0, 0.0,
        new double[] {1.0, 2.0}, new double[] {0.0, 0.0}, new double[] {3.0, 4.0}, 0.1);
    assertEquals(Double.MIN_NORMAL, rmax, 0.0);
    assertEquals(0.5, Rkf45.adjustStep(rmax, 5, 0.1), 0.0);
  }

  @Test
  void moderateErrorKeepsStep() {
    for (double rmax : new double[] {0.5, 0.8, 1.0, 1.1}) {
      assertEquals(Rkf45.HADJ_NIL, Rkf45.hadjustStatus(rmax), "rmax " + rmax);
      assertEquals(0.25, Rkf45.adjustStep(rmax, 5, 0.25), 0.0, "rmax " + rmax);
    }
  }

  @Test
  void errorRatioFollowsStandardControl() {
    double[] y = {-70.0, 2.0};
    double[] yerr = {-1e-3, 1e-4};
    double[] yp = {10.0, -400.0};
    // y control, eps_abs = 1e-3, eps_rel = 0: D0 = 1e-3 -> ratios 1.0 and 0.1
    assertEquals(1.0, Rkf45.maxErrorRatio(2, 1e-3, 0.0, 1.0, 0.0, y, yerr, yp, 0.1), 1e-15);
    // y control with eps_rel = 1e-3: D0 = 1e-3 * |y| + 1e-3 -> 1e-3 / 0.071, 1e-4 / 0.003
    assertEquals(1e-4 / 0.003, Rkf45.maxErrorRatio(2, 1e-3, 1e-3, 1.0, 0.0, y, yerr, yp, 0.1), 1e-15);
    // yp control (aeif models), eps = 1e-6: D0 = 1e-6 * |h yp| + 1e-6 -> 1e-3 / 2e-6, 1e-4 / 4.1e-5
    assertEquals(500.0, Rkf45.maxErrorRatio(2, 1e-6, 1e-6, 0.0, 1.0, y, yerr, yp, 0.1), 1e-9);
    // a NaN ratio never wins the maximum (GSL_MAX_DBL); an infinite one does
    double[] nanErr = {Double.NaN, 1e-4};
    assertEquals(0.1, Rkf45.maxErrorRatio(2, 1e-3, 0.0, 1.0, 0.0, y, nanErr, yp, 0.1), 1e-15);
    double[] infErr = {Double.NEGATIVE_INFINITY, 1e-4};
    assertEquals(Double.POSITIVE_INFINITY, Rkf45.maxErrorRatio(2, 1e-3, 0.0, 1.0, 0.0, y, infErr, yp, 0.1));
  }

  @Test
  void rejectsNegativeControlParameters() {
    assertThrows(IllegalArgumentException.class, () -> new Rkf45(1, -1e-3, 0.0));
    assertThrows(IllegalArgumentException.class, () -> new Rkf45(1, 1e-3, -1.0));
    assertThrows(IllegalArgumentException.class, () -> new Rkf45(1, 1e-3, 0.0, -1.0, 0.0));
    assertThrows(IllegalArgumentException.class, () -> new Rkf45(1, 1e-3, 0.0, 0.0, -1.0));
  }

  // ------------------------------------------------------------------------------------------------
  // Evolve semantics.
  // ------------------------------------------------------------------------------------------------

  private static final OdeRhs DECAY = (t, y, f) -> f[0] = -y[0] / 10.0;
  private static final OdeRhs GROWTH = (t, y, f) -> f[0] = y[0];

  @Test
  void finalStepLandsOnT1AndDoesNotClipSuggestedStep() {
    Rkf45 s = new Rkf45(1, 1e-6, 0.0);
    double[] h = {2.0};
    double[] y = {1.0};
    double t = s.apply(DECAY, 0.0, 0.1, h, 0, y);
    assertEquals(0.1, t, 0.0); // exactly t1
    assertEquals(0.1, s.getLastStep(), 0.0); // the step taken was clipped to dt
    assertEquals(0.5, h[0], 0.0); // suggestion grows 5x from the clipped step, independent of the 2.0 passed in
    assertEquals(Math.exp(-0.01), y[0], 1e-12);
  }

  @Test
  void rejectedStepsAreUndoneAndRetried() {
    Rkf45 s = new Rkf45(1, 1e-10, 0.0);
    double[] h = {5.0};
    double[] y = {1.0};
    double t = s.apply(DECAY, 0.0, 100.0, h, 0, y);
    assertTrue(s.getFailedStepCount() > 0, "expected rejected steps");
    assertEquals(s.getFailedStepCount() + 1, s.getStepCount());
    assertEquals(s.getLastStep(), t, 0.0); // t = t0 + accepted step
    assertTrue(t > 0.0 && t < 5.0, "accepted step " + t);
    assertEquals(Math.exp(-t / 10.0), y[0], 1e-10); // y is the result of the accepted step only
    assertTrue(h[0] >= t, "no decrease after an accepted step");
  }

  @Test
  void stepThatCannotShrinkFurtherIsAcceptedNotFailed() {
    // eps_abs = eps_rel = 0 makes every nonzero error infinitely large; a right-hand side alternating
    // between +1 and -1 keeps the error estimate nonzero however small h gets. h thus shrinks by 0.2 per
    // retry until the reduced step would no longer change t; the old gsl_odeiv API then accepts the step
    // and keeps its size (gsl_odeiv2 would return GSL_FAILURE here).
    int[] calls = {0};
    OdeRhs alternating = (t, y, f) -> f[0] = (calls[0]++ % 2 == 0) ? 1.0 : -1.0;
    Rkf45 s = new Rkf45(1, 0.0, 0.0);
    double[] h = {0.5};
    double[] y = {1.0};
    double t = s.apply(alternating, 1.0, 2.0, h, 0, y);
    assertTrue(s.getFailedStepCount() > 10, "retries: " + s.getFailedStepCount());
    double hUsed = s.getLastStep();
    assertTrue(hUsed > 0.0 && hUsed < 1e-14, "accepted step " + hUsed);
    assertEquals(hUsed, h[0], 0.0); // kept, not decreased
    assertEquals(1.0 + hUsed, t, 0.0);
    assertEquals(t, t + 0.2 * hUsed, 0.0); // the next reduction would not have moved t
  }

  @Test
  void directionMismatchIsASolverFailure() {
    Rkf45 s = new Rkf45(1, 1e-3, 0.0);
    GslSolverFailure e = assertThrows(GslSolverFailure.class,
        () -> s.apply(DECAY, 0.0, 1.0, new double[] {-0.1}, 0, new double[] {1.0}));
    assertEquals(GslSolverFailure.GSL_EINVAL, e.getStatus());
  }

  @Test
  void nanDerivativesPropagateLikeGsl() {
    Rkf45 s = new Rkf45(1, 1e-3, 0.0);
    double[] h = {0.05};
    double[] y = {1.0};
    double t = s.apply((tt, yy, f) -> f[0] = Double.NaN, 0.0, 1.0, h, 0, y);
    assertEquals(0.05, t, 0.0); // step accepted: NaN error ratios are ignored
    assertEquals(0.25, h[0], 1e-17); // rmax stays DBL_MIN -> 5x growth
    assertTrue(Double.isNaN(y[0]));
  }

  @Test
  void integrateStepMatchesNestLoop() {
    Rkf45 a = new Rkf45(1, 1e-6, 0.0);
    Rkf45 b = new Rkf45(1, 1e-6, 0.0);
    double[] ha = {0.1};
    double[] hb = {0.1};
    double[] ya = {1.0};
    double[] yb = {1.0};
    for (int step = 0; step < 20; step++) {
      a.integrateStep(DECAY, 0.1, ha, 0, ya);
      double t = 0.0;
      while (t < 0.1) {
        t = b.apply(DECAY, t, 0.1, hb, 0, yb);
      }
    }
    assertArrayEquals(yb, ya, 0.0);
    assertArrayEquals(hb, ha, 0.0);
    assertEquals(GlibcMath.exp(-0.2), ya[0], 1e-9);
  }

  @Test
  void oneInstanceServesManyNeuronsWithoutHiddenState() {
    OdeRhs vdp = (t, y, f) -> {
      f[0] = y[1];
      f[1] = 5.0 * (1.0 - y[0] * y[0]) * y[1] - y[0];
    };
    Rkf45 shared = new Rkf45(2, 1e-6, 0.0);
    double[] hShared = {0.1, 0.1};
    double[][] yShared = {{2.0, 0.0}, {-0.5, 1.0}};
    Rkf45[] own = {new Rkf45(2, 1e-6, 0.0), new Rkf45(2, 1e-6, 0.0)};
    double[][] hOwn = {{0.1}, {0.1}};
    double[][] yOwn = {{2.0, 0.0}, {-0.5, 1.0}};
    for (int step = 0; step < 100; step++) {
      for (int n = 0; n < 2; n++) {
        shared.integrateStep(vdp, 0.1, hShared, n, yShared[n]);
        own[n].integrateStep(vdp, 0.1, hOwn[n], 0, yOwn[n]);
        assertArrayEquals(yOwn[n], yShared[n], 0.0);
        assertEquals(hOwn[n][0], hShared[n], 0.0);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // GlibcMath: spot checks against values printed by glibc 2.36's libm (x86-64, FMA variant) where both
  // Math and StrictMath are off by one ulp. (The port was compared with that libm on 3.4e7 arguments.)
  // ------------------------------------------------------------------------------------------------

  @Test
  void glibcExpAndPowBits() {
    assertEquals(0x1.557c8bcd2d791p11, GlibcMath.exp(0x1.fa6a7dc5191ap2), 0.0);
    assertEquals(0x1.dbf0a35a28589p-26, GlibcMath.exp(-0x1.166d69f037eb8p4), 0.0);
    assertEquals(0x1.88592cdf499f1p558, GlibcMath.exp(0x1.8333fe5222787p8), 0.0);
    assertEquals(0x1.4e074f74d9fc7p-370, GlibcMath.exp(-0x1.0032cad9ed52bp8), 0.0);
    assertEquals(0x1.991698ab0e57bp4, GlibcMath.pow(0x1.4d741817e4a26p23, 1.0 / 5), 0.0);
    assertEquals(0x1.66b77e3c930d7p-2, GlibcMath.pow(0x1.59bb2ea7ab607p-8, 1.0 / 5), 0.0);
    assertEquals(0x1.c0ae41b7a3327p-5, GlibcMath.pow(0x1.cfc59dbc0af45p-26, 1.0 / 6), 0.0);
    assertEquals(0x1.3d08e299ac2dfp-7, GlibcMath.pow(0x1.cdc11fdb2314cp-41, 1.0 / 6), 0.0);
    // special values
    assertEquals(1.0, GlibcMath.exp(0.0), 0.0);
    assertEquals(0.0, GlibcMath.exp(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, GlibcMath.exp(710.0), 0.0);
    assertTrue(Double.isNaN(GlibcMath.exp(Double.NaN)));
    assertEquals(1.0, GlibcMath.pow(Double.NaN, 0.0), 0.0);
    assertEquals(-8.0, GlibcMath.pow(-2.0, 3.0), 0.0);
    assertTrue(Double.isNaN(GlibcMath.pow(-2.0, 0.5)));
    assertEquals(Double.POSITIVE_INFINITY, GlibcMath.pow(0.0, -1.0), 0.0);
  }

  // ------------------------------------------------------------------------------------------------
  // Minimal JSON reader (objects, arrays, numbers, strings, true/false/null).
  // ------------------------------------------------------------------------------------------------

  private static double num(Object o) {
    assertNotNull(o, "missing number in oracle");
    return (Double) o;
  }

  private static double[] toArray(List<Object> list) {
    double[] a = new double[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = num(list.get(i));
    }
    return a;
  }

  private static final class Json {
    private final String s;
    private int p;

    Json(String s) {
      this.s = s;
    }

    Object parse() {
      Object v = value();
      ws();
      if (p != s.length()) {
        throw error("trailing characters");
      }
      return v;
    }

    private Object value() {
      ws();
      if (p >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(p);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      p++; // {
      ws();
      if (s.charAt(p) == '}') {
        p++;
        return m;
      }
      while (true) {
        ws();
        String key = string();
        ws();
        expect(':');
        m.put(key, value());
        ws();
        if (s.charAt(p) == ',') {
          p++;
        } else {
          expect('}');
          return m;
        }
      }
    }

    private List<Object> array() {
      List<Object> l = new ArrayList<>();
      p++; // [
      ws();
      if (s.charAt(p) == ']') {
        p++;
        return l;
      }
      while (true) {
        l.add(value());
        ws();
        if (s.charAt(p) == ',') {
          p++;
        } else {
          expect(']');
          return l;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(p++);
        if (c == '"') {
          return b.toString();
        }
        if (c == '\\') {
          char e = s.charAt(p++);
          switch (e) {
            case 'n':
              b.append('\n');
              break;
            case 't':
              b.append('\t');
              break;
            case 'r':
              b.append('\r');
              break;
            case 'b':
              b.append('\b');
              break;
            case 'f':
              b.append('\f');
              break;
            case 'u':
              b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
              p += 4;
              break;
            default:
              b.append(e); // \" \\ \/
          }
        } else {
          b.append(c);
        }
      }
    }

    private Double number() {
      int start = p;
      while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) {
        p++;
      }
      if (start == p) {
        throw error("unexpected character '" + s.charAt(p) + "'");
      }
      return Double.parseDouble(s.substring(start, p));
    }

    private Object literal(String word, Object v) {
      if (!s.startsWith(word, p)) {
        throw error("bad literal");
      }
      p += word.length();
      return v;
    }

    private void expect(char c) {
      if (p >= s.length() || s.charAt(p) != c) {
        throw error("expected '" + c + "'");
      }
      p++;
    }

    private void ws() {
      while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
        p++;
      }
    }

    private IllegalStateException error(String msg) {
      return new IllegalStateException("oracle JSON: " + msg + " at offset " + p);
    }
  }
}
