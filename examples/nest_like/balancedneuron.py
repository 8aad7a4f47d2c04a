"""Find the inhibitory input rate that makes a neuron fire at the rate of its excitatory inputs,
by bisection over repeated simulations.

Port of pynest/examples/balancedneuron.py (NEST 3.9). Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest
import nest.voltage_trace
from scipy.optimize import bisect

nest.set_verbosity("M_WARNING")
nest.ResetKernel()

t_sim = 25000.0  # ms per evaluation
n_ex = 16000  # excitatory inputs
n_in = 4000  # inhibitory inputs
r_ex = 5.0  # spikes/s of each excitatory input (the target output rate too)
r_in = 20.5  # initial inhibitory rate, spikes/s
epsc = 45.0  # pA
ipsc = -45.0  # pA
d = 1.0  # ms
lower = 15.0  # search interval for the inhibitory rate
upper = 25.0
prec = 0.01

neuron = nest.Create("iaf_psc_alpha")
noise = nest.Create("poisson_generator", 2)
voltmeter = nest.Create("voltmeter")
spikerecorder = nest.Create("spike_recorder")

noise.rate = [n_ex * r_ex, n_in * r_in]

nest.Connect(neuron, spikerecorder)
nest.Connect(voltmeter, neuron)
nest.Connect(noise, neuron, syn_spec={"weight": [[epsc, ipsc]], "delay": 1.0})


def output_rate(guess):
    """Firing rate of the neuron for an inhibitory rate guess (spikes/s per input)."""
    print(f"Inhibitory rate estimate: {guess:5.2f} spks/s")
    noise[1].rate = float(abs(n_in * guess))
    spikerecorder.n_events = 0
    nest.Simulate(t_sim)
    out = spikerecorder.n_events * 1000.0 / t_sim
    print(f"  -> Neuron rate: {out:6.2f} spks/s (goal: {r_ex:4.2f} spks/s)")
    return out


in_rate = bisect(lambda x: output_rate(x) - r_ex, lower, upper, xtol=prec)
print(f"Optimal rate for the inhibitory population: {in_rate:.2f} spks/s")

nest.voltage_trace.from_device(voltmeter)
plt.show()
