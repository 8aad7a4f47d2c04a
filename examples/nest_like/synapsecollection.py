"""What a SynapseCollection offers: get, set, attribute access, filters of GetConnections.

Port of pynest/examples/synapsecollection.py (NEST 3.9). Three networks are built (after a
ResetKernel each) and their weight matrices plotted from GetConnections(...).get(...) or the
attributes .source/.target/.weight:
1. 10 iaf_psc_alpha neurons connected one_to_one; weights set to 1..10 with conns.set(list of dicts);
2. 10 iaf_psc_alpha -> 5 iaf_psc_delta all_to_all with weights from nest.random.uniform(0.5, 4.5);
3. 15 neurons with five Connect calls (one_to_one, pairwise_bernoulli p=0.4, fixed_total_number
   N=5, all_to_all, fixed_indegree 3), two of them with stdp_synapse and random
   weights; the connections are selected by source/target and by synapse_model, and the weights
   of the fixed_total_number connections are set to 1..5.

Differences: none in what is computed; the drawn weights come from nestj's random streams, not
NEST's. (The upstream script itself runs unmodified with `python3 -m nestj`.)
"""
import matplotlib.pyplot as plt
import nest
import numpy as np


def makeMatrix(sources, targets, weights):
    """Matrix of summed weights, indexed by source and target node id."""
    aa = np.zeros((max(sources) + 1, max(targets) + 1))
    np.add.at(aa, (np.asarray(sources), np.asarray(targets)), np.asarray(weights, dtype=float))
    return aa


def plotMatrix(srcs, tgts, weights, title, pos):
    plt.subplot(pos)
    plt.matshow(makeMatrix(srcs, tgts, weights), fignum=False)
    plt.xlim([min(tgts) - 0.5, max(tgts) + 0.5])
    plt.xlabel("target")
    plt.ylim([max(srcs) + 0.5, min(srcs) - 0.5])
    plt.ylabel("source")
    plt.title(title)
    plt.colorbar(fraction=0.046, pad=0.04)


# 1. one_to_one, then individual weights
nest.ResetKernel()
nrns = nest.Create("iaf_psc_alpha", 10)
nest.Connect(nrns, nrns, "one_to_one")
conns = nest.GetConnections(nrns, nrns)
g = conns.get(["source", "target", "weight"])
srcs, tgts, weights = g["source"], g["target"], g["weight"]

plt.figure(figsize=(12, 10))
plotMatrix(srcs, tgts, weights, "Uniform weight", 121)

conns.set([{"weight": x * 1.0} for x in range(1, 11)])
weights = conns.weight
plotMatrix(srcs, tgts, weights, "Set weight", 122)

# 2. all_to_all with random weights
nest.ResetKernel()
pre = nest.Create("iaf_psc_alpha", 10)
post = nest.Create("iaf_psc_delta", 5)
nest.Connect(pre, post, syn_spec={"weight": nest.random.uniform(min=0.5, max=4.5)})
conns = nest.GetConnections()
srcs, tgts, weights = conns.source, conns.target, conns.weight

plt.figure(figsize=(12, 10))
plotMatrix(srcs, tgts, weights, "All to all connection", 111)

# 3. several rules and synapse models
nest.ResetKernel()
plastic = "stdp_synapse"
nrns = nest.Create("iaf_psc_alpha", 15)
nest.Connect(nrns[:5], nrns[:5], "one_to_one",
             {"synapse_model": plastic, "weight": nest.random.normal(mean=5.0, std=2.0)})
nest.Connect(nrns[:10], nrns[5:12], {"rule": "pairwise_bernoulli", "p": 0.4}, {"weight": 4.0})
nest.Connect(nrns[5:10], nrns[:5], {"rule": "fixed_total_number", "N": 5}, {"weight": 3.0})
nest.Connect(nrns[10:], nrns[:12], "all_to_all",
             {"synapse_model": plastic, "weight": nest.random.uniform(min=1.0, max=5.0)})
nest.Connect(nrns, nrns[12:], {"rule": "fixed_indegree", "indegree": 3})

conns = nest.GetConnections()
srcs, tgts, weights = conns.source, conns.target, conns.weight

plt.figure(figsize=(14, 12))
plotMatrix(list(srcs), list(tgts), weights, "All connections", 221)

g = nest.GetConnections(nrns[:10], nrns[:10]).get(["source", "target", "weight"])
plotMatrix(g["source"], g["target"], g["weight"], "Connections of the first ten neurons", 222)

g = nest.GetConnections(synapse_model=plastic).get(["source", "target", "weight"])
plotMatrix(g["source"], g["target"], g["weight"], "Connections with " + plastic, 223)

conns = nest.GetConnections(nrns[5:10], nrns[:5])
conns.set([{"weight": x * 1.0} for x in range(1, 6)])
g = conns.get(["source", "target", "weight"])
plotMatrix(g["source"], g["target"], g["weight"], "fixed_total_number, set weight", 224)

plt.show()
