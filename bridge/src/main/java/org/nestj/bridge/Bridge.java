package org.nestj.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.models.Models;

/**
 * The facade the Python package calls: one method per user call, primitive arrays for bulk data,
 * java.util.Map for status dictionaries. It converts and maps errors; it holds no simulation logic.
 * Every engine error leaves as a {@link BridgeError} carrying NEST's error name; any other failure
 * becomes a KernelException with a clear message instead of a raw JVM stack trace.
 */
public final class Bridge {
    private static Kernel kernel = Models.newKernel();

    private Bridge() {
    }

    static <T> T call(Supplier<T> f) {
        try {
            return f.get();
        } catch (NestException e) {
            throw new BridgeError(e.getErrorName(), e.getMessage());
        } catch (BridgeError e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new BridgeError("KernelException", "The JVM ran out of memory: " + e.getMessage()
                    + ". Increase the heap (NESTJ_JVM_OPTS=-Xmx...).");
        } catch (RuntimeException | StackOverflowError e) {
            StackTraceElement[] st = e.getStackTrace();
            String where = st.length > 0 ? " (at " + st[0] + ")" : "";
            throw new BridgeError("KernelException", "Internal error in nestj: " + e + where);
        }
    }

    static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    public static Kernel kernel() {
        return kernel;
    }

    public static String version() {
        return Kernel.VERSION;
    }

    public static void resetKernel() {
        run(() -> kernel.reset());
    }

    // ------------------------------------------------------------------ models

    public static String[] nodeModels() {
        return call(() -> kernel.models.nodeModelNames().toArray(new String[0]));
    }

    public static String[] synapseModels() {
        return call(() -> kernel.models.synapseModelNames().toArray(new String[0]));
    }

    public static Map<String, Object> getDefaults(String model) {
        return call(() -> kernel.models.getDefaults(model));
    }

    public static void setDefaults(String model, Map<String, Object> params) {
        run(() -> kernel.models.setDefaults(model, params));
    }

    public static void copyModel(String old, String neu, Map<String, Object> params) {
        run(() -> kernel.models.copyModel(old, neu, params));
    }

    /** "node", "synapse" or null. */
    public static String modelKind(String name) {
        if (kernel.models.hasNodeModel(name)) return "node";
        if (kernel.connections.hasSynapse(name)) return "synapse";
        return null;
    }

    // ------------------------------------------------------------------ nodes

    /** Creates n nodes; returns the first node id (ids are consecutive). */
    public static long create(String model, long n) {
        return call(() -> {
            if (n > Integer.MAX_VALUE) throw NestException.badProperty("Too many nodes requested at once.");
            return kernel.create(model, (int) n).firstGid;
        });
    }

    public static long networkSize() {
        return kernel.nodes.size();
    }

    /** Applies the same dictionary to every node. */
    public static void setStatus(long[] gids, Map<String, Object> params) {
        run(() -> {
            for (long g : gids) {
                NodeBlock b = kernel.nodes.blockOf(g);
                kernel.setNodeStatus(b, (int) (g - b.firstGid), params);
            }
        });
    }

    /** Applies dictionary i to node i. */
    public static void setStatusEach(long[] gids, Map<String, Object>[] params) {
        run(() -> {
            if (params.length != gids.length) {
                throw NestException.badProperty("The number of status dictionaries (" + params.length
                        + ") does not match the number of nodes (" + gids.length + ").");
            }
            for (int j = 0; j < gids.length; j++) {
                NodeBlock b = kernel.nodes.blockOf(gids[j]);
                kernel.setNodeStatus(b, (int) (gids[j] - b.firstGid), params[j]);
            }
        });
    }

