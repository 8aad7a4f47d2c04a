"""nest.SonataNetwork on small SONATA circuits written here (NEST's hl_api_sonata / SonataConnector)."""
import json

import numpy as np
import pytest

h5py = pytest.importorskip("h5py")

import nestj as nest  # noqa: E402

# internal population: 6 nodes, node types 10 (iaf_psc_alpha, params A) and 11 (params B)
INT_TYPES = [10, 10, 11, 10, 11, 11]
PARAMS = {"A.json": {"C_m": 200.0, "tau_m": 15.0, "V_th": -52.0},
          "B.json": {"C_m": 300.0, "tau_m": 25.0, "V_th": -48.0, "I_e": 400.0}}
# internal -> internal: weights and delays per edge in the edge group
II = {"src": [0, 1, 2, 5, 5, 3, 4], "tgt": [1, 2, 0, 0, 4, 5, 1], "type": [100, 100, 101, 101, 100, 101, 100],
      "w": [1.5, 2.0, -3.0, -1.0, 4.0, -2.5, 0.5], "d": [1.0, 1.5, 2.0, 0.5, 3.0, 1.2, 0.8]}
# external -> internal: weights and delays from the edge types (type 200 from the table, 201 and 202 from
# their JSON files, which override the table); type 201's delay is NaN in the table: the model's default
EI = {"src": [0, 1, 2, 0, 1, 2], "tgt": [0, 1, 2, 3, 4, 5], "type": [200, 200, 201, 202, 201, 202]}
SPIKES = {0: [5.0, 12.3], 1: [7.5], 2: [3.25, 9.0, 15.5]}


def _write_edges(fn, pop, src_pop, tgt_pop, e, with_group_data=True, extra_group=False):
    with h5py.File(fn, "w") as f:
        g = f.create_group("edges/" + pop)
        s = g.create_dataset("source_node_id", data=np.array(e["src"], dtype=np.uint64))
        s.attrs["node_population"] = src_pop
        t = g.create_dataset("target_node_id", data=np.array(e["tgt"], dtype=np.uint64))
        t.attrs["node_population"] = tgt_pop
        g.create_dataset("edge_type_id", data=np.array(e["type"], dtype=np.uint32))
        g.create_dataset("edge_group_id", data=np.zeros(len(e["src"]), dtype=np.uint16))
        g.create_dataset("edge_group_index", data=np.arange(len(e["src"]), dtype=np.uint32))
        grp = g.create_group("0")
        if with_group_data:
            grp.create_dataset("syn_weight", data=np.array(e["w"]))
            grp.create_dataset("delay", data=np.array(e["d"]))
        if extra_group:
            g.create_group("1")


