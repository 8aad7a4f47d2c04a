package org.nestj.engine;

/**
 * An error with NEST's name (e.g. "BadProperty", "UnknownModelName") and a message that names
 * the model, node and key concerned. The bridge maps {@link #getErrorName()} to the Python class
 * {@code nest.NESTErrors.<name>}.
 */
public class NestException extends RuntimeException {
    private final String errorName;

    public NestException(String errorName, String message) {
        super(message);
        this.errorName = errorName;
    }

    public String getErrorName() {
        return errorName;
    }

    public static NestException badProperty(String msg) {
        return new NestException("BadProperty", msg);
    }

    public static NestException badParameter(String msg) {
        return new NestException("BadParameter", msg);
    }

    public static NestException kernel(String msg) {
        return new NestException("KernelException", msg);
    }

    public static NestException badDelay(double delay, String msg) {
        return new NestException("BadDelay", "Delay value " + ostream(delay) + " is invalid: " + msg);
    }

    /**
     * A double as C++'s ostream prints it with setprecision(p) (%g style: p significant digits of the
     * exact binary value, trailing zeros dropped, scientific below 1e-4 or from 10^p on, as %g).
     */
    public static String ostream(double v, int p) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= p) {
            java.math.BigDecimal m = b.movePointLeft(exp).stripTrailingZeros();
            return m.toPlainString() + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return b.stripTrailingZeros().toPlainString();
    }

    /** A double as C++'s ostream prints it by default in NEST's messages (precision 6: 0, 1.5, 1e-05). */
    public static String ostream(double v) {
        return ostream(v, 6);
    }

    public static NestException illegalConnection(String msg) {
        return new NestException("IllegalConnection", msg);
    }

    /** NEST's IllegalConnection with a reason: "Creation of connection is not possible because:\n" and it. */
    public static NestException cannotConnect(String reason) {
        return illegalConnection("Creation of connection is not possible because:\n" + reason);
    }
}
