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


class KernelAttribute:
    """A kernel property readable (and, unless read only, settable) as ``nest.<name>`` (PyNEST's
    KernelAttribute descriptor); ``_default`` is its value after ResetKernel."""

    def __init__(self, readonly=False, default=None):
        self._readonly = readonly
        self._default = default

    def __set_name__(self, cls, name):
        self._name = name

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        if self._name == "kernel_status":
            return GetKernelStatus()  # noqa: F405
        return GetKernelStatus(self._name)  # noqa: F405

    def __set__(self, instance, value):
        if self._readonly:
            raise AttributeError("`{}` is a read only kernel attribute.".format(self._name))
        SetKernelStatus({self._name: value})  # noqa: F405


# NEST 3.9's kernel attributes: name -> (read only, value after ResetKernel)
_KERNEL_ATTRIBUTES = {
    "kernel_status": (True, None), "resolution": (False, 0.1), "biological_time": (False, None),
    "to_do": (True, None), "max_delay": (False, 0.1), "min_delay": (False, 0.1), "ms_per_tic": (True, None),
    "tics_per_ms": (False, 1000.0), "tics_per_step": (True, None), "T_max": (True, None), "T_min": (True, None),
    "rng_types": (True, None), "rng_type": (False, "mt19937_64"), "rng_seed": (False, 143202461),
    "total_num_virtual_procs": (False, 1), "local_num_threads": (False, 1), "num_processes": (True, None),
    "off_grid_spiking": (True, None), "adaptive_target_buffers": (False, True),
    "send_buffer_size_secondary_events": (True, None), "recv_buffer_size_secondary_events": (True, None),
    "buffer_size_spike_data": (False, 2), "buffer_size_target_data": (False, 2),
    "growth_factor_buffer_target_data": (False, 1.5), "max_buffer_size_target_data": (False, 16777216),
    "spike_buffer_grow_extra": (False, 0.5), "spike_buffer_shrink_limit": (False, 0.2),
    "spike_buffer_shrink_spare": (False, 0.1), "spike_buffer_resize_log": (True, None), "use_wfr": (False, True),
    "wfr_comm_interval": (False, 1.0), "wfr_tol": (False, 0.0001), "wfr_max_iterations": (False, 15),
    "wfr_interpolation_order": (False, 3), "max_num_syn_models": (True, None),
    "structural_plasticity_synapses": (False, None), "structural_plasticity_update_interval": (False, 10000),
    "growth_curves": (True, None), "use_compressed_spikes": (False, True), "data_path": (False, None),
    "data_prefix": (False, None), "overwrite_files": (False, False), "print_time": (False, False),
    "network_size": (True, None), "num_connections": (True, None), "connection_rules": (True, None),
    "node_models": (True, None), "synapse_models": (True, None), "local_spike_counter": (True, None),
    "recording_backends": (True, None), "stimulation_backends": (True, None), "dict_miss_is_error": (False, True),
    "keep_source_table": (False, True), "min_update_time": (True, None), "max_update_time": (True, None),
    "update_time_limit": (False, float("inf")), "eprop_update_interval": (False, 1000.0),
    "eprop_learning_window": (False, 1000.0), "eprop_reset_neurons_on_update": (False, True),
}


class _NestModule(types.ModuleType):
    """The nest module's type: kernel attributes are descriptors on it; once the package is
    imported, assigning anything but a kernel attribute or a submodule raises AttributeError
    (as PyNEST's frozen module)."""

    _frozen = False

    def __setattr__(self, name, value):
        if not type(self)._frozen or isinstance(value, types.ModuleType):
            super().__setattr__(name, value)
            return
        cls_attr = getattr(type(self), name, None)
        if isinstance(cls_attr, KernelAttribute):
            cls_attr.__set__(self, value)
            return
        if not name.startswith("_") and name not in self.__dict__ and name in _kernel_keys():
            # further kernel status entries nestj exposes as nest.<name>
            if name in _READONLY:
                raise AttributeError("`{}` is a read only kernel attribute.".format(name))
            SetKernelStatus({name: value})  # noqa: F405
            return
        raise AttributeError("Cannot set attribute '{}' on module 'nest'".format(name))

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


for _name, (_ro, _default) in _KERNEL_ATTRIBUTES.items():
    _ka = KernelAttribute(_ro, _default)
    setattr(_NestModule, _name, _ka)
    _ka.__set_name__(_NestModule, _name)
userdict = {}
sys.modules[__name__].__class__ = _NestModule
_NestModule._frozen = True
# the kernel's messages of its start (NEST prints them while it initialises)
ll_api.print_engine_messages()
