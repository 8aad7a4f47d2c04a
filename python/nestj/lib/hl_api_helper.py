"""Helpers shared by the hl_api modules (PyNEST's lib/hl_api_helper)."""
import functools
import numbers
import os
import pydoc
import textwrap
import warnings

import numpy as np

from .. import kernel

__all__ = ["broadcast", "deprecated", "get_parameters", "get_parameters_hierarchical_addressing", "get_wrapped_text",
           "is_iterable", "is_literal", "is_sequence_of_connections", "is_sequence_of_node_ids", "is_string",
           "load_help", "model_deprecation_warning", "restructure_data", "show_deprecation_warning",
           "show_help_with_pager", "stringify_path", "SuppressedDeprecationWarning"]

# PyNEST's flags that print each deprecation warning once: the @deprecated decorator registers the
# deprecated functions; models to be removed would be entered here with their replacement (NEST 3.9
# has none but its placeholder entry)
_deprecation_warning = {"deprecated_model": {"deprecation_issued": False, "replacement": "replacement_mod"}}


def format_Warning(message, category, filename, lineno, line=None):
    """PyNEST's warning format ("file:line: Category:message", no source line); importing PyNEST installs
    it for the whole process, and so does importing nestj."""
    return "%s:%s: %s:%s\n" % (filename, lineno, category.__name__, message)


warnings.formatwarning = format_Warning


def get_wrapped_text(text, width=80):
    """text wrapped at width, its newlines kept and runs of whitespace within a line made one space."""
    lines = text.split("\n")
    lines = [textwrap.fill(" ".join(line.split()), width=width) for line in lines]
    return "\n".join(lines)


def show_deprecation_warning(func_name, alt_func_name=None, text=None):
    """PyNEST's deprecation warning for func_name (once per process, for the names registered in
    _deprecation_warning)."""
    if func_name in _deprecation_warning:
        if not _deprecation_warning[func_name]["deprecation_issued"]:
            if text is None:
                text = ("{0} is deprecated and will be removed in a future version of NEST.\n"
                        "Please use {1} instead!").format(func_name, alt_func_name)
                text = get_wrapped_text(text)
            warnings.warn("\n" + text)  # the text starts on a line of its own
            _deprecation_warning[func_name]["deprecation_issued"] = True


def is_literal(obj):
    """True for a string or an SLILiteral."""
    return isinstance(obj, (str, kernel.SLILiteral))


def is_string(obj):
    return isinstance(obj, str)


def is_iterable(seq):
    """True if iter(seq) works (strings included, as in PyNEST)."""
    try:
        iter(seq)
    except TypeError:
        return False
    return True


def _is_value_sequence(seq):
    """nestj's own test where a value may be a scalar, a string or a sequence of values: iterable and
    not a string."""
    return not isinstance(seq, str) and is_iterable(seq)


def is_sequence_of_connections(seq):
    """True if the first element of seq is a dictionary or a sequence of PyNEST's connection length."""
    try:
        cnn = next(iter(seq))
        return isinstance(cnn, dict) or len(cnn) == kernel.CONN_LEN
    except TypeError:
        pass
    return False


def is_sequence_of_node_ids(seq):
    """True if every element of seq is a non-negative int."""
    return all(isinstance(n, int) and n >= 0 for n in seq)


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
    """Decorator for deprecated functions: PyNEST's warning at the first call, then the function."""
    def deprecated_decorator(func):
        _deprecation_warning[func.__name__] = {"deprecation_issued": False}

        @functools.wraps(func)
        def new_func(*args, **kwargs):
            show_deprecation_warning(func.__name__, alt_func_name, text=text)
            return func(*args, **kwargs)

        return new_func

    return deprecated_decorator


def model_deprecation_warning(model):
    """PyNEST's warning for a model that is to be removed (those entered in _deprecation_warning)."""
    if model in _deprecation_warning:
        if not _deprecation_warning[model]["deprecation_issued"]:
            text = ("The {0} model is deprecated and will be removed in a future version of NEST, "
                    "use {1} instead.").format(model, _deprecation_warning[model]["replacement"])
            show_deprecation_warning(model, text=text)


def stringify_path(filepath):
    import pathlib
    if isinstance(filepath, pathlib.Path):
        return str(filepath)
    return filepath


