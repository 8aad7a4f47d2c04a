"""Plot membrane-potential traces from voltmeters or files (PyNEST's nest.voltage_trace)."""
import numpy as np

from .lib.hl_api_exceptions import NESTErrors
from .lib.hl_api_types import NodeCollection

__all__ = ["from_device", "from_file", "show"]


def _plt():
    import matplotlib.pyplot as plt
    return plt


def from_file(fname, title=None, grayscale=False):
    """Plot voltage traces from ASCII files written by a voltmeter (columns sender, time, V)."""
    plt = _plt()
    if isinstance(fname, (list, tuple)):
        data = np.concatenate([np.loadtxt(f, skiprows=3, ndmin=2) for f in fname])
    else:
        data = np.loadtxt(fname, skiprows=3, ndmin=2)
    style = "k" if grayscale else ""
    plotids = []
    if data.shape[1] >= 3:
        for s in np.unique(data[:, 0]):
            sel = data[:, 0] == s
            plotids.append(plt.plot(data[sel, 1], data[sel, 2], style, label="Neuron %i" % s))
        plt.xlabel("Time (ms)")
        plt.legend()
    else:
        plotids = plt.plot(data[:, -1], style)
        plt.xlabel("Time (steps of length interval)")
    plt.title(title or "Membrane potential from file '%s'" % fname)
    plt.ylabel("Membrane potential (mV)")
    plt.draw()
    return plotids


def from_device(detec, neurons=None, title=None, grayscale=False, timeunit="ms"):
    """Plot the V_m traces recorded by a voltmeter or multimeter, one line per neuron."""
    if not isinstance(detec, NodeCollection) or len(detec) != 1:
        raise TypeError("detec needs to be a NodeCollection of length 1")
    model = detec.get("model")
    if model not in ("voltmeter", "multimeter") and "V_m" not in (detec.get("record_from") or ()):
        raise NESTErrors.PyNESTError("Please provide a voltmeter or a multimeter measuring V_m.")
    if detec.get("record_to") == "ascii":
        return from_file(list(detec.get("filenames")), title, grayscale)
    if detec.get("record_to") != "memory":
        raise NESTErrors.PyNESTError("No data to plot. Make sure that record_to is set to either 'ascii' or 'memory'.")
    plt = _plt()
    ev = detec.get("events")
    times, senders, v = np.asarray(ev["times"]), np.asarray(ev["senders"]), np.asarray(ev["V_m"])
    if len(times) == 0:
        raise NESTErrors.PyNESTError("No events recorded!")
    if timeunit == "s":
        times = times / 1000.0
    if neurons is None:
        neurons = np.unique(senders)
    elif isinstance(neurons, NodeCollection):
        neurons = neurons.tolist()
    style = "k" if grayscale else ""
    plotids = []
    for n in neurons:
        sel = senders == n
        if not np.any(sel):
            raise NESTErrors.PyNESTError("No events recorded for neuron %i" % n)
        plotids.append(plt.plot(times[sel], v[sel], style, label="Neuron %i" % n))
    plt.title(title or "Membrane potential")
    plt.ylabel("Membrane potential (mV)")
    if detec.get("time_in_steps"):
        plt.xlabel("Steps")
    else:
        plt.xlabel("Time (%s)" % timeunit)
    plt.legend(loc="best")
    plt.draw()
    return plotids


def show():
    _plt().show()
