"""A recurrent population of 100 generalized integrate-and-fire neurons (gif_psc_exp) with Poisson input.

Port of pynest/examples/gif_population.py (NEST 3.9). 100 gif_psc_exp neurons with the parameters of the
upstream script (two spike-triggered currents, two threshold-adaptation kernels, escape noise lambda_0 =
1/s) are connected pairwise_bernoulli (p = 0.3, 30 pA) among themselves and all-to-all from 50 Poisson
generators (10 spikes/s, 20 pA); resolution 0.1 ms, 2000 ms simulated; the raster plot with rate histogram
shows the population bursts. Differences: the spike trains come from nestj's random streams (default seed
as upstream), so individual spikes differ from NEST's while the dynamics agree statistically.
"""
import matplotlib.pyplot as plt
import nest
import nest.raster_plot

nest.ResetKernel()

dt = 0.1
simtime = 2000.0

neuron_params = {
    "C_m": 83.1,
    "g_L": 3.7,
    "E_L": -67.0,
    "Delta_V": 1.4,
    "V_T_star": -39.6,
    "t_ref": 4.0,
    "V_reset": -36.7,
    "lambda_0": 1.0,
    "q_stc": [56.7, -6.9],
    "tau_stc": [57.8, 218.2],
    "q_sfa": [11.7, 1.8],
    "tau_sfa": [53.8, 640.0],
    "tau_syn_ex": 10.0,
}

N_ex = 100  # population size
p_ex = 0.3  # connection probability within the population
w_ex = 30.0  # recurrent weight (pA)

N_noise = 50  # number of Poisson sources
rate_noise = 10.0  # their rate (spikes/s)
w_noise = 20.0  # their weight (pA)

nest.resolution = dt

population = nest.Create("gif_psc_exp", N_ex, params=neuron_params)
noise = nest.Create("poisson_generator", N_noise, params={"rate": rate_noise})
spike_det = nest.Create("spike_recorder")

nest.Connect(population, population, {"rule": "pairwise_bernoulli", "p": p_ex}, syn_spec={"weight": w_ex})
nest.Connect(noise, population, "all_to_all", syn_spec={"weight": w_noise})
nest.Connect(population, spike_det)

nest.Simulate(simtime)

nest.raster_plot.from_device(spike_det, hist=True)
plt.title("Population dynamics")
plt.show()
