package org.nestj.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's messages (NEST's LOG(level, sender, text)), kept when their level is at least the
 * verbosity set by PyNEST's set_verbosity (M_ALL 0, M_DEBUG 5, M_STATUS 7, M_INFO 10,
 * M_PROGRESS 15, M_DEPRECATED 18, M_WARNING 20, M_ERROR 30, M_FATAL 40, M_QUIET 100; default
 * M_INFO), in the form NEST's SLI interpreter prints them ({@link #format}). The Python side takes
 * them after each call ({@link #drain}) and prints them, so that they come in order with the
 * script's own output; a run with print_time prints those it has before its progress line
 * ({@link #printPending}), as NEST does. As in NEST the verbosity belongs to the process, not to
 * the kernel: ResetKernel keeps it.
 */
public final class Log {
    public static final int M_INFO = 10, M_DEPRECATED = 18, M_WARNING = 20, M_ERROR = 30;
    private static volatile int verbosity = M_INFO;
    /** messages not taken yet, formatted */
    private static final List<String> pending = new ArrayList<>();
    /** messages kept at most while nobody takes them (an engine used without the Python side) */
    private static final int MAX_PENDING = 10000;

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
        String m = format(levelName(level), from, text, System.currentTimeMillis());
        synchronized (pending) {
            if (pending.size() < MAX_PENDING) pending.add(m);
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

    /** The messages kept since the last call, formatted, and forgets them. */
    public static String[] drain() {
        synchronized (pending) {
            String[] r = pending.toArray(new String[0]);
            pending.clear();
            return r;
        }
    }

    /** Prints the messages kept so far on out (a run with print_time, before its progress line). */
    public static void printPending(java.io.PrintStream out) {
        for (String m : drain()) out.print(m);
        out.flush();
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ROOT);

    /**
     * A message as SLIInterpreter::message prints it: a line break, "time sender [level]: ", then,
     * if there is a text, its lines indented by four spaces and wrapped at the width COLUMNS gives
     * (the environment the JVM started with)
     * (else 78 columns; at least 12) without splitting words, with NEST's rules (a space at the very
     * end of a line is left out; a line break inside the text starts a new indented line, one at its
     * end is printed as it is; the next break point is the next space or the text's first line
     * break, whichever comes first), and a final line break.
     */
    public static String format(String levelName, String from, String text, long epochMillis) {
        return format(levelName, from, text, epochMillis, System.getenv("COLUMNS"));
    }

    /** As above, with the value of COLUMNS given (null: not set). */
    public static String format(String levelName, String from, String text, long epochMillis, String columns) {
        final String stamp = STAMP.format(java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneId.systemDefault()));
        final int indent = 4;
        int maxWidth = 78;
        if (columns != null) maxWidth = atoi(columns);
        if (maxWidth < 3 * indent) maxWidth = 3 * indent;
        final int width = maxWidth - indent;
        final String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder();
        out.append('\n').append(stamp).append(' ').append(from).append(" [").append(levelName).append("]: ");
        final int n = text.length();
        if (n != 0) out.append('\n').append(pad);
        final int firstBreak = text.indexOf('\n');
        int pos = 0;
        for (int i = 0; i < n; i++) {
            final char c = text.charAt(i);
            if (c == '\n' && i != n - 1) {
                out.append('\n').append(pad);
                pos = 0;
                continue;
            }
            final int sp = text.indexOf(' ', i);
            int space = sp < 0 ? firstBreak : firstBreak < 0 ? sp : Math.min(sp, firstBreak);
            if (space < 0) space = n;
            if (i != 0 && text.charAt(i - 1) == ' ' && space - i > width - pos) {
                out.append('\n').append(pad);
                pos = 0;
            }
            if (!(width - pos == 0 && c == ' ')) out.append(c);
            pos++;
        }
        return out.append('\n').toString();
    }

    /** C's atoi: the leading integer of s (after white space), 0 if there is none. */
    public static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) v = v * 10 + (s.charAt(i++) - '0');
        return (int) (neg ? -v : Math.min(v, Integer.MAX_VALUE));
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
