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


def _int_to_enum(value, enum_klass):
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}


del IntEnum
