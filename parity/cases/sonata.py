"""nestj's own parity cases for nest.SonataNetwork (PyNEST's hl_api_sonata, NEST's SonataConnector), in the
form of the reference suite's case files. Each case writes a small SONATA circuit into a temporary
directory (needs h5py; NEST also needs its HDF5 support and pandas), builds it with SonataNetwork and
simulates it: spike_train_injectors drive iaf_psc_alpha neurons of two node types through edges whose
weights and delays come from the edge group, the edge-type table and the dynamics_params JSON files.
Deterministic; they await NEST 3.9 recordings (listed as NO REF)."""
import json
import os
import tempfile

import numpy as np

CASES = {}

EQUAL = {"mode": "equal"}


def spikes(atol):
    return {"mode": "spikes", "atol": atol}


def trace(atol, rtol=0.0):
    return {"mode": "trace", "atol": atol, "rtol": rtol}


def _edges(fn, pop, src_pop, tgt_pop, src, tgt, types, weights=None, delays=None):
    import h5py
    with h5py.File(fn, "w") as f:
        g = f.create_group("edges/" + pop)
        g.create_dataset("source_node_id", data=np.array(src, dtype=np.uint64)).attrs["node_population"] = src_pop
        g.create_dataset("target_node_id", data=np.array(tgt, dtype=np.uint64)).attrs["node_population"] = tgt_pop
        g.create_dataset("edge_type_id", data=np.array(types, dtype=np.uint32))
        g.create_dataset("edge_group_id", data=np.zeros(len(src), dtype=np.uint16))
        g.create_dataset("edge_group_index", data=np.arange(len(src), dtype=np.uint32))
        grp = g.create_group("0")
        if weights is not None:
            grp.create_dataset("syn_weight", data=np.array(weights, dtype=float))
        if delays is not None:
            grp.create_dataset("delay", data=np.array(delays, dtype=float))


