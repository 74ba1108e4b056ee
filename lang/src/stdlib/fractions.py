"""Rational numbers: the Fraction type.

A Fraction keeps a numerator and a positive denominator in lowest terms.
Arithmetic with ints and Fractions stays exact; with floats or complex
numbers it falls back to float or complex arithmetic.
"""

import math
import numbers
import operator
import sys

__all__ = ["Fraction"]


# ---------------------------------------------------------------------------
# Reading Fraction('...') literals: '[sign]int/int' or a decimal with an
# optional exponent; digit groups may be separated by single underscores.

def _bad_literal(text):
    return ValueError("Invalid literal for Fraction: %r" % (text,))


def _digit_group(part, text):
    """The value of a run of decimal digits with single '_' separators."""
    if not part or part[0] == "_" or part[-1] == "_" or "__" in part:
        raise _bad_literal(text)
    if not part.replace("_", "").isdecimal():
        raise _bad_literal(text)
    return int(part)


def _read_literal(text):
    """(numerator, denominator) of a Fraction literal."""
    body = text.strip()
    negative = body[:1] == "-"
    if body[:1] in ("-", "+"):
        body = body[1:]
    if "/" in body:
        top, _, bottom = body.partition("/")
        numerator, denominator = _digit_group(top, text), _digit_group(bottom, text)
    else:
        numerator, denominator = _read_decimal(body, text)
    return (-numerator if negative else numerator), denominator


def _read_decimal(body, text):
    """A decimal like 12, 1.5, .5, 5., 1e-3 as (numerator, power of ten)."""
    mantissa, exponent = body, 0
    marker = "e" if "e" in body else "E"
    if marker in body:
        mantissa, _, power = body.partition(marker)
        sign = -1 if power[:1] == "-" else 1
        if power[:1] in ("-", "+"):
            power = power[1:]
        exponent = sign * _digit_group(power, text)
    whole, dot, fraction = mantissa.partition(".")
    if not whole and not fraction:
        raise _bad_literal(text)
    places = len(fraction.replace("_", ""))
    digits = (_digit_group(whole, text) if whole else 0) * 10 ** places
    if fraction:
        digits += _digit_group(fraction, text)
    scale = -places + exponent
    if scale >= 0:
        return digits * 10 ** scale, 1
    return digits, 10 ** -scale


def _decimal_class():
    """decimal.Decimal if something imported decimal (else nothing can be one)."""
    module = sys.modules.get("decimal")
    return getattr(module, "Decimal", ()) if module is not None else ()


# ---------------------------------------------------------------------------
# Exact arithmetic on (numerator, denominator) of two rationals; each returns
# what the operator returns.

def _sign(n):
    return (n > 0) - (n < 0)


def _exact_add(xn, xd, yn, yd):
    return Fraction(xn * yd + yn * xd, xd * yd)


def _exact_sub(xn, xd, yn, yd):
    return Fraction(xn * yd - yn * xd, xd * yd)


def _exact_mul(xn, xd, yn, yd):
    return Fraction(xn * yn, xd * yd)


def _exact_truediv(xn, xd, yn, yd):
    if yn == 0:
        # CPython reduces before dividing: the dividend shrinks to its sign.
        raise ZeroDivisionError("Fraction(%d, 0)" % _sign(xn))
    return Fraction(xn * yd, xd * yn)


def _exact_floordiv(xn, xd, yn, yd):
    return (xn * yd) // (xd * yn)


def _exact_divmod(xn, xd, yn, yd):
    quotient, remainder = divmod(xn * yd, xd * yn)
    return quotient, Fraction(remainder, xd * yd)


def _exact_mod(xn, xd, yn, yd):
    return Fraction((xn * yd) % (yn * xd), xd * yd)


def _operator_pair(name, exact, inexact):
    """The __name__ and __rname__ methods of Fraction for one operator."""

    def compute(fraction, other, reflected):
        kinds = _REFLECTED_KINDS if reflected else _FORWARD_KINDS
        for accepted, convert in kinds:
            if isinstance(other, accepted):
                break
        else:
            return NotImplemented
        if convert is not None:
            left, right = convert(fraction), convert(other)
            return inexact(right, left) if reflected else inexact(left, right)
        mine = (fraction._numerator, fraction._denominator)
        theirs = (other.numerator, other.denominator)
        return exact(*theirs, *mine) if reflected else exact(*mine, *theirs)

    def forward(self, other):
        return compute(self, other, False)

    def reflected(self, other):
        return compute(self, other, True)

    forward.__name__, reflected.__name__ = "__%s__" % name, "__r%s__" % name
    return forward, reflected


