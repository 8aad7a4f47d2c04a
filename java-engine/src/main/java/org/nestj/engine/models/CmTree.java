package org.nestj.engine.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.NodeBlock;
import org.nestj.engine.kernel.Status;
import org.nestj.engine.numerics.GlibcMath;
import org.nestj.engine.numerics.GlibcLog;

/**
 * The compartment tree of one cm_default node (NEST 3.9 models/cm_tree.{h,cpp} and
 * models/cm_compartmentcurrents.{h,cpp}): compartments with passive parameters (C_m, g_C, g_L, e_L),
 * the Na and K channels of every compartment and the receptors (AMPA, GABA, NMDA, AMPA_NMDA).
 *
 * <p>Each step the linear system of the implicit (Crank-Nicolson style, half-weighted) scheme
 * <pre>
 *   gg_c v_c' + hh_c v_parent' + sum_children hh_k v_k' = ff_c
 * </pre>
 * is built per compartment (construct_matrix_element) and solved by NEST's Hines elimination: a
 * down sweep from the leaves (in compartment-index order) that removes the off-diagonal elements
 * (io/gather_input), then an up sweep from the root (calc_v). Channels and receptors are advanced
 * with exponential Euler when their contribution is computed, in NEST's order: Na, K, then the
 * compartment's AMPA, GABA, NMDA and AMPA_NMDA receptors, each group in the order they were added.
 *
 * <p>The tree is a per-node object (its size differs between nodes); it is allocated when
 * compartments and receptors are added and never during simulation.
 */
final class CmTree implements NodeBlock.Copyable {
    static final int AMPA = 0, GABA = 1, NMDA = 2, AMPA_NMDA = 3;
    static final String[] TYPE_NAMES = {"AMPA", "GABA", "NMDA", "AMPA_NMDA"};
    static final double Q10 = 1. / 3.21;

    /** One compartment: NEST's Compartment with its Na and K channels. */
    static final class Comp {
        int index, parent;
        int[] children = new int[0];
        double ca = 1.0, gc = 0.01, gl = 0.1, el = -70.;
        double v;
        // Na and K channels
        double mNa, hNa, gbarNa = 0.0, eNa = 50., nK, gbarK = 0.0, eK = -85.;
        // derived
        double gg0, caDt, gl2, gc2, glEl;
        // elimination
        double ff, gg, hh, xx, yy;
        int nPassed;
        /** receptor indices of this compartment, grouped by type (AMPA, GABA, NMDA, AMPA_NMDA) */
        int[] syns = new int[0];
        /** current input ring buffer (NEST's Compartment::currents) */
        double[] cur;

        Comp copy() {
            Comp c = new Comp();
            c.index = index; c.parent = parent; c.children = children.clone();
            c.ca = ca; c.gc = gc; c.gl = gl; c.el = el; c.v = v;
            c.mNa = mNa; c.hNa = hNa; c.gbarNa = gbarNa; c.eNa = eNa; c.nK = nK; c.gbarK = gbarK; c.eK = eK;
            c.gg0 = gg0; c.caDt = caDt; c.gl2 = gl2; c.gc2 = gc2; c.glEl = glEl;
            c.ff = ff; c.gg = gg; c.hh = hh; c.xx = xx; c.yy = yy; c.nPassed = nPassed;
            c.syns = syns.clone();
            return c;
        }
    }

    /** One receptor: NEST's AMPA / GABA / NMDA / AMPA_NMDA (second set of fields for the NMDA part). */
    static final class Syn {
        int type, comp;
        double eRev, tauR, tauD, tauR2, tauD2, ratio = 2.0;
        double gNorm, gNorm2, propR, propD, propR2, propD2;
        double gR, gD, gR2, gD2;
        /** spike ring buffer (NEST's syn_buffers_[syn_idx]) */
        double[] buf;

