"""Node creation (PyNEST's lib/hl_api_nodes)."""
import warnings

import numpy as np

from ..ll_api import bridge, check_call, to_java
from .hl_api_exceptions import NESTErrors
from .hl_api_helper import is_iterable
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
    # As PyNEST: a non-empty dictionary of single values is given to the kernel's Create; any other
    # params (per-node lists or Parameters, a list of dictionaries, anything else) are set with
    # SetStatus once the nodes exist, and if that fails, a warning names the nodes created
    scalar_dict = isinstance(params, dict) and params and not any(
        is_iterable(v) or isinstance(v, Parameter) for v in params.values())
    if scalar_dict and any(k in _PROTOTYPE_ONLY for k in params):
        return _create_via_defaults(model, int(n), params)
    first = int(check_call("Create", bridge.create, model, int(n)))
    nc = NodeCollection._from_range(first, int(n), model)
    if scalar_dict:
        check_call("Create", bridge.setStatus, to_java(nc._gids), to_java(params))
    elif params is not None:
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


# Properties that NEST only accepts on a model prototype. PyNEST's Create passes a dict of scalar
# params to SLI's Create, which applies them by temporarily setting the model defaults, so these
# keys are accepted there (but not by SetStatus on existing nodes).
_PROTOTYPE_ONLY = ("individual_spike_trains",)


def _create_via_defaults(model, n, params):
    from .hl_api_models import GetDefaults, SetDefaults
    proto = {k: v for k, v in params.items() if k in _PROTOTYPE_ONLY}
    rest = {k: v for k, v in params.items() if k not in _PROTOTYPE_ONLY}
    saved = {k: GetDefaults(model, k) for k in proto}
    SetDefaults(model, proto)
    try:
        first = int(check_call("Create", bridge.create, model, n))
    finally:
        SetDefaults(model, saved)
    nc = NodeCollection._from_range(first, n, model)
    if rest:
        check_call("Create", bridge.setStatus, to_java(nc._gids), to_java(rest))
    return nc


def GetNodes(properties=None, local_only=False):
    n = int(bridge.networkSize())
    nc = NodeCollection._from_range(1, n) if n else NodeCollection([])
    if not properties:
        return nc
    keep = []
    for g in nc:
        st = g.get()
        if all(k in st and st[k] == v for k, v in properties.items()):
            keep.append(g.global_id)
    return NodeCollection(keep)


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
