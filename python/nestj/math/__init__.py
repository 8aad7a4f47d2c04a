"""nest.math (Parameters); filled in with the Parameter machinery."""