def _closer(x, first, second):
    """Of two fractions, the one nearer x; `first` on a tie."""
    return first if abs(first - x) <= abs(second - x) else second


class Fraction(numbers.Rational):
    """A rational number: Fraction(3, 4), Fraction('3/4'), Fraction('0.75'),
    Fraction(0.75), Fraction(Decimal('0.75')), Fraction(other_rational)."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super().__new__(cls)
        if denominator is None:
            n, d = cls._terms_of(numerator)
        elif type(numerator) is int and type(denominator) is int:
            n, d = numerator, denominator
        elif isinstance(numerator, numbers.Rational) and isinstance(denominator, numbers.Rational):
            n = numerator.numerator * denominator.denominator
            d = denominator.numerator * numerator.denominator
        else:
            raise TypeError("both arguments should be Rational instances")
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        if _normalize:
            common = math.gcd(n, d) * _sign(d)
            n, d = n // common, d // common
        self._numerator, self._denominator = n, d
        return self

    @staticmethod
    def _terms_of(value):
        """(numerator, denominator) of a single constructor argument."""
        if type(value) is int:
            return value, 1
        if isinstance(value, numbers.Rational):
            return value.numerator, value.denominator
        if isinstance(value, (float, _decimal_class())):
            return value.as_integer_ratio()
        if isinstance(value, str):
            return _read_literal(value)
        raise TypeError("argument should be a string or a Rational instance")

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (an int is taken as it is)."""
        return cls._exact_value(f, float, "from_float", "floats")

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (an int is taken as it is)."""
        from decimal import Decimal
        return cls._exact_value(dec, Decimal, "from_decimal", "Decimals")

    @classmethod
    def _exact_value(cls, value, kind, method, kind_plural):
        if isinstance(value, numbers.Integral):
            value = int(value)
        elif not isinstance(value, kind):
            raise TypeError("%s.%s() only takes %s, not %r (%s)"
                            % (cls.__name__, method, kind_plural, value, type(value).__name__))
        return cls(*value.as_integer_ratio())

    def as_integer_ratio(self):
        return self._numerator, self._denominator

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self whose denominator is at most
        max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        n, d = self._numerator, self._denominator
        if d <= max_denominator:
            return Fraction(self)
        # Walk the Stern-Brocot tree towards n/d a run at a time: a run moves
        # one bound towards n/d by adding the other to it as often as it can
        # without passing n/d.  Bounds are (numerator, denominator) pairs;
        # (1, 0) stands for infinity.  The run cut short by the denominator
        # limit leaves the two best approximations from either side.
        below, above = (n // d, 1), (1, 0)
        move_above = True
        while True:
            gap_below = n * below[1] - below[0] * d
            gap_above = above[0] * d - n * above[1]
            moving, fixed = (above, below) if move_above else (below, above)
            steps = gap_above // gap_below if move_above else gap_below // gap_above
            room = (max_denominator - moving[1]) // fixed[1]
            moved = (moving[0] + min(steps, room) * fixed[0],
                     moving[1] + min(steps, room) * fixed[1])
            if room < steps:
                return _closer(self, Fraction(*fixed), Fraction(*moved))
            below, above = (below, moved) if move_above else (moved, above)
            move_above = not move_above

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        n, d = self._numerator, self._denominator
        return str(n) if d == 1 else f"{n}/{d}"

    # -- arithmetic ------------------------------------------------------------

    __add__, __radd__ = _operator_pair("add", _exact_add, operator.add)
    __sub__, __rsub__ = _operator_pair("sub", _exact_sub, operator.sub)
    __mul__, __rmul__ = _operator_pair("mul", _exact_mul, operator.mul)
    __truediv__, __rtruediv__ = _operator_pair("truediv", _exact_truediv, operator.truediv)
    __floordiv__, __rfloordiv__ = _operator_pair("floordiv", _exact_floordiv, operator.floordiv)
    __divmod__, __rdivmod__ = _operator_pair("divmod", _exact_divmod, divmod)
    __mod__, __rmod__ = _operator_pair("mod", _exact_mod, operator.mod)

    def __pow__(a, b):
        """a ** b: exact for an integral b, a float (or complex) otherwise."""
        if not isinstance(b, numbers.Rational):
            return float(a) ** b
        if b.denominator != 1:
            return float(a) ** float(b)
        power = b.numerator
        top, bottom = a._numerator, a._denominator
        if power < 0:
            # Invert, keeping the sign on the numerator.
            power = -power
            top, bottom = (bottom, top) if top >= 0 else (-bottom, -top)
        return Fraction(top ** power, bottom ** power, _normalize=False)

    def __rpow__(b, a):
        """a ** b for a Fraction b: a rational a is raised as a Fraction unless
        b is a natural number; other numbers meet b as an int or a float."""
        natural = b._denominator == 1 and b._numerator >= 0
        if isinstance(a, numbers.Rational) and not natural:
            return Fraction(a.numerator, a.denominator) ** b
        return a ** (b._numerator if b._denominator == 1 else float(b))

    def _with_numerator(transform):
        def method(a):
            return Fraction(transform(a._numerator), a._denominator, _normalize=False)
        return method

    __pos__ = _with_numerator(operator.pos)
    __neg__ = _with_numerator(operator.neg)
    __abs__ = _with_numerator(abs)
    del _with_numerator

    # -- conversion to integers ------------------------------------------------

    def __trunc__(a):
        whole = abs(a._numerator) // a._denominator
        return whole if a._numerator >= 0 else -whole

    __int__ = __trunc__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self): the nearest int, ties to even; round(self, ndigits):
        the nearest Fraction with that many decimal places."""
        if ndigits is not None:
            scale = Fraction(10) ** ndigits
            return Fraction(round(self * scale)) / scale
        # floor(n/d + 1/2), stepping back to even when n/d was a tie.
        nearest, beyond = divmod(2 * self._numerator + self._denominator, 2 * self._denominator)
        return nearest - 1 if beyond == 0 and nearest % 2 else nearest

    # -- hashing and comparisons -------------------------------------------------

    def __hash__(self):
        # The numeric hash shared by int, float, Decimal and Fraction: the
        # value modulo the prime P = sys.hash_info.modulus (the inverse of the
        # denominator exists unless P divides it, which hashes as infinity).
        modulus = sys.hash_info.modulus
        if self._denominator % modulus == 0:
            magnitude = sys.hash_info.inf
        else:
            inverse = pow(self._denominator, -1, modulus)
            magnitude = hash(hash(abs(self._numerator)) * inverse)
        result = magnitude if self._numerator >= 0 else -magnitude
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, numbers.Complex) and not isinstance(b, numbers.Real) and b.imag == 0:
            b = b.real
        return a._order(b, operator.eq)

    def _order(self, other, compare):
        """compare(self, other) for a rational or a float other (equality too)."""
        if isinstance(other, numbers.Rational):
            return compare(self._numerator * other.denominator,
                           self._denominator * other.numerator)
        if not isinstance(other, float):
            return NotImplemented
        if math.isfinite(other):
            return compare(self, Fraction.from_float(other))
        # Every Fraction lies strictly between -inf and inf, and nan is
        # unordered: comparing with 0.0 gives the same answers.
        return compare(0.0, other)

    def __lt__(a, b):
        return a._order(b, operator.lt)

    def __gt__(a, b):
        return a._order(b, operator.gt)

    def __le__(a, b):
        return a._order(b, operator.le)

    def __ge__(a, b):
        return a._order(b, operator.ge)

    def __bool__(a):
        return a._numerator != 0

    # -- copying and pickling ----------------------------------------------------

    def __reduce__(self):
        return (type(self), (self._numerator, self._denominator))

    def __copy__(self):
        # Fractions are immutable; a subclass instance may carry more state.
        return self if type(self) is Fraction else type(self)(*self.as_integer_ratio())

    def __deepcopy__(self, memo):
        return self.__copy__()


# Which other operands each direction of an operator accepts, and how both
# sides are then converted (None: kept exact).  The forward methods take only
# the concrete types, so that other Rational types get their reflected method.
_FORWARD_KINDS = (((int, Fraction), None), ((float,), float), ((complex,), complex))
_REFLECTED_KINDS = ((numbers.Rational, None), (numbers.Real, float), (numbers.Complex, complex))
