package org.nestj.engine.numerics;

/**
 * A port of GSL's {@code gsl_integration_qags} (QUADPACK's QAGS: adaptive bisection with the 21-point
 * Gauss-Kronrod rule and Wynn's epsilon-algorithm extrapolation, GSL 2.7 integration/qags.c with
 * qk.c, qk21.c, err.c, qpsrt.c, qpsrt2.c, qelg.c, util.c, positivity.c), as NEST's siegert_neuron
 * calls it. One object is one {@code gsl_integration_workspace} of fixed size; {@link #integrate}
 * allocates nothing. The arithmetic is written in GSL's order so that every evaluation, every
 * bisection decision and every extrapolation step is reproduced. GSL's {@code pow} is glibc's
 * ({@link GlibcMath#pow}).
 *
 * <p>Errors: GSL reports them through its error handler, whose default (never changed by NEST) aborts
 * the process; {@link #integrate} returns GSL's status code and leaves result/abserr as GSL does, and
 * the caller decides.
 */
public final class GslQags {
    /** The integrand. */
    public interface Fn {
        double f(double x);
    }

    public static final int GSL_SUCCESS = 0, GSL_EINVAL = 4, GSL_EFAILED = 5, GSL_EMAXITER = 11, GSL_ESING = 21,
            GSL_EROUND = 18, GSL_EBADTOL = 13, GSL_EDIVERGE = 22;

    private static final double DBL_EPSILON = 2.2204460492503131e-16;
    private static final double DBL_MIN = 2.2250738585072014e-308;
    private static final double DBL_MAX = Double.MAX_VALUE;

    // qk21.c: Gauss-Kronrod 21-point abscissae and weights (L. W. Fullerton, Bell Labs, 1981)
    private static final double[] XGK = {
        0.995657163025808080735527280689003, 0.973906528517171720077964012084452,
        0.930157491355708226001207180059508, 0.865063366688984510732096688423493,
        0.780817726586416897063717578345042, 0.679409568299024406234327365114874,
        0.562757134668604683339000099272694, 0.433395394129247190799265943165784,
        0.294392862701460198131126603103866, 0.148874338981631210884826001129720,
        0.000000000000000000000000000000000};
    private static final double[] WG = {
        0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
        0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
        0.295524224714752870173892994651338};
    private static final double[] WGK = {
        0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
        0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
        0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
        0.123491976262065851077958109831074, 0.134709217311473325928054001771707,
        0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
        0.149445554002916905664936468389821};

    // the workspace
    private final int limit;
    private int size, nrmax, iMax, maximumLevel;
    private final double[] alist, blist, rlist, elist;
    private final int[] order, level;

    // qk scratch and outputs
    private final double[] fv1 = new double[11], fv2 = new double[11];
    private double qRes, qErr, qAbs, qAsc;

    // the extrapolation table (qelg.c)
    private int tn, nres;
    private final double[] rlist2 = new double[52];
    private final double[] res3la = new double[3];
    private double elgResult, elgAbserr;

    /** result and abserr of the last {@link #integrate} call */
    public double result, abserr;

    /** A workspace for at most n subintervals ({@code gsl_integration_workspace_alloc(n)}). */
    public GslQags(int n) {
        limit = n;
        alist = new double[n];
        blist = new double[n];
        rlist = new double[n];
        elist = new double[n];
        order = new int[n];
        level = new int[n];
    }

    // ---------------------------------------------------------------- qk.c with the 21-point rule

