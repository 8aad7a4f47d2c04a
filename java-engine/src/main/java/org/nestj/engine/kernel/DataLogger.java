package org.nestj.engine.kernel;

/**
 * NEST's UniversalDataLogger: a multimeter attached to nodes. Each target node records its values
 * at steps whose right end is a multiple of the interval (shifted by the offset); the samples
 * reach the multimeter at the beginning of the next min_delay slice, per target in connection order.
 */
public final class DataLogger {
    /** One target node of a multimeter. */
    public static final class Target {
        final NodeBlock block;
        final int index;
        final int[] vars;
        final int nvars;
        long nextRecStep = -1;
        long recIntSteps;
        long offsetSteps;
        // pending samples (stamp in steps, values)
        long[] stamps = new long[16];
        double[] values;
        int count;
        /** index of the multimeter node (within its block) that owns this target */
        public int samplerIndex;
        /** the multimeter's block */
        public Object sampler;

        Target(NodeBlock block, int index, int[] vars, long recIntSteps, long offsetSteps) {
            this.block = block;
            this.index = index;
            this.vars = vars;
            this.nvars = vars.length;
            this.recIntSteps = recIntSteps;
            this.offsetSteps = offsetSteps;
            this.values = new double[16 * Math.max(1, nvars)];
        }

        /** NEST's DataLogger_::init, at every Prepare: only if never initialised. */
        void init(long now, long sliceOrigin) {
            if (nvars < 1) return;
            if (nextRecStep >= sliceOrigin) return;
            count = 0;
            nextRecStep = (now / recIntSteps + 1) * recIntSteps - 1;
            if (offsetSteps != 0) {
                nextRecStep = offsetSteps - 1;
                while (nextRecStep <= now) nextRecStep += recIntSteps;
            }
        }

        void record(NodeBlock b, int i, long step) {
            if (nvars < 1 || step < nextRecStep) return;
            if (count == stamps.length) {
                stamps = java.util.Arrays.copyOf(stamps, count * 2);
                values = java.util.Arrays.copyOf(values, count * 2 * nvars);
            }
            stamps[count] = step + 1;
            int o = count * nvars;
            for (int j = 0; j < nvars; j++) values[o + j] = b.recordable(vars[j], i);
            count++;
            nextRecStep += recIntSteps;
        }
    }
}
