"""Artificial synchrony in grid-constrained versus precise simulation of a small all-to-all network.

Python translation of NEST 3.9's SLI example examples/nest/ArtificialSynchrony.sli (the simulation) together
with its companion Perl script examples/nest/ArtificialSynchrony.pl (the synchrony measure and the plot).
NEST 3.9 has no PyNEST version of this example.

The science (paraphrasing the SLI script's introduction): a discrete-time simulation usually constrains spike
times to the grid of the computational step, and this alone can make a network more synchronous than it should
be. Hansel et al. (1998) showed this with a small network of all-to-all coupled spiking neurons and showed that
the artificial synchrony shrinks with a finer step or when spike times are interpolated. Morrison et al. (2007)
went further: if the exact spike times are computed and delivered with the spikes, the artificial synchrony
disappears and, for small steps, the results agree to machine precision. Here the 'Hansel' network -- 128
excitatory integrate-and-fire neurons with alpha-shaped postsynaptic currents, connected all to all
(autapses included) -- is simulated

1. with the precise implementation of Morrison et al. (2007), ``iaf_psc_alpha_ps`` (spikes at off-grid times),
2. with the grid-constrained implementation, ``iaf_psc_alpha``,

both at the resolution h = 2^-5 ms, for coupling weights 0, 0.2, ..., 5 pA. Every neuron receives a
suprathreshold current (I_e = 575 pA, so that an uncoupled neuron fires with period T = 20.37 ms); the initial
membrane potentials are spread over a fraction gamma = 0.5 of the firing cycle as in Morrison et al. (2007):
V_0(i) = R I_e (1 - exp(-gamma (i - 1) / N * T / tau_m)) for the neuron with node ID i. A voltmeter samples every
neuron's membrane potential once per millisecond during 10 s.

The synchrony of the network is measured as in Hansel et al. (1998): with the population average
A(t) = (1/N) sum_i V_i(t), the ratio of its temporal variance to the mean temporal variance of the single
neurons' potentials,

    Sigma = Var_t[A(t)] / ((1/N) sum_i Var_t[V_i(t)]),

evaluated over the second half of each simulation (5000 ms to 10000 ms). Sigma is 1 for a fully synchronous
network and of order 1/N for an asynchronous one. Plotting Sigma against the coupling strength reproduces the
results of Hansel et al. (1998), Morrison et al. (2007) and Diesmann et al. (2008): at the same coupling, the
grid-constrained network is more synchronous than the precise one.

References:
D. Hansel, G. Mato, C. Meunier, and L. Neltner. On numerical simulations of integrate-and-fire neural networks.
Neural Computation, 10(2):467-483, 1998.
A. Morrison, S. Straube, H. E. Plesser, and M. Diesmann. Exact subthreshold integration with continuous spike
times in discrete time neural network simulations. Neural Computation, 19(1):47-79, 2007.
M. Diesmann, A. Hanuschkin, M. Helias, S. Kunkel, and A. Morrison. The performance of solvers for
integrate-and-fire models with exact spike timing. Frontiers in Neuroinformatics, Conference Abstract:
Neuroinformatics 2008.

Run it with ``python3 -m nestj examples/nest_like/artificial_synchrony.py [options]``; it prints Sigma for each
weight and model, writes the table to ``ArtificialSynchrony.dat`` and the figure to ``ArtificialSynchrony.png``
in the working directory. Options (the defaults are the SLI/Perl settings):

- ``--simtime T``: simulated time per run in ms (default 10000); the synchrony is evaluated over the second
  half, T/2 < t <= T (default 5000 to 10000 ms, as the Perl script).
- ``--weights W [W ...]``: run only these coupling weights in pA (default: the SLI's sweep 0.0 0.2 ... 5.0).
- ``--random-init``: draw the initial membrane potentials from the uniform Parameter on [V_reset, V_th] that the
  SLI script defines, instead of the Morrison et al. (2007) spread (the SLI's commented-out alternative).
- ``--perl-estimator``: compute Sigma with the Perl script's exact arithmetic instead of the plain definition
  (see below).
- ``--output FILE``: file name of the figure (default ArtificialSynchrony.png).

Differences from the SLI and Perl scripts:

- Written in PyNEST 3.9 style (``nest.Create``/``nest.Connect``/``NodeCollection.set``) instead of SLI; the
  neuron parameters and the initial potentials are set with one call on the whole NodeCollection where the SLI
  loops over the neurons (same values; the initial potentials are computed from the node IDs, as in the SLI).
- The voltmeters record to memory instead of ``/record_to /ascii`` (``tofile true``): the synchrony is computed
  in the same process, so no ``voltmeter-*.dat`` files (52 files of 1.28 million lines each) are written. The
  labels ``voltmeter-Precise-<weight>`` / ``voltmeter-Grid-<weight>`` are kept; ``overwrite_files`` is still set
  as in the SLI. (The Perl script reads files labelled ``Canon`` that the SLI never writes; that mismatch is moot.)
- The Perl script's sweep is built by repeated addition of 0.2 and so stops at 4.8 pA; here the synchrony is
  computed for every weight the SLI simulates, 0.0 to 5.0 pA (26 weights; SLI's ``for`` over doubles takes
  start + j * step).
- Sigma is computed from all samples at times T/2 < t <= T (4999 samples with the defaults: the voltmeter samples
  at 1, 2, ..., 9999 ms) with population variances (divisor = number of samples), which is the measure the Perl
  script means to compute. The Perl script's own arithmetic differs in its bookkeeping: it divides by its nominal
  5000 samples, and its sums for A(t) start with a zero term and leave out the last sample. That adds about
  4e-4 <A>^2 / <Var V_i> (about 1.5e-3) to Sigma: negligible in the partially synchronous regime, but as large
  as Sigma itself in the asynchronous one (e.g. 0.0028 instead of 0.0013, grid model at 3.4 pA).
  ``--perl-estimator`` reproduces the Perl arithmetic exactly.
- The table ``ArtificialSynchrony.dat`` has the Perl's columns (weight, Sigma precise, Sigma grid). The figure is
  drawn with matplotlib (Agg backend) into a PNG file instead of gnuplot/PostScript shown with gv; as in the
  gnuplot script, the abscissa is the weight divided by 3.90625 pA (= 500 pA / 128) and both axes span [0, 1], so
  weights above 3.9 pA lie outside the plotted range (they are in the table).
- The SLI's welcome text is this docstring; the parameter report (gamma, delay, refractory time, ISI, rate) and
  the per-run weight are printed as the SLI prints them, and the Perl's per-run Sigma is printed alongside.
- An invalid Sigma (zero single-neuron variance) is reported as nan, where the Perl prints "Error" and stores 99.

Note: the SLI sets ``tics_per_ms`` = 2^5 together with the resolution h = 2^-5 ms (one tic per step), since
h is not a whole number of NEST's default 0.001 ms tics; nestj supports setting ``tics_per_ms`` this way.
"""
import argparse
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import nest  # noqa: E402

