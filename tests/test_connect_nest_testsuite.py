"""Behaviours NEST 3.9's own pytest suite checks around Connect and connections (found failing there, fixed
in nestj): status keys of ht_synapse/bernoulli_synapse connections, connecting id arrays (connect_arrays),
SynapseCollection after ResetKernel, ports that a weight_recorder and GetConnections agree on (and that do
not depend on the number of threads), ht_neuron's rport, the small SLI logic of test fixtures."""
import numpy as np
import pytest


@pytest.mark.parametrize("model", ["ht_synapse", "bernoulli_synapse"])
def test_connection_status_has_delay_and_receptor(nest, model):
    # their get_status calls Connection::get_status, which gives delay and receptor (rport)
    nest.local_num_threads = 2
    a = nest.Create("iaf_psc_exp_multisynapse", 3, {"tau_syn": [0.2, 0.5]})
    b = nest.Create("iaf_psc_exp_multisynapse", 3, {"tau_syn": [0.2, 0.5]})
    nest.Connect(a, b, "one_to_one", {"synapse_model": model, "delay": 0.4, "receptor_type": 2})
    c = nest.GetConnections(a, b)
    assert c.get("delay") == [0.4] * 3
    assert c.get("receptor") == [2] * 3
    assert {"delay", "receptor"} <= set(c[0].get())


def test_connect_arrays_defaults_to_static_synapse(nest):
    nest.Create("iaf_psc_alpha", 4)
    nest.Connect(np.array([1, 1, 2]), np.array([3, 3, 4]), "one_to_one")
    nest.Connect([2, 2], [3, 3], {"rule": "one_to_one"}, {"weight": np.array([2.0, 3.0]), "delay": [1.5, 2.5]})
    c = nest.GetConnections()
    assert c.synapse_model == ["static_synapse"] * 5
    assert sorted(zip(c.source, c.target, c.weight, c.delay)) == [
        (1, 3, 1.0, 1.0), (1, 3, 1.0, 1.0), (2, 3, 2.0, 1.5), (2, 3, 3.0, 2.5), (2, 4, 1.0, 1.0)]
    with pytest.raises(TypeError, match="delays must be a 1-dimensional NumPy array"):
        nest.Connect([1, 1], [2, 2], "one_to_one", {"delay": 1.0})
    with pytest.raises(nest.NESTErrors.NESTError, match="'weight' has to be an array of dimension 2.$"):
        nest.Connect([1, 1], [2, 2], "one_to_one", {"weight": [1.0, 2.0, 3.0]})


def test_connect_arrays_receptor_type_and_parameters(nest):
    nest.Create("iaf_psc_exp_multisynapse", 4, {"tau_syn": [0.5, 1.0, 2.0]})
    src, tgt = np.array([1, 1, 2, 3], dtype=np.uint64), np.array([2, 2, 4, 4], dtype=np.uint64)
    # integer receptors (also as whole-valued floats), a scalar is used for every connection
    nest.Connect(src, tgt, "one_to_one", {"receptor_type": np.array([1, 2, 3, 1], dtype=np.uint64)})
    nest.Connect(src, tgt, "one_to_one", {"receptor_type": np.array([3.0, 3.0, 2.0, 2.0])})
    nest.Connect(src, tgt, "one_to_one", {"synapse_model": "stdp_synapse", "receptor_type": 2,
                                          "alpha": np.array([0.1, 0.2, 0.3, 0.4])})
    c = nest.GetConnections(synapse_model="static_synapse")
    assert sorted(zip(c.source, c.target, c.receptor)) == [
        (1, 2, 1), (1, 2, 2), (1, 2, 3), (1, 2, 3), (2, 4, 2), (2, 4, 3), (3, 4, 1), (3, 4, 2)]
    s = nest.GetConnections(synapse_model="stdp_synapse")
    assert s.receptor == [2] * 4
    assert sorted(zip(s.source, s.alpha)) == [(1, 0.1), (1, 0.2), (2, 0.3), (3, 0.4)]
    n = nest.num_connections
    # NEST's connect_arrays: integer parameters need whole numbers, parameters must exist
    with pytest.raises(nest.NESTErrors.BadParameter, match="Expected integer value for receptor_type, but got double."):
        nest.Connect(src, tgt, "one_to_one", {"receptor_type": np.array([1.0, 1.5, 1.0, 1.0])})
    with pytest.raises(nest.NESTErrors.BadParameter, match="static_synapse does not have parameter tau_plus"):
        nest.Connect(src, tgt, "one_to_one", {"tau_plus": np.ones(4)})
    with pytest.raises(nest.NESTErrors.UnknownSynapseType):
        nest.Connect(src, tgt, "one_to_one", {"synapse_model": "no_such_synapse", "alpha": np.ones(4)})
    assert nest.num_connections == n


