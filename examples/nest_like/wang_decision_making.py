"""Decision making in a recurrent network of iaf_bw_2001 neurons (Wang 2002).

Port of pynest/examples/wang_decision_making.py (NEST 3.9). 1600 excitatory neurons (two selective populations
of 240 and 1120 non-selective) and 400 inhibitory neurons, all-to-all coupled through AMPA, NMDA and GABA
receptors with the conductances of Wang (2002), w_plus = 1.7 within and w_minus between selective populations,
delay 0.5 ms; every neuron receives 2400 Hz of external Poisson input (AMPA, delay 0.1 ms), and the selective
populations receive inhomogeneous Poisson stimuli between 1000 and 2000 ms whose rates (redrawn every 50 ms
from normal distributions with means 40 +- 0.4 coherence Hz, sd 4 Hz) favour population A. For coherences
51.2, 12.8 and 0 % (rng_seed 1234) 4000 ms are simulated with spike recorders in time_in_steps mode; rates
and rasters are plotted.

Differences: after each run the mean rate of each population before (0-1000 ms), during (1000-2000 ms) and
after (2000-4000 ms) the stimulus is printed (the upstream script prints nothing). Simulation otherwise the same;
the random streams differ from NEST's, so results agree statistically.
"""
import matplotlib.pyplot as plt
import nest
import numpy as np
from matplotlib.gridspec import GridSpec  # noqa: F401  (imported upstream)

model = "iaf_bw_2001"  # the upstream script notes that "iaf_bw_2001_exact" can be used instead
dt = 0.1
NE = 1600  # excitatory neurons
NI = 400  # inhibitory neurons


def neuron_params(g_L, C_m, t_ref):
    return {
        "tau_GABA": 5.0,
        "tau_AMPA": 2.0,
        "tau_decay_NMDA": 100.0,
        "tau_rise_NMDA": 2.0,
        "alpha": 0.5,
        "conc_Mg2": 1.0,
        "g_L": g_L,
        "E_L": -70.0,
        "E_ex": 0.0,
        "E_in": -70.0,
        "V_reset": -55.0,
        "V_th": -50.0,
        "C_m": C_m,
        "t_ref": t_ref,
    }


def syn(weight, receptor, delay):
    return {"synapse_model": "static_synapse", "weight": weight, "delay": delay, "receptor_type": receptor}


