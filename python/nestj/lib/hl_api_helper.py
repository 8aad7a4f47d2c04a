"""Helpers shared by the hl_api modules (PyNEST's lib/hl_api_helper)."""
import numbers
import warnings

import numpy as np

__all__ = ["is_iterable", "is_literal", "is_sequence_of_connections", "broadcast", "deprecated", "model_deprecation_warning",
           "restructure_data", "stringify_path", "get_parameters"]


def format_Warning(message, category, filename, lineno, line=None):
    """PyNEST's warning format ("file:line: Category:message", no source line); importing PyNEST installs
    it for the whole process, and so does importing nestj."""
    return "%s:%s: %s:%s\n" % (filename, lineno, category.__name__, message)


warnings.formatwarning = format_Warning


def is_literal(obj):
    return isinstance(obj, str)


def is_iterable(seq):
    if isinstance(seq, str):
        return False
    try:
        iter(seq)
        return True
    except TypeError:
        return False


def is_sequence_of_connections(seq):
    return False


def broadcast(item, length, allowed_types, name="item"):
    if isinstance(item, allowed_types):
        return length * (item,)
    if len(item) == 1:
        return length * tuple(item)
    if len(item) != length:
        raise TypeError("'{0}' must be a single value, a list with one element or a list with {1} elements.".format(
            name, length))
    return item


def deprecated(alt_func_name, text=None):
    def deprecated_decorator(func):
        return func
    return deprecated_decorator


def model_deprecation_warning(model):
    pass


def stringify_path(filepath):
    import pathlib
    if isinstance(filepath, pathlib.Path):
        return str(filepath)
    return filepath


def restructure_data(result, keys):
    """Turns a per-node list of status dicts into PyNEST's get() shape."""
    if isinstance(keys, str):
        vals = tuple(d[keys] for d in result)
        return vals[0] if len(vals) == 1 else vals
    out = {}
    for k in keys:
        vals = tuple(d[k] for d in result)
        out[k] = vals[0] if len(vals) == 1 else vals
    return out


def get_parameters(nc, param):
    return nc.get(param)


def as_number(x):
    return isinstance(x, (numbers.Number, np.number)) and not isinstance(x, (bool, np.bool_))
