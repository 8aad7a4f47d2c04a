"""siegert_neuron with diffusion_connection: the Siegert gain function, the rate dynamics, the
secondary-event delivery with and without waveform relaxation, and NEST's errors."""
import numpy as np
import pytest


def siegert_reference(mu, sigma2, tau_m=5.0, tau_syn=0.0, t_ref=2.0, theta=15.0, V_reset=0.0):
    """The LIF gain (Fourcaud & Brunel 2002 colored-noise shift) by scipy quadrature, in 1/s."""
    from scipy.integrate import quad
    from scipy.special import erfcx

    sigma = np.sqrt(sigma2)
    if theta - mu > 6.0 * sigma:
        return 0.0
    shift = 2.0652531522312172 / 2.0 * np.sqrt(tau_syn / tau_m)
    y_th = (theta - mu) / sigma + shift
    y_r = (V_reset - mu) / sigma + shift
    # exp(u^2) (1 + erf(u)) = erfcx(-u)
    integral, _ = quad(lambda u: erfcx(-u), y_r, y_th, epsabs=0.0, epsrel=1e-12, limit=200)
    return 1e3 / (t_ref + tau_m * np.sqrt(np.pi) * integral)


def test_mean_only_relaxes_exactly(nest):
    n = nest.Create("siegert_neuron", params={"mean": 30.0, "tau": 2.0})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mm, n)
    nest.Simulate(20.0)
    r = mm.get("events", "rate")
    p1 = np.exp(-0.1 / 2.0)
    x, expect = 0.0, []
    for _ in range(len(r)):
        x = p1 * x + (1.0 - p1) * 30.0
        expect.append(x)
    assert np.allclose(r, expect, rtol=1e-13, atol=0)


@pytest.mark.parametrize("drift,diff,tau_syn", [(0.5, 0.3, 0.0), (0.4, 0.05, 0.0), (0.1, 0.2, 2.0), (0.9, 0.4, 0.5)])
def test_stationary_rate_is_the_siegert_gain(nest, drift, diff, tau_syn):
    # a driver with a fixed rate feeds a target through one diffusion connection: the target settles at
    # Phi(drift * r, diff * r); the three branches of NEST's formula (y_r > 0, y_th < 0, else) are hit
    drive = nest.Create("siegert_neuron", params={"mean": 40.0, "tau": 0.1})
    tgt = nest.Create("siegert_neuron", params={"tau": 0.5, "tau_syn": tau_syn})
    nest.Connect(drive, tgt, syn_spec={"synapse_model": "diffusion_connection", "drift_factor": drift,
                                       "diffusion_factor": diff})
    nest.Simulate(60.0)
    r_drive = drive.get("rate")
    assert abs(r_drive - 40.0) < 1e-9
    expect = siegert_reference(drift * r_drive, diff * r_drive, tau_syn=tau_syn)
    assert expect > 0
    assert tgt.get("rate") == pytest.approx(expect, rel=1e-7)


def test_brunel_mean_field_fixed_point(nest):
    # the balanced network of brunel_siegert_nest.py: NEST 3.9 prints 32.03 spks/s for both populations
    tau_m, theta, J, g, eps, order = 20.0, 20.0, 0.1, 5.0, 0.1, 2500
    CE, CI = int(eps * 4 * order), int(eps * order)
    nest.resolution = 0.1
    p = {"tau_m": tau_m, "t_ref": 2.0, "theta": theta, "V_reset": 0.0}
    ex = nest.Create("siegert_neuron", params=p)
    inh = nest.Create("siegert_neuron", params=p)
    drive = nest.Create("siegert_neuron", params={"mean": 1000.0 * 2.0 * theta / (J * CE * tau_m) * CE})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})

    def syn(c, w):
        return {"synapse_model": "diffusion_connection", "drift_factor": tau_m * 1e-3 * c * w,
                "diffusion_factor": tau_m * 1e-3 * c * w ** 2}

    nest.Connect(drive, ex + inh, "all_to_all", syn(1, J))
    nest.Connect(mm, ex + inh)
    nest.Connect(ex, ex + inh, "all_to_all", syn(CE, J))
    nest.Connect(inh, ex + inh, "all_to_all", syn(CI, -g * J))
    nest.Simulate(50.0)
    ev = mm.get("events")
    r_ex = ev["rate"][ev["senders"] == ex.global_id]
    r_in = ev["rate"][ev["senders"] == inh.global_id]
    assert f"{r_ex[-1]:.2f}" == "32.03" and f"{r_in[-1]:.2f}" == "32.03"
    # as in NEST (cf. the siegert_diffusion parity case): the samples of the last min_delay slice are not yet written
    assert len(r_ex) == 490


def run_chain(nest, threads=1, use_wfr=True):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.SetKernelStatus({"local_num_threads": threads, "use_wfr": use_wfr})
    drive = nest.Create("siegert_neuron", params={"mean": 30.0})
    s = nest.Create("siegert_neuron", 4, params={"tau_m": 20.0})
    nest.Connect(drive, s, syn_spec={"synapse_model": "diffusion_connection", "drift_factor": 0.5, "diffusion_factor": 0.3})
    nest.Connect(s[:3], s[1:], "one_to_one", {"synapse_model": "diffusion_connection", "drift_factor": 0.8,
                                              "diffusion_factor": 0.4})
    mm = nest.Create("multimeter", params={"record_from": ["rate"], "interval": 0.1})
    nest.Connect(mm, s)
    nest.Simulate(30.0)
    ev = mm.get("events")
    o = np.lexsort((ev["senders"], ev["times"]))
    return ev["rate"][o], s.get("node_uses_wfr")


