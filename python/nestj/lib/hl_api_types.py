"""PyNEST's types (lib/hl_api_types): NodeCollection, SynapseCollection, Parameter, CollocatedSynapses."""
import json
import numbers

import numpy as np

from ..ll_api import bridge, check_call, to_java, to_py
from .hl_api_exceptions import NESTErrors
from .hl_api_helper import _is_value_sequence

__all__ = ["CollocatedSynapses", "Compartments", "CreateParameter", "Mask", "NodeCollection", "Parameter", "Receptors",
           "SynapseCollection", "serialize_data", "to_json"]


def _gids_array(x):
    return np.asarray(x, dtype=np.int64)


_INVALID_NC = "InvalidNodeCollection: note that ResetKernel invalidates all previously created NodeCollections."


def _check_valid(fname, *ncs, message=_INVALID_NC):
    """NEST's NodeCollection::valid checks: a NodeCollection made before the last ResetKernel raises
    KernelException (InvalidNodeCollection)."""
    for nc in ncs:
        if not nc._valid():
            raise NESTErrors.KernelException(fname, message)


def _runs(gids, models):
    """Primitive parts (first, last, model) of sorted node ids with their models: maximal runs of
    consecutive ids of one model (NEST's NodeCollection::create_)."""
    parts = []
    for g, m in zip(gids, models):
        g = int(g)
        if parts and parts[-1][2] == m and parts[-1][1] + 1 == g:
            parts[-1][1] = g
        else:
            parts.append([g, g, m])
    return [tuple(p) for p in parts]


def _merge_parts(parts):
    """Sorted parts with contiguous parts of one model merged (NEST's merge_parts_)."""
    out = []
    for f, l, m in sorted(parts):
        if out and out[-1][2] == m and out[-1][1] + 1 == f:
            out[-1] = (out[-1][0], l, m)
        else:
            out.append((f, l, m))
    return out


