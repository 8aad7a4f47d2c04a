"""EI-clustered network: simulate, plot a raster, print the mean rates.

Port of pynest/examples/EI_clustered_network/run_simulation.py (NEST 3.9) with its modules
network.py, helper.py, network_params.py, sim_params.py and stimulus_params.py, rewritten: the
four connection blocks of the upstream network.py are one loop here, with the same CopyModel and
Connect calls in the same order; the parameters are the same.

Differences: none in the network or the calls (4 threads, rng_seed 55, 11 s with 1 s warm-up).
The rates differ from NEST's because nestj's random streams (initial V_m, connectivity) are not
NEST's: NEST 3.9 prints 2.59 / 3.39 spikes/s, nestj 2.41 / 3.19 spikes/s (the same as nestj running
the unmodified upstream script). The rates depend on the realization: nestj with randseed 56, 57, 58
gives 2.57 / 3.36, 2.49 / 3.27 and 3.60 / 4.53 spikes/s.
"""
import matplotlib.pyplot as plt
import network
from helper import raster_plot
from network_params import net_dict
from sim_params import sim_dict
from stimulus_params import stim_dict

if __name__ == "__main__":
    ei_network = network.ClusteredNetwork(sim_dict, net_dict, stim_dict)
    result = ei_network.get_simulation()
    ax = raster_plot(result["spiketimes"], tlim=(0, sim_dict["simtime"]),
                     colorgroups=[("k", 0, net_dict["N_E"]),
                                  ("darkred", net_dict["N_E"], net_dict["N_E"] + net_dict["N_I"])])
    plt.savefig("clustered_ei_raster.png")
    print(f"Firing rate of excitatory neurons: {result['e_rate']:6.2f} spikes/s")
    print(f"Firing rate of inhibitory neurons: {result['i_rate']:6.2f} spikes/s")
