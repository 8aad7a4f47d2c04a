"""Connections (PyNEST's lib/hl_api_connections)."""
import numpy as np

from ..ll_api import bridge, check_call, to_java, to_py
from .hl_api_exceptions import NESTError, NESTErrors
from .hl_api_types import CollocatedSynapses, NodeCollection, Parameter, SynapseCollection, _check_valid

__all__ = ["Connect", "Disconnect", "GetConnections", "TripartiteConnect"]


def _flatten_syn_arrays(spec, conn_spec, prelength, postlength, use_connect_arrays=False):
    """NEST's shape rules for per-connection arrays (PyNEST's _process_syn_spec): 1-D arrays for
    one_to_one (length n) and fixed_total_number (length N); 2-D arrays for all_to_all
    (n_target x n_source), fixed_indegree (n_target x indegree), fixed_outdegree (n_source x outdegree)."""
    rule = conn_spec.get("rule", "all_to_all")
    out = {}
    for key, value in spec.items():
        if key in ("synapse_model", "synapse_label") or isinstance(value, Parameter):
            out[key] = value
            continue
        if isinstance(value, (list, tuple)):
            value = np.asarray(value)
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, np.ndarray):
            if value.ndim == 0:
                out[key] = value.item()
                continue
            if value.ndim == 1:
                if rule == "one_to_one":
                    if value.shape[0] != prelength:
                        if use_connect_arrays:
                            raise NESTError("'{}' has to be an array of dimension {}.".format(key, prelength))
                        raise NESTError("'{}' has to be an array of dimension {}, a scalar or a dictionary.".format(
                            key, prelength))
                elif rule == "fixed_total_number":
                    if "N" in conn_spec and value.shape[0] != conn_spec["N"]:
                        raise NESTError("'{}' has to be an array of dimension {}, a scalar or a dictionary".format(
                            key, conn_spec["N"]))
                else:
                    raise NESTError("'{}' has the wrong type. One-dimensional parameter arrays can only be used in "
                                    "conjunction with rule 'one_to_one' or 'fixed_total_number'.".format(key))
            elif value.ndim == 2:
                if rule == "all_to_all":
                    if value.shape[0] != postlength or value.shape[1] != prelength:
                        raise NESTError("'{}' has to be an array of dimension {}x{} (n_target x n_sources), a scalar "
                                        "or a dictionary.".format(key, postlength, prelength))
                elif rule == "fixed_indegree":
                    indegree = conn_spec["indegree"]
                    if value.shape[0] != postlength or value.shape[1] != indegree:
                        raise NESTError("'{}' has to be an array of dimension {}x{} (n_target x indegree), a scalar "
                                        "or a dictionary.".format(key, postlength, indegree))
                elif rule == "fixed_outdegree":
                    outdegree = conn_spec["outdegree"]
                    if value.shape[0] != prelength or value.shape[1] != outdegree:
                        raise NESTError("'{}' has to be an array of dimension {}x{} (n_sources x outdegree), a scalar "
                                        "or a dictionary.".format(key, prelength, outdegree))
                else:
                    raise NESTError("'{}' has the wrong type. Two-dimensional parameter arrays can only be used in "
                                    "conjunction with rules 'all_to_all', 'fixed_indegree' or fixed_outdegree'.".format(key))
            else:
                raise NESTError("'{}' has the wrong type: parameter arrays must be one- or two-dimensional.".format(key))
            if value.dtype.kind in "iu":
                out[key] = np.ascontiguousarray(value.ravel(), dtype=np.int64)
            else:
                out[key] = np.ascontiguousarray(value.ravel(), dtype=np.float64)
        else:
            out[key] = value
    return out


def _prepare_syn_spec(syn_spec, conn_spec=None, prelength=0, postlength=0, use_connect_arrays=False):
    if syn_spec is None:
        return {}
    if isinstance(syn_spec, str):
        return {"synapse_model": syn_spec}
    if not isinstance(syn_spec, dict):
        raise TypeError("syn_spec must be a string, a dict or a CollocatedSynapses object")
    if "synapse_model" in syn_spec and not isinstance(syn_spec["synapse_model"], str):
        raise NESTError("'synapse_model' must be a string")
    return _flatten_syn_arrays(syn_spec, conn_spec or {"rule": "all_to_all"}, prelength, postlength,
                               use_connect_arrays)


