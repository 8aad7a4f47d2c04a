"""NEST's exception classes (PyNEST's lib/hl_api_exceptions): ``NESTErrors.<Name>`` classes are made
on first use, all subclasses of ``NESTError``; engine errors arrive by NEST's error name."""


class NESTMappedException(type):
    """Metaclass: an unknown attribute of NESTErrors becomes a new NESTError subclass of that name."""

    def __getattr__(cls, errorname):
        if errorname.startswith("__"):
            raise AttributeError(errorname)
        parent = getattr(cls, _PARENTS[errorname]) if errorname in _PARENTS else cls.SLIException
        newclass = type(errorname, (parent,), {"__init__": cls.init(parent, _REPORTED_AS.get(errorname, errorname))})
        setattr(cls, errorname, newclass)
        return newclass


# NEST's exception hierarchy (which error is a kind of which): e.g. UnaccessedDictionaryEntry is a
# DictError, BadProperty a KernelException; names not listed derive from SLIException.
_PARENTS = {"DictError": "InterpreterError", "TypeMismatch": "InterpreterError", "RangeCheck": "InterpreterError",
            "ArgumentType": "InterpreterError", "SystemSignal": "InterpreterError",
            "StackUnderflow": "InterpreterError", "UndefinedName": "DictError", "EntryTypeMismatch": "DictError",
            "UnaccessedDictionaryEntry": "DictError"}
_PARENTS.update({name: "KernelException" for name in (
    "UnknownModelName", "NewModelNameExists", "ModelInUse", "UnknownSynapseType", "UnknownNode",
    "NoThreadSiblingsAvailable", "LocalNodeExpected", "NodeWithProxiesExpected", "UnknownReceptorType",
    "IncompatibleReceptorType", "UnknownPort", "IllegalConnection", "InexistentConnection", "UnknownThread",
    "BadDelay", "UnexpectedEvent", "UnsupportedEvent", "BadProperty", "BadParameter", "DimensionMismatch",
    "DistributionError", "InvalidDefaultResolution", "InvalidTimeInModel", "StepMultipleRequired",
    "TimeMultipleRequired", "GSLSolverFailure", "NumericalInstability", "KeyError", "UnknownComponent")})

# NEST's DictError passes its own name, not its subclass's, to SLIException: an unaccessed entry, an
# undefined name or an entry of the wrong type is reported as "DictError" (the class is still the
# subclass, a kind of DictError).
_REPORTED_AS = {"UndefinedName": "DictError", "EntryTypeMismatch": "DictError",
                "UnaccessedDictionaryEntry": "DictError"}


class NESTErrors(metaclass=NESTMappedException):
    """Namespace of NEST's exceptions."""

    class NESTError(Exception):
        """Base exception class for all NEST exceptions."""

        def __init__(self, message):
            Exception.__init__(self, message)
            self.message = message

    class SLIException(NESTError):
        """Base class of the errors raised by the simulation kernel."""

        def __init__(self, commandname, errormessage, errorname="SLIException"):
            self.commandname = commandname
            self.errormessage = errormessage
            self.errorname = errorname
            # NEST's format: pynest-init.sli's runprotected puts ": " before the message of errordict,
            # which SLIInterpreter::raiseerror sets for every SLIException, also an empty one (IOError)
            message = "{} in SLI function {}{}".format(errorname, commandname,
                                                       "" if errormessage is None else ": " + errormessage)
            NESTErrors.NESTError.__init__(self, message)

    class PyNESTError(NESTError):
        """Exceptions produced from Python/Cython code."""

    @staticmethod
    def init(parent, errorname):
        def __init__(self, commandname, errormessage, errorname=errorname, *args, **kwargs):
            parent.__init__(self, commandname, errormessage, errorname, *args, **kwargs)

        return __init__


NESTError = NESTErrors.NESTError

# the names NEST's kernel raises, created up front so that they can be caught before first use
for _name in ("BadProperty", "BadParameter", "BadDelay", "UnknownModelName", "UnknownSynapseType", "UnknownNode",
              "UnaccessedDictionaryEntry", "IllegalConnection", "IncompatibleReceptorType", "UnknownReceptorType",
              "KernelException", "TypeMismatch", "DimensionMismatch", "NewModelNameExists", "StepMultipleRequired",
              "NotImplemented", "KeyError", "RangeCheck", "GSLSolverFailure", "NumericalInstability",
              "BadParameterValue", "InvalidDefaultResolution", "InvalidTimeInModel", "UnknownComponent"):
    getattr(NESTErrors, _name)
