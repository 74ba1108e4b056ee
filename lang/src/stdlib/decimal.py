"""Decimal fixed and floating point arithmetic, as CPython 3.11's `decimal`.

Written for towel from the General Decimal Arithmetic specification and
CPython's documentation. A finite Decimal is `(-1)**sign * coefficient *
10**exponent` with the coefficient a Python int; the special values are
Infinity, NaN and sNaN (whose coefficient is the diagnostic payload).

Every operation computes an exact or correctly rounded result together with
a status bit set (the signals and the InvalidOperation conditions it raised);
`Context._apply` then records the signals in the context's flags and raises
the first trapped one, with CPython's message (the list of trapped
conditions). The current context lives in a ContextVar, so each thread and
each asyncio task sees its own.
"""

import math as _math
import sys as _sys
import numbers as _numbers
from collections import namedtuple as _namedtuple
import contextvars as _contextvars

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    __module__ = 'decimal'

class Clamped(DecimalException):
    __module__ = 'decimal'

class InvalidOperation(DecimalException):
    __module__ = 'decimal'

class ConversionSyntax(InvalidOperation):
    __module__ = 'decimal'

class DivisionByZero(DecimalException, ZeroDivisionError):
    __module__ = 'decimal'

class DivisionImpossible(InvalidOperation):
    __module__ = 'decimal'

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    __module__ = 'decimal'

class Inexact(DecimalException):
    __module__ = 'decimal'

class InvalidContext(InvalidOperation):
    __module__ = 'decimal'

class Rounded(DecimalException):
    __module__ = 'decimal'

class Subnormal(DecimalException):
    __module__ = 'decimal'

class Overflow(Inexact, Rounded):
    __module__ = 'decimal'

class Underflow(Inexact, Rounded, Subnormal):
    __module__ = 'decimal'

class FloatOperation(DecimalException, TypeError):
    __module__ = 'decimal'


# The nine signals in CPython's order (flags and traps print in this order);
# bit i of a flags, traps or status word is _SIGNALS[i].
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
            Underflow, Subnormal, Inexact, Rounded, Clamped)
_SIGNAL_BIT = {s: 1 << i for i, s in enumerate(_SIGNALS)}
S_INVALID, S_FLOAT, S_DIVZERO, S_OVERFLOW, S_UNDERFLOW, S_SUBNORMAL, \
    S_INEXACT, S_ROUNDED, S_CLAMPED = (1 << i for i in range(9))
# Status-only bits: the conditions that InvalidOperation stands for.
C_SYNTAX, C_IMPOSSIBLE, C_UNDEFINED, C_CONTEXT = (1 << i for i in range(9, 13))
_CONDITIONS = ((C_SYNTAX, ConversionSyntax), (C_IMPOSSIBLE, DivisionImpossible),
               (C_UNDEFINED, DivisionUndefined), (C_CONTEXT, InvalidContext))
_ANY_INVALID = S_INVALID | C_SYNTAX | C_IMPOSSIBLE | C_UNDEFINED | C_CONTEXT


def _signals_of(status):
    """The signal bits a status word sets in a context's flags."""
    signals = status & 0x1FF
    if status & _ANY_INVALID:
        signals |= S_INVALID
    return signals


def _signal_error(name):
    return KeyError(
        'valid values for signals are:\n'
        '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
        '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
        '   Clamped]')


class _SignalDict:
    """The `flags` or `traps` of a Context: a mapping view of one bit word."""
    __slots__ = ('_context', '_attr')

    def __init__(self, context, attr):
        self._context = context
        self._attr = attr

    def _bit(self, key):
        bit = _SIGNAL_BIT.get(key) if isinstance(key, type) else None
        if bit is None:
            raise _signal_error(key)
        return bit

    def __getitem__(self, key):
        return bool(getattr(self._context, self._attr) & self._bit(key))

    def __setitem__(self, key, value):
        bit = self._bit(key)
        word = getattr(self._context, self._attr)
        setattr(self._context, self._attr, word | bit if value else word & ~bit)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __len__(self):
        return len(_SIGNALS)

    def __iter__(self):
        return iter(_SIGNALS)

    def __contains__(self, key):
        return key in _SIGNAL_BIT

    def keys(self):
        return list(_SIGNALS)

    def values(self):
        return [self[s] for s in _SIGNALS]

    def items(self):
        return [(s, self[s]) for s in _SIGNALS]

    def get(self, key, default=None):
        return self[key] if key in _SIGNAL_BIT else default

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            other = other.copy()
        return self.copy() == other

    def __repr__(self):
        return '{' + ', '.join(f'{s}:{self[s]}' for s in _SIGNALS) + '}'


def _signal_word(value):
    """A bit word from a list of signals or a mapping signal -> bool."""
    if isinstance(value, (dict, _SignalDict)):
        items = list(value.items())
        if len(items) != len(_SIGNALS) or any(k not in _SIGNAL_BIT for k, _ in items):
            raise _signal_error(value)
        return sum(_SIGNAL_BIT[k] for k, v in items if v)
    word = 0
    for s in value:
        bit = _SIGNAL_BIT.get(s) if isinstance(s, type) else None
        if bit is None:
            raise _signal_error(s)
        word |= bit
    return word


# The order Context's repr lists signals in (CPython's, unlike the dicts').
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow)


def _signal_dict_word(value):
    """Assigning context.flags or .traps takes a mapping, as in CPython."""
    if not isinstance(value, (dict, _SignalDict)):
        raise TypeError('argument must be a signal dict')
    return _signal_word(value)


def _signal_names(word):
    return '[' + ', '.join(s.__name__ for s in _REPR_ORDER if word & _SIGNAL_BIT[s]) + ']'


# ---------------------------------------------------------------- contexts

def _check_int(value):
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    return value


class Context:
    """The environment of arithmetic: precision, rounding, exponent limits,
    and the signals' flags and traps."""

    __module__ = 'decimal'

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        base = DefaultContext if _default_ready else None
        self._flags = 0
        self._traps = 0
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (base.rounding if base else ROUND_HALF_EVEN)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.capitals = capitals if capitals is not None else (base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        if traps is None:
            self._traps = base._traps if base else (S_INVALID | S_DIVZERO | S_OVERFLOW)
        else:
            self._traps = _signal_word(traps)
        self._flags = 0 if flags is None else _signal_word(flags)

    # -- validated attributes
    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        _check_int(value)
        if not 1 <= value <= MAX_PREC:
            raise ValueError('valid range for prec is [1, MAX_PREC]')
        self._prec = value

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        _check_int(value)
        if not 0 <= value <= MAX_EMAX:
            raise ValueError('valid range for Emax is [0, MAX_EMAX]')
        self._Emax = value

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        _check_int(value)
        if not MIN_EMIN <= value <= 0:
            raise ValueError('valid range for Emin is [MIN_EMIN, 0]')
        self._Emin = value

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if value not in _ROUNDINGS or not isinstance(value, str):
            raise TypeError(
                'valid values for rounding are:\n'
                '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                '   ROUND_05UP]')
        self._rounding = value

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        _check_int(value)
        if value not in (0, 1):
            raise ValueError('valid values for capitals are 0 or 1')
        self._capitals = value

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        _check_int(value)
        if value not in (0, 1):
            raise ValueError('valid values for clamp are 0 or 1')
        self._clamp = value

    @property
    def flags(self):
        return _SignalDict(self, '_flags')

    @flags.setter
    def flags(self, value):
        self._flags = _signal_dict_word(value)

    @property
    def traps(self):
        return _SignalDict(self, '_traps')

    @traps.setter
    def traps(self, value):
        self._traps = _signal_dict_word(value)

    def __setattr__(self, name, value):
        if name.startswith('_') or name in _CONTEXT_ATTRS:
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    # -- signals
    def _apply(self, status):
        """Record an operation's status in the flags; raise if trapped."""
        signals = _signals_of(status)
        self._flags |= signals
        trapped = signals & self._traps
        if trapped:
            raise self._error(status, trapped)

    def _error(self, status, trapped):
        listed = []
        if trapped & S_INVALID:
            if status & S_INVALID:
                listed.append(InvalidOperation)
            listed.extend(cls for bit, cls in _CONDITIONS if status & bit)
        listed.extend(s for s in _SIGNALS[1:] if trapped & _SIGNAL_BIT[s])
        first = next(s for s in _SIGNALS if trapped & _SIGNAL_BIT[s])
        return first(listed)

    def clear_flags(self):
        self._flags = 0

    def clear_traps(self):
        self._traps = 0

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def radix(self):
        return Decimal(10)

    def copy(self):
        new = Context.__new__(Context)
        for name in ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp', '_flags', '_traps'):
            object.__setattr__(new, name, getattr(self, name))
        return new

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self._prec, self._rounding, self._Emin, self._Emax,
                          self._capitals, self._clamp,
                          [s for s in _SIGNALS if self._flags & _SIGNAL_BIT[s]],
                          [s for s in _SIGNALS if self._traps & _SIGNAL_BIT[s]]))

    def __repr__(self):
        return (f'Context(prec={self._prec}, rounding={self._rounding}, '
                f'Emin={self._Emin}, Emax={self._Emax}, capitals={self._capitals}, '
                f'clamp={self._clamp}, flags={_signal_names(self._flags)}, '
                f'traps={_signal_names(self._traps)})')

    def create_decimal(self, num='0'):
        """num as a Decimal rounded to this context (strings keep no underscores)."""
        if isinstance(num, str):
            # Unlike the constructor, no underscores or surrounding spaces.
            parsed = None if '_' in num or num != num.strip() else _parse(num)
            if parsed is None:
                self._apply(C_SYNTAX)
                return Decimal._special_value(0, _NAN, 0)
            d = Decimal._special_value(parsed[0], parsed[3], parsed[1])
            d._exp = parsed[2]
        elif isinstance(num, float):
            self._apply(S_FLOAT)
            d = Decimal._from_float(num)
        else:
            d = Decimal(num)
        if d._kind >= _NAN:
            if len(str(d._coef)) > self._prec - self._clamp and d._coef:
                self._apply(C_SYNTAX)
                return Decimal._special_value(0, _NAN, 0)
            return d
        if d._kind == _INF:
            return d
        result, status = _fix(d._sign, d._coef, d._exp, self)
        self._apply(status)
        return result

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        return self.create_decimal(d)

    def _number(self, a):
        """An operand of a context method: a Decimal or an int."""
        if isinstance(a, Decimal):
            return a
        if isinstance(a, int):
            return Decimal(a)
        raise TypeError(f'conversion from {type(a).__name__} to Decimal is not supported')

    def to_sci_string(self, a):
        return self._number(a).__str__(context=self)

    def to_eng_string(self, a):
        return self._number(a).to_eng_string(context=self)


