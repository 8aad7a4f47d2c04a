package org.nestj.engine.devices;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.nestj.engine.NestException;
import org.nestj.engine.kernel.Kernel;
import org.nestj.engine.kernel.PerNode;
import org.nestj.engine.kernel.SpikeOut;
import org.nestj.engine.kernel.Status;

/**
 * NEST's RecordingDevice with its recording backends (nestkernel/recording_device.cpp,
 * recording_backend_{memory,ascii,screen}.cpp): an event with stamp t is recorded if
 * start < t - origin <= stop (steps), counted in n_events (settable to 0 to clear), and written to
 * the backend named by record_to: "memory" (events dictionary), "ascii" (a file
 * data_path/data_prefix + (label or model) + "-<node id>-<vp>." + file_extension, with NEST's header,
 * fixed-point values with `precision` digits, opened at Prepare, closed at Cleanup) or "screen".
 */
public abstract class RecordingDevice extends DeviceBlock implements org.nestj.engine.kernel.RecordingManager.FileDevice {
    @PerNode public String[] recordTo;
    @PerNode public boolean[] timeInSteps;
    @PerNode public EventStore[] store;
    @PerNode public long[] precision;
    @PerNode public String[] fileExtension;
    @PerNode public long[] nEvents;
    /**
     * The ascii backend's own label (RecordingBackendASCII::DeviceData::label_), which names the file:
     * read from the dictionaries of SetStatus calls while the device records to ascii, empty (the
     * model name) for a device enrolled with its model's defaults.
     */
    @PerNode public String[] asciiLabel;
    /**
     * "-<node id>-" and the width of the vp number, fixed when the device enrolled in the ascii backend
     * (NEST pads with the digits of the network size and of the number of threads then). NEST has one
     * instance of the device per thread, each writing its own file "-<node id>-<vp>" with the events
     * of the nodes on its thread (vp = node id mod threads): nestj writes the same files.
     */
    String[] vpNodeId;
    int[] vpDigits;
    /** open ascii files, [node * fileThreads + vp] */
    Writer[] files;
    int fileThreads = 1;

    protected RecordingDevice(int n) {
        super(n);
        recordTo = new String[n];
        java.util.Arrays.fill(recordTo, "memory");
        timeInSteps = fillB(n, false);
        store = new EventStore[n];
        for (int i = 0; i < n; i++) store[i] = new EventStore();
        precision = fillL(n, 3);
        fileExtension = new String[n];
        java.util.Arrays.fill(fileExtension, "dat");
        nEvents = fillL(n, 0);
        asciiLabel = new String[n];
        java.util.Arrays.fill(asciiLabel, "");
    }

    @Override
    public void created() {
        vpNodeId = new String[n];
        vpDigits = new int[n];
        files = new Writer[n];
        kernel.recording.register(this);
        for (int i = 0; i < n; i++) {
            if (!recordTo[i].equals("memory")) enroll(i);
        }
    }

    @Override
    public int elementType() {
        return ELEMENT_RECORDER;
    }

    @Override
    public Emits emits() {
        return Emits.NOTHING;
    }

    protected final boolean isActive(int i, long stamp) {
        return tMin[i] < stamp && stamp <= tMax[i];
    }

    /** Names of the double values each event carries (for the file header). */
    protected String[] valueNames(int i) {
        return new String[0];
    }

    /**
     * RecordingDevice::get_status: the device's own entries, then those of the backend it is enrolled
     * in (memory: events, time_in_steps; ascii: file_extension, precision, time_in_steps, filenames;
     * screen: precision, time_in_steps). A model prototype reports the backend's defaults overwritten
     * by the cached backend parameters (kept in the prototype's fields, see setRec).
     */
    protected void getRec(int i, Map<String, Object> d) {
        getDevice(i, d);
        d.put("record_to", recordTo[i]);
        d.put("n_events", nEvents[i]);
        final boolean proto = vpNodeId == null;
        if (recordTo[i].equals("memory")) {
            d.put("events", store[i].events(kernel.time, !proto && timeInSteps[i]));
        } else if (recordTo[i].equals("ascii")) {
            d.put("file_extension", fileExtension[i]);
            d.put("precision", precision[i]);
            String[] fn;
            if (proto) {
                // RecordingBackendASCII::get_device_defaults: a DeviceData without model name and node id
                fn = new String[] {dataPathWithSlash() + kernel.dataPrefix + ".dat"};
            } else {
                // the thread-0 instance appends its siblings' file names (one per thread)
                fn = new String[Math.max(1, kernel.parallel.threads())];
                for (int t = 0; t < fn.length; t++) fn[t] = vpNodeId[i] != null ? filename(i, t) : "";
            }
            d.put("filenames", fn);
        } else {
            d.put("precision", precision[i]);
        }
        d.put("time_in_steps", timeInSteps[i]);
    }

