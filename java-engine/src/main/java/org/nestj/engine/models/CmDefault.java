package org.nestj.engine.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Model;
import org.nestj.engine.kernel.NeuronBlock;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * cm_default — multi-compartment neuron with passive compartments, Na/K channels and AMPA, GABA,
 * NMDA and AMPA_NMDA receptors (NEST 3.9 models/cm_default.{h,cpp}; doc: models/cm_default.html).
 *
 * <pre>
 *   C_m,c dv_c/dt = -g_L,c (v_c - e_L,c) - g_C,c (v_c - v_parent) - sum_children g_C,k (v_c - v_k)
 *                   - I_Na,c - I_K,c - sum_receptors I_syn + I_input,c
 *   I_Na = gbar_Na m^3 h (v - e_Na),  I_K = gbar_K n (v - e_K)
 *   I_AMPA/GABA = g (v - e), g = g_r + g_d (rise/decay), I_NMDA = g sigma(v) (v - e),
 *   sigma(v) = 1 / (1 + 0.3 exp(-0.1 v)), AMPA_NMDA = AMPA + NMDA_ratio * NMDA with one e.
 * </pre>
 * Integrated with NEST's implicit half-step scheme and Hines tree solver ({@link CmTree}). A spike
 * is emitted when the root (soma) voltage crosses V_th from below. Compartments and receptors are
 * set through the status entries "compartments"/"add_compartments" (dicts with parent_idx and
 * optional params) and "receptors"/"add_receptors" (dicts with comp_idx, receptor_type and optional
 * params). Spike receptor_type k is the k-th receptor added; current receptor_type c is compartment c.
 */
public final class CmDefault extends NeuronBlock {
    @PerNode public double[] V_th;
    @PerNode public CmTree[] tree;
    /** the block's recordable names: union of the nodes' names, in order of creation */
    final List<String> recNames = new ArrayList<>();
    String[] recArr = new String[0];
    int recVersion = 0;
    int ringLen;

    public CmDefault(int n) {
        super(n);
        V_th = fill(n, -55.0);
        tree = new CmTree[n];
        for (int i = 0; i < n; i++) tree[i] = new CmTree();
    }

    @Override
    public CmDefault make(int n) {
        return new CmDefault(n);
    }

    private void noteRecordables(int i) {
        boolean changed = false;
        for (String s : tree[i].recNames) {
            if (!recNames.contains(s)) {
                recNames.add(s);
                changed = true;
            }
        }
        if (changed) {
            recArr = recNames.toArray(new String[0]);
            recVersion++;
        }
    }

    @Override
    public void copyNode(org.nestj.engine.kernel.NodeBlock src, int j, int i) {
        super.copyNode(src, j, i);
        noteRecordables(i);
    }

    @Override
    public String[] recordables() {
        return recArr;
    }

    @Override
    public boolean acceptsDataRequest() {
        return true;
    }

    @Override
    public double recordable(int var, int i) {
        CmTree t = tree[i];
        if (t.recMapVersion != recVersion) {
            int[] m = new int[recArr.length];
            for (int k = 0; k < m.length; k++) {
                int j = t.recNames.indexOf(recArr[k]);
                m[k] = j < 0 ? -1 : t.recCodes[j];
            }
            t.recMap = m;
            t.recMapVersion = recVersion;
        }
        return t.value(t.recMap[var]);
    }

    @Override
    public void getStatus(int i, Map<String, Object> d) {
        d.put("V_th", V_th[i]);
        getArchiving(i, d);
        d.put("recordables", tree[i].recNames.toArray(new String[0]));
        CmTree t = tree[i];
        List<Object> comps = new ArrayList<>();
        List<Object> recs = new ArrayList<>();
        for (CmTree.Comp c : t.comps) {
            Map<String, Object> cd = new LinkedHashMap<>();
            cd.put("comp_idx", (long) c.index);
            cd.put("parent_idx", (long) c.parent);
            comps.add(cd);
            for (int s : c.syns) {
                Map<String, Object> rd = new LinkedHashMap<>();
                rd.put("comp_idx", (long) c.index);
                rd.put("receptor_idx", (long) s);
                rd.put("receptor_type", CmTree.TYPE_NAMES[t.syns[s].type]);
                recs.add(rd);
            }
        }
        d.put("compartments", comps);
        d.put("receptors", recs);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOrDict(Object v, String what) {
        List<Map<String, Object>> r = new ArrayList<>();
        if (v instanceof Map) {
            r.add((Map<String, Object>) v);
            return r;
        }
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                if (!(o instanceof Map)) {
                    throw new NestException("TypeMismatch", "Expected a dictionary in '" + what + "'.");
                }
                r.add((Map<String, Object>) o);
            }
            return r;
        }
        if (v instanceof Object[] && ((Object[]) v).length == 0 || v instanceof double[] && ((double[]) v).length == 0
                || v instanceof long[] && ((long[]) v).length == 0 || v instanceof String[] && ((String[]) v).length == 0) {
            return r;
        }
        throw NestException.badProperty("'" + what + "' entry could not be identified, provide list of parameter dicts for "
                + "multiple " + what);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paramsOf(Status s) {
        if (!s.has("params")) return null;
        Object p = s.raw("params");
        if (!(p instanceof Map)) throw new NestException("TypeMismatch", "'params' must be a dictionary.");
        return (Map<String, Object>) p;
    }