    /** Sets one key to per-node values given as a double array. */
    public static void setValues(long[] gids, String key, double[] values) {
        run(() -> {
            Map<String, Object> d = new LinkedHashMap<>();
            for (int j = 0; j < gids.length; j++) {
                d.put(key, values[j]);
                NodeBlock b = kernel.nodes.blockOf(gids[j]);
                kernel.setNodeStatus(b, (int) (gids[j] - b.firstGid), d);
            }
        });
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object>[] getStatus(long[] gids) {
        return call(() -> {
            Map<String, Object>[] r = new Map[gids.length];
            for (int j = 0; j < gids.length; j++) {
                NodeBlock b = kernel.nodes.blockOf(gids[j]);
                Map<String, Object> d = new java.util.TreeMap<>();
                kernel.nodeStatus(b, (int) (gids[j] - b.firstGid), d);
                r[j] = d;
            }
            return r;
        });
    }

    /**
     * One key for many nodes: a double[] if every value is a double, a long[] if every value is an
     * integer, otherwise an Object[] (null where a node lacks the key, reported by Python as an error).
     */
    public static Object getValues(long[] gids, String key) {
        return call(() -> {
            Object[] vals = new Object[gids.length];
            boolean allD = true, allL = true;
            KeyPick d = new KeyPick(key);
            for (int j = 0; j < gids.length; j++) {
                NodeBlock b = kernel.nodes.blockOf(gids[j]);
                d.clear();
                kernel.nodeStatus(b, (int) (gids[j] - b.firstGid), d);
                if (!d.containsKey(key)) {
                    throw new NestException("KeyError", "Node " + gids[j] + " (" + b.model.name + ") has no property '" + key + "'.");
                }
                Object v = d.get(key);
                vals[j] = v;
                allD &= v instanceof Double;
                allL &= v instanceof Long;
            }
            if (allD && gids.length > 0) {
                double[] r = new double[gids.length];
                for (int j = 0; j < r.length; j++) r[j] = (Double) vals[j];
                return r;
            }
            if (allL && gids.length > 0) {
                long[] r = new long[gids.length];
                for (int j = 0; j < r.length; j++) r[j] = (Long) vals[j];
                return r;
            }
            return vals;
        });
    }

    /**
     * A node's status as a map that keeps the value of one key only: the model writes its whole
     * status, and the other entries are dropped instead of stored (getValues of one key).
     */
    static final class KeyPick extends java.util.AbstractMap<String, Object> {
        private final String key;
        private Object value;
        private boolean has;

        KeyPick(String key) {
            this.key = key;
        }

        @Override
        public Object put(String k, Object v) {
            if (!key.equals(k)) return null;
            Object old = value;
            value = v;
            has = true;
            return old;
        }

        @Override
        public Object get(Object k) {
            return has && key.equals(k) ? value : null;
        }

        @Override
        public boolean containsKey(Object k) {
            return has && key.equals(k);
        }

        @Override
        public Object remove(Object k) {
            if (!containsKey(k)) return null;
            Object old = value;
            clear();
            return old;
        }

        @Override
        public void clear() {
            has = false;
            value = null;
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return has ? java.util.Set.of(new java.util.AbstractMap.SimpleImmutableEntry<>(key, value)) : java.util.Set.of();
        }
    }

    /** Model name per node, for NodeCollection printing and checks. */
    public static String[] modelNames(long[] gids) {
        return call(() -> {
            String[] r = new String[gids.length];
            for (int j = 0; j < gids.length; j++) r[j] = kernel.nodes.blockOf(gids[j]).model.name;
            return r;
        });
    }

    /** Contiguous runs of equal model: [first gid, last gid] pairs and the model names, for printing. */
    public static Object[] blocksOf(long[] gids) {
        return call(() -> {
            List<Long> firsts = new ArrayList<>();
            List<Long> lasts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < gids.length; j++) {
                String m = kernel.nodes.blockOf(gids[j]).model.name;
                if (!names.isEmpty() && names.get(names.size() - 1).equals(m) && lasts.get(lasts.size() - 1) == gids[j] - 1) {
                    lasts.set(lasts.size() - 1, gids[j]);
                } else {
                    firsts.add(gids[j]);
                    lasts.add(gids[j]);
                    names.add(m);
                }
            }
            long[] f = new long[firsts.size()], l = new long[lasts.size()];
            for (int j = 0; j < f.length; j++) {
                f[j] = firsts.get(j);
                l[j] = lasts.get(j);
            }
            return new Object[] {f, l, names.toArray(new String[0])};
        });
    }

    // ------------------------------------------------------------------ connections

    public static void connect(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        run(() -> kernel.connect(pre, post, connSpec, synSpec));
    }

    /** PyNEST's GetConnections. */
    public static Map<String, Object> getConnections(long[] src, long[] tgt, String synModel) {
        return getConnectionsLabel(src, tgt, synModel, -1);
    }