def restructure_data(result, keys):
    """PyNEST's restructuring of a list of status dicts (keys a name or None) or of value lists (keys
    a sequence of names): for one element its value(s), else per key the list over the elements
    (None where an element lacks a key that others have)."""
    if is_literal(keys):
        if len(result) != 1:
            all_keys = sorted({key for result_dict in result for key in result_dict})
            final_result = []
            for result_dict in result:
                if keys in result_dict.keys():
                    final_result.append(result_dict[keys])
                elif keys in all_keys:
                    final_result.append(None)
        else:
            final_result = result[0][keys]
    elif is_iterable(keys):
        if len(result) != 1:
            final_result = {key: [val[i] for val in result] for i, key in enumerate(keys)}
        else:
            final_result = {key: val[i] for val in result for i, key in enumerate(keys)}
    elif keys is None:
        if len(result) != 1:
            all_keys = sorted({key for result_dict in result for key in result_dict})
            final_result = {key: [d[key] if key in d.keys() else None for d in result] for key in all_keys}
        else:
            final_result = {key: result_dict[key] for result_dict in result for key in result[0]}
    return final_result


def get_parameters(nc, param):
    """Values of param (a name: as NodeCollection.get(name); a sequence of names: a dict of those)."""
    if is_literal(param):
        return nc.get(str(param))
    if is_iterable(param):
        return {name: nc.get(name) for name in param}
    raise TypeError("Params should be either a string or an iterable")


def get_parameters_hierarchical_addressing(nc, params):
    """NodeCollection.get(path, names): the values of names (a name or a sequence of names) within the
    dictionary that the name path gives for each node."""
    if is_literal(params[0]):
        value_list = nc.get(params[0])
        if not isinstance(value_list, tuple):
            value_list = (value_list,)
    else:
        raise TypeError("First argument must be a string, specifying path into hierarchical dictionary")
    result = restructure_data(value_list, None)
    if is_literal(params[-1]):
        return result[params[-1]]
    return {key: result[key] for key in params[-1]}


# NEST 3.9's documentation of its models; nestj does not ship NEST's help files
_DOC_URL = "https://nest-simulator.readthedocs.io/en/v3.9/models/{}.html"


def load_help(obj):
    """The help text (reStructuredText) of the model obj: NEST's documentation page of the model and
    its defaults in nestj. FileNotFoundError if obj is not a model."""
    from ..ll_api import bridge, to_py
    name = str(obj)
    models = set(to_py(bridge.nodeModels())) | set(to_py(bridge.synapseModels()))
    if name not in models:
        raise FileNotFoundError("Sorry, there is no help for '{}'.".format(name))
    from .hl_api_models import GetDefaults
    defaults = GetDefaults(name)
    lines = [name, "=" * len(name), "",
             "NEST 3.9's documentation of this model: " + _DOC_URL.format(defaults.get("model", name)), "",
             "Defaults", "--------", ""]
    for key in sorted(defaults):
        lines.append("{} : {!r}".format(key, defaults[key]))
    return "\n".join(lines) + "\n"


def show_help_with_pager(obj):
    """The help text of obj in Python's pager."""
    pydoc.pager(load_help(obj))


class SuppressedDeprecationWarning:
    """Context manager turning off the deprecation warnings of the named functions (a name or an
    iterable of names), and the kernel's deprecation messages, within it (PyNEST's)."""

    def __init__(self, no_dep_funcs):
        self._no_dep_funcs = no_dep_funcs if not is_string(no_dep_funcs) else (no_dep_funcs,)
        self._deprecation_status = {}
        from .hl_api_info import get_verbosity
        self._verbosity_level = get_verbosity()

    def __enter__(self):
        from .hl_api_info import set_verbosity, verbosity
        for func_name in self._no_dep_funcs:
            # as in PyNEST, the flags themselves (not copies): __exit__ leaves them as set here
            self._deprecation_status[func_name] = _deprecation_warning[func_name]
            _deprecation_warning[func_name]["deprecation_issued"] = True
            if self._verbosity_level <= verbosity("M_DEPRECATED"):
                set_verbosity("M_WARNING")

    def __exit__(self, *args):
        from .hl_api_info import set_verbosity
        set_verbosity(self._verbosity_level)
        for func_name, deprec_dict in self._deprecation_status.items():
            _deprecation_warning[func_name]["deprecation_issued"] = deprec_dict["deprecation_issued"]


def as_number(x):
    return isinstance(x, (numbers.Number, np.number)) and not isinstance(x, (bool, np.bool_))
