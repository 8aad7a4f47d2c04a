"""Random Parameters (PyNEST's nest/random/hl_api_random): values drawn in the JVM per node or per
connection from the kernel's streams."""
from ..lib.hl_api_types import CreateParameter

__all__ = ["exponential", "lognormal", "normal", "uniform", "uniform_int"]


def uniform(min=0.0, max=1.0):
    """Samples distributed uniformly in [min, max)."""
    return CreateParameter("uniform", {"min": min, "max": max})


def uniform_int(max):
    """Integer samples distributed uniformly in [0, max)."""
    return CreateParameter("uniform_int", {"max": max})


def normal(mean=0.0, std=1.0):
    """Samples from a normal distribution."""
    return CreateParameter("normal", {"mean": mean, "std": std})


def exponential(beta=1.0):
    """Samples from an exponential distribution with scale beta."""
    return CreateParameter("exponential", {"beta": beta})


def lognormal(mean=0.0, std=1.0):
    """Samples from a log-normal distribution (mean and std of the underlying normal distribution)."""
    return CreateParameter("lognormal", {"mean": mean, "std": std})
