"""The same iaf_psc_alpha neuron simulated at three resolutions: exact integration gives the same
spike count at every resolution.

Port of pynest/examples/testiaf.py (NEST 3.9). Differences: none in the simulation.
"""
import matplotlib.pyplot as plt
import nest


def build_network(dt):
    """A neuron with bias current, a voltmeter and a spike recorder, at resolution dt."""
    nest.ResetKernel()
    nest.local_num_threads = 1
    nest.resolution = dt

    neuron = nest.Create("iaf_psc_alpha")
    neuron.I_e = 376.0

    vm = nest.Create("voltmeter")
    sr = nest.Create("spike_recorder")

    nest.Connect(vm, neuron)
    nest.Connect(neuron, sr)
    return vm, sr


for dt in [0.1, 0.5, 1.0]:
    print(f"Running simulation with dt={dt:.2f}")
    vm, sr = build_network(dt)
    nest.Simulate(1000.0)

    potentials = vm.get("events", "V_m")
    times = vm.get("events", "times")
    plt.plot(times, potentials, label=f"dt={dt:.2f}")
    print(f"  Number of spikes: {sr.n_events}")

    plt.legend(loc=3)
    plt.xlabel("time (ms)")
    plt.ylabel("V_m (mV)")

plt.show()
