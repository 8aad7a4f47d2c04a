package org.nestj.engine;

/**
 * The engine's messages (NEST's LOG(level, sender, text)), shown on stderr when their level is at
 * least the verbosity set by PyNEST's set_verbosity (M_ALL 0, M_DEBUG 5, M_STATUS 7, M_INFO 10,
 * M_DEPRECATED 18, M_WARNING 20, M_ERROR 30, M_FATAL 40, M_QUIET 100; default M_INFO). As in NEST
 * the verbosity belongs to the process, not to the kernel: ResetKernel keeps it.
 */
public final class Log {
    public static final int M_WARNING = 20, M_ERROR = 30;
    private static volatile int verbosity = 10;

    private Log() {
    }

    public static void setVerbosity(int level) {
        verbosity = level;
    }

    public static int verbosity() {
        return verbosity;
    }

    /** "sender [Warning]: text" if warnings are shown. */
    public static void warning(String sender, String text) {
        if (M_WARNING >= verbosity) System.err.println(sender + " [Warning]: " + text);
    }

    /** "sender [Error]: text" if errors are shown. */
    public static void error(String sender, String text) {
        if (M_ERROR >= verbosity) System.err.println(sender + " [Error]: " + text);
    }
}