_CONTEXT_ATTRS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')
_default_ready = False

DefaultContext = Context()
_default_ready = True
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current_context = _contextvars.ContextVar('decimal_context')


def getcontext():
    """The current thread's (or asyncio task's) context."""
    try:
        return _current_context.get()
    except LookupError:
        context = DefaultContext.copy()
        _current_context.set(context)
        return context


def setcontext(context):
    """Make `context` current; the shared templates are copied first."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current_context.set(context)


class _ContextManager:
    __slots__ = ('new_context', 'saved_context')

    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *exc):
        setcontext(self.saved_context)


_LOCALCONTEXT_KEYWORDS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')


def localcontext(ctx=None, **kwargs):
    """A context manager that makes a copy of ctx (or the current context),
    changed by the keyword arguments, current in its block."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new = ctx.copy()
    for name, value in kwargs.items():
        if name not in _LOCALCONTEXT_KEYWORDS:
            raise TypeError(f"'{name}' is an invalid keyword argument for this function")
        if name in ('flags', 'traps'):
            # Lists of signals are accepted here, as by Context().
            setattr(new, '_' + name, _signal_word(value))
        else:
            setattr(new, name, value)
    return _ContextManager(new)


# ---------------------------------------------------------------- rounding

_FINITE, _INF, _NAN, _SNAN = 0, 1, 2, 3


def _digits(n):
    """Number of decimal digits of a non-negative int (1 for 0)."""
    return len(str(n))


def _drop_digits(coef, n, rounding, sign):
    """coef with its last n digits removed and rounded: (rounded, inexact)."""
    if n <= 0:
        return coef * 10 ** -n, False
    if n > _digits(coef) + 1:
        # Everything is discarded, and it is below half of the last place.
        quotient, rest, half_cmp = 0, coef, (-1 if coef else 0)
    else:
        quotient, rest = divmod(coef, 10 ** n)
        half_cmp = 0
        if rest:
            twice = 2 * rest
            unit = 10 ** n
            half_cmp = (twice > unit) - (twice < unit)
    if not rest:
        return quotient, False
    if rounding == ROUND_HALF_EVEN:
        up = half_cmp > 0 or (half_cmp == 0 and quotient & 1)
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_HALF_UP:
        up = half_cmp >= 0
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_DOWN:
        up = half_cmp > 0
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    else:  # ROUND_05UP
        up = quotient % 5 == 0
    return quotient + 1 if up else quotient, True


def _overflow_result(sign, context, r):
    """Overflow's result: Infinity, or the largest finite number when the
    rounding mode r rounds toward zero for this sign."""
    to_inf = (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
              or (r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign))
    if to_inf:
        return Decimal._special_value(sign, _INF, 0)
    prec = context._prec
    return _finite(sign, 10 ** prec - 1, context._Emax - prec + 1)


def _fix(sign, coef, exp, context, rounding=None):
    """The exact value (sign, coef, exp) fitted to the context: rounded to its
    precision, with overflow, underflow and clamping. Returns (Decimal, status)."""
    prec = context._prec
    emax = context._Emax
    clamp = context._clamp
    ndig = _digits(coef)
    if ndig <= prec and exp >= context._Emin - prec + 1:
        adjusted = exp + ndig - 1
        # The common case: nothing to round.
        if coef == 0:
            top = emax - prec + 1 if clamp else emax
            if exp > top:
                return _finite(sign, 0, top), S_CLAMPED
            return _finite(sign, coef, exp), 0
        if adjusted <= emax:
            status = S_SUBNORMAL if adjusted < context._Emin else 0
            if clamp and exp > emax - prec + 1:
                shift = exp - (emax - prec + 1)
                return _finite(sign, coef * 10 ** shift, exp - shift), status | S_CLAMPED
            return _finite(sign, coef, exp), status
    if rounding is None:
        rounding = context._rounding
    status = 0
    emin = context._Emin
    etiny = emin - prec + 1
    if coef == 0:
        if exp < etiny:
            return _finite(sign, 0, etiny), S_CLAMPED
        top = emax - prec + 1 if clamp else emax
        if exp > top:
            return _finite(sign, 0, top), S_CLAMPED
        return _finite(sign, 0, exp), 0
    adjusted = exp + ndig - 1
    if adjusted < emin:
        # Subnormal: the exponent cannot go below Etiny.
        status = S_SUBNORMAL
        if exp < etiny:
            coef, inexact = _drop_digits(coef, etiny - exp, rounding, sign)
            exp = etiny
            status |= S_ROUNDED
            if inexact:
                status |= S_INEXACT | S_UNDERFLOW
                if coef == 0:
                    status |= S_CLAMPED
            if coef and _digits(coef) > prec:
                # Rounded up to 10**prec at Etiny: now normal.
                coef //= 10
                exp += 1
        return _finite(sign, coef, exp), status
    if ndig > prec:
        coef, inexact = _drop_digits(coef, ndig - prec, rounding, sign)
        exp += ndig - prec
        status = S_ROUNDED | (S_INEXACT if inexact else 0)
        if coef == 10 ** prec:
            coef //= 10
            exp += 1
        adjusted = exp + prec - 1
    if adjusted > emax:
        return _overflow_result(sign, context, rounding), status | S_OVERFLOW | S_INEXACT | S_ROUNDED
    if clamp and exp > emax - prec + 1:
        shift = exp - (emax - prec + 1)
        return _finite(sign, coef * 10 ** shift, exp - shift), status | S_CLAMPED
    return _finite(sign, coef, exp), status


def _finite(sign, coef, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._kind = _FINITE
    return d


def _invalid(context, condition=S_INVALID):
    """InvalidOperation's quiet NaN result, after signalling it."""
    context._apply(condition)
    return Decimal._special_value(0, _NAN, 0)


def _nan_operand(a, b, context):
    """The result of an operation with a NaN operand, or None: an sNaN is
    InvalidOperation (its payload kept in a quiet NaN), else the first NaN."""
    for x in (a, b):
        if x is not None and x._kind == _SNAN:
            context._apply(S_INVALID)
            return x._quiet(context)
    for x in (a, b):
        if x is not None and x._kind == _NAN:
            return x._quiet(context)
    return None


# ---------------------------------------------------------------- parsing

def _parse(text):
    """(sign, coef, exp, kind) for a numeric string, or None if invalid.
    Surrounding whitespace and underscores anywhere are ignored, as in
    CPython's constructor; digits may be any Unicode decimal digits."""
    s = text.strip()
    if '_' in s:
        s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, _INF
    for prefix, kind in (('nan', _NAN), ('snan', _SNAN)):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if not payload:
                return sign, 0, 0, kind
            if not payload.isdecimal():
                return None
            return sign, int(payload), 0, kind
    mantissa, e, exponent = s.partition('e') if 'e' in s else s.partition('E')
    if e:
        body = exponent[1:] if exponent[:1] in ('+', '-') else exponent
        if not body.isdecimal():
            return None
        exp = int(exponent)
    else:
        exp = 0
    whole, dot, fraction = mantissa.partition('.')
    if not whole and not fraction:
        return None
    if (whole and not whole.isdecimal()) or (fraction and not fraction.isdecimal()):
        return None
    return sign, int(whole + fraction), exp - len(fraction), _FINITE


def _from_tuple(value):
    """(sign, coef, exp, kind) from a (sign, digits, exponent) sequence."""
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exponent = value
    if not isinstance(sign, int) or sign not in (0, 1):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if isinstance(exponent, str):
        kinds = {'F': _INF, 'n': _NAN, 'N': _SNAN}
        if exponent not in kinds:
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        kind = kinds[exponent]
    elif isinstance(exponent, int):
        kind = _FINITE
    else:
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)) or not all(
            isinstance(x, int) and 0 <= x <= 9 for x in digits):
        raise ValueError('coefficient must be a tuple of digits')
    if kind == _INF:
        return sign, 0, 0, _INF
    coef = int(''.join(map(str, digits))) if digits else 0
    return sign, coef, (exponent if kind == _FINITE else 0), kind


