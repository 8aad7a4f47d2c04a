"""NEST 3.9's e-prop bsshslm_2020 family: eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020,
eprop_readout_bsshslm_2020, eprop_synapse_bsshslm_2020 (weight optimizers gradient_descent and adam) and
eprop_learning_signal_connection_bsshslm_2020.

The scenarios of NEST's testsuite (testsuite/pytests/test_eprop_bsshslm_2020_plasticity.py of NEST 3.9:
a sine-wave regression task and an evidence-accumulation classification task, built here anew) are
checked against the losses NEST 3.9 computed for them (the reference values in that file), to NEST's
tolerance (rtol 1e-8); the e-prop history cleaning against NEST's recorded eprop_history_duration.
Further: results independent of the thread count, the status dictionaries and NEST's errors."""
import numpy as np
import pytest

RECURRENT = ["eprop_iaf_bsshslm_2020", "eprop_iaf_adapt_bsshslm_2020"]
TARGETS = RECURRENT + ["eprop_readout_bsshslm_2020"]

# NEST 3.9's losses for the scenarios below (from NEST's testsuite, test_eprop_bsshslm_2020_plasticity.py)
NEST_LOSS_REGRESSION = [101.964356999041, 103.466731126205, 103.340607074771, 103.680244037686, 104.412775748752]
NEST_LOSS_CLASSIFICATION = {
    1: [0.741152550006, 0.740388187700, 0.665785233177, 0.663644193322, 0.729428962844],
    2: [0.702163370672, 0.735555303152, 0.740354864111, 0.683882815282, 0.707841122268],
}

OFFSET = 1 + 3  # offset_gen + delay_in_rec + delay_rec_out + delay_out_norm (steps of 1 ms)


def _kernel(nest, sequence, learning_window, threads=1):
    nest.ResetKernel()
    nest.set(eprop_learning_window=float(learning_window), eprop_reset_neurons_on_update=True,
             eprop_update_interval=float(sequence), print_time=False, resolution=1.0,
             total_num_virtual_procs=threads)


def _recurrent_params(v_th, t_ref, rsa):
    # gamma and beta of the surrogate gradient scaled by the threshold, as in NEST's scenarios
    return {"beta": 1.0 / abs(v_th), "C_m": 1.0, "c_reg": 300.0, "E_L": 0.0, "f_target": 10.0,
            "gamma": 0.3 / v_th, "I_e": 0.0, "regular_spike_arrival": rsa,
            "surrogate_gradient_function": "piecewise_linear", "t_ref": t_ref, "tau_m": 30.0 if not rsa else 20.0,
            "V_m": 0.0, "V_th": v_th}


def _wire(nest, n_in, rec, out, gen_target, w_in, w_rec, w_out, w_fb, tau_out, norm=False):
    """parrot inputs, the e-prop connections and the target and (cross-entropy) normalization rates"""
    gen_in = nest.Create("spike_generator", n_in)
    nrns_in = nest.Create("parrot_neuron", n_in)
    one, all_ = {"rule": "one_to_one"}, {"rule": "all_to_all", "allow_autapses": False}
    eprop = {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0, "tau_m_readout": tau_out}
    nest.Connect(gen_in, nrns_in, one, {"synapse_model": "static_synapse", "delay": 1.0})
    nest.Connect(nrns_in, rec, all_, dict(eprop, weight=w_in))
    nest.Connect(rec, rec, all_, dict(eprop, weight=w_rec))
    nest.Connect(rec, out, all_, dict(eprop, weight=w_out))
    nest.Connect(out, rec, all_, {"synapse_model": "eprop_learning_signal_connection_bsshslm_2020", "delay": 1.0,
                                  "weight": w_fb})
    nest.Connect(gen_target, out, one, {"synapse_model": "rate_connection_delayed", "delay": 1.0, "receptor_type": 2})
    if norm:
        nest.Connect(out, out, all_, {"synapse_model": "rate_connection_delayed", "delay": 1.0, "receptor_type": 1,
                                      "weight": 1.0})
    return gen_in, nrns_in


