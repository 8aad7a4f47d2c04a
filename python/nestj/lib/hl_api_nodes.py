"""Node creation (PyNEST's lib/hl_api_nodes)."""
import warnings

import numpy as np

from ..ll_api import bridge, check_call, to_java
from .hl_api_exceptions import NESTErrors
from .hl_api_helper import _is_value_sequence
from .hl_api_types import NodeCollection, Parameter

__all__ = ["Create", "GetLocalNodeCollection", "GetNodes", "PrintNodes"]


def Create(model, n=1, params=None, positions=None):
    """Create n nodes of the given model; params is a dict (values may be per-node lists or
    Parameters) or a list of n dicts."""
    if not isinstance(model, str):
        # PyNEST writes the model into SLI code as a name (/model): any other value names a model too,
        # which then is not known (UnknownModelName)
        model = str(model)
    if isinstance(n, dict) and params is None:
        # PyNEST passes n to SLI's Create, which also takes a status dict: Create(model, {...}) is one node
        n, params = 1, n
    if isinstance(n, NodeCollection) or not isinstance(n, (int, np.integer)):
        raise TypeError("n must be an integer")
    if n < 1:
        raise NESTErrors.BadProperty("Create", "n must be positive")
    if positions is not None:
        from .hl_api_spatial import _create_spatial
        return _create_spatial(model, n, params, positions)
    # As PyNEST: a non-empty dictionary of single values goes to SLI's Create (see _create_with_params);
    # any other params (per-node lists or Parameters, a list of dictionaries, anything else) are set with
    # SetStatus once the nodes exist, and if that fails, a warning names the nodes created
    # (a string counts as iterable here, as in PyNEST's test)
    scalar_dict = isinstance(params, dict) and params and not any(
        _is_value_sequence(v) or isinstance(v, (str, Parameter)) for v in params.values())
    if scalar_dict:
        return _create_with_params(model, int(n), params)
    first = int(check_call("Create", bridge.create, model, int(n)))
    nc = NodeCollection._from_range(first, int(n), model)
    if params is not None:
        from .hl_api_info import SetStatus
        try:
            if isinstance(params, (list, tuple)) and len(params) != len(nc):
                raise TypeError("status dict must be a dict, or a list of dicts of length {}".format(len(nc)))
            SetStatus(nc, params)
        except Exception:
            warnings.warn("SetStatus() call failed, but nodes have already been created! The node IDs of the "
                          "new nodes are: {0}.".format(nc))
            raise
    return nc


def _create_with_params(model, n, params):
    """SLI's Create_l_i_D: neurons and stimulators are made while params are their model's defaults
    (each key must be one of the model's defaults, else DictError before any node exists; the values
    are checked by SetDefaults, and the previous defaults are restored afterwards), so prototype-only
    properties such as individual_spike_trains are accepted here; recorders are made first and then
    given params with SetStatus."""
    from .hl_api_models import GetDefaults, SetDefaults
    defaults = GetDefaults(model)
    if defaults.get("element_type") == "recorder":
        first = int(check_call("Create", bridge.create, model, n))
        nc = NodeCollection._from_range(first, n, model)
        check_call("SetStatus", bridge.setStatus, to_java(nc._gids), to_java(params))
        return nc
    for k in params:
        if k not in defaults:
            raise NESTErrors.UndefinedName("get_d", "Key '/{}' does not exist in dictionary.".format(k))
    saved = {k: defaults[k] for k in params}
    SetDefaults(model, params)
    try:
        first = int(check_call("Create", bridge.create, model, n))
    finally:
        SetDefaults(model, saved)
    return NodeCollection._from_range(first, n, model)


def GetNodes(properties=None, local_only=False):
    """All nodes, or those whose status matches every key/value pair of properties (NEST's
    NodeManager::get_nodes: a key a node's status lacks does not exclude it). The values are read
    one key at a time for each range of nodes of one model, not one status per node."""
    n = int(bridge.networkSize())
    nc = NodeCollection._from_range(1, n) if n else NodeCollection([])
    if not properties:
        return nc
    keep = []
    for f, l, m in nc._blocks():
        match = np.ones(l - f + 1, dtype=bool)
        block = NodeCollection._from_range(f, l - f + 1, m)
        for k, v in properties.items():
            if k == "model":
                vals = (m,)
            else:
                try:
                    vals = block.get(k)
                except (KeyError, NESTErrors.NESTError):
                    continue   # the model has no such key
                if l == f:
                    vals = (vals,)
            match &= np.fromiter((_node_value_matches(x, v) for x in vals), dtype=bool, count=len(vals))
            if not match.any():
                break
        keep.extend(np.arange(f, l + 1)[match].tolist())
    return NodeCollection(keep)


def _node_value_matches(value, wanted):
    """NEST's token comparison in get_nodes: equal values, or equal as text (a model name given as
    a string or a literal)."""
    try:
        eq = value == wanted
        if isinstance(eq, np.ndarray):
            eq = eq.shape == np.shape(value) and bool(eq.all())
        if eq:
            return True
    except (TypeError, ValueError):
        pass
    return str(value) == str(wanted)


def GetLocalNodeCollection(nc):
    return nc


def PrintNodes():
    """Print the node id ranges and model names of all nodes (NEST's PrintNodesToStream: one line
    per range of consecutive nodes of one model)."""
    import math
    n = int(bridge.networkSize())
    if not n:
        print("")
        return
    ranges = []
    for f, l, m in NodeCollection._from_range(1, n)._blocks():
        if ranges and ranges[-1][2] == m and ranges[-1][1] + 1 == f:
            ranges[-1][1] = l
        else:
            ranges.append([f, l, m])
    w = int(math.floor(math.log10(n)))
    lines = []
    for f, l, m in ranges:
        r = "{:>{w}}".format(f, w=w + 1)
        if l != f:
            r += " .. " + "{:>{w}}".format(l, w=w + 1)
        lines.append("{:<{w}} {}".format(r, m, w=6 + 2 * w))
    print("\n".join(lines))
