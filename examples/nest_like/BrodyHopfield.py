"""Spike synchronisation through subthreshold oscillation (Brody & Hopfield 2003).

Port of pynest/examples/BrodyHopfield.py (NEST 3.9): 1000 iaf_psc_alpha neurons with bias currents
from 140 to 200 pA, a common 35 Hz sinusoidal drive (ac_generator, 50 pA) and independent noise
(noise_generator, std 200 pA), simulated for 600 ms; the spikes are shown with
nest.raster_plot.from_device. Same network, parameters and calls. Differences: the noise comes from
nestj's random streams, so individual spike times differ from NEST's run.
"""
import matplotlib.pyplot as plt
import nest
import nest.raster_plot

N = 1000  # neurons
bias_begin = 140.0  # smallest bias current (pA)
bias_end = 200.0  # largest bias current (pA)
T = 600  # simulation time (ms)

driveparams = {"amplitude": 50.0, "frequency": 35.0}
noiseparams = {"mean": 0.0, "std": 200.0}
neuronparams = {
    "tau_m": 20.0,
    "V_th": 20.0,
    "E_L": 10.0,
    "t_ref": 2.0,
    "V_reset": 0.0,
    "C_m": 200.0,
    "V_m": 0.0,
}

neurons = nest.Create("iaf_psc_alpha", N)
sr = nest.Create("spike_recorder")
noise = nest.Create("noise_generator")
drive = nest.Create("ac_generator")

drive.set(driveparams)
noise.set(noiseparams)
neurons.set(neuronparams)
# bias current rising linearly with the neuron's index
neurons.I_e = [(k * (bias_end - bias_begin) / N + bias_begin) for k in range(1, len(neurons) + 1)]

nest.Connect(drive, neurons)
nest.Connect(noise, neurons)
nest.Connect(neurons, sr)

nest.Simulate(T)

nest.raster_plot.from_device(sr, hist=True)
plt.show()
