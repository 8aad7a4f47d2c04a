"""Firing-rate transfer function of aeif_cond_exp for noisy input currents (mean and standard deviation).

Port of pynest/examples/if_curve.py (NEST 3.9). For every mean current 400, 450, ..., 850 pA and standard
deviation 0, 50, ..., 550 pA, the kernel is reset (4 threads), 100 aeif_cond_exp neurons (Brette-Gerstner
parameters) get one noise_generator (start 0, stop 1000 ms) and one spike_recorder, 1000 ms are simulated and
the mean rate is stored. The rate table is written with shelve to aeif_cond_exp_transfer.dat.
Differences: none in the simulation (the noise stream differs from NEST's, so rates agree statistically).
"""
import shelve

import nest
import numpy as np

model = "aeif_cond_exp"
params = {
    "a": 4.0,
    "b": 80.8,
    "V_th": -50.4,
    "Delta_T": 2.0,
    "I_e": 0.0,
    "C_m": 281.0,
    "g_L": 30.0,
    "V_reset": -70.6,
    "tau_w": 144.0,
    "t_ref": 5.0,
    "V_peak": -40.0,
    "E_L": -70.6,
    "E_ex": 0.0,
    "E_in": -70.0,
}


class TransferFunction:
    """Measures the mean rate of n_neurons model neurons driven by one noise_generator."""

    t_sim = 1000.0  # ms per trial
    n_neurons = 100
    n_threads = 4

    def __init__(self, model, params=None):
        self.model = model
        self.params = params
        self.setup()

    def setup(self):
        nest.ResetKernel()
        nest.local_num_threads = self.n_threads
        self.neurons = nest.Create(self.model, self.n_neurons, self.params)
        self.noise = nest.Create("noise_generator")
        self.recorder = nest.Create("spike_recorder")
        nest.Connect(self.noise, self.neurons, "all_to_all")
        nest.Connect(self.neurons, self.recorder, "all_to_all")

    def rate(self, mean, std):
        self.setup()
        self.noise.set(mean=mean, std=std, start=0.0, stop=1000.0, origin=0.0)
        nest.Simulate(self.t_sim)
        return self.recorder.n_events * 1000.0 / (1.0 * self.n_neurons * self.t_sim)

    def scan(self, i_mean=(400.0, 900.0, 50.0), i_std=(0.0, 600.0, 50.0)):
        self.i_range = np.arange(*i_mean)
        self.std_range = np.arange(*i_std)
        self.rates = np.zeros((self.i_range.size, self.std_range.size))
        nest.set_verbosity("M_WARNING")
        for a, mean in enumerate(self.i_range):
            print("I  =  {0}".format(mean))
            for b, std in enumerate(self.std_range):
                self.rates[a, b] = self.rate(mean, std)


transfer = TransferFunction(model, params)
transfer.scan()

with shelve.open(model + "_transfer.dat") as store:
    store["I_mean"] = transfer.i_range
    store["I_std"] = transfer.std_range
    store["rate"] = transfer.rates
