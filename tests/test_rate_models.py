"""NEST's rate model templates: rate_neuron_ipn (gauss_rate_ipn, sigmoid_rate_gg_1998_ipn),
rate_neuron_opn (lin_rate_opn, tanh_rate_opn, threshold_lin_rate_opn) and rate_transformer_node
(rate_transformer_*), checked against values computed here from NEST's equations
(models/rate_neuron_ipn_impl.h, rate_neuron_opn_impl.h, rate_transformer_node_impl.h and the
nonlinearities in models/*_rate*.h of NEST 3.9)."""
import math

import numpy as np
import pytest

H = 0.1  # default resolution (ms)


# the gain functions as NEST's nonlinearities_* classes define them
def gauss(h, g, mu, sigma):
    return g * math.exp(-((h - mu) ** 2) / (2.0 * sigma ** 2))


def gg1998(h, g):
    return (g * h) ** 4 / (0.1 ** 4 + (g * h) ** 4)


def sigmoid(h, g, beta, theta):
    return g / (1.0 + math.exp(-beta * (h - theta)))


def thr_lin(h, g, theta, alpha):
    return min(max(g * (h - theta), 0.0), alpha)


def const_source(nest, r):
    """A lin_rate_ipn whose rate stays r: no decay (lambda 0), no drive, no noise."""
    return nest.Create("lin_rate_ipn", params={"lambda": 0.0, "mu": 0.0, "sigma": 0.0, "rate": r})


def record(nest, nodes, what=("rate",), T=50.0):
    mm = nest.Create("multimeter", params={"record_from": list(what), "interval": H})
    nest.Connect(mm, nodes)
    nest.Simulate(T)
    ev = mm.get("events")
    s = ev["senders"]
    out = []
    for g in nodes.tolist():
        sel = s == g
        out.append({k: ev[k][sel] for k in list(what) + ["times"]})
    return out


def inst(w):
    return {"synapse_model": "rate_connection_instantaneous", "weight": w}


def delayed(w, d):
    return {"synapse_model": "rate_connection_delayed", "weight": w, "delay": d}


# ---------------------------------------------------------------- rate_neuron_ipn: the new gains

@pytest.mark.parametrize("lam", [1.0, 0.5])
@pytest.mark.parametrize("ls", [True, False])
def test_gauss_rate_ipn_constant_input_exact(nest, lam, ls):
    # std sets the noise parameter alone (0), sigma then only the gain's width; mean the mean input alone
    r0, w, g, mu_g, width, mean, tau = 0.7, 0.8, 1.5, 0.2, 0.6, 0.1, 4.0
    src = const_source(nest, r0)
    n = nest.Create("gauss_rate_ipn", params={"sigma": width, "std": 0.0, "mu": mu_g, "mean": mean, "g": g,
                                              "tau": tau, "lambda": lam, "linear_summation": ls})
    assert n.sigma == width and n.std == 0.0 and n.mu == mu_g and n.mean == mean
    nest.Connect(src, n, syn_spec=inst(w))
    (rec,) = record(nest, n, what=("rate", "noise"))
    phi = gauss(w * r0, g, mu_g, width) if ls else w * gauss(r0, g, mu_g, width)
    # exponential Euler is exact for a constant input: X(t) = X_inf (1 - exp(-lambda t / tau))
    x_inf = (mean + phi) / lam
    expect = x_inf * (1.0 - np.exp(-lam * rec["times"] / tau))
    assert len(expect) > 480 and rec["times"][0] == H
    np.testing.assert_allclose(rec["rate"], expect, rtol=1e-12, atol=1e-15)
    assert np.all(rec["noise"] == 0.0)


def test_gauss_rate_ipn_shares_mu_and_sigma_with_the_gain(nest):
    # GetDefaults shows the gain's sigma (0) and the neuron's std (1), as NEST's status lists them
    d = nest.GetDefaults("gauss_rate_ipn")
    assert d["sigma"] == 0.0 and d["std"] == 1.0 and d["mu"] == 0.0 and d["mean"] == 0.0
    n = nest.Create("gauss_rate_ipn")
    n.set({"sigma": 0.3, "mu": 0.4})
    assert (n.sigma, n.std, n.mu, n.mean) == (0.3, 0.3, 0.4, 0.4)
    n.set({"std": 0.0, "mean": 2.0})
    assert (n.sigma, n.std, n.mu, n.mean) == (0.3, 0.0, 0.4, 2.0)
    # the neuron's check applies to sigma
    with pytest.raises(nest.NESTErrors.BadProperty, match="Noise parameter must not be negative."):
        n.sigma = -0.1
    assert n.sigma == 0.3


