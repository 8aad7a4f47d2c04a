"""Networks in the SONATA format (PyNEST's lib/hl_api_sonata; NEST's nestkernel/sonata_connector).

``SonataNetwork(config, sim_config=None)`` reads a SONATA circuit: JSON configuration files whose
manifest paths are resolved against the file's directory, node populations from HDF5 node files and
whitespace-separated node-type tables, edges from HDF5 edge files and edge-type tables. As in NEST:
- node types of model type ``point_neuron``/``point_process`` become the NEST model named by
  ``model_template`` (``nest:`` prefix dropped) with the parameters of their ``dynamics_params`` JSON
  file; ``virtual`` populations become ``spike_train_injector`` nodes playing the spike trains of the
  simulation config's input file for that population (``allow_offgrid_times``);
- each edge connects the source population's node at index ``source_node_id`` to the target
  population's node at index ``target_node_id`` (populations named by the datasets'
  ``node_population`` attributes), in file order, with the synapse model and parameters of its edge
  type; weight and delay from the edge group's ``syn_weight``/``delay`` datasets, else from the edge
  type, else the synapse model's defaults; exactly one edge group per population;
- the HDF5 files are read in hyperslabs of ``hdf5_hyperslab_size`` rows.
Reading the files needs h5py (NEST's kernel reads the edges with the HDF5 C++ library; here they are
read in Python and connected with one array call per run of edges of one synapse model).
"""
import itertools
import json
from pathlib import Path, PurePath

import numpy as np

from .hl_api_exceptions import NESTError, NESTErrors
from .hl_api_models import GetDefaults
from .hl_api_nodes import Create
from .hl_api_simulation import SetKernelStatus, Simulate
from .hl_api_types import NodeCollection

h5py = None  # imported by the first SonataNetwork (h5py takes a while to import; most scripts never need it)

__all__ = ["SonataNetwork"]

# synapse properties an edge type cannot set through its parameter dictionary (NEST's skip_syn_params_)
_SKIP_SYN_PARAMS = {"weight", "delay", "min_delay", "max_delay", "num_connections", "synapse_model"}


def _kernel_error(msg):
    return NESTErrors.KernelException("ConnectSonata", msg)


def _read_table(fn):
    """A whitespace-separated table with a header line, as {column: list of values}; a column whose
    cells all read as integers holds ints, one whose cells all read as numbers floats, else strings."""
    with open(fn) as fp:
        rows = [line.split() for line in fp if line.strip()]
    if not rows:
        raise ValueError(f"Empty table {fn}")
    header, body = rows[0], rows[1:]
    for r in body:
        if len(r) != len(header):
            raise ValueError(f"Row {' '.join(r)!r} of {fn} does not have {len(header)} columns")
    table = {}
    for j, name in enumerate(header):
        cells = [r[j] for r in body]
        for conv in (int, float):
            try:
                table[name] = [conv(c) for c in cells]
                break
            except ValueError:
                continue
        else:
            table[name] = cells
    return table


def _rows(table):
    names = list(table)
    return [dict(zip(names, vals)) for vals in zip(*(table[n] for n in names))]


