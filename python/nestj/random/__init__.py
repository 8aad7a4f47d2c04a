"""nest.random: random Parameters (uniform, normal, ...)."""
from .hl_api_random import *  # noqa: F401,F403
