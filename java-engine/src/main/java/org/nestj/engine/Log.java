package org.nestj.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's messages (NEST's LOG(level, sender, text)), kept when their level is at least the
 * verbosity set by PyNEST's set_verbosity (M_ALL 0, M_DEBUG 5, M_STATUS 7, M_INFO 10,
 * M_PROGRESS 15, M_DEPRECATED 18, M_WARNING 20, M_ERROR 30, M_FATAL 40, M_QUIET 100; default
 * M_INFO). The Python side takes them after each call ({@link #drain}) and prints them as NEST's
 * SLI interpreter does (SLIInterpreter::message: time, sender, level, the text indented and
 * wrapped), so that they come in order with the script's own output. As in NEST the verbosity
 * belongs to the process, not to the kernel: ResetKernel keeps it.
 */
public final class Log {
    public static final int M_INFO = 10, M_DEPRECATED = 18, M_WARNING = 20, M_ERROR = 30;
    private static volatile int verbosity = M_INFO;
    /** messages not taken yet: level name, sender, text */
    private static final List<String> pending = new ArrayList<>();
    /** messages kept at most while nobody takes them (an engine used without the Python side) */
    private static final int MAX_PENDING = 3 * 10000;

    private Log() {
    }

    public static void setVerbosity(int level) {
        verbosity = level;
    }

    public static int verbosity() {
        return verbosity;
    }

    /** NEST's LOG(level, from, text): kept if level is at least the verbosity. */
    public static void message(int level, String from, String text) {
        if (level < verbosity) return;
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) return;
            pending.add(levelName(level));
            pending.add(from);
            pending.add(text);
        }
    }

    public static void info(String from, String text) {
        message(M_INFO, from, text);
    }

    public static void warning(String from, String text) {
        message(M_WARNING, from, text);
    }

    public static void error(String from, String text) {
        message(M_ERROR, from, text);
    }

    /** The messages kept since the last call, as (level name, sender, text) triples, and forgets them. */
    public static String[] drain() {
        synchronized (pending) {
            String[] r = pending.toArray(new String[0]);
            pending.clear();
            return r;
        }
    }

    /** The level names of SLIInterpreter::message. */
    static String levelName(int level) {
        if (level >= 40) return "Fatal";
        if (level >= M_ERROR) return "Error";
        if (level >= M_WARNING) return "Warning";
        if (level >= M_DEPRECATED) return "Deprecated";
        if (level >= 15) return "Progress";
        if (level >= M_INFO) return "Info";
        if (level >= 7) return "Status";
        if (level >= 5) return "Debug";
        return "All";
    }
}
