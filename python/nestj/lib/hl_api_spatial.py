"""Spatially structured networks (PyNEST's lib/hl_api_spatial): layers, positions, distances,
masks, spatial connections and their plots. Geometry and connection building run in the JVM
(org.nestj.engine.spatial)."""
import numpy as np

from ..ll_api import bridge, check_call, to_java, to_py
from .hl_api_exceptions import NESTError, NESTErrors
from .hl_api_helper import _is_value_sequence
from .hl_api_types import CollocatedSynapses, Mask, NodeCollection, Parameter

__all__ = [
    "CreateMask",
    "Displacement",
    "Distance",
    "DumpLayerConnections",
    "DumpLayerNodes",
    "FindCenterElement",
    "FindNearestElement",
    "GetPosition",
    "GetSourceNodes",
    "GetSourcePositions",
    "GetTargetNodes",
    "GetTargetPositions",
    "PlotLayer",
    "PlotProbabilityParameter",
    "PlotSources",
    "PlotTargets",
    "SelectNodesByMask",
]


def _longs(nc):
    from ..ll_api import _LongArr
    return _LongArr(np.asarray(nc._gids if isinstance(nc, NodeCollection) else nc, dtype=np.int64))


def _points(rows):
    from ..ll_api import _DoubleArr2
    return _DoubleArr2([np.asarray(r, dtype=np.float64).ravel() for r in rows])


# ---------------------------------------------------------------------- creation

def _create_spatial(model, n, params, positions):
    from .. import spatial
    from .hl_api_nodes import Create  # noqa: F401
    if not isinstance(positions, (spatial.free, spatial.grid)):
        raise TypeError("`positions` must be either a nest.spatial.free or a nest.spatial.grid object")
    spec = {"edge_wrap": bool(positions.edge_wrap)}
    if isinstance(positions, spatial.free):
        p = positions.pos
        if isinstance(p, Parameter):
            spec["positions"] = p
            spec["n"] = int(n)
        else:
            spec["positions"] = _points(list(p)) if len(p) else _points([])
    else:
        if n > 1:
            raise NESTError("Cannot specify number of nodes with grid positions")
        spec["shape"] = [int(x) for x in positions.shape]
        if positions.center is not None:
            spec["center"] = [float(x) for x in positions.center]
    if positions.extent is not None:
        spec["extent"] = [float(x) for x in positions.extent]
    jspec = to_java({k: v for k, v in spec.items() if k != "positions"})
    if "positions" in spec:
        jspec.put("positions", spec["positions"] if not isinstance(spec["positions"], Parameter)
                  else spec["positions"]._java)
    first = int(check_call("CreateLayer", bridge.createLayer, model, jspec))
    size = int(bridge.networkSize()) - first + 1
    nc = NodeCollection._from_range(first, size)
    object.__setattr__(nc, "_meta", True)
    if params is not None:
        if isinstance(params, (list, tuple)) and len(params) != size:
            raise TypeError("list of params must have one dictionary per node")
        if isinstance(params, dict) and not params:
            return nc
        nc.set(params if isinstance(params, dict) else list(params))
    return nc


# ---------------------------------------------------------------------- connections

_ALLOWED_CONN = ("mask", "allow_multapses", "allow_autapses", "rule", "indegree", "outdegree", "p",
                 "pairwise_avg_num_conns", "use_on_source", "allow_oversized_mask")
_ALLOWED_SYN = ("weight", "delay", "synapse_model", "synapse_label", "receptor_type")


def _connect_layers_needed(conn_spec, syn_spec):
    """True if Connect must build connections with the spatial connection builder (ConnectLayers)."""
    if isinstance(conn_spec, dict):
        for item in conn_spec.values():
            if isinstance(item, Parameter) and item.is_spatial():
                return True
        rule = str(conn_spec.get("rule", "all_to_all"))
        if "mask" in conn_spec or ("p" in conn_spec and "pairwise_bernoulli" not in rule) or "use_on_source" in conn_spec:
            return True
        if "pairwise_avg_num_conns" in conn_spec and "pairwise_poisson" not in rule:
            return True
    if isinstance(syn_spec, dict):
        for item in syn_spec.values():
            if isinstance(item, Parameter) and item.is_spatial():
                return True
    elif isinstance(syn_spec, CollocatedSynapses):
        return any(_connect_layers_needed(conn_spec, s) for s in syn_spec.syn_specs)
    return False