def test_synapse_collection_after_reset_kernel(nest):
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n, n, "one_to_one")
    c = nest.GetConnections()
    assert len(c) == 3
    nest.ResetKernel()
    assert c.get() == {}
    assert c.get("weight") == ()
    assert c.get(["weight", "delay"]) == ()
    c.set(weight=5.0)               # a no-op, as in PyNEST
    c.set({"weight": [1.0, 2.0, 3.0]})
    assert nest.num_connections == 0


def _multapse_network(nest, threads):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.local_num_threads = threads
    wr = nest.Create("weight_recorder")
    nest.CopyModel("stdp_synapse", "stdp_rec", {"weight_recorder": wr})
    nest.CopyModel("static_synapse", "static_rec", {"weight_recorder": wr})
    sg = nest.Create("spike_generator", params={"spike_times": [5.0, 20.0, 40.0]})
    pre = nest.Create("parrot_neuron", 4)
    post = nest.Create("parrot_neuron", 4)
    nest.Connect(pre, post, "one_to_one", "stdp_rec")
    nest.Connect(pre.tolist(), post.tolist()[::-1], "one_to_one", {"synapse_model": "static_rec"})
    nest.Connect(pre, post, "one_to_one", "stdp_rec")
    nest.Connect(pre[:2], post[2:], "all_to_all", "static_rec")
    nest.Connect(sg, pre)
    nest.Simulate(60.0)
    c = nest.GetConnections(pre, post)
    conns = sorted(zip(c.source, c.target, c.synapse_model, c.port))
    ev = wr.events
    models = {m: nest.GetDefaults(m, "synapse_modelid") for m in ("stdp_rec", "static_rec")}
    recorded = sorted(set(zip(ev["senders"].tolist(), ev["targets"].tolist(), ev["ports"].tolist())))
    return conns, recorded, models


def test_weight_recorder_ports_match_get_connections(nest):
    runs = [_multapse_network(nest, t) for t in (1, 2, 3)]
    conns, recorded, _ = runs[0]
    # the same ports whatever the number of threads
    assert all(r[0] == conns and r[1] == recorded for r in runs[1:])
    # every recorded (sender, target, port) is a connection's, and every connection sent spikes
    assert recorded == sorted(set((s, t, p) for s, t, _, p in conns))
    # a port is the connection's index among its model's connections (NEST's lcid with one thread)
    for model in ("stdp_rec", "static_rec"):
        ports = sorted(p for s, t, m, p in conns if m == model)
        assert ports == list(range(len(ports)))


def test_ports_from_device_do_not_depend_on_threads(nest):
    got = []
    for threads in (1, 2, 4):
        nest.ResetKernel()
        nest.local_num_threads = threads
        pg = nest.Create("poisson_generator")
        n = nest.Create("iaf_psc_alpha", 6)
        nest.Connect(pg, n)
        c = nest.GetConnections(pg)
        got.append(list(zip(c.target, c.port)))
    assert got[0] == [(t, t - 2) for t in range(2, 8)]
    assert got[1] == got[0] and got[2] == got[0]