class NodeCollection:
    """An ordered set of node ids (NEST's NodeCollection). Ids start at 1.

    Besides the node ids (``_gids``), a collection keeps NEST's structure: its primitive parts
    (``_parts``: first id, last id, model of each contiguous run of one model; for a composite all
    parts it was made from), whether it is composite and whether it is a sliced composite, and the
    kernel generation it was made under (ResetKernel invalidates it for joining and slicing).
    Collections the kernel makes internally learn their parts when first needed."""

    __slots__ = ("_gids", "_meta", "_parts", "_composite", "_sliced", "_gen", "_firsts")

    def __init__(self, data=None):
        if data is None:
            data = []
        if isinstance(data, NodeCollection):
            data._struct()
            self._init(data._gids, data._meta, data._parts, data._composite, data._sliced, data._gen)
            return
        if isinstance(data, numbers.Integral) and not isinstance(data, bool):
            data = [data]
        if isinstance(data, np.ndarray):
            if data.ndim != 1 or not (np.issubdtype(data.dtype, np.integer) or data.size == 0):
                raise TypeError("NodeCollection needs a one-dimensional array of integer node ids")
            g = _gids_array(data)
        else:
            data = list(data)
            if any(not isinstance(x, numbers.Integral) or isinstance(x, bool) for x in data):
                raise TypeError("NodeCollection needs a list of integer node ids")
            g = _gids_array(data)
        if g.size:
            d = np.diff(g)
            if np.any(d < 0):
                raise NESTErrors.BadProperty("NodeCollection", "Node IDs must be sorted in ascending order")
            if np.any(d == 0):
                raise NESTErrors.BadProperty("NodeCollection", "All node IDs in a NodeCollection have to be unique")
            if g[0] < 1 or g[-1] > int(bridge.networkSize()):
                raise NESTErrors.UnknownNode("NodeCollection", "Node ids must be between 1 and %d." %
                                             int(bridge.networkSize()))
        self._init(g, None, None, None, False, None)
        self._struct()

    def _init(self, gids, meta, parts, composite, sliced, gen):
        from .. import ll_api
        object.__setattr__(self, "_gids", gids)
        object.__setattr__(self, "_meta", meta)
        object.__setattr__(self, "_parts", parts)
        object.__setattr__(self, "_composite", composite)
        object.__setattr__(self, "_sliced", sliced)
        object.__setattr__(self, "_gen", ll_api.kernel_generation if gen is None else gen)
        object.__setattr__(self, "_firsts", None)

    @classmethod
    def _from_range(cls, first, n, model=None):
        nc = cls.__new__(cls)
        parts = [(int(first), int(first) + int(n) - 1, model)] if model is not None and n > 0 else None
        nc._init(np.arange(first, first + n, dtype=np.int64), None, parts, False if parts else None, False, None)
        return nc

    @classmethod
    def _from_array(cls, arr):
        nc = cls.__new__(cls)
        nc._init(_gids_array(arr), None, None, None, False, None)
        return nc

    def _struct(self):
        """The parts of a collection made from bare node ids, from the models of its nodes."""
        if self._parts is None:
            if self._gids.size == 0:
                parts = []
            else:
                f, l, names = check_call("NodeCollection", bridge.blocksOf, to_java(self._gids))
                parts = list(zip((int(x) for x in to_py(f)), (int(x) for x in to_py(l)), to_py(names)))
            object.__setattr__(self, "_parts", parts)
            object.__setattr__(self, "_composite", len(parts) > 1)
            object.__setattr__(self, "_sliced", False)
        return self._parts

    def _valid(self):
        from .. import ll_api
        return self._gen == ll_api.kernel_generation

    def _derived(self, gids, parts, composite, sliced, meta):
        nc = NodeCollection.__new__(NodeCollection)
        nc._init(gids, meta, parts, composite, sliced, self._gen)
        return nc

    def _models_of(self, gids):
        """Model of each of the given node ids (all in this collection's parts)."""
        parts = self._struct()
        idx = np.searchsorted(self._part_firsts(), gids, side="right") - 1
        return [parts[i][2] for i in idx]

    def _part_firsts(self):
        if self._firsts is None:
            object.__setattr__(self, "_firsts", np.array([p[0] for p in self._struct()], dtype=np.int64))
        return self._firsts

    # --- container protocol
    def __len__(self):
        return int(self._gids.size)

    def __bool__(self):
        return self._gids.size > 0

    def __iter__(self):
        for i in range(self._gids.size):
            g = int(self._gids[i])
            yield self._single(i, g)

    def _single(self, i, g):
        """Element i (node id g): a primitive, or a sliced composite for nodes with positions."""
        parts = self._struct()
        (m,) = self._models_of([g])
        if self._meta is None:
            return self._derived(self._gids[i:i + 1], [(g, g, m)], False, False, None)
        (part,) = [p for p in parts if p[0] <= g <= p[1]]
        return self._derived(self._gids[i:i + 1], [part], True, part[0] != part[1], self._meta)

    def _slice(self, start, stop, step):
        """NEST's Take_g_a: start/stop may count from the end; the result must not be empty."""
        n = len(self)
        if step < 1:
            raise NESTErrors.BadParameter("Take_g_a", "Slicing step must be strictly positive.")
        if start < 0:
            start += n
            stop = n if stop == 0 else stop
        if stop < 0:
            stop += n
        if not start < stop:
            raise NESTErrors.BadParameter("Take_g_a", "start < stop required.")
        if stop > n:
            raise NESTErrors.BadParameter("Take_g_a", "stop <= size() required.")
        _check_valid("NodeCollection", self)
        parts = self._struct()
        gids = self._gids[start:stop:step]
        if not self._composite:
            if step == 1 and self._meta is None:
                return self._derived(gids, [(int(gids[0]), int(gids[-1]), parts[0][2])], False, False, None)
            return self._derived(gids, parts, True, start != 0 or stop != n or step > 1, self._meta)
        if self._sliced and gids.size > 1:
            raise NESTErrors.BadProperty("Take_g_a", "Cannot slice a sliced composite NodeCollection.")
        pf, pl = np.searchsorted(self._part_firsts(), [gids[0], gids[-1]], side="right") - 1
        if step == 1 and pf == pl:
            f, l, m = parts[pf]
            if self._meta is None:
                return self._derived(gids, [(int(gids[0]), int(gids[-1]), m)], False, False, None)
            return self._derived(gids, [parts[pf]], True, int(gids[0]) != f or int(gids[-1]) != l, self._meta)
        return self._derived(gids, parts, True, True, self._meta)

    def __getitem__(self, key):
        n = len(self)
        if isinstance(key, slice):
            start = 0 if key.start is None else key.start
            if key.start is not None and abs(start) > n:
                raise IndexError("slice start value outside of the NodeCollection")
            stop = n if key.stop is None else key.stop
            if key.stop is not None and abs(stop) > n:
                raise IndexError("slice stop value outside of the NodeCollection")
            step = 1 if key.step is None else key.step
            if step < 1:
                raise IndexError("slicing step for NodeCollection must be strictly positive")
            return self._slice(start, stop, step)
        if isinstance(key, (int, np.integer)) and not isinstance(key, (bool, np.bool_)):
            if key >= n or key + n < 0:
                raise IndexError("index value outside of the NodeCollection")
            _check_valid("NodeCollection", self)
            i = int(key) % n
            return self._single(i, int(self._gids[i]))
        if isinstance(key, (list, tuple)):
            if len(key) == 0:
                return NodeCollection([])
            if all(isinstance(x, (bool, np.bool_)) for x in key):
                if len(key) != n:
                    raise IndexError("Bool index array must be the same length as NodeCollection")
                arr = np.array(key, dtype=bool)
            elif all(isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_)) for x in key):
                arr = np.array(key, dtype=np.int64)
                if len(np.unique(arr)) != len(arr):
                    raise ValueError("All node IDs in a NodeCollection have to be unique")
            else:
                raise TypeError("Indices must be integers or bools")
            return self._take(arr)
        if isinstance(key, np.ndarray):
            if len(key) == 0:
                return NodeCollection([])
            if key.ndim != 1:
                raise TypeError("NumPy indices must one-dimensional")
            is_bool = np.issubdtype(key.dtype, np.bool_)
            if not (is_bool or np.issubdtype(key.dtype, np.integer)):
                raise TypeError("NumPy indices must be an array of integers or bools")
            if is_bool and len(key) != n:
                raise IndexError("Bool index array must be the same length as NodeCollection")
            if not is_bool and len(np.unique(key)) != len(key):
                raise ValueError("All node IDs in a NodeCollection have to be unique")
            return self._take(key)
        raise IndexError("only integers, slices, lists, tuples, and numpy arrays are valid indices")

    def _take(self, arr):
        """Array indexing (NEST's node_collection_array_index): a new collection of the chosen
        nodes, without metadata; integer indices must lie in the collection and be ascending."""
        if arr.dtype == bool:
            gids = self._gids[arr]
        else:
            n = len(self)
            bad = arr[(arr < 0) | (arr >= n)]
            if bad.size:
                raise IndexError("pos {} points outside of the NodeCollection".format(int(bad[0])))
            if np.any(np.diff(arr) < 0):
                raise NESTErrors.BadProperty("take_array_index", "Indices must be sorted in ascending order")
            gids = self._gids[arr]
        if gids.size == 0:
            return NodeCollection([])
        parts = _runs(gids, self._models_of(gids))
        return self._derived(gids, parts, len(parts) > 1, False, None)

    def __contains__(self, other):
        if isinstance(other, NodeCollection):
            return bool(np.all(np.isin(other._gids, self._gids)))
        return int(other) in self._gids

    def _same_layer(self, other):
        """NEST's metadata equality: both without metadata, or both of the same layer."""
        if self._meta is None and other._meta is None:
            return True
        if self._meta is None or other._meta is None or not self or not other:
            return False
        a = bridge.layerGids(int(self._gids[0]))
        b = bridge.layerGids(int(other._gids[0]))
        return len(a) > 0 and len(b) > 0 and int(a[0]) == int(b[0])

    def __add__(self, other):
        if not isinstance(other, NodeCollection):
            # PyNEST: 0 stands for the empty collection, so that sum() joins NodeCollections
            if isinstance(other, numbers.Number) and other == 0:
                other = NodeCollection()
            else:
                raise TypeError(f"Cannot add object of type '{type(other).__name__}' to 'NodeCollection'")
        if not (self._valid() and other._valid()) and self and other:
            raise NESTErrors.KernelException("NodeCollection", _INVALID_NC)
        if not other or not self:
            src = self if self else other
            src._struct()
            return src._derived(src._gids.copy(), src._parts, src._composite, src._sliced, src._meta)
        if not self._same_layer(other):
            raise NESTErrors.BadProperty("join", "Can only join NodeCollections with same metadata.")
        self._struct()
        other._struct()
        if (self._composite and self._sliced) or (other._composite and other._sliced):
            raise NESTErrors.BadProperty("join", "Cannot add NodeCollection to a sliced composite.")
        if np.intersect1d(self._gids, other._gids).size:
            raise NESTErrors.BadProperty("join", "Cannot join overlapping NodeCollections.")
        parts = _merge_parts(list(self._parts) + list(other._parts))
        return self._derived(np.union1d(self._gids, other._gids), parts, len(parts) > 1, False, self._meta)

    def __radd__(self, other):
        return self + other

    def __eq__(self, other):
        if not isinstance(other, NodeCollection):
            raise NotImplementedError("Cannot compare NodeCollection to {}".format(type(other).__name__))
        if len(self) != len(other):
            return False
        if not self:
            return True
        # NEST: primitives equal in first, last, model and metadata; composites in their parts
        # (and here also in their node ids, which NEST's composite comparison leaves out)
        self._struct()
        other._struct()
        return (bool(self._composite) == bool(other._composite) and list(self._parts) == list(other._parts)
                and bool(np.array_equal(self._gids, other._gids)) and self._same_layer(other))

    def __neq__(self, other):
        if not isinstance(other, NodeCollection):
            raise NotImplementedError()
        return not self == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._gids.tobytes())

    def _to_array(self, selection="all"):
        """NEST's debugging helper: node ids of all nodes ("all"), of this rank ("rank") or per
        local thread ("thread")."""
        ids = [int(g) for g in self._gids]
        if selection == "all":
            return {"All": ids}
        if selection == "rank":
            return {"Rank 0": ids}
        if selection == "thread":
            nthr = int(to_py(check_call("cva_g_l", bridge.getKernelStatus))["local_num_threads"])
            res = {t: [] for t in range(nthr)}
            if ids:
                threads = _get_values(self, "thread")
                if len(ids) == 1:
                    threads = (threads,)
                for g, t in zip(ids, threads):
                    res[int(t)].append(g)
            return res
        raise NESTErrors.BadParameter(
            "cva_g_l", "to_array() accepts only 'all', 'rank', 'thread', but got '{}'.".format(selection))

    def index(self, node_id):
        idx = np.searchsorted(self._gids, node_id)
        if idx >= self._gids.size or self._gids[idx] != node_id:
            raise ValueError("{} not in NodeCollection".format(node_id))
        return int(idx)

    def tolist(self):
        return [int(g) for g in self._gids]

    def __array__(self, dtype=None):
        return np.asarray(self._gids, dtype=dtype)

    @property
    def local(self):
        return True if len(self) == 1 else (True,) * len(self)

    @property
    def spatial(self):
        """The layer's metadata (NEST's GetMetadata): center, edge_wrap, extent, network_size and
        shape (grid) or positions (free); None for nodes without positions."""
        if self._meta is None or not self:
            return None
        _check_valid("GetMetadata", self)
        from ..ll_api import _LongArr
        m = check_call("GetMetadata", bridge.spatialMetadata, _LongArr(self._gids))
        if m is None:
            return None
        d = to_py(m)
        for k in ("center", "extent", "shape"):
            if k in d:
                d[k] = tuple(x.item() for x in np.asarray(d[k]))
        if "positions" in d:
            d["positions"] = tuple(tuple(float(x) for x in r) for r in d["positions"])
        return d

    def _blocks(self):
        f, l, names = check_call("NodeCollection", bridge.blocksOf, to_java(self._gids))
        return list(zip(to_py(f), to_py(l), to_py(names)))

    def __str__(self):
        """NEST's NodeCollection printing (print_me): one line for a primitive, one line per part
        for a composite; a sliced composite shows each part's chosen nodes (and the step)."""
        if not self:
            return "NodeCollection(<empty>)"
        parts = self._struct()
        meta = "spatial" if self._meta is not None else "None"

        def prim(f, l, m):
            n = l - f + 1
            return "model={}, size={}, first={}".format(m, n, f) + (", last={}".format(l) if n > 1 else "")

        if not self._composite:
            f, l, m = parts[0]
            return "NodeCollection(metadata={}, {})".format(meta, prim(f, l, m))
        head = "NodeCollection(metadata={},".format(meta)
        space = "\n" + " " * len("NodeCollection(")
        if not self._sliced:
            return head + ";".join(space + prim(f, l, m) for f, l, m in parts) + ")"
        # sliced: the chosen nodes grouped by the part they lie in
        which = np.searchsorted(self._part_firsts(), self._gids, side="right") - 1
        step = int(self._gids[1] - self._gids[0]) if len(self) > 1 and which[0] == which[1] else None
        groups = []
        for pi in dict.fromkeys(which.tolist()):
            ids = self._gids[which == pi]
            groups.append((parts[pi][2], ids))
        if len(self) > 1 and step is None:
            # the step of NEST's sliced composite: the distance of neighbours in one part, or
            # across parts in position
            pos = np.concatenate([np.arange(p[0], p[1] + 1) for p in parts])
            idx = np.searchsorted(pos, self._gids)
            step = int(idx[1] - idx[0])
        out = []
        for k, (m, ids) in enumerate(groups):
            last = k == len(groups) - 1
            if ids.size == 1:
                t = "model={}, size=1, first={}, last={}".format(m, ids[0], ids[0]) + ("" if last else ";")
            else:
                t = "model={}, size={}, first={}, last={}".format(m, ids.size, ids[0], ids[-1])
                if step is not None and step > 1:
                    t += ", step={}".format(step) + ("" if last else ";")
            out.append(space + t)
        return head + "".join(out) + ")"

    __repr__ = __str__

    # --- status
    def get(self, *params, **kwargs):
        if not self:
            raise ValueError("Cannot get parameter of empty NodeCollection")
        _check_valid("GetStatus", self)
        if not kwargs:
            output = ""
        elif "output" in kwargs and len(kwargs) == 1:
            output = kwargs["output"]
        else:
            raise TypeError("Got unexpected keyword argument")
        if len(params) == 0:
            result = self._get_all()
        elif len(params) == 1:
            result = self._get_param(params[0])
            if params[0] in ("compartments", "receptors"):
                result = (Compartments if params[0] == "compartments" else Receptors)(self, tuple(result))
        else:
            # hierarchical addressing, as PyNEST: get('events', 'times') or get('events', ['senders', 'times'])
            if not isinstance(params[0], str):
                raise TypeError("First argument must be a string, specifying path into hierarchical dictionary")
            first = self._get_param(params[0])
            values = first if isinstance(first, tuple) else (first,)
            if len(params) > 2:
                values = tuple(_descend(v, params[1:-1]) for v in values)
            if len(values) == 1:
                table = dict(values[0])
            else:
                keys = sorted({k for v in values for k in v})
                table = {k: [v.get(k) for v in values] for k in keys}
            if isinstance(params[-1], str):
                result = table[params[-1]]
            else:
                result = {k: table[k] for k in params[-1]}
        if output == "pandas":
            import pandas
            index = self.get("global_id")
            if len(params) == 1 and isinstance(params[0], str):
                result = {params[0]: result}
            elif len(params) > 1 and isinstance(params[1], str):
                result = {params[1]: result}
            if len(self) == 1:
                index = [index]
                result = {k: [v] for k, v in result.items()}
            result = {k: _as_numeric_column(v) for k, v in result.items()}
            return pandas.DataFrame(result, index=_as_numeric_column(index))
        if output == "json":
            return to_json(result)
        return result

    def _get_all(self):
        """All properties: per key the value (one node) or a tuple over the nodes (None where a
        node has no such property)."""
        dicts = _get_status(self)
        if len(dicts) == 1:
            return dicts[0]
        keys = sorted(set().union(*[d.keys() for d in dicts]))
        return {k: tuple(d.get(k) for d in dicts) for k in keys}

    def _get_param(self, param):
        if isinstance(param, str):
            try:
                return _get_values(self, param)
            except NESTErrors.NESTError:
                # as PyNEST: a key only some nodes have (composite collections) gives None for the
                # others; a key no node has raises KeyError
                return self._get_all()[param]
        if _is_value_sequence(param):
            return {k: self._get_param(k) for k in param}
        raise TypeError("Params should be either a string or an iterable")

    def set(self, params=None, **kwargs):
        if not self:
            return
        if kwargs and params is None:
            params = kwargs
        elif kwargs and params:
            raise TypeError("must either provide params or kwargs, but not both.")
        if params is None:
            return
        if isinstance(params, dict) and ("compartments" in params or "receptors" in params):
            params = dict(params)
            for key, cls in (("compartments", Compartments), ("receptors", Receptors)):
                if key in params:
                    if isinstance(params[key], cls):
                        params[key] = list(params[key].get_tuple())
                    elif params[key] is None:
                        # added by the += operator already
                        params.pop(key)
            if not params:
                return
        if isinstance(params, dict):
            if any(isinstance(v, Parameter) for v in params.values()) and \
                    all(isinstance(v, Parameter) or not _is_value_sequence(v) or isinstance(v, str) for v in params.values()):
                # Parameters: values drawn in the JVM, applied per node there (one call)
                common = {k: v for k, v in params.items() if not isinstance(v, Parameter)}
                keys = [k for k, v in params.items() if isinstance(v, Parameter)]
                from ..ll_api import _LongArr, _ObjArr, _StrArr
                check_call("SetStatus", bridge.setStatusParameters, _LongArr(np.asarray(self._gids, dtype=np.int64)),
                           to_java(common), _StrArr(keys), _ObjArr([params[k]._java for k in keys]))
                return
            node0 = None
            split = False
            for key, vals in params.items():
                if isinstance(vals, Parameter):
                    split = True
                    break
                if _is_value_sequence(vals) and not isinstance(vals, dict):
                    if node0 is None:
                        node0 = _get_status(self[0])[0]
                    if key in node0 and not _is_value_sequence(node0[key]):
                        split = True
                        break
            if split:
                n = len(self)
                per = [{} for _ in range(n)]
                for key, vals in params.items():
                    if isinstance(vals, Parameter):
                        vals = vals._values_for(self)
                    if _is_value_sequence(vals) and not isinstance(vals, dict) and key in (node0 or _get_status(self[0])[0]) \
                            and not _is_value_sequence((node0 or _get_status(self[0])[0])[key]):
                        # as PyNEST: value i goes to node i (extra values are not used; too few raise IndexError)
                        for i in range(n):
                            v = vals[i]
                            per[i][key] = v.item() if isinstance(v, np.generic) else v
                    else:
                        for i in range(n):
                            per[i][key] = vals
                params = per
            else:
                check_call("SetStatus", bridge.setStatus, to_java(self._gids), to_java(params))
                return
        if isinstance(params, (list, tuple)):
            if len(self) != len(params):
                raise TypeError("status dict must be a dict, or a list of dicts of length {} ".format(len(self)))
            from ..ll_api import _MapArr
            maps = _MapArr([to_java(p) for p in params])
            check_call("SetStatus", bridge.setStatusEach, to_java(self._gids), maps)
            return
        raise TypeError("params must be a dict or a list of dicts")

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        if not self:
            raise AttributeError("Cannot get attribute of empty NodeCollection")
        if attr == "spatial":
            return self.spatial
        return self.get(attr)

    def __setattr__(self, attr, value):
        if attr.startswith("_"):
            object.__setattr__(self, attr, value)
            return
        self.set({attr: value})

    def __dir__(self):
        return list(object.__dir__(self)) + (list(self[0].get().keys()) if self else [])