    /** The connections from src to tgt (null: any), without counting as a GetConnections (nestj's own look-ups). */
    public static Map<String, Object> findConnections(long[] src, long[] tgt) {
        return call(() -> kernel.connections.getConnections(src, tgt, -1));
    }

    public static Object getConnValues(int[] stores, int[] idx, String key, long version) {
        return call(() -> kernel.connections.getConnValues(stores, idx, key, version));
    }

    public static void setConnValuesMulti(int[] stores, int[] idx, String[] keys, double[][] values, long version) {
        run(() -> kernel.connections.setConnValues(stores, idx, keys, values, version));
    }

    public static void setConnValues(int[] stores, int[] idx, String key, double[] values, long version) {
        run(() -> kernel.connections.setConnValues(stores, idx, key, values, version));
    }

    public static long connectionVersion() {
        return kernel.connections.version;
    }

    /** PyNEST's set_verbosity: the level from which the engine's messages are shown. */
    public static void setVerbosity(int level) {
        org.nestj.engine.Log.setVerbosity(level);
    }

    /** The engine's messages since the last call, formatted (see Log#drain). */
    public static String[] drainLog() {
        return org.nestj.engine.Log.drain();
    }

    /** One message in the form of NEST's SLI interpreter (see Log#format). */
    public static String formatLogMessage(String levelName, String from, String text, long epochMillis, String columns) {
        return org.nestj.engine.Log.format(levelName, from, text, epochMillis, columns);
    }

    // ------------------------------------------------------------------ simulation

    public static void simulate(double ms) {
        run(() -> kernel.simulate(ms));
    }

    public static void prepare() {
        run(() -> kernel.prepare());
    }

    public static void run(double ms) {
        run(() -> kernel.run(ms));
    }

    public static void enableStructuralPlasticity() {
        run(() -> kernel.enableStructuralPlasticity());
    }

    public static void disableStructuralPlasticity() {
        run(() -> kernel.sp.disable());
    }

    public static void cleanup() {
        run(() -> kernel.cleanup());
    }

    public static Map<String, Object> getKernelStatus() {
        return call(() -> kernel.getKernelStatus());
    }

    /**
     * The entries of the kernel status with the given names (names the status lacks are left out):
     * what GetKernelStatus(keys) and nest.<attribute> read, without converting the whole status.
     */
    public static Map<String, Object> getKernelStatusEntries(String[] keys) {
        return call(() -> {
            Map<String, Object> all = kernel.getKernelStatus();
            Map<String, Object> d = new java.util.LinkedHashMap<>();
            for (String k : keys) {
                if (all.containsKey(k)) d.put(k, all.get(k));
            }
            return d;
        });
    }

    public static void setKernelStatus(Map<String, Object> params) {
        run(() -> kernel.setKernelStatus(params));
    }
    // ------------------------------------------------------------------ connection rules with several syn_specs

    /** Connect with CollocatedSynapses: the rule draws each pair once, every syn_spec connects it. */
    public static void connectCollocated(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object>[] synSpecs) {
        run(() -> kernel.connectCollocated(pre, post, connSpec, java.util.Arrays.asList(synSpecs)));
    }

    /** TripartiteConnect: primary rule with a third-factor rule; syn_specs per projection (CollocatedSynapses). */
    public static void connectTripartite(long[] pre, long[] post, long[] third, Map<String, Object> connSpec,
            Map<String, Object> thirdSpec, Map<String, Object>[] primary, Map<String, Object>[] thirdIn,
            Map<String, Object>[] thirdOut) {
        run(() -> org.nestj.engine.kernel.TripartiteConnect.connect(kernel, pre, post, third, connSpec, thirdSpec,
                java.util.Arrays.asList(primary), java.util.Arrays.asList(thirdIn), java.util.Arrays.asList(thirdOut)));
    }

    // ------------------------------------------------------------------ Parameters (nest.random, nest.math, ...)

    /** CreateParameter(type, spec): a Java Parameter object held by the Python Parameter. */
    public static Object createParameter(String type, Map<String, Object> spec) {
        return call(() -> org.nestj.engine.params.Parameters.create(type, spec));
    }

