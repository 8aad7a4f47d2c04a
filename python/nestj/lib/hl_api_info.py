"""Information and status functions (PyNEST's lib/hl_api_info)."""
import sys
import textwrap

from ..ll_api import bridge
from .hl_api_helper import _is_value_sequence, load_help, show_help_with_pager
from .hl_api_types import NodeCollection, SynapseCollection

__all__ = ["authors", "get_argv", "get_verbosity", "GetStatus", "help", "helpdesk", "message", "set_verbosity",
           "SetStatus", "sysinfo", "verbosity"]

_VERBOSITY = {"M_ALL": 0, "M_DEBUG": 5, "M_STATUS": 7, "M_INFO": 10, "M_DEPRECATED": 18, "M_WARNING": 20,
              "M_ERROR": 30, "M_FATAL": 40, "M_QUIET": 100}
_level = ["M_INFO"]


def set_verbosity(level):
    if isinstance(level, int):
        for k, v in _VERBOSITY.items():
            if v == level:
                level = k
    if level not in _VERBOSITY:
        raise ValueError("unknown verbosity level %r" % level)
    _level[0] = level
    bridge.setVerbosity(_VERBOSITY[level])


def get_verbosity():
    return _VERBOSITY[_level[0]]


def verbosity(level):
    return _VERBOSITY[level]


def message(level, sender, text):
    if _VERBOSITY.get(level, 0) >= get_verbosity():
        print("%s: %s" % (sender, text))


def authors():
    print("nestj: NEST's simulation semantics in a Java engine (mirrors PyNEST 3.9).")


def helpdesk():
    """Opens NEST 3.9's documentation index in the system's browser (nestj does not ship NEST's
    documentation)."""
    import webbrowser
    webbrowser.open_new("https://nest-simulator.readthedocs.io/en/v3.9/")


def help(obj=None, return_text=False):
    """The help text of a model (see hl_api_helper.load_help) in the pager, or returned with
    return_text; without obj, nestj's module documentation."""
    if obj is not None:
        try:
            if return_text:
                return load_help(obj)
            show_help_with_pager(obj)
        except FileNotFoundError:
            print(textwrap.dedent(
                f"""
                Sorry, there is no help for model '{obj}'.
                Use the Python help() function to obtain help on PyNEST functions."""))
    else:
        import nestj
        print(nestj.__doc__)


def get_argv():
    return tuple(sys.argv)


def sysinfo():
    print("nestj, engine %s" % bridge.version())


def SetStatus(nodes, params, val=None):
    """Set parameters of nodes or connections (PyNEST's SetStatus)."""
    if not isinstance(nodes, (NodeCollection, SynapseCollection)):
        raise TypeError("The first input (nodes) must be NodeCollection or a SynapseCollection.")
    if len(nodes) == 0:
        return
    if isinstance(params, str):
        if val is None:
            raise TypeError("val must be given when params is a string")
        if _is_value_sequence(val) and not isinstance(val, (str, dict)):
            params = [{params: v} for v in val]
        else:
            params = {params: val}
    if isinstance(params, (list, tuple)) and len(nodes) != len(params):
        raise TypeError("status dict must be a dict, or a list of dicts of length {}".format(len(nodes)))
    nodes.set(params)


def GetStatus(nodes, keys=None, output=""):
    """Status of nodes or connections: a tuple with one dict (or value) per element; with
    output="json" that tuple as a JSON string."""
    if not isinstance(nodes, (NodeCollection, SynapseCollection)):
        raise TypeError("The first input (nodes) must be NodeCollection or a SynapseCollection with connection handles")
    if len(nodes) == 0:
        return "[]" if output == "json" else ()
    if keys is not None and not isinstance(keys, str) and not _is_value_sequence(keys):
        raise TypeError("keys should be either a string or an iterable")
    result = _status_tuple(nodes, keys)
    if output == "json":
        from .hl_api_types import to_json
        return to_json(result)
    return result


def _status_tuple(nodes, keys):
    if isinstance(nodes, SynapseCollection):
        if keys is None:
            d = nodes.get()
            if len(nodes) == 1:
                return (d,)
            # keys a connection's model lacks (weight of hom_w, synapse_label of unlabelled models) are left out
            return tuple({k: d[k][i] for k in d if d[k][i] is not None} for i in range(len(nodes)))
        if isinstance(keys, str):
            v = nodes.get(keys)
            return (v,) if len(nodes) == 1 else tuple(v)
        d = nodes.get(list(keys))
        if len(nodes) == 1:
            return (tuple(d[k] for k in keys),)
        return tuple(tuple(d[k][i] for k in keys) for i in range(len(nodes)))
    if keys is None:
        from .hl_api_types import _get_status
        return tuple(_get_status(nodes))
    if isinstance(keys, str):
        v = nodes.get(keys)
        return (v,) if len(nodes) == 1 else tuple(v)
    vals = [nodes.get(k) for k in keys]
    if len(nodes) == 1:
        return (tuple(vals),)
    return tuple(tuple(v[i] for v in vals) for i in range(len(nodes)))