def _descend(value, keys):
    for k in keys:
        if isinstance(k, str):
            value = value[k]
        else:
            value = {kk: value[kk] for kk in k}
    return value


def _get_status(nc):
    _check_valid("GetStatus", nc)
    res = check_call("GetStatus", bridge.getStatus, to_java(nc._gids))
    return [_finish_dict(d) for d in to_py(res)]


# Status entries NEST 3.9 returns as numpy arrays (DoubleVectorDatum/IntVectorDatum in the models'
# get_status); every other list-valued entry is an SLI array, which PyNEST returns as a tuple
# (e.g. tau_syn of the multisynapse models, tau_sfa/q_sfa of gif models, asc_init of glif models).
_NUMPY_STATUS_KEYS = frozenset((
    "dg", "g", "n_events", "histogram", "histogram_correction", "count_histogram", "noise", "rate_times",
    "rate_values", "pulse_times", "spike_times", "spike_weights", "spike_multiplicities", "amplitude_times",
    "amplitude_values", "lookuptable_0", "lookuptable_1", "lookuptable_2", "configbit_0", "configbit_1",
    "reset_pattern", "data", "index_map", "message_times"))


def _nest_value(key, v):
    """A status value as PyNEST gives it: numpy arrays only for NEST's vector data, NodeCollections for
    a weight_recorder's senders/targets filters, else tuples."""
    if isinstance(v, list) and key in ("covariance", "count_covariance"):
        # an SLI array of SLI arrays of vectors (correlomatrix/correlospinmatrix_detector): tuples
        return tuple(tuple(r) if isinstance(r, list) else r for r in v)
    if isinstance(v, np.ndarray) and v.ndim == 1 and key not in _NUMPY_STATUS_KEYS:
        if key in ("senders", "targets"):
            return NodeCollection(sorted(set(int(x) for x in v)))
        return tuple(v.tolist())
    return v