def _projections(conn_spec, syn_spec):
    for key in conn_spec:
        if key not in _ALLOWED_CONN:
            raise ValueError("'{}' is not allowed in conn_spec when connecting with mask or kernel".format(key))
    proj = dict(conn_spec)
    if "p" in conn_spec:
        proj["kernel"] = proj.pop("p")
    elif "pairwise_avg_num_conns" in conn_spec:
        proj["kernel"] = proj.pop("pairwise_avg_num_conns")
    if syn_spec is not None:
        specs = syn_spec.syn_specs if isinstance(syn_spec, CollocatedSynapses) else [syn_spec]
        for s in specs:
            for key in s:
                if key not in _ALLOWED_SYN:
                    raise ValueError("'{}' is not allowed in syn_spec when connecting with mask or kernel".format(key))
        if isinstance(syn_spec, CollocatedSynapses):
            proj["synapse_parameters"] = [dict(s) for s in syn_spec.syn_specs]
        else:
            proj.update(syn_spec)
    rule = conn_spec["rule"]
    if rule == "fixed_indegree":
        if "use_on_source" in conn_spec:
            raise ValueError("'use_on_source' can only be set when using pairwise_bernoulli")
        proj["connection_type"] = "pairwise_bernoulli_on_source"
        proj["number_of_connections"] = proj.pop("indegree")
    elif rule == "fixed_outdegree":
        if "use_on_source" in conn_spec:
            raise ValueError("'use_on_source' can only be set when using pairwise_bernoulli")
        proj["connection_type"] = "pairwise_bernoulli_on_target"
        proj["number_of_connections"] = proj.pop("outdegree")
    elif rule == "pairwise_bernoulli":
        on_source = bool(proj.pop("use_on_source", False))
        proj["connection_type"] = "pairwise_bernoulli_on_source" if on_source else "pairwise_bernoulli_on_target"
    elif rule == "pairwise_poisson":
        if "use_on_source" in conn_spec:
            raise ValueError("'use_on_source' can only be set when using 'pairwise_bernoulli'.")
        proj["connection_type"] = "pairwise_poisson"
    else:
        raise NESTError("When using kernel or mask, the only possible connection rules are "
                        "'pairwise_bernoulli', 'fixed_indegree', or 'fixed_outdegree'")
    proj.pop("rule")
    for key in ("weight", "delay", "kernel", "number_of_connections"):
        v = proj.get(key)
        if isinstance(v, (np.integer, np.floating)):
            proj[key] = v.item()
    return proj


def _connect_spatial(pre, post, conn_spec, syn_spec):
    if pre.spatial is None:
        raise TypeError("Presynaptic NodeCollection must have spatial information")
    if post.spatial is None:
        raise TypeError("Presynaptic NodeCollection must have spatial information")
    if isinstance(syn_spec, str):
        syn_spec = {"synapse_model": syn_spec}
    proj = _projections(conn_spec, syn_spec)
    check_call("ConnectLayers", bridge.connectLayers, _longs(pre), _longs(post), to_java(proj))


# ---------------------------------------------------------------------- masks and geometry

def CreateMask(masktype, specs, anchor=None):
    """A mask of the given type ('circular', 'rectangular', 'elliptical', 'doughnut', 'spherical',
    'box', 'ellipsoidal', 'grid') with its specification dictionary and an optional anchor."""
    d = {masktype: specs}
    if anchor is not None:
        d["anchor"] = anchor
    return Mask(check_call("CreateMask", bridge.createMask, to_java(d)))


def _require_nc(x, what):
    if not isinstance(x, NodeCollection):
        raise TypeError(what)


