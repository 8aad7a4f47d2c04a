"""Connections (PyNEST's lib/hl_api_connections)."""
import numpy as np

from ..ll_api import bridge, check_call, to_java, to_py
from .hl_api_exceptions import NESTErrors
from .hl_api_types import CollocatedSynapses, NodeCollection, Parameter, SynapseCollection

__all__ = ["Connect", "Disconnect", "GetConnections"]


def _syn_value(v):
    if isinstance(v, (list, tuple)):
        v = np.asarray(v)
    if isinstance(v, np.ndarray):
        if v.dtype.kind in "iub" and v.ndim >= 1:
            return np.asarray(v, dtype=np.float64).ravel()
        return np.asarray(v, dtype=np.float64).ravel()
    return v


def _prepare_syn_spec(syn_spec):
    if syn_spec is None:
        return {}
    if isinstance(syn_spec, str):
        return {"synapse_model": syn_spec}
    if not isinstance(syn_spec, dict):
        raise TypeError("syn_spec must be a string, a dict or a CollocatedSynapses object")
    out = {}
    for k, v in syn_spec.items():
        if k == "synapse_model" or k == "synapse_label":
            out[k] = v
        elif isinstance(v, Parameter):
            out[k] = v
        elif isinstance(v, (list, tuple, np.ndarray)):
            out[k] = _syn_value(v)
        else:
            out[k] = v
    return out


def Connect(pre, post, conn_spec=None, syn_spec=None, return_synapsecollection=False):
    """Connect pre to post with the rule in conn_spec (default all_to_all) and the synapse in syn_spec."""
    if not isinstance(pre, NodeCollection) or not isinstance(post, NodeCollection):
        raise TypeError("Connect: pre and post must be NodeCollections")
    if not pre or not post:
        raise NESTErrors.IllegalConnection("Connect", "Connect: presynaptic and postsynaptic NodeCollections must not be empty.")
    if conn_spec is None:
        conn_spec = {"rule": "all_to_all"}
    elif isinstance(conn_spec, str):
        conn_spec = {"rule": conn_spec}
    elif not isinstance(conn_spec, dict):
        raise TypeError("conn_spec must be a string or a dict")
    if getattr(pre, "_meta", None) is not None and ("mask" in conn_spec or "p" in conn_spec and isinstance(conn_spec.get("p"), Parameter)):
        from .hl_api_spatial import _connect_spatial
        return _connect_spatial(pre, post, conn_spec, syn_spec)
    specs = syn_spec.syn_specs if isinstance(syn_spec, CollocatedSynapses) else [syn_spec]
    for spec in specs:
        check_call("Connect", bridge.connect, to_java(pre._gids), to_java(post._gids), to_java(conn_spec),
                   to_java(_prepare_syn_spec(spec)))
    if return_synapsecollection:
        return GetConnections(pre, post)


def GetConnections(source=None, target=None, synapse_model=None, synapse_label=None):
    """The connections from source to target (None: any) of the given synapse model."""
    from ..ll_api import _LongArr
    for name, x in (("source", source), ("target", target)):
        if x is not None and not isinstance(x, NodeCollection):
            raise TypeError("{} must be a NodeCollection".format(name))
    s = _LongArr(source._gids) if source is not None else None
    t = _LongArr(target._gids) if target is not None else None
    m = check_call("GetConnections", bridge.getConnections, s, t, synapse_model)
    return SynapseCollection._from_java(m)


def Disconnect(*args, conn_spec=None, syn_spec=None):
    raise NESTErrors.NotImplemented("Disconnect", "Disconnect is not available in nestj yet.")
