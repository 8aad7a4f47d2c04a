package org.nestj.engine.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.numerics.GlibcMath;

/**
 * Base of neuron models: NEST's ArchivingNode / StructuralPlasticityNode (archiving_node.cpp): the
 * status entries t_spike, tau_minus, tau_minus_triplet, post_trace, the calcium trace Ca with tau_Ca
 * and beta_Ca, kept per node; and for nodes that are targets of STDP connections the spike history
 * with the traces Kminus (tau_minus) and Kminus_triplet (tau_minus_triplet), which jump by 1 at
 * each spike: Kminus <- Kminus * exp((t_last - t) / tau_minus) + 1.
 */
public abstract class NeuronBlock extends NodeBlock {
    @PerNode public double[] tau_minus, tau_minus_triplet, tau_Ca, beta_Ca, Ca, caT, t_spike;
    @PerNode public double[] Kminus, Kminus_triplet;
    /** number of incoming STDP connections (NEST's n_incoming_), their largest delay, the last trace read */
    public final int[] nIncoming;
    public final double[] archMaxDelay, postTrace;
    /** spike histories, allocated for nodes with incoming STDP connections */
    public final SpikeArchive[] archive;
    /** synaptic elements of each node (NEST's synaptic_elements_map_, sorted by name); null: none */
    @PerNode public final SynapticElement[][] synElems;

    protected NeuronBlock(int n) {
        super(n);
        tau_minus = fill(n, 20.0);
        tau_minus_triplet = fill(n, 110.0);
        tau_Ca = fill(n, 10000.0);
        beta_Ca = fill(n, 0.001);
        Ca = fill(n, 0.0);
        caT = fill(n, 0.0);
        t_spike = fill(n, -1.0);
        Kminus = fill(n, 0.0);
        Kminus_triplet = fill(n, 0.0);
        nIncoming = new int[n];
        archMaxDelay = new double[n];
        postTrace = new double[n];
        archive = new SpikeArchive[n];
        synElems = new SynapticElement[n][];
    }

    @Override
    public int elementType() {
        return ELEMENT_NEURON;
    }

    /**
     * Archives and emits node i's spikes in the steps origin + lags[q] (q < nsp) of a slice, after
     * the update loop over the node's steps noted them: keeping calls out of that loop lets the
     * JIT compile it the same way whatever its profile (measured: 20 % faster, and without the
     * 0.7-1.1 s spread of the brunel update time between processes with 2 threads).
     */
    protected final void emitSpikes(int i, long origin, int[] lags, int nsp, SpikeOut out) {
        for (int q = 0; q < nsp; q++) {
            spiked(i, origin + lags[q] + 1);
            out.spike(gid(i), lags[q], 1);
        }
    }

    /** Archives a spike of node i at stamp (steps): NEST's set_spiketime. */
    protected final void spiked(int i, long stampSteps) {
        spiked(i, stampSteps, 0.0);
    }

    /** As above for a spike at offset ms before the end of step stamp (precise models): set_spiketime(t, offset). */
    protected final void spiked(int i, long stampSteps, double offset) {
        double t = kernel.time.stepsToMs(stampSteps) - offset;
        if (synElems[i] != null) growElements(i, t);
        Ca[i] = Ca[i] * GlibcMath.exp((caT[i] - t) / tau_Ca[i]) + beta_Ca[i];
        caT[i] = t;
        if (nIncoming[i] > 0) {
            SpikeArchive a = archive[i];
            double eps = kernel.connections.stdpEps;
            double keep = archMaxDelay[i] + kernel.time.delayStepsToMs(kernel.connections.minDelay()) + eps;
            // prune entries read by all incoming connections that a later entry, far enough back, makes obsolete
            while (a.end - a.head > 1 && a.count[a.head] >= nIncoming[i] && t - a.t[a.head + 1] > keep) a.head++;
            Kminus[i] = Kminus[i] * GlibcMath.exp((t_spike[i] - t) * (1.0 / tau_minus[i])) + 1.0;
            Kminus_triplet[i] = Kminus_triplet[i] * GlibcMath.exp((t_spike[i] - t) * (1.0 / tau_minus_triplet[i])) + 1.0;
            a.push(t, Kminus[i], Kminus_triplet[i]);
        }
        t_spike[i] = t;
    }

