"""Network drawing (PyNEST's nest.visualization), via pydot when it is installed."""
from .lib.hl_api_exceptions import NESTErrors

__all__ = ["plot_network"]


def plot_network(nodes, filename, ext_conns=False, plot_modelnames=False):
    try:
        import pydot
    except ImportError:
        raise ImportError("nest.visualization.plot_network requires pydot")
    from .lib.hl_api_connections import GetConnections
    g = pydot.Dot(graph_type="digraph")
    for n in nodes:
        label = "%d" % n.global_id + (" %s" % n.model if plot_modelnames else "")
        g.add_node(pydot.Node(str(n.global_id), label=label))
    c = GetConnections(nodes, None if ext_conns else nodes)
    for s, t in zip(c.source if len(c) > 1 else [c.source], c.target if len(c) > 1 else [c.target]):
        g.add_edge(pydot.Edge(str(s), str(t)))
    ext = filename.rsplit(".", 1)[-1]
    g.write(filename, format=ext)