def _check_array_params(syn_spec, n):
    """NEST's ConnectionManager::connect_arrays for the syn_spec entries other than weight, delay and
    synapse_model: each must be a parameter of the synapse model (else BadParameter), values are taken per
    connection (scalars repeated), and where the model's default is an integer the values must be whole
    numbers below 2^31 (else BadParameter); they then go on as integers. Changes syn_spec in place."""
    keys = [key for key in syn_spec if key not in ("weight", "delay", "synapse_model")]
    if not keys:
        return
    model = syn_spec["synapse_model"]
    from .hl_api_models import GetDefaults
    try:
        defaults = GetDefaults(model)
    except NESTError:
        return      # an unknown model: the engine's Connect raises NEST's error for it
    if defaults.get("element_type") != "synapse":
        return      # a node model or recording backend: the engine raises NEST's UnknownSynapseType
    for key in keys:
        if key not in defaults:
            raise NESTErrors.BadParameter("Connect", "{} does not have parameter {}".format(model, key))
        value = syn_spec[key]
        if isinstance(value, Parameter):
            continue
        default = defaults[key]
        if isinstance(default, (int, np.integer)) and not isinstance(default, bool):
            v = np.broadcast_to(np.asarray(value), (n,))
            if v.dtype.kind == "f":
                if np.any(v > 2.0 ** 31) or np.any(v != np.trunc(v)):
                    raise NESTErrors.BadParameter(
                        "Connect", "Expected integer value for {}, but got double.".format(key))
            syn_spec[key] = np.ascontiguousarray(v, dtype=np.int64)


def _process_input_nodes(pre, post, conn_spec):
    """PyNEST's check of pre and post: NodeCollections, or id lists converted to NodeCollections when
    their ids are unique (and the rule is not one_to_one), else id arrays for pairwise connection."""
    one_to_one = (conn_spec if not isinstance(conn_spec, dict) else conn_spec.get("rule", "all_to_all")) == "one_to_one"
    pre_nc, post_nc = True, True
    if not isinstance(pre, NodeCollection):
        if not one_to_one and len(set(pre)) == len(pre):
            pre = NodeCollection(pre)
        else:
            pre_nc = False
    if not isinstance(post, NodeCollection):
        if not one_to_one and len(set(post)) == len(post):
            post = NodeCollection(post)
        else:
            post_nc = False
    if pre_nc and post_nc:
        return False, pre, post
    if len(pre) != len(post):
        raise NESTErrors.ArgumentType("Connect", "If `pre` or `post` contain non-unique IDs, then they must have the same length.")
    pre = np.asarray(pre._gids if isinstance(pre, NodeCollection) else pre)
    post = np.asarray(post._gids if isinstance(post, NodeCollection) else post)
    if not issubclass(pre.dtype.type, (int, np.integer)):
        raise NESTErrors.ArgumentType("Connect", " `pre` IDs should be integers.")
    if not issubclass(post.dtype.type, (int, np.integer)):
        raise NESTErrors.ArgumentType("Connect", " `post` IDs should be integers.")
    if not (pre.ndim == 1 and post.ndim == 1):
        raise ValueError("Sources and targets must be 1-dimensional arrays")
    if not one_to_one:
        raise ValueError("When connecting two arrays with non-unique IDs, `conn_spec` must be 'one_to_one'.")
    return True, pre.astype(np.int64), post.astype(np.int64)