def test_results_do_not_depend_on_threads(nest):
    r1, _ = run_chain(nest, 1)
    r3, _ = run_chain(nest, 3)
    assert np.array_equal(r1, r3)


def test_without_wfr_inputs_arrive_one_step_later(nest):
    r_wfr, u1 = run_chain(nest, use_wfr=True)
    md_wfr = nest.min_delay
    r_no, u2 = run_chain(nest, use_wfr=False)
    assert all(u1) and not any(u2)
    # NEST: without waveform relaxation wfr_comm_interval is the resolution, and with it min_delay; the target
    # uses the rates its sources sent at the end of the previous step
    assert md_wfr == 1.0 and nest.min_delay == 0.1 and nest.wfr_comm_interval == 0.1
    assert nest.GetConnections(synapse_model="diffusion_connection").get("delay") == [1.0] * 7
    # (the multimeter has written different numbers of samples: min_delay differs)
    n = min(len(r_wfr), len(r_no))
    r_wfr, r_no = r_wfr[:n], r_no[:n]
    # both schemes feed each step with the sources' rates at its start: the explicit one-step scheme is the
    # fixed point that waveform relaxation iterates to (up to wfr_tol = 1e-4 per lag)
    assert np.max(np.abs(r_no - r_wfr)) < 1e-3 and np.max(r_wfr) > 100.0


def test_wfr_kernel_settings(nest):
    assert nest.use_wfr is True and nest.wfr_comm_interval == 1.0
    nest.wfr_comm_interval = 2.0
    s = nest.Create("siegert_neuron", 2)
    with pytest.raises(nest.NESTError, match="after nodes have been created"):
        nest.use_wfr = False
    nest.Connect(s[0], s[1], syn_spec={"synapse_model": "diffusion_connection"})
    assert nest.min_delay == 2.0 and nest.max_delay == 2.0
    with pytest.raises(nest.NESTError, match="after connections have been created"):
        nest.wfr_comm_interval = 1.0
    nest.ResetKernel()
    nest.use_wfr = False
    with pytest.raises(nest.NESTError, match="Set use_wfr to true first"):
        nest.wfr_comm_interval = 1.0


def test_errors_and_defaults(nest):
    d = nest.GetDefaults("diffusion_connection")
    assert d["drift_factor"] == 1.0 and d["diffusion_factor"] == 1.0 and d["weight"] == 0.0
    assert d["has_delay"] is False and d["sizeof"] == 48
    sd = nest.GetDefaults("siegert_neuron")
    assert (sd["tau"], sd["tau_m"], sd["tau_syn"], sd["t_ref"], sd["theta"], sd["V_reset"], sd["mean"]) == \
        (1.0, 5.0, 0.0, 2.0, 15.0, 0.0, 0.0)
    assert list(sd["recordables"]) == ["rate"]
    s = nest.Create("siegert_neuron", 2)
    with pytest.raises(nest.NESTError, match="specifiy the weights"):
        nest.Connect(s[0], s[1], syn_spec={"synapse_model": "diffusion_connection", "weight": 2.0})
    with pytest.raises(nest.NESTError, match="diffusion_connection has no delay"):
        nest.Connect(s[0], s[1], syn_spec={"synapse_model": "diffusion_connection", "delay": 2.0})
    with pytest.raises(nest.NESTError, match="IllegalConnection"):
        nest.Connect(s[0], s[1], syn_spec={"synapse_model": "rate_connection_instantaneous"})
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTError, match="does not support diffusion input"):
        nest.Connect(s[0], n, syn_spec={"synapse_model": "diffusion_connection"})
    with pytest.raises(nest.NESTError, match="does not support diffusion output"):
        nest.Connect(n, s[0], syn_spec={"synapse_model": "diffusion_connection"})
    with pytest.raises(nest.NESTError, match="Reset potential must be smaller than threshold"):
        s[0].set(V_reset=20.0)
    with pytest.raises(nest.NESTError, match="UnknownReceptorType"):
        nest.Connect(s[0], s[1], syn_spec={"synapse_model": "diffusion_connection", "receptor_type": 2})
    nest.Connect(s[0], s[1], syn_spec={"synapse_model": "diffusion_connection", "drift_factor": 2.0})
    c = nest.GetConnections(synapse_model="diffusion_connection")
    assert c.get("drift_factor") == 2.0 and c.get("diffusion_factor") == 1.0
    c.set(diffusion_factor=0.25)
    assert c.get("diffusion_factor") == 0.25
    with pytest.raises(nest.NESTError, match="specifiy the weights"):
        c.set(weight=1.0)
    with pytest.raises(nest.NESTError, match="has no delay"):
        nest.SetDefaults("diffusion_connection", {"delay": 2.0})


def test_example_port_prints_nests_rates():
    import os
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-m", "nestj", os.path.join(root, "examples", "nest_like", "brunel_siegert_nest.py")],
                         capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=os.path.join(root, "python"),
                                                                  MPLBACKEND="Agg"), timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "Excitatory rate   : 32.03 spks/s" in lines and "Inhibitory rate   : 32.03 spks/s" in lines


def test_no_spike_input(nest):
    # siegert_neuron handles diffusion connections and data logging only (NEST's default
    # Node::handles_test_event(SpikeEvent&) refuses spikes)
    s = nest.Create("siegert_neuron")
    n = nest.Create("iaf_psc_alpha")
    with pytest.raises(nest.NESTErrors.IllegalConnection, match="does not support spike input"):
        nest.Connect(n, s)
    nest.Connect(s, s, syn_spec={"synapse_model": "diffusion_connection"})
