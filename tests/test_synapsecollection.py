"""SynapseCollection, GetConnections filters, synapse labels, static_synapse_hom_w and Disconnect
(PyNEST 3.9 semantics)."""
import json

import numpy as np
import pytest


def test_get_all_keys_and_single_values(nest):
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n, n, "one_to_one", {"weight": 2.5, "delay": 1.5})
    c = nest.GetConnections()
    assert len(c) == 3
    d = c.get()
    assert sorted(d) == ["delay", "port", "receptor", "sizeof", "source", "synapse_id", "synapse_model", "target",
                         "target_thread", "weight"]
    assert d["source"] == [1, 2, 3] and d["target"] == [1, 2, 3]
    assert d["weight"] == [2.5, 2.5, 2.5] and d["delay"] == [1.5, 1.5, 1.5]
    assert d["synapse_model"] == ["static_synapse"] * 3 and d["receptor"] == [0, 0, 0]
    # port: index in the thread's connector of the synapse model (sorted by source)
    assert d["port"] == [0, 1, 2] and d["target_thread"] == [0, 0, 0] and d["sizeof"] == [32, 32, 32]
    one = c[1]
    assert one.get("weight") == 2.5 and one.source == 2
    assert one.get(["source", "target"]) == {"source": 2, "target": 2}
    assert c.get(["source", "weight"]) == {"source": [1, 2, 3], "weight": [2.5, 2.5, 2.5]}
    assert json.loads(c.get("target", output="json")) == [1, 2, 3]
    assert json.loads(one.get(output="json"))["delay"] == 1.5
    assert c.get("no_such_key") == []
    with pytest.raises(KeyError):
        one.get("no_such_key")
    assert list(c.sources()) == [1, 2, 3] and list(c.targets()) == [1, 2, 3]


def test_set_variants(nest):
    n = nest.Create("iaf_psc_alpha", 4)
    nest.Connect(n, n, "one_to_one")
    c = nest.GetConnections()
    c.set(weight=3.0)
    assert c.weight == [3.0] * 4
    c.set({"weight": [1.0, 2.0, 3.0, 4.0], "delay": 2.0})
    assert c.weight == [1.0, 2.0, 3.0, 4.0] and c.delay == [2.0] * 4
    c.set([{"weight": -1.0}, {"weight": -2.0}, {"weight": -3.0}, {"weight": -4.0}])
    assert c.get("weight") == [-1.0, -2.0, -3.0, -4.0]
    c[2].weight = 7.0
    assert c.weight[2] == 7.0
    nest.SetStatus(c, "delay", 3.0)
    assert c.delay == [3.0] * 4
    with pytest.raises(TypeError):
        c.set([{"weight": 1.0}])
    # NEST's set_connection_status: what the connection's set_status does not read is reported unread
    unread = "Unused dictionary items:  {}\nMaybe you tried to set common synapse properties through an individual synapse?"
    for key, value in (("source", 3), ("foo", 1.0), ("tau_plus", 5.0), ("receptor", 1), ("synapse_model", "x")):
        with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry) as e:
            c.set({key: value})
        assert e.value.errormessage == unread.format(key), key
    with pytest.raises(nest.NESTErrors.TypeMismatch):
        c.set(weight="x")
    with pytest.raises(nest.NESTErrors.BadDelay):
        c.set(delay=0.0)
    assert c.delay == [3.0] * 4


def test_iteration_slicing_equality(nest):
    n = nest.Create("iaf_psc_alpha", 5)
    nest.Connect(n, n, "all_to_all")
    c = nest.GetConnections()
    assert len(c) == 25
    assert [x.source for x in c[:5]] == [1, 1, 1, 1, 1]
    assert c[-1].get("target") == 5 and c[-1].source == 5
    assert len(c[::5]) == 5 and c[::5].target == [1, 1, 1, 1, 1]
    assert c == nest.GetConnections()
    assert c[0] != c[1]
    assert nest.GetConnections(n[1], n[2]) == c[7]
    assert len(nest.GetConnections(n[:2], n[3:])) == 4
    with pytest.raises(IndexError):
        c[25]


def test_print_like_pynest(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n, n, "one_to_one", {"weight": 2.0})
    s = str(nest.GetConnections())
    lines = s.split("\n")
    assert lines[0] == " source   target   synapse model   weight   delay "
    assert lines[1] == "-------- -------- --------------- -------- -------"
    assert lines[2] == "      1        1  static_synapse    2.000   1.000"
    m = nest.Create("iaf_psc_alpha", 10)
    nest.Connect(m, m)
    big = nest.GetConnections(m, m)
    assert len(str(big).split("\n")) == 2 + 31 and "\u22ee" in str(big)
    big.print_full = True
    assert len(str(big).split("\n")) == 2 + 100
    assert str(nest.GetConnections(n[0], m)) == "The synapse collection does not contain any connections."


