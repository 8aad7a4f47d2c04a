"""Connections with state (stdp_synapse as the example): the spike archive over long runs, syn_spec
values per connection, SetStatus/GetStatus, Disconnect, and errors."""

import numpy as np
import pytest

from stdp_rule import stdp_rule


def _pair(nest, pre_times, post_times, delay, weight, T, **syn):
    sg_pre = nest.Create("spike_generator", params={"spike_times": pre_times})
    sg_post = nest.Create("spike_generator", params={"spike_times": post_times})
    pre, post = nest.Create("parrot_neuron"), nest.Create("parrot_neuron")
    nest.Connect(sg_pre, pre)
    nest.Connect(sg_post, post)
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_synapse", "stdp_rec", {"weight_recorder": wr})
    spec = {"synapse_model": "stdp_rec", "weight": weight, "delay": delay, "receptor_type": 1}
    spec.update(syn)
    nest.Connect(pre, post, syn_spec=spec)
    sr_pre, sr_post = nest.Create("spike_recorder"), nest.Create("spike_recorder")
    nest.Connect(pre, sr_pre)
    nest.Connect(post, sr_post)
    nest.Simulate(T)
    return wr, sr_pre, sr_post, nest.GetConnections(pre, post)


def test_long_run_matches_reference_rule(nest):
    """A rarely firing pre neuron onto a busy post neuron: every post spike since the last pre spike
    must still be in the archive (access counters keep them), over many pruning rounds."""
    rng = np.random.default_rng(7)
    post_times = np.round(np.cumsum(rng.exponential(20.0, 400)) + 5.0, 1)
    post_times = np.unique(post_times[post_times < 7900.0])
    pre_times = np.round(np.sort(rng.uniform(10.0, 7900.0, 25)), 1)
    wr, sr_pre, sr_post, conn = _pair(nest, pre_times.tolist(), post_times.tolist(), 3.0, 40.0, 8000.0,
                                      Wmax=100.0, alpha=0.8)
    pre = np.asarray(sr_pre.events["times"])
    post = np.asarray(sr_post.events["times"])
    ref = np.array(stdp_rule(pre, post, 40.0, 3.0, alpha=0.8)[0])
    ev = wr.events
    assert len(ev["weights"]) == len(pre)
    np.testing.assert_allclose(ev["times"], pre, rtol=0, atol=1e-12)
    np.testing.assert_allclose(ev["weights"], ref, rtol=1e-12, atol=1e-12)
    assert conn.get("weight") == pytest.approx(ref[-1], rel=1e-12)
    assert conn.get("Kplus") > 0.0
    # the archive stays short although the post neuron spiked hundreds of times
    assert len(post) > 300
    assert nest.GetStatus(nest.NodeCollection([conn.target]), "archiver_length")[0] < 100


def test_syn_spec_arrays_and_parameters(nest):
    n = nest.Create("iaf_psc_alpha", 4)
    nest.Connect(n[:2], n[2:], "one_to_one",
                 {"synapse_model": "stdp_synapse", "weight": [2.0, 3.0], "alpha": [0.25, 0.5],
                  "Wmax": nest.random.uniform(50.0, 60.0), "tau_plus": 15.0})
    c = nest.GetConnections(synapse_model="stdp_synapse")
    assert c.get("alpha") == [0.25, 0.5]
    assert c.get("tau_plus") == [15.0, 15.0]
    assert all(50.0 <= x <= 60.0 for x in c.get("Wmax"))
    assert c.get("weight") == [2.0, 3.0]
    # defaults where the syn_spec is silent
    assert c.get("lambda") == [0.01, 0.01] and c.get("Kplus") == [0.0, 0.0]
    full = c[0].get()
    for key in ("Kplus", "Wmax", "alpha", "lambda", "mu_minus", "mu_plus", "tau_plus", "weight", "delay",
                "source", "target", "synapse_model", "sizeof"):
        assert key in full
    assert full["sizeof"] == 96 and full["synapse_model"] == "stdp_synapse"


def test_set_status_validates_after_all_keys(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "stdp_synapse", "weight": 5.0})
    c = nest.GetConnections()
    # sign change of weight and Wmax together is fine (checked after both are applied)
    c.set({"weight": -5.0, "Wmax": -100.0})
    assert c.get(["weight", "Wmax"]) == {"weight": -5.0, "Wmax": -100.0}
    with pytest.raises(nest.NESTErrors.BadProperty, match="same sign"):
        c.set(weight=1.0)
    assert c.get("weight") == -5.0
    with pytest.raises(nest.NESTErrors.BadProperty, match="Kplus"):
        c.set(Kplus=-1.0)
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        c.set(tau_minus=3.0)
    with pytest.raises(nest.NESTErrors.BadProperty, match="same sign"):
        nest.Connect(n[0], n[1], syn_spec={"synapse_model": "stdp_synapse", "weight": -1.0, "Wmax": 10.0})
    with pytest.raises(nest.NESTErrors.BadProperty, match="same sign"):
        nest.SetDefaults("stdp_synapse", {"Wmax": -1.0})
    nest.CopyModel("stdp_synapse", "stdp_neg", {"weight": -1.0, "Wmax": -10.0})
    assert nest.GetDefaults("stdp_neg")["Wmax"] == -10.0


