"""The EI-clustered network (Rostami et al. 2024) as a class, rewritten after NEST 3.9's
EI_clustered_network/network.py.

Pipeline: setup_nest, create_populations, create_stimulation, create_recording_devices, connect,
in this order (the same NEST calls in the same order as upstream). Clustering by "weight" (weights
inside a cluster times jplus, between clusters times jminus, so the mean input is unchanged) or by
"probabilities" (connection probabilities inside/between clusters times pplus/pminus).
"""
import pickle

import helper
import nest
import numpy as np

E, I = 0, 1
NAMES = {E: "E", I: "I"}


class ClusteredNetwork:
    def __init__(self, sim_dict, net_dict, stim_dict):
        self._params = {**sim_dict, **net_dict, **stim_dict}
        self._populations = []
        self._recording_devices = []
        self._currentsources = []
        self._model_build_pipeline = [self.setup_nest, self.create_populations, self.create_stimulation,
                                      self.create_recording_devices, self.connect]
        rep, rj = self._params["rep"], self._params["rj"]
        if self._params["clustering"] == "weight":
            jip = 1.0 + (rep - 1) * rj
            self._params["jplus"] = np.array([[rep, jip], [jip, jip]])
        elif self._params["clustering"] == "probabilities":
            pip = 1.0 + (rep - 1) ** rj
            self._params["pplus"] = np.array([[rep, pip], [pip, pip]])
        else:
            raise ValueError("Clustering type not recognized")

    # ------------------------------------------------------------------ building

    def setup_nest(self):
        nest.ResetKernel()
        nest.set_verbosity("M_WARNING")
        nest.local_num_threads = self._params.get("n_vp", 4)
        nest.resolution = self._params.get("dt")
        self._params["randseed"] = self._params.get("randseed")
        nest.rng_seed = self._params.get("randseed")

    def _neuron_params(self, kind):
        p = self._params
        tau, v_th = (p["tau_E"], p["V_th_E"]) if kind == E else (p["tau_I"], p["V_th_I"])
        i_th = p["I_th_E"] if kind == E else p["I_th_I"]
        if i_th is None:
            i_x = p["I_xE"] if kind == E else p["I_xI"]
        else:
            i_x = i_th * helper.rheobase_current(tau, p["E_L"], v_th, p["C_m"])
        spread = p["delta_I_xE"]  # upstream uses delta_I_xE for both populations
        params = {
            "E_L": p["E_L"], "C_m": p["C_m"], "tau_m": tau, "t_ref": p["t_ref"], "V_th": v_th, "V_reset": p["V_r"],
            "I_e": i_x if spread == 0 else i_x * nest.random.uniform(1 - spread / 2, 1 + spread / 2),
            "tau_syn_ex": p["tau_syn_ex"], "tau_syn_in": p["tau_syn_in"],
            "V_m": p["V_m"] if not p["V_m"] == "rand" else v_th - 20 * nest.random.lognormal(0, 1),
        }
        if p.get("delta") is not None and p.get("rho") is not None:
            params["delta"] = p["delta"]
            params["rho"] = p["rho"]
        return params

    def create_populations(self):
        p = self._params
        Q = p["n_clusters"]
        if p["N_E"] % Q != 0:
            raise ValueError("N_E must be a multiple of Q")
        if p["N_I"] % Q != 0:
            raise ValueError("N_E must be a multiple of Q")
        if p["neuron_type"] != "iaf_psc_exp":
            raise ValueError("Model only implemented for iaf_psc_exp neuron model")
        E_params = self._neuron_params(E)
        I_params = self._neuron_params(I)
        E_pops = [nest.Create(p["neuron_type"], n=p["N_E"] // Q, params=E_params) for _ in range(Q)]
        I_pops = [nest.Create(p["neuron_type"], n=p["N_I"] // Q, params=I_params) for _ in range(Q)]
        self._populations = [E_pops, I_pops]

    def create_stimulation(self):
        p = self._params
        if p["stim_clusters"] is None:
            return
        times, values = [], []
        for start, end in zip(p["stim_starts"], p["stim_ends"]):
            times += [start + p["warmup"], end + p["warmup"]]
            values += [p["stim_amp"], 0.0]
        self._currentsources = [nest.Create("step_current_generator")]
        for c in p["stim_clusters"]:
            nest.Connect(self._currentsources[0], self._populations[E][c])
        nest.SetStatus(self._currentsources[0], {"amplitude_times": times, "amplitude_values": values})

    def create_recording_devices(self):
        self._recording_devices = [nest.Create("spike_recorder")]
        self._recording_devices[0].record_to = "memory"
        all_units = self._populations[E][0]
        for pop in self._populations[E][1:] + self._populations[I]:
            all_units += pop
        nest.Connect(all_units, self._recording_devices[0], "all_to_all")

    def connect(self):
        if "clustering" not in self._params or self._params["clustering"] == "weight":
            self.connect_weight()
        elif self._params["clustering"] == "probabilities":
            self.connect_probabilities()
        else:
            raise ValueError("Clustering method %s not implemented" % self._params["clustering"])

    def _base_weights(self):
        p = self._params
        if p.get("js") is None or np.isnan(p.get("js")).any():
            js = helper.calculate_RBN_weights(p)
        js *= p["s"]
        return js / np.sqrt(p["N_E"] + p["N_I"])

    def _pop_size(self, kind):
        return self._params["N_E" if kind == E else "N_I"]

    def connect_weight(self):
        """Same connectivity inside and between clusters, weights scaled by jplus / jminus."""
        p = self._params
        Q = p["n_clusters"]
        j = self._base_weights()
        if Q > 1:
            jminus = (Q - p["jplus"]) / float(Q - 1)
        else:
            p["jplus"] = np.ones((2, 2))
            jminus = np.ones((2, 2))
        # upstream order: EE, EI (I -> E), IE (E -> I), II
        for post, pre in ((E, E), (E, I), (I, E), (I, I)):
            name = NAMES[post] + NAMES[pre]
            nest.CopyModel("static_synapse", name + "_plus",
                           {"weight": p["jplus"][post, pre] * j[post, pre], "delay": p["delay"]})
            nest.CopyModel("static_synapse", name + "_minus",
                           {"weight": jminus[post, pre] * j[post, pre], "delay": p["delay"]})
            prob = p["baseline_conn_prob"][post, pre]
            if p["fixed_indegree"]:
                K = int(prob * self._pop_size(pre) / Q)
                print("K_%s: " % name, K)
                conn = {"rule": "fixed_indegree", "indegree": K, "allow_autapses": False, "allow_multapses": False}
            else:
                conn = {"rule": "pairwise_bernoulli", "p": prob, "allow_autapses": False, "allow_multapses": False}
            for i, src in enumerate(self._populations[pre]):
                for k, tgt in enumerate(self._populations[post]):
                    nest.Connect(src, tgt, conn, name + ("_plus" if i == k else "_minus"))

    def connect_probabilities(self):
        """Same weights everywhere, connection probabilities scaled by pplus / pminus inside /
        between clusters; probabilities above 1 are split into several synapse populations."""
        p = self._params
        Q = p["n_clusters"]
        j = self._base_weights()
        if Q > 1:
            pminus = (Q - p["pplus"]) / float(Q - 1)
        else:
            p["pplus"] = np.ones((2, 2))
            pminus = np.ones((2, 2))
        p_plus = p["pplus"] * p["baseline_conn_prob"]
        p_minus = pminus * p["baseline_conn_prob"]
        iterations = np.ones((2, 2), dtype=int)
        if np.any(p_plus > 1):
            print("The probability of some connections is larger than 1.")
            print("Pre-splitting the connections in multiple synapse populations:")
            printoptions = np.get_printoptions()
            np.set_printoptions(precision=2, floatmode="fixed")
            print("p_plus:\n", p_plus)
            print("p_minus:\n", p_minus)
            for a in range(2):
                for b in range(2):
                    if p_plus[a, b] > 1:
                        iterations[a, b] = int(np.ceil(p_plus[a, b]))
                        p_plus[a, b] /= iterations[a, b]
            print("\nPost-splitting the connections in multiple synapse populations:")
            print("p_plus:\n", p_plus)
            print("Number of synapse populations:\n", iterations)
            np.set_printoptions(**printoptions)
        for post, pre in ((E, E), (E, I), (I, E), (I, I)):
            name = NAMES[post] + NAMES[pre]
            nest.CopyModel("static_synapse", name, {"weight": j[post, pre], "delay": p["delay"]})
            specs = {}
            for tag, prob in (("plus", p_plus[post, pre]), ("minus", p_minus[post, pre])):
                if p["fixed_indegree"]:
                    K = int(prob * self._pop_size(pre) / Q)
                    print("K_%s%s: " % (name, "+" if tag == "plus" else "-"), K)
                    specs[tag] = {"rule": "fixed_indegree", "indegree": K, "allow_autapses": False,
                                  "allow_multapses": True}
                else:
                    specs[tag] = {"rule": "pairwise_bernoulli", "p": prob, "allow_autapses": False,
                                  "allow_multapses": True}
            for i, src in enumerate(self._populations[pre]):
                for k, tgt in enumerate(self._populations[post]):
                    if i == k:
                        for _ in range(iterations[post, pre]):
                            nest.Connect(src, tgt, specs["plus"], name)
                    else:
                        nest.Connect(src, tgt, specs["minus"], name)

    # ------------------------------------------------------------------ running

    def set_model_build_pipeline(self, pipeline):
        self._model_build_pipeline = pipeline

    def setup_network(self):
        for func in self._model_build_pipeline:
            func()

    def simulate(self):
        nest.Simulate(self._params["warmup"] + self._params["simtime"])

    def get_recordings(self):
        """Spikes after the warm-up: row 0 times (ms, from the end of the warm-up), row 1 neuron
        index (node id - 1)."""
        events = nest.GetStatus(self._recording_devices[0], "events")[0]
        spiketimes = np.vstack([events["times"], events["senders"]]).astype(float)
        spiketimes[1] -= 1
        spiketimes = spiketimes[:, spiketimes[0] >= self._params["warmup"]]
        spiketimes[0] -= self._params["warmup"]
        return spiketimes

    def get_parameter(self):
        return self._params

    def create_and_simulate(self):
        self.setup_network()
        self.simulate()
        return self.get_recordings()

    def get_firing_rates(self, spiketimes=None):
        if spiketimes is None:
            spiketimes = self.get_recordings()
        p = self._params
        e_count = np.count_nonzero(spiketimes[1] < p["N_E"])
        i_count = np.count_nonzero(spiketimes[1] >= p["N_E"])
        e_rate = e_count / float(p["N_E"]) / float(p["simtime"]) * 1000.0
        i_rate = i_count / float(p["N_I"]) / float(p["simtime"]) * 1000.0
        return e_rate, i_rate

    def set_I_x(self, I_XE, I_XI):
        for pop in self._populations[E]:
            pop.set({"I_e": pop.get("I_e") + I_XE})
        for pop in self._populations[I]:
            pop.set({"I_e": pop.get("I_e") + I_XI})

    def get_simulation(self, PathSpikes=None):
        self.setup_network()
        self.simulate()
        spiketimes = self.get_recordings()
        e_rate, i_rate = self.get_firing_rates(spiketimes)
        if PathSpikes is not None:
            with open(PathSpikes, "wb") as outfile:
                pickle.dump(spiketimes, outfile)
        return {"e_rate": e_rate, "i_rate": i_rate, "_params": self.get_parameter(), "spiketimes": spiketimes}
