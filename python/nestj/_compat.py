"""Compatibility shims that ``python3 -m nestj`` installs before running a script.

matplotlib before 3.8 has no ``\\text{...}`` in its mathtext, which NEST 3.9's e-prop examples use in axis
labels (r"$W_\\text{in}$"); with Debian bookworm's matplotlib 3.6 these scripts would fail while plotting,
after the simulation. The shim renders ``\\text{...}`` as ``\\mathrm{...}`` (upright text) on such versions.
It is installed by an import hook, so scripts that never import matplotlib do not pay for it."""
import importlib.abc
import importlib.util
import re
import sys

_TEXT = re.compile(r"\\text\{")


def _patch_mathtext(mod):
    import matplotlib
    try:
        major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    except ValueError:
        return
    if (major, minor) >= (3, 8):
        return
    parser = getattr(mod, "MathTextParser", None)
    if parser is None or getattr(parser.parse, "_nestj_text", False):
        return
    orig = parser.parse

    def parse(self, s, *args, **kwargs):
        return orig(self, _TEXT.sub(r"\\mathrm{", s), *args, **kwargs)

    parse._nestj_text = True
    parser.parse = parse


class _AfterImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Runs a patch right after a module was imported."""

    def __init__(self, name, patch):
        self.name, self.patch, self.spec = name, patch, None

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name or self.spec is not None:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(fullname)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        self.spec = spec
        self.inner = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module):
        self.inner.exec_module(module)
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        self.patch(module)


def install():
    if "matplotlib.mathtext" in sys.modules:
        _patch_mathtext(sys.modules["matplotlib.mathtext"])
    else:
        sys.meta_path.insert(0, _AfterImport("matplotlib.mathtext", _patch_mathtext))