        Syn copy() {
            Syn s = new Syn();
            s.type = type; s.comp = comp; s.eRev = eRev; s.tauR = tauR; s.tauD = tauD; s.tauR2 = tauR2; s.tauD2 = tauD2;
            s.ratio = ratio; s.gNorm = gNorm; s.gNorm2 = gNorm2; s.propR = propR; s.propD = propD; s.propR2 = propR2;
            s.propD2 = propD2; s.gR = gR; s.gD = gD; s.gR2 = gR2; s.gD2 = gD2;
            return s;
        }
    }

    Comp[] comps = new Comp[0];
    Syn[] syns = new Syn[0];
    int[] leafs = new int[0];
    int len;
    /** recordable names of this node, in the order they were created */
    final List<String> recNames = new ArrayList<>();
    /** encoded location per recordable name (see {@link #value(int)}) */
    int[] recCodes = new int[0];
    /** recordable var of the block -> code, for the block's name list version recMapVersion */
    int[] recMap;
    int recMapVersion = -1;

    @Override
    public CmTree copy() {
        CmTree t = new CmTree();
        t.comps = new Comp[comps.length];
        for (int c = 0; c < comps.length; c++) t.comps[c] = comps[c].copy();
        t.syns = new Syn[syns.length];
        for (int s = 0; s < syns.length; s++) t.syns[s] = syns[s].copy();
        t.leafs = leafs.clone();
        t.recNames.addAll(recNames);
        t.recCodes = recCodes.clone();
        return t;
    }

    int size() {
        return comps.length;
    }

    // ------------------------------------------------------------------ construction

    static NestException unknownCompartment(long idx, String info) {
        return new NestException("UnknownCompartment", "Compartment " + idx + " " + info + ".");
    }

    static NestException missingKey(String k) {
        return new NestException("UndefinedName", "Key '/" + k + "' does not exist in dictionary.");
    }

    /** NEST's CompTree::add_compartment (with or without a params dictionary). */
    void addCompartment(long parentIdx, Map<String, Object> params) {
        if (parentIdx >= 0) {
            if (parentIdx >= comps.length) {
                throw unknownCompartment(parentIdx, "does not exist in tree, but was specified as a parent compartment");
            }
        } else if (comps.length > 0) {
            throw unknownCompartment(0, ", the root, has already been instantiated");
        }
        Comp c = new Comp();
        c.index = comps.length;
        c.parent = (int) Math.max(parentIdx, -1);
        c.v = c.el; // NEST initialises v_comp from the default e_L, before the parameters are read
        if (params != null) {
            Status p = new Status(params, "compartment_params");
            c.ca = p.d("C_m", c.ca);
            c.gc = p.d("g_C", c.gc);
            c.gl = p.d("g_L", c.gl);
            c.el = p.d("e_L", c.el);
            c.v = p.d("v_comp", c.v);
            if (p.has("gbar_Na")) c.gbarNa = p.d("gbar_Na", 0);
            if (p.has("e_Na")) c.eNa = p.d("e_Na", 0);
            if (p.has("gbar_K")) c.gbarK = p.d("gbar_K", 0);
            // NEST 3.9 reads e_K only if e_Na is given (cm_compartmentcurrents.cpp)
            if (p.has("e_Na")) {
                if (!p.has("e_K")) throw missingKey("e_K");
                c.eK = p.d("e_K", 0);
            }
            p.checkAllAccessed();
        }
        initNa(c, c.v);
        initK(c, c.v);
        comps = Arrays.copyOf(comps, comps.length + 1);
        comps[c.index] = c;
        if (c.parent >= 0) {
            Comp par = comps[c.parent];
            par.children = Arrays.copyOf(par.children, par.children.length + 1);
            par.children[par.children.length - 1] = c.index;
        }
        // leafs in compartment order
        int nl = 0;
        for (Comp x : comps) if (x.children.length == 0) nl++;
        leafs = new int[nl];
        nl = 0;
        for (Comp x : comps) if (x.children.length == 0) leafs[nl++] = x.index;
    }

