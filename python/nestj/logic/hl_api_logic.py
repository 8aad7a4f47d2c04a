"""Logical expressions on Parameters (PyNEST's nest/logic/hl_api_logic)."""
from ..ll_api import bridge, check_call
from ..lib.hl_api_types import CreateParameter, Parameter

__all__ = ["conditional"]


def conditional(condition, param_if_true, param_if_false):
    """Yields param_if_true where condition (a comparing Parameter) holds, else param_if_false."""
    if isinstance(param_if_true, (int, float)):
        param_if_true = CreateParameter("constant", {"value": float(param_if_true)})
    if isinstance(param_if_false, (int, float)):
        param_if_false = CreateParameter("constant", {"value": float(param_if_false)})
    for x in (condition, param_if_true, param_if_false):
        if not isinstance(x, Parameter):
            raise TypeError("conditional expects Parameters or numbers, got {}".format(type(x).__name__))
    return Parameter(check_call("conditional", bridge.parameterConditional, condition._java, param_if_true._java,
                                param_if_false._java))