def _finish_dict(d):
    if "events" in d and isinstance(d["events"], dict):
        ev = d["events"]
        for k, v in ev.items():
            if isinstance(v, tuple):
                ev[k] = np.asarray(v)
    for k, v in d.items():
        if isinstance(v, (np.ndarray, list)):
            d[k] = _nest_value(k, v)
    return d


def _as_numeric_column(v):
    """A list of ints, floats or bools as the numpy array pandas would infer from it (int64, float64,
    bool); anything else (strings, None among the values, nested values) unchanged."""
    if not isinstance(v, (list, tuple)) or not v:
        return v
    t = type(v[0])
    if t not in (int, float, bool) or any(type(x) is not t for x in v):
        return v
    return np.asarray(v, dtype={int: np.int64, float: np.float64, bool: np.bool_}[t])


def _get_values(nc, key):
    v = check_call("get", bridge.getValues, to_java(nc._gids), key)
    v = to_py(v)
    if isinstance(v, np.ndarray):
        if len(nc) == 1:
            return v[0].item()
        return tuple(v.tolist())   # Python floats/ints, as item() gives them
    vals = [(x if key == "events" else _finish_dict(x)) if isinstance(x, dict) else _nest_value(key, x) for x in v]
    if len(nc) == 1:
        return vals[0]
    return tuple(vals)