    /** add, sub, mul, div of two Parameters or numbers. */
    public static Object parameterBinary(String op, Object a, Object b) {
        return call(() -> org.nestj.engine.params.Parameters.binary(op, a, b));
    }

    /** comparator: 0 &lt;, 1 &lt;=, 2 ==, 3 !=, 4 &gt;=, 5 &gt;. */
    public static Object parameterCompare(Object a, Object b, long comparator) {
        return call(() -> org.nestj.engine.params.Parameters.compare(a, b, comparator));
    }

    public static Object parameterConditional(Object c, Object t, Object f) {
        return call(() -> org.nestj.engine.params.Parameters.conditional(c, t, f));
    }

    /** exp, sin, cos, min, max, pow, redraw with their numeric arguments. */
    public static Object parameterFunction(String fn, Object p, double[] args) {
        return call(() -> org.nestj.engine.params.Parameters.function(fn, p, args));
    }

    /** Parameter.GetValue(): one value, drawn from a fresh stream of the kernel. */
    public static double parameterGetValue(Object p) {
        return call(() -> {
            org.nestj.engine.params.Parameter par = org.nestj.engine.params.Parameters.of(p);
            return par.value(new org.nestj.engine.kernel.Rng(kernel.rngSeed(), 3, kernel.paramCalls++), 0L);
        });
    }

    /** One value per node (for Create params and NodeCollection.set), all drawn in one call. */
    public static double[] parameterValues(Object p, long[] gids) {
        return call(() -> {
            org.nestj.engine.params.Parameter par = org.nestj.engine.params.Parameters.of(p);
            for (long g : gids) kernel.nodes.blockOf(g);
            return par.values(new org.nestj.engine.kernel.Rng(kernel.rngSeed(), 3, kernel.paramCalls++), gids,
                    g -> org.nestj.engine.spatial.Spatial.positionOf(kernel, g));
        });
    }

    public static boolean parameterIsSpatial(Object p) {
        return call(() -> org.nestj.engine.params.Parameters.of(p).isSpatial());
    }

    public static boolean parameterReturnsIntOnly(Object p) {
        return call(() -> org.nestj.engine.params.Parameters.of(p).returnsIntOnly());
    }
    /**
     * SetStatus with Parameters: the values of each Parameter are drawn for all nodes (one stream per
     * call, in node order), then node i gets the common entries plus its own drawn values.
     */
    public static void setStatusParameters(long[] gids, Map<String, Object> common, String[] keys, Object[] params) {
        run(() -> {
            org.nestj.engine.kernel.Rng rng = new org.nestj.engine.kernel.Rng(kernel.rngSeed(), 3, kernel.paramCalls++);
            for (long g : gids) kernel.nodes.blockOf(g);
            double[][] cols = new double[keys.length][];
            for (int q = 0; q < keys.length; q++) {
                cols[q] = org.nestj.engine.params.Parameters.of(params[q]).values(rng, gids,
                        g -> org.nestj.engine.spatial.Spatial.positionOf(kernel, g));
            }
            for (int j = 0; j < gids.length; j++) {
                Map<String, Object> d = new LinkedHashMap<>(common == null ? Map.of() : common);
                for (int q = 0; q < keys.length; q++) d.put(keys[q], cols[q][j]);
                NodeBlock b = kernel.nodes.blockOf(gids[j]);
                kernel.setNodeStatus(b, (int) (gids[j] - b.firstGid), d);
            }
        });
    }

    /** Bytes held by the connection tables (for benchmarks: bytes per synapse). */
    public static long connectionBytes() {
        return call(() -> kernel.connections.bytesUsed());
    }

    // ------------------------------------------------------------------ Disconnect, synapse labels

    /** GetConnections with a synapse_label filter (-1: any). */
    public static Map<String, Object> getConnectionsLabel(long[] src, long[] tgt, String synModel, long label) {
        return call(() -> {
            int sid = synModel == null ? -1 : kernel.connections.synapse(synModel).id;
            Map<String, Object> r = kernel.connections.getConnections(src, tgt, sid, label);
            kernel.connections.noteGetConnections();
            return r;
        });
    }

    /** Disconnect(SynapseCollection). */
    public static void disconnectHandles(int[] stores, int[] idx, long version) {
        run(() -> kernel.connections.disconnect(stores, idx, version));
    }

