"""nest.spatial_distributions (Parameters); filled in with the Parameter machinery."""