def test_gauss_gain_with_zero_width_is_nan_at_its_centre(nest):
    # exp(-(h - mu)^2 / (2 sigma^2)) with sigma = 0 is exp(-0/0) = NaN at h = mu, exp(-inf) = 0 elsewhere
    t = nest.Create("rate_transformer_gauss", 2)
    src = const_source(nest, 0.5)
    nest.Connect(src, t[1], syn_spec=inst(1.0))
    a, b = record(nest, t, T=1.0)
    assert np.all(np.isnan(a["rate"]))
    assert np.all(b["rate"] == 0.0)


@pytest.mark.parametrize("ls", [True, False])
def test_sigmoid_rate_gg_1998_ipn_constant_input_exact(nest, ls):
    r0, w, g, tau, mu = 0.4, 0.5, 1.3, 5.0, 0.05
    src = const_source(nest, r0)
    n = nest.Create("sigmoid_rate_gg_1998_ipn", params={"sigma": 0.0, "g": g, "tau": tau, "mu": mu,
                                                        "linear_summation": ls})
    nest.Connect(src, n, syn_spec=inst(w))
    (rec,) = record(nest, n)
    phi = gg1998(w * r0, g) if ls else w * gg1998(r0, g)
    expect = (mu + phi) * (1.0 - np.exp(-rec["times"] / tau))
    np.testing.assert_allclose(rec["rate"], expect, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("model,gain", [("sigmoid_rate_gg_1998_ipn", lambda h: gg1998(h, 1.0)),
                                        ("gauss_rate_ipn", lambda h: gauss(h, 1.0, 0.1, 0.5))])
def test_mult_coupling_applies_the_gain_to_ex_and_in_apart(nest, model, gain):
    # these gains have coupling factors 1: with mult_coupling the excitatory and inhibitory sums are
    # transformed separately, phi(ex) + phi(in), without it together, phi(ex + in)
    r1, r2, w1, w2, tau = 0.6, 0.5, 0.9, -0.4, 3.0
    s1, s2 = const_source(nest, r1), const_source(nest, r2)
    p = {"tau": tau, "sigma": 0.5, "std": 0.0} if model == "gauss_rate_ipn" else {"tau": tau, "sigma": 0.0}
    if model == "gauss_rate_ipn":
        p["mu"] = 0.1
        p["mean"] = 0.0
    n = nest.Create(model, 2, params=p)
    n[1].mult_coupling = True
    nest.Connect(s1, n, syn_spec=inst(w1))
    nest.Connect(s2, n, syn_spec=inst(w2))
    a, b = record(nest, n, T=20.0)
    decay = 1.0 - np.exp(-a["times"] / tau)
    np.testing.assert_allclose(a["rate"], gain(w1 * r1 + w2 * r2) * decay, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(b["rate"], (gain(w1 * r1) + gain(w2 * r2)) * decay, rtol=1e-12, atol=1e-15)


def test_ipn_rectify_output_for_the_new_gains(nest):
    # a negative drive is cut at rectify_rate
    n = nest.Create("sigmoid_rate_gg_1998_ipn", params={"sigma": 0.0, "mu": -1.0, "rectify_output": True,
                                                        "rectify_rate": 0.2, "rate": 1.0})
    (rec,) = record(nest, n)
    assert rec["rate"][-1] == 0.2 and rec["rate"][0] > 0.2


# ---------------------------------------------------------------- rate_neuron_opn

@pytest.mark.parametrize("model,gain", [("lin_rate_opn", lambda h: 1.4 * h),
                                        ("tanh_rate_opn", lambda h: math.tanh(1.4 * (h - 0.1))),
                                        ("threshold_lin_rate_opn", lambda h: thr_lin(h, 1.4, 0.1, 0.3))])
@pytest.mark.parametrize("ls", [True, False])
def test_opn_without_noise_constant_input_exact(nest, model, gain, ls):
    r0, w, tau, mu = 0.8, 0.7, 6.0, 0.25
    p = {"g": 1.4, "tau": tau, "mu": mu, "sigma": 0.0, "linear_summation": ls}
    if model != "lin_rate_opn":
        p["theta"] = 0.1
    if model == "threshold_lin_rate_opn":
        p["alpha"] = 0.3
    src = const_source(nest, r0)
    n = nest.Create(model)
    n.set(p)   # (Create's params would be model defaults, whose nonlinearity the node does not copy)
    nest.Connect(src, n, syn_spec=inst(w))
    (rec,) = record(nest, n, what=("rate", "noisy_rate", "noise"))
    phi = gain(w * r0) if ls else w * gain(r0)
    # P1 = exp(-h/tau), P2 = 1 - exp(-h/tau): exact for a constant input
    expect = (mu + phi) * (1.0 - np.exp(-rec["times"] / tau))
    np.testing.assert_allclose(rec["rate"], expect, rtol=1e-12, atol=1e-15)
    # without noise the noisy rate of a step is the rate before it
    assert rec["noisy_rate"][0] == 0.0
    np.testing.assert_array_equal(rec["noisy_rate"][1:], rec["rate"][:-1])
    assert np.all(rec["noise"] == 0.0)


def test_lin_rate_opn_mult_coupling_uses_the_noisy_rate(nest):
    # H_ex = g_ex (theta_ex - noisy_rate), and without noise the noisy rate is the rate before the step:
    # X_{k+1} = P1 X_k + P2 (mu + g_ex (theta_ex - X_k) g w r0)
    r0, w, g, g_ex, theta_ex, tau, mu = 1.5, 0.5, 1.0, 1.0, 1.0, 5.0, 0.0
    src = const_source(nest, r0)
    n = nest.Create("lin_rate_opn")
    n.set({"sigma": 0.0, "tau": tau, "mult_coupling": True, "g_ex": g_ex, "theta_ex": theta_ex, "g": g, "mu": mu})
    nest.Connect(src, n, syn_spec=inst(w))
    (rec,) = record(nest, n, T=100.0)
    p1, p2 = math.exp(-H / tau), -math.expm1(-H / tau)
    x, expect = 0.0, []
    for _ in range(len(rec["rate"])):
        x = p1 * x + p2 * mu + p2 * g_ex * (theta_ex - x) * g * w * r0
        expect.append(x)
    np.testing.assert_allclose(rec["rate"], expect, rtol=1e-12, atol=1e-15)
    a = g * w * r0 * g_ex  # fixed point a theta / (1 + a), as NEST's test_rate_neuron_communication
    assert rec["rate"][-1] == pytest.approx(a * theta_ex / (1 + a), rel=1e-6)


def test_opn_output_noise(nest):
    # the noise is added to what the neuron sends: its own rate stays the noise-free solution,
    # noisy_rate_k = rate_{k-1} + sqrt(tau/h) noise_k with noise ~ N(0, sigma^2); a neuron receiving the noisy
    # rate through weight w fluctuates with variance P2^2 w^2 (tau/h) sigma^2 / (1 - P1^2)
    mu, sigma, tau, w = 1.5, 0.5, 5.0, 1.0
    nest.rng_seed = 12
    a = nest.Create("lin_rate_opn", params={"mu": mu, "sigma": sigma, "tau": tau})
    b = nest.Create("lin_rate_opn", params={"sigma": 0.0, "tau": tau})
    nest.Connect(a, b, syn_spec=delayed(w, 1.0))
    ra, rb = record(nest, a + b, what=("rate", "noisy_rate", "noise"), T=20000.0)
    np.testing.assert_allclose(ra["rate"], mu * (1.0 - np.exp(-ra["times"] / tau)), rtol=1e-12)
    prev = np.concatenate(([0.0], ra["rate"][:-1]))
    np.testing.assert_allclose(ra["noisy_rate"], prev + math.sqrt(tau / H) * ra["noise"], rtol=1e-12, atol=1e-12)
    assert np.std(ra["noise"]) == pytest.approx(sigma, rel=0.02)
    assert abs(np.mean(ra["noise"])) < 0.01
    assert np.all(rb["noise"] == 0.0)
    settled = rb["rate"][rb["times"] > 50.0]
    p1, p2 = math.exp(-H / tau), -math.expm1(-H / tau)
    assert np.mean(settled) == pytest.approx(w * mu, rel=0.02)
    assert np.var(settled) == pytest.approx(p2 ** 2 * w ** 2 * (tau / H) * sigma ** 2 / (1 - p1 ** 2), rel=0.1)


def test_opn_status_and_errors(nest):
    n = nest.Create("tanh_rate_opn")
    assert n.recordables == ("noise", "noisy_rate", "rate")
    with pytest.raises(nest.NESTErrors.BadProperty, match="Time constant must be > 0."):
        n.tau = 0.0
    with pytest.raises(nest.NESTErrors.BadProperty, match="Noise parameter must not be negative."):
        n.sigma = -1.0
    with pytest.raises(nest.NESTErrors.BadProperty, match="Noise parameter must not be negative."):
        n.std = -1.0
    assert n.tau == 10.0 and n.sigma == 1.0
    # the output-noise template has no lambda and no rectification, and noise/noisy_rate are read-only
    for key in ("lambda", "rectify_output", "rectify_rate", "noisy_rate", "noise"):
        with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
            n.set({key: 0.0 if key != "rectify_output" else True})
    n.set({"mean": 0.5, "rate": 0.3})
    assert n.mu == 0.5 and n.rate == 0.3
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(n, n, syn_spec={"synapse_model": "rate_connection_delayed", "receptor_type": 1})


def test_create_copies_the_prototype_as_nests_copy_constructors_do(nest):
    # NEST's rate_neuron_opn copy constructor leaves out the nonlinearity: nodes created from the model (and
    # models copied from it) start from the gain's built-in defaults, the template's parameters are copied
    nest.SetDefaults("lin_rate_opn", {"g": 2.0, "tau": 3.0})
    assert nest.GetDefaults("lin_rate_opn")["g"] == 2.0
    n = nest.Create("lin_rate_opn")
    assert n.g == 1.0 and n.tau == 3.0
    # Create with a dictionary of single values (SLI's Create_l_i_D) makes it the model's defaults while the
    # nodes are copied from the prototype: the nonlinearity's parameters are lost, the others kept
    n = nest.Create("lin_rate_opn", params={"g": 2.5, "tau": 4.0})
    assert n.g == 1.0 and n.tau == 4.0 and nest.GetDefaults("lin_rate_opn")["g"] == 2.0
    n.set(g=2.5)
    assert n.g == 2.5
    nest.CopyModel("tanh_rate_opn", "my_tanh_opn", {"theta": 0.5})
    assert nest.GetDefaults("my_tanh_opn")["theta"] == 0.5
    assert nest.Create("my_tanh_opn").theta == 0.0
    # the input-noise template and the transformer copy theirs
    nest.SetDefaults("lin_rate_ipn", {"g": 2.0, "linear_summation": False})
    nest.SetDefaults("rate_transformer_lin", {"g": 3.0})
    n = nest.Create("lin_rate_ipn")
    assert n.g == 2.0 and n.linear_summation is False and nest.Create("rate_transformer_lin").g == 3.0
    # but the transformer's copy constructor leaves out its parameters (linear_summation)
    nest.SetDefaults("rate_transformer_tanh", {"linear_summation": False, "rate": 0.5})
    assert nest.GetDefaults("rate_transformer_tanh")["linear_summation"] is False
    t = nest.Create("rate_transformer_tanh")
    assert t.linear_summation is True and t.rate == 0.5
    assert nest.Create("rate_transformer_tanh", params={"linear_summation": False}).linear_summation is True
    t.set(linear_summation=False)
    assert t.linear_summation is False


# ---------------------------------------------------------------- rate_transformer_node

TRANSFORMERS = [
    ("rate_transformer_lin", {"g": 1.7}, lambda h: 1.7 * h),
    ("rate_transformer_tanh", {"g": 1.2, "theta": 0.1}, lambda h: math.tanh(1.2 * (h - 0.1))),
    ("rate_transformer_threshold_lin", {"g": 2.0, "theta": 0.1, "alpha": 0.9}, lambda h: thr_lin(h, 2.0, 0.1, 0.9)),
    ("rate_transformer_sigmoid", {"g": 1.1, "beta": 2.5, "theta": 0.2}, lambda h: sigmoid(h, 1.1, 2.5, 0.2)),
    ("rate_transformer_sigmoid_gg_1998", {"g": 0.3}, lambda h: gg1998(h, 0.3)),
    ("rate_transformer_gauss", {"g": 0.9, "mu": 0.3, "sigma": 0.4}, lambda h: gauss(h, 0.9, 0.3, 0.4)),
]


@pytest.mark.parametrize("model,params,gain", TRANSFORMERS)
def test_transformer_output_is_the_gain_of_its_input(nest, model, params, gain):
    # two constant sources, one through a delayed connection (arriving in the update of step delay/h, so
    # recorded from t = delay + h on), one instantaneous; with linear_summation the gain of the sum,
    # without it the sum of weight * gain(rate)
    r1, r2, w1, w2, d = 0.8, 0.5, 0.6, -0.9, 1.0
    s1, s2 = const_source(nest, r1), const_source(nest, r2)
    t = nest.Create(model, 2, params=params)
    t[1].linear_summation = False
    nest.Connect(s1, t, syn_spec=delayed(w1, d))
    nest.Connect(s2, t, syn_spec=inst(w2))
    a, b = record(nest, t, T=5.0)
    on = a["times"] >= d + H - 1e-9
    assert on.sum() == len(on) - int(round(d / H))
    exp_a = np.where(on, gain(w1 * r1 + w2 * r2), gain(w2 * r2))
    exp_b = np.where(on, w1 * gain(r1) + w2 * gain(r2), w2 * gain(r2))
    np.testing.assert_allclose(a["rate"], exp_a, rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(b["rate"], exp_b, rtol=1e-14, atol=1e-15)


def test_transformer_passes_instantaneous_input_one_step_later(nest):
    # the transformer sends its rate before each step: an instantaneous connection through it arrives one
    # step later than the direct one (NEST's documentation of rate_transformer_node)
    src = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "mu": 1.0, "tau": 5.0})
    t = nest.Create("rate_transformer_lin", params={"g": 2.0})
    via = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 5.0})
    direct = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 5.0})
    nest.Connect(src, t, syn_spec=inst(1.0))
    nest.Connect(t, via, syn_spec=inst(1.0))
    nest.Connect(src, direct, syn_spec=inst(2.0))
    rs, rt, rv, rd = record(nest, src + t + via + direct, T=30.0)
    np.testing.assert_array_equal(rt["rate"], 2.0 * np.concatenate(([0.0], rs["rate"][:-1])))
    # via gets exactly the input direct got one step before
    p1, p2 = math.exp(-H / 5.0), -math.expm1(-H / 5.0)
    x, expect = 0.0, []
    for k in range(len(rv["rate"])):
        x = p1 * x + p2 * 0.0 + p2 * rt["rate"][k - 1] if k > 0 else 0.0
        expect.append(x)
    np.testing.assert_allclose(rv["rate"], expect, rtol=1e-12, atol=1e-15)
    assert rv["rate"][1] == 0.0 and rd["rate"][1] > 0.0