    /** The growth of node i's synaptic elements from the last calcium update to t (NEST's update_synaptic_elements, first part). */
    private void growElements(int i, double t) {
        double h = kernel.time.resolution();
        for (SynapticElement e : synElems[i]) e.update(t, caT[i], Ca[i], tau_Ca[i], h);
    }

    /** NEST's update_synaptic_elements(t): the elements grow to t, the calcium trace decays to t. */
    public final void updateSynapticElements(int i, double t) {
        if (synElems[i] != null) growElements(i, t);
        Ca[i] = Ca[i] * GlibcMath.exp((caT[i] - t) / tau_Ca[i]);
        caT[i] = t;
    }

    /** The element called name of node i, or null. */
    public final SynapticElement synapticElement(int i, String name) {
        SynapticElement[] es = synElems[i];
        if (es == null) return null;
        for (SynapticElement e : es) {
            if (e.name.equals(name)) return e;
        }
        return null;
    }

    /** NEST's register_stdp_connection: a new STDP connection will first read the history after t_first_read. */
    public final void registerStdpConnection(int i, double tFirstRead, double delay) {
        if (archive[i] == null) archive[i] = new SpikeArchive();
        archive[i].markReadUpTo(tFirstRead, kernel.connections.stdpEps);
        nIncoming[i]++;
        archMaxDelay[i] = Math.max(delay, archMaxDelay[i]);
    }

    /** NEST's get_K_value(t): Kminus of the last spike strictly before t (up to stdp_eps), decayed to t; 0 if none. */
    public final double getKValue(int i, double t) {
        SpikeArchive a = archive[i];
        final double tau = tau_minus[i];
        // many presynaptic spikes of one step reach a target with the same t: the result is cached
        // until the archive or tau_minus changes (the same computation, so the same value)
        if (t == a.kvT && tau == a.kvTau && a.mods == a.kvMods) return postTrace[i] = a.kvVal;
        double eps = kernel.connections.stdpEps;
        double v = 0.0;
        for (int j = a.end - 1; j >= a.head; j--) {
            if (t - a.t[j] > eps) {
                v = a.kminus[j] * GlibcMath.exp((a.t[j] - t) * (1.0 / tau));
                break;
            }
        }
        a.kvT = t;
        a.kvTau = tau;
        a.kvMods = a.mods;
        a.kvVal = v;
        return postTrace[i] = v;
    }

    /**
     * NEST's get_K_values(t, K, nearest_neighbor_K, K_triplet): for the last spike strictly before t
     * (up to stdp_eps), Kminus and Kminus_triplet decayed to t and the nearest-neighbour trace
     * exp((t_sp - t) / tau_minus); 0 if none; the current traces if the history is empty. The
     * results are left in archive(i).kValue, nnKValue, kTripletValue.
     */
    public final void getKValues(int i, double t) {
        SpikeArchive a = archive[i];
        if (a.isEmpty()) {
            a.kTripletValue = Kminus_triplet[i];
            a.nnKValue = Kminus[i];
            a.kValue = Kminus[i];
            return;
        }
        double eps = kernel.connections.stdpEps;
        for (int j = a.end - 1; j >= a.head; j--) {
            if (t - a.t[j] > eps) {
                a.kTripletValue = a.kminusTriplet[j] * GlibcMath.exp((a.t[j] - t) * (1.0 / tau_minus_triplet[i]));
                a.kValue = a.kminus[j] * GlibcMath.exp((a.t[j] - t) * (1.0 / tau_minus[i]));
                a.nnKValue = GlibcMath.exp((a.t[j] - t) * (1.0 / tau_minus[i]));
                return;
            }
        }
        a.kTripletValue = 0.0;
        a.nnKValue = 0.0;
        a.kValue = 0.0;
    }

    /** The spike history of node i (must have incoming STDP connections). */
    public final SpikeArchive archive(int i) {
        return archive[i];
    }