def run_sim(coherence, seed=123):
    nest.ResetKernel()
    nest.set(resolution=dt, print_time=True, rng_seed=seed)

    # conductances (nS) onto excitatory / inhibitory neurons
    g_AMPA_ex, g_AMPA_ext_ex, g_NMDA_ex, g_GABA_ex = 0.05, 2.1, 0.165, 1.3
    g_AMPA_in, g_AMPA_ext_in, g_NMDA_in, g_GABA_in = 0.04, 1.62, 0.13, 1.0

    epop_params = neuron_params(25.0, 500.0, 2.0)
    ipop_params = neuron_params(20.0, 200.0, 1.0)

    # stimulus: rates constant over 50 ms intervals, drawn from normal distributions
    signal_start, signal_duration, signal_update_interval = 1000.0, 1000.0, 50.0
    f = 0.15  # fraction of excitatory neurons in each selective population
    mu_0 = 40.0
    rho = mu_0 / 100
    sigma = 4.0
    mu_a = mu_0 + rho * coherence
    mu_b = mu_0 - rho * coherence
    num_updates = int(signal_duration / signal_update_interval)
    update_times = np.arange(0, signal_duration, signal_update_interval)
    update_times[0] = 0.1
    # one Parameter per population, drawn num_updates times
    p_a = nest.CreateParameter("normal", {"mean": mu_a, "std": sigma})
    rates_a = np.array([p_a.GetValue() for _ in range(num_updates)], dtype=float)
    p_b = nest.CreateParameter("normal", {"mean": mu_b, "std": sigma})
    rates_b = np.array([p_b.GetValue() for _ in range(num_updates)], dtype=float)

    w_plus = 1.7
    w_minus = 1 - f * (w_plus - 1) / (1 - f)
    delay = 0.5

    sel1 = nest.Create(model, int(f * NE), params=epop_params)
    sel2 = nest.Create(model, int(f * NE), params=epop_params)
    nonsel = nest.Create(model, int((1 - 2 * f) * NE), params=epop_params)
    inh = nest.Create(model, NI, params=ipop_params)

    def stimulus(rates):
        return nest.Create(
            "inhomogeneous_poisson_generator",
            params={
                "origin": signal_start - 0.1,
                "start": 0.0,
                "stop": signal_duration,
                "rate_times": update_times,
                "rate_values": rates,
            },
        )

    poisson_a = stimulus(rates_a)
    poisson_b = stimulus(rates_b)
    poisson_0 = nest.Create("poisson_generator", params={"rate": 2400.0})

    sr_nonsel = nest.Create("spike_recorder", {"time_in_steps": True})
    sr_sel1 = nest.Create("spike_recorder", {"time_in_steps": True})
    sr_sel2 = nest.Create("spike_recorder", {"time_in_steps": True})
    sr_inh = nest.Create("spike_recorder", {"time_in_steps": True})
    sr_sel1_raster = nest.Create("spike_recorder", 100, {"time_in_steps": True})
    sr_sel2_raster = nest.Create("spike_recorder", 100, {"time_in_steps": True})

    rt = sel1[0].receptor_types
    AMPA, NMDA, GABA = rt["AMPA"], rt["NMDA"], rt["GABA"]
    a2a = "all_to_all"

    # external drive
    nest.Connect(poisson_0, nonsel + sel1 + sel2, conn_spec=a2a, syn_spec=syn(g_AMPA_ext_ex, AMPA, 0.1))
    nest.Connect(poisson_0, inh, conn_spec=a2a, syn_spec=syn(g_AMPA_ext_in, AMPA, 0.1))
    nest.Connect(poisson_a, sel1, conn_spec=a2a, syn_spec=syn(g_AMPA_ext_ex, AMPA, 0.1))
    nest.Connect(poisson_b, sel2, conn_spec=a2a, syn_spec=syn(g_AMPA_ext_ex, AMPA, 0.1))

    # from the non-selective population
    nest.Connect(nonsel, sel1 + sel2, conn_spec=a2a, syn_spec=syn(w_minus * g_AMPA_ex, AMPA, delay))
    nest.Connect(nonsel, sel1 + sel2, conn_spec=a2a, syn_spec=syn(w_minus * g_NMDA_ex, NMDA, delay))
    nest.Connect(nonsel, nonsel, conn_spec=a2a, syn_spec=syn(1.0 * g_AMPA_ex, AMPA, delay))
    nest.Connect(nonsel, nonsel, conn_spec=a2a, syn_spec=syn(1.0 * g_NMDA_ex, NMDA, delay))
    nest.Connect(nonsel, inh, conn_spec=a2a, syn_spec=syn(1.0 * g_AMPA_in, AMPA, delay))
    nest.Connect(nonsel, inh, conn_spec=a2a, syn_spec=syn(1.0 * g_NMDA_in, NMDA, delay))
    nest.Connect(nonsel, sr_nonsel)

    # from the selective populations
    nest.Connect(sel1, sel1, conn_spec=a2a, syn_spec=syn(w_plus * g_AMPA_ex, AMPA, delay))
    nest.Connect(sel1, sel1, conn_spec=a2a, syn_spec=syn(w_plus * g_NMDA_ex, NMDA, delay))
    nest.Connect(sel2, sel2, conn_spec=a2a, syn_spec=syn(w_plus * g_AMPA_ex, AMPA, delay))
    nest.Connect(sel2, sel2, conn_spec=a2a, syn_spec=syn(w_plus * g_NMDA_ex, NMDA, delay))
    nest.Connect(sel1, sel2, conn_spec=a2a, syn_spec=syn(w_minus * g_AMPA_ex, AMPA, delay))
    nest.Connect(sel1, sel2, conn_spec=a2a, syn_spec=syn(w_minus * g_NMDA_ex, NMDA, delay))
    nest.Connect(sel2, sel1, conn_spec=a2a, syn_spec=syn(w_minus * g_AMPA_ex, AMPA, delay))
    nest.Connect(sel2, sel1, conn_spec=a2a, syn_spec=syn(w_minus * g_NMDA_ex, NMDA, delay))
    nest.Connect(sel1 + sel2, nonsel, conn_spec=a2a, syn_spec=syn(1.0 * g_AMPA_ex, AMPA, delay))
    nest.Connect(sel1 + sel2, nonsel, conn_spec=a2a, syn_spec=syn(1.0 * g_NMDA_ex, NMDA, delay))
    nest.Connect(sel1 + sel2, inh, conn_spec=a2a, syn_spec=syn(1.0 * g_AMPA_in, AMPA, delay))
    nest.Connect(sel1 + sel2, inh, conn_spec=a2a, syn_spec=syn(1.0 * g_NMDA_in, NMDA, delay))
    nest.Connect(sel1, sr_sel1)
    nest.Connect(sel1[:100], sr_sel1_raster, "one_to_one")
    nest.Connect(sel2, sr_sel2)
    nest.Connect(sel2[:100], sr_sel2_raster, "one_to_one")

    # from the inhibitory population
    nest.Connect(inh, sel1 + sel2 + nonsel, conn_spec=a2a, syn_spec=syn(1.0 * g_GABA_ex, GABA, delay))
    nest.Connect(inh, inh, conn_spec=a2a, syn_spec=syn(1.0 * g_GABA_in, GABA, delay))
    nest.Connect(inh, sr_inh)

    nest.Simulate(4000.0)

    out = {
        "nonselective": sr_nonsel.events["times"],
        "selective1": sr_sel1.events["times"],
        "selective2": sr_sel2.events["times"],
        "inhibitory": sr_inh.events["times"],
        "selective1_raster": sr_sel1_raster.get("events", "times"),
        "selective2_raster": sr_sel2_raster.get("events", "times"),
    }
    sizes = {"selective1": len(sel1), "selective2": len(sel2), "nonselective": len(nonsel), "inhibitory": len(inh)}
    print(f"\ncoherence {coherence}: mean rates (spikes/s) before / during / after the stimulus")
    for name, size in sizes.items():
        t = out[name] * dt  # steps to ms
        r = [np.sum((t > a) & (t <= b)) * 1000.0 / (size * (b - a)) for a, b in ((0, 1000), (1000, 2000), (2000, 4000))]
        print(f"  {name:13s} {r[0]:6.2f} {r[1]:6.2f} {r[2]:6.2f}")
    return out