# ---- command line (defaults: the SLI / Perl settings) --------------------------------------------------------
parser = argparse.ArgumentParser(description="Artificial synchrony (translation of ArtificialSynchrony.sli/.pl)")
parser.add_argument("--simtime", type=float, default=10000.0, help="simulated time per run [ms] (default 10000)")
parser.add_argument("--weights", type=float, nargs="+", default=None,
                    help="coupling weights [pA] to run (default: 0.0, 0.2, ..., 5.0 as the SLI)")
parser.add_argument("--random-init", action="store_true",
                    help="uniform random initial V_m (the SLI's commented-out alternative)")
parser.add_argument("--perl-estimator", action="store_true",
                    help="compute Sigma with the Perl script's exact arithmetic (see the header)")
parser.add_argument("--output", default="ArtificialSynchrony.png", help="figure file (default ArtificialSynchrony.png)")
args = parser.parse_args()

# ---- simulation parameters (ArtificialSynchrony.sli) ---------------------------------------------------------
nr = 128  # number of neurons in the network

h = 2.0**-5  # simulation resolution h = 2^-5 ms
tics_per_ms = 2.0**5  # low-level time resolution in tics

C_m = 250.0  # membrane capacitance [pF]
E_L = 0.0  # leak potential [mV]
I_e = 575.0  # suprathreshold current [pA]
tau_m = 10.0  # membrane time constant [ms]
V_reset = 0.0  # reset potential [mV]
V_th = 20.0  # threshold potential [mV]
t_refra = 0.25  # refractory time [ms]
tau_syn = 1.648  # synaptic time constant [ms], 3/(2 ln 3)

