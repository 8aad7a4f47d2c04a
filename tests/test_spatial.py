"""Spatially structured networks (nest.spatial): layer geometry, periodic distances, masks,
distance-dependent connectivity, NEST's errors, and thread-count independence."""
import math

import numpy as np
import pytest


def grid(nest, shape, **kw):
    return nest.Create("iaf_psc_alpha", positions=nest.spatial.grid(shape=shape, **kw))


# ---------------------------------------------------------------------- geometry

def test_grid_positions_column_major_with_y_downwards(nest):
    layer = grid(nest, [3, 2], extent=[3.0, 2.0], center=[10.0, 0.0])
    pos = np.asarray(nest.GetPosition(layer))
    # node order: x (columns) slowest, y (rows) fastest, rows from the top
    expected = [[9.0, 0.5], [9.0, -0.5], [10.0, 0.5], [10.0, -0.5], [11.0, 0.5], [11.0, -0.5]]
    np.testing.assert_allclose(pos, expected, atol=1e-14)
    meta = layer.spatial
    assert meta["shape"] == (3, 2)
    assert meta["center"] == (10.0, 0.0) and meta["extent"] == (3.0, 2.0)
    assert meta["edge_wrap"] is False and meta["network_size"] == 6
    assert layer[2:4].spatial["network_size"] == 2
    assert nest.Create("iaf_psc_alpha", 2).spatial is None


def test_default_extent_and_3d_grid(nest):
    layer = grid(nest, [2, 2, 2])
    pos = np.asarray(nest.GetPosition(layer))
    assert pos.shape == (8, 3)
    assert set(np.round(pos.ravel(), 12)) == {-0.25, 0.25}
    assert layer.spatial["extent"] == (1.0, 1.0, 1.0)


def test_free_layer_extent_rules(nest):
    pts = [[0.1, 0.2], [0.7, -0.4], [-0.3, 0.0]]
    layer = nest.Create("iaf_psc_alpha", positions=nest.spatial.free(pts))
    meta = layer.spatial
    # without extent: ceil of the positions' span, centered on the middle of the span
    assert meta["extent"] == (1.0, 1.0)
    np.testing.assert_allclose(meta["center"], [0.2, -0.1])
    np.testing.assert_allclose(meta["positions"], pts)
    np.testing.assert_allclose(nest.GetPosition(layer[1]), pts[1])


def test_periodic_distances_take_the_nearest_image(nest):
    layer = grid(nest, [10, 10], extent=[1.0, 1.0], edge_wrap=True)
    pos = np.asarray(nest.GetPosition(layer))
    d = np.asarray(nest.Distance(layer[0], layer))
    diff = pos[0] - pos
    diff -= np.round(diff)          # nearest image on the unit torus
    np.testing.assert_allclose(d, np.hypot(diff[:, 0], diff[:, 1]), atol=1e-12)
    assert d.max() <= math.sqrt(0.5) + 1e-12
    disp = np.asarray(nest.Displacement(layer[0], layer))
    np.testing.assert_allclose(np.abs(disp), np.abs(diff), atol=1e-12)
    # points against nodes
    dp = np.asarray(nest.Distance([[0.0, 0.0]], layer))
    assert dp.shape == (100,)


def test_find_nearest_and_center(nest):
    layer = grid(nest, [5, 5])
    c = nest.FindCenterElement(layer)
    assert c.global_id == layer[12].global_id
    near = nest.FindNearestElement(layer, [[-0.4, 0.4], [0.4, -0.4]])
    assert [n.global_id for n in near] == [layer[0].global_id, layer[24].global_id]


# ---------------------------------------------------------------------- masks

def brute_select(pos, anchor, inside):
    return [i for i, p in enumerate(pos) if inside(np.asarray(p) - np.asarray(anchor))]