    private static long required(Status s, String k) {
        if (!s.has(k)) throw CmTree.missingKey(k);
        return s.l(k, 0);
    }

    private void addCompartments(CmTree t, Object v, String what) {
        for (Map<String, Object> m : listOrDict(v, what)) {
            Status s = new Status(m, "cm_default::add_compartment_");
            long parent = required(s, "parent_idx");
            Map<String, Object> p = paramsOf(s);
            s.checkAllAccessed();
            t.addCompartment(parent, p);
        }
    }

    private void addReceptors(CmTree t, Object v, String what) {
        for (Map<String, Object> m : listOrDict(v, what)) {
            Status s = new Status(m, "cm_default::add_receptor_");
            long comp = required(s, "comp_idx");
            if (!s.has("receptor_type")) throw CmTree.missingKey("receptor_type");
            String type = s.s("receptor_type", null);
            Map<String, Object> p = paramsOf(s);
            s.checkAllAccessed();
            t.addReceptor(comp, type, p);
        }
    }

    @Override
    public void setStatus(int i, Status s) {
        V_th[i] = s.d("V_th", V_th[i]);
        setArchiving(i, s);
        CmTree t = tree[i];
        if (s.has("compartments")) {
            if (t.size() > 0) throw badProperty("'compartments' is already defined for this model");
            addCompartments(t, s.raw("compartments"), "compartments");
        }
        if (s.has("add_compartments")) addCompartments(t, s.raw("add_compartments"), "compartments");
        if (s.has("receptors")) {
            if (t.syns.length > 0) throw badProperty("'receptors' is already defined for this model");
            addReceptors(t, s.raw("receptors"), "receptors");
        }
        if (s.has("add_receptors")) addReceptors(t, s.raw("add_receptors"), "receptors");
        t.updateRecordables();
        noteRecordables(i);
    }

    @Override
    public int checkSpikeReceptor(int i, int rport, Model src) {
        int ns = tree[i].syns.length;
        if (rport < 0 || rport >= ns) {
            throw new NestException("UnknownPort", "Port with id " + rport + " does not exist. Valid spike receptor ports for "
                    + model.name + " are in [0, " + ns + "[.");
        }
        return rport;
    }

    @Override
    public int checkCurrentReceptor(int rport) {
        // the kernel asks per block: accept a compartment index that exists in some node of the block
        int nc = 0;
        for (CmTree t : tree) nc = Math.max(nc, t.size());
        if (rport < 0 || rport >= nc) {
            throw new NestException("UnknownPort", "Port with id " + rport + " does not exist. Valid current receptor ports for "
                    + model.name + " are in [0, " + nc + "[.");
        }
        return rport;
    }

    @Override
    public void initBuffers(int ringLen) {
        this.ringLen = ringLen;
        for (CmTree t : tree) t.initBuffers(ringLen);
    }

    @Override
    public void calibrate() {
        double dt = kernel.time.resolution();
        for (CmTree t : tree) t.preRunHook(dt, ringLen);
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
        final boolean rec = recording();
        final boolean fr = frozen != null;
        final double dt = kernel.time.resolution();
        for (int i = i0; i < i1; i++) {
            if (fr && frozen[i]) continue;
            final CmTree t = tree[i];
            final CmTree.Comp root = t.comps[0];
            final double vth = V_th[i];
            final int len = t.len;
            int slot = (int) ((origin + from) % len);
            for (int lag = from; lag < to; lag++, slot = slot + 1 == len ? 0 : slot + 1) {
                final long step = origin + lag;
                final double v0prev = root.v;
                t.step(dt, slot);
                if (root.v >= vth && v0prev < vth) {
                    spiked(i, step + 1);
                    out.spike(gid(i), lag, 1);
                }
                if (rec && recordedBy[i] != null) record(step, i);
            }
        }
    }

    @Override
    public void handleSpike(int i, long step, double weight, int mult, int rport, long senderGid, long stamp, double offset) {
        if (weight < 0) throw badProperty("Synaptic weights must be positive.");
        CmTree t = tree[i];
        t.syns[rport].buf[(int) (step % t.len)] += weight * mult;
    }

    @Override
    public void handleCurrent(int i, long step, double current, int rport) {
        CmTree t = tree[i];
        t.comps[rport].cur[(int) (step % t.len)] += current;
    }
}
