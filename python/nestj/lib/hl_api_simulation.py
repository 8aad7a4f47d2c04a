"""Simulation control (PyNEST's lib/hl_api_simulation)."""
import sys
from contextlib import contextmanager

from ..ll_api import _StrArr, bridge, check_call, to_java, to_py

__all__ = ["Cleanup", "DisableStructuralPlasticity", "EnableStructuralPlasticity", "GetKernelStatus", "Install",
           "Prepare", "ResetKernel", "Run", "RunManager", "SetKernelStatus", "Simulate"]


def Simulate(t):
    """Simulate the network for t milliseconds."""
    sys.stdout.flush()   # the script's output so far comes before what the run prints itself (print_time)
    check_call("Simulate", bridge.simulate, float(t))


def Run(t):
    sys.stdout.flush()
    check_call("Run", bridge.run, float(t))


def Prepare():
    check_call("Prepare", bridge.prepare)


def Cleanup():
    check_call("Cleanup", bridge.cleanup)


@contextmanager
def RunManager():
    Prepare()
    try:
        yield
    finally:
        Cleanup()


def ResetKernel():
    from .. import ll_api
    check_call("ResetKernel", bridge.resetKernel)
    # NEST's kernel fingerprint: NodeCollections made before this point are no longer valid
    ll_api.kernel_generation += 1


# PyNEST's kernel attributes (the KernelAttribute properties of its NestModule): the only keys
# SetKernelStatus passes on to the kernel, and those of them that are read-only
KERNEL_ATTR_NAMES = frozenset((
    "T_max", "T_min", "adaptive_target_buffers", "biological_time", "buffer_size_spike_data",
    "buffer_size_target_data", "connection_rules", "data_path", "data_prefix", "dict_miss_is_error",
    "eprop_learning_window", "eprop_reset_neurons_on_update", "eprop_update_interval", "growth_curves",
    "growth_factor_buffer_target_data", "keep_source_table", "kernel_status", "local_num_threads",
    "local_spike_counter", "max_buffer_size_target_data", "max_delay", "max_num_syn_models", "max_update_time",
    "min_delay", "min_update_time", "ms_per_tic", "network_size", "node_models", "num_connections", "num_processes",
    "off_grid_spiking", "overwrite_files", "print_time", "recording_backends", "recv_buffer_size_secondary_events",
    "resolution", "rng_seed", "rng_type", "rng_types", "send_buffer_size_secondary_events", "spike_buffer_grow_extra",
    "spike_buffer_resize_log", "spike_buffer_shrink_limit", "spike_buffer_shrink_spare", "stimulation_backends",
    "structural_plasticity_synapses", "structural_plasticity_update_interval", "synapse_models", "tics_per_ms",
    "tics_per_step", "to_do", "total_num_virtual_procs", "update_time_limit", "use_compressed_spikes", "use_wfr",
    "wfr_comm_interval", "wfr_interpolation_order", "wfr_max_iterations", "wfr_tol"))
READONLY_KERNEL_ATTRS = frozenset((
    "T_max", "T_min", "connection_rules", "growth_curves", "kernel_status", "local_spike_counter",
    "max_num_syn_models", "max_update_time", "min_update_time", "ms_per_tic", "network_size", "node_models",
    "num_connections", "num_processes", "off_grid_spiking", "recording_backends", "recv_buffer_size_secondary_events",
    "rng_types", "send_buffer_size_secondary_events", "spike_buffer_resize_log", "stimulation_backends",
    "synapse_models", "tics_per_step", "to_do"))


def SetKernelStatus(params):
    """Set kernel parameters. As PyNEST: a key that is no kernel attribute, or a read-only one, raises
    ValueError if dict_miss_is_error (of params, else of the kernel) is set; otherwise it is dropped
    with a warning."""
    params = dict(params)
    raise_errors = None
    for key in list(params):
        if key not in KERNEL_ATTR_NAMES:
            msg = "`{}` is not a valid kernel parameter, valid parameters are: {}".format(
                key, ", ".join("'{}'".format(p) for p in sorted(KERNEL_ATTR_NAMES)))
        elif key in READONLY_KERNEL_ATTRS:
            msg = "`{}` is a readonly kernel parameter".format(key)
        else:
            continue
        if raise_errors is None:
            raise_errors = params["dict_miss_is_error"] if "dict_miss_is_error" in params else \
                GetKernelStatus("dict_miss_is_error")
        if raise_errors:
            raise ValueError(msg)
        import warnings
        warnings.warn(msg + " \n`{}` has been ignored".format(key))
        del params[key]
    check_call("SetKernelStatus", bridge.setKernelStatus, to_java(params))


def GetKernelStatus(keys=None):
    if keys is None:
        return to_py(check_call("GetKernelStatus", bridge.getKernelStatus))
    if isinstance(keys, str):
        names = [keys]
    elif hasattr(keys, "__iter__"):
        names = list(keys)
    else:
        raise TypeError("keys should be either a string or an iterable")
    # only the entries asked for cross the bridge (the full status holds the model lists)
    d = to_py(check_call("GetKernelStatus", bridge.getKernelStatusEntries, _StrArr([str(k) for k in names])))
    for k in names:
        if k not in d:
            raise KeyError(k)
    return d[keys] if isinstance(keys, str) else tuple(d[k] for k in names)


def Install(module_name):
    from .hl_api_exceptions import NESTErrors
    raise NESTErrors.DynamicModuleManagementError("Install", "nestj has no extension modules: '%s'" % module_name)


def EnableStructuralPlasticity():
    """Enable structural plasticity for the network simulation."""
    check_call("EnableStructuralPlasticity", bridge.enableStructuralPlasticity)


def DisableStructuralPlasticity():
    """Disable structural plasticity for the network simulation."""
    check_call("DisableStructuralPlasticity", bridge.disableStructuralPlasticity)