def test_synapse_labels(nest):
    n = nest.Create("iaf_psc_alpha", 4)
    nest.Connect(n[:2], n[2:], syn_spec={"synapse_model": "static_synapse_lbl", "synapse_label": 3})
    nest.Connect(n[2:], n[:2], syn_spec={"synapse_model": "static_synapse_lbl", "synapse_label": 8, "weight": 2.0})
    nest.Connect(n, n, "one_to_one")
    assert len(nest.GetConnections()) == 12
    c3 = nest.GetConnections(synapse_label=3)
    assert len(c3) == 4 and c3.synapse_label == [3] * 4 and c3.source == [1, 1, 2, 2]
    c8 = nest.GetConnections(synapse_label=8)
    assert c8.weight == [2.0] * 4 and c8.target == [1, 2, 1, 2]
    assert len(nest.GetConnections(n[2:], synapse_label=3)) == 0
    assert len(nest.GetConnections(synapse_model="static_synapse", synapse_label=3)) == 0
    d = nest.GetConnections().get()
    lab = dict(((s, t, m), l) for s, t, m, l in zip(d["source"], d["target"], d["synapse_model"], d["synapse_label"]))
    assert lab[(1, 1, "static_synapse")] is None and lab[(1, 3, "static_synapse_lbl")] == 3
    assert "synapse_label" not in nest.GetConnections(synapse_model="static_synapse").get()
    c3[0].synapse_label = 5
    assert len(nest.GetConnections(synapse_label=5)) == 1 and len(nest.GetConnections(synapse_label=3)) == 3
    assert nest.GetDefaults("static_synapse_lbl")["synapse_label"] == -1
    # unlabelled models do not take a label; labels are not negative
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Connect(n, n, "one_to_one", {"synapse_label": 3})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Connect(n, n, "one_to_one", {"synapse_model": "static_synapse_lbl", "synapse_label": -2})


def test_labelled_connections_deliver_like_static(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [2.0, 5.0]})
    p = nest.Create("parrot_neuron")
    a = nest.Create("iaf_psc_delta", 2)
    nest.Connect(sg, p)
    nest.Connect(p, a[0], syn_spec={"weight": 3.0})
    nest.Connect(p, a[1], syn_spec={"synapse_model": "static_synapse_lbl", "synapse_label": 1, "weight": 3.0})
    nest.Simulate(10.0)
    v = a.V_m
    # spikes at 2 and 5 ms reach the neurons at 4 and 7 ms (parrot and connection delays)
    assert v[0] == v[1] == pytest.approx(-70.0 + 3.0 * (np.exp(-0.6) + np.exp(-0.3)), abs=1e-9)


def test_label_column_only_where_needed(nest):
    from nestj.ll_api import bridge
    n = nest.Create("iaf_psc_alpha", 200)
    nest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 50}, {"weight": 1.0})
    nest.Simulate(1.0)
    per_syn = bridge.connectionBytes() / 10000.0
    assert per_syn < 12.0  # 10-byte static synapse plus offsets


def test_hom_w(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0]})
    a = nest.Create("iaf_psc_delta", 3)
    nest.Connect(sg, a[0], syn_spec={"synapse_model": "static_synapse_hom_w"})
    nest.Connect(sg, a[1], syn_spec={"synapse_model": "static_synapse_hom_w"})
    # a device's connections must all use one synapse model (NEST's enforce_single_syn_type)
    sg2 = nest.Create("spike_generator", params={"spike_times": [1.0]})
    nest.Connect(sg2, a[2], syn_spec={"weight": 4.0})
    h = nest.GetConnections(synapse_model="static_synapse_hom_w")
    assert len(h) == 2
    # the weight lives in the model: no per-connection weight
    assert "weight" not in h.get() and h.get("weight") == []
    with pytest.raises(KeyError):
        h[0].get("weight")
    # NEST 3.9: the connection's set_status leaves the weight unread; Connect refuses a common property
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry, match="Unused dictionary items:  weight"):
        h.set(weight=2.0)
    with pytest.raises(nest.NESTErrors.NotImplemented,
                       match='Synapse parameter "weight" can only be set via SetDefaults\\(\\) or CopyModel\\(\\).'):
        nest.Connect(sg, a[0], syn_spec={"synapse_model": "static_synapse_hom_w", "weight": 2.0})
    with pytest.raises(nest.NESTErrors.NotImplemented):
        nest.Connect(sg, a[0], syn_spec={"synapse_model": "stdp_synapse_hom", "tau_plus": 2.0})
    nest.SetDefaults("static_synapse_hom_w", {"weight": 4.0})
    assert nest.GetDefaults("static_synapse_hom_w")["weight"] == 4.0
    assert h.get("sizeof") == [24, 24]
    nest.Simulate(5.0)
    v = a.V_m
    # the spike at 1 ms arrives at 2 ms with the model's new weight 4 mV, then decays (tau_m 10 ms)
    assert v[0] == v[1] == v[2] == pytest.approx(-70.0 + 4.0 * np.exp(-0.3), abs=1e-9)