    private void qk21(Fn f, double a, double b) {
        final int n = 11;
        final double center = 0.5 * (a + b);
        final double halfLength = 0.5 * (b - a);
        final double absHalfLength = Math.abs(halfLength);
        final double fCenter = f.f(center);
        double resultGauss = 0;
        double resultKronrod = fCenter * WGK[n - 1];
        double resultAbs = Math.abs(resultKronrod);
        double resultAsc;
        // n is odd: no Gauss centre term
        for (int j = 0; j < (n - 1) / 2; j++) {
            final int jtw = j * 2 + 1;
            final double abscissa = halfLength * XGK[jtw];
            final double fval1 = f.f(center - abscissa);
            final double fval2 = f.f(center + abscissa);
            final double fsum = fval1 + fval2;
            fv1[jtw] = fval1;
            fv2[jtw] = fval2;
            resultGauss += WG[j] * fsum;
            resultKronrod += WGK[jtw] * fsum;
            resultAbs += WGK[jtw] * (Math.abs(fval1) + Math.abs(fval2));
        }
        for (int j = 0; j < n / 2; j++) {
            final int jtwm1 = j * 2;
            final double abscissa = halfLength * XGK[jtwm1];
            final double fval1 = f.f(center - abscissa);
            final double fval2 = f.f(center + abscissa);
            fv1[jtwm1] = fval1;
            fv2[jtwm1] = fval2;
            resultKronrod += WGK[jtwm1] * (fval1 + fval2);
            resultAbs += WGK[jtwm1] * (Math.abs(fval1) + Math.abs(fval2));
        }
        final double mean = resultKronrod * 0.5;
        resultAsc = WGK[n - 1] * Math.abs(fCenter - mean);
        for (int j = 0; j < n - 1; j++) {
            resultAsc += WGK[j] * (Math.abs(fv1[j] - mean) + Math.abs(fv2[j] - mean));
        }
        final double err = (resultKronrod - resultGauss) * halfLength;
        resultKronrod *= halfLength;
        resultAbs *= absHalfLength;
        resultAsc *= absHalfLength;
        qRes = resultKronrod;
        qAbs = resultAbs;
        qAsc = resultAsc;
        qErr = rescaleError(err, resultAbs, resultAsc);
    }

    private static double rescaleError(double err, double resultAbs, double resultAsc) {
        err = Math.abs(err);
        if (resultAsc != 0 && err != 0) {
            double scale = GlibcMath.pow((200 * err / resultAsc), 1.5);
            if (scale < 1) err = resultAsc * scale;
            else err = resultAsc;
        }
        if (resultAbs > DBL_MIN / (50 * DBL_EPSILON)) {
            double minErr = 50 * DBL_EPSILON * resultAbs;
            if (minErr > err) err = minErr;
        }
        return err;
    }

    // ---------------------------------------------------------------- workspace helpers

    private void initialise(double a, double b) {
        size = 0;
        nrmax = 0;
        iMax = 0;
        alist[0] = a;
        blist[0] = b;
        rlist[0] = 0.0;
        elist[0] = 0.0;
        order[0] = 0;
        level[0] = 0;
        maximumLevel = 0;
    }

    private void qpsrt() {
        final int last = size - 1;
        int iNrmax = nrmax;
        int iMaxerr = order[iNrmax];
        if (last < 2) {
            order[0] = 0;
            order[1] = 1;
            iMax = iMaxerr;
            return;
        }
        final double errmax = elist[iMaxerr];
        while (iNrmax > 0 && errmax > elist[order[iNrmax - 1]]) {
            order[iNrmax] = order[iNrmax - 1];
            iNrmax--;
        }
        int top;
        if (last < (limit / 2 + 2)) top = last;
        else top = limit - last + 1;
        int i = iNrmax + 1;
        while (i < top && errmax < elist[order[i]]) {
            order[i - 1] = order[i];
            i++;
        }
        order[i - 1] = iMaxerr;
        final double errmin = elist[last];
        int k = top - 1;
        while (k > i - 2 && errmin >= elist[order[k]]) {
            order[k + 1] = order[k];
            k--;
        }
        order[k + 1] = last;
        iMaxerr = order[iNrmax];
        iMax = iMaxerr;
        nrmax = iNrmax;
    }

    private void update(double a1, double b1, double area1, double error1, double a2, double b2, double area2,
            double error2) {
        final int im = iMax;
        final int iNew = size;
        final int newLevel = level[im] + 1;
        if (error2 > error1) {
            alist[im] = a2;
            rlist[im] = area2;
            elist[im] = error2;
            level[im] = newLevel;
            alist[iNew] = a1;
            blist[iNew] = b1;
            rlist[iNew] = area1;
            elist[iNew] = error1;
            level[iNew] = newLevel;
        } else {
            blist[im] = b1;
            rlist[im] = area1;
            elist[im] = error1;
            level[im] = newLevel;
            alist[iNew] = a2;
            blist[iNew] = b2;
            rlist[iNew] = area2;
            elist[iNew] = error2;
            level[iNew] = newLevel;
        }
        size++;
        if (newLevel > maximumLevel) maximumLevel = newLevel;
        qpsrt();
    }

