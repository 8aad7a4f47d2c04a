"""parity/examples_vs_logs.py's reduction of a script's output to the lines it compares."""
import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("examples_vs_logs", os.path.join(ROOT, "parity", "examples_vs_logs.py"))
evl = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evl)


def test_reduce_keeps_the_printed_numbers_only():
    nest_log = """              -- N E S T --
  Copyright (C) 2004 The NEST Initiative
 Version: 3.9.0
Nov 25 19:37:21 SimulationManager::set_status [Info]: 
    Temporal resolution changed from 0.1 to 0.01 ms.
Running simulation with dt=0.50
Nov 25 19:37:21 SimulationManager::run [Info]: 
    Simulation finished.
  Number of spikes: 16
Building time     : 2.03 s
[  50% ] Model time: 500.0 ms, Real-time factor: 1.2[ 100% ] Model time: 1000.0 ms, Real-time factor: 1.1
Excitatory rate   : 28.54 spks/s
no number here
"""
    assert evl.reduce(nest_log) == ["Running simulation with dt=0.50", "Number of spikes: 16",
                                    "Excitatory rate : 28.54 spks/s"]


def test_messages_in_order_with_their_text_joined():
    out = """Nov 25 19:37:21 SimulationManager::set_status [Info]: 
    Temporal resolution changed from 0.1 to 0.01 ms.
Running simulation with dt=0.50

Nov  5 19:37:21 SimulationManager::run [Warning]: 
    The requested simulation time is not an integer multiple of the minimal 
    delay in the network.
    
    Second paragraph.
Number of spikes: 16
"""
    assert evl.messages(out) == [
        "SimulationManager::set_status [Info]: Temporal resolution changed from 0.1 to 0.01 ms.",
        "SimulationManager::run [Warning]: The requested simulation time is not an integer multiple of the minimal "
        "delay in the network. Second paragraph."]