class SonataNetwork:
    """Build and simulate a network described in the SONATA format (see the module docstring).

    ``config``: path (str or pathlib) of the circuit's JSON configuration; ``sim_config``: optional
    second JSON file with the simulation parameters (``run``: ``dt``, ``tstop`` or ``duration``;
    ``inputs``). The constructor sets the kernel's resolution to ``run['dt']``."""

    def __init__(self, config, sim_config=None):
        global h5py
        if h5py is None:
            try:
                import h5py as _h5py
            except ImportError:
                raise NESTError("SonataNetwork unavailable because h5py is not installed or could not be imported") from None
            h5py = _h5py
        self._node_collections = {}
        self._edges_maps = []
        self._hyperslab_size_default = 2 ** 20
        self._are_nodes_created = False
        self._is_network_built = False
        self._conf = self._parse_config(config)
        if sim_config is not None:
            self._conf.update(self._parse_config(sim_config))
        if self._conf["target_simulator"] != "NEST":
            raise ValueError("'target_simulator' in configuration file must be 'NEST'.")
        if "dt" not in self._conf["run"]:
            raise ValueError("Time resolution 'dt' must be specified in configuration file")
        SetKernelStatus({"resolution": self._conf["run"]["dt"]})

    @staticmethod
    def _parse_config(config):
        """The JSON file as a dict, manifest variables ($NAME) replaced by absolute paths: a manifest
        entry containing $BASE_DIR has it replaced by '.', and every entry is taken relative to the
        file's directory; then every string value starting with '$' has the manifest names replaced."""
        if not isinstance(config, (str, PurePath, Path)):
            raise TypeError("Path to JSON configuration file must be passed as str, pathlib.PurePath or pathlib.Path")
        conf_path = Path(config).resolve(strict=True)
        base_path = conf_path.parent
        with open(conf_path) as fp:
            conf = json.load(fp)
        manifest = {}
        for key, value in conf["manifest"].items():
            if "$BASE_DIR" in value:
                value = value.replace("$BASE_DIR", ".")
            manifest[key[1:] if key.startswith("$") else key] = base_path.joinpath(value).as_posix()
        conf["manifest"] = manifest

        def substitute(obj):
            if isinstance(obj, dict):
                return {k: substitute(v) for k, v in obj.items()}
            if isinstance(obj, list):
                return [substitute(v) for v in obj]
            if isinstance(obj, str) and obj.startswith("$"):
                for name, path in manifest.items():
                    obj = obj.replace(name, path)
                return obj[1:]
            return obj

        conf.update(substitute(conf))
        return conf

    # ----------------------------------------------------------------------------------- nodes

    def Create(self):
        """Create the nodes of every node population; returns {population name: NodeCollection}."""
        for nodes_conf in self._conf["networks"]["nodes"]:
            csv_fn = nodes_conf["node_types_file"]
            table = _read_table(csv_fn)
            model_types = table["model_type"]
            if any(m != model_types[0] for m in model_types):
                raise ValueError(f"Only one model type per node types CSV file is supported. {csv_fn} contains "
                                 "more than one.")
            model_type = model_types[0]
            if model_type in ("point_neuron", "point_process"):
                self._create_neurons(nodes_conf, table, csv_fn)
            elif model_type == "virtual":
                self._create_spike_train_injectors(nodes_conf)
            else:
                raise ValueError(f"Model type '{model_type}' in {csv_fn} is not supported by NEST.")
        self._are_nodes_created = True
        return self._node_collections

    def _node_params(self, dynamics_params):
        path = PurePath(self._conf["components"]["point_neuron_models_dir"], dynamics_params)
        with open(path) as fp:
            return json.load(fp)

    def _create_neurons(self, nodes_conf, table, csv_fn):
        if "model_template" not in table:
            raise ValueError(f"Missing the required 'model_template' header specifying NEST neuron models in {csv_fn}.")
        if "dynamics_params" not in table:
            raise ValueError("Missing the required 'dynamics_params' header specifying .json files with model "
                             f"parameters in {csv_fn}")
        types = {row["node_type_id"]: {"model_template": str(row["model_template"]).replace("nest:", ""),
                                       "dynamics_params": row["dynamics_params"]} for row in _rows(table)}
        models = [t["model_template"] for t in types.values()]
        one_model = models[0] if all(m == models[0] for m in models) else None
        with h5py.File(nodes_conf["nodes_file"], "r") as h5f:
            for pop_name in h5f["nodes"]:
                type_ids = h5f["nodes"][pop_name]["node_type_id"][:]
                if one_model is not None:
                    nodes = Create(one_model, n=type_ids.size)
                    uniq, inv = np.unique(type_ids, return_inverse=True)
                    for i, type_id in enumerate(uniq):
                        nodes[inv == i].set(self._node_params(types[int(type_id)]["dynamics_params"]))
                else:
                    nodes = NodeCollection()
                    for type_id, run in itertools.groupby(type_ids):
                        t = types[int(type_id)]
                        nodes += Create(t["model_template"], n=len(list(run)),
                                        params=self._node_params(t["dynamics_params"]))
                self._node_collections[pop_name] = nodes

    def _create_spike_train_injectors(self, nodes_conf):
        with h5py.File(nodes_conf["nodes_file"], "r") as h5f:
            for pop_name in h5f["nodes"]:
                n_nodes = h5f["nodes"][pop_name]["node_type_id"].size
                input_file = None
                for inputs in self._conf["inputs"].values():
                    if inputs["node_set"] == pop_name:
                        input_file = inputs["input_file"]
                        break
                if input_file is None:
                    raise ValueError(f"Could not find an input file for population {pop_name} in config file.")
                with h5py.File(input_file, "r") as in_h5f:
                    members = list(in_h5f["spikes"].values())
                    groups = [isinstance(g, h5py.Group) for g in members]
                    if any(groups) and not all(groups):
                        raise ValueError("Unsupported HDF5 structure; groups and datasets cannot be on the same "
                                         f"hierarchical level in input spikes file {input_file}")
                    if all(groups) and groups:
                        if pop_name not in in_h5f["spikes"]:
                            raise ValueError(f"Did not find a matching HDF5 group name for population {pop_name} "
                                             f"in {input_file}")
                        grp = in_h5f["spikes"][pop_name]
                    else:
                        grp = in_h5f["spikes"]
                    if "gids" in grp:
                        node_ids = grp["gids"][:]
                    elif "node_ids" in grp:
                        node_ids = grp["node_ids"][:]
                    else:
                        raise ValueError(f"No dataset called 'gids' or 'node_ids' in {input_file}")
                    timestamps = grp["timestamps"][:]
                params = [{"spike_times": timestamps[node_ids == k], "allow_offgrid_times": True}
                          for k in range(n_nodes)]
                self._node_collections[pop_name] = Create("spike_train_injector", n=n_nodes, params=params)

    # ----------------------------------------------------------------------------------- edges

    def Connect(self, hdf5_hyperslab_size=None):
        """Create the connections of every edge file (see the module docstring)."""
        if not self._are_nodes_created:
            raise NESTError("The SONATA network nodes must be created before any connections can be made")
        if hdf5_hyperslab_size is None:
            hdf5_hyperslab_size = self._hyperslab_size_default
        self._verify_hyperslab_size(hdf5_hyperslab_size)
        self._create_edges_maps()
        for edges_map in self._edges_maps:
            _SonataEdges(edges_map, self._node_collections, hdf5_hyperslab_size).connect()
        self._is_network_built = True

    @staticmethod
    def _verify_hyperslab_size(size):
        if not isinstance(size, int) or isinstance(size, bool):
            raise TypeError("hdf5_hyperslab_size must be passed as int")
        if size <= 0:
            raise ValueError("hdf5_hyperslab_size must be strictly positive")

    def _create_edges_maps(self):
        """Per edge file: {edge type id: syn_spec} from its edge-type table (model_template ->
        synapse_model, syn_weight -> weight; the columns the synapse model has as defaults, plus the
        contents of the dynamics_params JSON file) and the HDF5 file name."""
        self._edges_maps = []
        for edges_conf in self._conf["networks"]["edges"]:
            csv_fn = edges_conf["edge_types_file"]
            table = _read_table(csv_fn)
            if "model_template" not in table:
                raise ValueError(f"Missing the required 'model_template' header specifying NEST synapse models in "
                                 f"{csv_fn}.")
            renames = {"model_template": "synapse_model", "syn_weight": "weight"}
            table = {renames.get(k, k): v for k, v in table.items()}
            syn_specs = {}
            for row in _rows(table):
                settable = set(GetDefaults(row["synapse_model"]))
                spec = {k: v for k, v in row.items() if k in settable}
                if "dynamics_params" in row:
                    with open(PurePath(self._conf["components"]["synaptic_models_dir"], row["dynamics_params"])) as fp:
                        spec.update(json.load(fp))
                syn_specs[row["edge_type_id"]] = spec
            self._edges_maps.append({"syn_specs": syn_specs, "edges_file": edges_conf["edges_file"]})

    def BuildNetwork(self, hdf5_hyperslab_size=None):
        """Create() then Connect(); returns {population name: NodeCollection}."""
        if hdf5_hyperslab_size is not None:
            self._verify_hyperslab_size(hdf5_hyperslab_size)
        node_collections = self.Create()
        self.Connect(hdf5_hyperslab_size=hdf5_hyperslab_size)
        return node_collections

    def Simulate(self):
        """Simulate for the configuration's run time ('tstop', else 'duration')."""
        if not self._is_network_built:
            raise NESTError("The SONATA network must be built before a simulation can be done")
        run = self._conf["run"]
        if "tstop" in run:
            t_sim = run["tstop"]
        elif "duration" in run:
            t_sim = run["duration"]
        else:
            raise ValueError("Simulation time 'tstop' or 'duration' must be specified in configuration file")
        Simulate(t_sim)

    @property
    def node_collections(self):
        return self._node_collections

    @property
    def config(self):
        return self._conf


