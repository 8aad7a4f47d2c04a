"""nestj's own parity cases for NEST 3.9's rate models beyond the suite's (which covers lin_rate_ipn,
tanh_rate_ipn, threshold_lin_rate_ipn and sigmoid_rate_ipn in cases/synapses.py): the other two
rate_neuron_ipn instances, the rate_neuron_opn template and the rate_transformer_node template. Same
form as the suite's case files (CASES = {name: (run(nest), compare_spec)}, plain PyNEST calls); they
await NEST 3.9 recordings under ../shared/nest-reference/out/rate_models/ and are listed as NO REF
until then.

The deterministic cases mirror the suite's rate_net (three rate units without noise: a drive,
delayed excitation, instantaneous inhibition; multimeter on rate, for the opn models also on
noisy_rate) with the suite's tolerance for rate cases; the third unit sums its input with
linear_summation False (the gain applied to each input), so both input paths are compared. The
transformer cases put two transformers (linear_summation True and False) between two lin_rate_ipn
units, with delayed and instantaneous connections in and out. One stochastic case compares the
statistics of output noise."""

CASES = {}

TRACE = {"mode": "trace", "atol": 1e-9, "rtol": 1e-9}


def stat(rtol, atol=0.0):
    return {"mode": "stat", "rtol": rtol, "atol": atol}


def rate_net(model, params, drive_key="mu", record=("rate",), T=100.0):
    """The suite's rate_net (synapses.py) with the third unit on linear_summation False. Noise is off
    (sigma 0 in params, or std 0 where sigma is also the gain's width); drive_key names the parameter
    that gives the first unit its mean input of 1 (gauss_rate_ipn: mean, as mu is also the gain's centre)."""
    def run(nest):
        n = nest.Create(model, 3, params=params)
        n[0].set({drive_key: 1.0})
        n[2].linear_summation = False
        syn_d = "rate_connection_delayed"
        syn_i = "rate_connection_instantaneous"
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": syn_d, "weight": 0.8, "delay": 2.0})
        nest.Connect(n[1], n[2], syn_spec={"synapse_model": syn_i, "weight": -0.5})
        nest.Connect(n[2], n[0], syn_spec={"synapse_model": syn_d, "weight": 0.3, "delay": 1.0})
        mm = nest.Create("multimeter", params={"record_from": list(record), "interval": 0.1})
        nest.Connect(mm, n)
        nest.Simulate(T)
        ev = mm.get("events")
        s = ev["senders"]
        return {"%s_%d" % (r, i): ev[r][s == n[i].global_id] for r in record for i in range(3)}

    return run, {"%s_%d" % (r, i): TRACE for r in record for i in range(3)}


# rate_neuron_ipn
CASES["gauss_rate_ipn"] = rate_net("gauss_rate_ipn", {"tau": 5.0, "sigma": 0.5, "std": 0.0, "mu": 0.2, "g": 1.2},
                                   drive_key="mean")
CASES["sigmoid_rate_gg_1998_ipn"] = rate_net("sigmoid_rate_gg_1998_ipn", {"tau": 5.0, "sigma": 0.0, "g": 0.1})

# rate_neuron_opn: the noisy rate (here equal to the rate before each step) is what the units send
OPN = ("rate", "noisy_rate")
CASES["lin_rate_opn"] = rate_net("lin_rate_opn", {"tau": 10.0, "sigma": 0.0}, record=OPN)
CASES["tanh_rate_opn"] = rate_net("tanh_rate_opn", {"tau": 5.0, "sigma": 0.0}, record=OPN)
CASES["threshold_lin_rate_opn"] = rate_net("threshold_lin_rate_opn", {"tau": 5.0, "sigma": 0.0, "theta": 0.1},
                                           record=OPN)


def lin_rate_opn_mult_coupling_case(T=100.0):
    """lin_rate_opn with multiplicative coupling: the drive's rate enters the target scaled by
    g_ex (theta_ex - noisy_rate), the inhibition by g_in (theta_in + noisy_rate)."""
    def run(nest):
        p = {"tau": 5.0, "sigma": 0.0, "mult_coupling": True, "g": 1.3, "g_ex": 1.2, "theta_ex": 1.0, "g_in": 0.7,
             "theta_in": 0.3}
        drive = nest.Create("lin_rate_opn", params={"tau": 5.0, "sigma": 0.0, "mu": 1.5})
        inh = nest.Create("lin_rate_opn", params={"tau": 5.0, "sigma": 0.0, "mu": 0.8})
        n = nest.Create("lin_rate_opn", 2, params=p)
        n[1].linear_summation = False
        nest.Connect(drive, n, syn_spec={"synapse_model": "rate_connection_instantaneous", "weight": 0.5})
        nest.Connect(inh, n, syn_spec={"synapse_model": "rate_connection_delayed", "weight": -0.6, "delay": 1.5})
        mm = nest.Create("multimeter", params={"record_from": ["rate", "noisy_rate"], "interval": 0.1})
        nest.Connect(mm, n)
        nest.Simulate(T)
        ev = mm.get("events")
        s = ev["senders"]
        return {"%s_%d" % (r, i): ev[r][s == n[i].global_id] for r in ("rate", "noisy_rate") for i in range(2)}

    return run, {"%s_%d" % (r, i): TRACE for r in ("rate", "noisy_rate") for i in range(2)}