def test_transformer_status_and_errors(nest):
    t = nest.Create("rate_transformer_lin")
    assert t.recordables == ("rate",)
    for key in ("tau", "sigma", "mu", "mult_coupling", "lambda"):
        with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
            t.set({key: 1.0 if key != "mult_coupling" else True})
    t.set({"rate": 0.4, "linear_summation": False, "g_ex": 2.0})
    assert t.rate == 0.4 and t.linear_summation is False and t.g_ex == 2.0
    g = nest.Create("rate_transformer_gauss")
    g.set({"mu": 0.2, "sigma": 0.3})  # the gain's parameters
    assert g.mu == 0.2 and g.sigma == 0.3
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(g, t, syn_spec={"synapse_model": "rate_connection_instantaneous", "receptor_type": 2})
    # spikes are no input for rate nodes (NEST's Node::handles_test_event(SpikeEvent))
    for m in ("rate_transformer_lin", "lin_rate_opn", "gauss_rate_ipn", "lin_rate_ipn"):
        with pytest.raises(nest.NESTErrors.IllegalConnection, match="does not support spike input"):
            nest.Connect(nest.Create("iaf_psc_alpha"), nest.Create(m))


def test_ipn_errors_for_the_new_models(nest):
    for model in ("gauss_rate_ipn", "sigmoid_rate_gg_1998_ipn"):
        n = nest.Create(model)
        with pytest.raises(nest.NESTErrors.BadProperty, match="Time constant must be > 0."):
            n.tau = -1.0
        with pytest.raises(nest.NESTErrors.BadProperty, match="Passive decay rate must be >= 0."):
            n.set({"lambda": -0.1})
        with pytest.raises(nest.NESTErrors.BadProperty, match="Noise parameter must not be negative."):
            n.std = -0.1
        with pytest.raises(nest.NESTErrors.BadProperty, match="Rectifying rate must not be negative."):
            n.rectify_rate = -0.1
        with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
            n.set({"noisy_rate": 0.0})
        assert n.tau == 10.0 and n.get("lambda") == 1.0 and n.rectify_rate == 0.0
    assert nest.Create("sigmoid_rate_gg_1998_ipn").sigma == 1.0