def _readout_traces(mm, n_out, steps):
    ev = mm.get("events")
    s = ev["senders"]
    y = np.array([ev["readout_signal"][s == g] for g in sorted(set(s))])
    ys = np.array([ev["target_signal"][s == g] for g in sorted(set(s))])
    return y.reshape(n_out, -1, steps), ys.reshape(n_out, -1, steps)


def regression(nest, threads=1, n_iter=5):
    """NEST's sine-wave regression scenario: 100 parrot inputs with fixed random spikes, 100
    eprop_iaf_bsshslm_2020, one mean-squared-error readout, gradient descent; returns the loss per
    iteration and the final weights."""
    np.random.seed(1)
    seq = 1000
    _kernel(nest, seq, seq, threads)
    n_in, n_rec, n_out = 100, 100, 1
    rec = nest.Create("eprop_iaf_bsshslm_2020", n_rec, _recurrent_params(0.03, 0.0, False))
    out = nest.Create("eprop_readout_bsshslm_2020", n_out, {"C_m": 1.0, "E_L": 0.0, "I_e": 0.0,
                                                            "loss": "mean_squared_error",
                                                            "regular_spike_arrival": False, "tau_m": 30.0, "V_m": 0.0})
    gen_target = nest.Create("step_rate_generator", n_out)
    mm = nest.Create("multimeter", {"interval": 1.0, "record_from": ["readout_signal", "target_signal"],
                                    "start": float(OFFSET), "stop": float(OFFSET + n_iter * seq)})
    f32 = np.float32
    w_in = np.array(np.random.randn(n_in, n_rec).T / np.sqrt(n_in), dtype=f32)
    w_rec = np.array(np.random.randn(n_rec, n_rec).T / np.sqrt(n_rec), dtype=f32)
    np.fill_diagonal(w_rec, 0.0)
    w_out = np.array(np.random.randn(n_rec, n_out).T / np.sqrt(n_rec), dtype=f32)
    w_fb = np.array(np.random.randn(n_rec, n_out) / np.sqrt(n_rec), dtype=f32)
    nest.SetDefaults("eprop_synapse_bsshslm_2020", {
        "optimizer": {"type": "gradient_descent", "batch_size": 1, "eta": 1e-4, "Wmin": -100.0, "Wmax": 100.0},
        "average_gradient": False})
    gen_in, nrns_in = _wire(nest, n_in, rec, out, gen_target, w_in, w_rec, w_out, w_fb, 30.0)
    nest.Connect(mm, out)
    spikes = (np.random.rand(seq, n_in) < 0.05).swapaxes(0, 1)
    spikes[:, 0] = 0
    starts = np.arange(0.0, n_iter * seq, seq) + 1.0
    grid = np.arange(0.0, seq, 1.0)
    gen_in.set([{"spike_times": np.hstack([grid[b] + s0 for s0 in starts]).astype(f32)} for b in spikes])
    n_sines = 4
    amp = np.random.uniform(low=0.5, high=2.0, size=n_sines)
    phase = np.random.uniform(low=0.0, high=2.0 * np.pi, size=n_sines)
    target = sum(a * np.sin(np.linspace(p, p + 2.0 * np.pi * (seq // per), seq))
                 for a, p, per in zip(amp, phase, [1000, 500, 333, 200]))
    target -= target[0]
    target /= max(np.abs(target).max(), 1e-6)
    gen_target.set({"amplitude_times": np.arange(0.0, n_iter * seq, 1.0) + OFFSET,
                    "amplitude_values": np.tile(target, n_iter)})
    nest.Simulate(float(n_iter * seq + OFFSET + 1))
    y, ys = _readout_traces(mm, n_out, seq)
    loss = 0.5 * np.mean(np.sum((y - ys) ** 2, axis=2), axis=0)
    return loss, np.array(nest.GetConnections(synapse_model="eprop_synapse_bsshslm_2020").get("weight"))


def classification(nest, batch_size, threads=1, n_iter=5):
    """NEST's evidence-accumulation scenario: 40 parrot inputs, 50 eprop_iaf_bsshslm_2020 and 50
    eprop_iaf_adapt_bsshslm_2020, two cross-entropy readouts, Adam, average_gradient; returns the loss per
    iteration and the final weights."""
    np.random.seed(1)
    n_symbols, n_cues, prob_group, p_spike = 4, 7, 0.3, 0.04
    cue, spacing, bg_noise, recall = 100, 50, 1050, 150
    seq = n_cues * (cue + spacing) + bg_noise + recall
    task = n_iter * batch_size * seq
    _kernel(nest, seq, recall, threads)
    n_in, n_ad, n_reg, n_out = 40, 50, 50, 2
    n_rec = n_ad + n_reg
    p_reg = _recurrent_params(0.6, 5.0, True)
    p_ad = dict(p_reg, adapt_tau=2000.0, adaptation=0.0)
    p_ad["adapt_beta"] = 1.7 * ((1.0 - np.exp(-1.0 / 2000.0)) / (1.0 - np.exp(-1.0 / 20.0)))
    reg = nest.Create("eprop_iaf_bsshslm_2020", n_reg, p_reg)
    ad = nest.Create("eprop_iaf_adapt_bsshslm_2020", n_ad, p_ad)
    out = nest.Create("eprop_readout_bsshslm_2020", n_out, {"C_m": 1.0, "E_L": 0.0, "I_e": 0.0, "loss": "cross_entropy",
                                                            "regular_spike_arrival": False, "tau_m": 20.0, "V_m": 0.0})
    gen_target = nest.Create("step_rate_generator", n_out)
    rec = reg + ad
    mm = nest.Create("multimeter", {"interval": 1.0, "record_from": ["readout_signal", "target_signal"],
                                    "start": float(OFFSET), "stop": float(OFFSET + task)})
    f32 = np.float32
    w_in = np.array(np.random.randn(n_in, n_rec).T / np.sqrt(n_in), dtype=f32)
    w_rec = np.array(np.random.randn(n_rec, n_rec).T / np.sqrt(n_rec), dtype=f32)
    np.fill_diagonal(w_rec, 0.0)
    limit = np.sqrt(3.0 / max(1.0, (n_rec + n_out) / 2.0))
    w_out = np.array(np.random.uniform(low=-limit, high=limit, size=(n_rec, n_out)).T, dtype=f32)
    w_fb = np.array(np.random.randn(n_rec, n_out), dtype=f32)
    nest.SetDefaults("eprop_synapse_bsshslm_2020", {
        "optimizer": {"type": "adam", "batch_size": batch_size, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-8,
                      "eta": 5e-3, "Wmin": -100.0, "Wmax": 100.0},
        "average_gradient": True})
    gen_in, nrns_in = _wire(nest, n_in, rec, out, gen_target, w_in, w_rec, w_out, w_fb, 20.0, norm=True)
    nest.Connect(mm, out)
    nest.GetConnections(rec[0], rec[1:3]).set([{"optimizer": {"m": 0.0, "v": 0.0}}] * 2)

    pop = n_in // n_symbols
    bools, cues_all = [], []
    for _ in range(n_iter):
        choice = np.array([prob_group, 1 - prob_group], dtype=f32)
        idx = np.random.choice([0, 1], batch_size)
        probs = np.zeros((batch_size, 2), dtype=f32)
        probs[:, 0] = choice[idx]
        probs[:, 1] = choice[1 - idx]
        cues = np.zeros((batch_size, n_cues), dtype=int)
        for b in range(batch_size):
            cues[b, :] = np.random.choice([0, 1], n_cues, p=probs[b])
        p = np.zeros((batch_size, seq, n_in))
        for b in range(batch_size):
            for c in range(n_cues):
                a = c * (cue + spacing) + spacing
                p[b, a:a + cue, cues[b, c] * pop:(cues[b, c] + 1) * pop] = p_spike
        p[:, -recall:, 2 * pop:3 * pop] = p_spike
        p[:, :, 3 * pop:] = p_spike / 4.0
        sp = p > np.random.rand(p.size).reshape(p.shape)
        sp[:, 0, :] = 0
        bools.append(sp)
        cues_all.extend(np.sum(cues, axis=1) > int(n_cues / 2))
    bools = np.array(bools).reshape(task, n_in)
    timeline = np.arange(0.0, task, 1.0) + 1.0
    gen_in.set([{"spike_times": timeline[bools[:, j]].astype(f32)} for j in range(n_in)])
    rates = np.zeros((n_out, batch_size * n_iter))
    rates[np.array(cues_all, dtype=int), np.arange(batch_size * n_iter)] = 1
    gen_target.set([{"amplitude_times": np.arange(0.0, task, seq) + OFFSET, "amplitude_values": rates[j]}
                    for j in range(n_out)])
    nest.Simulate(float(task + OFFSET + 1))
    y, ys = _readout_traces(mm, n_out, seq)
    y, ys = y[:, :, -recall:], ys[:, :, -recall:]
    loss = -np.mean(np.sum(ys * np.log(y), axis=0).reshape(n_iter, batch_size, recall), axis=(1, 2))
    return loss, np.array(nest.GetConnections(synapse_model="eprop_synapse_bsshslm_2020").get("weight"))


def test_regression_losses_match_nest(nest):
    loss, _ = regression(nest)
    np.testing.assert_allclose(loss, NEST_LOSS_REGRESSION, rtol=1e-8, atol=0)


@pytest.mark.parametrize("batch_size", [1, 2])
def test_classification_losses_match_nest(nest, batch_size):
    loss, _ = classification(nest, batch_size)
    np.testing.assert_allclose(loss, NEST_LOSS_CLASSIFICATION[batch_size], rtol=1e-8, atol=0)


def test_results_independent_of_threads(nest):
    l1, w1 = classification(nest, 1, threads=1, n_iter=2)
    l2, w2 = classification(nest, 1, threads=2, n_iter=2)
    l3, w3 = classification(nest, 1, threads=3, n_iter=2)
    assert np.array_equal(l1, l2) and np.array_equal(l1, l3)
    # the same connections (GetConnections sorts them) with the same weights
    assert np.array_equal(np.sort(w1), np.sort(w2)) and np.array_equal(np.sort(w1), np.sort(w3))
    r1, v1 = regression(nest, threads=1, n_iter=2)
    r2, v2 = regression(nest, threads=4, n_iter=2)
    assert np.array_equal(r1, r2) and np.array_equal(np.sort(v1), np.sort(v2))


@pytest.mark.parametrize("model,reference", [
    ("eprop_iaf_bsshslm_2020", [(1, 3), (1, 61), (21, 61), (41, 48)]),
    ("eprop_readout_bsshslm_2020", [(1, 4), (2, 22), (21, 61), (21, 61), (41, 47)]),
])
def test_history_cleaning_matches_nest(nest, model, reference):
    # NEST 3.9's eprop_history_duration for three inputs with these spikes (its testsuite's reference)
    nest.set(resolution=1.0, eprop_update_interval=20.0)
    gen = nest.Create("spike_generator", 3, [{"spike_times": t} for t in
                                             ([10.0, 20.0, 50.0, 60.0], [10.0, 30.0, 50.0, 90.0], [40.0, 60.0])])
    parrots = nest.Create("parrot_neuron", 3)
    nrn = nest.Create(model)
    mm = nest.Create("multimeter", {"interval": 1.0, "record_from": ["eprop_history_duration"]})
    nest.Connect(gen, parrots, "one_to_one", {"delay": 1.0})
    nest.Connect(parrots, nrn, "all_to_all", {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0,
                                              "weight": 1.0})
    nest.Connect(mm, nrn)
    nest.Simulate(110.0)
    expected = np.hstack([np.arange(a, b) for a, b in reference]).astype(float)
    assert np.array_equal(mm.get("events")["eprop_history_duration"], expected)


@pytest.mark.parametrize("source", RECURRENT)
@pytest.mark.parametrize("target", TARGETS)
def test_connect_eprop_models(nest, source, target):
    s, t = nest.Create(source), nest.Create(target)
    nest.Connect(s, t, "all_to_all", {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": nest.resolution})
    assert nest.GetConnections(s, t).synapse_model == "eprop_synapse_bsshslm_2020"


def test_other_targets_refused(nest):
    models = sorted(set(nest.node_models) - set(TARGETS))
    assert len(models) > 90
    for m in models:
        nest.ResetKernel()
        s, t = nest.Create(RECURRENT[0]), nest.Create(m)
        with pytest.raises(nest.kernel.NESTError):
            nest.Connect(s, t, "all_to_all", {"synapse_model": "eprop_synapse_bsshslm_2020"})
    nest.ResetKernel()
    s, t = nest.Create("parrot_neuron"), nest.Create("iaf_psc_delta")
    with pytest.raises(nest.NESTErrors.NotImplemented, match="not supported by the neuron model"):
        nest.Connect(s, t, syn_spec={"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 0.1})


def test_defaults(nest):
    # NEST 3.9's documented defaults (models/eprop_*_bsshslm_2020.h, weight_optimizer.h)
    d = nest.GetDefaults("eprop_iaf_bsshslm_2020")
    for k, v in {"C_m": 250.0, "c_reg": 0.0, "E_L": -70.0, "f_target": 0.01, "beta": 1.0, "gamma": 0.3,
                 "I_e": 0.0, "regular_spike_arrival": True, "surrogate_gradient_function": "piecewise_linear",
                 "t_ref": 2.0, "tau_m": 10.0, "V_min": -1.7976931348623157e308, "V_th": -55.0, "V_m": -70.0,
                 "learning_signal": 0.0, "surrogate_gradient": 0.0}.items():
        assert d[k] == v, k
    assert tuple(d["recordables"]) == ("eprop_history_duration", "learning_signal", "surrogate_gradient", "V_m")
    a = nest.GetDefaults("eprop_iaf_adapt_bsshslm_2020")
    assert (a["adapt_beta"], a["adapt_tau"], a["adaptation"], a["V_th_adapt"]) == (1.0, 10.0, 0.0, -55.0)
    assert tuple(a["recordables"]) == ("adaptation", "eprop_history_duration", "learning_signal",
                                       "surrogate_gradient", "V_m", "V_th_adapt")
    r = nest.GetDefaults("eprop_readout_bsshslm_2020")
    for k, v in {"C_m": 250.0, "E_L": 0.0, "I_e": 0.0, "loss": "mean_squared_error", "regular_spike_arrival": True,
                 "tau_m": 10.0, "V_m": 0.0, "error_signal": 0.0, "readout_signal": 0.0,
                 "readout_signal_unnorm": 0.0, "target_signal": 0.0}.items():
        assert r[k] == v, k
    assert r["receptor_types"] == {"readout_signal": 1, "target_signal": 2}
    s = nest.GetDefaults("eprop_synapse_bsshslm_2020")
    assert (s["weight"], s["delay"], s["tau_m_readout"], s["average_gradient"]) == (1.0, 1.0, 10.0, False)
    assert s["optimizer"] == {"optimizer": "gradient_descent", "batch_size": 1, "eta": 1e-4, "Wmin": -100.0,
                              "Wmax": 100.0, "optimize_each_step": True}
    assert nest.GetDefaults("eprop_synapse_bsshslm_2020_hpc")["sizeof"] == 104
    assert "eprop_synapse_bsshslm_2020_lbl" not in nest.synapse_models
    ls = nest.GetDefaults("eprop_learning_signal_connection_bsshslm_2020")
    assert (ls["weight"], ls["delay"], ls["sizeof"]) == (1.0, 1.0, 32)
    ks = nest.GetKernelStatus()
    assert (ks["eprop_update_interval"], ks["eprop_learning_window"], ks["eprop_reset_neurons_on_update"]) == \
        (1000.0, 1000.0, True)
    nest.SetDefaults("eprop_synapse_bsshslm_2020", {"optimizer": {"type": "adam"}})
    assert nest.GetDefaults("eprop_synapse_bsshslm_2020")["optimizer"] == {
        "optimizer": "adam", "batch_size": 1, "eta": 1e-4, "Wmin": -100.0, "Wmax": 100.0,
        "optimize_each_step": True, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7}


def test_status_relative_to_E_L_and_f_target(nest):
    n = nest.Create("eprop_iaf_adapt_bsshslm_2020", params={"E_L": -60.0, "f_target": 20.0})
    # V_th, V_m and V_th_adapt are kept relative to E_L, but a new E_L leaves their absolute values;
    # f_target is kept (and reported) in spikes per ms
    assert (n.V_th, n.V_m, n.V_th_adapt, n.f_target) == (-55.0, -70.0, -55.0, 0.02)
    n.set(adaptation=2.0, adapt_beta=0.5)
    assert n.V_th_adapt == -55.0 + 0.5 * 2.0
    n.set(E_L=-65.0, V_th=-50.0)
    assert (n.E_L, n.V_th, n.V_m, n.V_th_adapt) == (-65.0, -50.0, -70.0, -54.0)


def test_kernel_settings(nest):
    nest.set(eprop_update_interval=50.0, eprop_learning_window=20.0, eprop_reset_neurons_on_update=False)
    assert (nest.eprop_update_interval, nest.eprop_learning_window, nest.eprop_reset_neurons_on_update) == \
        (50.0, 20.0, False)
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.set(eprop_update_interval=0.0)
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.set(eprop_learning_window=-1.0)
    with pytest.raises(nest.NESTErrors.KernelException):
        nest.set(eprop_learning_window=60.0)
    nest.SetKernelStatus({"eprop_update_interval": 100.0, "eprop_learning_window": 60.0})
    assert nest.eprop_learning_window == 60.0
    nest.ResetKernel()
    assert nest.eprop_update_interval == 1000.0


@pytest.mark.parametrize("model", RECURRENT)
def test_surrogate_gradient_functions(nest, model):
    for f in ("piecewise_linear", "exponential", "fast_sigmoid_derivative", "arctan"):
        nest.SetDefaults(model, {"surrogate_gradient_function": f})
        assert nest.GetDefaults(model)["surrogate_gradient_function"] == f
    msg = ('Surrogate gradient / pseudo-derivate function surrogate_gradient_function from [ "arctan", '
           '"exponential", "fast_sigmoid_derivative", "piecewise_linear" ] required.')
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        nest.SetDefaults(model, {"surrogate_gradient_function": "unsupported_surrogate_gradient"})
    assert msg in str(e.value)


def test_surrogate_gradient_values(nest):
    # one neuron driven by a current, recording V_m and psi: psi follows NEST's formulas
    nest.set(resolution=1.0)
    for f, psi in [("piecewise_linear", lambda d: 0.3 * max(0.0, 1.0 - 0.5 * abs(d))),
                   ("exponential", lambda d: 0.3 * np.exp(-0.5 * abs(d))),
                   ("fast_sigmoid_derivative", lambda d: 0.3 * (1.0 + 0.5 * abs(d)) ** -2),
                   ("arctan", lambda d: 0.3 / np.pi / (1.0 + (0.5 * np.pi * d) ** 2))]:
        n = nest.Create("eprop_iaf_bsshslm_2020", params={"surrogate_gradient_function": f, "beta": 0.5,
                                                          "I_e": 300.0, "t_ref": 0.0})
        mm = nest.Create("multimeter", {"interval": 1.0, "record_from": ["V_m", "surrogate_gradient"]})
        nest.Connect(mm, n)
        nest.Simulate(30.0)
        ev = mm.get("events")
        expected = [psi(v - (-55.0)) for v in ev["V_m"]]
        np.testing.assert_allclose(ev["surrogate_gradient"], expected, rtol=1e-14, atol=0)
        nest.ResetKernel()
        nest.set(resolution=1.0)


def test_optimizer_per_connection(nest):
    nest.set(resolution=1.0)
    nest.SetDefaults("eprop_synapse_bsshslm_2020", {"optimizer": {"type": "adam"}})
    a, b = nest.Create("eprop_iaf_bsshslm_2020", 2)
    nest.Connect(a, b, syn_spec={"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0, "weight": 2.0})
    c = nest.GetConnections(a, b)
    assert c.get("optimizer") == {"m": 0.0, "v": 0.0}
    c.set({"optimizer": {"m": 0.5, "v": 0.25}})
    assert c.optimizer == {"m": 0.5, "v": 0.25}
    assert (c.weight, c.tau_m_readout) == (2.0, 10.0)
    # per-connection dictionaries that give different keys: each key goes to the connections that give it
    b2 = nest.Create("eprop_iaf_bsshslm_2020", 2)
    nest.Connect(a, b2, syn_spec={"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0, "weight": 2.0})
    c2 = nest.GetConnections(a, b2)
    c2.set([{"optimizer": {"m": 0.125}}, {"optimizer": {"m": 0.375, "v": 0.5}}])
    assert c2.get("optimizer") == [{"m": 0.125, "v": 0.0}, {"m": 0.375, "v": 0.5}]
    # gradient descent's optimizer has no state: an empty dictionary, and set ignores the entries
    nest.ResetKernel()
    nest.set(resolution=1.0)
    a, b = nest.Create("eprop_iaf_bsshslm_2020", 2)
    nest.Connect(a, b, syn_spec={"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0})
    c = nest.GetConnections(a, b)
    c.set({"optimizer": {"m": 1.0}})
    assert c.get("optimizer") == {}


def test_errors(nest):
    E = nest.NESTErrors
    nest.set(resolution=1.0)
    with pytest.raises(E.BadProperty, match="Membrane capacitance C_m > 0 required."):
        nest.Create("eprop_iaf_bsshslm_2020", params={"C_m": 0.0})
    with pytest.raises(E.BadProperty, match="Firing rate regularization coefficient c_reg ≥ 0 required."):
        nest.Create("eprop_iaf_bsshslm_2020", params={"c_reg": -1.0})
    with pytest.raises(E.BadProperty, match="Spike threshold voltage V_th ≥ minimal voltage V_min required."):
        nest.Create("eprop_iaf_bsshslm_2020", params={"V_min": -50.0})
    with pytest.raises(E.BadProperty, match="Threshold adaptation time constant adapt_tau > 0 required."):
        nest.Create("eprop_iaf_adapt_bsshslm_2020", params={"adapt_tau": 0.0})
    with pytest.raises(E.BadProperty, match="Loss function loss from"):
        nest.Create("eprop_readout_bsshslm_2020", params={"loss": "hinge"})
    syn = "eprop_synapse_bsshslm_2020"
    with pytest.raises(E.BadProperty, match=r'optimizer from \["gradient_descent", "adam"\] required.'):
        nest.SetDefaults(syn, {"optimizer": {"type": "sgd"}})
    with pytest.raises(E.BadProperty, match="Optimization batch_size > 0 required."):
        nest.SetDefaults(syn, {"optimizer": {"batch_size": 0}})
    with pytest.raises(E.BadProperty, match="Minimal weight Wmin ≤ maximal weight Wmax required."):
        nest.SetDefaults(syn, {"optimizer": {"Wmin": 1.0, "Wmax": 0.0}})
    with pytest.raises(E.BadProperty, match=r"For Adam optimizer, beta_1 from interval \[0,1\) required."):
        nest.SetDefaults(syn, {"optimizer": {"type": "adam", "beta_1": 1.0}})
    assert nest.GetDefaults(syn)["optimizer"]["optimizer"] == "gradient_descent"
    with pytest.raises(E.BadProperty, match="weight ≤ maximal weight Wmax required."):
        nest.SetDefaults(syn, {"weight": 200.0})
    with pytest.raises(E.BadProperty, match="tau_m_readout > 0 required."):
        nest.SetDefaults(syn, {"tau_m_readout": 0.0})
    rec = nest.Create("eprop_iaf_bsshslm_2020", 2)
    out = nest.Create("eprop_readout_bsshslm_2020")
    gen = nest.Create("step_rate_generator")
    with pytest.raises(E.IllegalConnection, match="require a delay of one simulation step"):
        nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": syn, "delay": 2.0})
    with pytest.raises(E.BadProperty, match="Minimal weight Wmin ≤ weight required."):
        nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": syn, "delay": 1.0, "weight": -200.0,
                                               "tau_m_readout": 10.0})
    with pytest.raises(E.NotImplemented, match='Synapse parameter "average_gradient" can only be set via SetDefaults'):
        nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": syn, "delay": 1.0, "average_gradient": True})
    nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": syn, "delay": 1.0})
    with pytest.raises(E.BadParameter, match="The optimizer cannot be changed because synapses have been created."):
        nest.SetDefaults(syn, {"optimizer": {"type": "adam"}})
    nest.SetDefaults(syn, {"optimizer": {"type": "gradient_descent", "eta": 0.1}})
    with pytest.raises(E.IllegalConnection, match="expect a connection with a step_rate_generator node through "
                                                  "receptor_type 2"):
        nest.Connect(gen, out, syn_spec={"synapse_model": "rate_connection_delayed", "receptor_type": 1})
    with pytest.raises(E.UnknownReceptorType, match="Receptor type 3 is not available in eprop_readout_bsshslm_2020."):
        nest.Connect(out, out, syn_spec={"synapse_model": "rate_connection_delayed", "receptor_type": 3})
    with pytest.raises(E.IllegalConnection, match="cannot handle learning signal events"):
        nest.Connect(out, out, syn_spec={"synapse_model": "eprop_learning_signal_connection_bsshslm_2020"})
    with pytest.raises(E.IllegalConnection):
        nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": "eprop_learning_signal_connection_bsshslm_2020"})
    with pytest.raises(E.UnknownReceptorType):
        nest.Connect(rec[0], rec[1], syn_spec={"synapse_model": syn, "delay": 1.0, "receptor_type": 1})


def test_learning_signal_reaches_recurrent_neurons(nest):
    """A readout's error signal, times the feedback weight, is the learning signal of the recurrent
    neuron three steps later (delay_rec_out + delay_out_rec + delay_out_norm), as NEST writes it into the
    e-prop history."""
    nest.set(resolution=1.0, eprop_update_interval=100.0, eprop_learning_window=100.0)
    gen = nest.Create("spike_generator", params={"spike_times": [3.0, 10.0, 30.0, 31.0, 60.0]})
    parrot = nest.Create("parrot_neuron")
    rec = nest.Create("eprop_iaf_bsshslm_2020", params={"I_e": 200.0, "t_ref": 0.0})
    out = nest.Create("eprop_readout_bsshslm_2020")
    target = nest.Create("step_rate_generator", params={"amplitude_times": [4.0], "amplitude_values": [0.5]})
    syn = {"synapse_model": "eprop_synapse_bsshslm_2020", "delay": 1.0}
    nest.Connect(gen, parrot, syn_spec={"delay": 1.0})
    nest.Connect(parrot, rec, syn_spec=dict(syn, weight=5.0))
    nest.Connect(rec, out, syn_spec=dict(syn, weight=3.0))
    nest.Connect(out, rec, syn_spec={"synapse_model": "eprop_learning_signal_connection_bsshslm_2020",
                                     "delay": 1.0, "weight": 0.7})
    nest.Connect(target, out, syn_spec={"synapse_model": "rate_connection_delayed", "delay": 1.0,
                                        "receptor_type": 2})
    mr = nest.Create("multimeter", {"interval": 1.0, "record_from": ["learning_signal"]})
    mo = nest.Create("multimeter", {"interval": 1.0, "record_from": ["error_signal", "target_signal"]})
    nest.Connect(mr, rec)
    nest.Connect(mo, out)
    nest.Simulate(80.0)
    ls = mr.get("events")["learning_signal"]
    eo = mo.get("events")
    err = eo["error_signal"]
    assert np.any(err != 0.0) and np.all(eo["target_signal"][4:] == 0.5)
    # the readout's error of step t reaches the recurrent neuron at the end of that slice (stamp t + 1) and
    # is filed at t - 2; the neuron reads its learning signal of step u from entry u - 3: so u = t + 1
    times_ls, times_err = mr.get("events")["times"], eo["times"]
    err_at = dict(zip(times_err, err))
    checked = 0
    for t, v in zip(times_ls, ls):
        if t >= 10.0:
            assert v == 0.7 * err_at[t - 1.0], t
            checked += v != 0.0
    assert checked > 50
