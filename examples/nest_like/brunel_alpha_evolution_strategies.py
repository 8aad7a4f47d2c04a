"""Fitting a Brunel network's parameters (g, eta) with natural evolution strategies.

Port of pynest/examples/brunel_alpha_evolution_strategies.py (NEST 3.9): a 400-neuron Brunel
network of iaf_psc_alpha neurons (80 % excitatory, 10 % connectivity, J = 0.1 mV PSP, delay
1.5 ms, rng_seed 123, 1 s per evaluation, first 300 ms discarded) is simulated for each sample of a
separable natural evolution strategy (mirrored sampling, fitness shaping, 20 generations, numpy
seed 123); the fitness penalises deviations of rate (1.89 spikes/s), CV (1) and pairwise
correlation (0). Prints one line per generation and the statistics of the final network; saves
the figure to brunel_alpha_evolution_strategies.pdf.

Differences: none in the networks, the algorithm or the printed lines (the upstream helper
functions are rewritten more compactly; as upstream, the "mean" rate averages the excitatory rate
with itself). The numbers differ from NEST's because the simulated spike trains do (nestj's random
streams are not NEST's): the first generations follow NEST's closely (generation 0 fitness about
-5350 in nestj, -5366 in NEST), and both end near eta 0.9 with fitness of order -10; NEST 3.9 ends
at mu (1.57, 0.885) with rate 1.10 spikes/s and CV 0.478, nestj (depending on its Poisson streams)
at mu (1.0-1.2, 0.89-0.91) with rate 1.7-2.6 spikes/s and CV 0.49-0.55.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np
import scipy.special as sp
from matplotlib.patches import Ellipse


def cut_warmup_time(spikes, warmup_time):
    keep = spikes["times"] > warmup_time
    spikes["senders"] = spikes["senders"][keep]
    spikes["times"] = spikes["times"][keep]
    return spikes


def compute_rate(spikes, N_rec, sim_time):
    return 1.0 * len(spikes["times"]) / N_rec / sim_time * 1e3


def sort_spikes(spikes):
    ids = sorted(np.unique(spikes["senders"]))
    return ids, [spikes["times"][spikes["senders"] == i] for i in ids]


def compute_cv(spiketrains):
    if not spiketrains:
        return 0.0
    isis = np.hstack([np.diff(st) for st in spiketrains])
    return np.std(isis) / np.mean(isis) if len(isis) > 1 else 0.0


def bin_spiketrains(spiketrains, t_min, t_max, t_bin):
    bins = np.arange(t_min, t_max, t_bin)
    return bins, [np.histogram(s, bins=bins)[0] for s in spiketrains]


def compute_correlations(binned):
    n = len(binned)
    if n <= 1:
        return 0.0
    return 1.0 / (n * (n - 1.0)) * (np.sum(np.corrcoef(binned)) - n)


def compute_statistics(parameters, espikes, ispikes):
    espikes = cut_warmup_time(espikes, parameters["warmup_time"])
    ispikes = cut_warmup_time(ispikes, parameters["warmup_time"])
    erate = compute_rate(espikes, parameters["N_rec"], parameters["sim_time"])
    irate = compute_rate(espikes, parameters["N_rec"], parameters["sim_time"])  # sic, as upstream
    _, etrains = sort_spikes(espikes)
    _, itrains = sort_spikes(ispikes)
    ecorr = compute_correlations(bin_spiketrains(etrains, 0.0, parameters["sim_time"], 1.0)[1])
    icorr = compute_correlations(bin_spiketrains(itrains, 0.0, parameters["sim_time"], 1.0)[1])
    return np.mean([erate, irate]), np.mean([compute_cv(etrains), compute_cv(itrains)]), np.mean([ecorr, icorr])


def psp_norm(tauMem, CMem, tauSyn):
    """Peak of the PSP of a unit alpha current (ms, pF)."""
    a = tauMem / tauSyn
    b = 1.0 / tauSyn - 1.0 / tauMem
    x = -np.exp(-1.0 / a) / a
    t_max = 1.0 / b * (-sp.lambertw(x, k=-1 if x < 0 else 0).real - 1.0 / a)
    return np.exp(1.0) / (tauSyn * CMem * b) * (
        (np.exp(-t_max / tauMem) - np.exp(-t_max / tauSyn)) / b - t_max * np.exp(-t_max / tauSyn))


def simulate(parameters):
    NE = int(parameters["gamma"] * parameters["N"])
    NI = parameters["N"] - NE
    CE = int(parameters["epsilon"] * NE)
    CI = int(parameters["epsilon"] * NI)

    tauSyn, tauMem, CMem, theta = 0.5, 20.0, 250.0, 20.0
    neuron_parameters = {"C_m": CMem, "tau_m": tauMem, "tau_syn_ex": tauSyn, "tau_syn_in": tauSyn, "t_ref": 2.0,
                         "E_L": 0.0, "V_reset": 0.0, "V_m": 0.0, "V_th": theta}
    J = 0.1  # PSP amplitude (mV)
    J_ex = J / psp_norm(tauMem, CMem, tauSyn)
    J_in = -parameters["g"] * J_ex
    nu_th = (theta * CMem) / (J_ex * CE * np.exp(1) * tauMem * tauSyn)
    p_rate = 1000.0 * parameters["eta"] * nu_th * CE

    nest.ResetKernel()
    nest.set_verbosity("M_FATAL")
    nest.rng_seed = parameters["seed"]
    nest.resolution = parameters["dt"]

    nodes_ex = nest.Create("iaf_psc_alpha", NE, params=neuron_parameters)
    nodes_in = nest.Create("iaf_psc_alpha", NI, params=neuron_parameters)
    noise = nest.Create("poisson_generator", params={"rate": p_rate})
    espikes = nest.Create("spike_recorder", params={"label": "brunel-py-ex"})
    ispikes = nest.Create("spike_recorder", params={"label": "brunel-py-in"})

    nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": parameters["delay"]})
    nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": parameters["delay"]})
    nest.Connect(noise, nodes_ex, syn_spec="excitatory")
    nest.Connect(noise, nodes_in, syn_spec="excitatory")

    if parameters["N_rec"] > NE or parameters["N_rec"] > NI:
        raise ValueError("Requested recording from {} neurons, more than a population has".format(parameters["N_rec"]))
    nest.Connect(nodes_ex[: parameters["N_rec"]], espikes)
    nest.Connect(nodes_in[: parameters["N_rec"]], ispikes)

    nest.Connect(nodes_ex, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CE}, "excitatory")
    nest.Connect(nodes_in, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CI}, "inhibitory")

    nest.Simulate(parameters["sim_time"])
    return espikes.events, ispikes.events


def compute_utility(fitness):
    """Fitness shaping: rank-based utilities, best first."""
    n = len(fitness)
    order = np.argsort(fitness)[::-1]
    utility = np.array([max(0.0, np.log(n / 2 + 1)) - np.log(k + 1) for k in range(n)])
    return order, utility / np.sum(utility) - 1.0 / n


def optimize(func, mu, sigma, learning_rate_mu=None, learning_rate_sigma=None, population_size=None,
             fitness_shaping=True, mirrored_sampling=True, record_history=False, max_generations=2000,
             min_sigma=1e-8, verbosity=0):
    """Separable natural evolution strategies (Wierstra et al. 2014)."""
    if not isinstance(mu, np.ndarray) or not isinstance(sigma, np.ndarray):
        raise TypeError("mu and sigma need to be of type np.ndarray")
    if learning_rate_mu is None:
        learning_rate_mu = 1
    if learning_rate_sigma is None:
        learning_rate_sigma = (3 + np.log(mu.size)) / (12.0 * np.sqrt(mu.size))
    if population_size is None:
        population_size = 4 + int(np.floor(3 * np.log(mu.size)))

    generation = 0
    hist = {"mu": [], "sigma": [], "pop": [], "fitness": []}
    while True:
        s = np.random.normal(0, 1, size=(population_size,) + np.shape(mu))
        z = mu + sigma * s
        if mirrored_sampling:
            z = np.vstack([z, mu - sigma * s])
            s = np.vstack([s, -s])
        fitness = np.fromiter((func(*zi) for zi in z), float)
        if verbosity > 0:
            print(f"# Generation {generation:d} | fitness {np.mean(fitness):.3f} | "
                  f'mu {", ".join(str(np.round(m, 3)) for m in mu)} | '
                  f'sigma {", ".join(str(np.round(x, 3)) for x in sigma)}')
        if fitness_shaping:
            order, utility = compute_utility(fitness)
            s, z = s[order], z[order]
        else:
            utility = fitness
        if record_history:
            hist["mu"].append(mu.copy())
            hist["sigma"].append(sigma.copy())
            hist["pop"].append(z.copy())
            hist["fitness"].append(fitness)
        if generation == max_generations or np.all(sigma < min_sigma):
            break
        mu += learning_rate_mu * sigma * np.dot(utility, s)
        sigma *= np.exp(learning_rate_sigma / 2.0 * np.dot(utility, s ** 2 - 1))
        generation += 1
    return {"mu": mu, "sigma": sigma, "fitness_history": np.array(hist["fitness"]),
            "mu_history": np.array(hist["mu"]), "sigma_history": np.array(hist["sigma"]),
            "pop_history": np.array(hist["pop"])}


def optimize_network(optimization_parameters, simulation_parameters):
    np.random.seed(simulation_parameters["seed"])

    def objective_function(g, eta):
        local = dict(simulation_parameters, g=g, eta=eta)
        espikes, ispikes = simulate(local)
        rate, cv, corr = compute_statistics(simulation_parameters, espikes, ispikes)
        op = optimization_parameters
        return (-op["fitness_weight_rate"] * (rate - op["target_rate"]) ** 2
                - op["fitness_weight_cv"] * (cv - op["target_cv"]) ** 2
                - op["fitness_weight_corr"] * (corr - op["target_corr"]) ** 2)

    return optimize(objective_function, np.array(optimization_parameters["mu"]),
                    np.array(optimization_parameters["sigma"]),
                    max_generations=optimization_parameters["max_generations"], record_history=True,
                    verbosity=optimization_parameters["verbosity"])


if __name__ == "__main__":
    simulation_parameters = {"seed": 123, "dt": 0.1, "sim_time": 1000.0, "warmup_time": 300.0, "delay": 1.5,
                             "g": None, "eta": None, "epsilon": 0.1, "N": 400, "gamma": 0.8, "N_rec": 40}
    optimization_parameters = {"verbosity": 1, "max_generations": 20, "target_rate": 1.89, "target_corr": 0.0,
                               "target_cv": 1.0, "mu": [1.0, 3.0], "sigma": [0.15, 0.05],
                               "fitness_weight_rate": 1.0, "fitness_weight_cv": 10.0,
                               "fitness_weight_corr": 100.0}

    optimization_result = optimize_network(optimization_parameters, simulation_parameters)

    simulation_parameters["g"] = optimization_result["mu"][0]
    simulation_parameters["eta"] = optimization_result["mu"][1]
    espikes, ispikes = simulate(simulation_parameters)
    rate, cv, corr = compute_statistics(simulation_parameters, espikes, ispikes)
    print("Statistics after optimization:", end=" ")
    print("Rate: {:.3f}, cv: {:.3f}, correlation: {:.3f}".format(rate, cv, corr))

    fig = plt.figure(figsize=(10, 4))
    ax1 = fig.add_axes([0.06, 0.12, 0.25, 0.8])
    ax2 = fig.add_axes([0.4, 0.12, 0.25, 0.8])
    ax3 = fig.add_axes([0.74, 0.12, 0.25, 0.8])
    ax1.set_xlabel("Time (ms)")
    ax1.set_ylabel("Neuron id")
    ax2.set_xlabel(r"Relative strength of inhibition $g$")
    ax2.set_ylabel(r"Relative strength of external drive $\eta$")
    ax3.set_xlabel("Generation")
    ax3.set_ylabel("Fitness")
    ax1.plot(espikes["times"], espikes["senders"], ls="", marker=".")
    for m, s in zip(optimization_result["mu_history"], optimization_result["sigma_history"]):
        ellipse = Ellipse(xy=m, width=2 * s[0], height=2 * s[1], alpha=0.5, fc="k")
        ellipse.set_clip_box(ax2.bbox)
        ax2.add_artist(ellipse)
    ax2.plot(optimization_result["mu_history"][:, 0], optimization_result["mu_history"][:, 1], marker=".",
             color="k", alpha=0.5)
    for generation in optimization_result["pop_history"]:
        ax2.scatter(generation[:, 0], generation[:, 1])
    ax3.errorbar(np.arange(len(optimization_result["fitness_history"])),
                 np.mean(optimization_result["fitness_history"], axis=1),
                 yerr=np.std(optimization_result["fitness_history"], axis=1))
    fig.savefig("brunel_alpha_evolution_strategies.pdf")
