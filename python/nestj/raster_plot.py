"""Raster plots with a rate histogram (PyNEST's nest.raster_plot)."""
import numpy as np

from .lib.hl_api_exceptions import NESTErrors
from .lib.hl_api_types import NodeCollection

__all__ = ["extract_events", "from_data", "from_device", "from_file", "from_file_numpy", "from_file_pandas", "show"]


def extract_events(data, time=None, sel=None):
    """Rows of data (sender, time) within the time window [t0, t1] and for the senders in sel."""
    val = []
    if time:
        t_max, t_min = time[-1], time[0]
    else:
        t_max, t_min = None, None
    for v in data:
        t, s = v[1], v[0]
        if sel is not None and s not in sel:
            continue
        if time and (t < t_min or t >= t_max):
            continue
        val.append(v)
    return np.array(val)


def from_data(data, sel=None, **kwargs):
    """Plot raster from an array of rows (sender, time)."""
    if len(data) == 0:
        raise NESTErrors.PyNESTError("No data to plot.")
    data = np.asarray(data)
    ts = data[:, 1]
    d = extract_events(data, sel=sel)
    ts1 = d[:, 1]
    gids = d[:, 0]
    return _make_plot(ts, ts1, gids, data[:, 0], **kwargs)


def from_file(fname, **kwargs):
    if isinstance(fname, str):
        fname = [fname]
    return from_file_numpy(fname, **kwargs)


def from_file_numpy(fname, **kwargs):
    """Plot from ASCII files written by spike recorders (two comment lines and a header, then sender, time)."""
    data = np.concatenate([np.loadtxt(f, skiprows=3, ndmin=2) for f in fname])
    return from_data(data[:, :2], **kwargs)


def from_file_pandas(fname, **kwargs):
    return from_file_numpy(fname, **kwargs)


def from_device(detec, **kwargs):
    """Plot the spikes recorded by a spike_recorder: raster plus histogram of the population rate."""
    if not isinstance(detec, NodeCollection) or len(detec) != 1:
        raise TypeError("detec must be a NodeCollection of length 1")
    from .lib.hl_api_models import GetDefaults
    if GetDefaults(detec.get("model"), "type_id") != "spike_recorder":
        raise NESTErrors.NESTError("Please provide a spike_recorder.")
    if detec.get("record_to") == "ascii":
        return from_file(list(detec.get("filenames")), **kwargs)
    if detec.get("record_to") != "memory":
        raise NESTErrors.NESTError("No data to plot. Make sure that record_to is set to either 'ascii' or 'memory'.")
    ev = detec.get("events")
    ts, gids = np.asarray(ev["times"]), np.asarray(ev["senders"])
    if len(ts) == 0:
        raise NESTErrors.NESTError("No events recorded!")
    if "title" not in kwargs:
        kwargs["title"] = "Raster plot from device '%i'" % detec.get("global_id")
    if detec.get("time_in_steps"):
        xlabel = "Steps"
    else:
        xlabel = "Time (ms)"
    return _make_plot(ts, ts, gids, gids, xlabel=xlabel, **kwargs)


def _make_plot(ts, ts1, node_ids, neurons, hist=True, hist_binwidth=5.0, grayscale=False, title=None, xlabel=None):
    import matplotlib.pyplot as plt
    plt.figure()
    color_marker = ".k" if grayscale else "."
    color_bar = "gray" if grayscale else "blue"
    color_edge = "black"
    if xlabel is None:
        xlabel = "Time (ms)"
    ylabel = "Neuron ID"
    if hist:
        ax1 = plt.axes([0.1, 0.3, 0.85, 0.6])
        plotid = plt.plot(ts1, node_ids, color_marker)
        plt.ylabel(ylabel)
        plt.xticks([])
        xlim = plt.xlim()
        plt.axes([0.1, 0.1, 0.85, 0.17])
        t_bins = np.arange(np.amin(ts), np.amax(ts), float(hist_binwidth))
        if len(t_bins) < 2:
            t_bins = np.array([np.amin(ts), np.amin(ts) + float(hist_binwidth)])
        n, _ = np.histogram(ts, bins=t_bins)
        num_neurons = len(np.unique(neurons))
        heights = 1000 * n / (hist_binwidth * num_neurons)
        plt.bar(t_bins[:-1], heights, width=hist_binwidth, color=color_bar, edgecolor=color_edge, align="edge")
        plt.yticks([int(x) for x in np.linspace(0.0, int(max(heights) * 1.1) + 5, 4)])
        plt.ylabel("Rate (Hz)")
        plt.xlabel(xlabel)
        plt.xlim(xlim)
        plt.axes(ax1)
    else:
        plotid = plt.plot(ts1, node_ids, color_marker)
        plt.xlabel(xlabel)
        plt.ylabel(ylabel)
    plt.title(title or "Raster plot")
    plt.draw()
    return plotid


def show():
    import matplotlib.pyplot as plt
    plt.show()
