"""Recording backends (ascii files as NEST 3.9's recording_backend_ascii writes them) and PyNEST's
plotting helpers nest.raster_plot / nest.voltage_trace (under matplotlib's Agg backend)."""
import os

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _spiking_net(nest, rec_params, n=1, sim=30.0):
    """n neurons driven to fire regularly (first spike at 2.1 ms ... as recording_demo), one recorder."""
    neurons = nest.Create("iaf_psc_alpha", n, params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder", params=rec_params)
    nest.Connect(neurons, sr)
    nest.Simulate(sim)
    return neurons, sr


def _read(fname):
    with open(fname) as f:
        return f.read().splitlines()


# ---------------------------------------------------------------- ascii backend


def test_ascii_file_name_from_path_prefix_label(nest, tmp_path):
    nest.data_path = str(tmp_path)
    nest.data_prefix = "pre_"
    nest.Create("iaf_psc_alpha", 10)  # 12 nodes in all: node ids are padded to two digits
    n = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder", params={"record_to": "ascii", "label": "lab"})
    nest.Connect(n, sr)
    nest.Simulate(20.0)
    expected = os.path.join(str(tmp_path), "pre_lab-12-0.dat")
    assert list(sr.get("filenames")) == [expected]
    assert os.path.exists(expected)


def test_ascii_file_name_without_label_uses_model(nest, tmp_path):
    nest.data_path = str(tmp_path)
    mm = nest.Create("multimeter", params={"record_to": "ascii", "record_from": ["V_m"]})
    n = nest.Create("iaf_psc_alpha")
    nest.Connect(mm, n)
    nest.Simulate(5.0)
    assert list(mm.get("filenames")) == [os.path.join(str(tmp_path), "multimeter-1-0.dat")]


def test_missing_data_path_is_not_taken(nest, tmp_path, capfd):
    nest.data_path = str(tmp_path)
    nest.data_path = str(tmp_path / "does_not_exist")
    # NEST logs an error and keeps the previous path
    assert nest.data_path == str(tmp_path)


def test_ascii_header_and_rows_in_ms(nest, tmp_path):
    nest.data_path = str(tmp_path)
    neurons, sr = _spiking_net(nest, {"record_to": "ascii"})
    lines = _read(sr.get("filenames")[0])
    assert lines[0].startswith("# NEST version: ")
    assert lines[1] == "# RecordingBackendASCII version: 2"
    assert lines[2] == "sender\ttime_ms"
    rows = [ln.split("\t") for ln in lines[3:]]
    assert len(rows) == sr.get("n_events") > 0
    assert all(r[0] == "1" for r in rows)
    # three digits after the point (precision 3, fixed notation)
    assert all(len(r[1].split(".")[1]) == 3 for r in rows)
    # same times as the memory backend
    nest.ResetKernel()
    neurons, sr_mem = _spiking_net(nest, {})
    assert np.allclose([float(r[1]) for r in rows], sr_mem.get("events", "times"))


def test_ascii_multimeter_columns_and_precision(nest, tmp_path):
    nest.data_path = str(tmp_path)
    n = nest.Create("iaf_cond_alpha")
    mm = nest.Create("multimeter", params={"interval": 0.5, "record_from": ["V_m", "g_ex"], "record_to": "ascii",
                                           "precision": 5})
    nest.Connect(mm, n)
    nest.Simulate(3.0)
    lines = _read(mm.get("filenames")[0])
    assert lines[2] == "sender\ttime_ms\tV_m\tg_ex"
    assert lines[3] == "1\t0.50000\t-70.00000\t0.00000"
    assert mm.get("precision") == 5


def test_ascii_time_in_steps(nest, tmp_path):
    nest.data_path = str(tmp_path)
    neurons, sr = _spiking_net(nest, {"record_to": "ascii", "time_in_steps": True})
    lines = _read(sr.get("filenames")[0])
    assert lines[2] == "sender\ttime_step\ttime_offset"
    sender, step, offset = lines[3].split("\t")
    assert sender == "1" and step.isdigit() and offset == "0.000"
    nest.ResetKernel()
    neurons, sr_mem = _spiking_net(nest, {"time_in_steps": True})
    steps = [int(ln.split("\t")[1]) for ln in lines[3:]]
    assert steps == list(sr_mem.get("events", "times"))


def test_ascii_existing_file_needs_overwrite_files(nest, tmp_path):
    nest.data_path = str(tmp_path)
    _spiking_net(nest, {"record_to": "ascii"})
    nest.ResetKernel()
    nest.data_path = str(tmp_path)
    assert not nest.overwrite_files
    n = nest.Create("iaf_psc_alpha")
    sr = nest.Create("spike_recorder", params={"record_to": "ascii"})
    nest.Connect(n, sr)
    # NEST logs the reason and raises SLI's IOError without a message (test_device_audit checks the log)
    with pytest.raises(nest.NESTErrors.IOError):
        nest.Simulate(10.0)
    nest.ResetKernel()
    nest.data_path = str(tmp_path)
    nest.overwrite_files = True
    _spiking_net(nest, {"record_to": "ascii"}, sim=5.0)


def test_memory_events_keys_sorted(nest):
    neurons, sr = _spiking_net(nest, {"time_in_steps": True})
    assert list(sr.get("events").keys()) == ["offsets", "senders", "times"]


# ---------------------------------------------------------------- raster_plot


def test_extract_events_time_window_and_selection(nest):
    import nestj.raster_plot as rp
    data = np.array([[1, 1.0], [2, 2.0], [1, 3.0], [3, 4.0], [2, 5.0]])
    assert rp.extract_events(data).shape == (5, 2)
    # time=[t_max]: t < t_max
    assert rp.extract_events(data, time=[3.0])[:, 1].tolist() == [1.0, 2.0]
    # time=[t_min, t_max]: t_min <= t < t_max
    assert rp.extract_events(data, time=[2.0, 5.0])[:, 1].tolist() == [2.0, 3.0, 4.0]
    assert rp.extract_events(data, sel=[2])[:, 1].tolist() == [2.0, 5.0]
    assert rp.extract_events(data, time=[2.0, 6.0], sel=[1, 2])[:, 1].tolist() == [2.0, 3.0, 5.0]


def test_raster_from_device_memory(nest):
    import matplotlib.pyplot as plt
    import nestj.raster_plot as rp
    neurons, sr = _spiking_net(nest, {}, n=3, sim=100.0)
    plt.close("all")
    lines = rp.from_device(sr, hist=True, hist_binwidth=10.0)
    ev = sr.get("events")
    assert np.array_equal(lines[0].get_xdata(), ev["times"])
    assert np.array_equal(lines[0].get_ydata(), ev["senders"])
    fig = plt.gcf()
    assert len(fig.axes) == 2
    raster_ax, hist_ax = fig.axes
    assert raster_ax.get_title() == "Raster plot from device '%i'" % sr.global_id
    assert hist_ax.get_ylabel() == "Rate (spks/s)"
    # PyNEST's histogram: left edges from the first spike, last bin takes the rest, rate per neuron
    t = ev["times"]
    edges = np.arange(t.min(), t.max(), 10.0)
    heights = [p.get_height() for p in hist_ax.patches]
    assert len(heights) == len(edges)
    counts = [np.sum((t >= a) & (t < b)) for a, b in zip(edges[:-1], edges[1:])] + [np.sum(t >= edges[-1])]
    assert np.allclose(heights, 1000 * np.array(counts) / (10.0 * 3))
    plt.close("all")


def test_raster_without_hist_and_errors(nest):
    import matplotlib.pyplot as plt
    import nestj.raster_plot as rp
    neurons, sr = _spiking_net(nest, {}, sim=50.0)
    plt.close("all")
    rp.from_device(sr, hist=False, title="t")
    ax = plt.gca()
    assert ax.get_title() == "t" and ax.get_xlabel() == "Time (ms)" and ax.get_ylabel() == "Neuron ID"
    with pytest.raises(nest.NESTError, match="No data to plot"):
        rp.from_data([])
    with pytest.raises(nest.NESTError, match="spike_recorder"):
        rp.from_device(nest.Create("voltmeter"))
    empty = nest.Create("spike_recorder")
    with pytest.raises(nest.NESTError, match="No events recorded"):
        rp.from_device(empty)
    plt.close("all")


def test_raster_from_file_and_ascii_device(nest, tmp_path):
    import matplotlib.pyplot as plt
    import nestj.raster_plot as rp
    nest.data_path = str(tmp_path)
    neurons, sr = _spiking_net(nest, {"record_to": "ascii"}, n=2, sim=60.0)
    plt.close("all")
    assert rp.from_device(sr) is None  # PyNEST's from_file returns nothing
    lines = plt.gcf().axes[0].get_lines()
    data = np.loadtxt(sr.get("filenames")[0], skiprows=3)
    assert np.array_equal(lines[0].get_xdata(), data[:, 1])
    plt.close("all")
    fname = sr.get("filenames")[0]
    rp.from_file([fname, fname])
    assert len(plt.gcf().axes[0].get_lines()[0].get_xdata()) == 2 * len(data)
    plt.close("all")


def test_raster_from_data_selection(nest):
    import matplotlib.pyplot as plt
    import nestj.raster_plot as rp
    data = np.array([[1, 1.0], [2, 2.0], [1, 13.0], [2, 24.0]])
    plt.close("all")
    lines = rp.from_data(data, sel=[2], hist=True)
    assert lines[0].get_xdata().tolist() == [2.0, 24.0]
    # the histogram still counts all events, per distinct neuron
    heights = [p.get_height() for p in plt.gcf().axes[1].patches]
    assert np.allclose(heights, 1000 * np.array([2, 0, 1, 0, 1]) / (5.0 * 2))
    plt.close("all")


# ---------------------------------------------------------------- voltage_trace


def test_voltage_trace_from_device(nest):
    import matplotlib.pyplot as plt
    import nestj.voltage_trace as vt
    n = nest.Create("iaf_psc_alpha", 2, params={"I_e": [300.0, 500.0]})
    vm = nest.Create("voltmeter")
    nest.Connect(vm, n)
    nest.Simulate(50.0)
    plt.close("all")
    ids = vt.from_device(vm)
    assert len(ids) == 2
    ev = vm.get("events")
    sel = ev["senders"] == n[1].global_id
    line = ids[1][0]
    assert np.allclose(line.get_xdata(), ev["times"][sel])
    # single precision, as PyNEST's array('f')
    assert np.allclose(line.get_ydata(), ev["V_m"][sel], atol=1e-4)
    ax = plt.gca()
    assert ax.get_title() == "Membrane potential" and ax.get_xlabel() == "Time (ms)"
    plt.close("all")
    ids = vt.from_device(vm, neurons=[n[0].global_id], timeunit="s", title="x")
    assert len(ids) == 1 and plt.gca().get_xlabel() == "Time (s)"
    assert np.isclose(ids[0][0].get_xdata()[-1], ev["times"][ev["senders"] == n[0].global_id][-1] / 1000.0)
    plt.close("all")


def test_voltage_trace_checks(nest):
    import nestj.voltage_trace as vt
    with pytest.raises(nest.NESTError, match="voltmeter or a multimeter"):
        vt.from_device(nest.Create("spike_recorder"))
    mm = nest.Create("multimeter", params={"record_from": ["g_ex"]})
    with pytest.raises(nest.NESTError, match="measuring V_m"):
        vt.from_device(mm)
    vm = nest.Create("voltmeter")
    nest.Connect(vm, nest.Create("iaf_psc_alpha"))
    with pytest.raises(nest.NESTError, match="No events recorded"):
        vt.from_device(vm)


def test_voltage_trace_from_ascii_device(nest, tmp_path):
    import matplotlib.pyplot as plt
    import nestj.voltage_trace as vt
    nest.data_path = str(tmp_path)
    n = nest.Create("iaf_psc_alpha", 2, params={"I_e": 400.0})
    vm = nest.Create("voltmeter", params={"record_to": "ascii"})
    nest.Connect(vm, n)
    nest.Simulate(20.0)
    plt.close("all")
    ids = vt.from_device(vm)
    assert len(ids) == 2
    data = np.loadtxt(vm.get("filenames")[0], skiprows=3)
    first = data[data[:, 0] == data[0, 0]]
    assert np.allclose(ids[0][0].get_xdata(), first[:, 1])
    assert np.allclose(ids[0][0].get_ydata(), first[:, 2])
    assert plt.gca().get_xlabel() == "Time (ms)"
    plt.close("all")


def test_ascii_one_file_per_thread(nest, tmp_path):
    # NEST has one instance of a recorder per thread, each writing "-<node id>-<vp>.dat" with the events
    # of the nodes on its thread (vp = node id mod number of threads); filenames lists them all; a
    # weight_recorder's events go to the file of the connection target's thread
    nest.local_num_threads = 2
    nest.data_path = str(tmp_path)
    n = nest.Create("iaf_psc_alpha", 5, params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder", params={"record_to": "ascii"})
    wr = nest.Create("weight_recorder", params={"record_to": "ascii"})
    nest.CopyModel("static_synapse", "recorded", {"weight_recorder": wr})
    nest.Connect(n, sr)
    nest.Connect(n[0], n[1:3], syn_spec="recorded")
    files = sr.get("filenames")
    assert [os.path.basename(f) for f in files] == ["spike_recorder-6-0.dat", "spike_recorder-6-1.dat"]
    nest.Simulate(50.0)

    def rows(path):
        with open(path) as f:
            return [ln.split("\t") for ln in f if not ln.startswith("#") and not ln.startswith("sender")]
    senders = [sorted({int(r[0]) for r in rows(f)}) for f in files]
    assert senders == [[2, 4], [1, 3, 5]]
    assert sum(len(rows(f)) for f in files) == sr.n_events
    wfiles = [os.path.join(str(tmp_path), "weight_recorder-7-%d.dat" % t) for t in (0, 1)]
    targets = [sorted({int(r[3]) for r in rows(f)}) for f in wfiles]     # sender, time, weight, target (an integer)
    assert targets == [[2], [3]]