def _same_value(a, b):
    """Equality of two status values (NaN equal to NaN, arrays element-wise)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.array_equal(np.asarray(a), np.asarray(b), equal_nan=np.asarray(a).dtype.kind == "f")
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return a == b


def _masked(vals, mask):
    """vals with None where mask is False (a connection whose model lacks the key)."""
    if mask.all():
        return vals
    return [v if m else None for v, m in zip(vals, mask)]


class SynapseCollection:
    """A set of connections as returned by GetConnections (NEST's SynapseCollection).

    Holds per connection the source, target, synapse_id, port and target_thread (NEST's
    ConnectionID) and a handle (segment, index) into the engine's connection tables. The engine
    numbers each change of its connections; when connections were created or removed since the
    handles were taken, they are looked up again by (synapse_id, source, target, target_thread), so
    a collection stays usable after later Connect calls, as NEST's does. It is out of date (an
    error, never a silently different connection) if one of its connections is gone (Disconnect)
    or is one of several connections with the same ids (multapses) that differ in some property:
    the engine's sorting does not keep multapses in creation order, so only indistinguishable ones
    can be matched again."""

    _COLS = ("source", "target", "synapse_id", "port", "target_thread", "handle_store", "handle_index")
    # keys of a connection's status (NEST's get_synapse_status + the static synapse's get_status)
    # (sizeof comes with the model's keys: some models' connections have none)
    _BASE_KEYS = ("delay", "port", "receptor", "source", "synapse_id", "synapse_model", "target",
                  "target_thread")

    def __init__(self, data=None):
        if data is None:
            data = {k: np.zeros(0, np.int64) for k in self._COLS}
            data["version"] = int(bridge.connectionVersion())
        object.__setattr__(self, "_d", data)
        object.__setattr__(self, "print_full", False)

    @classmethod
    def _from_java(cls, m):
        return cls(to_py(m))

    def __len__(self):
        return int(self._d["source"].size)

    def __bool__(self):
        return len(self) > 0

    def _refresh(self):
        """Re-takes the handles if the engine's connections changed since they were taken."""
        d = self._d
        cur = int(bridge.connectionVersion())
        if int(d["version"]) == cur:
            return
        n = len(self)
        if n == 0:
            d["version"] = cur
            return
        from ..ll_api import _LongArr
        src = np.unique(np.asarray(d["source"], dtype=np.int64))
        tgt = np.unique(np.asarray(d["target"], dtype=np.int64))
        m = to_py(check_call("GetStatus_a", bridge.findConnections, _LongArr(src), _LongArr(tgt)))
        keys = ("synapse_id", "source", "target", "target_thread")
        index = {}
        for j, k in enumerate(zip(*(np.asarray(m[c]).tolist() for c in keys))):
            index.setdefault(k, []).append(j)
        rows = np.empty(n, dtype=np.int64)
        seen, multi = {}, {}
        for i, k in enumerate(zip(*(np.asarray(d[c]).tolist() for c in keys))):
            cand = index.get(k)
            r = seen.get(k, 0)
            seen[k] = r + 1
            if cand is None or r >= len(cand):
                raise NESTErrors.KernelException(
                    "get", "This SynapseCollection is out of date: some of its connections were removed after it "
                    "was obtained. Call GetConnections again.")
            rows[i] = cand[r]
            if len(cand) > 1:
                multi[k] = cand
        if multi:
            # multapses (same source, target, model): the engine's sorting does not keep them in creation
            # order, so their handles can be matched only if they are indistinguishable (equal in every
            # property but the port); otherwise the collection is out of date
            js = sorted({j for cand in multi.values() for j in cand})
            sub = {c: np.asarray(m[c])[js] for c in self._COLS}
            sub["version"] = int(m["version"])
            vals = SynapseCollection(sub).get()
            pos = {j: q for q, j in enumerate(js)}
            for k, cand in multi.items():
                for key, col in vals.items():
                    if key == "port":
                        continue
                    col = list(col) if isinstance(col, (list, tuple, np.ndarray)) else [col]
                    ref = col[pos[cand[0]]]
                    if any(not _same_value(col[pos[j]], ref) for j in cand[1:]):
                        raise NESTErrors.KernelException(
                            "get", "This SynapseCollection is out of date: connections were created or removed after "
                            "it was obtained, and it holds multapses (several connections from {} to {}) that differ "
                            "in '{}' and cannot be told apart afterwards. Call GetConnections again.".format(
                                k[1], k[2], key))
        for c in self._COLS:
            d[c] = np.asarray(m[c])[rows]
        d["version"] = int(m["version"])

    def _ver(self):
        self._refresh()
        return int(self._d["version"])

    def _subset(self, sel):
        try:
            self._refresh()      # once for all parts; a part that is out of date says so when used
        except NESTErrors.KernelException:
            pass
        d = {k: (v[sel] if isinstance(v, np.ndarray) else v) for k, v in self._d.items()}
        return SynapseCollection(d)

    def __getitem__(self, key):
        if isinstance(key, (int, np.integer)):
            n = len(self)
            if key < -n or key >= n:
                raise IndexError("list index out of range")
            return self._subset(np.array([key % n]))
        if isinstance(key, slice):
            return self._subset(key)
        return self._subset(np.asarray(key))

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other):
        if not isinstance(other, SynapseCollection):
            raise NotImplementedError()
        if len(self) != len(other):
            return False
        return all(np.array_equal(self._d[k], other._d[k])
                   for k in ("source", "target", "target_thread", "synapse_id", "port"))

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    # -------------------------------------------------------------- values

    def _jh(self):
        from ..ll_api import _IntArr
        self._refresh()
        return (_IntArr(np.asarray(self._d["handle_store"], dtype=np.int32)),
                _IntArr(np.asarray(self._d["handle_index"], dtype=np.int32)))

    def _column(self, key):
        """All values of one key (present or not), as an array in connection order."""
        if key in ("source", "target", "port", "target_thread", "synapse_id"):
            col = np.asarray(self._d[key])
            if key == "synapse_id" and len(self) > 0:
                # a model's own synapse_id entry (stdp_facetshw_synapse_hom) replaces the model id, as in NEST
                mk = self._model_keys()
                own = self._of_models([sid for sid, ks in mk.items() if "synapse_id" in ks], len(mk))
                if own.any():
                    hs, ix = self._jh()
                    v = to_py(check_call("GetStatus_a", bridge.getConnValues, hs, ix, key, self._ver()))
                    col = np.where(own, np.asarray(v, dtype=np.float64), col).astype(np.int64)
            return col
        if len(self) == 0:
            return np.zeros(0)
        if key == "synapse_model":
            # the model of each connection from its model id (synapse_models lists the models by id)
            self._refresh()
            names = np.asarray(to_py(bridge.synapseModels()), dtype=object)
            return names[np.asarray(self._d["synapse_id"])]
        hs, ix = self._jh()
        v = check_call("GetStatus_a", bridge.getConnValues, hs, ix, key, self._ver())
        return to_py(v)

    def _key_mask(self, key, model_keys):
        """Which connections have the key in their status (model_keys: from _model_keys())."""
        if key in self._BASE_KEYS:
            # '-key': a generic key the model's status lacks (e.g. sizeof of quantal_stp_synapse)
            has = [sid for sid, ks in model_keys.items() if "-" + key not in ks]
        else:
            has = [sid for sid, ks in model_keys.items() if key in ks]
        return self._of_models(has, len(model_keys))

    def _of_models(self, sids, n_models):
        """Which connections are of one of the synapse model ids sids (of the n_models present)."""
        if len(sids) == n_models:
            return np.ones(len(self), dtype=bool)
        return np.isin(np.asarray(self._d["synapse_id"]), sids)

    def _model_keys(self):
        """Per synapse model id among the connections: the status keys the model adds (weight,
        synapse_label, model state)."""
        per_model = {}
        sids = np.asarray(self._d["synapse_id"])
        # the model ids present (small integers: a count per id, in one pass)
        for sid in np.flatnonzero(np.bincount(sids)) if sids.size else ():
            first = int(np.argmax(sids == sid))
            per_model[int(sid)] = set(str(self._column_at("_keys", first)).split())
        return per_model

    def _column_at(self, key, i):
        from ..ll_api import _IntArr
        self._refresh()
        hs = _IntArr(np.asarray(self._d["handle_store"][i:i + 1], dtype=np.int32))
        ix = _IntArr(np.asarray(self._d["handle_index"][i:i + 1], dtype=np.int32))
        return to_py(check_call("GetStatus_a", bridge.getConnValues, hs, ix, key, self._ver()))[0]

    def _values(self, key):
        return self._column(key)

    def _rows(self, keys):
        """{key: (list of values, mask)} for the given keys."""
        flags = self._model_keys()
        out = {}
        for k in keys:
            mask = self._key_mask(k, flags)
            if mask.any():
                col = self._column(k)
                # Python values (numpy's tolist gives Python scalars, as .item() each)
                if isinstance(col, np.ndarray) and (col.dtype != object or k == "synapse_model"):
                    vals = col.tolist()
                else:
                    vals = [(x.item() if isinstance(x, np.generic) else x) for x in col]
            else:
                vals = [None] * len(self)
            out[k] = (vals, mask)
        return out, flags

    def get(self, keys=None, output=""):
        """Connection parameters: all (keys=None), one key (a list, or a value for one connection)
        or several keys (a dict of lists); output="pandas" or "json" as in PyNEST."""
        pandas_output = output == "pandas"
        if pandas_output:
            try:
                import pandas
            except ImportError:
                raise ImportError("Pandas could not be imported") from None
        # as PyNEST: nothing to get from an empty collection, nor after a ResetKernel emptied the network
        if len(self) == 0 or int(bridge.networkSize()) == 0:
            if pandas_output:
                return pandas.DataFrame()
            if output == "json":
                return to_json({})
            return {} if keys is None else ()
        n = len(self)
        if keys is None:
            flags = self._model_keys()
            cand = sorted(k for k in set(self._BASE_KEYS).union(*flags.values()) if not k.startswith("-"))
            present = [k for k in cand if self._key_mask(k, flags).any()]
            rows, _ = self._rows(present)
            if n == 1:
                result = {k: rows[k][0][0] for k in present if rows[k][1][0]}
            else:
                result = {k: _masked(*rows[k]) for k in present}
        elif isinstance(keys, str):
            rows, _ = self._rows([keys])
            vals, mask = rows[keys]
            if n == 1:
                if not mask[0]:
                    raise KeyError(keys)
                result = vals[0]
            elif not mask.any():
                result = []
            else:
                result = _masked(vals, mask)
        elif _is_value_sequence(keys):
            keys = list(keys)
            rows, _ = self._rows(keys)
            for k in keys:
                if not rows[k][1].all():
                    raise NESTErrors.UndefinedName("get", "Key '/{}' does not exist in dictionary.".format(k))
            if n == 1:
                result = {k: rows[k][0][0] for k in keys}
            else:
                result = {k: rows[k][0] for k in keys}
        else:
            raise TypeError("keys should be either a string or an iterable")
        if pandas_output:
            index = self.get("source") if n > 1 else (self.get("source"),)
            if isinstance(keys, str):
                result = {keys: result}
            # numeric columns as arrays: the dtypes pandas infers from the lists, without the per-element
            # inference
            result = {k: _as_numeric_column(v) for k, v in result.items()}
            return pandas.DataFrame(result, index=_as_numeric_column(index))
        if output == "json":
            return to_json(result)
        return result

    def sources(self):
        """Iterator over the source node IDs."""
        return iter(int(x) for x in self._d["source"])

    def targets(self):
        """Iterator over the target node IDs."""
        return iter(int(x) for x in self._d["target"])

    def set(self, params=None, **kwargs):
        """Set connection parameters: a dict (values or lists of len(self)), a list of dicts, or
        keyword arguments."""
        n = len(self)
        if n == 0 or int(bridge.networkSize()) == 0:   # PyNEST: a no-op, also after a ResetKernel
            return
        if isinstance(params, (list, tuple)) and n != len(params):
            raise TypeError("status dict must be a dict, or a list of dicts of length {}".format(n))
        if kwargs and params is None:
            params = kwargs
        elif kwargs and params:
            raise TypeError("must either provide params or kwargs, but not both.")
        if isinstance(params, dict):
            cols = {}
            for k, v in params.items():
                if isinstance(v, Parameter):
                    cols[k] = v._values_for_connections(self)
                elif _is_value_sequence(v) and not isinstance(v, (str, dict)):
                    v = list(v)
                    if len(v) != n:
                        raise TypeError("params[{}] must be a single value or a list of length {}".format(k, n))
                    cols[k] = v
                else:
                    cols[k] = [v] * n
        elif isinstance(params, (list, tuple)):
            for p in params:
                if not isinstance(p, dict):
                    raise TypeError("params must be a dict or a list of dicts")
            keys = []
            for p in params:
                for k in p:
                    if k not in keys:
                        keys.append(k)
            cols = {}
            for k in keys:
                missing = [i for i, p in enumerate(params) if k not in p]
                if missing:
                    sub = self[[i for i in range(n) if i not in missing]]
                    sub.set({k: [p[k] for p in params if k in p]})
                    continue
                cols[k] = [p[k] for p in params]
        else:
            raise TypeError("params must be a dict or a list of dicts")
        # dictionary-valued entries (the e-prop synapses' per-connection "optimizer") go to the engine as
        # one column per nested key, named "key.subkey"
        for k in [k for k, vals in cols.items() if any(isinstance(v, dict) for v in vals)]:
            vals = cols.pop(k)
            if not all(isinstance(v, dict) for v in vals):
                raise NESTErrors.TypeMismatch("SetStatus", "'{}' must be a dictionary for every connection.".format(k))
            subs = []
            for v in vals:
                for s in v:
                    if s not in subs:
                        subs.append(s)
            for s in subs:
                having = [i for i, v in enumerate(vals) if s in v]
                if len(having) < n:
                    # a key only some connections' dictionaries give: set on those connections alone
                    self[having].set({k: [{s: vals[i][s]} for i in having]})
                    continue
                cols[k + "." + s] = [v[s] for v in vals]
        if not cols:
            return
        from ..ll_api import _StrArr, _DoubleArr2
        hs, ix = self._jh()
        arrs = []
        for k, vals in cols.items():
            try:
                arrs.append(np.asarray(vals, dtype=np.float64))
            except (TypeError, ValueError):
                if k not in ("weight", "delay") and not any(k in ks for ks in self._model_keys().values()):
                    # a key no connection has: NEST's set_status leaves it unread, whatever its value,
                    # and the engine raises that error for the key with any placeholder value
                    check_call("SetStatus_CD", bridge.setConnValuesMulti, hs, ix, _StrArr([k]),
                               _DoubleArr2([np.zeros(n)]), self._ver())
                raise NESTErrors.TypeMismatch("SetStatus", "'{}' must be numeric.".format(k)) from None
        check_call("SetStatus_CD", bridge.setConnValuesMulti, hs, ix, _StrArr(list(cols.keys())), _DoubleArr2(arrs),
                   self._ver())

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        if attr == "distance":
            # the distance from source to target of each connection (NaN without positions)
            from ..ll_api import _LongArr
            d = check_call("Distance", bridge.connectionDistance, _LongArr(self._d["source"]),
                           _LongArr(self._d["target"]))
            return tuple(float(x) for x in d)
        return self.get(attr)

    def __setattr__(self, attr, value):
        if attr.startswith("_") or attr == "print_full":
            object.__setattr__(self, attr, value)
            return
        self.set({attr: value})

    def __str__(self):
        """A table like PyNEST's: source, target, synapse model, weight, delay (the first and last
        15 connections when there are 35 or more, unless print_full is set)."""
        from math import floor, log
        params = self.get()
        if len(params) == 0:
            return "The synapse collection does not contain any connections."
        srcs, trgt, wght = params["source"], params["target"], params["weight"]
        dlay, s_model = params["delay"], params["synapse_model"]
        if isinstance(srcs, int):
            srcs, trgt, wght, dlay, s_model = [srcs], [trgt], [wght], [dlay], [s_model]
        src_h, trg_h, sm_h, w_h, d_h = "source", "target", "synapse model", "weight", "delay"
        src_len = max(len(src_h) + 2, floor(log(max(srcs), 10)))
        trg_len = max(len(trg_h) + 2, floor(log(max(trgt), 10)))
        sm_len = max(len(sm_h) + 2, len(max(s_model, key=len)))
        w_len = len(w_h) + 2
        d_len = len(d_h) + 2
        if len(srcs) >= 35 and not self.print_full:
            cut = ["\u22ee "]
            srcs, trgt = srcs[:15] + cut + srcs[-15:], trgt[:15] + cut + trgt[-15:]
            wght, dlay = wght[:15] + cut + wght[-15:], dlay[:15] + cut + dlay[-15:]
            s_model = s_model[:15] + cut + s_model[-15:]

        def row(s, t, sm, w, dly):
            try:
                return f"{s:>{src_len-1}d} {t:>{trg_len}d} {sm:>{sm_len}s} {w:>#{w_len}.{4}g} {dly:>#{d_len}.{4}g}"
            except (ValueError, TypeError):
                return f"{s:>{src_len-1}} {t:>{trg_len}} {sm:>{sm_len}} {w:>{w_len}} {dly:>{d_len}}"

        headers = f"{src_h:^{src_len}} {trg_h:^{trg_len}} {sm_h:^{sm_len}} {w_h:^{w_len}} {d_h:^{d_len}}" + "\n"
        borders = "-" * src_len + " " + "-" * trg_len + " " + "-" * sm_len + " " + "-" * w_len + " " + "-" * d_len + "\n"
        return headers + borders + "\n".join(row(*r) for r in zip(srcs, trgt, s_model, wght, dlay))

    def disconnect(self):
        """Disconnect the connections in this SynapseCollection."""
        if len(self) == 0:
            return
        hs, ix = self._jh()
        check_call("Disconnect_a", bridge.disconnectHandles, hs, ix, self._ver())


