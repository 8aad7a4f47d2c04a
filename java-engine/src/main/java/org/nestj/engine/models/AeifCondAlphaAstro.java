package org.nestj.engine.models;

/**
 * aeif_cond_alpha_astro — aeif_cond_alpha with an additional slow inward current I_SIC from astrocytes
 * (NEST 3.9 models/aeif_cond_alpha_astro.{h,cpp}; doc: models/aeif_cond_alpha_astro.html).
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + g_L Delta_T exp((V - V_th)/Delta_T) - g_ex (V - E_ex) - g_in (V - E_in) - w + I_e
 *               + I_stim + I_SIC
 * </pre>
 * Everything else as {@link AeifCondAlpha}. I_SIC is the slow inward current of the previous step: the sum
 * of weight times SIC value over the sic_connections from astrocytes (astrocyte_lr_1994's SICEvent, a
 * delayed secondary event), read from its own ring buffer after I_stim, before the record. That ring
 * buffer holds a node's slots side by side ([node][slot]): an event's md values go to consecutive
 * slots of one node (the sums per node and step are NEST's, in the same order).
 */
public final class AeifCondAlphaAstro extends AeifCondAlpha {
    double[] iSic;

    public AeifCondAlphaAstro(int n) {
        super(n);
    }

    @Override
    public AeifCondAlphaAstro make(int n) {
        return new AeifCondAlphaAstro(n);
    }

    private static final String[] RECORDABLES = {"g_ex", "g_in", "I_SIC", "V_m", "w"};

    @Override
    public String[] recordables() {
        return RECORDABLES;
    }

    @Override
    public double recordable(int var, int i) {
        switch (var) {
            case 0: return y[i][G_EXC];
            case 1: return y[i][G_INH];
            case 2: return iSic == null ? 0.0 : iSic[i];
            case 3: return y[i][0];
            default: return y[i][W_];
        }
    }

    /** SIC input per node and ring-buffer slot: [i * sicLen + absolute step % sicLen] */
    private double[] sicRing;
    private int sicLen;

    @Override
    public void initBuffers(int ringLen) {
        super.initBuffers(ringLen);
        if (sicRing == null || sicLen != ringLen || sicRing.length != n * ringLen) {
            sicRing = new double[n * ringLen];
            sicLen = ringLen;
        } else {
            java.util.Arrays.fill(sicRing, 0.0);
        }
    }

    @Override
    protected void endStep(int i, double[] yy, long step) {
        super.endStep(i, yy, step);
        final int k = i * sicLen + (int) (step % sicLen);
        iSic[i] = sicRing[k];
        sicRing[k] = 0.0;
    }

    @Override
    public int checkSicReceptor(int i, int rport) {
        if (rport != 0) throw unknownReceptor(rport, "SICEvent");
        return 0;
    }

    @Override
    public void handleSicEvent(int i, long step0, double[] v, int base, int md, double weight, int rport) {
        final double[] ring = sicRing;
        final int len = sicLen, row = i * len;
        int slot = (int) (step0 % len);
        for (int lag = 0; lag < md; lag++) {
            ring[row + slot] += weight * v[base + lag];
            slot = slot + 1 == len ? 0 : slot + 1;
        }
    }

    @Override
    protected void initNodeBuffers(int i) {
        if (iSic == null || iSic.length != n) iSic = new double[n];
        iSic[i] = 0.0;
    }

    @Override
    protected double vDot(int i, double V, double iSpike, double iSynExc, double iSynInh, double w) {
        return (-g_L[i] * (V - E_L[i]) + iSpike - iSynExc - iSynInh - w + I_e[i] + iStim[i] + iSic[i]) / C_m[i];
    }
}
