"""Weight matrices of a small random E/I network.

Port of pynest/examples/plot_weight_matrices.py (NEST 3.9): 100 excitatory and 25 inhibitory
iaf_psc_alpha neurons, fixed in-degree 10 % (CE = 10, CI = 2), weights drawn from
nest.random.normal(20, 0.5) (inhibitory: -5 times that Parameter), delay 1.5 ms; the four weight
matrices W_EE, W_EI, W_IE, W_II are filled from GetConnections(...).source/.target/.weight and
shown with imshow.

Differences: none in the network or the calls. The drawn connectivity and weights differ from
NEST's because nestj's random streams are not NEST's (same distributions). The matrices are built
with numpy's add.at instead of a Python loop (same sums).
"""
import matplotlib.gridspec as gridspec
import matplotlib.pyplot as plt
import nest
import numpy as np
from mpl_toolkits.axes_grid1 import make_axes_locatable


def weight_matrix(pre, post):
    """W[i, j]: summed weight from pre[i] to post[j]."""
    conns = nest.GetConnections(pre, post)
    w = np.zeros((len(pre), len(post)))
    src = np.asarray(conns.source) - min(pre.tolist())
    tgt = np.asarray(conns.target) - min(post.tolist())
    np.add.at(w, (src, tgt), np.asarray(conns.weight))
    return w


def plot_weight_matrices(E_neurons, I_neurons):
    W_EE = weight_matrix(E_neurons, E_neurons)
    W_EI = weight_matrix(I_neurons, E_neurons)
    W_IE = weight_matrix(E_neurons, I_neurons)
    W_II = weight_matrix(I_neurons, I_neurons)

    fig = plt.figure()
    fig.suptitle("Weight matrices", fontsize=14)
    gs = gridspec.GridSpec(4, 4)
    panels = [(gs[:-1, :-1], W_EE, "$W_{EE}$"), (gs[:-1, -1], W_IE, "$W_{EI}$"),
              (gs[-1, :-1], W_EI, "$W_{IE}$"), (gs[-1, -1], W_II, "$W_{II}$")]
    for spec, W, title in panels:
        ax = plt.subplot(spec)
        im = ax.imshow(W, cmap="jet")
        cax = make_axes_locatable(ax).append_axes("right", "5%", pad="3%")
        plt.colorbar(im, cax=cax)
        ax.set_title(title)
        plt.tight_layout()
    return W_EE, W_EI, W_IE, W_II


NE = 100  # number of excitatory neurons
NI = 25  # number of inhibitory neurons
E_neurons = nest.Create("iaf_psc_alpha", NE)
I_neurons = nest.Create("iaf_psc_alpha", NI)

CE = int(0.1 * NE)  # excitatory synapses per neuron
CI = int(0.1 * NI)  # inhibitory synapses per neuron

delay = 1.5  # ms
g = 5.0  # ratio inhibitory weight / excitatory weight

w_ex = nest.random.normal(20, 0.5)
w_in = -g * w_ex

nest.Connect(E_neurons, E_neurons + I_neurons, conn_spec={"rule": "fixed_indegree", "indegree": CE},
             syn_spec={"synapse_model": "static_synapse", "weight": w_ex, "delay": delay})
nest.Connect(I_neurons, E_neurons + I_neurons, conn_spec={"rule": "fixed_indegree", "indegree": CI},
             syn_spec={"synapse_model": "static_synapse", "weight": w_in, "delay": delay})

W_EE, W_EI, W_IE, W_II = plot_weight_matrices(E_neurons, I_neurons)

plt.show()