class CollocatedSynapses:
    """Several syn_specs applied to the same pairs of nodes."""

    def __init__(self, *args):
        self.syn_specs = args

    def __len__(self):
        return len(self.syn_specs)


class Parameter:
    """A value drawn or computed per node or per connection (NEST's Parameter).

    The expression tree lives in the JVM (org.nestj.engine.params); this object holds a reference
    to it. Create Parameters with :py:func:`CreateParameter` or the functions of nest.random,
    nest.math and nest.logic, and combine them with + - * / ** and comparisons.
    """

    _java = None

    def __init__(self, java=None):
        if java is None:
            raise TypeError("expected parameter datum")
        self._java = java

    # Generic binary operation
    def _binop(self, op, rhs):
        if isinstance(rhs, (bool, np.bool_)):
            raise NotImplementedError()
        if isinstance(rhs, (int, float, np.integer, np.floating)):
            rhs = CreateParameter("constant", {"value": float(rhs)})
        if not isinstance(rhs, Parameter):
            raise NotImplementedError()
        return Parameter(check_call(op, bridge.parameterBinary, op, self._java, rhs._java))

    def _compare(self, rhs, comparator):
        if isinstance(rhs, (int, float, np.integer, np.floating)) and not isinstance(rhs, (bool, np.bool_)):
            rhs = CreateParameter("constant", {"value": float(rhs)})
        if not isinstance(rhs, Parameter):
            raise NotImplementedError()
        return Parameter(check_call("compare", bridge.parameterCompare, self._java, rhs._java, int(comparator)))

    def __add__(self, rhs):
        return self._binop("add", rhs)

    def __radd__(self, lhs):
        return self + lhs

    def __sub__(self, rhs):
        return self._binop("sub", rhs)

    def __rsub__(self, lhs):
        return self * (-1) + lhs

    def __pos__(self):
        return self

    def __neg__(self):
        return self * (-1)

    def __mul__(self, rhs):
        return self._binop("mul", rhs)

    def __rmul__(self, lhs):
        return self * lhs

    def __truediv__(self, rhs):
        return self._binop("div", rhs)

    def __rtruediv__(self, lhs):
        return self**-1 * lhs

    def __pow__(self, exponent):
        try:
            expo = float(exponent)
        except TypeError:
            raise TypeError("unsupported operand type for **: only int and float allow as exponent")
        return _parameter_function("pow", self, expo)

    def __rpow__(self, lhs):
        raise TypeError("unsupported operand type for **: only int and float allow as exponent")

    def __lt__(self, rhs):
        return self._compare(rhs, 0)

    def __le__(self, rhs):
        return self._compare(rhs, 1)

    def __eq__(self, rhs):
        return self._compare(rhs, 2)

    def __ne__(self, rhs):
        return self._compare(rhs, 3)

    def __ge__(self, rhs):
        return self._compare(rhs, 4)

    def __gt__(self, rhs):
        return self._compare(rhs, 5)

    __hash__ = object.__hash__

    def GetValue(self):
        """Compute one value of the parameter."""
        v = float(check_call("GetValue", bridge.parameterGetValue, self._java))
        return v

    def is_spatial(self):
        return bool(check_call("ParameterIsSpatial", bridge.parameterIsSpatial, self._java))

    def apply(self, spatial_nc, positions=None):
        """Values of the parameter for the nodes of spatial_nc (positions None), or for the
        single node spatial_nc as source and each of the given target positions."""
        from ..ll_api import _LongArr, _DoubleArr2
        if positions is None:
            vals = check_call("Apply", bridge.parameterApplyNodes, self._java,
                              _LongArr(np.asarray(spatial_nc._gids, dtype=np.int64)))
            return tuple(float(v) for v in vals)
        if len(spatial_nc) != 1:
            raise ValueError("The NodeCollection must contain a single node ID only")
        if not isinstance(positions, (list, tuple)):
            raise TypeError("Positions must be a list or tuple of positions")
        for pos in positions:
            if not isinstance(pos, (list, tuple, np.ndarray)):
                raise TypeError("Each position must be a list or tuple")
            if len(pos) != len(positions[0]):
                raise ValueError("All positions must have the same number of dimensions")
        vals = check_call("Apply_P_D", bridge.parameterApplyPositions, self._java, int(spatial_nc._gids[0]),
                          _DoubleArr2([np.asarray(p, dtype=np.float64) for p in positions]))
        return tuple(float(v) for v in vals)

    def _values_for(self, nc):
        """One value per node of nc, evaluated in the JVM in one call."""
        from ..ll_api import _LongArr
        vals = check_call("SetStatus", bridge.parameterValues, self._java,
                          _LongArr(np.asarray(nc._gids, dtype=np.int64)))
        return np.array(vals, dtype=np.float64)

    def _values_for_connections(self, sc):
        from ..ll_api import _LongArr
        tgt = np.asarray(sc._d["target"], dtype=np.int64)
        vals = check_call("set", bridge.parameterValues, self._java, _LongArr(tgt))
        return np.array(vals, dtype=np.float64)


