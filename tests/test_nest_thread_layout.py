"""The thread and VP NEST assigns, as nestj reports them (NEST's round-robin by node id; devices have
a replica on every thread and report the first), independent of nestj's own split of the work."""


def test_node_vp_thread_and_local_id(nest):
    nest.local_num_threads = 4
    n = nest.Create("iaf_psc_alpha", 6)
    assert n.vp == tuple(g % 4 for g in n.tolist())
    assert n.thread == n.vp
    # ids 1..6 on threads 1,2,3,0,1,2: the second node of a thread has local id 1
    assert n.thread_local_id == (0, 0, 0, 0, 1, 1)
    sr = nest.Create("spike_recorder")
    assert sr.vp == 0 and sr.thread_local_id == 1   # thread 0 holds node 4, then the recorder's replica
    m = nest.Create("iaf_psc_alpha")                # id 8: thread 0, after node 4 and the recorder
    assert m.vp == 0 and m.thread_local_id == 2


def test_connection_target_thread(nest):
    nest.local_num_threads = 2
    a = nest.Create("iaf_psc_delta", 3)
    sr = nest.Create("spike_recorder")
    nest.Connect(a, a[2])
    nest.Connect(a, sr)
    c = nest.GetConnections(target=a[2])
    assert set(c.get("target_thread")) == {3 % 2}
    # to a device: the source neuron's thread
    d = nest.GetConnections(target=sr)
    assert dict(zip(d.get("source"), d.get("target_thread"))) == {1: 1, 2: 0, 3: 1}


def test_connections_to_global_receivers_once_per_thread(nest):
    # NEST connects a neuron to a volume_transmitter (no proxies, not a local receiver) on every
    # thread, one connection to each thread's copy (regression test issue #211): GetConnections and
    # the connection counts show those copies; nestj keeps one connection, so the dopamine is the same
    for threads in (1, 2, 3):
        nest.ResetKernel()
        nest.local_num_threads = threads
        n = nest.Create("iaf_psc_delta", 2)
        vt = nest.Create("volume_transmitter")
        sr = nest.Create("spike_recorder")
        nest.Connect(n, vt)
        nest.Connect(n, sr)
        c = nest.GetConnections(target=vt)
        rows = sorted(zip(c.get("target_thread"), c.get("source"), c.get("target")))
        assert rows == sorted((t, s, 3) for t in range(threads) for s in (1, 2))
        assert nest.num_connections == 2 * threads + 2
        assert nest.GetDefaults("static_synapse")["num_connections"] == 2 * threads + 2
        assert len(nest.GetConnections(target=sr)) == 2
        c.set(weight=2.0)
        assert set(c.get("weight")) == {2.0}
