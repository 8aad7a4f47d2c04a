"""Membrane-potential traces from voltmeters, multimeters or their files (the behaviour of PyNEST
3.9's nest.voltage_trace).

``from_device`` plots one line per recorded neuron from memory, or reads the device's ascii files;
``from_file`` reads files with one column (potential), two (node id, potential) or three (node id,
time, potential). One deliberate difference: files written by the ascii backend (two ``#`` lines
and a ``sender time_ms V_m`` header) are read by skipping the header line, where PyNEST's loadtxt
fails on it.
"""
import array

import numpy

from .lib.hl_api_exceptions import NESTError
from .lib.hl_api_types import NodeCollection

__all__ = ["from_device", "from_file", "show"]


def _load(fname):
    """numpy.loadtxt of a file, skipping '#' comments and a non-numeric header line."""
    with open(fname) as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    if lines:
        try:
            float(lines[0].split()[0])
        except ValueError:
            lines = lines[1:]
    return numpy.loadtxt(lines)


def from_file(fname, title=None, grayscale=False):
    """Plot voltage traces from a file or a list/tuple of files (concatenated); returns the plot ids."""
    import matplotlib.pyplot as plt

    if isinstance(fname, (list, tuple)):
        data = None
        for f in fname:
            d = _load(f)
            data = d if data is None else numpy.concatenate((data, d))
    else:
        data = _load(fname)
    style = "k" if grayscale else ""
    if len(data.shape) == 1:
        print("INFO: only found 1 column in the file. Assuming that only one neuron was recorded.")
        plotid = plt.plot(data, style)
        plt.xlabel("Time (steps of length interval)")
    elif data.shape[1] == 2:
        print("INFO: found 2 columns in the file. Assuming them to be node ID, pot.")
        traces = {}
        for node_id, v in data:
            traces.setdefault(node_id, []).append(v)
        plotid = [plt.plot(vs, style, label="Neuron %i" % node_id) for node_id, vs in traces.items()]
        plt.xlabel("Time (steps of length interval)")
        plt.legend()
    elif data.shape[1] == 3:
        # the time axis is taken from the first sender's rows
        first = data[0][0]
        times = [row[1] for row in data if row[0] == first]
        traces = {}
        for row in data:
            traces.setdefault(row[0], []).append(row[2])
        plotid = [plt.plot(times, vs, style, label="Neuron %i" % node_id) for node_id, vs in traces.items()]
        plt.xlabel("Time (ms)")
        plt.legend()
    else:
        raise ValueError("Inappropriate data shape %i!" % data.shape)
    plt.title(title if title else "Membrane potential from file '%s'" % fname)
    plt.ylabel("Membrane potential (mV)")
    plt.draw()
    return plotid


def from_device(detec, neurons=None, title=None, grayscale=False, timeunit="ms"):
    """Plot V_m of the neurons recorded by a voltmeter or a multimeter recording V_m.

    neurons: node ids to plot (default: all recorded); timeunit "ms" or "s" (times divided by 1000).
    Returns the list of plot ids.
    """
    import matplotlib.pyplot as plt
    from .lib.hl_api_models import GetDefaults

    if len(detec) > 1:
        raise NESTError("Please provide a single voltmeter.")
    type_id = GetDefaults(detec.get("model"), "type_id")
    if type_id not in ("voltmeter", "multimeter"):
        raise NESTError("Please provide a voltmeter or a multimeter measuring V_m.")
    if type_id == "multimeter":
        if "V_m" not in detec.get("record_from"):
            raise NESTError("Please provide a multimeter measuring V_m.")
        if detec.get("record_to") != "memory" and len(detec.get("record_from")) > 1:
            raise NESTError("Please provide a multimeter measuring only V_m or record to memory!")
    backend = detec.get("record_to")
    if backend == "ascii":
        return from_file(detec.get("filenames"), title, grayscale)
    if backend != "memory":
        raise NESTError("Provided devices neither record to ascii file, nor to memory.")
    factor = 1.0
    in_steps = detec.get("time_in_steps")
    if not in_steps:
        if timeunit == "s":
            factor = 1000.0
        else:
            timeunit = "ms"
    times, potentials = _from_memory(detec)
    if not len(times):
        raise NESTError("No events recorded!")
    if neurons is None:
        neurons = potentials.keys()
    elif isinstance(neurons, NodeCollection):
        neurons = neurons.tolist()
    style = "k" if grayscale else ""
    plotids = []
    for neuron in neurons:
        try:
            plotids.append(plt.plot(numpy.array(times[neuron]) / factor, potentials[neuron], style,
                                    label="Neuron %i" % neuron))
        except KeyError:
            print("INFO: Wrong ID: {0}".format(neuron))
    plt.title(title if title else "Membrane potential")
    plt.ylabel("Membrane potential (mV)")
    plt.xlabel("Steps" if in_steps else "Time (%s)" % timeunit)
    plt.legend(loc="best")
    plt.draw()
    return plotids


def _from_memory(detec):
    """Per sender: times and potentials (single precision, as PyNEST's array('f'))."""
    ev = detec.get("events")
    t, v = {}, {}
    for k, sender in enumerate(ev["senders"]):
        if sender not in v:
            v[sender] = array.array("f")
            t[sender] = array.array("f")
        v[sender].append(float(ev["V_m"][k]))
        t[sender].append(float(ev["times"][k]))
    return t, v


def show():
    """matplotlib's show()."""
    import matplotlib.pyplot as plt
    plt.show()
