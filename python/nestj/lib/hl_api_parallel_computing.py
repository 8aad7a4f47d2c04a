"""Parallel computing (PyNEST's lib/hl_api_parallel_computing): one process, local threads."""
__all__ = ["NumProcesses", "Rank", "GetLocalVPs", "SetAcceptableLatency", "SetMaxBuffered", "SyncProcesses"]


def Rank():
    return 0


def NumProcesses():
    return 1


def _music_only(name):
    # NEST defines these SLI commands only when built with MUSIC; without it, the name is undefined
    from .hl_api_exceptions import NESTErrors
    raise NESTErrors.UndefinedName(name, None)  # SLI sets no message for an undefined name


def SetAcceptableLatency(port_name, latency):
    """MUSIC's acceptable latency of an input port: nestj, like NEST built without MUSIC, has none."""
    _music_only("SetAcceptableLatency")


def SetMaxBuffered(port_name, size):
    """MUSIC's buffer size of a port: nestj, like NEST built without MUSIC, has none."""
    _music_only("SetMaxBuffered")


def SyncProcesses():
    """Synchronizes all MPI processes: nestj runs one process, so there is nothing to wait for."""


def GetLocalVPs():
    """The virtual processes of this rank (NEST's round robin over the ranks; here all of them)."""
    from .hl_api_simulation import GetKernelStatus
    return range(Rank(), GetKernelStatus("total_num_virtual_procs"), NumProcesses())