def test_disconnect_keeps_state_of_remaining(nest):
    n = nest.Create("parrot_neuron", 3)
    nest.Connect(n[:2], n[2], syn_spec={"synapse_model": "stdp_synapse", "weight": [[1.0, 2.0]], "Kplus": [[0.5, 0.7]]})
    nest.Disconnect(n[0], n[2], syn_spec={"synapse_model": "stdp_synapse"})
    c = nest.GetConnections(synapse_model="stdp_synapse")
    assert len(c) == 1
    assert c.get(["source", "weight", "Kplus"]) == {"source": 2, "weight": 2.0, "Kplus": 0.7}


def test_device_source_and_non_archiving_target(nest):
    sg = nest.Create("spike_generator")
    nrn = nest.Create("iaf_psc_alpha")
    # NEST: spike_generator tests stdp_synapse's test node with a DSSpikeEvent, which it does not handle
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="does not support spike input"):
        nest.Connect(sg, nrn, syn_spec={"synapse_model": "stdp_synapse"})
    sr = nest.Create("spike_recorder")
    with pytest.raises(nest.kernel.NESTError):
        nest.Connect(nrn, sr, syn_spec={"synapse_model": "stdp_synapse"})


def test_clear_resets_archive(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0, 2.0, 3.0]})
    p = nest.Create("parrot_neuron", 2)
    nest.Connect(sg, p[1])
    nest.Connect(p[0], p[1], syn_spec={"synapse_model": "stdp_synapse"})
    nest.Simulate(10.0)
    assert p[1].get("archiver_length") == 3
    assert p[1].get("t_spike") == pytest.approx(4.0)
    p[1].set(clear=True)
    assert p[1].get("archiver_length") == 0
    assert p[1].get("t_spike") == -1.0


def test_voltage_based_rules_need_their_targets(nest):
    p = nest.Create("parrot_neuron")
    iaf = nest.Create("iaf_psc_alpha")
    # ConnectionManager::connect_: NotImplemented for neurons without the synapse's history
    with pytest.raises(nest.NESTErrors.NotImplemented, match="not supported by the neuron model of at least one connection"):
        nest.Connect(p, iaf, syn_spec={"synapse_model": "clopath_synapse"})
    with pytest.raises(nest.NESTErrors.NotImplemented, match="not supported by the neuron model of at least one  connection"):
        nest.Connect(p, iaf, syn_spec={"synapse_model": "urbanczik_synapse", "receptor_type": 0})
    assert nest.num_connections == 0
    u = nest.Create("pp_cond_exp_mc_urbanczik")
    nest.Connect(p, u, syn_spec={"synapse_model": "urbanczik_synapse", "receptor_type": 3, "weight": 5.0})
    c = nest.GetConnections(p, u)
    assert c.get(["eta", "tau_Delta", "Wmin", "Wmax"]) == {"eta": 0.07, "tau_Delta": 100.0, "Wmin": 0.0, "Wmax": 100.0}


def _clopath_net(nest, threads):
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.rng_seed = 11
    pg = nest.Create("poisson_generator", params={"rate": 40.0})
    pre = nest.Create("parrot_neuron", 20)
    post = nest.Create("aeif_psc_delta_clopath", 6, params={"I_e": 200.0})
    nest.Connect(pg, pre)
    nest.Connect(pre, post, syn_spec={"synapse_model": "clopath_synapse", "weight": nest.random.uniform(0.5, 3.0),
                                      "delay": nest.random.uniform(1.0, 3.0)})
    c = nest.GetConnections(pre, post)
    w0 = np.asarray(c.get("weight"))
    nest.Simulate(500.0)
    c = nest.GetConnections(pre, post)
    return np.asarray(c.get("weight")), np.asarray(c.get("x_bar")), w0


def test_clopath_network_thread_independent(nest):
    w1, x1, w01 = _clopath_net(nest, 1)
    w2, x2, w02 = _clopath_net(nest, 2)
    assert np.array_equal(w01, w02)
    assert np.array_equal(w1, w2) and np.array_equal(x1, x2)
    assert np.mean(np.abs(w1 - w01)) > 1e-3  # the rule changed the weights
    assert np.all(x1 > 0)