def GetPosition(nodes):
    """Positions of the nodes: one tuple per node (a single tuple for one node)."""
    _require_nc(nodes, "nodes must be a NodeCollection with spatial extent")
    rows = to_py(check_call("GetPosition", bridge.getPosition, _longs(nodes)))
    res = tuple(tuple(float(x) for x in r) for r in rows)
    return res[0] if len(nodes) == 1 else res


def _from_to(fname, from_arg, to_arg):
    if not isinstance(to_arg, NodeCollection):
        raise TypeError("to_arg must be a NodeCollection")
    if isinstance(from_arg, np.ndarray):
        from_arg = (from_arg,)
    if len(from_arg) > 1 and len(to_arg) > 1 and not len(from_arg) == len(to_arg):
        raise ValueError("to_arg and from_arg must have same size unless one have size 1.")
    if isinstance(from_arg, NodeCollection):
        # NEST: the displacement from each to_arg node's position to the from_arg node, in from_arg's layer
        return dict(fromGids=_longs(from_arg), toGids=_longs(to_arg), toPoints=None)
    pts = [np.asarray(p, dtype=np.float64) for p in from_arg]
    return dict(fromGids=_longs(to_arg), toGids=None, toPoints=_points(pts), points=True)


def Displacement(from_arg, to_arg):
    """Displacement vectors between from_arg (nodes or points) and the nodes to_arg, respecting
    periodic boundaries."""
    a = _from_to("Displacement", from_arg, to_arg)
    if a.get("points"):
        rows = check_call("Displacement", bridge.displacement, a["fromGids"], None, a["toPoints"])
    else:
        rows = check_call("Displacement", bridge.displacement, a["fromGids"], a["toGids"], None)
    return tuple(tuple(float(x) for x in r) for r in to_py(rows))


def Distance(from_arg, to_arg):
    """Distances between from_arg (nodes, points, or a SynapseCollection) and the nodes to_arg,
    respecting periodic boundaries."""
    from .hl_api_types import SynapseCollection
    if isinstance(from_arg, SynapseCollection) and to_arg is None:
        return from_arg.distance
    a = _from_to("Distance", from_arg, to_arg)
    if a.get("points"):
        vals = check_call("Distance", bridge.distance, a["fromGids"], None, a["toPoints"])
    else:
        vals = check_call("Distance", bridge.distance, a["fromGids"], a["toGids"], None)
    return tuple(float(v) for v in vals)


def FindNearestElement(layer, locations, find_all=False):
    """The node(s) of layer nearest to each location."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    if not len(layer) > 0:
        raise ValueError("layer cannot be empty")
    if not _is_value_sequence(locations):
        raise TypeError("locations must be coordinate array or list of coordinate arrays")
    if not _is_value_sequence(locations[0]):
        locations = (locations,)
    result = []
    for loc in locations:
        d = np.asarray(Distance(np.array(loc, dtype=np.float64), layer))
        if not find_all:
            result.append(layer[int(np.argmin(d))])
        else:
            best = [layer[0]]
            dmin = d[0]
            for i in range(1, len(layer)):
                if d[i] < dmin:
                    best = [layer[i]]
                    dmin = d[i]
                elif np.abs(d[i] - dmin) <= 1e-14 * dmin:
                    best.append(layer[i])
            result.append(best)
    return result[0] if len(result) == 1 else result


def FindCenterElement(layer):
    """The node of layer nearest to the layer's center."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    nearest = FindNearestElement(layer, layer.spatial["center"])[0]
    i = layer.index(nearest.global_id)
    return layer[i:i + 1]


def _g(x):
    """C++ ostream's default formatting of a double (6 significant digits)."""
    return "%g" % x


