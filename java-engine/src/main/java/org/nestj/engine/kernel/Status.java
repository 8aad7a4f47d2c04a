package org.nestj.engine.kernel;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nestj.engine.NestException;

/**
 * A status dictionary being applied to a node, model or the kernel. Every read marks its key as
 * accessed; {@link #checkAllAccessed(String)} then raises NEST's UnaccessedDictionaryEntry for keys
 * nobody read, so a misspelt key is never silently ignored. Values arrive from the bridge as
 * Double, Long, Boolean, String, double[], long[], String[], List or Map.
 */
public final class Status {
    private final Map<String, Object> d;
    private final Set<String> accessed = new HashSet<>();
    private final String owner;

    public Status(Map<String, Object> d, String owner) {
        this.d = d;
        this.owner = owner;
    }

    public Map<String, Object> map() {
        return d;
    }

    public boolean has(String k) {
        return d.containsKey(k);
    }

    public void markAccessed(String k) {
        accessed.add(k);
    }

    public Object raw(String k) {
        accessed.add(k);
        return d.get(k);
    }

    private NestException typeMismatch(String k, String expected, Object v) {
        return new NestException("TypeMismatch", owner + ": parameter '" + k + "' expects " + expected + ", got "
                + (v == null ? "None" : describe(v)) + ".");
    }

    private static String describe(Object v) {
        if (v instanceof double[]) return "a list of doubles";
        if (v instanceof long[]) return "a list of integers";
        if (v instanceof String[]) return "a list of strings";
        if (v instanceof List) return "a list";
        if (v instanceof Map) return "a dictionary";
        return v.getClass().getSimpleName() + " " + v;
    }

    public static double toDouble(Object v) {
        if (v instanceof Double) return (Double) v;
        if (v instanceof Number && !(v instanceof Double)) return ((Number) v).doubleValue();
        throw new ClassCastException();
    }

    /** Returns the new value if the key is present, otherwise {@code cur}. */
    public double d(String k, double cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof Number) return ((Number) v).doubleValue();
        if (v instanceof Boolean) throw typeMismatch(k, "a double", v);
        throw typeMismatch(k, "a double", v);
    }

    public long l(String k, long cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw typeMismatch(k, "an integer", v);
    }

    public int i(String k, int cur) {
        return (int) l(k, cur);
    }

    public boolean b(String k, boolean cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof Boolean) return (Boolean) v;
        if (v instanceof Long || v instanceof Integer) return ((Number) v).longValue() != 0;
        throw typeMismatch(k, "a boolean", v);
    }

    public String s(String k, String cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof String) return (String) v;
        throw typeMismatch(k, "a string", v);
    }

    public double[] da(String k, double[] cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        return toDoubleArray(k, d.get(k));
    }

    public double[] toDoubleArray(String k, Object v) {
        if (v instanceof double[]) return ((double[]) v).clone();
        if (v instanceof long[]) {
            long[] a = (long[]) v;
            double[] r = new double[a.length];
            for (int j = 0; j < a.length; j++) r[j] = a[j];
            return r;
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            double[] r = new double[l.size()];
            for (int j = 0; j < r.length; j++) {
                Object o = l.get(j);
                if (!(o instanceof Number)) throw typeMismatch(k, "a list of doubles", v);
                r[j] = ((Number) o).doubleValue();
            }
            return r;
        }
        if (v instanceof Number) return new double[] {((Number) v).doubleValue()};
        throw typeMismatch(k, "a list of doubles", v);
    }

    public long[] la(String k, long[] cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof long[]) return ((long[]) v).clone();
        if (v instanceof double[]) {
            double[] a = (double[]) v;
            long[] r = new long[a.length];
            for (int j = 0; j < a.length; j++) {
                if (a[j] != Math.rint(a[j])) throw typeMismatch(k, "a list of integers", v);
                r[j] = (long) a[j];
            }
            return r;
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            long[] r = new long[l.size()];
            for (int j = 0; j < r.length; j++) {
                Object o = l.get(j);
                if (!(o instanceof Number)) throw typeMismatch(k, "a list of integers", v);
                r[j] = ((Number) o).longValue();
            }
            return r;
        }
        throw typeMismatch(k, "a list of integers", v);
    }

    public String[] sa(String k, String[] cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof String[]) return ((String[]) v).clone();
        if (v instanceof String) return new String[] {(String) v};
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            String[] r = new String[l.size()];
            for (int j = 0; j < r.length; j++) {
                if (!(l.get(j) instanceof String)) throw typeMismatch(k, "a list of strings", v);
                r[j] = (String) l.get(j);
            }
            return r;
        }
        if (v instanceof double[] && ((double[]) v).length == 0) return new String[0];
        if (v instanceof long[] && ((long[]) v).length == 0) return new String[0];
        throw typeMismatch(k, "a list of strings", v);
    }

    /** Raises UnaccessedDictionaryEntry if any key was not read (NEST's dict_miss_is_error). */
    public void checkAllAccessed() {
        checkAllAccessed("");
    }

    /**
     * As {@link #checkAllAccessed()} for a nested dictionary: NEST's Dictionary::all_accessed names its
     * keys with the path, e.g. "soma::g_L" (prefix "soma::").
     */
    public void checkAllAccessed(String prefix) {
        StringBuilder sb = null;
        for (String k : d.keySet()) {
            if (!accessed.contains(k)) {
                if (sb == null) sb = new StringBuilder();
                sb.append(' ').append(prefix).append(k);
            }
        }
        if (sb != null) throw unusedItems(sb.toString());
    }

    /**
     * NEST 3.9's UnaccessedDictionaryEntry: "Unused dictionary items: " and the keys, each after a
     * space (so two spaces before the first), as SLI's dictionary lists them.
     */
    public static NestException unusedItems(String missed) {
        return new NestException("UnaccessedDictionaryEntry", "Unused dictionary items: " + missed);
    }
}
