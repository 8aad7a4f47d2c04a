package org.nestj.bridge;

import java.util.List;
import java.util.Map;

/**
 * Nested status values (maps, lists, arrays, scalars) as one JSON text, so that the Python side converts
 * them with one call and the json module instead of one JPype call per element. Doubles are written
 * with Double.toString (always with a '.' or an exponent, so they stay floats; the text reads back to
 * the same double), NaN and infinities as Python's json writes them. Primitive and String arrays become
 * one-key objects whose key starts with a NUL character ("\u0000f": double[], "\u0000l": long[],
 * "\u0000i": int[], "\u0000s": String[]), which the Python side turns into numpy arrays and tuples as
 * it does for arrays that cross JPype. Primitive arrays longer than {@link #INLINE} elements (recorded
 * events, ...) stay Java arrays: the text holds {"\u0000r": k}, the k-th of the arrays returned beside it,
 * which cross JPype as one buffer each. A value of any other type makes {@link #encode} return null
 * (the caller then converts element by element).
 */
public final class Json {
    private Json() {
    }

    /** primitive arrays up to this length are written into the text */
    static final int INLINE = 64;

    /**
     * {JSON text of o, Object[] of the long primitive arrays it refers to}, or null if o holds a value
     * this encoding does not cover.
     */
    public static Object[] encode(Object o) {
        StringBuilder sb = new StringBuilder(256);
        java.util.ArrayList<Object> refs = new java.util.ArrayList<>();
        return write(sb, o, refs) ? new Object[] {sb.toString(), refs.toArray()} : null;
    }

    private static boolean ref(StringBuilder sb, Object array, java.util.List<Object> refs) {
        sb.append("{\"\\u0000r\":").append(refs.size()).append('}');
        refs.add(array);
        return true;
    }

    private static boolean write(StringBuilder sb, Object o, java.util.List<Object> refs) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof String) {
            string(sb, (String) o);
        } else if (o instanceof Boolean) {
            sb.append(((Boolean) o) ? "true" : "false");
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            sb.append(((Number) o).longValue());
        } else if (o instanceof Double) {
            number(sb, (Double) o);
        } else if (o instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                if (!write(sb, e.getValue(), refs)) return false;
            }
            sb.append('}');
        } else if (o instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object x : (List<?>) o) {
                if (!first) sb.append(',');
                first = false;
                if (!write(sb, x, refs)) return false;
            }
            sb.append(']');
        } else if (o instanceof double[] && ((double[]) o).length > INLINE
                || o instanceof long[] && ((long[]) o).length > INLINE || o instanceof int[] && ((int[]) o).length > INLINE) {
            return ref(sb, o, refs);
        } else if (o instanceof double[]) {
            double[] a = (double[]) o;
            sb.append("{\"\\u0000f\":[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                number(sb, a[i]);
            }
            sb.append("]}");
        } else if (o instanceof long[]) {
            long[] a = (long[]) o;
            sb.append("{\"\\u0000l\":[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(a[i]);
            }
            sb.append("]}");
        } else if (o instanceof int[]) {
            int[] a = (int[]) o;
            sb.append("{\"\\u0000i\":[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                sb.append(a[i]);
            }
            sb.append("]}");
        } else if (o instanceof String[]) {
            String[] a = (String[]) o;
            sb.append("{\"\\u0000s\":[");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                if (a[i] == null) return false;
                string(sb, a[i]);
            }
            sb.append("]}");
        } else if (o instanceof Object[]) {
            Object[] a = (Object[]) o;
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(',');
                if (!write(sb, a[i], refs)) return false;
            }
            sb.append(']');
        } else {
            return false;
        }
        return true;
    }

    private static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d)) sb.append("NaN");
        else if (d == Double.POSITIVE_INFINITY) sb.append("Infinity");
        else if (d == Double.NEGATIVE_INFINITY) sb.append("-Infinity");
        else sb.append(Double.toString(d));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                default:
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