def _float_parts(f):
    """(sign, coef, exp) of a finite float, exactly."""
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return sign, n * 5 ** k, -k


# ---------------------------------------------------------------- Decimal

def _reject_float(a, b, symbol):
    """CPython names its type 'decimal.Decimal' in the TypeError of a mixed
    Decimal/float (or complex) arithmetic operator."""
    names = [('decimal.Decimal' if isinstance(x, Decimal) else type(x).__name__) for x in (a, b)]
    return TypeError(f"unsupported operand type(s) for {symbol}: '{names[0]}' and '{names[1]}'")


class Decimal:
    """A decimal floating point number: Decimal('3.14'), Decimal(10),
    Decimal(0.1) (the float's exact value), Decimal((0, (3, 1, 4), -2))."""

    __module__ = 'decimal'
    __slots__ = ('_sign', '_coef', '_exp', '_kind')

    def __new__(cls, value='0', context=None):
        if context is not None and not isinstance(context, Context):
            raise TypeError('optional argument must be a context')
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                (context or getcontext())._apply(C_SYNTAX)
                self._sign, self._coef, self._exp, self._kind = 0, 0, 0, _NAN
                return self
            self._sign, self._coef, self._exp, self._kind = parsed
            return self
        if isinstance(value, int):
            self._sign = 1 if value < 0 else 0
            self._coef = -value if value < 0 else value
            if type(self._coef) is not int:
                self._coef = int(self._coef)
            self._exp = 0
            self._kind = _FINITE
            return self
        if isinstance(value, Decimal):
            self._sign, self._coef, self._exp, self._kind = value._sign, value._coef, value._exp, value._kind
            return self
        if isinstance(value, float):
            (context or getcontext())._apply(S_FLOAT)
            other = Decimal._from_float(value)
            self._sign, self._coef, self._exp, self._kind = other._sign, other._coef, other._exp, other._kind
            return self
        if isinstance(value, (tuple, list)):
            self._sign, self._coef, self._exp, self._kind = _from_tuple(value)
            return self
        raise TypeError(f'conversion from {type(value).__name__} to Decimal is not supported')

    @classmethod
    def _special_value(cls, sign, kind, payload):
        d = object.__new__(Decimal)
        d._sign, d._coef, d._exp, d._kind = sign, payload, 0, kind
        return d

    @classmethod
    def _from_float(cls, f):
        if _math.isinf(f):
            return Decimal._special_value(1 if f < 0 else 0, _INF, 0)
        if _math.isnan(f):
            return Decimal._special_value(1 if _math.copysign(1.0, f) < 0 else 0, _NAN, 0)
        return _finite(*_float_parts(f))

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Decimal."""
        if isinstance(f, int):
            d = Decimal(f)
        elif isinstance(f, float):
            d = Decimal._from_float(f)
        else:
            raise TypeError('argument must be int or float')
        return d if cls is Decimal else cls(d)

    # -- special values
    def _quiet(self, context):
        """A NaN operand as a quiet NaN result (payload cut to fit)."""
        payload = self._coef
        limit = context._prec - context._clamp
        if payload and _digits(payload) > limit:
            payload = int(str(payload)[-limit:]) if limit > 0 else 0
        return Decimal._special_value(self._sign, _NAN, payload)

    def is_nan(self):
        return self._kind >= _NAN

    def is_qnan(self):
        return self._kind == _NAN

    def is_snan(self):
        return self._kind == _SNAN

    def is_infinite(self):
        return self._kind == _INF

    def is_finite(self):
        return self._kind == _FINITE

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._kind == _FINITE and self._coef == 0

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if self._kind != _FINITE or self._coef == 0:
            return False
        context = context or getcontext()
        return self.adjusted() >= context._Emin

    def is_subnormal(self, context=None):
        if self._kind != _FINITE or self._coef == 0:
            return False
        context = context or getcontext()
        return self.adjusted() < context._Emin

    def adjusted(self):
        """The exponent of the most significant digit (0 for specials)."""
        if self._kind != _FINITE:
            return 0
        return self._exp + _digits(self._coef) - 1

    def radix(self):
        return Decimal(10)

    def as_tuple(self):
        if self._kind == _FINITE:
            return DecimalTuple(self._sign, tuple(int(c) for c in str(self._coef)), self._exp)
        if self._kind == _INF:
            return DecimalTuple(self._sign, (0,), 'F')
        digits = tuple(int(c) for c in str(self._coef)) if self._coef else ()
        return DecimalTuple(self._sign, digits, 'n' if self._kind == _NAN else 'N')

    def as_integer_ratio(self):
        if self._kind == _INF:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer ratio')
        if self._coef == 0:
            return (0, 1)
        n = self._coef
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n, d)

    # -- strings
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        if self._kind != _FINITE:
            if self._kind == _INF:
                return sign + 'Infinity'
            name = 'NaN' if self._kind == _NAN else 'sNaN'
            return sign + name + (str(self._coef) if self._coef else '')
        digits = str(self._coef)
        # How many of the digits stand before the point if no exponent is
        # written (the spec's "adjusted exponent" plus one).
        whole = self._exp + len(digits)
        if self._exp <= 0 and whole > -6:
            shown_exp = 0
        elif not eng:
            shown_exp = whole - 1
        elif self._coef:
            shown_exp = whole - 1 - (whole - 1) % 3
        else:
            # Zero: the next multiple of three up, the point moving left.
            shown_exp = -(-(whole - 1) // 3) * 3
        before = whole - shown_exp
        if before <= 0:
            text = '0.' + '0' * -before + digits
        elif before >= len(digits):
            text = digits + '0' * (before - len(digits))
        else:
            text = digits[:before] + '.' + digits[before:]
        if shown_exp:
            marker = 'E' if (context or getcontext())._capitals else 'e'
            text += marker + format(shown_exp, '+d')
        return sign + text

    def to_eng_string(self, context=None):
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self if type(self) is Decimal else self.__class__(self)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __format__(self, spec, _localeconv=None):
        return _format_decimal(self, spec)

    # -- conversions
    def __bool__(self):
        return self._kind != _FINITE or self._coef != 0

    def _integer_value(self, rounding):
        if self._kind == _INF:
            raise OverflowError('cannot convert Infinity to integer')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._coef * 10 ** self._exp
        else:
            n, _ = _drop_digits(self._coef, -self._exp, rounding, self._sign)
        return -n if self._sign else n

    def __int__(self):
        return self._integer_value(ROUND_DOWN)

    __trunc__ = __int__

    def __floor__(self):
        return self._integer_value(ROUND_FLOOR)

    def __ceil__(self):
        return self._integer_value(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._integer_value(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_finite(0, 1, -n))

    def __float__(self):
        if self._kind == _FINITE:
            return float(f"{'-' if self._sign else ''}{self._coef}e{self._exp}")
        if self._kind == _SNAN:
            raise ValueError('cannot convert signaling NaN to float')
        if self._kind == _INF:
            return float('-inf') if self._sign else float('inf')
        return -float('nan') if self._sign else float('nan')

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __hash__(self):
        if self._kind != _FINITE:
            if self._kind == _SNAN:
                raise TypeError('Cannot hash a signaling NaN value')
            if self._kind == _NAN:
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        modulus = _sys.hash_info.modulus
        if self._exp >= 0:
            h = self._coef % modulus * pow(10, self._exp, modulus) % modulus
        else:
            inverse_ten = pow(10, modulus - 2, modulus)
            h = self._coef % modulus * pow(inverse_ten, -self._exp, modulus) % modulus
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # -- comparisons
    def _compare_value(self, other, op):
        """other as something _cmp can compare with self, or NotImplemented.
        Floats are compared exactly, signalling FloatOperation (which only
        an ordering, not ==, raises when trapped)."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            context = getcontext()
            if op == '==':
                context._flags |= S_FLOAT
            else:
                context._apply(S_FLOAT)
            return Decimal._from_float(other)
        if isinstance(other, complex) and op == '==' and other.imag == 0:
            return self._compare_value(other.real, op)
        if isinstance(other, _numbers.Rational) and not isinstance(other, _numbers.Integral):
            return other
        return NotImplemented

    def __eq__(self, other):
        other = self._compare_value(other, '==')
        if other is NotImplemented:
            return other
        if isinstance(other, Decimal):
            if self._kind >= _NAN or other._kind >= _NAN:
                if self._kind == _SNAN or other._kind == _SNAN:
                    getcontext()._apply(S_INVALID)
                return False
            return _cmp(self, other) == 0
        return _cmp_rational(self, other) == 0

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def _order(self, other, op):
        other = self._compare_value(other, op)
        if other is NotImplemented:
            return other
        if isinstance(other, Decimal):
            if self._kind >= _NAN or other._kind >= _NAN:
                getcontext()._apply(S_INVALID)
                return None
            return _cmp(self, other)
        if self._kind >= _NAN:
            getcontext()._apply(S_INVALID)
            return None
        return _cmp_rational(self, other)

    def __lt__(self, other):
        c = self._order(other, '<')
        return c if c is NotImplemented else (c is not None and c < 0)

    def __le__(self, other):
        c = self._order(other, '<=')
        return c if c is NotImplemented else (c is not None and c <= 0)

    def __gt__(self, other):
        c = self._order(other, '>')
        return c if c is NotImplemented else (c is not None and c > 0)

    def __ge__(self, other):
        c = self._order(other, '>=')
        return c if c is NotImplemented else (c is not None and c >= 0)

    # -- arithmetic operators
    def __add__(self, other, context=None):
        return _apply(_add(self, other, context or getcontext(), 0))

    def __sub__(self, other, context=None):
        return _apply(_add(self, other, context or getcontext(), 1))

    def __mul__(self, other, context=None):
        return _apply(_multiply(self, other, context or getcontext()))

    def __truediv__(self, other, context=None):
        return _apply(_divide(self, other, context or getcontext()))

    def __floordiv__(self, other, context=None):
        return _apply(_divide_integer(self, other, context or getcontext(), 'int'))

    def __mod__(self, other, context=None):
        return _apply(_divide_integer(self, other, context or getcontext(), 'rem'))

    def __divmod__(self, other, context=None):
        return _apply(_divide_integer(self, other, context or getcontext(), 'both'))

    def remainder_near(self, other, context=None):
        return _apply(_divide_integer(self, _convert(other), context or getcontext(), 'near'))

    def __pow__(self, other, modulo=None, context=None):
        context = context or getcontext()
        if modulo is not None:
            return _power_modulo(self, other, _convert(modulo), context)
        return _apply(_power(self, other, context))

    def __neg__(self, context=None):
        return _apply(_plus(self, context or getcontext(), negate=True))

    def __pos__(self, context=None):
        return _apply(_plus(self, context or getcontext()))

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        return _apply(_plus(self, context or getcontext(), absolute=True))