    private double sumResults() {
        double s = 0;
        for (int k = 0; k < size; k++) s += rlist[k];
        return s;
    }

    private static boolean subintervalTooSmall(double a1, double a2, double b2) {
        final double tmp = (1 + 100 * DBL_EPSILON) * (Math.abs(a2) + 1000 * DBL_MIN);
        return Math.abs(a1) <= tmp && Math.abs(b2) <= tmp;
    }

    private boolean increaseNrmax() {
        final int id = nrmax;
        final int last = size - 1;
        int jupbnd;
        if (last > (1 + limit / 2)) jupbnd = limit + 1 - last;
        else jupbnd = last;
        for (int k = id; k <= jupbnd; k++) {
            int im = order[nrmax];
            iMax = im;
            if (level[im] < maximumLevel) return true;
            nrmax++;
        }
        return false;
    }

    private boolean largeInterval() {
        return level[iMax] < maximumLevel;
    }

    private void resetNrmax() {
        nrmax = 0;
        iMax = order[0];
    }

    // ---------------------------------------------------------------- qelg.c

    private void appendTable(double y) {
        rlist2[tn] = y;
        tn++;
    }

    private void qelg() {
        final double[] epstab = rlist2;
        final int n = tn - 1;
        final double current = epstab[n];
        double absolute = DBL_MAX;
        double relative = 5 * DBL_EPSILON * Math.abs(current);
        final int newelm = n / 2;
        final int nOrig = n;
        int nFinal = n;
        final int nresOrig = nres;
        double result = current;
        double abserr = DBL_MAX;
        if (n < 2) {
            elgResult = current;
            elgAbserr = Math.max(absolute, relative);
            return;
        }
        epstab[n + 2] = epstab[n];
        epstab[n] = DBL_MAX;
        for (int i = 0; i < newelm; i++) {
            double res = epstab[n - 2 * i + 2];
            final double e0 = epstab[n - 2 * i - 2];
            final double e1 = epstab[n - 2 * i - 1];
            final double e2 = res;
            final double e1abs = Math.abs(e1);
            final double delta2 = e2 - e1;
            final double err2 = Math.abs(delta2);
            final double tol2 = Math.max(Math.abs(e2), e1abs) * DBL_EPSILON;
            final double delta3 = e1 - e0;
            final double err3 = Math.abs(delta3);
            final double tol3 = Math.max(e1abs, Math.abs(e0)) * DBL_EPSILON;
            if (err2 <= tol2 && err3 <= tol3) {
                result = res;
                absolute = err2 + err3;
                relative = 5 * DBL_EPSILON * Math.abs(res);
                elgResult = result;
                elgAbserr = Math.max(absolute, relative);
                return;
            }
            final double e3 = epstab[n - 2 * i];
            epstab[n - 2 * i] = e1;
            final double delta1 = e1 - e3;
            final double err1 = Math.abs(delta1);
            final double tol1 = Math.max(e1abs, Math.abs(e3)) * DBL_EPSILON;
            if (err1 <= tol1 || err2 <= tol2 || err3 <= tol3) {
                nFinal = 2 * i;
                break;
            }
            final double ss = (1 / delta1 + 1 / delta2) - 1 / delta3;
            if (Math.abs(ss * e1) <= 0.0001) {
                nFinal = 2 * i;
                break;
            }
            res = e1 + 1 / ss;
            epstab[n - 2 * i] = res;
            final double error = err2 + Math.abs(res - e2) + err3;
            if (error <= abserr) {
                abserr = error;
                result = res;
            }
        }
        final int limexp = 50 - 1;
        if (nFinal == limexp) nFinal = 2 * (limexp / 2);
        if (nOrig % 2 == 1) {
            for (int i = 0; i <= newelm; i++) epstab[1 + i * 2] = epstab[i * 2 + 3];
        } else {
            for (int i = 0; i <= newelm; i++) epstab[i * 2] = epstab[i * 2 + 2];
        }
        if (nOrig != nFinal) {
            for (int i = 0; i <= nFinal; i++) epstab[i] = epstab[nOrig - nFinal + i];
        }
        tn = nFinal + 1;
        if (nresOrig < 3) {
            res3la[nresOrig] = result;
            abserr = DBL_MAX;
        } else {
            abserr = Math.abs(result - res3la[2]) + Math.abs(result - res3la[1]) + Math.abs(result - res3la[0]);
            res3la[0] = res3la[1];
            res3la[1] = res3la[2];
            res3la[2] = result;
        }
        nres = nresOrig + 1;
        abserr = Math.max(abserr, 5 * DBL_EPSILON * Math.abs(result));
        elgResult = result;
        elgAbserr = abserr;
    }

