"""NEST 3.9's signal types (Node::sends_signal / receives_signal, checked by Connection::check_connection_):
binary neurons exchange only binary transitions; spike_generator, noise_generator, multimeter and
parrot_neuron send both kinds, spike_recorder and parrot_neuron receive both, spin_detector and
correlospinmatrix_detector only binary ones. With keep_source_table false a binary neuron cannot
name the sender of a spike from a neuron (NEST reads it from the cleared source table)."""
import numpy as np
import pytest

MSG = "not compatible"


def test_spiking_and_binary_neurons_do_not_connect(nest):
    b = nest.Create("ginzburg_neuron")
    s = nest.Create("iaf_psc_alpha")
    for src, tgt in ((b, s), (s, b), (nest.Create("poisson_generator"), b), (nest.Create("dc_generator"), b),
                     (s, nest.Create("spin_detector")), (b, nest.Create("correlation_detector"))):
        with pytest.raises(nest.kernel.NESTErrors.IllegalConnection, match=MSG):
            nest.Connect(src, tgt)
    assert nest.num_connections == 0


def test_devices_and_parrots_connect_to_both(nest):
    b = nest.Create("mcculloch_pitts_neuron")
    s = nest.Create("iaf_psc_alpha")
    p = nest.Create("parrot_neuron")
    for src in (nest.Create("spike_generator"), nest.Create("noise_generator"), p):
        nest.Connect(src, b)
        nest.Connect(src, s)
    nest.Connect(b, p)
    nest.Connect(b, nest.Create("spike_recorder"))
    nest.Connect(b, nest.Create("spin_detector"))
    nest.Connect(b, nest.Create("correlospinmatrix_detector"))
    nest.Connect(nest.Create("multimeter", {"record_from": ["h"]}), b)


def test_spike_generator_drives_binary_neuron(nest):
    nest.resolution = 0.1
    nrn = nest.Create("erfc_neuron")
    sg = nest.Create("spike_generator", {"spike_times": [3.0, 3.0, 6.0]})
    nest.Connect(sg, nrn)
    mm = nest.Create("multimeter", {"record_from": ["h"], "interval": 1.0})
    nest.Connect(mm, nrn)
    nest.Simulate(9.0)
    # a doublet (up transition) adds the weight, a single spike (down transition) subtracts it
    np.testing.assert_array_equal(mm.events["h"], [0, 0, 0, 1, 1, 1, 0, 0])


def test_keep_source_table_false(nest):
    nest.keep_source_table = False
    src = nest.Create("ginzburg_neuron")
    tgt = nest.Create("ginzburg_neuron")
    nest.Connect(src, tgt)
    with pytest.raises(nest.kernel.NESTErrors.KernelException, match="keep_source_table"):
        nest.Simulate(100.0)


def test_keep_source_table_false_device_source(nest):
    nest.keep_source_table = False
    tgt = nest.Create("ginzburg_neuron")
    nest.Connect(nest.Create("spike_generator", {"spike_times": [1.0, 1.0]}), tgt)
    nest.Simulate(10.0)
