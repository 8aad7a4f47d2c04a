"""The PyNEST surface: NodeCollection, status dictionaries, models, kernel attributes."""
import json
import os

import numpy as np
import pytest


def test_nodecollection_basics(nest):
    n = nest.Create("iaf_psc_alpha", 5)
    assert len(n) == 5 and n.tolist() == [1, 2, 3, 4, 5]
    assert n[1].global_id == 2 and n[-1].global_id == 5
    assert n[1:3].tolist() == [2, 3] and n[::2].tolist() == [1, 3, 5]
    assert [x.global_id for x in n] == [1, 2, 3, 4, 5]
    p = nest.Create("parrot_neuron", 2)
    both = n + p
    assert len(both) == 7 and 6 in both and n[0] in both
    assert n[0:2] == nest.NodeCollection([1, 2])
    assert str(n) == "NodeCollection(metadata=None, model=iaf_psc_alpha, size=5, first=1, last=5)"
    assert n.index(3) == 2


def test_get_set(nest):
    n = nest.Create("iaf_psc_alpha", 3, params={"I_e": [1.0, 2.0, 3.0], "tau_m": 12.0})
    assert n.get("I_e") == (1.0, 2.0, 3.0)
    assert n.tau_m == (12.0, 12.0, 12.0)
    n.V_m = -60.0
    assert n[0].V_m == -60.0
    n.set({"C_m": [100.0, 200.0, 300.0]})
    assert n.get("C_m") == (100.0, 200.0, 300.0)
    d = n.get(["C_m", "V_th"])
    assert d["V_th"] == (-55.0, -55.0, -55.0)
    st = nest.GetStatus(n[0])[0]
    assert st["model"] == "iaf_psc_alpha" and st["recordables"] == ("I_syn_ex", "I_syn_in", "V_m")
    nest.SetStatus(n, "I_e", 7.0)
    assert nest.GetStatus(n, "I_e") == (7.0, 7.0, 7.0)
    # changing E_L keeps the absolute threshold and reset, as in NEST
    n[0].E_L = -60.0
    assert n[0].V_th == pytest.approx(-55.0) and n[0].V_reset == pytest.approx(-70.0)


def _plain(x):
    """A status value as plain Python (lists for arrays and tuples, recursively; 'inf'/'nan' strings as floats)."""
    if isinstance(x, np.ndarray):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, str) and x in ("inf", "-inf", "nan"):
        return float(x)
    if isinstance(x, np.generic):
        return x.item()
    return x


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


def test_defaults_match_nest(nest, refdir):
    # every model nestj has, against NEST 3.9's GetDefaults: the same keys (but NEST's C++ object and
    # model-table sizes) with the same values
    skip = {"elementsize", "sizeof", "num_connections"}
    models = set(nest.node_models) | set(nest.synapse_models)
    checked = 0
    for fn in sorted(os.listdir(os.path.join(refdir, "defaults"))):
        model = fn[:-len(".json")]
        if model not in models:
            continue
        with open(os.path.join(refdir, "defaults", fn)) as f:
            ref = json.load(f)
        ours = nest.GetDefaults(model)
        assert not set(ours) - set(ref) - skip, "%s has keys NEST's defaults lack: %s" % (model, set(ours) - set(ref))
        for k, v in ref.items():
            if k in skip:
                continue
            assert k in ours, "%s lacks %s" % (model, k)
            assert _same(_plain(ours[k]), _plain(v)), "%s.%s: %r vs NEST %r" % (model, k, ours[k], v)
        checked += 1
    assert checked >= 165