@pytest.mark.parametrize("kind,spec,inside", [
    ("circular", {"radius": 0.25}, lambda q: np.hypot(*q) <= 0.25),
    ("rectangular", {"lower_left": [-0.1, -0.3], "upper_right": [0.25, 0.05]},
     lambda q: -0.1 <= q[0] <= 0.25 and -0.3 <= q[1] <= 0.05),
    ("doughnut", {"inner_radius": 0.1, "outer_radius": 0.3}, lambda q: 0.1 < np.hypot(*q) <= 0.3),
    ("elliptical", {"major_axis": 0.6, "minor_axis": 0.2},
     lambda q: (q[0] / 0.3) ** 2 + (q[1] / 0.1) ** 2 <= 1),
])
def test_select_nodes_by_mask(nest, kind, spec, inside):
    layer = grid(nest, [13, 13])
    pos = nest.GetPosition(layer)
    anchor = [0.07, -0.02]
    mask = nest.CreateMask(kind, spec)
    sel = nest.SelectNodesByMask(layer, anchor, mask)
    got = [g - layer[0].global_id for g in sel.tolist()]
    assert got == brute_select(pos, anchor, inside)
    assert len(got) > 0


def test_mask_inside_and_algebra(nest):
    a = nest.CreateMask("circular", {"radius": 1.0})
    b = nest.CreateMask("rectangular", {"lower_left": [0.0, 0.0], "upper_right": [2.0, 2.0]})
    assert a.Inside([0.5, 0.5]) and not a.Inside([0.9, 0.9])
    assert (a & b).Inside([0.5, 0.5]) and not (a & b).Inside([-0.5, 0.0])
    assert (a | b).Inside([1.5, 1.5]) and (a | b).Inside([-0.5, 0.0])
    assert (a - b).Inside([-0.5, 0.0]) and not (a - b).Inside([0.5, 0.5])
    anchored = nest.CreateMask("circular", {"radius": 0.5}, anchor=[1.0, 0.0])
    assert anchored.Inside([1.2, 0.0]) and not anchored.Inside([0.0, 0.0])


def test_mask_connect_with_wrap_and_anchor(nest):
    pos = nest.spatial.grid(shape=[11, 11], extent=[1.0, 1.0], edge_wrap=True)
    a = nest.Create("iaf_psc_alpha", positions=pos)
    b = nest.Create("iaf_psc_alpha", positions=pos)
    r = 0.2
    nest.Connect(a, b, {"rule": "pairwise_bernoulli", "p": 1.0,
                        "mask": {"circular": {"radius": r}, "anchor": [0.1, 0.0]}})
    c = nest.GetConnections(a, b)
    pa, pb = np.asarray(nest.GetPosition(a)), np.asarray(nest.GetPosition(b))
    src = np.asarray(c.get("source")) - a[0].global_id
    tgt = np.asarray(c.get("target")) - b[0].global_id
    # the mask is centered on the source, shifted by the anchor; the target lies inside it
    d = pb[tgt] - pa[src] - [0.1, 0.0]
    d -= np.round(d)
    assert np.all(np.hypot(d[:, 0], d[:, 1]) <= r + 1e-12)
    # every pair within the (periodic) mask is connected: the same count for every source
    counts = np.bincount(src, minlength=len(a))
    assert len(set(counts.tolist())) == 1 and counts[0] > 0


# ---------------------------------------------------------------------- connection statistics

def test_distance_dependent_probability(nest):
    nest.rng_seed = 11
    nest.SetKernelStatus({"rng_seed": 11})
    pos = nest.spatial.free(nest.random.uniform(-0.5, 0.5), num_dimensions=2, edge_wrap=True)
    src = nest.Create("iaf_psc_alpha", 600, positions=pos)
    tgt = nest.Create("iaf_psc_alpha", 600, positions=pos)
    std = 0.12
    nest.Connect(src, tgt, {"rule": "pairwise_bernoulli",
                            "p": nest.spatial_distributions.gaussian(nest.spatial.distance, std=std)})
    ps, pt = np.asarray(nest.GetPosition(src)), np.asarray(nest.GetPosition(tgt))
    diff = ps[:, None, :] - pt[None, :, :]
    diff -= np.round(diff)
    dist = np.hypot(diff[..., 0], diff[..., 1])
    c = nest.GetConnections(src, tgt)
    conn = np.zeros(dist.shape, bool)
    conn[np.asarray(c.get("source")) - src[0].global_id, np.asarray(c.get("target")) - tgt[0].global_id] = True
    p = np.exp(-dist ** 2 / (2 * std ** 2))
    # the number of connections per distance bin follows the kernel (binomial, 4 sd bands)
    for lo, hi in [(0.0, 0.05), (0.05, 0.1), (0.1, 0.15), (0.15, 0.2), (0.2, 0.3)]:
        sel = (dist >= lo) & (dist < hi)
        expected = p[sel].sum()
        sd = math.sqrt((p[sel] * (1 - p[sel])).sum())
        assert abs(conn[sel].sum() - expected) < 4 * sd + 1, (lo, hi, conn[sel].sum(), expected)
    assert conn[dist > 0.7].sum() == 0 or p[dist > 0.7].max() > 0