gamma = 0.5  # degree of synchrony at the beginning (fraction of the cycle the initial states span)

delay = 0.25  # synaptic delay [ms]

rng_seed = 2000  # random number generator seed
V_m_parameter = nest.random.uniform(min=V_reset, max=V_th)  # random initial states (only with --random-init)

simtime = args.simtime  # simulated time per run [ms] (SLI: 10000)

# sweep over the coupling weight: SLI's 0.0 0.2 5.0 { ... } for (start + j * step, j = 0 ... 25)
strength_inc = 0.2
if args.weights is None:
    strengths = [0.0 + j * strength_inc for j in range(1 + int((5.0 - 0.0) / strength_inc))]
else:
    strengths = list(args.weights)

# ---- synchrony measure (ArtificialSynchrony.pl) --------------------------------------------------------------
timestart = simtime / 2.0  # start of the analysis window [ms] (Perl: 5000 of 10000)


def synchrony(events, n):
    """Hansel et al. (1998): Var_t of the population mean potential over the mean Var_t of single potentials.

    ``events`` are a voltmeter's events (senders, times, V_m) from n neurons; samples at times > timestart.
    """
    t = np.asarray(events["times"])
    s = np.asarray(events["senders"])
    v = np.asarray(events["V_m"])
    order = np.lexsort((s, t))  # by time, then sender: one row of n potentials per sample time
    V = v[order].reshape(-1, n)
    if args.perl_estimator:
        return synchrony_perl(V)
    V = V[np.sort(t)[::n] > timestart]
    A = V.mean(axis=1)  # population average A(t)
    Delta_N = A.var()  # its temporal variance
    Delta = V.var(axis=0).mean()  # mean temporal variance of the single neurons
    return Delta_N / Delta if Delta != 0.0 else float("nan")


def synchrony_perl(V):
    """The same measure with the Perl script's arithmetic (--perl-estimator).

    V holds one row of potentials per data set (sample) in recording order. The Perl script takes data sets
    timestart ... timestart + timesteps (its counts 5000 and 5000; here simtime / 2 each, sampling every 1 ms).
    Its sums for A(t) receive a zero term first and then the means of the data sets before each new one, so the
    last data set in the window is left out; the single-neuron sums take data sets timestart ... timestart +
    timesteps - 1. All variances divide by timesteps, however many data sets were summed.
    """
    ts, nsteps = int(timestart), int(simtime - timestart)
    A_terms = np.concatenate(([0.0], V[ts:ts + nsteps + 1].mean(axis=1)[:-1]))
    Delta_N = (np.sum(A_terms**2) - np.sum(A_terms) ** 2 / nsteps) / nsteps
    W = V[ts:ts + nsteps]
    Delta = np.mean((np.sum(W**2, axis=0) - np.sum(W, axis=0) ** 2 / nsteps) / nsteps)
    return Delta_N / Delta if Delta != 0.0 else float("nan")


# ---- setup report (SLI) --------------------------------------------------------------------------------------
print("gamma []: \t%g" % gamma)  # the initial synchronization is determined by gamma
print("delay [ms]:\t%g" % delay)
print("tau_r [ms]:\t%g" % t_refra)

# spike period T of an uncoupled neuron (needed for the initial membrane potentials)
R = tau_m / C_m
T = np.log((R * I_e + E_L - V_reset) / (R * I_e + E_L - V_th)) * tau_m
print("ISI [ms]:\t%g, i.e. firingrate [Hz]: %g" % (T, 1000.0 / T))