for _symbol, _name, _method in (('+', 'add', '__add__'), ('-', 'sub', '__sub__'),
                                ('*', 'mul', '__mul__'), ('/', 'truediv', '__truediv__'),
                                ('//', 'floordiv', '__floordiv__'), ('%', 'mod', '__mod__'),
                                ('divmod()', 'divmod', '__divmod__'),
                                ('** or pow()', 'pow', '__pow__')):
    _raw = Decimal.__dict__[_method]

    def _make(raw, symbol):
        def forward(self, other, *rest, **kw):
            if isinstance(other, (float, complex)):
                raise _reject_float(self, other, symbol)
            if not isinstance(other, Decimal):
                if not isinstance(other, int):
                    return NotImplemented
                other = Decimal(other)
            return raw(self, other, *rest, **kw)

        def reflected(self, other, *rest):
            if isinstance(other, (float, complex)):
                raise _reject_float(other, self, symbol)
            if not isinstance(other, int):
                return NotImplemented
            return raw(Decimal(other), self)
        return forward, reflected

    _forward, _reflected = _make(_raw, _symbol)
    _forward.__name__ = _method
    setattr(Decimal, _method, _forward)
    if _name != 'pow':
        _reflected.__name__ = '__r' + _method[2:]
        setattr(Decimal, '__r' + _method[2:], _reflected)


def _rpow(self, other, modulo=None):
    if isinstance(other, (float, complex)):
        raise _reject_float(other, self, '** or pow()')
    if not isinstance(other, int) or modulo is not None:
        return NotImplemented
    return Decimal(other).__pow__(self)


Decimal.__rpow__ = _rpow


def _convert(value):
    """A Decimal method's numeric argument: a Decimal or an int."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    raise TypeError(f'conversion from {type(value).__name__} to Decimal is not supported')


def _apply(result):
    """Unpack (Decimal, status, context) from an arithmetic helper, applying
    the status to the context (which may raise)."""
    value, status, context = result
    if status:
        context._apply(status)
    return value


def _cmp(a, b):
    """-1, 0 or 1 comparing two non-NaN Decimals numerically."""
    if a._kind == _INF or b._kind == _INF:
        av = (-1 if a._sign else 1) if a._kind == _INF else 0
        bv = (-1 if b._sign else 1) if b._kind == _INF else 0
        if av == bv and av == 0:
            return 0
        return (av > bv) - (av < bv)
    sa = 0 if a._coef == 0 else (-1 if a._sign else 1)
    sb = 0 if b._coef == 0 else (-1 if b._sign else 1)
    if sa != sb or sa == 0:
        return (sa > sb) - (sa < sb)
    aa = a._exp + _digits(a._coef)
    ab = b._exp + _digits(b._coef)
    if aa != ab:
        mag = 1 if aa > ab else -1
    else:
        ca, cb = a._coef, b._coef
        if a._exp > b._exp:
            ca *= 10 ** (a._exp - b._exp)
        else:
            cb *= 10 ** (b._exp - a._exp)
        mag = (ca > cb) - (ca < cb)
    return -mag if sa < 0 else mag


def _cmp_rational(a, q):
    """-1, 0 or 1 comparing a non-NaN Decimal with a Fraction, exactly."""
    if a._kind == _INF:
        return -1 if a._sign else 1
    n, d = a.as_integer_ratio()
    left = n * q.denominator
    right = q.numerator * d
    return (left > right) - (left < right)


def _zero_sum_sign(context):
    return 1 if context._rounding == ROUND_FLOOR else 0


def _add(a, b, context, negate):
    """a + b (a - b when negate) as (result, status, context)."""
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    bsign = b._sign ^ negate
    if a._kind == _INF or b._kind == _INF:
        if a._kind == _INF and b._kind == _INF and a._sign != bsign:
            return _NAN_RESULT, S_INVALID, context
        if a._kind == _INF:
            return a, 0, context
        return Decimal._special_value(bsign, _INF, 0), 0, context
    asign, acoef, aexp = a._sign, a._coef, a._exp
    bcoef, bexp = b._coef, b._exp
    if acoef == 0 or bcoef == 0:
        if acoef == 0 and bcoef == 0:
            sign = asign if asign == bsign else _zero_sum_sign(context)
            return _fixed(sign, 0, min(aexp, bexp), context)
        if acoef == 0:
            # 0 + b is b, padded toward the zero's exponent as far as it can show.
            exp = max(aexp, bexp - context._prec - 1)
            if exp < bexp:
                return _fixed(bsign, bcoef * 10 ** (bexp - exp), exp, context)
            return _fixed(bsign, bcoef, bexp, context)
        exp = max(bexp, aexp - context._prec - 1)
        if exp < aexp:
            return _fixed(asign, acoef * 10 ** (aexp - exp), exp, context)
        return _fixed(asign, acoef, aexp, context)
    # An operand wholly below the other's last digit and rounding position
    # only decides the rounding direction: stand it in by a one-digit value
    # just as small, so that aligning never builds a huge coefficient.
    prec = context._prec
    adja = aexp + _digits(acoef) - 1
    adjb = bexp + _digits(bcoef) - 1
    if adja > adjb:
        limit = min(aexp, adja - prec - 1)
        if adjb < limit:
            bcoef, bexp = 1, limit - 1
    else:
        limit = min(bexp, adjb - prec - 1)
        if adja < limit:
            acoef, aexp = 1, limit - 1
    if aexp > bexp:
        acoef *= 10 ** (aexp - bexp)
        exp = bexp
    else:
        bcoef *= 10 ** (bexp - aexp)
        exp = aexp
    va = -acoef if asign else acoef
    vb = -bcoef if bsign else bcoef
    total = va + vb
    if total == 0:
        return _fixed(_zero_sum_sign(context), 0, exp, context)
    if total < 0:
        return _fixed(1, -total, exp, context)
    return _fixed(0, total, exp, context)


def _fixed(sign, coef, exp, context, rounding=None):
    result, status = _fix(sign, coef, exp, context, rounding)
    return result, status, context


def _nan_pair(a, b, context):
    """(result, status, context) when an operand is a NaN, else None."""
    if a._kind < _NAN and (b is None or b._kind < _NAN):
        return None
    for x in (a, b):
        if x is not None and x._kind == _SNAN:
            return x._quiet(context), S_INVALID, context
    for x in (a, b):
        if x is not None and x._kind == _NAN:
            return x._quiet(context), 0, context


def _multiply(a, b, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._kind == _INF or b._kind == _INF:
        if (a._kind == _FINITE and a._coef == 0) or (b._kind == _FINITE and b._coef == 0):
            return _NAN_RESULT, S_INVALID, context
        return Decimal._special_value(sign, _INF, 0), 0, context
    return _fixed(sign, a._coef * b._coef, a._exp + b._exp, context)


def _divide(a, b, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._kind == _INF:
        if b._kind == _INF:
            return _NAN_RESULT, S_INVALID, context
        return Decimal._special_value(sign, _INF, 0), 0, context
    if b._kind == _INF:
        return _finite(sign, 0, context.Etiny()), S_CLAMPED, context
    if b._coef == 0:
        if a._coef == 0:
            return _NAN_RESULT, C_UNDEFINED, context
        return Decimal._special_value(sign, _INF, 0), S_DIVZERO, context
    ideal = a._exp - b._exp
    if a._coef == 0:
        return _fixed(sign, 0, ideal, context)
    prec = context._prec
    shift = _digits(b._coef) - _digits(a._coef) + prec + 1
    if shift >= 0:
        q, r = divmod(a._coef * 10 ** shift, b._coef)
    else:
        q, r = divmod(a._coef, b._coef * 10 ** -shift)
    exp = ideal - shift
    if r:
        # A sticky digit below the quotient's: inexact, and never a tie.
        return _fixed(sign, q * 10 + 1, exp - 1, context)
    while exp < ideal and q % 10 == 0:
        q //= 10
        exp += 1
    return _fixed(sign, q, exp, context)


def _divide_integer(a, b, context, want):
    """a // b ('int'), a % b ('rem'), divmod ('both') or remainder_near
    ('near') as the specification's divide-integer and remainder."""
    nan = _nan_pair(a, b, context)
    if nan is not None:
        if want == 'both':
            return (nan[0], nan[0]), nan[1], context
        return nan
    sign = a._sign ^ b._sign
    if a._kind == _INF:
        if want == 'both':
            quotient = _NAN_RESULT if b._kind == _INF else Decimal._special_value(sign, _INF, 0)
            return (quotient, _NAN_RESULT), S_INVALID, context
        if b._kind == _INF or want != 'int':
            return _NAN_RESULT, S_INVALID, context
        return Decimal._special_value(sign, _INF, 0), 0, context
    if b._kind == _INF:
        if want == 'int':
            return _finite(sign, 0, 0), 0, context
        rem, status = _fix(a._sign, a._coef, a._exp, context)
        if want == 'both':
            return (_finite(sign, 0, 0), rem), status, context
        return rem, status, context
    if b._coef == 0:
        if a._coef == 0:
            if want == 'both':
                return (_NAN_RESULT, _NAN_RESULT), C_UNDEFINED, context
            return _NAN_RESULT, C_UNDEFINED, context
        if want == 'int':
            return Decimal._special_value(sign, _INF, 0), S_DIVZERO, context
        if want == 'both':
            return (Decimal._special_value(sign, _INF, 0), _NAN_RESULT), S_INVALID | S_DIVZERO, context
        return _NAN_RESULT, S_INVALID, context
    prec = context._prec
    rem_exp = min(a._exp, b._exp)
    adja = a._exp + _digits(a._coef) - 1
    adjb = b._exp + _digits(b._coef) - 1
    if a._coef == 0 or adja < adjb - 1:
        q, r_coef = 0, None
    elif adja - adjb > prec:
        if want == 'both':
            return (_NAN_RESULT, _NAN_RESULT), C_IMPOSSIBLE, context
        return _NAN_RESULT, C_IMPOSSIBLE, context
    else:
        na, nb = a._coef, b._coef
        if a._exp > b._exp:
            na *= 10 ** (a._exp - b._exp)
        else:
            nb *= 10 ** (b._exp - a._exp)
        q, r_coef = divmod(na, nb)
        if want == 'near' and (2 * r_coef > nb or (2 * r_coef == nb and q & 1)):
            q += 1
            r_coef = r_coef - nb
        if _digits(q) > prec:
            if want == 'both':
                return (_NAN_RESULT, _NAN_RESULT), C_IMPOSSIBLE, context
            return _NAN_RESULT, C_IMPOSSIBLE, context
    if r_coef is None:
        # |a| < |b| / 10: the quotient is 0 and the remainder a itself.
        r_coef = a._coef * 10 ** (a._exp - b._exp) if a._coef and a._exp > b._exp else a._coef
    rexp = rem_exp
    if want == 'int':
        return _fixed(sign, q, 0, context)
    rsign = a._sign
    if r_coef < 0:
        rsign ^= 1
        r_coef = -r_coef
    rem, status = _fix(rsign, r_coef, rexp, context)
    if want == 'both':
        quotient, qstatus = _fix(sign, q, 0, context)
        return (quotient, rem), status | qstatus, context
    return rem, status, context


