# `signal`: `_signal`'s natives with the enums CPython's signal module adds
# (`Signals`, `Handlers`, `Sigmasks`); handlers given or returned as enum
# members go to the natives as ints and come back as members.

import _signal
from _signal import *
from enum import IntEnum

Signals = IntEnum("Signals", {name: getattr(_signal, name) for name in dir(_signal)
                              if (name.startswith("SIG") and not name.startswith("SIG_"))
                              or name.startswith("CTRL_")}, module=__name__)
Handlers = IntEnum("Handlers", {"SIG_DFL": _signal.SIG_DFL, "SIG_IGN": _signal.SIG_IGN}, module=__name__)
Sigmasks = IntEnum("Sigmasks", {"SIG_BLOCK": _signal.SIG_BLOCK, "SIG_UNBLOCK": _signal.SIG_UNBLOCK,
                                "SIG_SETMASK": _signal.SIG_SETMASK}, module=__name__)
globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)

# Handlers come back from the natives as ints; the two special ones are
# reported as members of `Handlers`, and signal numbers as `Signals`.
_HANDLER_MEMBERS = {member.value: member for member in Handlers}
_SIGNAL_MEMBERS = {member.value: member for member in Signals}


def _native_arg(value):
    """What the natives take: whatever int() accepts (enum members among
    them) as a plain int, as CPython converts; callables and the rest as
    they are, for the native to accept or reject."""
    if callable(value):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _handler_member(handler):
    if type(handler) is int:
        return _HANDLER_MEMBERS.get(handler, handler)
    return handler


def signal(signalnum, handler):
    previous = _signal.signal(_native_arg(signalnum), _native_arg(handler))
    return _handler_member(previous)


def getsignal(signalnum):
    return _handler_member(_signal.getsignal(signalnum))


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def valid_signals():
    return {_SIGNAL_MEMBERS.get(number, number) for number in _signal.valid_signals()}


del IntEnum
