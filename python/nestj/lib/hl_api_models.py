"""Models (PyNEST's lib/hl_api_models)."""
from ..ll_api import bridge, check_call, to_java, to_py
from .hl_api_helper import _is_value_sequence, deprecated

__all__ = ["ConnectionRules", "CopyModel", "GetDefaults", "Models", "SetDefaults"]


@deprecated("nest.node_models or nest.synapse_models")
def Models(mtype="all", sel=None):
    if mtype not in ("all", "nodes", "synapses"):
        raise ValueError("mtype has to be one of 'all', 'nodes', or 'synapses'")
    models = []
    if mtype in ("all", "nodes"):
        models += list(to_py(bridge.nodeModels()))
    if mtype in ("all", "synapses"):
        models += list(to_py(bridge.synapseModels()))
    if sel is not None:
        models = [m for m in models if sel in m]
    return tuple(sorted(models))


@deprecated("nest.connection_rules")
def ConnectionRules():
    return tuple(sorted(to_py(bridge.getKernelStatus())["connection_rules"]))


def SetDefaults(model, params, val=None):
    if val is not None:
        if isinstance(params, str):
            params = {params: val}
    check_call("SetDefaults", bridge.setDefaults, model, to_java(params))


def GetDefaults(model, keys=None, output=""):
    if keys is not None and not isinstance(keys, str) and not _is_value_sequence(keys):
        raise TypeError("keys should be either a string or an iterable")
    from .hl_api_types import _finish_dict
    result = _finish_dict(to_py(check_call("GetDefaults", bridge.getDefaults, model)))
    if keys is not None:
        if isinstance(keys, str):
            result = result[keys]
        else:
            result = tuple(result[k] for k in keys)
    if output == "json":
        from .hl_api_types import to_json
        return to_json(result)
    return result


def CopyModel(existing, new, params=None):
    check_call("CopyModel", bridge.copyModel, existing, new, to_java(params or {}))