def test_disconnect_one_to_one_and_all_to_all(nest):
    n = nest.Create("iaf_psc_alpha", 4)
    nest.Connect(n, n, "all_to_all")
    assert nest.num_connections == 16
    nest.Disconnect(n, n)  # default one_to_one, static_synapse: removes the autapses
    c = nest.GetConnections()
    assert len(c) == 12 and all(s != t for s, t in zip(c.source, c.target))
    assert nest.GetDefaults("static_synapse")["num_connections"] == 12
    with pytest.raises(nest.NESTErrors.InexistentConnection):
        nest.Disconnect(n, n)
    nest.Disconnect(n[:2], n[2:], conn_spec="all_to_all")
    assert len(nest.GetConnections(n[:2], n[2:])) == 0 and nest.num_connections == 8
    with pytest.raises(nest.NESTErrors.NotImplemented):
        nest.Disconnect(n, n, conn_spec={"rule": "fixed_indegree", "indegree": 1})
    with pytest.raises(nest.NESTErrors.DimensionMismatch):
        nest.Disconnect(n[:2], n)
    with pytest.raises(nest.NESTErrors.InexistentConnection):
        nest.Disconnect(n[2:], n[:2], conn_spec="all_to_all", syn_spec="static_synapse_lbl")
    with pytest.raises(ValueError):
        nest.Disconnect(nest.GetConnections(), conn_spec="one_to_one")
    with pytest.raises(TypeError):
        nest.Disconnect(n)


def test_disconnect_removes_one_multapse(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.0})
    nest.Connect(n[0], n[1], syn_spec={"weight": 2.0})
    nest.Connect(n[0], n[1], syn_spec={"synapse_model": "static_synapse_lbl", "weight": 3.0})
    nest.Disconnect(n[0], n[1])
    c = nest.GetConnections()
    assert len(c) == 2 and sorted(c.synapse_model) == ["static_synapse", "static_synapse_lbl"]
    nest.Disconnect(n[0], n[1], syn_spec={"synapse_model": "static_synapse_lbl"})
    assert nest.GetConnections().synapse_model == "static_synapse"


def test_synapsecollection_disconnect_and_effect(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0, 20.0]})
    p = nest.Create("parrot_neuron")
    a = nest.Create("iaf_psc_delta", 3)
    nest.Connect(sg, p)
    nest.Connect(p, a, syn_spec={"weight": 2.0})
    nest.Simulate(10.0)
    assert a.V_m == pytest.approx((-70.0 + 2.0 * np.exp(-0.7),) * 3, abs=1e-9)
    c = nest.GetConnections(p, a[1:])
    v_before = a.V_m
    c.disconnect()
    assert len(nest.GetConnections(p)) == 1
    with pytest.raises(nest.NESTErrors.KernelException):
        c.get("weight")  # outdated after the change
    nest.Simulate(20.0)
    v = a.V_m
    assert v[0] == pytest.approx(-70.0 + 2.0 * (np.exp(-2.7) + np.exp(-0.8)), abs=1e-9)
    assert v[1] == v[2] == pytest.approx(-70.0 + 2.0 * np.exp(-2.7), abs=1e-9)
    assert v_before[1] != v[1]  # decayed without input
    nest.Disconnect(nest.GetConnections(sg))
    assert len(nest.GetConnections(sg)) == 0


def test_disconnect_device_connections_and_threads(nest):
    nest.local_num_threads = 2
    pg = nest.Create("poisson_generator", params={"rate": 1000.0})
    n = nest.Create("iaf_psc_alpha", 4)
    sr = nest.Create("spike_recorder")
    nest.Connect(pg, n)
    nest.Connect(n, sr)
    c = nest.GetConnections(pg)
    assert c.port == [0, 1, 2, 3] or sorted(c.target_thread) == [0, 0, 1, 1]
    assert sorted(c.target_thread) == [0, 0, 1, 1]
    nest.Disconnect(pg, n, conn_spec="all_to_all")
    nest.Disconnect(n, sr, conn_spec="all_to_all")
    assert nest.num_connections == 0