def DumpLayerNodes(layer, outname):
    """Write 'node_id x y [z]' for every node of the layer to outname."""
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection")
    if layer.spatial is None:
        raise NESTErrors.LayerExpected("DumpLayerNodes", "Expected a NodeCollection with spatial metadata.")
    gids = to_py(check_call("DumpLayerNodes", bridge.layerGids, int(layer._gids[0])))
    rows = to_py(check_call("DumpLayerNodes", bridge.getPosition, _longs(gids)))
    with open(outname, "w") as f:
        for g, r in zip(gids, rows):
            f.write("{} {}\n".format(int(g), " ".join(_g(x) for x in r)))


def DumpLayerConnections(source_layer, target_layer, synapse_model, outname):
    """Write 'source target weight delay dx dy [dz]' for every connection of the given model
    from source_layer to target_layer; (dx, dy) is the displacement from source to target."""
    from .hl_api_connections import GetConnections
    if not isinstance(source_layer, NodeCollection):
        raise TypeError("source_layer must be a NodeCollection")
    if not isinstance(target_layer, NodeCollection):
        raise TypeError("target_layer must be a NodeCollection")
    if source_layer.spatial is None or target_layer.spatial is None:
        raise NESTErrors.LayerExpected("DumpLayerConnections", "Expected a NodeCollection with spatial metadata.")
    tgt_all = NodeCollection._from_array(
        to_py(check_call("DumpLayerConnections", bridge.layerGids, int(target_layer._gids[0]))))
    conns = GetConnections(source_layer, tgt_all, synapse_model=synapse_model)
    with open(outname, "w") as f:
        if len(conns) == 0:
            return
        d = conns.get(["source", "target", "weight", "delay"])
        src = np.atleast_1d(d["source"])
        tgt = np.atleast_1d(d["target"])
        w = np.atleast_1d(d["weight"])
        dl = np.atleast_1d(d["delay"])
        spos = to_py(check_call("DumpLayerConnections", bridge.getPosition, _longs(src)))
        # displacement from the source position to the target, in the target layer
        disp = to_py(check_call("DumpLayerConnections", bridge.displacement, _longs(tgt), None, _points(spos)))
        for j in range(len(src)):
            f.write("{} {} {} {} {}\n".format(int(src[j]), int(tgt[j]), _g(w[j]), _g(dl[j]),
                                                " ".join(_g(x) for x in disp[j])))


def SelectNodesByMask(layer, anchor, mask_obj):
    """The nodes of layer inside mask_obj placed at anchor, as a NodeCollection."""
    from ..ll_api import _DoubleArr
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection.")
    ids = check_call("SelectNodesByMask", bridge.selectNodesByMask, _longs(layer),
                     _DoubleArr(np.asarray(anchor, dtype=np.float64)), mask_obj._java)
    # as NEST: a NodeCollection of the node ids, without the layer's metadata
    return NodeCollection._from_array(np.asarray(ids, dtype=np.int64))


def _conn_map(sources, targets, syn_model, by_source):
    from .hl_api_connections import GetConnections
    conns = GetConnections(sources, targets, synapse_model=syn_model)
    return conns.sources(), conns.targets()


def GetTargetNodes(sources, tgt_layer, syn_model=None):
    """For each source node, the NodeCollection of its targets in tgt_layer."""
    if not isinstance(sources, NodeCollection):
        raise TypeError("sources must be a NodeCollection.")
    if not isinstance(tgt_layer, NodeCollection):
        raise TypeError("tgt_layer must be a NodeCollection")
    srcs, tgts = _conn_map(sources, tgt_layer, syn_model, True)
    m = {s: [] for s in sources.tolist()}
    for s, t in zip(srcs, tgts):
        m[s].append(t)
    return tuple(NodeCollection(sorted(set(m[s]))) for s in sources.tolist())


def GetSourceNodes(src_layer, targets, syn_model=None):
    """For each target node, the NodeCollection of its sources in src_layer."""
    if not isinstance(src_layer, NodeCollection):
        raise TypeError("src_layer must be a NodeCollection")
    if not isinstance(targets, NodeCollection):
        raise TypeError("targets must be a NodeCollection.")
    srcs, tgts = _conn_map(src_layer, targets, syn_model, False)
    m = {t: [] for t in targets.tolist()}
    for s, t in zip(srcs, tgts):
        m[t].append(s)
    return tuple(NodeCollection(sorted(set(m[t]))) for t in targets.tolist())


