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
        return new NestException("BadDelay", "Delay value " + delay + " is invalid: " + msg);
    }

    public static NestException illegalConnection(String msg) {
        return new NestException("IllegalConnection", msg);
    }
}