def test_models_and_copy(nest):
    assert "iaf_psc_alpha" in nest.node_models and "static_synapse" in nest.synapse_models
    nest.SetDefaults("iaf_psc_alpha", {"tau_m": 15.0})
    nest.CopyModel("iaf_psc_alpha", "my_iaf", {"V_th": -50.0})
    n = nest.Create("my_iaf")
    assert n.model == "my_iaf" and n.tau_m == 15.0 and n.V_th == -50.0
    with pytest.raises(nest.NESTErrors.NewModelNameExists):
        nest.CopyModel("iaf_psc_alpha", "my_iaf")
    nest.CopyModel("static_synapse", "my_syn", {"weight": 3.0})
    assert nest.GetDefaults("my_syn")["weight"] == 3.0
    assert "my_iaf" in nest.node_models


def test_kernel_attributes(nest):
    assert nest.resolution == 0.1
    nest.resolution = 0.5
    assert nest.GetKernelStatus("resolution") == 0.5
    nest.rng_seed = 42
    assert nest.rng_seed == 42
    assert nest.network_size == 0
    nest.Create("iaf_psc_alpha", 3)
    assert nest.network_size == 3
    with pytest.raises(AttributeError):
        nest.network_size = 5
    ks = nest.GetKernelStatus()
    assert ks["tics_per_ms"] == 1000.0 and ks["tics_per_step"] == 500