# ---- simulations (SLI: sim = 1 precise, sim = 2 grid) --------------------------------------------------------
sigma = {"Precise": [], "Grid": []}
tic_all = time.time()
for sim in (1, 2):
    if sim == 1:
        model, label = "iaf_psc_alpha_ps", "Precise"
        params = {"C_m": C_m, "E_L": E_L, "I_e": I_e, "tau_m": tau_m, "tau_syn_ex": tau_syn, "tau_syn_in": tau_syn,
                  "V_m": E_L, "V_reset": V_reset, "V_th": V_th, "t_ref": t_refra}
        print("\n" + "#" * 40 + "\nRun the precise simulations first: ")
    else:
        model, label = "iaf_psc_alpha", "Grid"
        params = {"C_m": C_m, "E_L": E_L, "I_e": I_e, "tau_m": tau_m, "tau_syn_ex": tau_syn,
                  "V_m": E_L, "V_reset": V_reset, "V_th": V_th, "t_ref": t_refra}
        print("\n" + "#" * 40 + "\nRun the grid constrained simulations now: ")

    for strength in strengths:
        tic = time.time()
        nest.ResetKernel()
        nest.set_verbosity("M_WARNING")

        # resolution and time representation must be set before any node is created. (The SLI script also
        # sets off_grid_spiking; PyNEST 3.9 refuses that read-only kernel attribute, which the kernel sets
        # itself when precise models such as iaf_psc_alpha_ps are created.)
        nest.SetKernelStatus({
            "resolution": h,  # time step [ms]
            "tics_per_ms": tics_per_ms,  # low-level time resolution
            "rng_seed": rng_seed,
            "overwrite_files": True,
        })

        neurons = nest.Create(model, nr)

        # connect the neurons all to all, self-connections included
        autapses_bool = True  # change to False to avoid self connections
        nest.Connect(neurons, neurons, {"rule": "all_to_all", "allow_autapses": autapses_bool},
                     {"weight": strength, "delay": delay})

        # neuron parameters
        neurons.set(params)

        # initial potentials, like Morrison et al. (2007): spread over gamma of the cycle by node ID
        if args.random_init:
            neurons.set(V_m=V_m_parameter)
        else:
            ids = np.asarray(neurons.tolist(), dtype=float)
            V_0 = R * I_e * (1.0 - np.exp(-gamma * (ids - 1.0) / nr * T / tau_m))
            neurons.set(V_m=V_0.tolist())

        # one voltmeter for all neurons, one sample per ms
        volt = nest.Create("voltmeter", params={"record_to": "memory", "interval": 1.0,
                                                "label": "voltmeter-%s-%g" % (label, strength)})
        nest.Connect(volt, neurons, syn_spec={"weight": 1.0, "delay": h})

        nest.Simulate(simtime)

        s = synchrony(volt.events, nr)
        sigma[label].append(s)
        print("weight [pA]:\t%g\tSigma: %.6f\t(%.1f s)" % (strength, s, time.time() - tic))

print("\nTotal time: %.1f s" % (time.time() - tic_all))

# ---- results table and figure (Perl / gnuplot) ---------------------------------------------------------------
with open("ArtificialSynchrony.dat", "w") as f:
    f.write("#Strength [pA]\t#Sigma_Canon\t#Sigma_Grid \n")
    for k, strength in enumerate(strengths):
        f.write("%g\t%.10g\t%.10g\n" % (strength, sigma["Precise"][k], sigma["Grid"][k]))

print("\nweight [pA]\tSigma precise\tSigma grid")
for k, strength in enumerate(strengths):
    print("%g\t\t%.4f\t\t%.4f" % (strength, sigma["Precise"][k], sigma["Grid"][k]))

x = np.asarray(strengths) / 3.90625  # the gnuplot script's normalized coupling strength
fig, ax = plt.subplots(figsize=(7, 5.5))
ax.plot(x, sigma["Grid"], "k-", lw=2)
ax.plot(x, sigma["Grid"], "ks", ms=8, mfc="none", label="alpha (grid-constrained, iaf_psc_alpha)")
ax.plot(x, sigma["Precise"], "k-", lw=2)
ax.plot(x, sigma["Precise"], "ko", ms=8, mfc="none", label="alpha canon (precise, iaf_psc_alpha_ps)")
ax.set_title(r"Network synchrony of 128 IAF neurons, $\gamma$ = 0.5, h = $2^{-5}$ ms")
ax.set_xlabel("Coupling strength (weight / 3.90625 pA)")
ax.set_ylabel(r"Synchrony $\Sigma$")
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.legend(loc="upper left")
fig.savefig(args.output)
print("Figure written to %s" % args.output)
