"""Behaviour that NEST 3.9's user documentation (doc/htmldoc guides) shows in its PyNEST snippets,
where nestj differed from NEST. Each test names the guide; values follow NEST 3.9's source."""
import pytest


# devices/record_from_simulations.rst: nest.GetDefaults("sionlib") / nest.SetDefaults("sionlib", ...)
# nest::get_model_defaults and nest::set_model_defaults fall back to the recording backends, and
# throw UnknownComponent for a name that is neither a model nor a backend.

def test_get_defaults_of_recording_backends(nest):
    for backend in nest.recording_backends:
        assert nest.GetDefaults(backend) == {"element_type": "recording_backend"}
        assert nest.GetDefaults(backend, "element_type") == "recording_backend"


def test_set_defaults_of_recording_backend_is_accepted(nest):
    # memory, ascii and screen read nothing from the dictionary; NEST checks no unread entries here
    nest.SetDefaults("ascii", {"buffer_size": 512})
    nest.SetDefaults("memory", {})
    assert nest.GetDefaults("ascii") == {"element_type": "recording_backend"}
    # model defaults were not modified: the time representation can still change
    nest.resolution = 0.5
    assert nest.resolution == 0.5


def test_defaults_of_unknown_component(nest):
    # sionlib is not a backend of a NEST built without SIONlib
    with pytest.raises(nest.NESTErrors.UnknownComponent) as e:
        nest.GetDefaults("sionlib")
    assert str(e.value) == "UnknownComponent in SLI function GetDefaults_l: /sionlib is not a known component."
    assert isinstance(e.value, nest.kernel.NESTError)
    with pytest.raises(nest.NESTErrors.UnknownComponent) as e:
        nest.SetDefaults("sionlib", {"buffer_size": 512})
    assert str(e.value) == "UnknownComponent in SLI function SetDefaults_l_D: /sionlib is not a known component."


def test_create_with_params_asks_get_defaults_first(nest):
    # SLI's Create_l_i_D starts with `model GetDefaults`: an unknown model with a parameter
    # dictionary is reported by GetDefaults; without parameters Create reports UnknownModelName
    with pytest.raises(nest.NESTErrors.UnknownComponent, match="/no_such_model is not a known component"):
        nest.Create("no_such_model", 2, {"V_m": -60.0})
    with pytest.raises(nest.NESTErrors.UnknownModelName, match="/ascii is not a known model name"):
        nest.Create("ascii", 2)
    assert nest.network_size == 0


def test_backend_name_as_synapse_model(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    with pytest.raises(nest.NESTErrors.UnknownSynapseType):
        nest.Connect(n, n, syn_spec={"synapse_model": "ascii", "weight": 2.0, "foo": 1.0})
    assert nest.num_connections == 0