def test_pandas_output(nest):
    pandas = pytest.importorskip("pandas")
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n[:2], n[2], syn_spec={"weight": [[1.0, 2.0]]})
    c = nest.GetConnections()
    df = c.get(["target", "weight"], output="pandas")
    assert isinstance(df, pandas.DataFrame) and list(df.index) == [1, 2]
    assert list(df["weight"]) == [1.0, 2.0] and list(df["target"]) == [3, 3]
    one = c.get("weight", output="pandas")
    assert list(one.columns) == ["weight"]
    assert c[0].get(output="pandas").loc[1, "delay"] == 1.0
    assert nest.GetConnections(n[2]).get(output="pandas").empty


def test_disconnect_spec_checks(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n, n, "one_to_one", {"weight": 2.0})
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Disconnect(n, n, syn_spec={"synapse_model": "static_synapse", "foo": 1.0})
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry):
        nest.Disconnect(n, n, conn_spec={"rule": "one_to_one", "indegree": 1})
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Disconnect(n, n, conn_spec={"rule": "no_such_rule"})
    with pytest.raises(nest.NESTErrors.UnknownSynapseType):
        nest.Disconnect(n, n, syn_spec="no_such_synapse")
    assert nest.num_connections == 2
    # weight, delay and receptor_type are accepted and not used for matching
    nest.Disconnect(n, n, syn_spec={"synapse_model": "static_synapse", "weight": 99.0, "delay": 5.0,
                                    "receptor_type": 0})
    assert nest.num_connections == 0


@pytest.mark.parametrize("threads", [1, 2])
def test_collection_stays_valid_after_more_connections(nest, threads):
    # NEST's SynapseCollection holds connection ids that later Connect calls leave valid: get and set
    # still reach the same connections, also after a Simulate
    nest.local_num_threads = threads
    n = nest.Create("iaf_psc_alpha", 6)
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.0})
    nest.Connect(n[1], n[0], syn_spec={"weight": 2.0})
    nest.Connect(n[2], n[3], syn_spec={"weight": 3.0, "delay": 2.0})
    old = nest.GetConnections()
    assert old.get("weight") == [1.0, 2.0, 3.0]
    nest.Connect(n[0], n[2:], syn_spec={"weight": 4.0})
    nest.Connect(n[3:], n[:2], "all_to_all", {"weight": 5.0})
    assert old.get("weight") == [1.0, 2.0, 3.0]
    assert old.get("delay") == [1.0, 1.0, 2.0]
    assert list(old.source) == [n[0].global_id, n[1].global_id, n[2].global_id]
    first = old[0]
    old.set(weight=[7.0, 8.0, 9.0])
    nest.Simulate(5.0)
    nest.Connect(n[4], n[5], syn_spec={"weight": 10.0})
    assert old.get("weight") == [7.0, 8.0, 9.0]
    assert first.get("weight") == 7.0
    assert nest.GetConnections(n[0], n[1]).get("weight") == 7.0
    assert len(nest.GetConnections()) == 3 + 4 + 6 + 1
    assert old[0] == nest.GetConnections(n[0], n[1]) and old[2] == nest.GetConnections(n[2], n[3])
    # a collection whose connections were removed is out of date; its other parts are not
    nest.Disconnect(old[1])
    with pytest.raises(nest.kernel.NESTError, match="out of date"):
        old.get("weight")
    assert old[2:].get("weight") == 9.0


def test_collection_with_multapses_out_of_date_after_more_connections(nest):
    # the engine orders multapses by their values, not by creation: after new connections the old
    # handles of a multapse cannot be matched, and the collection says so instead of guessing
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.0})
    nest.Connect(n[0], n[1], syn_spec={"weight": 2.0})
    old = nest.GetConnections()
    nest.Connect(n[1], n[0])
    with pytest.raises(nest.kernel.NESTError, match="multapses .* differ in 'weight'"):
        old.get("weight")
    assert nest.GetConnections(n[0], n[1]).get("weight") == [1.0, 2.0]