# ---------------------------------------------------------------- threads and wfr

def _mixed_net(nest, threads, use_wfr=True):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    nest.use_wfr = use_wfr
    nest.rng_seed = 5
    ipn = nest.Create("gauss_rate_ipn", 3, params={"sigma": 0.7, "std": 0.3, "tau": 4.0, "mean": 0.5})
    gg = nest.Create("sigmoid_rate_gg_1998_ipn", 2, params={"sigma": 0.2, "tau": 6.0, "g": 2.0})
    opn = nest.Create("tanh_rate_opn", 3, params={"sigma": 0.4, "tau": 5.0, "mu": 0.3})
    lin = nest.Create("lin_rate_opn", 2, params={"sigma": 0.3, "mult_coupling": True, "theta_ex": 1.0})
    tr = nest.Create("rate_transformer_threshold_lin", 2, params={"theta": 0.05, "alpha": 1.0})
    tr[1].linear_summation = False
    tg = nest.Create("rate_transformer_sigmoid", 1)
    nodes = ipn + gg + opn + lin + tr + tg
    nest.Connect(ipn, opn, syn_spec=delayed(0.6, 1.5))
    nest.Connect(opn, tr, syn_spec=inst(0.8))
    nest.Connect(tr, ipn, syn_spec=inst(-0.4))
    nest.Connect(gg, lin, syn_spec=inst(0.5))
    nest.Connect(lin, tg, syn_spec=delayed(1.2, 0.5))
    nest.Connect(tg, gg, syn_spec=inst(0.3))
    nest.Connect(opn, gg, syn_spec=delayed(-0.2, 2.0))
    rec = record(nest, nodes, what=("rate",), T=40.0)
    return [r["rate"] for r in rec]


