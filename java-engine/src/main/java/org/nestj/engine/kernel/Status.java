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

    /**
     * SLI's TypeMismatch as getValue<T> raises it: the expected and the provided SLI type (the type
     * PyNEST gives the Python value: int integertype, float doubletype, bool booltype, str
     * stringtype, list arraytype, dict dictionarytype).
     */
    public static NestException typeMismatch(String expected, Object v) {
        return new NestException("TypeMismatch", "Expected datatype: " + expected + "\nProvided datatype: " + sliType(v));
    }

    /** SLI's type names, as getValue<T> reports them. */
    public static final String DOUBLE = "doubletype", INTEGER = "integertype", BOOL = "booltype",
            STRING = "stringtype, nametype, literaltype, or symboltype", DOUBLE_VECTOR = "doublevectortype or arraytype",
            INT_VECTOR = "intvectortype or arraytype", ARRAY = "arraytype";

    /** The SLI type of the datum PyNEST makes of a value (sequences: arraytype). */
    public static String sliType(Object v) {
        if (v == null) return "nonetype";
        if (v instanceof Boolean) return "booltype";
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return "integertype";
        if (v instanceof Double || v instanceof Float) return "doubletype";
        if (v instanceof String) return "stringtype";
        if (v instanceof Map) return "dictionarytype";
        if (v instanceof List || v instanceof double[] || v instanceof long[] || v instanceof String[] || v instanceof Object[]) {
            return "arraytype";
        }
        return v.getClass().getSimpleName();
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
        throw typeMismatch(DOUBLE, v);
    }

    public long l(String k, long cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw typeMismatch(INTEGER, v);
    }

    public int i(String k, int cur) {
        return (int) l(k, cur);
    }

    public boolean b(String k, boolean cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof Boolean) return (Boolean) v;
        // getValue<bool> takes a BoolDatum only (an integer is a TypeMismatch in NEST)
        throw typeMismatch(BOOL, v);
    }

    public String s(String k, String cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof String) return (String) v;
        throw typeMismatch(STRING, v);
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
                if (!(o instanceof Number) || o instanceof Boolean) throw typeMismatch(DOUBLE, o);
                r[j] = ((Number) o).doubleValue();
            }
            return r;
        }
        if (v instanceof Number) return new double[] {((Number) v).doubleValue()};
        // a list of strings is an array whose elements are no doubles
        if (v instanceof String[] && ((String[]) v).length > 0) throw typeMismatch(DOUBLE, ((String[]) v)[0]);
        throw typeMismatch(DOUBLE_VECTOR, v);
    }

    public long[] la(String k, long[] cur) {
        if (!d.containsKey(k)) return cur;
        accessed.add(k);
        Object v = d.get(k);
        if (v instanceof long[]) return ((long[]) v).clone();
        if (v instanceof double[]) {
            // an array of doubles (an empty list arrives as one): TokenArray::toVector<long> takes
            // integers only
            double[] a = (double[]) v;
            if (a.length > 0) throw typeMismatch(INTEGER, a[0]);
            return new long[0];
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            long[] r = new long[l.size()];
            for (int j = 0; j < r.length; j++) {
                Object o = l.get(j);
                if (!(o instanceof Long || o instanceof Integer)) throw typeMismatch(INTEGER, o);
                r[j] = ((Number) o).longValue();
            }
            return r;
        }
        if (v instanceof String[]) {
            // an array of names: empty, or no integers
            if (((String[]) v).length == 0) return new long[0];
            throw typeMismatch(INTEGER, ((String[]) v)[0]);
        }
        throw typeMismatch(INT_VECTOR, v);
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
                if (!(l.get(j) instanceof String)) throw typeMismatch(STRING, l.get(j));
                r[j] = (String) l.get(j);
            }
            return r;
        }
        if (v instanceof double[] && ((double[]) v).length == 0) return new String[0];
        if (v instanceof long[] && ((long[]) v).length == 0) return new String[0];
        throw typeMismatch(ARRAY, v);
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