def Connect(pre, post, conn_spec=None, syn_spec=None, return_synapsecollection=False):
    """Connect pre to post with the rule in conn_spec (default all_to_all) and the synapse in syn_spec.

    pre and post may also be lists or arrays of node ids (PyNEST's _process_input_nodes): ids that are
    unique become NodeCollections; otherwise (or with one_to_one) the arrays are connected pair by pair
    (PyNEST's connect_arrays), which needs conn_spec 'one_to_one' and a syn_spec with the synapse model."""
    use_arrays, pre, post = _process_input_nodes(pre, post, conn_spec)
    if use_arrays:
        if return_synapsecollection:
            raise ValueError("SynapseCollection cannot be returned when connecting two arrays of node IDs")
        # PyNEST's _process_syn_spec: the synapse model defaults to static_synapse for connect_arrays
        if syn_spec is None:
            syn_spec = {"synapse_model": "static_synapse"}
        elif isinstance(syn_spec, str):
            syn_spec = {"synapse_model": syn_spec}
        elif isinstance(syn_spec, dict):
            syn_spec = dict(syn_spec)
            syn_spec.setdefault("synapse_model", "static_synapse")
        else:
            raise TypeError("syn_spec must be a string, dict or CollocatedSynapses object")
        if "weights" in syn_spec:
            raise ValueError("To specify weights, use 'weight' in syn_spec.")
        if "delays" in syn_spec:
            raise ValueError("To specify delays, use 'delay' in syn_spec.")
        spec = {"rule": "one_to_one"}
        # PyNEST's connect_arrays takes weights and delays only as arrays, one value per connection
        for key, name in (("weight", "weights"), ("delay", "delays")):
            if key in syn_spec and np.asarray(syn_spec[key]).ndim != 1:
                raise TypeError("{} must be a 1-dimensional NumPy array".format(name))
        syn_spec = _prepare_syn_spec(syn_spec, spec, len(pre), len(post), use_connect_arrays=True)
        _check_array_params(syn_spec, len(pre))
        check_call("connect_arrays", bridge.connect, to_java(pre), to_java(post), to_java(spec), to_java(syn_spec))
        return None
    if not pre or not post:
        # NEST's ConnectionManager::connect
        raise NESTErrors.IllegalConnection("Connect_g_g_D_D", "Creation of connection is not possible because:\n%s "
                                           "nodes cannot be an empty NodeCollection" % ("Presynaptic" if not pre else
                                                                                        "Postsynaptic"))
    _check_valid("Connect", pre, post, message="InvalidNodeCollection: sources and targets must be valid "
                 "NodeCollections.")
    if conn_spec is None:
        conn_spec = {"rule": "all_to_all"}
    elif isinstance(conn_spec, str):
        conn_spec = {"rule": conn_spec}
    elif not isinstance(conn_spec, dict):
        raise TypeError("conn_spec must be a string or a dict")
    from .hl_api_spatial import _connect_layers_needed, _connect_spatial
    if "rule" in conn_spec and _connect_layers_needed(conn_spec, syn_spec):
        _connect_spatial(pre, post, conn_spec, syn_spec)
        if return_synapsecollection:
            return GetConnections(pre, post)
        return None
    if isinstance(syn_spec, CollocatedSynapses):
        from ..ll_api import _MapArr
        maps = _MapArr([to_java(_prepare_syn_spec(spec, conn_spec, len(pre), len(post))) for spec in syn_spec.syn_specs])
        check_call("Connect_g_g_D_a", bridge.connectCollocated, to_java(pre._gids), to_java(post._gids), to_java(conn_spec),
                   maps)
    else:
        check_call("Connect", bridge.connect, to_java(pre._gids), to_java(post._gids), to_java(conn_spec),
                   to_java(_prepare_syn_spec(syn_spec, conn_spec, len(pre), len(post))))
    if return_synapsecollection:
        return GetConnections(pre, post)