def make_circuit(tmp_path, extra_group=False, tgt_pop="internal", simulator="NEST", dt=0.1):
    net, comp = tmp_path / "network", tmp_path / "components"
    (comp / "cells").mkdir(parents=True)
    (comp / "syns").mkdir(parents=True)
    net.mkdir()
    (tmp_path / "inputs").mkdir()
    for name, p in PARAMS.items():
        (comp / "cells" / name).write_text(json.dumps(p))
    (comp / "syns" / "exc.json").write_text(json.dumps({}))
    (comp / "syns" / "w.json").write_text(json.dumps({"weight": 7.0, "not_a_parameter": 3}))
    (comp / "syns" / "stdp.json").write_text(json.dumps({"weight": 2.5, "tau_plus": 15.0, "Wmax": 50.0}))
    (net / "int_types.csv").write_text("node_type_id model_type model_template dynamics_params\n"
                                       "10 point_process nest:iaf_psc_alpha A.json\n"
                                       "11 point_process nest:iaf_psc_alpha B.json\n")
    (net / "ext_types.csv").write_text("node_type_id model_type\n300 virtual\n")
    with h5py.File(net / "int_nodes.h5", "w") as f:
        f.create_dataset("nodes/internal/node_type_id", data=np.array(INT_TYPES, dtype=np.uint64))
    with h5py.File(net / "ext_nodes.h5", "w") as f:
        f.create_dataset("nodes/external/node_type_id", data=np.full(3, 300, dtype=np.uint64))
    with h5py.File(tmp_path / "inputs" / "spikes.h5", "w") as f:
        ids = [k for k, ts in SPIKES.items() for _ in ts]
        f.create_dataset("spikes/gids", data=np.array(ids, dtype=np.uint64))
        f.create_dataset("spikes/timestamps", data=np.array([t for ts in SPIKES.values() for t in ts]))
    (net / "ii_types.csv").write_text("edge_type_id dynamics_params model_template\n"
                                      "100 exc.json static_synapse\n101 exc.json static_synapse\n")
    (net / "ei_types.csv").write_text("edge_type_id syn_weight delay dynamics_params model_template\n"
                                      "200 3.0 2.0 exc.json static_synapse\n"
                                      "201 4.0 NaN w.json static_synapse\n"
                                      "202 1.0 2.0 stdp.json stdp_synapse\n")
    _write_edges(net / "ii.h5", "internal_to_internal", "internal", "internal", II, extra_group=extra_group)
    _write_edges(net / "ei.h5", "external_to_internal", "external", tgt_pop, EI, with_group_data=False)
    circuit = {
        "manifest": {"$BASE_DIR": "${configdir}", "$NETWORK_DIR": "$BASE_DIR/network",
                     "$COMPONENTS_DIR": "$BASE_DIR/components"},
        "components": {"point_neuron_models_dir": "$COMPONENTS_DIR/cells", "synaptic_models_dir": "$COMPONENTS_DIR/syns"},
        "networks": {
            "nodes": [{"nodes_file": "$NETWORK_DIR/int_nodes.h5", "node_types_file": "$NETWORK_DIR/int_types.csv"},
                      {"nodes_file": "$NETWORK_DIR/ext_nodes.h5", "node_types_file": "$NETWORK_DIR/ext_types.csv"}],
            "edges": [{"edges_file": "$NETWORK_DIR/ii.h5", "edge_types_file": "$NETWORK_DIR/ii_types.csv"},
                      {"edges_file": "$NETWORK_DIR/ei.h5", "edge_types_file": "$NETWORK_DIR/ei_types.csv"}]},
        "target_simulator": simulator}
    sim = {"manifest": {"$BASE_DIR": ".", "$INPUT_DIR": "$BASE_DIR/inputs"},
           "run": {"tstop": 40.0, **({"dt": dt} if dt else {})}, "target_simulator": "NEST",
           "inputs": {"ext_spikes": {"input_type": "spikes", "module": "h5", "input_file": "$INPUT_DIR/spikes.h5",
                                     "node_set": "external"}}}
    (tmp_path / "circuit_config.json").write_text(json.dumps(circuit))
    (tmp_path / "simulation_config.json").write_text(json.dumps(sim))
    return tmp_path / "circuit_config.json", tmp_path / "simulation_config.json"


@pytest.fixture(autouse=True)
def _reset():
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")


def _edges(nc, src, tgt, model=None):
    c = nest.GetConnections(src, tgt, synapse_model=model)
    s0, t0 = src[0].global_id, tgt[0].global_id
    # delays come back as steps times the resolution (1.2 -> 1.2000000000000002, as in NEST)
    return sorted(zip(np.array(c.source) - s0, np.array(c.target) - t0, c.weight, np.round(c.delay, 12),
                      c.synapse_model))


def test_build_nodes_edges_and_simulate(tmp_path):
    cfg, sim = make_circuit(tmp_path)
    net = nest.SonataNetwork(cfg, sim_config=sim)
    assert nest.resolution == 0.1
    ncs = net.BuildNetwork()
    internal, external = ncs["internal"], ncs["external"]
    assert len(internal) == 6 and len(external) == 3 and nest.network_size == 9
    assert internal.get("model") == ("iaf_psc_alpha",) * 6 and external.get("model") == ("spike_train_injector",) * 3
    for k, t in enumerate(INT_TYPES):
        p = PARAMS["A.json" if t == 10 else "B.json"]
        got = internal[k].get(list(p))
        assert got == p
    for k, ts in SPIKES.items():
        # allow_offgrid_times: an off-grid time is moved to the next grid point (3.25 -> 3.3)
        assert list(external[k].get("spike_times")) == pytest.approx([3.3 if t == 3.25 else t for t in ts])
        assert external[k].get("allow_offgrid_times")
    assert nest.num_connections == len(II["src"]) + len(EI["src"])
    want_ii = sorted(zip(II["src"], II["tgt"], II["w"], II["d"], ["static_synapse"] * 7))
    assert _edges(net, internal, internal) == want_ii
    default_delay = nest.GetDefaults("static_synapse", "delay")
    # a weight in the dynamics_params JSON file overrides the table's syn_weight (as in PyNEST)
    by_type = {200: (3.0, 2.0, "static_synapse"), 201: (7.0, default_delay, "static_synapse"),
               202: (2.5, 2.0, "stdp_synapse")}
    want_ei = sorted((s, t) + by_type[ty] for s, t, ty in zip(EI["src"], EI["tgt"], EI["type"]))
    assert _edges(net, external, internal) == want_ei
    stdp = nest.GetConnections(external, internal, synapse_model="stdp_synapse")
    assert stdp.get("tau_plus") == [15.0, 15.0] and stdp.get("Wmax") == [50.0, 50.0]
    net.Simulate()
    assert nest.biological_time == 40.0


