"""Connection errors carry NEST 3.9's class and full message (nestkernel/exceptions.cpp composes
IllegalConnection(msg) as "Creation of connection is not possible because:\\n" + msg, and the plain
IllegalConnection() as "Creation of connection is not possible."; PyNEST prefixes "<Class> in SLI
function <command>: ")."""
import pytest

BECAUSE = "Creation of connection is not possible because:\n"
CONNECT = "IllegalConnection in SLI function Connect_g_g_D_D: "
# node.cpp: Node::send_test_event
NO_OUTPUT = "Source node does not send output.\n  Note that recorders must be connected as Connect(neuron, recorder)."


def _message(nest, cls, f):
    with pytest.raises(cls) as e:
        f()
    return str(e.value)


def test_device_direction_errors(nest):
    n = nest.Create("iaf_psc_alpha")
    vm = nest.Create("voltmeter")
    sr = nest.Create("spike_recorder")
    dc = nest.Create("dc_generator")
    pg = nest.Create("poisson_generator")
    E = nest.NESTErrors.IllegalConnection
    no_spikes = (BECAUSE + "The target node or synapse model does not support spike input.\n"
                 "  Note that volt/multimeters must be connected as Connect(meter, neuron).")
    # node.cpp: Node::handles_test_event(SpikeEvent&), for a recorder and for a generator as target
    assert _message(nest, E, lambda: nest.Connect(n, vm)) == CONNECT + no_spikes
    assert _message(nest, E, lambda: nest.Connect(n, pg)) == CONNECT + no_spikes
    # node.cpp: Node::send_test_event
    assert _message(nest, E, lambda: nest.Connect(sr, n)) == CONNECT + BECAUSE + NO_OUTPUT
    # node.cpp: Node::handles_test_event(CurrentEvent&)
    assert _message(nest, E, lambda: nest.Connect(dc, sr)) == CONNECT + BECAUSE + (
        "The target node or synapse model does not support current input.")


def test_multimeter_errors(nest):
    n = nest.Create("iaf_psc_alpha")
    mc = nest.Create("iaf_cond_alpha_mc")
    mm = nest.Create("multimeter", params={"record_from": ["V_m"]})
    # iaf_psc_alpha::handles_test_event(DataLoggingRequest&): UnknownReceptorType(receptor_type, get_name())
    assert _message(nest, nest.NESTErrors.UnknownReceptorType,
                    lambda: nest.Connect(mm, n, syn_spec={"receptor_type": 1})) == (
        "UnknownReceptorType in SLI function Connect_g_g_D_D: Receptor type 1 is not available in iaf_psc_alpha.")
    # iaf_cond_alpha_mc::handles_test_event(DataLoggingRequest&): receptors of spikes refuse data logging
    assert _message(nest, nest.NESTErrors.IncompatibleReceptorType,
                    lambda: nest.Connect(mm, mc, syn_spec={"receptor_type": 1})) == (
        "IncompatibleReceptorType in SLI function Connect_g_g_D_D: "
        "Receptor type 1 in iaf_cond_alpha_mc does not accept DataLoggingRequest.")
    nest.Connect(mm, n)
    # UniversalDataLogger::connect_logging_device
    assert _message(nest, nest.NESTErrors.IllegalConnection, lambda: nest.Connect(mm, n)) == CONNECT + BECAUSE + (
        "Each multimeter can only be connected once to a given node.")


def test_unknown_receptor_names_no_event(nest):
    n = nest.Create("iaf_psc_alpha")
    assert _message(nest, nest.NESTErrors.UnknownReceptorType,
                    lambda: nest.Connect(n, n, syn_spec={"receptor_type": 3})) == (
        "UnknownReceptorType in SLI function Connect_g_g_D_D: Receptor type 3 is not available in iaf_psc_alpha.")