@pytest.mark.parametrize("use_wfr", [True, False])
def test_results_do_not_depend_on_the_number_of_threads(nest, use_wfr):
    one = _mixed_net(nest, 1, use_wfr)
    three = _mixed_net(nest, 3, use_wfr)
    assert all(len(x) > 350 for x in one)
    for a, b in zip(one, three):
        np.testing.assert_array_equal(a, b)
    assert not np.all(one[5] == one[5][0])  # opn rates move
    assert nest.GetStatus(nest.NodeCollection([1]), "node_uses_wfr")[0] is use_wfr


def test_weight_recorder_gets_rate_connection_events(nest):
    # NEST's Connector::send also hands secondary rate events to the model's weight_recorder: one event per
    # connection and delivery (start of each slice but the first; instantaneous connections also per
    # waveform-relaxation pass), stamped slice origin + 1 - min_delay, in the one-thread connector order
    def run(threads):
        nest.ResetKernel()
        nest.local_num_threads = threads
        g = nest.Create("step_rate_generator", params={"amplitude_times": [1.0], "amplitude_values": [2.0]})
        a = nest.Create("lin_rate_ipn", 2, params={"sigma": 0.0})
        wr = nest.Create("weight_recorder")
        nest.CopyModel("rate_connection_delayed", "rd", {"weight_recorder": wr})
        nest.CopyModel("rate_connection_instantaneous", "ri", {"weight_recorder": wr})
        nest.Connect(g, a, "all_to_all", {"synapse_model": "rd", "weight": 0.5, "delay": 1.0})
        nest.Connect(a[0], a[1], "one_to_one", {"synapse_model": "ri", "weight": 0.7})
        nest.Connect(a[1], a[0], "one_to_one", {"synapse_model": "rd", "weight": 0.3, "delay": 2.0})
        nest.Simulate(5.0)
        return {k: np.asarray(v) for k, v in wr.events.items()}

    e1, e2 = run(1), run(2)
    for k in e1:
        np.testing.assert_array_equal(e1[k], e2[k])
    # min_delay 1 ms (wfr_comm_interval): deliveries at the start of slices 1..4, stamped 0.1, 1.1, 2.1, 3.1
    assert set(np.round(e1["times"], 9)) == {0.1, 1.1, 2.1, 3.1}
    first = e1["times"] == e1["times"][0]
    # the delayed connections (model rd, made first): the generator's two by target, then 3 -> 2
    assert list(e1["senders"][first][:3]) == [1, 1, 3] and list(e1["targets"][first][:3]) == [2, 3, 2]
    assert list(e1["ports"][first][:2]) == [0, 1] and list(e1["weights"][first][:3]) == [0.5, 0.5, 0.3]
    # then the instantaneous one, once at the slice's start and once per waveform-relaxation pass
    assert np.all(e1["senders"][first][3:] == 2) and np.all(e1["weights"][first][3:] == 0.7)
    assert np.sum(first) >= 5
