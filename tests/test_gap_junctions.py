"""gap_junction with hh_psc_alpha_gap / hh_cond_beta_gap_traub: waveform relaxation, results
independent of local_num_threads, NEST's kernel settings and errors."""
import os
import subprocess
import sys

import numpy as np
import pytest

SYM = {"rule": "one_to_one", "make_symmetric": True}


def _network(nest, threads, use_wfr=True, order=3, model="hh_psc_alpha_gap", T=60.0):
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.rng_seed = 11
    nest.use_wfr = use_wfr
    if use_wfr:
        nest.wfr_interpolation_order = order
    n = nest.Create(model, 12, params={"I_e": 200.0 if "traub" not in model else 100.0,
                                       "V_m": nest.random.uniform(-80.0, -40.0)})
    nest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 3, "allow_autapses": False},
                 {"weight": -20.0, "delay": 1.0})
    nest.Connect(n, n, {"rule": "symmetric_pairwise_bernoulli", "p": 0.3, "allow_autapses": False,
                        "make_symmetric": True}, {"synapse_model": "gap_junction", "weight": 0.5})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, n)
    sr = nest.Create("spike_recorder")
    nest.Connect(n, sr)
    nest.Simulate(T)
    ev = mm.get("events")
    o = np.lexsort((ev["senders"], ev["times"]))
    sp = sr.get("events")
    so = np.lexsort((sp["senders"], sp["times"]))
    return ev["V_m"][o], sp["times"][so], sp["senders"][so]


@pytest.mark.parametrize("use_wfr", [True, False])
def test_results_do_not_depend_on_threads(nest, use_wfr):
    v1, t1, s1 = _network(nest, 1, use_wfr)
    v3, t3, s3 = _network(nest, 3, use_wfr)
    assert len(t1) > 10
    assert np.array_equal(v1, v3)
    assert np.array_equal(t1, t3) and np.array_equal(s1, s3)


def test_traub_threads(nest):
    v1, t1, _ = _network(nest, 1, model="hh_cond_beta_gap_traub", T=40.0)
    v2, t2, _ = _network(nest, 2, model="hh_cond_beta_gap_traub", T=40.0)
    assert np.array_equal(v1, v2) and np.array_equal(t1, t2)


def test_interpolation_orders_agree_roughly(nest):
    # the orders differ in the interpolation of the waveform only (order 0 holds V of the step's
    # start, which shifts spikes a little: compare typical deviations)
    v3, t3, _ = _network(nest, 1, order=3, T=15.0)
    v1, t1, _ = _network(nest, 1, order=1, T=15.0)
    v0, t0, _ = _network(nest, 1, order=0, T=15.0)
    assert not np.array_equal(v3, v1) and not np.array_equal(v1, v0)
    assert np.max(np.abs(v3 - v1)) < 2.0
    assert len(t3) == len(t1) == len(t0) == 12
    assert np.max(np.abs(t3 - t1)) <= 0.1 + 1e-9 and np.max(np.abs(t3 - t0)) <= 0.2 + 1e-9


def _pair(nest, w, T=100.0):
    n = nest.Create("hh_psc_alpha_gap", 2)
    n[0].I_e = 200.0
    if w is not None:
        nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction", "weight": w})
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    nest.Connect(mm, n[1])
    nest.Simulate(T)
    return mm.get("events", "V_m")


def test_gap_couples_membrane_potentials(nest):
    uncoupled = _pair(nest, None)
    nest.ResetKernel()
    coupled = _pair(nest, 20.0)
    # without a junction the second neuron rests; coupled it follows the driven one
    assert np.ptp(uncoupled) < 1.0
    assert np.ptp(coupled) > 10.0
    c = nest.GetConnections(synapse_model="gap_junction")
    assert sorted(zip(c.source, c.target)) == [(1, 2), (2, 1)]
    assert c.get("delay") == [1.0, 1.0]


def test_all_to_all_onto_itself_is_symmetric(nest):
    n = nest.Create("hh_psc_alpha_gap", 3)
    nest.Connect(n, n, {"rule": "all_to_all", "allow_autapses": False}, {"synapse_model": "gap_junction", "weight": 0.5})
    assert len(nest.GetConnections(synapse_model="gap_junction")) == 6


