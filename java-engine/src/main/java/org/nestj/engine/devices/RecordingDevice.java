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
    /** "-<node id>-<vp>" fixed when the device enrolled in the ascii backend (NEST pads with the digits of the network size then). */
    String[] vpNodeId;
    Writer[] files;

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
    }

    @Override
    public void created() {
        vpNodeId = new String[n];
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

    protected boolean withOffsets() {
        return false;
    }

    /** Names of the double values each event carries (for the file header). */
    protected String[] valueNames(int i) {
        return new String[0];
    }

    protected void getRec(int i, Map<String, Object> d) {
        getDevice(i, d);
        d.put("record_to", recordTo[i]);
        d.put("time_in_steps", timeInSteps[i]);
        d.put("n_events", nEvents[i]);
        if (recordTo[i].equals("memory")) {
            d.put("events", store[i].events(kernel.time, timeInSteps[i], withOffsets()));
        } else {
            d.put("events", new java.util.LinkedHashMap<String, Object>());
        }
        if (recordTo[i].equals("ascii")) {
            d.put("file_extension", fileExtension[i]);
            d.put("precision", precision[i]);
            d.put("filenames", new String[] {vpNodeId != null && vpNodeId[i] != null ? filename(i) : ""});
        } else if (recordTo[i].equals("screen")) {
            d.put("precision", precision[i]);
        }
    }

    protected void setRec(int i, Status s) {
        if (kernel.sim.isPrepared()) {
            throw badProperty("Recorder parameters cannot be changed while inside a Prepare/Run/Cleanup context.");
        }
        String rt = s.s("record_to", recordTo[i]);
        if (!rt.equals("memory") && !rt.equals("ascii") && !rt.equals("screen")) {
            throw badProperty("Unknown recording backend '" + rt + "'. Available: memory, ascii, screen.");
        }
        boolean tis = s.b("time_in_steps", timeInSteps[i]);
        if (s.has("time_in_steps") && tis != timeInSteps[i] && kernel.sim.hasBeenSimulated()) {
            throw badProperty("Property time_in_steps cannot be set after Simulate has been called.");
        }
        boolean clear = false;
        if (s.has("n_events")) {
            long ne = s.l("n_events", 0);
            if (ne != 0) throw badProperty("Property n_events can only be set to 0 (which clears all stored events).");
            clear = true;
        }
        if (s.has("events")) {
            throw badProperty("Property 'events' is read-only; set n_events to 0 to clear the recorded events.");
        }
        long prec = precision[i];
        String ext = fileExtension[i];
        if (!rt.equals("memory")) {
            prec = s.l("precision", prec);
            if (rt.equals("ascii")) ext = s.s("file_extension", ext);
        }
        setDevice(i, s);
        boolean enroll = !rt.equals(recordTo[i]) && !rt.equals("memory");
        recordTo[i] = rt;
        timeInSteps[i] = tis;
        precision[i] = prec;
        fileExtension[i] = ext;
        if (clear) {
            store[i].clear();
            nEvents[i] = 0;
        }
        if (enroll && vpNodeId != null) enroll(i);
    }

    private void enroll(int i) {
        long nodes = Math.max(1, kernel.nodes.size());
        int digits = (int) Math.floor(Math.log10(nodes)) + 1;
        int threads = kernel.parallel.threads();
        int vpDigits = (int) Math.floor(Math.log10(threads)) + 1;
        String id = String.format("%0" + digits + "d", gid(i));
        String vp = String.format("%0" + vpDigits + "d", kernel.nodes.ownerThread(this, i));
        vpNodeId[i] = "-" + id + "-" + vp;
    }

    String filename(int i) {
        String path = kernel.dataPath;
        if (!path.isEmpty() && !path.endsWith("/")) path += "/";
        String lab = label[i].isEmpty() ? model.name : label[i];
        return path + kernel.dataPrefix + lab + vpNodeId[i] + "." + fileExtension[i];
    }

    /** IOManager::prepare: open the ascii files (each Prepare starts a new file, as in NEST). */
    public void openFiles() {
        for (int i = 0; i < n; i++) {
            if (!recordTo[i].equals("ascii")) continue;
            if (vpNodeId[i] == null) enroll(i);
            String fn = filename(i);
            File f = new File(fn);
            if (f.exists() && !kernel.overwriteFiles) {
                throw new NestException("IOError", "The file '" + fn + "' already exists and overwriting files is "
                        + "disabled. To overwrite files, set the kernel property overwrite_files to true. To change the "
                        + "name or location of the file, change the kernel properties data_path or data_prefix, or the "
                        + "device property label.");
            }
            try {
                Writer w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(f), StandardCharsets.UTF_8), 1 << 16);
                w.write("# NEST version: " + Kernel.VERSION + "\n# RecordingBackendASCII version: 2\n");
                StringBuilder sb = new StringBuilder("sender");
                sb.append(timeInSteps[i] ? "\ttime_step\ttime_offset" : "\ttime_ms");
                for (String v : valueNames(i)) sb.append('\t').append(v);
                sb.append('\n');
                w.write(sb.toString());
                files[i] = w;
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while opening file '" + fn + "': " + e.getMessage());
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
        for (int i = 0; i < n; i++) {
            if (files[i] == null) continue;
            try {
                files[i].close();
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while closing a recording file: " + e.getMessage());
            } finally {
                files[i] = null;
            }
        }
    }

    private static String fixed(double v, int p) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return new BigDecimal(v).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
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
        for (int j = 0; j < nv; j++) sb.append('\t').append(fixed(values[from + j], p));
        sb.append('\n');
        if (recordTo[i].equals("screen")) {
            System.out.print(sb);
        } else {
            try {
                if (files[i] == null) openFiles();
                files[i].write(sb.toString());
            } catch (IOException e) {
                throw new NestException("IOError", "I/O error while writing '" + filename(i) + "': " + e.getMessage());
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
