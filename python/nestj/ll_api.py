"""Low-level API: starts the JVM (JPype) with the engine jars and converts values across the bridge.

One bridge call per user call: dictionaries cross as java.util.Map, bulk data as primitive arrays.
Engine errors arrive as BridgeError with NEST's error name and are raised as
``nest.NESTErrors.<name>`` (a subclass of ``nest.kernel.NESTError``), never as a JVM stack trace.
"""
import functools
import glob
import json
import os
import sys

import numpy as np

from .kernel import SLILiteral
from .lib.hl_api_exceptions import NESTErrors

__all__ = ["bridge", "to_java", "to_py", "check_call", "jvm_started", "check_stack", "stack_checker", "get_debug",
           "set_debug", "sli_func", "sli_pop", "sli_push", "sli_run", "spp", "sps", "sr", "set_communicator"]

_HERE = os.path.dirname(os.path.abspath(__file__))


def _find_jars():
    env = os.environ.get("NESTJ_JARS")
    dirs = [env] if env else []
    dirs.append(os.path.join(_HERE, "jars"))
    for d in dirs:
        jars = sorted(glob.glob(os.path.join(d, "*.jar")))
        if jars:
            return jars
    # a source checkout: use the Maven build output
    root = os.path.dirname(os.path.dirname(_HERE))
    jars = sorted(glob.glob(os.path.join(root, "java-engine", "target", "nestj-engine-*.jar")) +
                  glob.glob(os.path.join(root, "bridge", "target", "nestj-bridge-*.jar")))
    jars = [j for j in jars if not j.endswith(("-sources.jar", "-tests.jar"))]
    if len(jars) >= 2:
        return jars
    raise ImportError("nestj: the engine jars were not found. Build them with 'mvn -q -DskipTests package' "
                      "in the source tree, or install nestj with pip.")


def _start_jvm():
    import jpype
    if not jpype.isJVMStarted():
        cp = _find_jars()
        for extra in ("/usr/share/java/org.jpype.jar",):
            if os.path.exists(extra):
                cp.append(extra)
        opts = os.environ.get("NESTJ_JVM_OPTS", "").split()
        if not any(o.startswith("-Xss") for o in opts):
            opts.append("-Xss8m")
        jpype.startJVM(*opts, classpath=cp, convertStrings=False)
    return jpype


jpype = _start_jvm()
import jpype.imports  # noqa: E402,F401

bridge = jpype.JClass("org.nestj.bridge.Bridge")
_BridgeError = jpype.JClass("org.nestj.bridge.BridgeError")
_HashMap = jpype.JClass("java.util.LinkedHashMap")
_ArrayList = jpype.JClass("java.util.ArrayList")
_JString = jpype.JClass("java.lang.String")
_JDouble = jpype.JClass("java.lang.Double")
_JLong = jpype.JClass("java.lang.Long")
_JInteger = jpype.JClass("java.lang.Integer")
_JBoolean = jpype.JClass("java.lang.Boolean")
_JMap = jpype.JClass("java.util.Map")
_JList = jpype.JClass("java.util.List")
_DoubleArr = jpype.JArray(jpype.JDouble)
_DoubleArr2D = jpype.JArray(jpype.JDouble, 2)
_LongArr = jpype.JArray(jpype.JLong)
_IntArr = jpype.JArray(jpype.JInt)
_StrArr = jpype.JArray(_JString)
_ObjArr = jpype.JArray(jpype.JObject)
_MapArr = jpype.JArray(_JMap)


def _DoubleArr2(rows):
    """A Java double[][] from a list of 1-d arrays."""
    out = _DoubleArr2D(len(rows))
    for i, r in enumerate(rows):
        out[i] = _DoubleArr(np.ascontiguousarray(r, dtype=np.float64))
    return out


def jvm_started():
    return jpype.isJVMStarted()