coherences = [51.2, 12.8, 0.0]
results = [run_sim(c, seed=1234) for c in coherences]

# population rates as moving averages over 50 ms windows with 5 ms strides, and rasters of 100 neurons each
res = 1.0
bins = np.arange(0, 4001, res) - 0.001
fig, ax = plt.subplots(ncols=2, nrows=8, sharex=True, sharey=False, height_ratios=[1, 0.7, 0.3, 1, 0.7, 0.3, 1, 0.7])
fig.subplots_adjust(hspace=0.0)
ax[0, 0].set_xlim(0, 800)
ax[0, 0].set_xticks([])
phi = np.arctan(1080 / 1920)
fig.set_size_inches((14 * np.cos(phi), 14 * np.sin(phi)))
num = 0.15 * NE

for j in range(3):
    for col, key in ((0, "selective1"), (1, "selective2")):
        hist, _ = np.histogram(results[j][key] * dt, bins=bins)  # recorded in steps
        hist = hist.reshape((-1, 5)).sum(-1)
        rate = np.convolve(hist, np.ones(10) * 0.1, mode="same") / num / 5 * 1000
        ax[j * 3 + 1, col].bar(np.arange(len(rate)), rate, width=1.0, color="black")
        ax[j * 3 + 1, col].vlines([200, 400], 0, 40, colors="black", linewidths=2.4)
        ax[j * 3 + 1, col].set_ylim(0, 40)
        raster = results[j][key + "_raster"]
        for k in range(100):
            sp = raster[k] * dt / 5.0
            ax[j * 3, col].scatter(sp, np.ones_like(sp) * k, s=1.0, marker="|", c="black")
            ax[j * 3, col].vlines([200, 400], 0, 100, colors="black", linewidths=1.0)
            ax[j * 3, col].set_yticks([])
            ax[j * 3, col].set_ylim(0, 99)
        ax[j * 3, col].set_title(f"coherence = {coherences[j]}")

for col in (0, 1):
    ax[-1, col].set_xticks([0, 200, 400, 600, 800])
    ax[-1, col].set_xticklabels(["0", "1000", "2000", "3000", "4000"])
    ax[-1, col].set_xlabel("t (ms)")
    ax[2, col].axis("off")
    ax[5, col].axis("off")
ax[0, 0].text(0.32, 1.5, "Selective pop A", transform=ax[0, 0].transAxes, fontsize=15)
ax[0, 1].text(0.32, 1.5, "Selective pop B", transform=ax[0, 1].transAxes, fontsize=15)
plt.show()