def test_rate_connection_errors(nest):
    n = nest.Create("iaf_psc_alpha")
    r = nest.Create("lin_rate_ipn")
    srg = nest.Create("step_rate_generator")
    E = nest.NESTErrors.IllegalConnection
    # node.cpp: Node::sends_secondary_event(DelayedRateConnectionEvent&) and (InstantaneousRateConnectionEvent&)
    assert _message(nest, E, lambda: nest.Connect(n, r, syn_spec={"synapse_model": "rate_connection_delayed"})) == (
        CONNECT + BECAUSE + "The source node does not support delayed rate output.")
    assert _message(nest, E, lambda: nest.Connect(srg, r, syn_spec={
        "synapse_model": "rate_connection_instantaneous"})) == (
        CONNECT + BECAUSE + "The source node does not support instantaneous rate output.")
    # node.cpp: Node::handles_test_event(DelayedRateConnectionEvent&)
    assert _message(nest, E, lambda: nest.Connect(r, n, syn_spec={"synapse_model": "rate_connection_delayed"})) == (
        CONNECT + BECAUSE + "The target node or synapse model does not support delayed rate input.")
    # a rate neuron has Node's default send_test_event
    assert _message(nest, E, lambda: nest.Connect(r, r)) == CONNECT + BECAUSE + NO_OUTPUT
    # step_rate_generator::send_test_event tests static_synapse's test node with a DelayedRateConnectionEvent
    assert _message(nest, E, lambda: nest.Connect(srg, r)) == CONNECT + BECAUSE + (
        "The target node or synapse model does not support delayed rate input.")


def test_secondary_events_without_reason(nest):
    n = nest.Create("iaf_psc_alpha")
    a = nest.Create("astrocyte_lr_1994")
    E = nest.NESTErrors.IllegalConnection
    # Node::sends_secondary_event(SICEvent&) and (LearningSignalConnectionEvent&): IllegalConnection()
    assert _message(nest, E, lambda: nest.Connect(n, n, syn_spec={"synapse_model": "sic_connection"})) == (
        CONNECT + "Creation of connection is not possible.")
    assert _message(nest, E, lambda: nest.Connect(a, n, syn_spec={
        "synapse_model": "eprop_learning_signal_connection"})) == CONNECT + "Creation of connection is not possible."


def test_model_specific_errors(nest):
    n = nest.Create("iaf_psc_alpha")
    bw = nest.Create("iaf_bw_2001")
    tum = nest.Create("iaf_tum_2000")
    sr = nest.Create("spike_recorder")
    E = nest.NESTErrors.IllegalConnection
    # iaf_bw_2001::handles_test_event(SpikeEvent&)
    assert _message(nest, E, lambda: nest.Connect(n, bw, syn_spec={"receptor_type": 3})) == CONNECT + BECAUSE + (
        "For NMDA synapses in iaf_bw_2001, pre-synaptic neuron must also be of type iaf_bw_2001")
    # iaf_tum_2000::handles_test_event(SpikeEvent&)
    assert _message(nest, E, lambda: nest.Connect(tum, tum)) == CONNECT + BECAUSE + (
        "iaf_tum_2000 neurons must be connected via receptor_type 1.")
    # clopath_synapse::check_connection: Node::register_stdp_connection of a node that archives no spikes
    assert _message(nest, E, lambda: nest.Connect(n, sr, syn_spec={"synapse_model": "clopath_synapse"})) == (
        CONNECT + BECAUSE + "The target node does not support STDP synapses.")
    # ConnectionManager::connection_required
    assert _message(nest, E, lambda: nest.Connect(nest.Create("poisson_generator"),
                                                  nest.Create("volume_transmitter"))) == CONNECT + BECAUSE + (
        "We do not allow connection of a device to a global receiver at the moment.")
    # TargetIdentifierIndex::set_rport
    ms = nest.Create("iaf_psc_exp_multisynapse", params={"tau_syn": [1.0, 2.0]})
    assert _message(nest, E, lambda: nest.Connect(n, ms, syn_spec={
        "synapse_model": "static_synapse_hpc", "receptor_type": 2})) == CONNECT + BECAUSE + (
        "Only rport==0 allowed for HPC synapses. Use normal synapse models instead. "
        "See Kunkel et al, Front Neuroinform 8:78 (2014), Sec 3.3.2.")