    /** Disconnect(pre, post, conn_spec, syn_spec). */
    public static void disconnect(long[] pre, long[] post, Map<String, Object> connSpec, Map<String, Object> synSpec) {
        run(() -> kernel.connections.disconnect(pre, post, connSpec, synSpec));
    }

    // ------------------------------------------------------------------ spatial (nest.spatial, lib/hl_api_spatial)

    /** Create with positions: nodes and their layer; returns the first node id. */
    public static long createLayer(String model, Map<String, Object> spec) {
        return call(() -> org.nestj.engine.spatial.Spatial.createLayer(kernel, model, spec));
    }

    /** NodeCollection.spatial (GetMetadata); null for nodes without a layer. */
    public static Map<String, Object> spatialMetadata(long[] gids) {
        return call(() -> org.nestj.engine.spatial.Spatial.metadata(kernel, gids));
    }

    public static double[][] getPosition(long[] gids) {
        return call(() -> org.nestj.engine.spatial.Spatial.positions(kernel, gids));
    }

    /** Displacement(from, to): to given as nodes (toGids) or as points (toPoints). */
    public static double[][] displacement(long[] fromGids, long[] toGids, double[][] toPoints) {
        return call(() -> org.nestj.engine.spatial.Spatial.displacement(kernel, fromGids, toGids, toPoints));
    }

    public static double[] distance(long[] fromGids, long[] toGids, double[][] toPoints) {
        return call(() -> org.nestj.engine.spatial.Spatial.distance(kernel, fromGids, toGids, toPoints));
    }

    public static double[] connectionDistance(long[] src, long[] tgt) {
        return call(() -> org.nestj.engine.spatial.Spatial.connectionDistance(kernel, src, tgt));
    }

    public static Object createMask(Map<String, Object> spec) {
        return call(() -> org.nestj.engine.spatial.Mask.create(spec));
    }

    /** and, or, sub of two masks. */
    public static Object maskCombine(Object a, Object b, String op) {
        return call(() -> org.nestj.engine.spatial.Mask.combine(a, b, op));
    }

    public static boolean maskInside(Object m, double[] point) {
        return call(() -> {
            org.nestj.engine.spatial.Mask mask = (org.nestj.engine.spatial.Mask) m;
            if (point.length != mask.dims) throw org.nestj.engine.NestException.badProperty("Point has the wrong number of dimensions.");
            return mask.inside(point);
        });
    }

    public static Map<String, Object> maskDict(Object m) {
        return call(() -> ((org.nestj.engine.spatial.Mask) m).dict());
    }

    public static long[] selectNodesByMask(long[] gids, double[] anchor, Object mask) {
        return call(() -> org.nestj.engine.spatial.Spatial.selectNodesByMask(kernel, gids, anchor, mask));
    }

    /** ConnectLayers (Connect with a mask or spatial Parameters). */
    public static void connectLayers(long[] pre, long[] post, Map<String, Object> projections) {
        run(() -> {
            if (kernel.sim.isPrepared()) {
                throw NestException.kernel("Connect cannot be called between Prepare and Cleanup (inside RunManager).");
            }
            org.nestj.engine.spatial.Spatial.connectLayers(kernel, pre, post, projections);
        });
    }

    /** dimension2d / dimension3d of Parameters (free layer positions). */
    public static Object parameterDimension(Object[] ps) {
        return call(() -> org.nestj.engine.params.Parameters.dimension(ps));
    }

    public static double[] parameterApplyNodes(Object p, long[] gids) {
        return call(() -> org.nestj.engine.spatial.Spatial.applyNodes(kernel, p, gids));
    }

    public static double[] parameterApplyPositions(Object p, long source, double[][] targets) {
        return call(() -> org.nestj.engine.spatial.Spatial.applyPositions(kernel, p, source, targets));
    }

    /** All node ids of the layer node gid belongs to (empty without layer). */
    public static long[] layerGids(long gid) {
        return call(() -> {
            org.nestj.engine.spatial.Layer L = org.nestj.engine.spatial.Spatial.layerOf(kernel, gid);
            if (L == null) return new long[0];
            long[] r = new long[L.n];
            for (int j = 0; j < L.n; j++) r[j] = L.firstGid + j;
            return r;
        });
    }
}