    private static double gNorm(double tr, double td) {
        double tp = (tr * td) / (td - tr) * GlibcLog.log(td / tr);
        return 1. / (-GlibcMath.exp(-tp / tr) + GlibcMath.exp(-tp / td));
    }

    /** NEST's cm_default::add_receptor_ and CompartmentCurrents::add_synapse. */
    void addReceptor(long compIdx, String type, Map<String, Object> params) {
        if (compIdx < 0 || compIdx >= comps.length) throw unknownCompartment(compIdx, "does not exist in tree");
        int t = -1;
        for (int k = 0; k < TYPE_NAMES.length; k++) if (TYPE_NAMES[k].equals(type)) t = k;
        if (t < 0) {
            throw NestException.badProperty("Receptor type '" + type
                    + "' is not known; cm_default has AMPA, GABA, NMDA and AMPA_NMDA.");
        }
        Syn s = new Syn();
        s.type = t;
        s.comp = (int) compIdx;
        switch (t) {
            case AMPA: s.eRev = 0.0; s.tauR = 0.2; s.tauD = 3.0; break;
            case GABA: s.eRev = -80.; s.tauR = 0.2; s.tauD = 10.0; break;
            case NMDA: s.eRev = 0.; s.tauR = 0.2; s.tauD = 43.0; break;
            default: s.eRev = 0.; s.tauR = 0.2; s.tauD = 3.0; s.tauR2 = 0.2; s.tauD2 = 43.0; s.ratio = 2.0; break;
        }
        if (params != null) {
            Status p = new Status(params, "receptor_params");
            switch (t) {
                case AMPA:
                    s.eRev = p.d("e_AMPA", s.eRev); s.tauR = p.d("tau_r_AMPA", s.tauR); s.tauD = p.d("tau_d_AMPA", s.tauD);
                    break;
                case GABA:
                    s.eRev = p.d("e_GABA", s.eRev); s.tauR = p.d("tau_r_GABA", s.tauR); s.tauD = p.d("tau_d_GABA", s.tauD);
                    break;
                case NMDA:
                    s.eRev = p.d("e_NMDA", s.eRev); s.tauR = p.d("tau_r_NMDA", s.tauR); s.tauD = p.d("tau_d_NMDA", s.tauD);
                    break;
                default:
                    s.eRev = p.d("e_AMPA_NMDA", s.eRev);
                    s.tauR = p.d("tau_r_AMPA", s.tauR);
                    s.tauD = p.d("tau_d_AMPA", s.tauD);
                    s.tauR2 = p.d("tau_r_NMDA", s.tauR2);
                    s.tauD2 = p.d("tau_d_NMDA", s.tauD2);
                    s.ratio = p.d("NMDA_ratio", s.ratio);
                    break;
            }
            p.checkAllAccessed();
        }
        s.gNorm = gNorm(s.tauR, s.tauD);
        if (t == AMPA_NMDA) s.gNorm2 = gNorm(s.tauR2, s.tauD2);
        int idx = syns.length;
        syns = Arrays.copyOf(syns, idx + 1);
        syns[idx] = s;
        // keep the compartment's receptors grouped by type, each group in order of addition
        Comp c = comps[s.comp];
        int[] a = Arrays.copyOf(c.syns, c.syns.length + 1);
        int pos = a.length - 1;
        while (pos > 0 && syns[a[pos - 1]].type > t) {
            a[pos] = a[pos - 1];
            pos--;
        }
        a[pos] = idx;
        c.syns = a;
    }

    // ------------------------------------------------------------------ recordables

    static final int K_V = 0, K_M = 1, K_H = 2, K_N = 3, K_GR = 4, K_GD = 5, K_GR2 = 6, K_GD2 = 7;

