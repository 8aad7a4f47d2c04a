"""``nest.kernel``: where PyNEST keeps its kernel handle; here the exception classes and SLILiteral."""
from .lib.hl_api_exceptions import NESTError, NESTErrors  # noqa: F401

# the length of a connection as PyNEST's low-level API describes it (source, target, thread, synapse id, port)
CONN_LEN = 5


class SLILiteral:
    """PyNEST's SLILiteral: a name (``/name`` in SLI). It hashes and compares as its name, so it can
    stand for the name string as a dictionary key or in comparisons."""

    __slots__ = ("name", "_hash")

    def __init__(self, name):
        object.__setattr__(self, "name", str(name))
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, attr, value):
        raise AttributeError("SLILiteral is read-only")

    def __hash__(self):
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(self.name))
        return self._hash

    def __repr__(self):
        return "<SLILiteral: {0}>".format(self.name)

    def __str__(self):
        return self.name

    @staticmethod
    def _other(other):
        return other.name if isinstance(other, SLILiteral) else other

    def __eq__(self, other):
        return self.name == self._other(other)

    def __ne__(self, other):
        return self.name != self._other(other)

    def __lt__(self, other):
        return self.name < self._other(other)

    def __le__(self, other):
        return self.name <= self._other(other)

    def __gt__(self, other):
        return self.name > self._other(other)

    def __ge__(self, other):
        return self.name >= self._other(other)