def test_collection_with_equal_multapses_stays_valid(nest):
    # multapses equal in every property (e.g. fixed_indegree with one weight) cannot be told apart, so
    # matching them again is exact: the collection stays usable after later Connect calls
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.5})
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.5})
    nest.Connect(n[2], n[1], syn_spec={"weight": 2.5})
    old = nest.GetConnections()
    nest.Connect(n[1], n[2])
    nest.Connect(n[0], n[1], syn_spec={"weight": 1.5})      # a third multapse, equal to the others
    assert old.get("weight") == [1.5, 1.5, 2.5]
    old.set(weight=[3.0, 3.0, 4.0])
    assert sorted(nest.GetConnections(n[0], n[1]).get("weight")) == [1.5, 3.0, 3.0]
    assert nest.GetConnections(n[2], n[1]).get("weight") == 4.0
    # now the multapses differ: a collection taken before the next change cannot match them afterwards
    old = nest.GetConnections(n[0], n[1])
    nest.Connect(n[2], n[0])
    with pytest.raises(nest.kernel.NESTError, match="differ in 'weight'"):
        old.get("weight")


def test_hpc_synapses_only_on_receptor_port_0(nest):
    # NEST's TargetIdentifierIndex::set_rport: _hpc synapses keep no receptor port
    n = nest.Create("iaf_psc_alpha")
    ms = nest.Create("iaf_psc_exp_multisynapse", params={"tau_syn": [1.0, 2.0]})
    mc = nest.Create("iaf_cond_alpha_mc")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=r"Only rport==0 allowed for HPC synapses"):
        nest.Connect(n, ms, syn_spec={"synapse_model": "static_synapse_hpc", "receptor_type": 2})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=r"Only rport==0 allowed for HPC synapses"):
        nest.Connect(n, mc, syn_spec={"synapse_model": "stdp_synapse_hpc", "receptor_type": mc.receptor_types["proximal_exc"]})
    # receptor soma_exc is port 0 of iaf_cond_alpha_mc; the first receptor of a multisynapse neuron is port 1
    nest.Connect(n, mc, syn_spec={"synapse_model": "static_synapse_hpc", "receptor_type": mc.receptor_types["soma_exc"]})
    with pytest.raises(nest.NESTErrors.IllegalConnection, match=r"Only rport==0"):
        nest.Connect(n, ms, syn_spec={"synapse_model": "static_synapse_hpc", "receptor_type": 1})
    nest.Connect(n, n, syn_spec={"synapse_model": "static_synapse_hpc"})
    assert len(nest.GetConnections(synapse_model="static_synapse_hpc")) == 2


def test_set_bad_property_names_the_connection(nest):
    # ConnectionManager::set_synapse_status: model, source, target and port of the connection
    n = nest.Create("iaf_psc_alpha", 3)
    nest.Connect(n, n, syn_spec={"synapse_model": "tsodyks_synapse"})
    nest.Connect(n, n, syn_spec={"synapse_model": "static_synapse_lbl"})
    c = nest.GetConnections(synapse_model="tsodyks_synapse")[4]
    s, t, p = c.get(["source", "target", "port"]).values()
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        c.set(U=2.0)
    assert e.value.errormessage.startswith(
        "Setting status of 'tsodyks_synapse' connecting from node ID {} to node ID {} via port {}: ".format(s, t, p))
    assert c.get("U") == 0.5
    lbl = nest.GetConnections(synapse_model="static_synapse_lbl")[5]
    s, t, p = lbl.get(["source", "target", "port"]).values()
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        lbl.set(synapse_label=-3)
    assert e.value.errormessage == ("Setting status of 'static_synapse_lbl' connecting from node ID {} to node ID {} "
                                    "via port {}: Connection label must not be negative.".format(s, t, p))


def test_pandas_output_is_pyNESTs_frame(nest):
    # as PyNEST: a DataFrame of the get() values (lists) indexed by source; nestj hands numeric columns
    # over as arrays, which must give the same frame (dtypes included)
    pandas = pytest.importorskip("pandas")
    n = nest.Create("iaf_psc_alpha", 20)
    nest.Connect(n, n, syn_spec={"synapse_model": "stdp_synapse", "weight": nest.random.uniform(1.0, 2.0)})
    c = nest.GetConnections()
    for keys in (["source", "target", "weight"], "weight", None):
        got = c.get(keys, output="pandas")
        vals = c.get(keys)
        ref = pandas.DataFrame({keys: vals} if isinstance(keys, str) else vals, index=c.get("source"))
        pandas.testing.assert_frame_equal(got, ref)
    assert c.get(["source", "weight"], output="pandas").dtypes.tolist() == [np.int64, np.float64]
    got = n.get(["V_m", "model"], output="pandas")
    pandas.testing.assert_frame_equal(got, pandas.DataFrame(n.get(["V_m", "model"]), index=n.get("global_id")))
