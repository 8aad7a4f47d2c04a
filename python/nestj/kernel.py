"""``nest.kernel``: where PyNEST keeps its kernel handle; here the exception classes."""
from .lib.hl_api_exceptions import NESTError, NESTErrors  # noqa: F401
