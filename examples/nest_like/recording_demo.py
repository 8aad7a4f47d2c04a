"""The same spike_recorder with the memory and the ascii backend, with and without time_in_steps.

Port of pynest/examples/recording_demo.py (NEST 3.9): an iaf_psc_exp neuron driven by a 1 MHz
poisson_generator (weight 10) for 30 ms, recorded four times; each run prints the resolution, the
backend and the data (the ascii file read back as strings; the memory events dictionary). Same
network, parameters and calls. Differences: the random spike train of the poisson_generator comes
from nestj's random streams, so the neuron's spike times may differ from NEST's.
"""
import nest
import numpy as np


def setup(record_to, time_in_steps):
    """A fresh network whose spike_recorder uses the given backend and time format."""
    nest.ResetKernel()
    nest.overwrite_files = True
    neuron = nest.Create("iaf_psc_exp")
    noise = nest.Create("poisson_generator", 1, {"rate": 1000000.0})
    recorder = nest.Create("spike_recorder", 1, {"record_to": record_to, "time_in_steps": time_in_steps})
    nest.Connect(noise, neuron, syn_spec={"weight": 10.0})
    nest.Connect(neuron, recorder)
    return recorder


def get_data(recorder):
    """The recorded data: file contents for ascii, the events dictionary for memory."""
    if recorder.record_to == "ascii":
        return np.loadtxt(f"{recorder.filenames[0]}", dtype=object)
    if recorder.record_to == "memory":
        return recorder.get("events")


for time_in_steps in (True, False):
    for record_to in ("ascii", "memory"):
        recorder = setup(record_to, time_in_steps)
        nest.Simulate(30.0)
        data = get_data(recorder)
        print(f"simulation resolution in ms: {nest.resolution}")
        print(f"data recorded by recording backend {record_to} (time_in_steps={time_in_steps})")
        print(data)