    // ---------------------------------------------------------------- qags.c

    /**
     * {@code gsl_integration_qags(f, a, b, epsabs, epsrel, lim, w, &result, &abserr)}: returns GSL's status
     * and sets {@link #result} and {@link #abserr}.
     */
    public int integrate(Fn f, double a, double b, double epsabs, double epsrel, int lim) {
        double area, errsum;
        double resExt, errExt;
        double result0, abserr0, resabs0, resasc0;
        double tolerance;
        double ertest = 0;
        double errorOverLargeIntervals = 0;
        double reseps = 0, abseps = 0, correc = 0;
        int ktmin = 0;
        int roundoffType1 = 0, roundoffType2 = 0, roundoffType3 = 0;
        int errorType = 0, errorType2 = 0;
        int iteration;
        boolean positiveIntegrand;
        boolean extrapolate = false;
        boolean disallowExtrapolation = false;

        initialise(a, b);
        result = 0;
        abserr = 0;
        if (lim > limit) return GSL_EINVAL;
        if (epsabs <= 0 && (epsrel < 50 * DBL_EPSILON || epsrel < 0.5e-28)) return GSL_EBADTOL;

        qk21(f, a, b);
        result0 = qRes;
        abserr0 = qErr;
        resabs0 = qAbs;
        resasc0 = qAsc;
        size = 1;
        rlist[0] = result0;
        elist[0] = abserr0;
        tolerance = Math.max(epsabs, epsrel * Math.abs(result0));
        if (abserr0 <= 100 * DBL_EPSILON * resabs0 && abserr0 > tolerance) {
            result = result0;
            abserr = abserr0;
            return GSL_EROUND;
        } else if ((abserr0 <= tolerance && abserr0 != resasc0) || abserr0 == 0.0) {
            result = result0;
            abserr = abserr0;
            return GSL_SUCCESS;
        } else if (lim == 1) {
            result = result0;
            abserr = abserr0;
            return GSL_EMAXITER;
        }

        tn = 0;
        nres = 0;
        appendTable(result0);
        area = result0;
        errsum = abserr0;
        resExt = result0;
        errExt = DBL_MAX;
        positiveIntegrand = Math.abs(result0) >= (1 - 50 * DBL_EPSILON) * resabs0;
        iteration = 1;

        boolean computeResult = false;
        do {
            final int im = iMax;
            final double aI = alist[im], bI = blist[im], rI = rlist[im], eI = elist[im];
            final int currentLevel = level[im] + 1;
            final double a1 = aI;
            final double b1 = 0.5 * (aI + bI);
            final double a2 = b1;
            final double b2 = bI;
            iteration++;
            qk21(f, a1, b1);
            final double area1 = qRes, error1 = qErr, resasc1 = qAsc;
            qk21(f, a2, b2);
            final double area2 = qRes, error2 = qErr, resasc2 = qAsc;
            final double area12 = area1 + area2;
            final double error12 = error1 + error2;
            final double lastEI = eI;

            errsum = errsum + error12 - eI;
            area = area + area12 - rI;
            tolerance = Math.max(epsabs, epsrel * Math.abs(area));

            if (resasc1 != error1 && resasc2 != error2) {
                final double delta = rI - area12;
                if (Math.abs(delta) <= 1.0e-5 * Math.abs(area12) && error12 >= 0.99 * eI) {
                    if (!extrapolate) roundoffType1++;
                    else roundoffType2++;
                }
                if (iteration > 10 && error12 > eI) roundoffType3++;
            }
            if (roundoffType1 + roundoffType2 >= 10 || roundoffType3 >= 20) errorType = 2;
            if (roundoffType2 >= 5) errorType2 = 1;
            if (subintervalTooSmall(a1, a2, b2)) errorType = 4;

            update(a1, b1, area1, error1, a2, b2, area2, error2);

            if (errsum <= tolerance) {
                computeResult = true;
                break;
            }
            if (errorType != 0) break;
            if (iteration >= lim - 1) {
                errorType = 1;
                break;
            }
            if (iteration == 2) {
                errorOverLargeIntervals = errsum;
                ertest = tolerance;
                appendTable(area);
                continue;
            }
            if (disallowExtrapolation) continue;
            errorOverLargeIntervals += -lastEI;
            if (currentLevel < maximumLevel) errorOverLargeIntervals += error12;
            if (!extrapolate) {
                if (largeInterval()) continue;
                extrapolate = true;
                nrmax = 1;
            }
            if (errorType2 == 0 && errorOverLargeIntervals > ertest) {
                if (increaseNrmax()) continue;
            }
            appendTable(area);
            qelg();
            reseps = elgResult;
            abseps = elgAbserr;
            ktmin++;
            if (ktmin > 5 && errExt < 0.001 * errsum) errorType = 5;
            if (abseps < errExt) {
                ktmin = 0;
                errExt = abseps;
                resExt = reseps;
                correc = errorOverLargeIntervals;
                ertest = Math.max(epsabs, epsrel * Math.abs(reseps));
                if (errExt <= ertest) break;
            }
            if (tn == 1) disallowExtrapolation = true;
            if (errorType == 5) break;
            resetNrmax();
            extrapolate = false;
            errorOverLargeIntervals = errsum;
        } while (iteration < lim);

        if (!computeResult) {
            result = resExt;
            abserr = errExt;
            boolean returnError = false;
            if (errExt == DBL_MAX) {
                computeResult = true;
            } else {
                if (errorType != 0 || errorType2 != 0) {
                    if (errorType2 != 0) errExt += correc;
                    if (errorType == 0) errorType = 3;
                    if (resExt != 0.0 && area != 0.0) {
                        if (errExt / Math.abs(resExt) > errsum / Math.abs(area)) computeResult = true;
                    } else if (errExt > errsum) {
                        computeResult = true;
                    } else if (area == 0.0) {
                        returnError = true;
                    }
                }
                if (!computeResult && !returnError) {
                    final double maxArea = Math.max(Math.abs(resExt), Math.abs(area));
                    if (!(!positiveIntegrand && maxArea < 0.01 * resabs0)) {
                        final double ratio = resExt / area;
                        if (ratio < 0.01 || ratio > 100.0 || errsum > Math.abs(area)) errorType = 6;
                    }
                }
            }
        }
        if (computeResult) {
            result = sumResults();
            abserr = errsum;
        }
        if (errorType > 2) errorType--;
        switch (errorType) {
            case 0: return GSL_SUCCESS;
            case 1: return GSL_EMAXITER;
            case 2: return GSL_EROUND;
            case 3: return GSL_ESING;
            case 4: return GSL_EROUND;
            case 5: return GSL_EDIVERGE;
            default: return GSL_EFAILED;
        }
    }

    /** GSL's error text for a status returned by {@link #integrate}. */
    public static String message(int status) {
        switch (status) {
            case GSL_SUCCESS: return "success";
            case GSL_EINVAL: return "iteration limit exceeds available workspace";
            case GSL_EBADTOL: return "tolerance cannot be achieved with given epsabs and epsrel";
            case GSL_EMAXITER: return "number of iterations was insufficient";
            case GSL_EROUND: return "cannot reach tolerance because of roundoff error";
            case GSL_ESING: return "bad integrand behavior found in the integration interval";
            case GSL_EDIVERGE: return "integral is divergent, or slowly convergent";
            default: return "could not integrate function";
        }
    }
}