CASES["lin_rate_opn_mult_coupling"] = lin_rate_opn_mult_coupling_case()


def opn_noise_case(pairs=10, T=10000.0):
    """Output noise statistics: units with mu 1.5, sigma 0.5, tau 5 each drive one noise-free unit
    through weight 1 (delay 1 ms). The sources' own rates carry no noise; their noise has standard
    deviation sigma, their noisy rate sqrt(tau/h) sigma about the rate; the targets settle at mean
    mu with variance P2^2 (tau/h) sigma^2 / (1 - P1^2) (about sigma^2 / 2)."""
    import numpy as np

    def run(nest):
        nest.rng_seed = 3
        src = nest.Create("lin_rate_opn", pairs, params={"mu": 1.5, "sigma": 0.5, "tau": 5.0})
        tgt = nest.Create("lin_rate_opn", pairs, params={"sigma": 0.0, "tau": 5.0})
        nest.Connect(src, tgt, "one_to_one", syn_spec={"synapse_model": "rate_connection_delayed", "weight": 1.0,
                                                       "delay": 1.0})
        mm = nest.Create("multimeter", params={"record_from": ["rate", "noise", "noisy_rate"], "interval": 0.1,
                                               "start": 50.0})
        nest.Connect(mm, src + tgt)
        nest.Simulate(T)
        ev = mm.get("events")
        s = ev["senders"]
        ins = np.isin(s, src.tolist())
        intg = np.isin(s, tgt.tolist())
        return {
            "src_rate_mean": float(np.mean(ev["rate"][ins])),
            "src_noise_std": float(np.std(ev["noise"][ins])),
            "src_noisy_rate_std": float(np.std(ev["noisy_rate"][ins])),
            "tgt_rate_mean": float(np.mean(ev["rate"][intg])),
            "tgt_rate_var": float(np.var(ev["rate"][intg])),
        }

    return run, {"src_rate_mean": stat(1e-9), "src_noise_std": stat(0.02), "src_noisy_rate_std": stat(0.02),
                 "tgt_rate_mean": stat(0.02), "tgt_rate_var": stat(0.08)}


CASES["lin_rate_opn_noise"] = opn_noise_case()


def transformer_net(model, params, T=100.0):
    """Two transformers of the model (linear_summation True and False) between two lin_rate_ipn units
    without noise: the drive (mu 1) reaches both through a delayed connection, the feedback unit through
    an instantaneous inhibitory one; the transformers feed the feedback unit instantaneously resp. with
    delay, and it feeds back to the drive."""
    def run(nest):
        drive = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 5.0, "mu": 1.0})
        fb = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 5.0})
        t = nest.Create(model, 2, params=params)
        t[1].linear_summation = False
        syn_d = "rate_connection_delayed"
        syn_i = "rate_connection_instantaneous"
        nest.Connect(drive, t, syn_spec={"synapse_model": syn_d, "weight": 0.8, "delay": 2.0})
        nest.Connect(fb, t, syn_spec={"synapse_model": syn_i, "weight": -0.5})
        nest.Connect(t[0], fb, syn_spec={"synapse_model": syn_i, "weight": 0.6})
        nest.Connect(t[1], fb, syn_spec={"synapse_model": syn_d, "weight": 0.4, "delay": 1.0})
        nest.Connect(fb, drive, syn_spec={"synapse_model": syn_d, "weight": 0.3, "delay": 1.0})
        mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
        nodes = drive + t + fb
        nest.Connect(mm, nodes)
        nest.Simulate(T)
        ev = mm.get("events")
        s = ev["senders"]
        names = ("rate_drive", "rate_t_sum", "rate_t_each", "rate_fb")
        return {k: ev["rate"][s == g] for k, g in zip(names, nodes.tolist())}

    return run, {k: TRACE for k in ("rate_drive", "rate_t_sum", "rate_t_each", "rate_fb")}


CASES["rate_transformer_gauss"] = transformer_net("rate_transformer_gauss", {"g": 1.1, "mu": 0.3, "sigma": 0.5})
CASES["rate_transformer_lin"] = transformer_net("rate_transformer_lin", {"g": 0.8})
CASES["rate_transformer_sigmoid"] = transformer_net("rate_transformer_sigmoid", {"g": 1.0, "beta": 2.0, "theta": 0.2})
CASES["rate_transformer_sigmoid_gg_1998"] = transformer_net("rate_transformer_sigmoid_gg_1998", {"g": 0.15})
CASES["rate_transformer_tanh"] = transformer_net("rate_transformer_tanh", {"g": 1.5, "theta": 0.1})
CASES["rate_transformer_threshold_lin"] = transformer_net("rate_transformer_threshold_lin",
                                                          {"g": 1.0, "theta": 0.1, "alpha": 0.5})
