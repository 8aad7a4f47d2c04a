"""nest.math: mathematical expressions on Parameters."""
from .hl_api_math import *  # noqa: F401,F403