    private static final java.util.Set<String> MEMORY_KEYS = java.util.Set.of("time_in_steps");
    private static final java.util.Set<String> ASCII_KEYS = java.util.Set.of("file_extension", "precision", "label",
            "time_in_steps");
    private static final java.util.Set<String> SCREEN_KEYS = java.util.Set.of("precision", "time_in_steps");

    /**
     * RecordingDevice::set_status with IOManager::enroll_recorder. The device's parameters (label,
     * record_to, n_events, origin/start/stop) first; then the backend named by record_to reads its
     * keys from the same dictionary. Each backend keeps its own data per device (DeviceData): a device
     * that changes record_to is enrolled afresh in the new backend, whose settings start from the
     * backend's defaults (time_in_steps false, precision 3, file_extension "dat", the ascii file's
     * label empty, i.e. the model name, unless given in the same call), and is dropped by the others
     * (the memory backend's events are gone). A model prototype (SetDefaults, CopyModel) caches only
     * the backend keys of the last call (RecordingDevice::backend_params_ is cleared each time), which
     * new devices are enrolled with.
     */
    protected void setRec(int i, Status s) {
        if (kernel.sim.isPrepared()) {
            throw badProperty("Recorder parameters cannot be changed while inside a Prepare/Run/Cleanup context.");
        }
        String rt = s.s("record_to", recordTo[i]);
        if (!rt.equals("memory") && !rt.equals("ascii") && !rt.equals("screen")) {
            throw badProperty("Unknown recording backend '" + rt + "'");
        }
        boolean clear = false;
        if (s.has("n_events")) {
            long ne = s.l("n_events", 0);
            if (ne != 0) throw badProperty("Property n_events can only be set to 0 (which clears all stored events).");
            clear = true;
        }
        setDevice(i, s);
        final boolean proto = vpNodeId == null;
        // an instance that changes backend: enrolled in the new one, dropped by the old one
        final boolean switches = !proto && !rt.equals(recordTo[i]);
        // the backend's DeviceData: kept if the device stays in the backend (and is an instance)
        final boolean fresh = proto || switches;
        boolean tis = fresh ? false : timeInSteps[i];
        long prec = fresh ? 3 : precision[i];
        String ext = fresh ? "dat" : fileExtension[i];
        String lab = fresh ? "" : asciiLabel[i];
        final java.util.Set<String> keys = rt.equals("memory") ? MEMORY_KEYS : rt.equals("ascii") ? ASCII_KEYS : SCREEN_KEYS;
        if (keys.contains("file_extension")) ext = s.s("file_extension", ext);
        if (keys.contains("precision")) prec = s.l("precision", prec);
        if (keys.contains("label") && !proto) lab = s.s("label", lab);
        if (s.has("time_in_steps")) {
            boolean v = s.b("time_in_steps", tis);
            // the memory and ascii backends refuse the key after Simulate, whatever its value
            if (!rt.equals("screen") && kernel.sim.hasBeenSimulated()) {
                throw badProperty("Property time_in_steps cannot be set after Simulate has been called.");
            }
            tis = v;
        }
        final boolean enroll = switches && !rt.equals("memory");
        if (switches && recordTo[i].equals("memory")) {
            store[i].clear(); // disenrolled from the memory backend
        }
        recordTo[i] = rt;
        timeInSteps[i] = tis;
        precision[i] = prec;
        fileExtension[i] = ext;
        asciiLabel[i] = lab;
        if (clear) {
            store[i].clear();
            nEvents[i] = 0;
        }
        if (enroll) enroll(i);
    }

    /** RecordingBackendASCII::compute_vp_node_id_string_, when the device enrolls in the ascii backend. */
    private void enroll(int i) {
        long nodes = Math.max(1, kernel.nodes.size());
        int digits = (int) Math.floor(Math.log10(nodes)) + 1;
        int threads = kernel.parallel.threads();
        int vpDigits = (int) Math.floor(Math.log10(threads)) + 1;
        String id = String.format("%0" + digits + "d", gid(i));
        vpNodeId[i] = "-" + id + "-";
        this.vpDigits[i] = vpDigits;
    }

    private String dataPathWithSlash() {
        String path = kernel.dataPath;
        if (!path.isEmpty() && !path.endsWith("/")) path += "/";
        return path;
    }

    /** The file of the device's instance on thread (vp) t. */
    String filename(int i, int t) {
        String lab = asciiLabel[i].isEmpty() ? model.name : asciiLabel[i];
        return dataPathWithSlash() + kernel.dataPrefix + lab + vpNodeId[i] + String.format("%0" + vpDigits[i] + "d", t) + "."
                + fileExtension[i];
    }

    /**
     * How many of an event's values are doubles (NEST's double_values, printed with the precision);
     * the rest are NEST's long_values, printed as integers (weight_recorder's targets, receptors and
     * ports, spin_detector's state).
     */
    protected int doubleValues() {
        return Integer.MAX_VALUE;
    }

    /** The node whose thread records an event of this sender (NEST: the instance on the sender's thread). */
    protected long recordingNode(long sender, double[] values, int from) {
        return sender;
    }