def _all_positions(layer):
    return {g: p for g, p in zip(layer.tolist(), _as_rows(GetPosition(layer), len(layer)))}


def _as_rows(p, n):
    return [p] if n == 1 else list(p)


def GetTargetPositions(sources, tgt_layer, syn_model=None):
    """For each source node, the positions of its targets in tgt_layer (one per connection)."""
    if not isinstance(sources, NodeCollection):
        raise TypeError("sources must be a NodeCollection.")
    pos = _all_positions(tgt_layer)
    srcs, tgts = _conn_map(sources, tgt_layer, syn_model, True)
    m = {s: [] for s in sources.tolist()}
    for s, t in zip(srcs, tgts):
        m[s].append(pos[t])
    return [m[s] for s in sources.tolist()]


def GetSourcePositions(src_layer, targets, syn_model=None):
    """For each target node, the positions of its sources in src_layer (one per connection)."""
    if not isinstance(targets, NodeCollection):
        raise TypeError("targets must be a NodeCollection.")
    pos = _all_positions(src_layer)
    srcs, tgts = _conn_map(src_layer, targets, syn_model, False)
    m = {t: [] for t in targets.tolist()}
    for s, t in zip(srcs, tgts):
        m[t].append(pos[s])
    return [m[t] for t in targets.tolist()]


# ---------------------------------------------------------------------- plotting

def _plt():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("Matplotlib could not be imported")
    return plt


def _layer_xy(layer):
    p = np.asarray(_as_rows(GetPosition(layer), len(layer)), dtype=np.float64)
    return p


def PlotLayer(layer, fig=None, nodecolor="b", nodesize=20):
    """Plot the node positions of a 2-D or 3-D layer; returns the figure."""
    plt = _plt()
    if not isinstance(layer, NodeCollection):
        raise TypeError("layer must be a NodeCollection.")
    meta = layer.spatial
    ext = meta["extent"]
    p = _layer_xy(layer)
    if len(ext) == 2:
        if fig is None:
            fig = plt.figure()
            ax = fig.add_subplot(111)
        else:
            ax = fig.gca()
        ax.scatter(p[:, 0], p[:, 1], s=nodesize, facecolor=nodecolor)
        _draw_extent(ax, meta["center"], ext)
    elif len(ext) == 3:
        if fig is None:
            fig = plt.figure()
            ax = fig.add_subplot(111, projection="3d")
        else:
            ax = fig.gca()
        ax.scatter(p[:, 0], p[:, 1], p[:, 2], s=nodesize, c=nodecolor)
    else:
        raise ValueError("unexpected dimension of layer")
    return fig


def _draw_extent(ax, center, ext):
    x0, y0 = center[0] - ext[0] / 2.0, center[1] - ext[1] / 2.0
    x1, y1 = center[0] + ext[0] / 2.0, center[1] + ext[1] / 2.0
    ax.plot([x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0], "k-", lw=0.5)
    ax.set_xlim(x0 - 0.05 * ext[0], x1 + 0.05 * ext[0])
    ax.set_ylim(y0 - 0.05 * ext[1], y1 + 0.05 * ext[1])
    ax.set_aspect("equal", "box")


def _mask_dict(mask):
    if mask is None:
        return None
    if isinstance(mask, Mask):
        return mask._dict()
    return dict(mask)


def _periodic_images(pos, ext):
    """The eight copies of pos shifted by the layer's extent (periodic boundaries), in PyNEST's order."""
    x, y = pos[0], pos[1]
    return [[x + ext[0], y], [x - ext[0], y], [x, y + ext[1]], [x, y - ext[1]],
            [x + ext[0], y - ext[1]], [x - ext[0], y + ext[1]], [x + ext[0], y + ext[1]], [x - ext[0], y - ext[1]]]