    private void addRec(String name, int kind, int idx) {
        int code = kind | (idx << 3);
        int j = recNames.indexOf(name);
        if (j < 0) {
            recNames.add(name);
            recCodes = Arrays.copyOf(recCodes, recCodes.length + 1);
            recCodes[recCodes.length - 1] = code;
        } else {
            recCodes[j] = code;
        }
    }

    /**
     * NEST's CompTree::get_recordables, called at the end of every set_status: names not yet known are
     * appended, so the order is that in which NEST creates the names (its recordables map is ordered by
     * Name handle, i.e. creation order).
     */
    void updateRecordables() {
        for (Comp c : comps) {
            String ci = Integer.toString(c.index);
            addRec("m_Na_" + ci, K_M, c.index);
            addRec("h_Na_" + ci, K_H, c.index);
            addRec("n_K_" + ci, K_N, c.index);
            for (int s : c.syns) {
                String si = Integer.toString(s);
                switch (syns[s].type) {
                    case AMPA: addRec("g_r_AMPA_" + si, K_GR, s); addRec("g_d_AMPA_" + si, K_GD, s); break;
                    case GABA: addRec("g_r_GABA_" + si, K_GR, s); addRec("g_d_GABA_" + si, K_GD, s); break;
                    case NMDA: addRec("g_r_NMDA_" + si, K_GR, s); addRec("g_d_NMDA_" + si, K_GD, s); break;
                    default:
                        addRec("g_r_AN_AMPA_" + si, K_GR, s);
                        addRec("g_d_AN_AMPA_" + si, K_GD, s);
                        addRec("g_r_AN_NMDA_" + si, K_GR2, s);
                        addRec("g_d_AN_NMDA_" + si, K_GD2, s);
                        break;
                }
            }
            addRec("v_comp" + ci, K_V, c.index);
        }
    }

    double value(int code) {
        if (code < 0) return Double.NaN;
        int idx = code >>> 3;
        switch (code & 7) {
            case K_V: return comps[idx].v;
            case K_M: return comps[idx].mNa;
            case K_H: return comps[idx].hNa;
            case K_N: return comps[idx].nK;
            case K_GR: return syns[idx].gR;
            case K_GD: return syns[idx].gD;
            case K_GR2: return syns[idx].gR2;
            default: return syns[idx].gD2;
        }
    }

    // ------------------------------------------------------------------ channels

    /** Na activation: returns m_inf, stores tau_m in tmp[0]. */
    private static double naM(double v, double[] tmp) {
        double vp35 = v + 35.013;
        double alpha, frac;
        if (Math.abs(vp35) > 1e-5) {
            double e = GlibcMath.exp(0.111111111111111 * vp35);
            double f = 1. / (e - 1.);
            alpha = 0.182 * vp35 * e * f;
            double beta = 0.124 * vp35 * f;
            frac = 1. / (alpha + beta);
        } else {
            alpha = 1.638;
            frac = 1. / (alpha + 1.116);
        }
        tmp[0] = Q10 * frac;
        return alpha * frac;
    }

    /** Na inactivation: returns h_inf, stores tau_h in tmp[0]. */
    private static double naH(double v, double[] tmp) {
        double vp50 = v + 50.013;
        double vp75 = v + 75.013;
        double alpha, beta;
        if (Math.abs(vp50) > 1e-5) {
            alpha = 0.024 * vp50 / (1.0 - GlibcMath.exp(-0.2 * vp50));
        } else {
            alpha = 0.12;
        }
        if (Math.abs(vp75) > 1e-9) {
            beta = -0.0091 * vp75 / (1.0 - GlibcMath.exp(0.2 * vp75));
        } else {
            beta = 0.0455;
        }
        tmp[0] = Q10 / (alpha + beta);
        return 1. / (1. + GlibcMath.exp((v + 65.) / 6.2));
    }