def _parameter_function(name, param, *args):
    from ..ll_api import _DoubleArr
    if isinstance(param, (int, float, np.integer, np.floating)):
        param = CreateParameter("constant", {"value": float(param)})
    if not isinstance(param, Parameter):
        raise TypeError("expected a Parameter, got {}".format(type(param).__name__))
    return Parameter(check_call(name, bridge.parameterFunction, name, param._java,
                                _DoubleArr([float(a) for a in args])))


def CreateParameter(parametertype, specs):
    """Create a parameter of the given type ('constant', 'uniform', 'uniform_int', 'normal', 'lognormal',
    'exponential') with the given specification dictionary."""
    if not isinstance(parametertype, str):
        raise TypeError("parametertype must be a string")
    if not isinstance(specs, dict):
        raise TypeError("specs must be a dictionary")
    return Parameter(check_call("CreateParameter", bridge.createParameter, parametertype, to_java(specs)))


class Mask:
    """A spatial mask (NEST's Mask), created with :py:func:`.CreateMask`; combine masks with
    ``|`` (union), ``&`` (intersection) and ``-`` (difference)."""

    _java = None

    def __init__(self, java=None):
        if java is None:
            raise TypeError("expected mask Datum")
        self._java = java

    def _binop(self, op, rhs):
        if not isinstance(rhs, Mask):
            raise NotImplementedError()
        return Mask(check_call(op, bridge.maskCombine, self._java, rhs._java, op))

    def __or__(self, rhs):
        return self._binop("or", rhs)

    def __and__(self, rhs):
        return self._binop("and", rhs)

    def __sub__(self, rhs):
        return self._binop("sub", rhs)

    def Inside(self, point):
        """True if the point is inside the mask."""
        from ..ll_api import _DoubleArr
        return bool(check_call("Inside", bridge.maskInside, self._java,
                               _DoubleArr(np.asarray(point, dtype=np.float64))))

    def _dict(self):
        return to_py(check_call("Mask", bridge.maskDict, self._java))