def to_java(v):
    """Python value -> Java value for a status or spec dictionary."""
    from .lib.hl_api_types import Mask, NodeCollection, Parameter
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return _JBoolean(bool(v))
    if isinstance(v, (int, np.integer)):
        return _JLong(int(v))
    if isinstance(v, (float, np.floating)):
        return _JDouble(float(v))
    if isinstance(v, str):
        return _JString(v)
    if isinstance(v, SLILiteral):
        return _JString(v.name)
    if isinstance(v, dict):
        m = _HashMap()
        for k, x in v.items():
            m.put(_JString(str(k)), to_java(x))
        return m
    if isinstance(v, NodeCollection):
        return _LongArr(np.asarray(v._gids, dtype=np.int64))
    if isinstance(v, (Parameter, Mask)):
        return v._java
    if isinstance(v, np.ndarray):
        if v.dtype.kind == "f":
            return _DoubleArr(np.ascontiguousarray(v.ravel(), dtype=np.float64))
        if v.dtype.kind in "iu":
            return _LongArr(np.ascontiguousarray(v.ravel(), dtype=np.int64))
        if v.dtype.kind == "b":
            return _LongArr(np.ascontiguousarray(v.ravel(), dtype=np.int64))
        if v.dtype.kind in "US":
            return _StrArr([str(x) for x in v.ravel()])
        return to_java(v.tolist())
    if isinstance(v, (list, tuple, range)):
        items = list(v)
        if not items:
            return _DoubleArr(0)
        if all(isinstance(x, str) for x in items):
            return _StrArr([_JString(x) for x in items])
        if all(isinstance(x, (int, np.integer)) and not isinstance(x, (bool, np.bool_)) for x in items):
            return _LongArr(np.asarray(items, dtype=np.int64))
        if all(isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, (bool, np.bool_))
               for x in items):
            return _DoubleArr(np.asarray(items, dtype=np.float64))
        lst = _ArrayList()
        for x in items:
            lst.add(to_java(x))
        return lst
    raise TypeError("nestj cannot pass a value of type %s to the kernel: %r" % (type(v).__name__, v))


_json_bridge = jpype.JClass("org.nestj.bridge.Json")


def _from_json(d, refs):
    """json.loads' object hook for org.nestj.bridge.Json's one-key array objects."""
    if len(d) == 1:
        k = next(iter(d))
        if k[:1] == "\x00":
            v = d[k]
            if k == "\x00f":
                return np.array(v, dtype=np.float64)
            if k == "\x00l" or k == "\x00i":
                return np.array(v, dtype=np.int64)
            if k == "\x00s":
                return tuple(v)
            if k == "\x00r":
                return to_py(refs[v])
    return d


def to_py(o):
    """Java value -> Python value (arrays become numpy arrays, String arrays tuples). Maps, lists and
    object arrays cross as one JSON text (org.nestj.bridge.Json) where they hold only values it covers."""
    if isinstance(o, (_JMap, _JList, _ObjArr)):
        enc = _json_bridge.encode(o)
        if enc is not None:
            refs = enc[1]
            return json.loads(str(enc[0]), object_hook=lambda d: _from_json(d, refs))
    return _to_py_elementwise(o)


def _to_py_elementwise(o):
    """to_py one JPype call per element (values the JSON text does not cover)."""
    if o is None:
        return None
    if isinstance(o, _JString) or isinstance(o, str):
        return str(o)
    if isinstance(o, _JBoolean):
        return bool(o)
    if isinstance(o, (_JLong, _JInteger)):
        return int(o)
    if isinstance(o, _JDouble):
        return float(o)
    if isinstance(o, (bool, int, float)):
        return o
    if isinstance(o, _DoubleArr):
        return np.array(memoryview(o), dtype=np.float64)   # the buffer: a memory copy, not per element
    if isinstance(o, _LongArr):
        return np.array(memoryview(o), dtype=np.int64)
    if isinstance(o, _IntArr):
        return np.asarray(memoryview(o)).astype(np.int64)
    if isinstance(o, _StrArr):
        return tuple(str(x) for x in o)
    if isinstance(o, jpype.JArray):
        return [_to_py_elementwise(x) for x in o]
    if isinstance(o, _JMap):
        return {str(k): _to_py_elementwise(o.get(k)) for k in o.keySet()}
    if isinstance(o, _JList):
        return [_to_py_elementwise(x) for x in o]
    return o


# counts ResetKernel calls (NEST's kernel fingerprint): a NodeCollection remembers the value it was
# made under and is invalid for joining and slicing once the kernel was reset
kernel_generation = 0