def _plus(a, context, negate=False, absolute=False):
    """+a, -a or abs(a), rounded to the context."""
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    sign = a._sign
    if absolute:
        sign = 0
    elif negate:
        sign ^= 1
    if a._kind == _INF:
        return Decimal._special_value(sign, _INF, 0), 0, context
    if a._coef == 0 and not absolute:
        # plus(x) is 0 + x and minus(x) is 0 - x: a negative zero result
        # only when rounding toward -Infinity.
        sign = sign & _zero_sum_sign(context)
    return _fixed(sign, a._coef, a._exp, context)


_NAN_RESULT = Decimal._special_value(0, _NAN, 0)


# ---------------------------------------------------------------- transcendental functions
#
# Fixed-point integer arithmetic: a value v is held as round(v * 10**w).
# Each function returns an approximation with a stated error bound, and
# _correctly_rounded widens the working precision until every value inside
# the error interval rounds to the same Decimal (Ziv's strategy): the results
# are correctly rounded, as CPython's.

_LN10_CACHE = [0, 0]  # [digits, round(ln(10) * 10**digits) within 1]


def _ln_unit(y, w):
    """ln(y / 10**w) * 10**w for y / 10**w in [0.1, 1], within 2**k + 50 units."""
    one = 10 ** w
    k = 4
    while k * k < w:
        k += 1
    for _ in range(k):
        y = _math.isqrt(y * one)
    t = (y - one) * one // (y + one)
    negative = t < 0
    t = abs(t)
    t2 = t * t // one
    total = 0
    term = t
    n = 1
    while term:
        total += term // n
        term = term * t2 // one
        n += 2
    total = (2 * total) << k
    return -total if negative else total


def _ln10(w):
    """ln(10) * 10**w within 1 unit."""
    if _LN10_CACHE[0] < w:
        guard = 20 + _math.isqrt(w) // 3
        value = -_ln_unit(10 ** (w + guard - 1), w + guard)
        _LN10_CACHE[0] = w + guard
        _LN10_CACHE[1] = value
    digits, value = _LN10_CACHE
    return value // 10 ** (digits - w)


def _ln_fixed(coef, exp, w):
    """ln(coef * 10**exp) * 10**w within 1 unit (coef > 0)."""
    d = _digits(coef)
    power = exp + d  # coef * 10**exp = (coef / 10**d) * 10**power
    guard = 12 + _digits(abs(power)) + _digits(w) + _math.isqrt(w) // 3
    work = w + guard
    y = coef * 10 ** (work - d) if work >= d else coef // 10 ** (d - work)
    value = _ln_unit(y, work) + power * _ln10(work)
    return value // 10 ** guard


def _exp_fixed(x_coef, x_exp, w):
    """(m, n) with exp(x) ~ m * 10**(n - w), m within 1 unit, for x =
    x_coef * 10**x_exp (signed coef) of moderate size."""
    guard = 12 + _digits(w) + _math.isqrt(w) // 3
    work = w + guard
    one = 10 ** work
    # x in fixed point, then x = n ln(10) + r with 0 <= r < ln(10).
    if x_exp + work >= 0:
        x = x_coef * 10 ** (x_exp + work)
    else:
        x = x_coef // 10 ** -(x_exp + work)
    ln10 = _ln10(work + _digits(abs(x)))
    extra = _digits(abs(x))
    n = (x * 10 ** extra) // ln10
    r = x - (n * ln10) // 10 ** extra
    # exp(r) by halving k times, the Taylor series, and squaring back.
    k = 4
    while k * k < work:
        k += 1
    r >>= k
    total = one
    term = one
    i = 1
    while term:
        term = term * r // (one * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one
    return total // 10 ** guard, n


def _correctly_rounded(approximate, context, start, sign=0, rounding=ROUND_HALF_EVEN):
    """The correctly rounded result of a function whose value is never
    exactly representable: approximate(p) returns (m, e) with the value
    within one unit of m * 10**e (m > 0), for working digits p."""
    status = S_INEXACT | S_ROUNDED
    p = start
    for _ in range(20):
        m, e = approximate(p)
        low, low_status = _fix(sign, m - 1, e, context, rounding)
        high, high_status = _fix(sign, m + 1, e, context, rounding)
        if (_digits(m) > context._prec + 2 and low._kind == high._kind
                and low._coef == high._coef and low._exp == high._exp):
            return high, high_status | status, context
        p += max(context._prec, 10)
    result, result_status = _fix(sign, m, e, context, rounding)
    return result, result_status | status, context


def _exp(a, context):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF:
        if a._sign:
            return _finite(0, 0, 0), 0, context
        return a, 0, context
    if a._coef == 0:
        return _finite(0, 1, 0), 0, context
    prec = context._prec
    adjusted = a.adjusted()
    if adjusted < -(prec + 2):
        # exp(x) = 1 + x + ...: 1 to the precision, inexactly.
        result, status = _fix(0, 10 ** (prec + 2) + (-1 if a._sign else 1), -(prec + 2), context, ROUND_HALF_EVEN)
        return result, status | S_INEXACT | S_ROUNDED, context
    limit = _digits(max(context._Emax, -context.Etiny())) + 1
    if adjusted > limit:
        # Far beyond Emax (or below Etiny): overflow, or underflow to 0.
        if a._sign:
            return _fixed(0, 1, context.Etiny() - 2, context, ROUND_HALF_EVEN)
        return _fixed(0, 1, context._Emax + 2, context, ROUND_HALF_EVEN)
    signed = -a._coef if a._sign else a._coef

    def approximate(p):
        m, n = _exp_fixed(signed, a._exp, p)
        return m, n - p
    return _correctly_rounded(approximate, context, prec + 6)


