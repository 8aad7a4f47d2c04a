package org.nestj.bridge;

/** The one exception type that crosses into Python: NEST's error name plus a message. */
public final class BridgeError extends RuntimeException {
    private final String errorName;

    public BridgeError(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }

    public String getErrorName() {
        return errorName;
    }
}