def _mask_patches(ax, mask, source_pos, periodic, ext, color, zorder=0.5):
    """The mask around source_pos as PyNEST 3.9's PlotProbabilityParameter draws it: patches filled with
    color (alpha 0.2) and a black edge of width 2 at zorder 0.5, shifted by the mask's anchor, with
    their periodic images if the layer wraps."""
    import matplotlib.patches as mpatches
    import matplotlib.transforms as mtransforms
    d = _mask_dict(mask)
    if not d:
        return
    offs = np.asarray(d.pop("anchor"), dtype=np.float64)[:2] if "anchor" in d else np.zeros(2)
    style = dict(fc=color, ec="black", alpha=0.2, lw=2)
    src = np.asarray(source_pos, dtype=np.float64)[:2]
    patches = []

    def with_images(first, make):
        patches.append(make(first))
        if periodic:
            patches.extend(make(np.asarray(q)) for q in _periodic_images(first, ext))

    if "circular" in d:
        r = d["circular"]["radius"]
        with_images(src + offs, lambda c: mpatches.Circle(c, radius=r, **style))
    elif "doughnut" in d:
        r_in, r_out = d["doughnut"]["inner_radius"], d["doughnut"]["outer_radius"]
        with_images(src + offs, lambda c: mpatches.Wedge(c, r_out, 0.0, 360.0, width=r_out - r_in, **style))
    elif "rectangular" in d:
        ll = np.asarray(d["rectangular"]["lower_left"], dtype=np.float64)[:2]
        ur = np.asarray(d["rectangular"]["upper_right"], dtype=np.float64)[:2]
        w, h = ur - ll
        angle = d["rectangular"].get("azimuth_angle", 0.0)

        def rect(corner):
            patch = mpatches.Rectangle(corner, w, h, **style)
            # rotated about its center, as NEST's box mask
            patch.set_transform(mtransforms.Affine2D().rotate_deg_around(corner[0] + w / 2, corner[1] + h / 2, angle)
                                + ax.transData)
            return patch
        with_images(src + ll + offs, rect)
    elif "elliptical" in d:
        e = d["elliptical"]
        ctr = src + offs + np.asarray(e.get("anchor", (0.0, 0.0)), dtype=np.float64)[:2]
        with_images(ctr, lambda c: mpatches.Ellipse(c, e["major_axis"], e["minor_axis"],
                                                    angle=e.get("azimuth_angle", 0.0), **style))
    else:
        raise ValueError("Mask type cannot be plotted with this version of PyNEST.")
    for patch in patches:
        patch.set_zorder(zorder)
        ax.add_patch(patch)


def _plot_partners(fig, meta, node_pos, partner_pos, node_color, node_size, partner_color, partner_size, mask,
                   mask_color, draw_extra=None):
    """PlotTargets / PlotSources: the partners' positions and the node itself (3D: scatter only; 2D: also the
    mask around the node, draw_extra(ax) and the layer's extent)."""
    plt = _plt()
    three_d = len(meta["extent"]) == 3
    if fig is None:
        fig = plt.figure()
        ax = fig.add_subplot(111, projection="3d") if three_d else fig.add_subplot(111)
    else:
        ax = fig.gca()
    if three_d:
        if partner_pos:
            p = np.asarray(partner_pos)
            ax.scatter3D(p[:, 0], p[:, 1], p[:, 2], s=partner_size, c=partner_color)
        ax.scatter3D([node_pos[0]], [node_pos[1]], [node_pos[2]], s=node_size, c=node_color)
        return fig
    if partner_pos:
        p = np.asarray(partner_pos)
        ax.scatter(p[:, 0], p[:, 1], s=partner_size, facecolor=partner_color)
    ax.scatter([node_pos[0]], [node_pos[1]], s=node_size, facecolor=node_color, alpha=0.4, zorder=-10)
    if draw_extra is not None:
        draw_extra(ax)
    _draw_extent(ax, meta["center"], meta["extent"])
    return fig