def test_tics_per_ms_with_resolution(nest):
    # NEST's SimulationManager::set_status: tics_per_ms changes only together with the resolution
    with pytest.raises(nest.kernel.NESTError, match="requires simultaneous specification of resolution"):
        nest.SetKernelStatus({"tics_per_ms": 32.0})
    with pytest.raises(nest.kernel.NESTError, match="multiple of the tic length"):
        nest.SetKernelStatus({"resolution": 0.1, "tics_per_ms": 32.0})
    # a resolution of 2^-5 ms is no whole number of the default 0.001 ms tics, but one tic of 1/32 ms
    with pytest.raises(nest.kernel.NESTError, match="multiple of the tic length"):
        nest.SetKernelStatus({"resolution": 2.0 ** -5})
    nest.SetKernelStatus({"resolution": 2.0 ** -5, "tics_per_ms": 32.0})
    ks = nest.GetKernelStatus()
    assert ks["resolution"] == 0.03125 and ks["tics_per_ms"] == 32.0 and ks["ms_per_tic"] == 0.03125
    assert ks["tics_per_step"] == 1
    assert ks["T_max"] == ((2 ** 63 - 1) // 8) / 32.0  # Time::max(): LIM_MAX tics in ms
    n = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Connect(n, n, syn_spec={"delay": 0.25})
    assert nest.GetConnections(n, n).get("delay") == 0.25
    nest.Simulate(50.0)
    t = sr.events["times"]
    assert len(t) > 0 and np.all(t * 32.0 == np.round(t * 32.0))  # spikes on the 1/32 ms grid
    with pytest.raises(nest.kernel.NESTError):
        nest.SetKernelStatus({"resolution": 0.1, "tics_per_ms": 1000.0})  # nodes exist
    # ResetKernel restores the compiled-in tic length (Time::reset_to_defaults)
    nest.ResetKernel()
    ks = nest.GetKernelStatus()
    assert ks["tics_per_ms"] == 1000.0 and ks["ms_per_tic"] == 0.001 and ks["resolution"] == 0.1
    assert ks["T_max"] == 1152921504606846.8


def test_kernel_status_names(nest, refdir):
    with open(os.path.join(refdir, "kernel_status.json")) as f:
        ref = json.load(f)
    ours = nest.GetKernelStatus()
    missing = [k for k in ref if k not in ours]
    assert not missing, missing
    for k in ("resolution", "min_delay", "max_delay", "tics_per_ms", "ms_per_tic", "biological_time", "local_num_threads"):
        assert ours[k] == ref[k]


def test_kernel_status_by_keys(nest):
    # GetKernelStatus(keys) and nest.<attribute> read only the entries asked for; the values are
    # those of the full status, a missing key is a KeyError and keys of another type a TypeError
    nest.Create("iaf_psc_alpha", 3)
    nest.Simulate(2.5)
    full = nest.GetKernelStatus()
    assert nest.GetKernelStatus("biological_time") == full["biological_time"] == 2.5
    assert nest.GetKernelStatus(["network_size", "rng_seed"]) == (full["network_size"], full["rng_seed"])
    assert nest.GetKernelStatus(("resolution",)) == (0.1,)
    assert nest.biological_time == 2.5 and nest.network_size == 3
    assert tuple(nest.node_models) == tuple(full["node_models"])
    with pytest.raises(KeyError):
        nest.GetKernelStatus("no_such_key")
    with pytest.raises(KeyError):
        nest.GetKernelStatus(["resolution", "no_such_key"])
    with pytest.raises(TypeError):
        nest.GetKernelStatus(3)


def test_simulate_split_and_runmanager(nest):
    n = nest.Create("iaf_psc_alpha", params={"I_e": 500.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    with nest.RunManager():
        for _ in range(4):
            nest.Run(25.0)
    assert nest.biological_time == 100.0
    t1 = sr.events["times"].copy()
    nest.ResetKernel()
    n = nest.Create("iaf_psc_alpha", params={"I_e": 500.0})
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(100.0)
    assert np.array_equal(t1, sr.events["times"])


def test_recorder_events_and_clear(nest):
    sg = nest.Create("spike_generator", params={"spike_times": [1.0, 2.0, 3.0]})
    sr = nest.Create("spike_recorder")
    nest.Connect(sg, sr)
    nest.Simulate(10.0)
    ev = sr.get("events")
    assert list(ev["times"]) == [1.0, 2.0, 3.0] and list(ev["senders"]) == [1, 1, 1]
    assert sr.n_events == 3
    sr.n_events = 0
    assert sr.n_events == 0 and len(sr.events["times"]) == 0


def test_get_connections(nest):
    a = nest.Create("iaf_psc_alpha", 3)
    b = nest.Create("iaf_psc_delta", 2)
    nest.Connect(a, b, syn_spec={"weight": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), "delay": 2.0})
    c = nest.GetConnections(a, b)
    assert len(c) == 6
    assert c.get("source") == [1, 1, 2, 2, 3, 3] and c.get("target") == [4, 5, 4, 5, 4, 5]
    assert c.get("weight") == [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]
    c.set(weight=9.0)
    assert nest.GetConnections(a[0], b[0]).weight == 9.0
    assert nest.GetStatus(c[0], "delay") == (2.0,)
    assert nest.num_connections == 6


def test_synapse_default_delay_in_steps(nest):
    # NEST keeps a synapse model's default delay in whole steps (SynIdDelay): SetDefaults rounds it,
    # GetDefaults reports steps * resolution, and a change of the resolution converts the steps through
    # their time in ms, rounding up to whole new steps (Connection::calibrate, Time::get_steps)
    nest.SetDefaults("static_synapse", {"delay": 1.23})
    assert nest.GetDefaults("static_synapse")["delay"] == 12 * 0.1
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1])
    assert nest.GetConnections().get("delay") == nest.GetDefaults("static_synapse")["delay"]
    nest.ResetKernel()
    nest.SetDefaults("static_synapse", {"delay": 1.23})
    # NEST 3.9 fixes the time representation once model defaults were modified
    with pytest.raises(nest.NESTErrors.KernelException, match="Model defaults were modified: time representation"):
        nest.resolution = 0.05
    nest.ResetKernel()
    nest.resolution = 0.3                                                # 1 ms = 3.33 steps: rounded up to 4
    assert nest.GetDefaults("static_synapse")["delay"] == 4 * 0.3
    assert nest.GetDefaults("stdp_synapse")["delay"] == 4 * 0.3
    n = nest.Create("iaf_psc_alpha", 2)
    nest.Connect(n[0], n[1])
    assert nest.GetConnections().get("delay") == 4 * 0.3