def test_hyperslab_size_does_not_change_the_network(tmp_path):
    cfg, sim = make_circuit(tmp_path)
    net = nest.SonataNetwork(cfg, sim_config=sim)
    ncs = net.BuildNetwork(hdf5_hyperslab_size=2)
    a = _edges(net, ncs["internal"], ncs["internal"]) + _edges(net, ncs["external"], ncs["internal"])
    nest.ResetKernel()
    net = nest.SonataNetwork(cfg, sim_config=sim)
    ncs = net.BuildNetwork()
    assert a == _edges(net, ncs["internal"], ncs["internal"]) + _edges(net, ncs["external"], ncs["internal"])


def _record_injectors(tmp_path):
    """The circuit built and simulated with a spike_recorder on its injectors: its events and the
    first injector's node id."""
    cfg, sim = make_circuit(tmp_path)
    net = nest.SonataNetwork(cfg, sim_config=sim)
    ncs = net.BuildNetwork()
    sr = nest.Create("spike_recorder")
    nest.Connect(ncs["external"], sr)
    net.Simulate()
    return sr.events, ncs["external"][0].global_id


def test_spike_train_injectors_drive_their_targets(tmp_path):
    ev, first = _record_injectors(tmp_path)
    got = sorted(zip(ev["senders"] - first, ev["times"]))
    want = sorted((k, 3.3 if t == 3.25 else t) for k, ts in SPIKES.items() for t in ts)
    assert [g[0] for g in got] == [w[0] for w in want]
    assert [g[1] for g in got] == pytest.approx([w[1] for w in want])


def test_errors(tmp_path):
    cfg, sim = make_circuit(tmp_path / "a", extra_group=True)
    net = nest.SonataNetwork(cfg, sim_config=sim)
    with pytest.raises(nest.NESTError, match="must be created before"):
        net.Connect()
    with pytest.raises(nest.NESTError, match="must be built before"):
        net.Simulate()
    with pytest.raises(nest.NESTErrors.NotImplemented, match="more than one edge group"):
        net.BuildNetwork()
    with pytest.raises(ValueError, match="strictly positive"):
        net.BuildNetwork(hdf5_hyperslab_size=0)
    with pytest.raises(TypeError, match="must be passed as int"):
        net.BuildNetwork(hdf5_hyperslab_size=2.0)

    nest.ResetKernel()
    cfg, sim = make_circuit(tmp_path / "b", tgt_pop="nowhere")
    net = nest.SonataNetwork(cfg, sim_config=sim)
    with pytest.raises(nest.NESTErrors.KernelException, match="Unable to find target node population 'nowhere'"):
        net.BuildNetwork()

    nest.ResetKernel()
    cfg, sim = make_circuit(tmp_path / "c", simulator="NEURON")
    with pytest.raises(ValueError, match="'target_simulator' in configuration file must be 'NEST'"):
        nest.SonataNetwork(cfg)
    cfg, sim = make_circuit(tmp_path / "d", dt=None)
    with pytest.raises(ValueError, match="Time resolution 'dt' must be specified"):
        nest.SonataNetwork(cfg, sim_config=sim)
    with pytest.raises(TypeError, match="must be passed as str"):
        nest.SonataNetwork(42)


def test_without_h5py(tmp_path, monkeypatch):
    # PyNEST's error when h5py cannot be imported
    import sys
    from nestj.lib import hl_api_sonata
    cfg, sim = make_circuit(tmp_path)
    monkeypatch.setattr(hl_api_sonata, "h5py", None)
    monkeypatch.setitem(sys.modules, "h5py", None)
    with pytest.raises(nest.NESTError, match="SonataNetwork unavailable because h5py is not installed"):
        nest.SonataNetwork(cfg, sim_config=sim)


def test_recorder_holds_spikes_up_to_tstop(tmp_path, monkeypatch):
    # NEST's test_sonata.py counts the 300_pointneurons spikes up to tstop, those of the last min_delay
    # slice included (NEST hands a spike to recorders when it is sent): here an injector spike at 39.8 ms,
    # in the last slice [39.5, 40) of tstop 40 (min_delay 0.5 ms)
    monkeypatch.setitem(SPIKES, 1, [7.5, 39.8])
    ev, _ = _record_injectors(tmp_path)
    assert nest.min_delay == 0.5
    assert sorted(ev["times"]) == pytest.approx(sorted([3.3, 5.0, 7.5, 9.0, 12.3, 15.5, 39.8]))