def TripartiteConnect(pre, post, third, conn_spec, third_factor_conn_spec, syn_specs=None):
    """Connect pre to post with the primary rule in conn_spec and attach nodes of third with the third-factor
    rule (third_factor_bernoulli_with_pool): syn_specs maps "primary" (pre to post), "third_in" (pre to third)
    and "third_out" (third to post) to a synapse specification (default static_synapse)."""
    for name, x in (("Presynaptic", pre), ("Postsynaptic", post), ("Third-factor", third)):
        if not isinstance(x, NodeCollection):
            raise TypeError("{} nodes must be a NodeCollection".format(name))
    syn_specs = dict(syn_specs) if syn_specs is not None else dict()
    for key in ("primary", "third_in", "third_out"):
        if key not in syn_specs:
            syn_specs[key] = {"synapse_model": "static_synapse"}
        elif isinstance(syn_specs[key], str):
            syn_specs[key] = {"synapse_model": syn_specs[key]}
        if not isinstance(syn_specs[key], CollocatedSynapses):
            syn_specs[key] = CollocatedSynapses(syn_specs[key])
        for synspec in syn_specs[key].syn_specs:
            for entry, value in synspec.items():
                if isinstance(value, (list, tuple, np.ndarray)):
                    raise ValueError(
                        f"Tripartite connections do not accept parameter lists,"
                        f"but 'syn_specs[{key}][{entry}]' is a list or similar."
                    )
    if isinstance(conn_spec, str):
        conn_spec = {"rule": conn_spec}
    if isinstance(third_factor_conn_spec, str):
        third_factor_conn_spec = {"rule": third_factor_conn_spec}
    from ..ll_api import _MapArr

    def maps(key, a, b):
        return _MapArr([to_java(_prepare_syn_spec(spec, {"rule": "all_to_all"}, len(a), len(b)))
                        for spec in syn_specs[key].syn_specs])

    check_call("TripartiteConnect", bridge.connectTripartite, to_java(pre._gids), to_java(post._gids), to_java(third._gids),
               to_java(conn_spec), to_java(third_factor_conn_spec), maps("primary", pre, post),
               maps("third_in", pre, third), maps("third_out", third, post))


def GetConnections(source=None, target=None, synapse_model=None, synapse_label=None):
    """The connections from source to target (None: any) of the given synapse model, optionally only
    those with the given synapse_label (labelled *_lbl models); sorted by source, then target."""
    from ..ll_api import _LongArr
    for name, x in (("source", source), ("target", target)):
        if x is not None and not isinstance(x, NodeCollection):
            raise TypeError("{} must be a NodeCollection".format(name))
        if x is not None:
            _check_valid("GetConnections", x, message="GetConnection requires valid {} NodeCollection.".format(name))
    s = _LongArr(source._gids) if source is not None else None
    t = _LongArr(target._gids) if target is not None else None
    if synapse_model is not None and not isinstance(synapse_model, str):
        raise NESTErrors.TypeMismatch("GetConnections", "synapse_model must be a string.")
    if synapse_label is None:
        m = check_call("GetConnections", bridge.getConnections, s, t, synapse_model)
    else:
        if isinstance(synapse_label, bool) or not isinstance(synapse_label, (int, np.integer)):
            raise NESTErrors.TypeMismatch("GetConnections", "synapse_label must be an integer.")
        m = check_call("GetConnections", bridge.getConnectionsLabel, s, t, synapse_model, int(synapse_label))
    return SynapseCollection._from_java(m)


def Disconnect(*args, conn_spec=None, syn_spec=None):
    """Disconnect the connections of a SynapseCollection, or pre from post with the rule in conn_spec
    ('one_to_one' (default) or 'all_to_all') and the synapse model in syn_spec (default
    static_synapse): for each pair the rule names, one connection of that model is removed; a pair
    without such a connection raises InexistentConnection."""
    if len(args) == 1:
        synapsecollection = args[0]
        if not isinstance(synapsecollection, SynapseCollection):
            raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")
        if conn_spec is not None or syn_spec is not None:
            raise ValueError("When disconnecting with a SynapseCollection, conn_spec and syn_spec cannot be specified")
        synapsecollection.disconnect()
    elif len(args) == 2:
        conn_spec = "one_to_one" if conn_spec is None else conn_spec
        syn_spec = "static_synapse" if syn_spec is None else syn_spec
        if isinstance(conn_spec, str):
            conn_spec = {"rule": conn_spec}
        if isinstance(syn_spec, str):
            syn_spec = {"synapse_model": syn_spec}
        pre, post = args
        if not isinstance(pre, NodeCollection) or not isinstance(post, NodeCollection):
            raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")
        if not isinstance(conn_spec, dict) or not isinstance(syn_spec, dict):
            raise TypeError("conn_spec and syn_spec must be strings or dicts")
        from ..ll_api import _LongArr
        spec = {k: v for k, v in syn_spec.items() if not isinstance(v, Parameter)}
        check_call("Disconnect", bridge.disconnect, _LongArr(pre._gids), _LongArr(post._gids), to_java(conn_spec),
                   to_java(spec))
    else:
        raise TypeError("Arguments must be either a SynapseCollection or two NodeCollections")
