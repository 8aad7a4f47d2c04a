"""Raster plots with a population-rate histogram (the behaviour of PyNEST 3.9's nest.raster_plot).

``from_device(spike_recorder)`` plots what a spike_recorder stored in memory, or reads its ascii
files; ``from_file`` reads ascii files of spike recorders (two comment lines and a header line, then
rows ``sender time``); ``from_data`` plots rows (sender, time); ``extract_events`` selects rows by
time window and sender. The histogram counts all spikes in bins of ``hist_binwidth`` starting at the
first spike time, the last bin collecting everything from its left edge on (as PyNEST does), and
shows the rate per neuron in spikes/s.
"""
import numpy

from .lib.hl_api_exceptions import NESTError
from .lib.hl_api_types import NodeCollection

__all__ = ["extract_events", "from_data", "from_device", "from_file", "from_file_numpy", "from_file_pandas", "show"]


def extract_events(data, time=None, sel=None):
    """Rows (node_id, t) of data with t_min <= t < t_max and node_id in sel.

    time: ``[t_max]`` or ``[t_min, t_max]`` (default: all times, t_min 0); sel: node ids to keep
    (default or empty: all). Returns a numpy array of the selected rows.
    """
    lo, hi = 0, float("inf")
    if time:
        hi = time[-1]
        if len(time) > 1:
            lo = time[0]
    rows = []
    for row in data:
        node_id, t = row[0], row[1]
        if t < lo or not t < hi:
            continue
        if sel and node_id not in sel:
            continue
        rows.append(row)
    return numpy.array(rows)


def from_data(data, sel=None, **kwargs):
    """Raster plot of rows (node_id, time); sel restricts the dots (not the histogram) to some senders."""
    if not len(data):
        raise NESTError("No data to plot.")
    data = numpy.asarray(data)
    chosen = extract_events(data, sel=sel)
    return _make_plot(data[:, 1], chosen[:, 1], chosen[:, 0], data[:, 0], **kwargs)


def from_file(fname, **kwargs):
    """Raster plot from one ascii file or a list/tuple of them (concatenated). Returns None, as PyNEST."""
    if isinstance(fname, str):
        fname = [fname]
    if not isinstance(fname, (list, tuple)):
        print("fname should be one of str/list(str)/tuple(str).")
        return None
    try:
        global pandas
        pandas = __import__("pandas")
        from_file_pandas(fname, **kwargs)
    except ImportError:
        from_file_numpy(fname, **kwargs)


def from_file_pandas(fname, **kwargs):
    """from_file with pandas (header on the third line)."""
    import pandas as pd
    parts = [pd.read_table(f, header=2, skipinitialspace=True).values for f in fname]
    return from_data(numpy.concatenate(parts) if len(parts) > 1 else parts[0], **kwargs)


def from_file_numpy(fname, **kwargs):
    """from_file with numpy (skips the three header lines)."""
    parts = [numpy.loadtxt(f, skiprows=3) for f in fname]
    return from_data(numpy.concatenate(parts) if len(parts) > 1 else parts[0], **kwargs)


def from_device(detec, **kwargs):
    """Raster plot of a spike_recorder's spikes (memory or ascii backend).

    kwargs go to the plot: hist (True), hist_binwidth (5.0), grayscale (False), title, xlabel.
    """
    from .lib.hl_api_models import GetDefaults
    if GetDefaults(detec.get("model"), "type_id") != "spike_recorder":
        raise NESTError("Please provide a spike_recorder.")
    backend = detec.get("record_to")
    if backend == "memory":
        ev = detec.get("events")
        ts, node_ids = ev["times"], ev["senders"]
        if not len(ts):
            raise NESTError("No events recorded!")
        kwargs.setdefault("title", "Raster plot from device '%i'" % detec.get("global_id"))
        xlabel = "Steps" if detec.get("time_in_steps") else "Time (ms)"
        return _make_plot(ts, ts, node_ids, node_ids, xlabel=xlabel, **kwargs)
    if backend == "ascii":
        return from_file(detec.get("filenames"), **kwargs)
    raise NESTError("No data to plot. Make sure that record_to is set to either 'ascii' or 'memory'.")


def _histogram(a, bins):
    """Counts per bin of sorted left edges ``bins``; the last bin takes everything from its edge on."""
    a = numpy.sort(numpy.asarray(a).ravel())
    bins = numpy.asarray(bins)
    if (numpy.diff(bins) < 0).any():
        raise ValueError("bins must increase monotonically")
    below = numpy.searchsorted(a, bins)
    return numpy.diff(numpy.append(below, a.size)), bins


def _make_plot(ts, ts1, node_ids, neurons, hist=True, hist_binwidth=5.0, grayscale=False, title=None, xlabel=None):
    """Dots (ts1, node_ids) and, with hist, below them the rate histogram of all times ts over the
    distinct neurons. Returns the list of Line2D of the dots."""
    import matplotlib.pyplot as plt

    plt.figure()
    dots = ".k" if grayscale else "."
    bar_color = "gray" if grayscale else "blue"
    xlabel = "Time (ms)" if xlabel is None else xlabel
    if hist:
        raster_ax = plt.axes([0.1, 0.3, 0.85, 0.6])
        lines = plt.plot(ts1, node_ids, dots)
        plt.ylabel("Neuron ID")
        plt.xticks([])
        xlim = plt.xlim()
        plt.axes([0.1, 0.1, 0.85, 0.17])
        edges = numpy.arange(numpy.amin(ts), numpy.amax(ts), float(hist_binwidth))
        counts, _ = _histogram(ts, edges)
        rate = 1000 * counts / (hist_binwidth * len(numpy.unique(neurons)))
        plt.bar(edges, rate, width=hist_binwidth, color=bar_color, edgecolor="black")
        plt.yticks([int(y) for y in numpy.linspace(0.0, int(max(rate) * 1.1) + 5, 4)])
        plt.ylabel("Rate (spks/s)")
        plt.xlabel(xlabel)
        plt.xlim(xlim)
        plt.axes(raster_ax)
    else:
        lines = plt.plot(ts1, node_ids, dots)
        plt.xlabel(xlabel)
        plt.ylabel("Neuron ID")
    plt.title("Raster plot" if title is None else title)
    plt.draw()
    return lines


def show():
    """matplotlib's show()."""
    import matplotlib.pyplot as plt
    plt.show()
