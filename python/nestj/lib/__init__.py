"""PyNEST's high-level API modules, mirrored by nestj."""