def test_builder_errors(nest):
    n = nest.Create("iaf_psc_alpha", 2)
    sr = nest.Create("spike_recorder")
    E = nest.NESTErrors.IllegalConnection
    # ConnectionManager::connect
    assert _message(nest, E, lambda: nest.Connect(nest.NodeCollection(), n)) == CONNECT + BECAUSE + (
        "Presynaptic nodes cannot be an empty NodeCollection")
    assert _message(nest, E, lambda: nest.Connect(n, nest.NodeCollection())) == CONNECT + BECAUSE + (
        "Postsynaptic nodes cannot be an empty NodeCollection")
    # BipartiteConnBuilder::single_connect_
    assert _message(nest, E, lambda: nest.Connect(n, sr, {"rule": "fixed_indegree", "indegree": 1})) == (
        CONNECT + BECAUSE + "Cannot use this rule to connect to nodes without proxies (usually devices).")
    # ConnectionManager::get_third_conn_builder
    assert _message(nest, E, lambda: nest.TripartiteConnect(
        n, n, nest.Create("astrocyte_lr_1994"), {"rule": "one_to_one"}, {"rule": "foo"})) == (
        "IllegalConnection in SLI function ConnectTripartite_g_g_g_D_D_D: " + BECAUSE
        + "Unknown third-factor connection rule 'foo'.")


def test_rules_that_need_proxies(nest):
    """BipartiteConnBuilder::single_connect_ refuses targets without proxies (Node::has_proxies) for
    the rules other than one_to_one and all_to_all; the correlation detectors have proxies, the
    sinusoidal generators only without individual spike trains."""
    nest.local_num_threads = 2
    n = nest.Create("iaf_psc_alpha", 20, params={"I_e": 400.0})
    E = nest.NESTErrors.IllegalConnection
    no_proxies = CONNECT + BECAUSE + "Cannot use this rule to connect to nodes without proxies (usually devices)."
    indegree = {"rule": "fixed_indegree", "indegree": 3}
    for model in ("volume_transmitter", "spike_dilutor", "poisson_generator", "sinusoidal_poisson_generator",
                  "sinusoidal_gamma_generator", "spin_detector"):
        assert _message(nest, E, lambda: nest.Connect(n, nest.Create(model), indegree)) == no_proxies, model
    nest.SetDefaults("sinusoidal_poisson_generator", {"individual_spike_trains": False})
    sp = nest.Create("sinusoidal_poisson_generator")
    # a node with proxies lives on the thread of its id (round-robin); it takes no spikes
    assert sp.get(["thread", "vp"]) == {"thread": sp.global_id % 2, "vp": sp.global_id % 2}
    assert _message(nest, E, lambda: nest.Connect(n, sp, indegree)) == CONNECT + BECAUSE + (
        "The target node or synapse model does not support spike input.\n"
        "  Note that volt/multimeters must be connected as Connect(meter, neuron).")
    cd = nest.Create("correlation_detector")
    assert cd.get("thread") == cd.global_id % 2
    nest.Connect(n, cd, indegree, {"receptor_type": 0})
    nest.Connect(n, cd, indegree, {"receptor_type": 1})
    conns = nest.GetConnections(target=cd)
    assert len(conns) == 6
    assert sorted(conns.get("receptor")) == [0, 0, 0, 1, 1, 1]
    assert set(conns.get("target_thread")) == {cd.global_id % 2}
    nest.Simulate(100.0)
    assert min(cd.get("n_events")) > 0