def test_fixed_indegree_with_mask(nest):
    nest.rng_seed = 3
    a = grid(nest, [15, 15])
    nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 8, "allow_multapses": False,
                        "mask": {"circular": {"radius": 0.2}},
                        "p": nest.spatial_distributions.exponential(nest.spatial.distance, beta=0.1)})
    c = nest.GetConnections(a, a)
    src = np.asarray(c.get("source"))
    tgt = np.asarray(c.get("target"))
    assert np.all(np.bincount(tgt - a[0].global_id, minlength=len(a)) == 8)
    # no multapses
    assert len(set(zip(src.tolist(), tgt.tolist()))) == len(src)
    d = np.asarray(c.distance)
    assert d.max() <= 0.2 + 1e-12


def test_fixed_outdegree(nest):
    nest.rng_seed = 5
    a = grid(nest, [10, 10])
    b = grid(nest, [10, 10])
    nest.Connect(a, b, {"rule": "fixed_outdegree", "outdegree": 5, "p": nest.math.max(1.0 - 2.0 * nest.spatial.distance,
                                                                                       0.0)})
    c = nest.GetConnections(a, b)
    assert np.all(np.bincount(np.asarray(c.get("source")) - a[0].global_id, minlength=100) == 5)
    assert np.max(c.distance) < 0.5


def test_distance_dependent_weights_and_delays(nest):
    a = grid(nest, [5, 1], extent=[5.0, 1.0])
    nest.Connect(a[0], a, {"rule": "pairwise_bernoulli", "p": 1.0, "allow_autapses": False},
                 {"weight": 2.0 * nest.spatial.distance + 1.0, "delay": 1.0 + nest.spatial.distance})
    c = nest.GetConnections(a[0], a)
    order = np.argsort(c.get("target"))
    np.testing.assert_allclose(np.asarray(c.get("weight"))[order], [3.0, 5.0, 7.0, 9.0])
    np.testing.assert_allclose(np.asarray(c.get("delay"))[order], [2.0, 3.0, 4.0, 5.0])


def test_node_parameters_from_positions(nest):
    layer = nest.Create("iaf_psc_alpha", params={"V_m": -70.0 + 10.0 * nest.spatial.pos.x},
                        positions=nest.spatial.grid(shape=[3, 1], extent=[3.0, 1.0]))
    np.testing.assert_allclose(layer.get("V_m"), [-80.0, -70.0, -60.0])
    vals = (nest.spatial.pos.y * 2.0).apply(layer)
    np.testing.assert_allclose(vals, [0.0, 0.0, 0.0])
    d = nest.spatial.distance.apply(layer[0], [[1.0, 0.0], [-1.0, 1.0]])
    np.testing.assert_allclose(d, [2.0, 1.0])


def test_dump_layer_nodes_and_connections(nest, tmp_path):
    a = grid(nest, [2, 2])
    nest.Connect(a, a, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 0.6}},
                        "allow_autapses": False}, {"weight": 1.5})
    nest.DumpLayerNodes(a, str(tmp_path / "n.txt"))
    nest.DumpLayerConnections(a, a, "static_synapse", str(tmp_path / "c.txt"))
    assert (tmp_path / "n.txt").read_text().splitlines()[0] == "1 -0.25 0.25"
    lines = (tmp_path / "c.txt").read_text().splitlines()
    assert len(lines) == 8   # the diagonal (0.707) is outside the mask
    assert "1 2 1.5 1 0 -0.5" in lines


# ---------------------------------------------------------------------- errors