def _circuit(d):
    """Writes the circuit into directory d; returns (circuit config, simulation config)."""
    import h5py
    rng = np.random.default_rng(7)
    for sub in ("network", "components/cells", "components/syns", "inputs"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    cells = {"a.json": {"C_m": 200.0, "tau_m": 15.0, "V_th": -52.0, "t_ref": 2.0},
             "b.json": {"C_m": 300.0, "tau_m": 25.0, "V_th": -50.0, "I_e": 120.0}}
    for name, p in cells.items():
        with open(os.path.join(d, "components/cells", name), "w") as fp:
            json.dump(p, fp)
    for name, p in {"e.json": {}, "i.json": {"weight": -40.0}}.items():
        with open(os.path.join(d, "components/syns", name), "w") as fp:
            json.dump(p, fp)
    with open(os.path.join(d, "network/int_types.csv"), "w") as fp:
        fp.write("node_type_id model_type model_template dynamics_params\n"
                 "1 point_process nest:iaf_psc_alpha a.json\n2 point_process nest:iaf_psc_alpha b.json\n")
    with open(os.path.join(d, "network/ext_types.csv"), "w") as fp:
        fp.write("node_type_id model_type\n9 virtual\n")
    n_int, n_ext = 20, 10
    with h5py.File(os.path.join(d, "network/int_nodes.h5"), "w") as f:
        f.create_dataset("nodes/internal/node_type_id", data=np.array([1] * 14 + [2] * 6, dtype=np.uint64))
    with h5py.File(os.path.join(d, "network/ext_nodes.h5"), "w") as f:
        f.create_dataset("nodes/external/node_type_id", data=np.full(n_ext, 9, dtype=np.uint64))
    ids = np.repeat(np.arange(n_ext), 12)
    # each node's times ascending (spike_train_injector requires sorted spike_times)
    times = np.sort(np.round(rng.uniform(1.0, 199.0, (n_ext, 12)), 1), axis=1).ravel()
    with h5py.File(os.path.join(d, "inputs/spikes.h5"), "w") as f:
        f.create_dataset("spikes/node_ids", data=ids.astype(np.uint64))
        f.create_dataset("spikes/timestamps", data=times)
    with open(os.path.join(d, "network/ii_types.csv"), "w") as fp:
        fp.write("edge_type_id dynamics_params model_template\n1 e.json static_synapse\n2 i.json static_synapse\n")
    with open(os.path.join(d, "network/ei_types.csv"), "w") as fp:
        fp.write("edge_type_id syn_weight delay dynamics_params model_template\n5 350.0 1.5 e.json static_synapse\n")
    m = 60
    src, tgt = rng.integers(0, n_int, m), rng.integers(0, n_int, m)
    types = np.where(src >= 14, 2, 1)
    _edges(os.path.join(d, "network/ii.h5"), "internal_to_internal", "internal", "internal", src, tgt, types,
           weights=np.round(rng.uniform(20.0, 80.0, m), 3), delays=np.round(rng.uniform(0.5, 3.0, m), 1))
    es, et = rng.integers(0, n_ext, 40), rng.integers(0, n_int, 40)
    _edges(os.path.join(d, "network/ei.h5"), "external_to_internal", "external", "internal", es, et, np.full(40, 5))
    circuit = {
        "manifest": {"$BASE_DIR": "${configdir}", "$NETWORK_DIR": "$BASE_DIR/network",
                     "$COMPONENTS_DIR": "$BASE_DIR/components"},
        "components": {"point_neuron_models_dir": "$COMPONENTS_DIR/cells", "synaptic_models_dir": "$COMPONENTS_DIR/syns"},
        "networks": {
            "nodes": [{"nodes_file": "$NETWORK_DIR/int_nodes.h5", "node_types_file": "$NETWORK_DIR/int_types.csv"},
                      {"nodes_file": "$NETWORK_DIR/ext_nodes.h5", "node_types_file": "$NETWORK_DIR/ext_types.csv"}],
            "edges": [{"edges_file": "$NETWORK_DIR/ii.h5", "edge_types_file": "$NETWORK_DIR/ii_types.csv"},
                      {"edges_file": "$NETWORK_DIR/ei.h5", "edge_types_file": "$NETWORK_DIR/ei_types.csv"}]},
        "target_simulator": "NEST"}
    sim = {"manifest": {"$BASE_DIR": ".", "$INPUT_DIR": "$BASE_DIR/inputs"},
           "run": {"tstop": 200.0, "dt": 0.1}, "target_simulator": "NEST",
           "inputs": {"ext": {"input_type": "spikes", "module": "h5", "input_file": "$INPUT_DIR/spikes.h5",
                              "node_set": "external"}}}
    for name, conf in (("circuit_config.json", circuit), ("simulation_config.json", sim)):
        with open(os.path.join(d, name), "w") as fp:
            json.dump(conf, fp)
    return os.path.join(d, "circuit_config.json"), os.path.join(d, "simulation_config.json")


def small_circuit(hyperslab=None):
    """20 iaf_psc_alpha (two node types) and 10 spike_train_injectors; the neurons' spikes and V_m of
    three of them, the network's size and connection count, every connection's weight and delay."""
    def run(nest):
        with tempfile.TemporaryDirectory() as d:
            cfg, simcfg = _circuit(d)
            net = nest.SonataNetwork(cfg, sim_config=simcfg)
            ncs = net.BuildNetwork(hdf5_hyperslab_size=hyperslab)
        internal = ncs["internal"]
        sr = nest.Create("spike_recorder")
        nest.Connect(internal, sr)
        mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.5})
        nest.Connect(mm, internal[[0, 13, 17]])
        c = nest.GetConnections(target=internal)
        conns = sorted(zip(c.source, c.target, c.weight, c.delay))
        net.Simulate()
        ev = sr.get("events")
        order = np.lexsort((ev["senders"], ev["times"]))
        mev = mm.get("events")
        morder = np.lexsort((mev["senders"], mev["times"]))
        return {"size": [int(nest.network_size), int(nest.num_connections)],
                "connections": [list(map(float, x)) for x in conns],
                "spike_times": list(map(float, ev["times"][order])),
                "spike_senders": list(map(int, ev["senders"][order])),
                "V_m": list(map(float, mev["V_m"][morder]))}
    return run, {"size": EQUAL, "connections": EQUAL, "spike_times": spikes(1e-9), "spike_senders": EQUAL,
                 "V_m": trace(1e-9, 1e-9)}


CASES["small_circuit"] = small_circuit()
CASES["small_circuit_hyperslab_7"] = small_circuit(7)
