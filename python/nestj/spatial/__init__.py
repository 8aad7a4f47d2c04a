"""nest.spatial (Parameters); filled in with the Parameter machinery."""