def test_ht_neuron_connection_rport_is_receptor_type_minus_one(nest):
    a = nest.Create("ht_neuron", 2)
    b = nest.Create("ht_neuron", 2)
    rt = nest.GetDefaults("ht_neuron")["receptor_types"]
    for name in ("AMPA", "NMDA", "GABA_A", "GABA_B"):
        nest.Connect(a, b, "one_to_one", {"receptor_type": rt[name]})
    assert sorted(nest.GetConnections(a, b).receptor) == [0, 0, 1, 1, 2, 2, 3, 3]
    with pytest.raises(nest.NESTErrors.UnknownReceptorType):
        nest.Connect(a, b, "one_to_one", {"receptor_type": 5})


def test_ht_neuron_receptors_act_as_before(nest):
    # each receptor still drives its own conductance (recorded by a multimeter)
    rt = nest.GetDefaults("ht_neuron")["receptor_types"]
    names = ("AMPA", "NMDA", "GABA_A", "GABA_B")
    sg = nest.Create("spike_generator", params={"spike_times": [1.0]})
    pre = nest.Create("parrot_neuron")
    nest.Connect(sg, pre)
    posts = nest.Create("ht_neuron", 4)
    for name, post in zip(names, posts):
        nest.Connect(pre, post, syn_spec={"receptor_type": rt[name], "weight": 1.0})
    mm = nest.Create("multimeter", params={"record_from": ["g_" + n for n in names], "interval": 0.1})
    nest.Connect(mm, posts)
    nest.Simulate(10.0)
    ev = mm.events
    for name, post in zip(names, posts):
        sel = ev["senders"] == post.global_id
        for other in names:
            assert (ev["g_" + other][sel].max() > 0) == (other == name)


def test_sli_query_logic(nest):
    f = nest.ll_api.sli_func
    assert f("statusdict/threading :: (no) eq not") is True
    assert f("(a b) (a b) eq") is True
    assert f("1 2 eq") is False
    assert f("true false or not") is False
    assert f("3 4 neq") is True
    with pytest.raises(nest.NESTErrors.NotImplemented):
        f("(abc) cvs")


@pytest.mark.parametrize("model, key, value", [("stdp_synapse_hom", "tau_plus", 10.0),
                                               ("static_synapse_hom_w", "weight", 2.0),
                                               ("tsodyks_synapse_hom", "tau_psc", 2.0),
                                               ("stdp_synapse", "weight_recorder", None)])
def test_common_properties_refused_in_connect_and_set(nest, model, key, value):
    # NEST's check_synapse_params: keys of the common properties cannot be given in Connect ...
    n = nest.Create("iaf_psc_alpha", 2)
    if value is None:
        value = nest.Create("weight_recorder")
    with pytest.raises(nest.NESTErrors.NotImplemented,
                       match='Synapse parameter "{}" can only be set via SetDefaults\\(\\) or CopyModel\\(\\).'.format(key)):
        nest.Connect(n, n, syn_spec={"synapse_model": model, key: value})
    assert nest.num_connections == 0
    # ... and a connection's set_status leaves them unread (a DictError)
    nest.Connect(n, n, syn_spec={"synapse_model": model})
    if key != "weight_recorder":
        with pytest.raises(nest.NESTErrors.DictError):
            nest.GetConnections().set({key: value})


def test_symmetric_connect_reports_error_of_reverse_connections(nest):
    # NEST's BipartiteConnBuilder::connect makes the reverse connections after an error in the forward
    # ones; an error there replaces the first
    iaf = nest.Create("iaf_psc_alpha")
    gap = nest.Create("hh_psc_alpha_gap")
    sym = {"rule": "one_to_one", "make_symmetric": True}
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="target node or synapse model does not support gap"):
        nest.Connect(iaf, gap, sym, {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="source node does not support gap junction output"):
        nest.Connect(gap, iaf, sym, {"synapse_model": "gap_junction"})
    assert nest.num_connections == 0