    /** K activation: returns n_inf, stores tau_n in tmp[0]. */
    private static double kN(double v, double[] tmp) {
        double vm25 = v - 25.;
        double alpha, frac;
        if (Math.abs(vm25) > 1e-5) {
            double e = GlibcMath.exp(0.111111111111111 * vm25);
            double f = 1. / (e - 1.);
            alpha = 0.02 * vm25 * e * f;
            double beta = 0.002 * vm25 * f;
            frac = 1. / (alpha + beta);
        } else {
            alpha = 0.18;
            double beta = 0.018;
            frac = 1. / (alpha + beta);
        }
        tmp[0] = Q10 * frac;
        return alpha * frac;
    }

    private static void initNa(Comp c, double v) {
        double[] tmp = new double[1];
        c.mNa = naM(v, tmp);
        c.hNa = naH(v, tmp);
    }

    private static void initK(Comp c, double v) {
        c.nK = kN(v, new double[1]);
    }

    // ------------------------------------------------------------------ simulation

    /** Ring buffers of length len (NEST's init_buffers_ / RingBuffer::clear in pre_run_hook). */
    void initBuffers(int ringLen) {
        len = ringLen;
        for (Comp c : comps) {
            if (c.cur == null || c.cur.length != len) c.cur = new double[len];
            else Arrays.fill(c.cur, 0.0);
        }
        for (Syn s : syns) {
            if (s.buf == null || s.buf.length != len) s.buf = new double[len];
            else Arrays.fill(s.buf, 0.0);
        }
    }

    /** NEST's CompTree::pre_run_hook (compartments and receptors; buffers are cleared). */
    void preRunHook(double dt, int ringLen) {
        if (comps.length == 0) {
            throw unknownCompartment(0, "does not exist in tree, meaning that no compartments have been added");
        }
        initBuffers(ringLen);
        for (Syn s : syns) {
            s.propR = GlibcMath.exp(-dt / s.tauR);
            s.propD = GlibcMath.exp(-dt / s.tauD);
            if (s.type == AMPA_NMDA) {
                s.propR2 = GlibcMath.exp(-dt / s.tauR2);
                s.propD2 = GlibcMath.exp(-dt / s.tauD2);
            }
        }
        for (Comp c : comps) {
            c.caDt = c.ca / dt;
            c.gl2 = c.gl / 2.;
            c.gg0 = c.caDt + c.gl2;
            c.gc2 = c.gc / 2.;
            c.glEl = c.gl * c.el;
        }
    }

    private static double nmdaSig(double v, double[] d) {
        double e = GlibcMath.exp(-.1 * v);
        double denom = 1. + 0.3 * e;
        d[0] = 0.03 * e / (denom * denom); // std::pow(denom, 2) is exactly denom * denom
        return 1. / denom;
    }

    private final double[] tmp = new double[1];

