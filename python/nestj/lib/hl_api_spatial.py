"""Spatial networks (PyNEST's lib/hl_api_spatial)."""
from .hl_api_exceptions import NESTErrors

__all__ = []


def _create_spatial(model, n, params, positions):
    raise NESTErrors.NotImplemented("Create", "spatial node positions are not available in nestj yet.")


def _connect_spatial(pre, post, conn_spec, syn_spec):
    raise NESTErrors.NotImplemented("Connect", "spatial connections are not available in nestj yet.")