def _ln(a, context, base10=False):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF:
        if a._sign:
            return _NAN_RESULT, S_INVALID, context
        return a, 0, context
    if a._coef == 0:
        return Decimal._special_value(1, _INF, 0), 0, context
    if a._sign:
        return _NAN_RESULT, S_INVALID, context
    coef, exp = a._coef, a._exp
    while coef % 10 == 0:
        coef //= 10
        exp += 1
    if coef == 1:
        if exp == 0:
            return _finite(0, 0, 0), 0, context
        if base10:
            return _fixed(1 if exp < 0 else 0, abs(exp), 0, context)
    prec = context._prec
    # ln(x) is about (x - 1) near 1: ask for enough digits below the point.
    near_one = max(0, -a._exp) + 2 if a.adjusted() in (0, -1) else 2

    def approximate(p):
        w = p + near_one
        if not base10:
            return _ln_fixed(a._coef, a._exp, w), -w
        work = w + 5
        value = _ln_fixed(a._coef, a._exp, work) * 10 ** work // _ln10(work)
        return value // 10 ** 5, -w
    sign = 0

    def positive(p):
        m, e = approximate(p)
        return (abs(m), e)
    m, _ = approximate(prec + 4)
    if m < 0:
        sign = 1
    return _correctly_rounded(positive, context, prec + 4, sign=sign)


def _sqrt(a, context):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    ideal = a._exp // 2 if a._kind == _FINITE else 0
    if a._kind == _FINITE and a._coef == 0:
        return _fixed(a._sign, 0, ideal, context)
    if a._sign:
        return _NAN_RESULT, S_INVALID, context
    if a._kind == _INF:
        return a, 0, context
    prec = context._prec
    coef, exp = a._coef, a._exp
    shift = max(0, 2 * prec + 3 - _digits(coef))
    if (exp - shift) % 2:
        shift += 1
    radicand = coef * 10 ** shift
    root = _math.isqrt(radicand)
    rexp = (exp - shift) // 2
    if root * root != radicand:
        return _fixed(0, root * 10 + 1, rexp - 1, context, ROUND_HALF_EVEN)
    while rexp < ideal and root % 10 == 0:
        root //= 10
        rexp += 1
    return _fixed(0, root, rexp, context, ROUND_HALF_EVEN)


def _integral_value(d):
    """The int value of a finite Decimal with an integral value, else None."""
    if d._kind != _FINITE:
        return None
    if d._exp >= 0:
        n = d._coef * 10 ** d._exp if d._exp < 100 or d._coef == 0 else None
        if n is None:
            return 'huge'
    else:
        n, rest = divmod(d._coef, 10 ** -d._exp)
        if rest:
            return None
    return -n if d._sign else n


def _one_to_precision(context):
    """1 with `prec` digits, inexact: what a non-integral power gives for 1."""
    prec = context._prec
    return _fixed(0, 10 ** (prec - 1), -(prec - 1), context)[0], S_INEXACT | S_ROUNDED, context