def test_defaults(nest):
    d = nest.GetDefaults("gap_junction")
    assert d["has_delay"] is False and d["requires_symmetric"] is True
    assert d["weight"] == 1.0 and d["sizeof"] == 32
    assert nest.GetDefaults("hh_psc_alpha_gap")["node_uses_wfr"] is True
    ks = nest.GetKernelStatus(["use_wfr", "wfr_comm_interval", "wfr_tol", "wfr_max_iterations", "wfr_interpolation_order"])
    assert ks == (True, 1.0, 0.0001, 15, 3)


def test_min_delay_follows_wfr_comm_interval(nest):
    nest.wfr_comm_interval = 2.0
    n = nest.Create("hh_psc_alpha_gap", 2)
    nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction"})
    assert nest.GetKernelStatus(["min_delay", "max_delay"]) == (2.0, 2.0)
    nest.ResetKernel()
    nest.use_wfr = False
    assert nest.wfr_comm_interval == nest.resolution
    n = nest.Create("hh_psc_alpha_gap", 2)
    assert n.get("node_uses_wfr") == (False, False)
    nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction"})
    assert nest.GetKernelStatus("min_delay") == nest.resolution


def test_connect_errors(nest):
    n = nest.Create("hh_psc_alpha_gap", 3)
    iaf = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTError, match="make_symmetric"):
        nest.Connect(n[0], n[1], {"rule": "one_to_one"}, {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="make_symmetric"):
        nest.Connect(n[:2], n[1:], "all_to_all", {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="does not support symmetric"):
        nest.Connect(n, n, {"rule": "fixed_indegree", "indegree": 1, "make_symmetric": True},
                     {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="gap_junction connection has no delay"):
        nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction", "delay": 2.0})
    # NEST makes the reverse connections after an error in the forward ones, and the reverse error wins
    # (BipartiteConnBuilder::connect; NEST's sli2py_connect/test_gap_junction.py relies on it)
    with pytest.raises(nest.NESTError, match="target node or synapse model does not support gap junction input"):
        nest.Connect(iaf, n[1], SYM, {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="source node does not support gap junction output"):
        nest.Connect(n[1], iaf, SYM, {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="UnknownReceptorType|Receptor type 1"):
        nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction", "receptor_type": 1})
    with pytest.raises(nest.NESTError, match="gap_junction connection has no delay"):
        nest.SetDefaults("gap_junction", {"delay": 2.0})
    assert len(nest.GetConnections(synapse_model="gap_junction")) == 0
    nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction", "weight": 2.0})
    c = nest.GetConnections(synapse_model="gap_junction")
    with pytest.raises(nest.NESTError, match="gap_junction connection has no delay"):
        c.set(delay=2.0)
    c.set(weight=3.0)
    assert c.get("weight") == [3.0, 3.0]


def test_kernel_errors(nest):
    with pytest.raises(nest.NESTError, match="greater or equal to the resolution"):
        nest.wfr_comm_interval = 0.05
    with pytest.raises(nest.NESTError, match="Tolerance must be zero or positive"):
        nest.wfr_tol = -1.0
    with pytest.raises(nest.NESTError, match="must be positive"):
        nest.wfr_max_iterations = 0
    with pytest.raises(nest.NESTError, match="Interpolation order must be 0, 1, or 3"):
        nest.wfr_interpolation_order = 2
    n = nest.Create("hh_psc_alpha_gap", 2)
    with pytest.raises(nest.NESTError, match="after nodes have been created"):
        nest.use_wfr = False
    nest.Connect(n[0], n[1], SYM, {"synapse_model": "gap_junction"})
    with pytest.raises(nest.NESTError, match="after connections have been created"):
        nest.wfr_comm_interval = 2.0
    nest.ResetKernel()
    nest.use_wfr = False
    with pytest.raises(nest.NESTError, match="Set use_wfr to true first"):
        nest.wfr_comm_interval = 2.0


def test_max_iterations_warning(nest, capfd):
    nest.set_verbosity("M_WARNING")
    nest.wfr_max_iterations = 1
    _pair(nest, 20.0, T=2.5)
    out = capfd.readouterr().out   # NEST's SLI prints its messages on stdout
    assert "SimulationManager::wfr_update [Warning]: \n    Maximum number of iterations reached at interval 0-1 ms\n" in out
    assert "Maximum number of iterations reached at interval 2-2.5 ms" in out


def test_two_neuron_example_synchronises(nest):
    # NEST's pynest/examples/gap_junctions_two_neurons.py, with a spike recorder
    nest.resolution = 0.05
    neuron = nest.Create("hh_psc_alpha_gap", 2)
    neuron.I_e = 100.0
    neuron[0].V_m = -10.0
    nest.Connect(neuron, neuron, {"rule": "all_to_all", "allow_autapses": False},
                 {"synapse_model": "gap_junction", "weight": 0.5})
    sr = nest.Create("spike_recorder")
    nest.Connect(neuron, sr)
    nest.Simulate(351.0)
    ev = sr.events
    t1, t2 = ev["times"][ev["senders"] == 1], ev["times"][ev["senders"] == 2]
    assert len(t1) == len(t2) == 6
    lag = np.abs(t1 - t2)
    assert lag[0] > 10.0 and lag[-1] < 1.5 and np.all(np.diff(lag) < 0)


UPSTREAM = os.path.join(os.environ.get("NEST_SOURCE", "/tmp/nest39"), "pynest", "examples", "gap_junctions_two_neurons.py")


@pytest.mark.skipif(not os.path.exists(UPSTREAM), reason="NEST's example scripts are not available")
def test_upstream_two_neuron_script_runs(tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "python"), MPLBACKEND="Agg")
    subprocess.run([sys.executable, "-m", "nestj", UPSTREAM], cwd=tmp_path, env=env, check=True, capture_output=True)


def _gap_pair_weight_events(nest, threads, use_wfr):
    """Two hh_psc_alpha_gap coupled both ways (weight 2), gap_junction's weight_recorder, 10 ms."""
    nest.ResetKernel()
    nest.local_num_threads = threads
    nest.use_wfr = use_wfr
    a, b = nest.Create("hh_psc_alpha_gap", 2)
    wr = nest.Create("weight_recorder")
    nest.SetDefaults("gap_junction", {"weight_recorder": wr})
    nest.Connect(a, b, conn_spec={"rule": "one_to_one", "make_symmetric": True},
                 syn_spec={"synapse_model": "gap_junction", "weight": 2.0})
    nest.Simulate(10.0)
    return {k: np.asarray(v) for k, v in wr.events.items()}


@pytest.mark.parametrize("threads", [1, 2])
def test_weight_recorder_gets_the_gap_junction_events(nest, threads):
    # NEST's Connector::send hands every delivered GapJunctionEvent to the model's weight_recorder
    # (send_weight_event): one event per connection and delivery, stamped slice origin + 1 - min_delay,
    # port = the connection's lcid; recorded only where the stamp is after the recorder's origin + start
    ev = _gap_pair_weight_events(nest, threads, use_wfr=False)
    # without waveform relaxation: min_delay = resolution, a delivery at the start of slices 1..99
    assert nest.min_delay == 0.1 and len(ev["times"]) == 198
    np.testing.assert_allclose(ev["times"], np.repeat(np.arange(1, 100) * 0.1, 2), rtol=0, atol=1e-12)
    assert list(ev["senders"][:4]) == [1, 2, 1, 2] and list(ev["targets"][:4]) == [2, 1, 2, 1]
    assert list(ev["ports"][:4]) == [0, 1, 0, 1] and np.all(ev["weights"] == 2.0)


def test_weight_recorder_gap_events_with_wfr_do_not_depend_on_threads(nest):
    e1, e2 = (_gap_pair_weight_events(nest, t, use_wfr=True) for t in (1, 2))
    # with waveform relaxation every pass delivers too, all stamped with the slice's origin + 1 - min_delay
    assert nest.min_delay == 1.0 and len(e1["times"]) > 2 * 9 and e1["weights"][0] == 2.0
    assert set(np.round(e1["times"], 9)) == {round(0.1 + k, 9) for k in range(9)}
    for k in e1:
        np.testing.assert_array_equal(e1[k], e2[k])