@pytest.mark.parametrize("mask,message", [
    ({"circular": {"radius": -1.0}}, "radius > 0 required"),
    ({"rectangular": {"lower_left": [0.0, 0.0], "upper_right": [0.0, 1.0]}},
     "Upper right must be strictly to the right and above lower left"),
    ({"doughnut": {"inner_radius": 0.3, "outer_radius": 0.2}}, "inner_radius < outer_radius required"),
    ({"elliptical": {"major_axis": 0.1, "minor_axis": 0.2}}, "major_axis greater than minor_axis required"),
    ({"rectangular": {"lower_left": [0.0, 0.0], "upper_right": [1.0, 1.0], "polar_angle": 3.0}},
     "polar_angle not defined in 2D"),
])
def test_bad_masks(nest, mask, message):
    with pytest.raises(nest.NESTErrors.BadProperty, match=message):
        nest.CreateMask(*next(iter(mask.items())))
    a = grid(nest, [3, 3])
    with pytest.raises(nest.NESTErrors.BadProperty, match=message):
        nest.Connect(a, a, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": mask})


def test_bad_positions_and_oversized_masks(nest):
    with pytest.raises(nest.NESTErrors.BadProperty, match="Node position outside of layer"):
        nest.Create("iaf_psc_alpha", positions=nest.spatial.free([[0.0, 0.0], [2.0, 0.0]], extent=[1.0, 1.0]))
    with pytest.raises(nest.NESTErrors.BadProperty, match="Positions must have 2 or 3 coordinates"):
        nest.Create("iaf_psc_alpha", positions=nest.spatial.free([[0.0, 0.0, 0.0, 0.0]] * 2))
    with pytest.raises(nest.NESTErrors.BadProperty, match="All shape entries must be positive"):
        grid(nest, [3, 0])
    with pytest.raises(nest.NESTError, match="Cannot specify number of nodes with grid positions"):
        nest.Create("iaf_psc_alpha", 4, positions=nest.spatial.grid(shape=[2, 2]))
    assert nest.network_size == 0
    w = grid(nest, [5, 5], edge_wrap=True)
    with pytest.raises(nest.NESTErrors.BadProperty, match="Mask size must not exceed layer size"):
        nest.Connect(w, w, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 0.6}}})
    nest.Connect(w, w, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 0.6}},
                        "allow_oversized_mask": True})
    with pytest.raises(nest.NESTErrors.KernelException, match="Not enough sources found inside mask"):
        nest.Connect(w, w, {"rule": "fixed_indegree", "indegree": 3, "allow_multapses": False,
                            "mask": {"circular": {"radius": 0.01}}})
    with pytest.raises(nest.NESTErrors.BadParameterValue, match="can only be used when connecting"):
        nest.spatial.distance.GetValue()
    plain = nest.Create("iaf_psc_alpha", 3)
    with pytest.raises(TypeError, match="spatial information"):
        nest.Connect(plain, plain, {"rule": "pairwise_bernoulli", "p": 1.0, "mask": {"circular": {"radius": 0.1}}})


# ---------------------------------------------------------------------- threads

def _spatial_network(nest, threads):
    nest.ResetKernel()
    nest.set_verbosity("M_ERROR")
    nest.SetKernelStatus({"local_num_threads": threads, "rng_seed": 42})
    pos = nest.spatial.free(nest.random.uniform(-0.5, 0.5), num_dimensions=2, edge_wrap=True)
    a = nest.Create("iaf_psc_alpha", 300, positions=pos)
    nest.Connect(a, a, {"rule": "pairwise_bernoulli", "mask": {"circular": {"radius": 0.3}},
                        "p": nest.spatial_distributions.gaussian(nest.spatial.distance, std=0.15)},
                 {"weight": nest.random.normal(1.0, 0.2), "delay": 1.0 + nest.spatial.distance})
    nest.Connect(a, a, {"rule": "fixed_indegree", "indegree": 4, "p": 1.0 - nest.spatial.distance})
    c = nest.GetConnections(a, a)
    return (np.asarray(nest.GetPosition(a)), np.asarray(c.get("source")), np.asarray(c.get("target")),
            np.asarray(c.get("weight")), np.asarray(c.get("delay")))


def test_spatial_connect_independent_of_threads(nest):
    one = _spatial_network(nest, 1)
    three = _spatial_network(nest, 3)
    assert len(one[1]) > 1000
    for x, y in zip(one, three):
        np.testing.assert_array_equal(x, y)