    /** One step: builds and solves the system; slot is the ring-buffer slot of this step. */
    void step(double dt, int slot) {
        final Comp[] cs = comps;
        final double[] t = tmp;
        // construct_matrix: every compartment, in index order, from the voltages of the last step
        for (Comp c : cs) {
            double v = c.v;
            double gg = c.gg0;
            Comp par = c.parent >= 0 ? cs[c.parent] : null;
            if (par != null) {
                gg += c.gc2;
                c.hh = -c.gc2;
            }
            for (int k : c.children) gg += cs[k].gc2;
            double ff = (c.caDt - c.gl2) * v + c.glEl;
            if (par != null) ff -= c.gc2 * (v - par.v);
            for (int k : c.children) ff -= cs[k].gc2 * (v - cs[k].v);

            // compartment currents (CompartmentCurrents::f_numstep)
            double gVal = 0., iVal = 0.;
            {
                double g = 0., i = 0.;
                if (c.gbarNa > 1e-9) {
                    double mInf = naM(v, t);
                    double tauM = t[0];
                    double hInf = naH(v, t);
                    double tauH = t[0];
                    double pM = GlibcMath.exp(-dt / tauM);
                    c.mNa *= pM;
                    c.mNa += (1. - pM) * mInf;
                    double pH = GlibcMath.exp(-dt / tauH);
                    c.hNa *= pH;
                    c.hNa += (1. - pH) * hInf;
                    double gNa = c.gbarNa * GlibcMath.cube(c.mNa) * c.hNa;
                    g += gNa / 2.;
                    i += gNa * (c.eNa - v / 2.);
                }
                gVal += g;
                iVal += i;
            }
            {
                double g = 0., i = 0.;
                if (c.gbarK > 1e-9) {
                    double nInf = kN(v, t);
                    double tauN = t[0];
                    double pN = GlibcMath.exp(-dt / tauN);
                    c.nK *= pN;
                    c.nK += (1. - pN) * nInf;
                    double gK = c.gbarK * c.nK;
                    g += gK / 2.;
                    i += gK * (c.eK - v / 2.);
                }
                gVal += g;
                iVal += i;
            }
            for (int si : c.syns) {
                Syn s = syns[si];
                double sv = s.buf[slot];
                s.buf[slot] = 0.0;
                double g, i;
                if (s.type == AMPA_NMDA) {
                    s.gR *= s.propR;
                    s.gD *= s.propD;
                    s.gR2 *= s.propR2;
                    s.gD2 *= s.propD2;
                    double x = sv * s.gNorm;
                    s.gR -= x;
                    s.gD += x;
                    x = sv * s.gNorm2;
                    s.gR2 -= x;
                    s.gD2 += x;
                    double gA = s.gR + s.gD;
                    double gN = s.gR2 + s.gD2;
                    double sig = nmdaSig(v, t);
                    double dsig = t[0];
                    double itot = (gA + s.ratio * gN * sig) * (s.eRev - v);
                    double di = -gA + s.ratio * gN * (dsig * (s.eRev - v) - sig);
                    g = -di / 2.;
                    i = itot + g * v;
                } else {
                    s.gR *= s.propR;
                    s.gD *= s.propD;
                    double x = sv * s.gNorm;
                    s.gR -= x;
                    s.gD += x;
                    double gs = s.gR + s.gD;
                    if (s.type == NMDA) {
                        double sig = nmdaSig(v, t);
                        double dsig = t[0];
                        double itot = gs * sig * (s.eRev - v);
                        double di = gs * (dsig * (s.eRev - v) - sig);
                        g = -di / 2.;
                        i = itot + g * v;
                    } else {
                        double itot = gs * (s.eRev - v);
                        double di = -gs;
                        g = -di / 2.;
                        i = itot + g * v;
                    }
                }
                gVal += g;
                iVal += i;
            }
            gg += gVal;
            ff += iVal;
            // input current
            ff += c.cur[slot];
            c.cur[slot] = 0.0;
            c.gg = gg;
            c.ff = ff;
        }

        // down sweep from the leaves (NEST's recursive solve_matrix_downsweep, unrolled)
        final int[] lf = leafs;
        int li = 0;
        Comp c = cs[lf[0]];
        while (true) {
            c.gg -= c.xx;
            c.ff -= c.yy;
            double gOut = c.hh * c.hh / c.gg;
            double fOut = c.ff * c.hh / c.gg;
            if (c.parent < 0) break;
            Comp p = cs[c.parent];
            p.xx += gOut;
            p.yy += fOut;
            ++p.nPassed;
            if (p.nPassed == p.children.length) {
                p.nPassed = 0;
                c = p;
            } else {
                ++li;
                if (li < lf.length) c = cs[lf[li]];
                else break;
            }
        }
        // up sweep from the root (parents have smaller indices than their children)
        for (Comp x : cs) {
            double vin = x.parent < 0 ? 0.0 : cs[x.parent].v;
            x.xx = 0.0;
            x.yy = 0.0;
            x.v = (x.ff - vin * x.hh) / x.gg;
        }
    }
}
