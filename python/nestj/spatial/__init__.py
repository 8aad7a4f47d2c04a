"""nest.spatial: positions of nodes (grid, free) and spatial Parameters (distance, pos,
source_pos, target_pos), as PyNEST's nest.spatial."""
import numpy as np

from ..ll_api import bridge, check_call
from ..lib.hl_api_types import CreateParameter, Parameter

__all__ = ["distance", "free", "grid", "pos", "source_pos", "target_pos"]


class DistanceParameter(Parameter):
    """The distance between source and target of a connection (periodic boundaries respected);
    .x, .y, .z (or .n(dim)) are the absolute distances along one axis."""

    def __init__(self):
        super().__init__(CreateParameter("distance", {})._java)

    @property
    def x(self):
        return CreateParameter("distance", {"dimension": 1})

    @property
    def y(self):
        return CreateParameter("distance", {"dimension": 2})

    @property
    def z(self):
        return CreateParameter("distance", {"dimension": 3})

    @staticmethod
    def n(dimension):
        return CreateParameter("distance", {"dimension": dimension})


distance = DistanceParameter()


class _Positional:
    """Coordinates of a node position as Parameters: x, y, z and n(dimension)."""

    _endpoint = 0

    def __init__(self):
        spec = {} if self._endpoint == 0 else {"synaptic_endpoint": self._endpoint}
        for i, name in enumerate("xyz"):
            setattr(self, name, CreateParameter("position", dict(spec, dimension=i)))

    def n(self, dimension):
        spec = {"dimension": dimension}
        if self._endpoint:
            spec["synaptic_endpoint"] = self._endpoint
        return CreateParameter("position", spec)


class _Pos(_Positional):
    """Position of a node (usable where one node is concerned, e.g. setting node status)."""
    _endpoint = 0


class _SourcePos(_Positional):
    """Position of the source node of a connection."""
    _endpoint = 1


class _TargetPos(_Positional):
    """Position of the target node of a connection."""
    _endpoint = 2


pos = _Pos()
source_pos = _SourcePos()
target_pos = _TargetPos()


class grid:
    """Grid positions: shape [columns, rows(, depth)], optional center, extent and edge_wrap."""

    def __init__(self, shape, center=None, extent=None, edge_wrap=False):
        self.shape = shape
        self.center = center
        self.extent = extent
        self.edge_wrap = edge_wrap


class free:
    """Free positions: a list of 2- or 3-element positions, a list of one Parameter per
    dimension, or a single Parameter (with num_dimensions or extent)."""

    def __init__(self, pos, extent=None, edge_wrap=False, num_dimensions=None):
        if extent and num_dimensions:
            raise TypeError("extent and number of dimensions cannot be specified at the same time")
        if isinstance(pos, (list, tuple, np.ndarray)):
            if num_dimensions:
                raise TypeError("number of dimensions cannot be specified when using an array of positions")
            if len(pos) == sum(isinstance(d, Parameter) for d in pos):
                self.pos = self._dimension(list(pos), len(pos))
            else:
                self.pos = pos
        elif isinstance(pos, Parameter):
            if extent:
                num_dimensions = len(extent)
            if not num_dimensions:
                raise TypeError(
                    "could not infer number of dimensions. Set num_dimensions or extent when using Parameter as pos")
            self.pos = self._dimension([pos] * num_dimensions, num_dimensions)
        else:
            raise TypeError("pos must be either an array of positions, or a Parameter")
        self.extent = extent
        self.edge_wrap = edge_wrap

    @staticmethod
    def _dimension(params, num_dimensions):
        if num_dimensions not in (2, 3):
            raise ValueError("Number of dimensions must be 2 or 3.")
        from ..ll_api import _ObjArr
        return Parameter(check_call("dimension", bridge.parameterDimension, _ObjArr([p._java for p in params])))
