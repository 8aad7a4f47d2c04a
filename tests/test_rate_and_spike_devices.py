"""step_rate_generator with lin_rate_ipn through rate_connection_delayed, spike_dilutor,
spike_train_injector and correlospinmatrix_detector."""
import numpy as np
import pytest


def test_step_rate_generator_drives_lin_rate_ipn(nest):
    src = nest.Create("step_rate_generator", params={"amplitude_times": [10.0, 50.0], "amplitude_values": [0.5, 1.5]})
    r = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 5.0})
    nest.Connect(src, r, syn_spec={"synapse_model": "rate_connection_delayed", "weight": 2.0})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mm, r)
    mg = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mg, src)
    nest.Simulate(100.0)
    rate = mm.get("events", "rate")
    # the generator reports its amplitude from 10 ms on (switched one step ahead)
    g = mg.get("events")
    assert g["rate"][g["times"] == 9.9][0] == 0.0 and g["rate"][g["times"] == 10.0][0] == 0.5
    # exponential relaxation towards weight * amplitude (lambda = 1, mu = 0)
    p1 = np.exp(-0.1 / 5.0)
    x = 0.0
    expect = []
    for k in range(len(rate)):
        step = k  # update of step k gives the sample at (k+1) * 0.1 ms
        inp = 0.0 if step < 99 else (0.5 if step < 499 else 1.5)
        x = p1 * x + (1 - p1) * 2.0 * inp
        expect.append(x)
    assert np.allclose(rate, expect, rtol=1e-12, atol=1e-14)


def test_rate_connection_checks(nest):
    src = nest.Create("step_rate_generator")
    r = nest.Create("lin_rate_ipn")
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTError):
        nest.Connect(src, r)  # rates need rate_connection_delayed
    with pytest.raises(nest.NESTError):
        nest.Connect(n, r, syn_spec={"synapse_model": "rate_connection_delayed"})
    with pytest.raises(nest.NESTError):
        nest.Connect(src, n, syn_spec={"synapse_model": "rate_connection_delayed"})
    assert nest.GetDefaults("rate_connection_delayed")["weight"] == 1.0


def test_lin_rate_ipn_network_delayed_input(nest):
    # a rate neuron with mu drives a second one with delay 2 ms
    a = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "mu": 1.0, "tau": 10.0})
    b = nest.Create("lin_rate_ipn", params={"sigma": 0.0, "tau": 10.0})
    nest.Connect(a, b, syn_spec={"synapse_model": "rate_connection_delayed", "weight": -0.5, "delay": 2.0})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mm, a + b)
    nest.Simulate(30.0)
    ev = mm.get("events")
    ra = ev["rate"][ev["senders"] == a.global_id]
    rb = ev["rate"][ev["senders"] == b.global_id]
    p1, p2 = np.exp(-0.1 / 10.0), -np.expm1(-0.1 / 10.0)
    xa = xb = 0.0
    hist = []
    for k in range(len(ra)):
        hist.append(xa)  # rate sent in step k (before the update)
        inp = -0.5 * hist[k - 20] if k >= 20 else 0.0
        xa = p1 * xa + p2 * 1.0
        xb = p1 * xb + p2 * inp
        assert np.isclose(ra[k], xa, rtol=1e-12) and np.isclose(rb[k], xb, rtol=1e-12, atol=1e-15)