# The SLI command that reports a kernel error in NEST 3.9 ("<Error> in SLI function <command>: ..."),
# for the PyNEST call that reached the kernel; names not listed are NEST's own already.
_SLI_COMMAND = {
    "Create": "Create_l_i", "SetStatus": "SetStatus_id", "GetStatus": "GetStatus_g", "get": "GetStatus_g",
    "SetDefaults": "SetDefaults_l_D", "GetDefaults": "GetDefaults_l", "CopyModel": "CopyModel_l_l_D",
    "Connect": "Connect_g_g_D_D", "ConnectLayers": "ConnectLayers_g_g_D", "Disconnect": "Disconnect_g_g_D_D",
    "GetConnections": "GetConnections_D", "Simulate": "Simulate_d", "Run": "Run_d",
    "TripartiteConnect": "ConnectTripartite_g_g_g_D_D_D", "CreateParameter": "CreateParameter_D",
    "GetValue": "GetValue_P", "ParameterIsSpatial": "IsSpatial_P", "Apply": "Apply_P_g",
    "CreateLayer": "CreateLayer_D_D", "CreateMask": "CreateMask_D", "GetPosition": "GetPosition_g",
    "Displacement": "Displacement_g_g", "Distance": "Distance_g_g", "Inside": "Inside_a_M",
    "DumpLayerNodes": "DumpLayerNodes_os_g", "DumpLayerConnections": "DumpLayerConnections_os_g_g_l",
    "SelectNodesByMask": "SelectNodesByMask_g_a_M", "GetMetadata": "GetMetadata_g",
    "NodeCollection": "cvnodecollection_ia", "Mask": "cvdict_M",
    "mul": "mul_P_P", "div": "div_P_P", "add": "add_P_P", "sub": "sub_P_P", "compare": "compare_P_P_D",
    "conditional": "conditional_P_P_P", "min": "min_P_d", "max": "max_P_d", "redraw": "redraw_P_d_d",
    "exp": "exp_P", "sin": "sin_P", "cos": "cos_P", "pow": "pow_P_d", "and": "and_M_M", "or": "or_M_M",
}


def check_call(fname, f, *args):
    """Calls a bridge method; a BridgeError becomes nest.NESTErrors.<name>, reported by NEST's command name.
    The engine's messages of the call are printed first (see print_engine_messages)."""
    cmd = _SLI_COMMAND.get(fname, fname)
    try:
        return f(*args)
    except _BridgeError as e:
        name = str(e.getErrorName())
        cls = getattr(NESTErrors, name)
        raise cls(cmd, str(e.getMessage())) from None
    except jpype.JException as e:  # should not happen: the bridge maps everything
        raise NESTErrors.KernelException(cmd, "internal error: %s" % e) from None
    finally:
        print_engine_messages()


def print_engine_messages():
    """Prints the engine's messages (NEST's LOG) that the verbosity lets through, as NEST's SLI
    interpreter prints them (on stdout: time, sender, level, the text indented and wrapped; see
    org.nestj.engine.Log#format)."""
    msgs = bridge.drainLog()
    if not len(msgs):
        return
    for m in msgs:
        sys.stdout.write(str(m))
    sys.stdout.flush()


def format_message(level_name, sender, text, now=None):
    """One message as NEST's SLIInterpreter::message prints it (now: seconds since the epoch; the width
    from the current COLUMNS)."""
    import time as _time
    return str(bridge.formatLogMessage(level_name, sender, text, int(1000 * (_time.time() if now is None else now)),
                                       os.environ.get("COLUMNS")))


def kernel_call(fname):
    """Decorator-free helper: returns a callable that invokes bridge.<fname> with error mapping."""
    f = getattr(bridge, fname)
    return functools.partial(check_call, fname, f)


# ---------------------------------------------------------------- SLI access (PyNEST's sr/spp/sps)
# nestj has no SLI interpreter. PyNEST scripts use sr() for a few kernel queries; those are answered
# here on a small operand stack. Any other SLI code raises NotImplemented.
_sli_stack = []


