"""Parallel computing (PyNEST's lib/hl_api_parallel_computing): one process, local threads."""
__all__ = ["NumProcesses", "Rank", "GetLocalVPs", "SetAcceptableLatency", "SetMaxBuffered", "SyncProcesses"]


def Rank():
    return 0


def NumProcesses():
    return 1


def SetAcceptableLatency(port_name, latency):
    pass


def SetMaxBuffered(port_name, size):
    pass


def SyncProcesses():
    pass


def GetLocalVPs():
    from .hl_api_simulation import GetKernelStatus
    return range(GetKernelStatus("local_num_threads"))
