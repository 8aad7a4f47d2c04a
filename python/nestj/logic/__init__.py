"""nest.logic: logical expressions on Parameters."""
from .hl_api_logic import *  # noqa: F401,F403