def test_verbosity_silences_engine_warnings(nest, capfd):
    # the engine's warnings follow set_verbosity, like NEST's LOG (here cont_delay_synapse's rounding
    # warning); the fixture sets M_ERROR before each test
    n = nest.Create("parrot_neuron_ps", 2)
    spec = {"synapse_model": "cont_delay_synapse", "delay": 1.23}
    nest.set_verbosity("M_WARNING")
    nest.Connect(n[0], n[1], syn_spec=spec)
    assert "Connect [Warning]: \n    The delay will be rounded" in capfd.readouterr().out
    nest.set_verbosity("M_ERROR")
    nest.Connect(n[0], n[1], syn_spec=spec)
    assert "[Warning]" not in capfd.readouterr().out
    nest.ResetKernel()        # the verbosity belongs to the process
    n = nest.Create("parrot_neuron_ps", 2)
    nest.Connect(n[0], n[1], syn_spec=spec)
    assert "[Warning]" not in capfd.readouterr().out


def test_model_instantiations_capacity_available(nest):
    # NEST's Model::get_status: per thread the number of nodes of the model (a neuron lives on thread
    # node_id mod T, a device on every thread), and the capacity of the std::vector holding them:
    # Create reserves ceil(n / T) per thread (n for devices), later growth doubles
    d = nest.GetDefaults("iaf_psc_alpha")
    assert (list(d["instantiations"]), list(d["capacity"]), list(d["available"])) == ([0], [0], [0])
    nest.Create("iaf_psc_alpha", 10)
    nest.Create("iaf_psc_alpha", 5)          # reserve(5) does not shrink; 10 -> 20 on the 11th node
    d = nest.GetDefaults("iaf_psc_alpha")
    assert (list(d["instantiations"]), list(d["capacity"]), list(d["available"])) == ([15], [20], [5])
    nest.ResetKernel()
    nest.local_num_threads = 2
    nest.Create("spike_recorder")            # node 1, on both threads
    nest.Create("iaf_psc_alpha", 5)          # nodes 2..6: threads 0 (2, 4, 6) and 1 (3, 5), reserve 3 each
    d = nest.GetDefaults("iaf_psc_alpha")
    assert (list(d["instantiations"]), list(d["capacity"]), list(d["available"])) == ([3, 2], [3, 3], [0, 1])
    d = nest.GetDefaults("spike_recorder")
    assert (list(d["instantiations"]), list(d["capacity"])) == ([1, 1], [1, 1])
    nest.CopyModel("iaf_psc_alpha", "my_iaf")   # a copy starts without nodes
    assert list(nest.GetDefaults("my_iaf")["instantiations"]) == [0, 0]


@pytest.mark.parametrize("model", ["iaf_psc_alpha", "iaf_psc_exp"])
def test_parameter_change_between_runs(nest, model):
    # NEST reads I_e, V_th, V_reset in every step: a change between the Run calls of a RunManager (no new
    # Prepare) takes effect for that neuron only, also when all neurons shared their parameters before
    n = nest.Create(model, 2)
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    with nest.RunManager():
        nest.Run(10.0)
        n[1].I_e = 1000.0
        nest.Run(50.0)
    assert set(sr.get("events")["senders"]) == {n[1].global_id}
    assert n[0].V_m == -70.0


def test_nodecollection_sum_and_join_errors(nest):
    # PyNEST 3.9: 0 stands for the empty NodeCollection (so sum() joins), other types are a TypeError
    a = nest.Create("iaf_psc_alpha", 3)
    b = nest.Create("iaf_psc_exp", 2)
    assert sum([a, b]) == a + b
    assert a + 0 == a and 0 + a == a and a + nest.NodeCollection() == a
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=[2, 2]))
    assert (layer + 0).spatial is not None
    with pytest.raises(TypeError, match="Cannot add object of type 'str' to 'NodeCollection'"):
        a + "x"
