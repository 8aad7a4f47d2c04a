"""PyNEST's lib/hl_api_helper names that nest exports (NEST 3.9's behaviour), its deprecation
warnings (Models, ConnectionRules) and help()."""
import warnings

import pytest


def test_predicates(nest):
    assert nest.is_string("a") and not nest.is_string(nest.kernel.SLILiteral("a"))
    assert nest.is_literal("a") and nest.is_literal(nest.kernel.SLILiteral("a")) and not nest.is_literal(1)
    # PyNEST's is_iterable counts strings as iterable
    assert nest.is_iterable("ab") and nest.is_iterable([1]) and not nest.is_iterable(3)
    assert nest.is_sequence_of_connections([(1, 2, 0, 0, 0)]) and nest.is_sequence_of_connections([{"source": 1}])
    assert not nest.is_sequence_of_connections([(1, 2)]) and not nest.is_sequence_of_connections([1])
    assert nest.is_sequence_of_node_ids([1, 0]) and not nest.is_sequence_of_node_ids([1, -1])
    assert not nest.is_sequence_of_node_ids([1.0])
    assert nest.get_wrapped_text("a   b\n c", width=80) == "a b\nc"
    assert nest.get_wrapped_text("word " * 30, width=20).split("\n")[0] == "word word word word"


def test_restructure_and_get_parameters(nest):
    assert nest.restructure_data([{"a": 1}, {"a": 2, "b": 3}], None) == {"a": [1, 2], "b": [None, 3]}
    assert nest.restructure_data([{"a": 1, "b": 2}], None) == {"a": 1, "b": 2}
    assert nest.restructure_data([{"a": 1}, {"b": 2}], "a") == [1, None]
    assert nest.restructure_data([[1, 2], [3, 4]], ["x", "y"]) == {"x": [1, 3], "y": [2, 4]}
    n = nest.Create("iaf_psc_alpha", 2, {"V_m": -60.0})
    assert nest.get_parameters(n, "V_m") == (-60.0, -60.0)
    assert nest.get_parameters(n, ["V_m", "C_m"]) == {"V_m": (-60.0, -60.0), "C_m": (250.0, 250.0)}
    with pytest.raises(TypeError):
        nest.get_parameters(n, 3)
    sr = nest.Create("spike_recorder", 2)
    times = nest.get_parameters_hierarchical_addressing(sr, ("events", "times"))
    assert len(times) == 2 and all(len(t) == 0 for t in times)
    with pytest.raises(TypeError):
        nest.get_parameters_hierarchical_addressing(sr, (1, "times"))


def test_deprecated_functions_warn_once(nest):
    from nestj.lib import hl_api_helper
    for name in ("Models", "ConnectionRules"):
        hl_api_helper._deprecation_warning[name]["deprecation_issued"] = False
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert "iaf_psc_alpha" in nest.Models()
        nest.Models()
        assert "fixed_indegree" in nest.ConnectionRules()
    texts = [str(x.message) for x in w]
    assert texts == ["\nModels is deprecated and will be removed in a future version of NEST.\n"
                     "Please use nest.node_models or nest.synapse_models instead!",
                     "\nConnectionRules is deprecated and will be removed in a future version of NEST.\n"
                     "Please use nest.connection_rules instead!"]
    assert all(x.category is UserWarning for x in w)


def test_suppressed_deprecation_warning(nest):
    from nestj.lib import hl_api_helper
    hl_api_helper._deprecation_warning["Models"]["deprecation_issued"] = False
    nest.set_verbosity("M_ALL")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with nest.SuppressedDeprecationWarning("Models"):
            assert nest.get_verbosity() == nest.verbosity("M_WARNING")
            nest.Models()
        assert nest.get_verbosity() == nest.verbosity("M_ALL")
        nest.Models()   # as in PyNEST, the flag stays set after the context
    assert w == []


def test_help(nest, capsys):
    text = nest.help("iaf_psc_alpha", return_text=True)
    assert text.startswith("iaf_psc_alpha\n=============\n")
    assert "https://nest-simulator.readthedocs.io/en/v3.9/models/iaf_psc_alpha.html" in text
    assert "tau_syn_ex : 2.0" in text
    assert "static_synapse" in nest.help("static_synapse", return_text=True)
    nest.help("no_such_model")
    out = capsys.readouterr().out
    assert "Sorry, there is no help for model 'no_such_model'." in out
    with pytest.raises(FileNotFoundError):
        nest.load_help("no_such_model")
    nest.help()
    assert "PyNEST" in capsys.readouterr().out


def test_parallel_computing(nest):
    nest.local_num_threads = 2
    assert nest.Rank() == 0 and nest.NumProcesses() == 1 and list(nest.GetLocalVPs()) == [0, 1]
    nest.SyncProcesses()
    # NEST defines the MUSIC port commands only when built with MUSIC
    with pytest.raises(nest.NESTErrors.UndefinedName):
        nest.SetAcceptableLatency("in", 1.0)
    with pytest.raises(nest.NESTErrors.UndefinedName):
        nest.SetMaxBuffered("in", 10)
