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

    /** A double as C++'s ostream prints it by default in NEST's messages (6 significant digits, no trailing zeros: 0, 1.5, 1e-05). */
    public static String ostream(double v) {
        String r = String.format(java.util.Locale.ROOT, "%.6g", v);
        if (r.contains("e")) {
            String[] p = r.split("e");
            String m = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            int ex = Integer.parseInt(p[1]);
            return m + "e" + (ex < 0 ? "-" : "+") + (Math.abs(ex) < 10 ? "0" : "") + Math.abs(ex);
        }
        return r.contains(".") ? r.replaceAll("0+$", "").replaceAll("\\.$", "") : r;
    }

    public static NestException illegalConnection(String msg) {
        return new NestException("IllegalConnection", msg);
    }
}