class CmBase:
    """Compartments or receptors of compartmental models (cm_default), as in PyNEST: ``+`` builds a
    new collection, ``+=`` adds to the nodes through the add_compartments / add_receptors entries."""

    def __init__(self, node_collection, elements):
        if not isinstance(node_collection, NodeCollection):
            raise TypeError(f"node_collection must be a NodeCollection, got {type(node_collection)}")
        if not isinstance(elements, tuple):
            raise TypeError(f"elements must be a tuple of dicts, got {type(elements)}")
        self._elements = elements
        self._node_collection = node_collection

    def _as_list(self, other, op):
        if isinstance(other, dict):
            return [other]
        if isinstance(other, (tuple, list)):
            if not all(isinstance(d, dict) for d in other):
                raise TypeError(f"{self.__class__.__name__} can only be added with dicts, lists of dicts, "
                                f"or other {self.__class__.__name__}")
            return list(other)
        if isinstance(other, self.__class__):
            return list(other._elements)
        raise NotImplementedError(f"{self.__class__.__name__} can only be added with dicts, lists of dicts,"
                                  f" or other {self.__class__.__name__}, got {type(other)}")

    def __add__(self, other):
        return self.__class__(self._node_collection, tuple(list(self._elements) + self._as_list(other, "+")))

    def __iadd__(self, other):
        new_elements = self._as_list(other, "+=")
        self._node_collection.set({f"add_{self.__class__.__name__.lower()}": new_elements})
        # implicit `return None` flags the elements as added

    def __getitem__(self, key):
        return self._elements[key]

    def __len__(self):
        return len(self._elements)

    def __str__(self):
        return str(self._elements)

    __repr__ = __str__

    def get_tuple(self):
        return self._elements


class Compartments(CmBase):
    pass


class Receptors(CmBase):
    pass


def serialize_data(data):
    if isinstance(data, (np.ndarray, NodeCollection)):
        return np.asarray(data).tolist()
    if isinstance(data, SynapseCollection):
        return serialize_data(data.get())
    if isinstance(data, dict):
        return {k: serialize_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [serialize_data(v) for v in data]
    if isinstance(data, np.generic):
        return data.item()
    return data


def to_json(data, **kwargs):
    return json.dumps(serialize_data(data), **kwargs)
