"""Simulation control (PyNEST's lib/hl_api_simulation)."""
from contextlib import contextmanager

from ..ll_api import bridge, check_call, to_java, to_py

__all__ = ["Cleanup", "DisableStructuralPlasticity", "EnableStructuralPlasticity", "GetKernelStatus", "Install",
           "Prepare", "ResetKernel", "Run", "RunManager", "SetKernelStatus", "Simulate"]


def Simulate(t):
    """Simulate the network for t milliseconds."""
    check_call("Simulate", bridge.simulate, float(t))


def Run(t):
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
    check_call("ResetKernel", bridge.resetKernel)
    # NEST's kernel fingerprint: NodeCollections made before this point are no longer valid
    from .. import ll_api
    ll_api.kernel_generation += 1


def SetKernelStatus(params):
    check_call("SetKernelStatus", bridge.setKernelStatus, to_java(dict(params)))


def GetKernelStatus(keys=None):
    d = to_py(check_call("GetKernelStatus", bridge.getKernelStatus))
    if keys is None:
        return d
    if isinstance(keys, str):
        if keys not in d:
            raise KeyError(keys)
        return d[keys]
    return tuple(d[k] for k in keys)


def Install(module_name):
    from .hl_api_exceptions import NESTErrors
    raise NESTErrors.DynamicModuleManagementError("Install", "nestj has no extension modules: '%s'" % module_name)


def EnableStructuralPlasticity():
    """Enable structural plasticity for the network simulation."""
    check_call("EnableStructuralPlasticity", bridge.enableStructuralPlasticity)


def DisableStructuralPlasticity():
    """Disable structural plasticity for the network simulation."""
    check_call("DisableStructuralPlasticity", bridge.disableStructuralPlasticity)
