"""nestj — NEST's simulation semantics in a Java engine, driven through a PyNEST mirror.

``import nestj as nest`` (or ``python3 -m nestj script.py``, which makes ``import nest`` resolve here)
gives PyNEST 3.9's API; all state updates happen in the JVM.
"""
import sys
import types

from . import ll_api  # starts the JVM
from .ll_api import set_communicator  # noqa: F401
from .lib.hl_api_exceptions import NESTError, NESTErrors  # noqa: F401
from . import kernel  # noqa: F401
from .lib.hl_api_connections import *  # noqa: F401,F403
from .lib.hl_api_info import *  # noqa: F401,F403
from .lib.hl_api_models import *  # noqa: F401,F403
from .lib.hl_api_nodes import *  # noqa: F401,F403
from .lib.hl_api_parallel_computing import *  # noqa: F401,F403
from .lib.hl_api_simulation import *  # noqa: F401,F403
from .lib.hl_api_types import *  # noqa: F401,F403
from .lib.hl_api_helper import *  # noqa: F401,F403
from .lib.hl_api_spatial import *  # noqa: F401,F403
from .lib.hl_api_sonata import *  # noqa: F401,F403
from .lib.hl_api_types import _get_status  # noqa: F401

from . import random, math, logic, spatial, spatial_distributions  # noqa: F401,E402

__version__ = "3.9.0"


def version():
    return "NEST 3.9.0 (nestj)"


_lazy = {"raster_plot", "voltage_trace", "visualization"}

# PyNEST's names of the kernel attributes and of the read-only ones
from .lib.hl_api_simulation import KERNEL_ATTR_NAMES as _kernel_attr_names  # noqa: E402
from .lib.hl_api_simulation import READONLY_KERNEL_ATTRS as _readonly_kernel_attrs  # noqa: E402

# kernel attributes readable as nest.<name>, as PyNEST's KernelAttribute properties
_READONLY = {"T_max", "T_min", "biological_time_readonly", "connection_rules", "growth_curves", "local_spike_counter",
             "max_update_time", "min_update_time", "modules", "ms_per_tic", "network_size", "node_models",
             "num_connections", "num_processes", "prepared", "recording_backends", "rng_types",
             "stimulation_backends", "synapse_models", "tics_per_step", "time_simulate", "to_do",
             "local_num_threads_readonly", "kernel_status"}


def _kernel_keys():
    return set(GetKernelStatus().keys())  # noqa: F405


def __getattr__(name):
    if name in _lazy:
        import importlib
        return importlib.import_module("." + name, __name__)
    if name.startswith("__"):
        raise AttributeError(name)
    st = GetKernelStatus()  # noqa: F405
    if name == "kernel_status":   # PyNEST's KernelAttribute: the complete kernel status
        return st
    if name in st:
        return st[name]
    raise AttributeError("module 'nest' has no attribute '%s'" % name)


class _NestModule(types.ModuleType):
    def __setattr__(self, name, value):
        if not name.startswith("_") and name not in self.__dict__ and name in _kernel_keys():
            if name in _READONLY:
                raise AttributeError("`{}` is a read only kernel attribute.".format(name))
            SetKernelStatus({name: value})  # noqa: F405
            return
        super().__setattr__(name, value)

    # nest.set(**kw) / nest.get(*keys), as PyNEST's NestModule: forwarded to Set/GetKernelStatus
    def set(self, **kwargs):
        return SetKernelStatus(kwargs)  # noqa: F405

    def get(self, *args):
        if not args:
            return GetKernelStatus()  # noqa: F405
        if len(args) == 1:
            return GetKernelStatus(args[0])  # noqa: F405
        return GetKernelStatus(args)  # noqa: F405

    def __dir__(self):
        return sorted(set(super().__dir__()) | _kernel_keys())


sys.modules[__name__].__class__ = _NestModule