def _memory_thisjob():
    """NEST's memory_thisjob: the virtual memory of this process in kB (VmSize of /proc/self/status)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _have_h5py():
    try:
        import importlib.util
        return importlib.util.find_spec("h5py") is not None
    except (ImportError, ValueError):
        return False


# statusdict entries a PyNEST script may query (what this nestj offers, in NEST's terms): threads, GSL's
# algorithms and boost's functions (reimplemented), HDF5 through h5py (SonataNetwork); no MPI, MUSIC,
# SIONlib or libneurosim
_STATUSDICT = {
    "have_gsl": lambda: True, "have_boost": lambda: True, "have_mpi": lambda: False, "have_music": lambda: False,
    "have_sionlib": lambda: False, "have_libneurosim": lambda: False, "have_hdf5": _have_h5py,
    "threading": lambda: "openmp", "version": lambda: "3.9.0",
}


def _set_verbosity_from_stack():
    from .lib.hl_api_info import set_verbosity
    set_verbosity(int(spp()))


def _need(command, n):
    """SLI's check of a command's arguments: StackUnderflow if the stack holds fewer than n."""
    if len(_sli_stack) < n:
        msg = "Command needs (at least) {} argument(s)".format(n)
        if _sli_stack:
            msg += ", but the stack has only {}".format(len(_sli_stack))
        raise NESTErrors.StackUnderflow(command, msg + ".")


def _pop(command):
    _need(command, 1)
    _sli_stack.pop()


def _div():
    """SLI's div of two numbers: integer division (truncating, as C++) of two integers, else
    floating-point division; a zero divisor raises DivisionByZero and leaves the operands."""
    _need("div", 2)
    a, b = _sli_stack[-2], _sli_stack[-1]
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b)):
        raise NESTErrors.ArgumentType("div", "div expects two numbers (integer or double).")
    if b == 0:
        raise NESTErrors.DivisionByZero("div", "You cannot divide by zero.")
    if isinstance(a, int) and isinstance(b, int):
        q = abs(a) // abs(b)
        r = q if (a < 0) == (b < 0) else -q
    else:
        r = float(a) / float(b)
    del _sli_stack[-2:]
    _sli_stack.append(r)


def _sli_binary(op):
    def run():
        b = spp()
        a = spp()
        _sli_stack.append(op(a, b))
    return run


def _sli_not():
    a = spp()
    _sli_stack.append((not a) if isinstance(a, bool) else ~a)   # SLI's not: logical for booleans, bitwise for integers


_SLI_COMMANDS = {
    "memory_thisjob": lambda: _sli_stack.append(_memory_thisjob()),
    "is_threaded": lambda: _sli_stack.append(True),
    "count": lambda: _sli_stack.append(len(_sli_stack)),
    "clear": lambda: _sli_stack.clear(),
    "pop": lambda: _pop("pop"),
    ";": lambda: _pop(";"),
    "div": _div,
    "setverbosity": _set_verbosity_from_stack,
    # the little logic scripts use around those queries, e.g. "statusdict/threading :: (no) eq not"
    "true": lambda: _sli_stack.append(True),
    "false": lambda: _sli_stack.append(False),
    "eq": _sli_binary(lambda a, b: a == b),
    "neq": _sli_binary(lambda a, b: a != b),
    "and": _sli_binary(lambda a, b: (a and b) if isinstance(a, bool) and isinstance(b, bool) else a & b),
    "or": _sli_binary(lambda a, b: (a or b) if isinstance(a, bool) and isinstance(b, bool) else a | b),
    "not": _sli_not,
}


def _to_stack(obj):
    """A Python value as PyNEST's conversion to SLI and back gives it: sequences become tuples,
    dictionary keys strings, numpy scalars (and 0-d arrays) Python numbers, buffers (array.array)
    numpy arrays; numpy arrays, strings, SLILiterals and nestj objects stay as they are."""
    import array
    if isinstance(obj, (bool, np.bool_)):
        return bool(obj)
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, np.floating):
        return float(obj)
    if isinstance(obj, np.ndarray):
        return obj.item() if obj.ndim == 0 else np.array(obj)
    if isinstance(obj, array.array):
        return np.array(obj)
    if isinstance(obj, (list, tuple)):
        return tuple(_to_stack(x) for x in obj)
    if isinstance(obj, dict):
        return {str(k): _to_stack(v) for k, v in obj.items()}
    return obj


def sps(obj):
    """Push an object onto the operand stack (converted as PyNEST's push converts it to SLI)."""
    _sli_stack.append(_to_stack(obj))


def spp():
    """Pop an object off the operand stack."""
    if not _sli_stack:
        raise NESTErrors.StackUnderflow("spp", "The operand stack is empty.")
    return _sli_stack.pop()


sli_push = sps
sli_pop = spp


def _not_available(token):
    return NESTErrors.NotImplemented("sr", "nestj has no SLI interpreter; '{}' is not available (supported: "
                                     "numbers, (strings), {}, statusdict/<{}> ::).".format(
                                         token, ", ".join(sorted(_SLI_COMMANDS)),
                                         "|".join(sorted(_STATUSDICT))))


def sr(cmd):
    """Run SLI code. nestj has no SLI interpreter: it understands numbers, strings ``(...)``, the commands
    in _SLI_COMMANDS (memory_thisjob, is_threaded, count, clear, pop and ;, div, setverbosity, true,
    false, eq, neq, and, or, not) and the queries ``statusdict/<key> ::`` of _STATUSDICT; anything else
    raises NotImplemented. As in PyNEST, an error clears the operand stack."""
    import re
    try:
        _run_tokens(re.findall(r"\([^()]*\)|[^\s()]+|[()]", str(cmd)))
    except NESTErrors.NESTError:
        _sli_stack.clear()
        raise


def _run_tokens(tokens):
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if len(token) >= 2 and token[0] == "(" and token[-1] == ")":
            _sli_stack.append(token[1:-1])
            i += 1
            continue
        if token.startswith("statusdict/") and i + 1 < len(tokens) and tokens[i + 1] == "::":
            f = _STATUSDICT.get(token[len("statusdict/"):])
            if f is None:
                raise _not_available(token)
            _sli_stack.append(f())
            i += 2
            continue
        f = _SLI_COMMANDS.get(token)
        if f is not None:
            f()
        else:
            try:
                _sli_stack.append(int(token))
            except ValueError:
                try:
                    _sli_stack.append(float(token))
                except ValueError:
                    raise _not_available(token) from None
        i += 1


sli_run = sr


def sli_func(s, *args, **kwargs):
    """PyNEST's sli_func: pushes args, runs s (see sr), returns what it left: one value, a tuple of
    several, or None."""
    base = len(_sli_stack)
    _sli_stack.extend(_to_stack(a) for a in args)
    try:
        sr(s)
    except Exception:
        del _sli_stack[base:]
        raise
    r = _sli_stack[base:]
    del _sli_stack[base:]
    if len(r) == 1:
        return r[0]
    return tuple(r) if r else None


_debug = [False]


def get_debug():
    """PyNEST's get_debug: whether the stack checks of check_stack are on."""
    return _debug[0]


def set_debug(dbg=True):
    """PyNEST's set_debug: switch the stack checks of check_stack on or off."""
    _debug[0] = bool(dbg)


def stack_checker(f):
    """PyNEST's stack_checker: in debug mode, raises NESTError if f leaves elements on the operand stack."""
    @functools.wraps(f)
    def stack_checker_func(*args, **kwargs):
        if not _debug[0]:
            return f(*args, **kwargs)
        before = len(_sli_stack)
        result = f(*args, **kwargs)
        left = len(_sli_stack) - before
        if left != 0:
            raise NESTErrors.NESTError("Function '%s' left %i elements on the stack." % (f.__name__, left))
        return result
    return stack_checker_func


def check_stack(thing):
    """PyNEST's check_stack: applies stack_checker to a function, or to the methods bound to a
    class (classmethods) whose names start with ``test_``; anything else raises ValueError."""
    import inspect
    if inspect.isfunction(thing):
        return stack_checker(thing)
    if inspect.isclass(thing):
        for name, mtd in inspect.getmembers(thing, predicate=inspect.ismethod):
            if name.startswith("test_"):
                setattr(thing, name, stack_checker(mtd))
        return thing
    raise ValueError("unable to decorate {0}".format(thing))


def set_communicator(comm):
    """PyNEST's set_communicator. nestj runs in one process, like a NEST build without MPI4PY: it
    refuses the communicator as that build does."""
    from .lib.hl_api_exceptions import NESTError
    if "mpi4py" not in sys.modules:
        raise NESTError("set_communicator: mpi4py not loaded.")
    raise NESTError("set_communicator: NEST not compiled with MPI4PY")