    /** NEST's clear_history (SetStatus clear=True). */
    private void clearHistory(int i) {
        t_spike[i] = -1.0;
        Kminus[i] = 0.0;
        Kminus_triplet[i] = 0.0;
        if (archive[i] != null) archive[i].clear();
    }

    /** Adds the archiving-node entries; subclasses call this from getStatus. */
    protected final void getArchiving(int i, Map<String, Object> d) {
        d.put("archiver_length", archive[i] == null ? 0L : (long) archive[i].size());
        d.put("Ca", Ca[i]);
        d.put("beta_Ca", beta_Ca[i]);
        d.put("tau_Ca", tau_Ca[i]);
        d.put("post_trace", postTrace[i]);
        Map<String, Object> ses = new LinkedHashMap<>();
        if (synElems[i] != null) {
            for (SynapticElement e : synElems[i]) {
                Map<String, Object> ed = new LinkedHashMap<>();
                e.get(ed);
                ses.put(e.name, ed);
            }
        }
        d.put("synaptic_elements", ses);
        d.put("t_spike", t_spike[i]);
        d.put("tau_minus", tau_minus[i]);
        d.put("tau_minus_triplet", tau_minus_triplet[i]);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> elementsDict(Object v, String what) {
        if (!(v instanceof Map)) throw NestException.badProperty(what + " must be a dictionary.");
        return (Map<String, Object>) v;
    }

    protected final void setArchiving(int i, Status s) {
        double tm = s.d("tau_minus", tau_minus[i]);
        double tmt = s.d("tau_minus_triplet", tau_minus_triplet[i]);
        double tca = s.d("tau_Ca", tau_Ca[i]);
        double bca = s.d("beta_Ca", beta_Ca[i]);
        double ca = s.d("Ca", Ca[i]);
        if (tm <= 0 || tmt <= 0) throw badProperty("All time constants must be strictly positive.");
        // StructuralPlasticityNode::set_status, in NEST's order and with its messages
        if (ca < 0.0) throw badProperty("Calcium concentration cannot be negative.");
        if (tca <= 0) throw badProperty("All time constants must be strictly positive.");
        if (bca <= 0) {
            throw badProperty("For Ca to function as an integrator of the electrical activity, beta_ca needs to be greater than 0.");
        }
        // synaptic_elements_param: changes the named existing elements; synaptic_elements: a new set
        SynapticElement[] cur = synElems[i];
        SynapticElement[] upd = null;
        if (s.has("synaptic_elements_param")) {
            Map<String, Object> m = elementsDict(s.raw("synaptic_elements_param"), "synaptic_elements_param");
            if (cur != null) {
                upd = new SynapticElement[cur.length];
                for (int q = 0; q < cur.length; q++) {
                    upd[q] = cur[q].copy();
                    Object ed = m.get(cur[q].name);
                    if (ed != null) upd[q].set(new Status(elementsDict(ed, cur[q].name), "synaptic element " + cur[q].name));
                }
            }
        }
        boolean replace = s.has("synaptic_elements");
        SynapticElement[] repl = null;
        if (replace) {
            Map<String, Object> m = elementsDict(s.raw("synaptic_elements"), "synaptic_elements");
            java.util.List<String> names = new java.util.ArrayList<>(m.keySet());
            java.util.Collections.sort(names);
            repl = new SynapticElement[names.size()];
            for (int q = 0; q < repl.length; q++) {
                repl[q] = new SynapticElement(names.get(q));
                repl[q].set(new Status(elementsDict(m.get(names.get(q)), names.get(q)), "synaptic element " + names.get(q)));
            }
        }
        boolean clear = s.has("clear") && s.b("clear", false);
        tau_minus[i] = tm;
        tau_minus_triplet[i] = tmt;
        tau_Ca[i] = tca;
        beta_Ca[i] = bca;
        Ca[i] = ca;
        if (clear) clearHistory(i);
        if (upd != null) synElems[i] = upd;
        if (replace) synElems[i] = repl.length == 0 ? null : repl;
    }
}
