"""NEST's SetStatus of nodes (NodeManager::set_status_single_node_ and Node::set_status_base): the
model's BadProperty names model and node, read-only properties are unread entries, and frozen nodes,
devices included, are not updated (SimulationManager::update_)."""
import pytest


def test_bad_property_names_model_and_node(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        n[1].set(C_m=-1.0)
    assert e.value.errormessage == "Setting status of a 'iaf_psc_alpha' with node ID 2: Capacitance must be > 0."
    nest.CopyModel("iaf_psc_alpha", "my_iaf")
    m = nest.Create("my_iaf")
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        m.set(tau_m=0.0)
    assert e.value.errormessage.startswith("Setting status of a 'my_iaf' with node ID 3: ")
    # SetDefaults, and Create with a dictionary (which sets the model's defaults): Model::set_status
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        nest.SetDefaults("iaf_psc_alpha", {"C_m": -1.0})
    assert e.value.errormessage == "Setting status of model 'iaf_psc_alpha': Capacitance must be > 0."
    with pytest.raises(nest.NESTErrors.BadProperty) as e:
        nest.Create("my_iaf", 2, {"C_m": -1.0})
    assert e.value.errormessage == "Setting status of model 'my_iaf': Capacitance must be > 0."


@pytest.mark.parametrize("key, value", [("global_id", 5), ("model", "x"), ("recordables", ()), ("thread", 1),
                                        ("vp", 0), ("element_type", "neuron"), ("local", True)])
def test_read_only_properties_are_unread(nest, key, value):
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.UnaccessedDictionaryEntry) as e:
        n.set({key: value})
    assert e.value.errormessage == "Unused dictionary items:  " + key


def test_frozen_devices(nest):
    # recorders may be frozen (they record what they are sent); the multimeter protects itself
    sr = nest.Create("spike_recorder")
    sr.frozen = True
    assert sr.frozen
    for model in ("multimeter", "voltmeter"):
        mm = nest.Create(model)
        with pytest.raises(nest.NESTErrors.BadProperty) as e:
            mm.frozen = True
        assert e.value.errormessage == "Setting status of a '{}' with node ID {}: multimeter cannot be frozen.".format(
            model, mm.global_id)
        mm.frozen = False


@pytest.mark.parametrize("model, params", [("poisson_generator", {"rate": 20000.0}),
                                           ("spike_generator", {"spike_times": [1.0, 2.0, 3.0]}),
                                           ("noise_generator", {"std": 500.0}),
                                           ("dc_generator", {"amplitude": 300.0}),
                                           ("step_current_generator", {"amplitude_times": [1.0],
                                                                        "amplitude_values": [300.0]})])
def test_frozen_generators_send_nothing(nest, model, params):
    def run(frozen):
        nest.ResetKernel()
        g = nest.Create(model, 2, params=params)
        n = nest.Create("iaf_psc_alpha", 2)
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
        nest.Connect(g, n, "one_to_one", syn_spec={"weight": 5.0})
        nest.Connect(mm, n)
        g[0].frozen = frozen
        nest.Simulate(5.0)
        ev = mm.events
        return [ev["V_m"][ev["senders"] == n[k].global_id] for k in range(2)]
    free, frozen = run(False), run(True)
    assert (frozen[0] == -70.0).all() and not (free[0] == -70.0).all()
    # the generator that is not frozen is not affected
    assert (frozen[1] == free[1]).all()
    nest.ResetKernel()


@pytest.mark.parametrize("params, expected, provided", [
    ({"V_m": "x"}, "doubletype", "stringtype"),
    ({"V_m": True}, "doubletype", "booltype"),
    ({"V_m": {"a": 1}}, "doubletype", "dictionarytype"),
    ({"frozen": 1}, "booltype", "integertype"),
    ({"spike_times": ["a"]}, "doubletype", "stringtype"),
])
def test_type_mismatch_as_sli_reports_it(nest, params, expected, provided):
    # SLI's getValue<T>: "Expected datatype: <T's type>\nProvided datatype: <the value's type>"
    model = "spike_generator" if "spike_times" in params else "iaf_psc_alpha"
    n = nest.Create(model)
    with pytest.raises(nest.NESTErrors.TypeMismatch) as e:
        n.set(params)
    assert e.value.errormessage == "Expected datatype: {}\nProvided datatype: {}".format(expected, provided)
    n.set(V_m=-60) if model == "iaf_psc_alpha" else None   # an integer is a double's value


def test_get_nodes_matches_as_nest(nest):
    # NodeManager::get_nodes: every given key the node's status has must match; keys a model does not
    # have leave its nodes in; a model name matches as text
    a = nest.Create("iaf_psc_alpha", 3)
    nest.Create("iaf_psc_delta", 2, {"V_m": -77.0})
    nest.Create("iaf_psc_alpha", 4, {"V_m": [-77.0, -66.0, -77.0, -66.0], "tau_m": [10.0, 11.0, 12.0, 13.0]})
    sr = nest.Create("spike_recorder")
    assert nest.GetNodes({"V_m": -77.0}).tolist() == [4, 5, 6, 8, 10]   # the recorder has no V_m
    assert nest.GetNodes({"V_m": -77.0, "tau_m": 12.0}).tolist() == [8, 10]
    assert nest.GetNodes({"model": "iaf_psc_delta"}).tolist() == [4, 5]
    assert nest.GetNodes({"model": "spike_recorder"}) == sr
    assert nest.GetNodes({"record_to": "memory", "model": "spike_recorder"}) == sr
    assert len(nest.GetNodes({"V_m": 100.0, "model": "iaf_psc_alpha"})) == 0
    assert nest.GetNodes({"global_id": 2}).tolist() == [2]
    assert nest.GetNodes() == nest.NodeCollection(list(range(1, 11)))
    assert a[0].global_id == 1
