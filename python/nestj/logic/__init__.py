"""nest.logic (Parameters); filled in with the Parameter machinery."""