def _probability_and_mask(node, layer, parameter, mask, cmap, mask_color):
    """PyNEST's PlotTargets/PlotSources (2D): with a mask or a probability parameter, PlotProbabilityParameter
    around the node over the layer's center +- extent."""
    if mask is None and parameter is None:
        return None

    def draw(ax):
        (xc, yc), (xe, ye) = layer.spatial["center"][:2], layer.spatial["extent"][:2]
        PlotProbabilityParameter(node, parameter, mask=mask, edges=[xc - xe, xc + xe, yc - ye, yc + ye], ax=ax,
                                 prob_cmap=cmap, mask_color=mask_color)
    return draw


def PlotTargets(src_nrn, tgt_layer, syn_type=None, fig=None, mask=None, probability_parameter=None,
                src_color="red", src_size=50, tgt_color="blue", tgt_size=20, mask_color="yellow",
                probability_cmap="Greens"):
    """Plot the targets of src_nrn in tgt_layer, optionally with the mask and probability kernel."""
    if not isinstance(src_nrn, NodeCollection) or len(src_nrn) != 1:
        raise TypeError("src_nrn must be a single element NodeCollection.")
    if not isinstance(tgt_layer, NodeCollection):
        raise TypeError("tgt_layer must be a NodeCollection.")
    targets = GetTargetPositions(src_nrn, tgt_layer, syn_type)[0]
    return _plot_partners(fig, tgt_layer.spatial, GetPosition(src_nrn), targets, src_color, src_size, tgt_color,
                          tgt_size, mask, mask_color,
                          _probability_and_mask(src_nrn, tgt_layer, probability_parameter, mask, probability_cmap,
                                                mask_color))


def PlotSources(src_layer, tgt_nrn, syn_type=None, fig=None, mask=None, probability_parameter=None,
                tgt_color="red", tgt_size=50, src_color="blue", src_size=20, mask_color="yellow",
                probability_cmap="Greens"):
    """Plot the sources of tgt_nrn in src_layer, optionally with the mask."""
    if not isinstance(tgt_nrn, NodeCollection) or len(tgt_nrn) != 1:
        raise TypeError("tgt_nrn must be a single element NodeCollection.")
    if not isinstance(src_layer, NodeCollection):
        raise TypeError("src_layer must be a NodeCollection.")
    sources = GetSourcePositions(src_layer, tgt_nrn, syn_type)[0]
    return _plot_partners(fig, src_layer.spatial, GetPosition(tgt_nrn), sources, tgt_color, tgt_size, src_color,
                          src_size, mask, mask_color,
                          _probability_and_mask(tgt_nrn, src_layer, probability_parameter, mask, probability_cmap,
                                                mask_color))


def PlotProbabilityParameter(source, parameter=None, mask=None, edges=[-0.5, 0.5, -0.5, 0.5], shape=[100, 100],
                             ax=None, prob_cmap="Greens", mask_color="yellow"):
    """Plot the connection probability parameter around source (a one-node spatial NodeCollection)
    over the area edges = [x_min, x_max, y_min, y_max], and the mask outline."""
    plt = _plt()
    if parameter is None and mask is None:
        raise ValueError("At least one of parameter or mask must be specified")
    if ax is None:
        fig, ax = plt.subplots()
    ax.set_xlim(*edges[:2])
    ax.set_ylim(*edges[2:])
    xs = np.linspace(edges[0], edges[1], shape[0])
    ys = np.linspace(edges[2], edges[3], shape[1])
    if parameter is not None:
        pts = [[x, y] for y in ys for x in xs]
        vals = np.asarray(parameter.apply(source, pts)).reshape(len(ys), len(xs))
        img = ax.imshow(np.clip(vals, 0.0, 1.0), extent=(edges[0], edges[1], edges[2], edges[3]), origin="lower",
                        cmap=prob_cmap, vmin=0.0, vmax=1.0)
        plt.colorbar(img, ax=ax, fraction=0.046, pad=0.04)
    if mask is not None:
        meta = source.spatial
        _mask_patches(ax, mask, GetPosition(source), meta["edge_wrap"], meta["extent"], mask_color)
    return ax
