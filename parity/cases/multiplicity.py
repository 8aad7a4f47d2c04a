"""nestj's own parity cases for spikes of multiplicity > 1 sent by neurons, in the form of the reference
suite's case files. NEST's EventDeliveryManager::send_remote unrolls such a spike into single spikes for
the connections to neurons ("plastic synapses only handle individual spikes"), while devices get it once
(send_to_devices). A parrot_neuron relays a spike_generator's multiplicities. Deterministic; they await
NEST 3.9 recordings (listed as NO REF)."""

CASES = {}


def trace(atol, rtol=0.0):
    return {"mode": "trace", "atol": atol, "rtol": rtol}


EQUAL = {"mode": "equal"}


def parrot_relay(model, syn):
    """spike_generator (multiplicities 1, 3, 2, 5) -> parrot_neuron -> one iaf_psc_alpha over `model`:
    the target's V_m and I_syn_ex, the synapse's final state, the parrot's recorded spikes."""
    def run(nest):
        sg = nest.Create("spike_generator", params={"spike_times": [5.0, 10.0, 10.5, 30.0],
                                                    "spike_multiplicities": [1, 3, 2, 5]})
        p = nest.Create("parrot_neuron")
        n = nest.Create("iaf_psc_alpha", params={"V_th": 1e6})
        mm = nest.Create("multimeter", params={"record_from": ["V_m", "I_syn_ex"], "interval": 0.1})
        sr = nest.Create("spike_recorder")
        nest.Connect(sg, p)
        nest.Connect(p, sr)
        nest.Connect(p, n, syn_spec=dict(synapse_model=model, **syn))
        nest.Connect(mm, n)
        nest.Simulate(60.0)
        ev = mm.get("events")
        c = nest.GetConnections(p, n)
        state = {k: v for k, v in c.get().items() if isinstance(v, float)}
        return {"V_m": list(map(float, ev["V_m"])), "I_syn_ex": list(map(float, ev["I_syn_ex"])),
                "state": state, "parrot_spikes": list(map(float, sr.get("events")["times"]))}
    return run, {"V_m": trace(1e-9, 1e-9), "I_syn_ex": trace(1e-9, 1e-9), "state": EQUAL, "parrot_spikes": EQUAL}


CASES["static_parrot_relay"] = parrot_relay("static_synapse", {"weight": 0.7})
CASES["tsodyks_parrot_relay"] = parrot_relay("tsodyks_synapse", {"weight": 100.0, "U": 0.4, "tau_rec": 50.0,
                                                                  "tau_fac": 0.0, "tau_psc": 2.0})
CASES["tsodyks2_parrot_relay"] = parrot_relay("tsodyks2_synapse", {"weight": 100.0, "U": 0.4, "tau_rec": 50.0,
                                                                    "tau_fac": 20.0})
CASES["stdp_parrot_relay"] = parrot_relay("stdp_synapse", {"weight": 100.0, "delay": 1.0})
