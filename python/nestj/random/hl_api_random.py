"""Random Parameters (PyNEST's nest/random/hl_api_random)."""
from ..lib.hl_api_exceptions import NESTErrors

__all__ = ["exponential", "lognormal", "normal", "uniform", "uniform_int"]


def _na(name):
    def f(*a, **k):
        raise NESTErrors.NotImplemented("nest.random." + name, "random Parameters are not available in nestj yet.")
    f.__name__ = name
    return f


uniform = _na("uniform")
uniform_int = _na("uniform_int")
normal = _na("normal")
lognormal = _na("lognormal")
exponential = _na("exponential")