    /** IOManager::prepare: open the ascii files (each Prepare starts a new file, as in NEST). */
    public void openFiles() {
        final int T = kernel.parallel.threads();
        if (files.length != n * T) {
            closeFiles();
            files = new Writer[n * T];
        }
        fileThreads = T;
        for (int i = 0; i < n; i++) {
            if (!recordTo[i].equals("ascii")) continue;
            if (vpNodeId[i] == null) enroll(i);
            for (int t = 0; t < T; t++) {
                String fn = filename(i, t);
                File f = new File(fn);
                if (f.canRead() && !kernel.overwriteFiles) {
                    // RecordingBackendASCII::DeviceData::open_file: the reason is logged, SLI's IOError has no message
                    org.nestj.engine.Log.error("RecordingBackendASCII::enroll()", "The file '" + fn + "' already "
                            + "exists and overwriting files is disabled. To overwrite files, set the kernel property "
                            + "overwrite_files to true. To change the name or location of the file, change the kernel "
                            + "properties data_path or data_prefix, or the device property label.");
                    throw new NestException("IOError", "");
                }
                try {
                    Writer w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(f), StandardCharsets.UTF_8), 1 << 16);
                    w.write("# NEST version: " + Kernel.VERSION + "\n# RecordingBackendASCII version: 2\n");
                    StringBuilder sb = new StringBuilder("sender");
                    sb.append(timeInSteps[i] ? "\ttime_step\ttime_offset" : "\ttime_ms");
                    for (String v : valueNames(i)) sb.append('\t').append(v);
                    sb.append('\n');
                    w.write(sb.toString());
                    files[i * T + t] = w;
                } catch (IOException e) {
                    org.nestj.engine.Log.error("RecordingBackendASCII::prepare()", "I/O error while opening file '"
                            + fn + "'.");
                    throw new NestException("IOError", "");
                }
            }
        }
    }

    public void flushFiles() {
        for (Writer w : files) {
            if (w == null) continue;
            try {
                w.flush();
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while writing a recording file: " + e.getMessage());
            }
        }
    }

    public void closeFiles() {
        for (int f = 0; f < files.length; f++) {
            if (files[f] == null) continue;
            try {
                files[f].close();
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while closing a recording file: " + e.getMessage());
            } finally {
                files[f] = null;
            }
        }
    }

    /**
     * A double as C++'s std::fixed with setprecision(p) writes it (glibc's printf %.pf): exact
     * decimal value rounded half-even, the sign kept for negative values that round to zero and
     * for -0.0 ("-0.000"), "nan"/"-nan" by the sign bit, "inf"/"-inf".
     */
    static String fixed(double v, int p) {
        final boolean neg = Double.doubleToRawLongBits(v) < 0;
        if (Double.isNaN(v)) return neg ? "-nan" : "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String r = new BigDecimal(v).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        return neg && r.charAt(0) != '-' ? "-" + r : r;
    }

    private void line(int i, long sender, long stamp, double offset, double[] values, int from, int nv) {
        int p = (int) precision[i];
        StringBuilder sb = new StringBuilder(48);
        sb.append(sender).append('\t');
        if (timeInSteps[i]) {
            sb.append(stamp).append('\t').append(fixed(offset, p));
        } else {
            sb.append(fixed(kernel.time.stepsToMs(stamp) - offset, p));
        }
        final int nd = Math.min(nv, doubleValues());
        for (int j = 0; j < nd; j++) sb.append('\t').append(fixed(values[from + j], p));
        for (int j = nd; j < nv; j++) sb.append('\t').append((long) values[from + j]);
        sb.append('\n');
        if (recordTo[i].equals("screen")) {
            System.out.print(sb);
        } else {
            final int t = fileThreads == 1 ? 0 : (int) (recordingNode(sender, values, from) % fileThreads);
            try {
                if (files[i * fileThreads + t] == null) openFiles();
                files[i * fileThreads + t].write(sb.toString());
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while writing '" + filename(i, t) + "': " + e.getMessage());
            }
        }
    }

    private static final double[] NONE = new double[0];

    /** Writes one event without values (spikes). */
    protected final void write(int i, long sender, long stamp, double offset) {
        nEvents[i]++;
        if (recordTo[i].equals("memory")) store[i].add(sender, stamp, offset);
        else line(i, sender, stamp, offset, NONE, 0, 0);
    }

    /** Writes one event with nv values starting at values[from]. */
    protected final void write(int i, long sender, long stamp, double[] values, int from, int nv) {
        nEvents[i]++;
        if (recordTo[i].equals("memory")) store[i].add(sender, stamp, values, from);
        else line(i, sender, stamp, 0.0, values, from, nv);
    }

    @Override
    public void calibrate() {
        super.calibrate();
        for (EventStore e : store) e.activate();
    }

    @Override
    public void update(long origin, int from, int to, int i0, int i1, SpikeOut out) {
    }
}