def test_off_grid_models(nest):
    """Node::is_off_grid: the precise models, iaf_bw_2001 and iaf_tum_2000 (their spikes carry a value
    in the offset) and spike_train_injector with precise_times; creating one sets off_grid_spiking
    (NodeManager::add_node), and iaf_tum_2000::send_test_event refuses off-grid targets of other models."""
    for model, params, off_grid in [("iaf_psc_alpha", {}, False), ("iaf_bw_2001", {}, True),
                                    ("iaf_bw_2001_exact", {}, False), ("iaf_tum_2000", {}, True),
                                    ("parrot_neuron_ps", {}, True), ("spike_train_injector", {}, False),
                                    ("spike_train_injector", {"precise_times": True}, True)]:
        nest.ResetKernel()
        nest.Create(model, params=params)
        assert nest.off_grid_spiking is off_grid, (model, params)
    nest.ResetKernel()
    tum = nest.Create("iaf_tum_2000")
    E = nest.NESTErrors.IllegalConnection
    for target in ("iaf_psc_alpha_ps", "iaf_bw_2001", "parrot_neuron_ps"):
        assert _message(nest, E, lambda: nest.Connect(tum, nest.Create(target))) == CONNECT + BECAUSE + (
            "iaf_tum_2000 neurons cannot be connected to precise spiking neurons."), target
    nest.Connect(tum, nest.Create("iaf_psc_alpha"))
    nest.Connect(tum, nest.Create("iaf_tum_2000"), syn_spec={"receptor_type": 1})
    assert nest.num_connections == 2


def test_instantaneous_rate_senders(nest):
    """Node::sends_secondary_event(InstantaneousRateConnectionEvent&): the rate neurons send instantaneous
    rates; the e-prop readouts and step_rate_generator only delayed ones."""
    E = nest.NESTErrors.IllegalConnection
    for src in ("eprop_readout", "eprop_readout_bsshslm_2020", "step_rate_generator"):
        nest.ResetKernel()
        a, b = nest.Create(src), nest.Create("lin_rate_ipn")
        assert _message(nest, E, lambda: nest.Connect(a, b, syn_spec={"synapse_model": "rate_connection_instantaneous"})) == (
            CONNECT + BECAUSE + "The source node does not support instantaneous rate output."), src
        nest.Connect(a, b, syn_spec={"synapse_model": "rate_connection_delayed"})
    nest.ResetKernel()
    a, b = nest.Create("lin_rate_ipn"), nest.Create("lin_rate_ipn")
    nest.Connect(a, b, syn_spec={"synapse_model": "rate_connection_instantaneous"})
    assert nest.num_connections == 1


def test_history_synapses_to_other_neurons(nest):
    """ConnectionManager::connect_: clopath_synapse and urbanczik_synapse into neurons without their
    history are NotImplemented (NEST's texts; urbanczik's has two spaces); into devices, which NEST
    connects without connect_, Node::register_stdp_connection refuses them."""
    n, iaf, sr = nest.Create("parrot_neuron"), nest.Create("iaf_psc_alpha"), nest.Create("spike_recorder")
    E = nest.NESTErrors.NotImplemented
    assert _message(nest, E, lambda: nest.Connect(n, iaf, syn_spec={"synapse_model": "clopath_synapse"})) == (
        "NotImplemented in SLI function Connect_g_g_D_D: "
        "This synapse model is not supported by the neuron model of at least one connection.")
    assert _message(nest, E, lambda: nest.Connect(n, iaf, syn_spec={"synapse_model": "urbanczik_synapse"})) == (
        "NotImplemented in SLI function Connect_g_g_D_D: "
        "This synapse model is not supported by the neuron model of at least one  connection.")
    assert _message(nest, nest.NESTErrors.IllegalConnection,
                    lambda: nest.Connect(n, sr, syn_spec={"synapse_model": "urbanczik_synapse"})) == (
        CONNECT + BECAUSE + "The target node does not support STDP synapses.")
    assert nest.num_connections == 0