def _power(a, b, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    n = _integral_value(b)
    if n == 'huge':
        n = None if not b._coef else n
    if b._kind == _INF:
        if a._sign and a._kind != _FINITE or (a._sign and a._coef):
            return _NAN_RESULT, S_INVALID, context
        c = _cmp(a.copy_abs(), _finite(0, 1, 0))
        if c == 0:
            return _one_to_precision(context)
        big = (c > 0) != bool(b._sign)
        return (Decimal._special_value(0, _INF, 0) if big else _finite(0, 0, 0)), 0, context
    odd = n is not None and n != 'huge' and n & 1
    if b._coef == 0:
        if a._kind == _FINITE and a._coef == 0:
            return _NAN_RESULT, S_INVALID, context
        return _finite(0, 1, 0), 0, context
    if n is None and a._sign and (a._kind == _INF or a._coef):
        return _NAN_RESULT, S_INVALID, context
    sign = a._sign if odd else 0
    if a._kind == _INF or a._coef == 0:
        grows = (a._kind == _INF) != bool(b._sign)
        if grows:
            return Decimal._special_value(sign, _INF, 0), 0, context
        return _finite(sign, 0, 0), 0, context
    coef, exp = a._coef, a._exp
    if n is not None and n != 'huge':
        stripped = coef
        while stripped % 10 == 0:
            stripped //= 10
        if stripped == 1 and n > 0:
            # A power of ten: exact, with its zeros kept up to the precision.
            zeros = (_digits(coef) - 1) * n
            kept = min(zeros, context._prec + 1)
            return _fixed(sign, 10 ** kept, exp * n + zeros - kept, context)
        if abs(n) * _digits(stripped) <= 4 * context._prec + 200:
            if n > 0:
                return _fixed(sign, coef ** n, exp * n, context)
            return _divide(_finite(0, 1, 0), _finite(sign, coef ** -n, exp * -n), context)
    elif coef == 1 and exp == 0 or (n is None and _cmp(a, _finite(0, 1, 0)) == 0):
        return _one_to_precision(context)
    # exp(b * ln|a|), correctly rounded.
    estimate = (_math.log(coef) + exp * _math.log(10)) * float(b)
    bound = 2.31 * (max(context._Emax, -context.Etiny()) + context._prec + 10)
    if estimate > bound:
        return _fixed(sign, 1, context._Emax + 2, context)
    if estimate < -bound:
        return _fixed(sign, 1, context.Etiny() - 2, context)
    by = -b._coef if b._sign else b._coef
    y_digits = max(0, b.adjusted() + 1)

    def approximate(p):
        w = p + y_digits + 3 + _digits(int(abs(estimate)) + 1)
        log = _ln_fixed(coef, exp, w)
        t = log * by
        if b._exp >= 0:
            t *= 10 ** b._exp
        else:
            t //= 10 ** -b._exp
        m, k = _exp_fixed(t, -w, p)
        return m, k - p
    return _correctly_rounded(approximate, context, context._prec + 6, sign, context._rounding)


def _power_modulo(a, b, m, context):
    for x in (a, b, m):
        if x._kind == _SNAN:
            context._apply(S_INVALID)
            return x._quiet(context)
    for x in (a, b, m):
        if x._kind == _NAN:
            return x._quiet(context)
    ia, ib, im = _integral_value(a), _integral_value(b), _integral_value(m)
    if (ia is None or ib is None or im is None or 'huge' in (ia, ib, im)
            or ib < 0 or im == 0 or (ia == 0 and ib == 0)
            or _digits(abs(im)) > context._prec):
        return _invalid(context)
    value = pow(abs(ia), ib, abs(im))
    return _finite(1 if ia < 0 and ib & 1 else 0, value, 0)


def _rescale(a, target, rounding, context):
    """quantize: a with exponent `target` (result, status, context)."""
    prec = context._prec
    if target > context._Emax or target < context.Etiny():
        return _NAN_RESULT, S_INVALID, context
    if a._coef == 0:
        return _fixed(a._sign, 0, target, context)
    status = 0
    if target >= a._exp:
        coef, inexact = _drop_digits(a._coef, target - a._exp, rounding or context._rounding, a._sign)
        if target > a._exp:
            status |= S_ROUNDED
        if inexact:
            status |= S_INEXACT
    else:
        if a.adjusted() - target + 1 > prec:
            return _NAN_RESULT, S_INVALID, context
        coef = a._coef * 10 ** (a._exp - target)
    if _digits(coef) > prec:
        return _NAN_RESULT, S_INVALID, context
    if coef and target + _digits(coef) - 1 < context._Emin:
        status |= S_SUBNORMAL
        if status & S_INEXACT:
            status |= S_UNDERFLOW
    top = context._Emax - prec + 1
    if context._clamp and target > top:
        coef *= 10 ** (target - top)
        target = top
        status |= S_CLAMPED
    return _finite(a._sign, coef, target), status, context


def _quantize(a, b, rounding, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    if a._kind == _INF or b._kind == _INF:
        if a._kind == _INF and b._kind == _INF:
            return a, 0, context
        return _NAN_RESULT, S_INVALID, context
    return _rescale(a, b._exp, rounding, context)


def _to_integral(a, rounding, context, exact):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF or a._exp >= 0:
        return a, 0, context
    coef, inexact = _drop_digits(a._coef, -a._exp, rounding or context._rounding, a._sign)
    status = (S_ROUNDED | (S_INEXACT if inexact else 0)) if exact and a._coef else 0
    return _finite(a._sign, coef, 0), status, context


def _normalize(a, context):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF:
        return a, 0, context
    result, status = _fix(a._sign, a._coef, a._exp, context)
    if result._kind != _FINITE:
        return result, status, context
    if result._coef == 0:
        return _finite(result._sign, 0, 0), status, context
    coef, exp = result._coef, result._exp
    top = context._Emax - context._prec + 1 if context._clamp else context._Emax
    while coef % 10 == 0 and exp < top:
        coef //= 10
        exp += 1
    return _finite(result._sign, coef, exp), status, context


def _compare(a, b, context, signal=False):
    if a._kind >= _NAN or b._kind >= _NAN:
        if signal:
            result = _nan_pair(a, b, context)
            return result[0], S_INVALID, context
        return _nan_pair(a, b, context)
    return _finite(0, 0, 0) if _cmp(a, b) == 0 else Decimal(_cmp(a, b)), 0, context


def _total_key(d):
    """A key ordering Decimals as compare_total does (for one sign)."""
    if d._kind == _FINITE:
        return (0, _cmp_key(d), d._exp)
    if d._kind == _INF:
        return (1, 0, 0)
    return (3 if d._kind == _NAN else 2, d._coef, 0)


def _cmp_key(d):
    """A sortable exact value of a non-negative finite Decimal."""
    n, q = d.copy_abs().as_integer_ratio()
    from fractions import Fraction
    return Fraction(n, q)


def _compare_total(a, b, magnitude=False):
    sa = 0 if magnitude else a._sign
    sb = 0 if magnitude else b._sign
    if sa != sb:
        return _finite(1, 1, 0) if sa else _finite(0, 1, 0)
    ka, kb = _total_key(a), _total_key(b)
    c = (ka > kb) - (ka < kb)
    if sa:
        c = -c
    return _finite(1, 1, 0) if c < 0 else _finite(0, c, 0)


def _minmax(a, b, context, want_max, magnitude=False):
    if a._kind >= _NAN or b._kind >= _NAN:
        if a._kind == _SNAN or b._kind == _SNAN:
            return _nan_pair(a, b, context)
        if a._kind == _NAN and b._kind == _NAN:
            return _nan_pair(a, b, context)
        number = b if a._kind == _NAN else a
        return _fixed(number._sign, number._coef, number._exp, context) if number._kind == _FINITE else (number, 0, context)
    c = _cmp(a.copy_abs(), b.copy_abs()) if magnitude else 0
    if c == 0:
        c = _cmp(a, b)
    if c == 0:
        # Equal values: the total order decides (sign, then exponent).
        c = _cmp(_compare_total(a, b), _finite(0, 0, 0))
    pick = a if (c >= 0) == want_max else b
    if pick._kind == _INF:
        return pick, 0, context
    return _fixed(pick._sign, pick._coef, pick._exp, context)


def _fma(a, b, c, context):
    for x in (a, b, c):
        if x._kind == _SNAN:
            return x._quiet(context), S_INVALID, context
    for x in (a, b):
        if x._kind == _NAN:
            return x._quiet(context), 0, context
    sign = a._sign ^ b._sign
    if a._kind == _INF or b._kind == _INF:
        if a.is_zero() or b.is_zero():
            return _NAN_RESULT, S_INVALID, context
        product = Decimal._special_value(sign, _INF, 0)
    else:
        product = _finite(sign, a._coef * b._coef, a._exp + b._exp)
    if c._kind == _NAN:
        return c._quiet(context), 0, context
    return _add(product, c, context, 0)


def _scaleb(a, b, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    n = _integral_value(b)
    if b._kind != _FINITE or n is None or n == 'huge' or abs(n) > 2 * (context._Emax + context._prec):
        return _NAN_RESULT, S_INVALID, context
    if a._kind == _INF:
        return a, 0, context
    return _fixed(a._sign, a._coef, a._exp + n, context)


def _logb(a, context):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF:
        return Decimal._special_value(0, _INF, 0), 0, context
    if a._coef == 0:
        return Decimal._special_value(1, _INF, 0), S_DIVZERO, context
    return _fixed(0, 0, 0, context) if a.adjusted() == 0 else _fixed(1 if a.adjusted() < 0 else 0, abs(a.adjusted()), 0, context)


def _next(a, context, upward):
    nan = _nan_pair(a, None, context)
    if nan is not None:
        return nan
    if a._kind == _INF:
        if bool(a._sign) == upward:
            prec = context._prec
            return _finite(a._sign, 10 ** prec - 1, context._Emax - prec + 1), 0, context
        return a, 0, context
    work = context.copy()
    work._rounding = ROUND_CEILING if upward else ROUND_FLOOR
    if a._coef == 0:
        return _finite(0 if upward else 1, 1, context.Etiny()), 0, context
    # A nudge below every digit that rounding toward the direction can keep.
    below = min(context.Etiny(), a._exp, a.adjusted() - context._prec) - 2
    tiny = _finite(0 if upward else 1, 1, below)
    result, _, _ = _add(a, tiny, work, 0)
    return result, 0, context


def _next_toward(a, b, context):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    c = _cmp(a, b)
    if c == 0:
        return a.copy_sign(b), 0, context
    result, _, _ = _next(a, context, c < 0)
    status = 0
    if result._kind == _INF:
        status = S_OVERFLOW | S_INEXACT | S_ROUNDED
    elif result.adjusted() < context._Emin:
        status = S_UNDERFLOW | S_SUBNORMAL | S_INEXACT | S_ROUNDED
        if result._coef == 0:
            status |= S_CLAMPED
    return result, status, context


def _logical_digits(d, context):
    """The digits of a logical operand (zero-padded to prec), or None."""
    if d._kind != _FINITE or d._sign or d._exp != 0:
        return None
    text = str(d._coef)
    if len(text) > context._prec or text.strip('01'):
        return None
    return text.rjust(context._prec, '0')


def _logical(a, b, context, op):
    x = _logical_digits(a, context)
    y = _logical_digits(b, context) if b is not None else '0' * context._prec
    if x is None or y is None:
        return _NAN_RESULT, S_INVALID, context
    bits = ''.join(str(op(int(p), int(q))) for p, q in zip(x, y))
    return _finite(0, int(bits), 0), 0, context


def _shift(a, b, context, rotate):
    nan = _nan_pair(a, b, context)
    if nan is not None:
        return nan
    n = _integral_value(b)
    prec = context._prec
    if n is None or n == 'huge' or abs(n) > prec or b._kind != _FINITE:
        return _NAN_RESULT, S_INVALID, context
    if a._kind == _INF:
        return a, 0, context
    digits = str(a._coef)[-prec:].rjust(prec, '0')
    if rotate:
        n %= prec
        digits = digits[n:] + digits[:n]
    elif n >= 0:
        digits = (digits + '0' * n)[-prec:]
    else:
        digits = ('0' * -n + digits)[:prec]
    return _finite(a._sign, int(digits), a._exp), 0, context


# ---------------------------------------------------------------- Decimal methods

def _context_arg(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


def _unary_method(name, compute):
    def method(self, context=None):
        return _apply(compute(self, _context_arg(context)))
    method.__name__ = name
    return method


def _binary_method(name, compute):
    def method(self, other, context=None):
        return _apply(compute(self, _convert(other), _context_arg(context)))
    method.__name__ = name
    return method


def _rounding_method(name, exact):
    def method(self, rounding=None, context=None):
        return _apply(_to_integral(self, rounding, _context_arg(context), exact))
    method.__name__ = name
    return method


def _quantize_method(self, exp, rounding=None, context=None):
    return _apply(_quantize(self, _convert(exp), rounding, _context_arg(context)))


def _fma_method(self, other, third, context=None):
    return _apply(_fma(self, _convert(other), _convert(third), _context_arg(context)))


def _same_quantum(self, other, context=None):
    other = _convert(other)
    if self._kind != _FINITE or other._kind != _FINITE:
        return (self._kind == _INF and other._kind == _INF) or (self._kind >= _NAN and other._kind >= _NAN)
    return self._exp == other._exp


def _number_class(self, context=None):
    if self._kind == _SNAN:
        return 'sNaN'
    if self._kind == _NAN:
        return 'NaN'
    sign = '-' if self._sign else '+'
    if self._kind == _INF:
        return sign + 'Infinity'
    if self._coef == 0:
        return sign + 'Zero'
    if self.adjusted() < _context_arg(context)._Emin:
        return sign + 'Subnormal'
    return sign + 'Normal'


def _copy_sign(self, other, context=None):
    other = _convert(other)
    d = Decimal(self)
    d._sign = other._sign
    return d


def _copy_abs(self):
    d = Decimal(self)
    d._sign = 0
    return d


def _copy_negate(self):
    d = Decimal(self)
    d._sign ^= 1
    return d


def _logical_method(name, op):
    def method(self, other, context=None):
        return _apply(_logical(self, _convert(other), _context_arg(context), op))
    method.__name__ = name
    return method


def _logical_invert(self, context=None):
    return _apply(_logical(self, None, _context_arg(context), lambda p, q: 1 - p))


def _compare_total_method(magnitude):
    def method(self, other, context=None):
        return _compare_total(self, _convert(other), magnitude)
    return method


_METHODS = {
    'exp': _unary_method('exp', _exp),
    'ln': _unary_method('ln', _ln),
    'log10': _unary_method('log10', lambda a, c: _ln(a, c, base10=True)),
    'sqrt': _unary_method('sqrt', _sqrt),
    'normalize': _unary_method('normalize', _normalize),
    'logb': _unary_method('logb', _logb),
    'next_plus': _unary_method('next_plus', lambda a, c: _next(a, c, True)),
    'next_minus': _unary_method('next_minus', lambda a, c: _next(a, c, False)),
    'next_toward': _binary_method('next_toward', _next_toward),
    'compare': _binary_method('compare', _compare),
    'compare_signal': _binary_method('compare_signal', lambda a, b, c: _compare(a, b, c, True)),
    'max': _binary_method('max', lambda a, b, c: _minmax(a, b, c, True)),
    'min': _binary_method('min', lambda a, b, c: _minmax(a, b, c, False)),
    'max_mag': _binary_method('max_mag', lambda a, b, c: _minmax(a, b, c, True, True)),
    'min_mag': _binary_method('min_mag', lambda a, b, c: _minmax(a, b, c, False, True)),
    'scaleb': _binary_method('scaleb', _scaleb),
    'shift': _binary_method('shift', lambda a, b, c: _shift(a, b, c, False)),
    'rotate': _binary_method('rotate', lambda a, b, c: _shift(a, b, c, True)),
    'logical_and': _logical_method('logical_and', lambda p, q: p & q),
    'logical_or': _logical_method('logical_or', lambda p, q: p | q),
    'logical_xor': _logical_method('logical_xor', lambda p, q: p ^ q),
    'logical_invert': _logical_invert,
    'to_integral': _rounding_method('to_integral', False),
    'to_integral_value': _rounding_method('to_integral_value', False),
    'to_integral_exact': _rounding_method('to_integral_exact', True),
    'quantize': _quantize_method,
    'fma': _fma_method,
    'same_quantum': _same_quantum,
    'number_class': _number_class,
    'copy_sign': _copy_sign,
    'copy_abs': _copy_abs,
    'copy_negate': _copy_negate,
    'compare_total': _compare_total_method(False),
    'compare_total_mag': _compare_total_method(True),
}
for _name, _method in _METHODS.items():
    _method.__name__ = _name
    setattr(Decimal, _name, _method)


def _context_divmod(a, b, context=None):
    return a.__divmod__(b, context=context)


def _context_power(a, b, modulo=None, context=None):
    return a.__pow__(b, modulo, context=context)


def _context_copy_decimal(a, context=None):
    return Decimal(a)


def _context_is(name):
    def method(a, context=None):
        if name in ('is_normal', 'is_subnormal'):
            return getattr(a, name)(context)
        return getattr(a, name)()
    return method


def _with_context(name):
    def method(a, *rest, context=None):
        return getattr(a, name)(*rest, context=context)
    return method


# Context.NAME(a, ...) is the Decimal operation in that context.
_CONTEXT_METHODS = {
    'add': lambda a, b, context=None: a.__add__(b, context=context),
    'subtract': lambda a, b, context=None: a.__sub__(b, context=context),
    'multiply': lambda a, b, context=None: a.__mul__(b, context=context),
    'divide': lambda a, b, context=None: a.__truediv__(b, context=context),
    'divide_int': lambda a, b, context=None: a.__floordiv__(b, context=context),
    'remainder': lambda a, b, context=None: a.__mod__(b, context=context),
    'divmod': _context_divmod,
    'power': _context_power,
    'plus': lambda a, context=None: a.__pos__(context=context),
    'minus': lambda a, context=None: a.__neg__(context=context),
    'abs': lambda a, context=None: a.__abs__(context=context),
    'copy_decimal': _context_copy_decimal,
    'copy_abs': lambda a, context=None: a.copy_abs(),
    'copy_negate': lambda a, context=None: a.copy_negate(),
    'canonical': lambda a, context=None: a,
    'remainder_near': _with_context('remainder_near'),
}
for _name in ('exp', 'ln', 'log10', 'sqrt', 'normalize', 'logb', 'next_plus', 'next_minus',
              'next_toward', 'compare', 'compare_signal', 'max', 'min', 'max_mag', 'min_mag',
              'scaleb', 'shift', 'rotate', 'logical_and', 'logical_or', 'logical_xor',
              'logical_invert', 'to_integral', 'to_integral_value', 'to_integral_exact',
              'quantize', 'fma', 'same_quantum', 'number_class', 'copy_sign',
              'compare_total', 'compare_total_mag'):
    _CONTEXT_METHODS[_name] = _with_context(_name)
for _name in ('is_canonical', 'is_finite', 'is_infinite', 'is_nan', 'is_normal', 'is_qnan',
              'is_signed', 'is_snan', 'is_subnormal', 'is_zero'):
    _CONTEXT_METHODS[_name] = _context_is(_name)


def _context_method(name, operation):
    def method(self, a, *rest):
        operands = [self._number(x) if x is not None else None for x in (a,) + rest]
        return operation(*operands, context=self)
    method.__name__ = name
    method.__qualname__ = 'Context.' + name
    return method


for _name, _operation in _CONTEXT_METHODS.items():
    setattr(Context, _name, _context_method(_name, _operation))


# ---------------------------------------------------------------- format()

def _parse_format_spec(spec):
    """(fill, align, sign, z, zero, width, comma, precision, type) or raise."""
    error = ValueError('invalid format string')
    i = 0
    fill = align = None
    if len(spec) >= 2 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ('<', '>', '=', '^'):
        align, i = spec[0], 1
    sign = '-'
    if spec[i:i + 1] in ('+', '-', ' '):
        sign = spec[i]
        i += 1
    z = spec[i:i + 1] == 'z'
    i += z
    zero = spec[i:i + 1] == '0'
    i += zero
    start = i
    while spec[i:i + 1].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    comma = spec[i:i + 1] == ','
    i += comma
    precision = None
    if spec[i:i + 1] == '.':
        start = i = i + 1
        while spec[i:i + 1].isdigit():
            i += 1
        if i == start:
            raise error
        precision = int(spec[start:i])
    kind = spec[i:]
    if kind not in ('', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%'):
        raise error
    # CPython's decimal takes no '0' flag beside an explicit alignment, and
    # no separator with 'n'.
    if (zero and align is not None) or (comma and kind == 'n'):
        raise error
    return fill, align, sign, z, zero, width, comma, precision, kind or None


def _group_thousands(digits, min_width):
    """digits with a comma every three, zero-padded to at least min_width."""
    count = len(digits)
    while count + (count - 1) // 3 < min_width:
        count += 1
    digits = digits.rjust(count, '0')
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return ','.join(reversed(groups))


def _format_body(d, precision, kind, context):
    """The digits, point and exponent of a finite Decimal for format()."""
    sign, coef, exp = d._sign, d._coef, d._exp
    if kind == '%':
        exp += 2
    rounding = context._rounding
    if coef == 0 and exp > 0 and kind in ('f', 'F', '%'):
        exp = 0
    digits = str(coef)
    if precision is not None:
        if kind in ('e', 'E'):
            if coef == 0:
                digits = '0' * (precision + 1)
            else:
                drop = len(digits) - (precision + 1)
                coef, _ = _drop_digits(coef, drop, rounding, sign)
                exp += drop
                if _digits(coef) > precision + 1:
                    coef //= 10
                    exp += 1
                digits = str(coef)
        elif kind in ('f', 'F', '%'):
            coef, _ = _drop_digits(coef, -precision - exp, rounding, sign)
            exp = -precision
            digits = str(coef)
        else:
            precision = max(precision, 1)
            if len(digits) > precision:
                drop = len(digits) - precision
                coef, _ = _drop_digits(coef, drop, rounding, sign)
                exp += drop
                if _digits(coef) > precision:
                    coef //= 10
                    exp += 1
                digits = str(coef)
    leftdigits = exp + len(digits)
    if kind in ('e', 'E'):
        dotplace = 1
    elif kind in ('f', 'F', '%'):
        dotplace = leftdigits
    elif exp <= 0 and leftdigits > -6:
        dotplace = leftdigits
    else:
        dotplace = 1
    if dotplace <= 0:
        intpart, fracpart = '0', '0' * -dotplace + digits
    elif dotplace >= len(digits):
        intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
    else:
        intpart, fracpart = digits[:dotplace], digits[dotplace:]
    exponent = leftdigits - dotplace
    if kind in ('e', 'E') or exponent:
        if kind in ('E', 'G') or (kind is None and context._capitals):
            letter = 'E'
        else:
            letter = 'e'
        suffix = '%s%+d' % (letter, exponent)
    else:
        suffix = ''
    return coef == 0, intpart, ('.' + fracpart if fracpart else ''), suffix


def _format_decimal(d, spec):
    if not isinstance(spec, str):
        raise TypeError('format spec must be a string')
    fill, align, sign_option, z, zero, width, comma, precision, kind = _parse_format_spec(spec)
    context = getcontext()
    if zero:
        if d._kind != _FINITE:
            fill, align = ' ', align or '>'
        else:
            fill = fill or '0'
            align = align or '='
    fill = fill or ' '
    align = align or '>'
    percent = '%' if kind == '%' else ''
    if d._kind != _FINITE:
        is_zero = False
        intpart = str(d.copy_abs())
        fraction = suffix = ''
        comma = False
    else:
        is_zero, intpart, fraction, suffix = _format_body(d, precision, kind, context)
    # With the 'F' type, CPython 3.11's 'z' only drops the sign of an
    # operand that is zero, not of one that rounds to zero.
    if kind == 'F':
        is_zero = d._kind == _FINITE and d._coef == 0
    negative = d._sign and not (z and is_zero)
    sign = '-' if negative else ('' if sign_option == '-' else sign_option)
    rest = fraction + suffix + percent
    if comma or (zero and fill == '0' and align == '=' and d._kind == _FINITE):
        min_width = width - len(sign) - len(rest) if (zero and fill == '0' and align == '=') else 0
        if comma:
            intpart = _group_thousands(intpart, min_width)
        else:
            intpart = intpart.rjust(min_width, '0')
    body = intpart + rest
    padding = width - len(sign) - len(body)
    if padding <= 0:
        return sign + body
    if align == '<':
        return sign + body + fill * padding
    if align == '>':
        return fill * padding + sign + body
    if align == '=':
        return sign + fill * padding + body
    left = padding // 2
    return fill * left + sign + body + fill * (padding - left)


_numbers.Number.register(Decimal)