def test_spike_dilutor_copies_with_probability(nest):
    nest.rng_seed = 7
    pg = nest.Create("poisson_generator", params={"rate": 2000.0})
    mother = nest.Create("parrot_neuron")
    dil = nest.Create("spike_dilutor", params={"p_copy": 0.25})
    targets = nest.Create("parrot_neuron", 20)
    sr_m = nest.Create("spike_recorder")
    sr_t = nest.Create("spike_recorder")
    nest.Connect(pg, mother)
    nest.Connect(mother, dil)
    nest.Connect(dil, targets)
    nest.Connect(mother, sr_m)
    nest.Connect(targets, sr_t)
    nest.Simulate(2000.0)
    n_mother = sr_m.get("n_events")
    per_target = sr_t.get("n_events") / 20.0
    assert n_mother > 3000
    assert abs(per_target - 0.25 * n_mother) < 4 * np.sqrt(0.25 * 0.75 * n_mother / 20) + 1
    # copies are a subset of the mother's spike times (two delays later: dilutor, then parrots)
    tm = set(np.round(sr_m.get("events", "times"), 1))
    tt = np.round(sr_t.get("events", "times") - 2.0, 1)
    assert set(tt) <= tm
    with pytest.raises(nest.NESTError, match=r"Copy probability must be in \[0, 1\]"):
        dil.p_copy = 1.5


def test_spike_train_injector(nest):
    inj = nest.Create("spike_train_injector", params={"spike_times": [1.0, 2.5, 4.0], "spike_multiplicities": [1, 3, 2]})
    sr = nest.Create("spike_recorder")
    nest.Connect(inj, sr)
    nest.Simulate(10.0)
    assert sr.get("events", "times").tolist() == [1.0, 2.5, 2.5, 2.5, 4.0, 4.0]
    st = inj.get()
    assert st["element_type"] == "neuron" and "label" not in st
    with pytest.raises(nest.NESTError, match="Spike time cannot be set to 0."):
        inj.spike_times = [0.0]


def test_correlospinmatrix_detector_counts_on_periods(nest):
    # two binary channels driven by spike generators: up = multiplicity 2, down = single spike
    a = nest.Create("spike_generator", params={"spike_times": [10.0, 20.0, 40.0, 45.0],
                                               "spike_multiplicities": [2, 1, 2, 1]})
    b = nest.Create("spike_generator", params={"spike_times": [12.0, 25.0, 42.0, 60.0],
                                               "spike_multiplicities": [2, 1, 2, 1]})
    csd = nest.Create("correlospinmatrix_detector", params={"N_channels": 2, "tau_max": 5.0, "delta_tau": 1.0})
    nest.Connect(a, csd, syn_spec={"receptor_type": 0})
    nest.Connect(b, csd, syn_spec={"receptor_type": 1})
    nest.Simulate(100.0)
    cc = np.array(csd.get("count_covariance"))
    assert cc.shape == (2, 2, 11)
    assert np.array_equal(cc[0][1], cc[1][0][::-1])
    with pytest.raises(nest.NESTError):
        nest.Connect(a, csd, syn_spec={"receptor_type": 2})
    with pytest.raises(nest.NESTError, match="N_channels"):
        csd.N_channels = 0


def _rate_net(nest, threads, model="tanh_rate_ipn"):
    nest.ResetKernel()
    nest.local_num_threads = threads
    n = nest.Create(model, 3, params={"sigma": 0.0, "tau": 5.0})
    n[0].mu = 1.0
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "rate_connection_delayed", "weight": 0.8, "delay": 2.0})
    nest.Connect(n[1], n[2], syn_spec={"synapse_model": "rate_connection_instantaneous", "weight": -0.5})
    nest.Connect(n[2], n[0], syn_spec={"synapse_model": "rate_connection_delayed", "weight": 0.3, "delay": 1.0})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mm, n)
    nest.Simulate(50.0)
    ev = mm.get("events")
    return [ev["rate"][ev["senders"] == g] for g in n.tolist()]


def test_instantaneous_rate_connection_by_waveform_relaxation(nest):
    one = _rate_net(nest, 1)
    # n[2] follows n[1] without delay: in the converged solution its input is tanh(-0.5 * rate_1)
    assert one[1][-1] > 0 and one[2][-1] < 0
    four = _rate_net(nest, 4)
    for a, b in zip(one, four):
        assert np.array_equal(a, b)
    assert nest.GetDefaults("rate_connection_instantaneous")["has_delay"] is False