class _SonataEdges:
    """The connections of one edge file (NEST's SonataConnector)."""

    def __init__(self, edges_map, nodes, hyperslab_size):
        self.fname = edges_map["edges_file"]
        self.syn_specs = edges_map["syn_specs"]
        self.nodes = nodes
        self.hyperslab_size = hyperslab_size
        self.types = {}

    def _type(self, type_id):
        """(synapse model, weight or None, delay or None, {parameter: value}) of an edge type."""
        if type_id not in self.types:
            spec = self.syn_specs.get(type_id)
            if spec is None:
                raise _kernel_error(f"Edge type id {type_id} in {self.fname} is not in the edge types table")
            model = spec["synapse_model"]
            defaults = GetDefaults(model)
            params = {k: spec[k] for k in defaults if k not in _SKIP_SYN_PARAMS and k in spec}
            # a weight or delay that is missing or NaN (an empty table cell) takes the model's default
            wd = [spec.get(k) for k in ("weight", "delay")]
            wd = [None if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in wd]
            self.types[type_id] = (model, wd[0], wd[1], params, defaults)
        return self.types[type_id]

    def connect(self):
        try:
            f = h5py.File(self.fname, "r")
        except OSError as e:
            raise _kernel_error(f"Could not open HDF5 file {self.fname}: {e}") from None
        with f:
            if "edges" not in f:
                raise _kernel_error(f"Could not open HDF5 group edges in {self.fname}")
            top = f["edges"]
            for pop_name in sorted(top):
                self._connect_population(top[pop_name])

    def _dataset(self, grp, name):
        if name not in grp:
            raise _kernel_error(f"Could not open {name} dataset in {self.fname}")
        return grp[name]

    def _population(self, dset):
        if "node_population" not in dset.attrs:
            raise _kernel_error(f"Unable to read attribute of source_node_id or target_node_id in {self.fname}")
        name = dset.attrs["node_population"]
        return name.decode() if isinstance(name, bytes) else str(name)

    def _connect_population(self, pop_grp):
        edge_groups = [k for k in pop_grp if k.isdigit()]
        if len(edge_groups) != 1:
            raise NESTErrors.NotImplemented(
                "ConnectSonata", "Connecting with SONATA files with more than one edge group is currently not implemented")
        edge_grp = pop_grp[edge_groups[0]]
        src = self._dataset(pop_grp, "source_node_id")
        tgt = self._dataset(pop_grp, "target_node_id")
        etype = self._dataset(pop_grp, "edge_type_id")
        weight = edge_grp["syn_weight"] if "syn_weight" in edge_grp else None
        delay = edge_grp["delay"] if "delay" in edge_grp else None
        n = tgt.shape[0]
        if src.shape[0] != n:
            raise _kernel_error(f"target_node_id and source_node_id datasets in {self.fname} must be of the same size")
        if etype.shape[0] != n:
            raise _kernel_error(f"target_node_id and edge_type_id datasets in {self.fname} must be of the same size")
        for name, d in (("syn_weight", weight), ("delay", delay)):
            if d is not None and d.shape[0] != n:
                raise _kernel_error(f"target_node_id and {name} datasets in {self.fname} must be of the same size")
        src_pop, tgt_pop = self._population(src), self._population(tgt)
        for pop, role in ((src_pop, "source"), (tgt_pop, "target")):
            if pop not in self.nodes:
                raise _kernel_error(
                    f"Unable to find {role} node population '{pop}' in node collection dictionary. Error caused by "
                    f"the population name specified by attribute of {role}_node_id dataset in {self.fname}")
        src_gids = np.asarray(self.nodes[src_pop]._gids, dtype=np.int64)
        tgt_gids = np.asarray(self.nodes[tgt_pop]._gids, dtype=np.int64)
        step = min(self.hyperslab_size, n) if n else 1
        for off in range(0, n, step):
            sl = slice(off, min(off + step, n))
            self._connect_chunk(src_gids[src[sl].astype(np.int64)], tgt_gids[tgt[sl].astype(np.int64)],
                                etype[sl], None if weight is None else weight[sl].astype(float),
                                None if delay is None else delay[sl].astype(float))

    def _connect_chunk(self, pre, post, etypes, weights, delays):
        """Connect the chunk's edges in file order, one array call per run of edges of one synapse model."""
        from .hl_api_connections import Connect
        uniq, inv = np.unique(np.asarray(etypes), return_inverse=True)
        kinds = [self._type(int(t)) for t in uniq]
        names = sorted({m for m in (k[0] for k in kinds)})
        model_idx = np.array([names.index(k[0]) for k in kinds])[inv]
        # a run ends where the synapse model changes
        bounds = np.concatenate(([0], np.flatnonzero(np.diff(model_idx)) + 1, [len(inv)]))
        for start, stop in zip(bounds[:-1], bounds[1:]):
            model = names[model_idx[start]]
            run = inv[start:stop]
            defaults = kinds[run[0]][4]

            def per_type(value_of):
                return np.array([value_of(k) for k in kinds])[run]

            w = weights[start:stop] if weights is not None else \
                per_type(lambda k: float(k[1] if k[1] is not None else defaults["weight"]))
            d = delays[start:stop] if delays is not None else \
                per_type(lambda k: float(k[2] if k[2] is not None else defaults["delay"]))
            spec = {"synapse_model": model, "weight": w, "delay": d}
            present = sorted(set().union(*(kinds[j][3] for j in np.unique(run))))
            for name in present:
                spec[name] = per_type(lambda k: k[3].get(name, defaults[name]) if k[0] == model else defaults[name])
            Connect(pre[start:stop], post[start:stop], "one_to_one", spec)
