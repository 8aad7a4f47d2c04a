"""Mathematical expressions on Parameters (PyNEST's nest/math/hl_api_math)."""
from ..lib.hl_api_types import _parameter_function

__all__ = ["exp", "sin", "cos", "min", "max", "redraw"]


def exp(parameter):
    """The exponential of the parameter."""
    return _parameter_function("exp", parameter)


def sin(parameter):
    """The sine of the parameter."""
    return _parameter_function("sin", parameter)


def cos(parameter):
    """The cosine of the parameter."""
    return _parameter_function("cos", parameter)


def min(parameter, value):
    """The smaller of the parameter's value and value."""
    return _parameter_function("min", parameter, float(value))


def max(parameter, value):
    """The larger of the parameter's value and value."""
    return _parameter_function("max", parameter, float(value))


def redraw(parameter, min, max):
    """Redraws the parameter until its value lies in [min, max]; more than 1000 redraws are an error."""
    return _parameter_function("redraw", parameter, float(min), float(max))
