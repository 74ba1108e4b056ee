# datetime: dates, clock times, intervals and time zones, with CPython
# 3.11's API, results, reprs and messages.
#
# Design. A timedelta is one integer count of microseconds (its days,
# seconds and microseconds are derived once, at construction). A date keeps
# (year, month, day) and does arithmetic on day ordinals (0001-01-01 is day
# 1), converting with the civil-from-days algorithm the `time` module already
# carries. A datetime also keeps its clock fields, tzinfo and PEP 495 fold;
# its arithmetic goes through one integer, the microseconds since the start
# of ordinal day 0 (only when a shift crosses midnight). The four value
# types share one comparison scheme: each class answers `_compare(other,
# equality)` with a pair of keys to compare (or NotImplemented, or raises
# for an ordering that makes no sense) and the six rich comparisons are
# built from a table, as are timedelta's operators between two timedeltas
# and the tzinfo queries of time and datetime. Text formats (isoformat,
# fromisoformat, strftime's %z/%Z/%f) are small scanners at the end.

import operator as _operator
import time as _time
from math import modf as _modf

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_ORDINAL_OF_EPOCH = 719163          # day ordinal of 1970-01-01
_LAST_ORDINAL = 3652059             # day ordinal of 9999-12-31
_MAX_DAYS = 999999999               # a timedelta's magnitude limit in days
_C_INT_RANGE = range(-2 ** 31, 2 ** 31)
_MISSING = object()                 # "argument not given", where None means something


# -- the proleptic Gregorian calendar ------------------------------------------

def _ordinal(year, month, day):
    return _time._days_from_civil(year, month, day) + _ORDINAL_OF_EPOCH


def _civil(ordinal):
    return _time._civil_from_days(ordinal - _ORDINAL_OF_EPOCH)


def _month_length(year, month):
    if month == 2:
        return 29 if _time._is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _weekday_of(ordinal):
    # Day 1 (0001-01-01) was a Monday; Monday is 0.
    return (ordinal - 1) % 7


def _iso_triple(ordinal):
    # ISO 8601 weeks start on Monday and belong to the year of their Thursday.
    weekday = _weekday_of(ordinal)
    thursday = ordinal - weekday + 3
    iso_year = _civil(thursday)[0]
    week = (thursday - _ordinal(iso_year, 1, 1)) // 7 + 1
    return iso_year, week, weekday + 1


def _iso_to_ordinal(year, week, day):
    # The inverse of _iso_triple, with CPython's messages for bad parts.
    year, week, day = _integer(year), _integer(week), _integer(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    last_week = _iso_triple(_ordinal(year, 12, 28))[1]
    if not 1 <= week <= last_week:
        raise ValueError(f"Invalid week: {week}")
    if not 1 <= day <= 7:
        raise ValueError(f"Invalid day: {day} (range is [1, 7])")
    jan4 = _ordinal(year, 1, 4)
    week_one_monday = jan4 - _weekday_of(jan4)
    return week_one_monday + (week - 1) * 7 + day - 1


# -- argument checks -------------------------------------------------------------

def _integer(value):
    if type(value) is int:
        return value
    return int(_operator.index(value))


def _valid_date(year, month, day):
    if not type(year) is type(month) is type(day) is int:
        year, month, day = _integer(year), _integer(month), _integer(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _month_length(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


_CLOCK_FIELDS = (("hour", 23), ("minute", 59), ("second", 59), ("microsecond", 999999))


def _valid_clock(hour, minute, second, microsecond, fold):
    if (type(hour) is type(minute) is type(second) is type(microsecond) is int and 0 <= hour <= 23
            and 0 <= minute <= 59 and 0 <= second <= 59 and 0 <= microsecond <= 999999 and (fold == 0 or fold == 1)):
        return hour, minute, second, microsecond, int(fold)
    values = []
    for (name, highest), value in zip(_CLOCK_FIELDS, (hour, minute, second, microsecond)):
        value = _integer(value)
        if not 0 <= value <= highest:
            raise ValueError(f"{name} must be in 0..{highest}")
        values.append(value)
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    values.append(int(fold))
    return values


def _report_missing(month):
    name, position = ("month", 2) if month is _MISSING else ("day", 3)
    raise TypeError(f"function missing required argument '{name}' (pos {position})")


def _valid_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tz).__name__}'")
    return tz


def _no_extra_keywords(extra, function):
    if extra:
        raise TypeError(f"'{next(iter(extra))}' is an invalid keyword argument for {function}()")


def _out_of_range():
    return OverflowError("date value out of range")


def _type_label(cls):
    # CPython's C name of a type: "datetime.date" for this module's own
    # classes, the plain name for a subclass written in Python.
    if cls in _OWN_CLASSES:
        return "datetime." + cls.__name__
    return cls.__name__


def _divide_to_nearest(numerator, denominator):
    # numerator / denominator rounded to an integer, ties to even.
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


# -- rich comparisons from one _compare per class ------------------------------------
#
# `_compare(other, equality)` returns NotImplemented, or a pair of keys whose
# order is the order of self and other (_UNEQUAL when they can only be
# unequal), or raises TypeError for an ordering that has no meaning.

def _comparison(name, holds):
    equality = name in ("__eq__", "__ne__")

    def compare(self, other):
        keys = self._compare(other, equality)
        if keys is NotImplemented:
            return keys
        return holds(*keys)
    compare.__name__ = name
    return compare


_COMPARISONS = (("__eq__", _operator.eq), ("__ne__", _operator.ne), ("__lt__", _operator.lt),
                ("__le__", _operator.le), ("__gt__", _operator.gt), ("__ge__", _operator.ge))


def _with_comparisons(cls):
    for name, holds in _COMPARISONS:
        method = _comparison(name, holds)
        method.__qualname__ = f"{cls.__name__}.{name}"
        setattr(cls, name, method)
    return cls


_UNEQUAL = (0, 1)


# -- timedelta -----------------------------------------------------------------------

# Each constructor argument and the microseconds in one unit of it, in the
# order CPython reports a bad type.
_DELTA_UNITS = (("days", _US_PER_DAY), ("seconds", _US_PER_SECOND), ("microseconds", 1),
                ("milliseconds", 1000), ("minutes", 60 * _US_PER_SECOND),
                ("hours", 3600 * _US_PER_SECOND), ("weeks", 7 * _US_PER_DAY))


def _exact_microseconds(parts):
    # The sum of (name, value, unit) parts, exactly, rounded half to even:
    # float parts count with their exact binary value.
    numerator, denominator = 0, 1
    for name, value, unit in parts:
        if isinstance(value, int):
            numerator += value * unit * denominator
        elif isinstance(value, float):
            if value != value:
                raise ValueError("cannot convert float NaN to integer")
            if value in (float("inf"), float("-inf")):
                raise OverflowError("cannot convert float infinity to integer")
            top, bottom = value.as_integer_ratio()
            numerator = numerator * bottom + top * unit * denominator
            denominator *= bottom
        else:
            raise TypeError(f"unsupported type for timedelta {name} component: {type(value).__name__}")
    if denominator == 1:
        return numerator
    return _divide_to_nearest(numerator, denominator)


def _delta(cls, total_us):
    days, rest = divmod(total_us, _US_PER_DAY)
    if not -_MAX_DAYS <= days <= _MAX_DAYS:
        if days not in _C_INT_RANGE:
            raise OverflowError("Python int too large to convert to C int")
        raise OverflowError(f"days={days}; must have magnitude <= {_MAX_DAYS}")
    self = object.__new__(cls)
    self._us = total_us
    self._days = days
    self._seconds, self._microseconds = divmod(rest, _US_PER_SECOND)
    return self


def _plain_delta(total_us):
    return _delta(timedelta, total_us)


class timedelta:
    """A duration, exact to the microsecond; every argument adds to it."""

    __slots__ = ("_us", "_days", "_seconds", "_microseconds")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0, **extra):
        _no_extra_keywords(extra, "__new__")
        if type(days) is type(seconds) is type(microseconds) is type(milliseconds) is type(minutes) is type(hours) \
                is type(weeks) is int:
            total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
            return _delta(cls, total * _US_PER_SECOND + milliseconds * 1000 + microseconds)
        values = (days, seconds, microseconds, milliseconds, minutes, hours, weeks)
        parts = [(name, value, unit) for (name, unit), value in zip(_DELTA_UNITS, values)]
        return _delta(cls, _exact_microseconds(parts))

    days = property(lambda self: self._days, doc="Number of days.")
    seconds = property(lambda self: self._seconds, doc="Number of seconds (>= 0 and less than 1 day).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Number of microseconds (>= 0 and less than 1 second).")

    def total_seconds(self):
        return self._us / _US_PER_SECOND

    def __repr__(self):
        named = [f"{name}={value}" for name, value in
                 (("days", self._days), ("seconds", self._seconds), ("microseconds", self._microseconds)) if value]
        return f"{_type_label(type(self))}({', '.join(named) or '0'})"

    def __str__(self):
        hours, rest = divmod(self._seconds, 3600)
        clock = "%d:%02d:%02d" % (hours, rest // 60, rest % 60)
        if self._microseconds:
            clock += ".%06d" % self._microseconds
        if not self._days:
            return clock
        plural = "" if abs(self._days) == 1 else "s"
        return f"{self._days} day{plural}, {clock}"

    def __neg__(self):
        return _plain_delta(-self._us)

    def __pos__(self):
        return _plain_delta(self._us)

    def __abs__(self):
        return _plain_delta(abs(self._us))

    def _scaled(self, factor, inverse):
        # self * factor (or self / factor when inverse), factor an int or a
        # float taken at its exact value, rounded half to even.
        if isinstance(factor, int):
            top, bottom = factor, 1
        elif isinstance(factor, float):
            top, bottom = factor.as_integer_ratio()
        else:
            return NotImplemented
        if inverse:
            if not top:
                raise ZeroDivisionError("integer division or modulo by zero")
            top, bottom = bottom, top
        return _plain_delta(_divide_to_nearest(self._us * top, bottom))

    def __mul__(self, other):
        return self._scaled(other, False)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        return self._scaled(other, True)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, int):
            return _plain_delta(self._us // other)
        return NotImplemented

    def _compare(self, other, equality):
        if isinstance(other, timedelta):
            return self._us, other._us
        return NotImplemented

    def __hash__(self):
        return hash(self._us)

    def __bool__(self):
        return self._us != 0

    def __reduce__(self):
        return type(self), (self._days, self._seconds, self._microseconds)


def _delta_with_delta(name, combine):
    # A binary operator defined between two timedeltas only.
    def operate(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return combine(self._us, other._us)
    operate.__name__ = name
    operate.__qualname__ = "timedelta." + name
    return operate


def _delta_and_remainder(a, b):
    quotient, rest = divmod(a, b)
    return quotient, _plain_delta(rest)


for _name, _combine in (("__add__", lambda a, b: _plain_delta(a + b)), ("__radd__", lambda a, b: _plain_delta(b + a)),
                        ("__sub__", lambda a, b: _plain_delta(a - b)), ("__rsub__", lambda a, b: _plain_delta(b - a)),
                        ("__mod__", lambda a, b: _plain_delta(a % b)), ("__divmod__", _delta_and_remainder)):
    setattr(timedelta, _name, _delta_with_delta(_name, _combine))
_with_comparisons(timedelta)
timedelta.min = _plain_delta(-_MAX_DAYS * _US_PER_DAY)
timedelta.max = _plain_delta((_MAX_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = _plain_delta(1)


# -- date ---------------------------------------------------------------------------

def _new_date(cls, year, month, day):
    # A date of class cls from checked fields; a subclass's own __new__ runs.
    if cls is date:
        self = object.__new__(date)
        self._year, self._month, self._day = year, month, day
        return self
    return cls(year, month, day)


def _date_from_ordinal(cls, ordinal):
    if not 1 <= ordinal <= _LAST_ORDINAL:
        raise _out_of_range()
    return _new_date(cls, *_civil(ordinal))


def _struct_time(year, month, day, hour, minute, second, dst_flag):
    ordinal = _ordinal(year, month, day)
    yday = ordinal - _ordinal(year, 1, 1) + 1
    return _time.struct_time((year, month, day, hour, minute, second, _weekday_of(ordinal), yday, dst_flag))


def _argument(value, kind, function, position):
    # CPython's message for an argument of the wrong type.
    if not isinstance(value, kind):
        expected = "str" if kind is str else _type_label(kind)
        given = "None" if value is None else type(value).__name__
        raise TypeError(f"{function}() argument {position} must be {expected}, not {given}")
    return value


class date(object):
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day")

    def __new__(cls, year, month=_MISSING, day=_MISSING):
        if month is _MISSING and isinstance(year, bytes) and len(year) == 4 and 1 <= year[2] <= 12:
            # The state CPython pickles: a big-endian year, month and day.
            self = object.__new__(cls)
            self._year, self._month, self._day = year[0] * 256 + year[1], year[2], year[3]
            return self
        if month is _MISSING or day is _MISSING:
            _report_missing(month)
        self = object.__new__(cls)
        self._year, self._month, self._day = _valid_date(year, month, day)
        return self

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    # -- other constructors
    @classmethod
    def fromtimestamp(cls, t):
        seconds = _timestamp_parts(t, floor=True)[0]
        return cls(*_time._localtime(seconds)[:3])

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _integer(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return cls(*_civil(n))

    @classmethod
    def fromisoformat(cls, date_string):
        text = _iso_argument(date_string)
        if len(text) != _iso_date_length(text):
            raise _iso_error(text)
        return cls(*_iso_date(text, text))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_civil(_iso_to_ordinal(year, week, day)))

    # -- text
    def __repr__(self):
        return f"{_type_label(type(self))}({self._year}, {self._month}, {self._day})"

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return _ctime_text(self._year, self._month, self._day, 0, 0, 0)

    def _strftime_facts(self):
        # (struct_time, microsecond, utcoffset, tzname) for strftime.
        return self.timetuple(), 0, None, ""

    def strftime(self, format):
        _argument(format, str, "strftime", 1)
        return _strftime(format, *self._strftime_facts())

    def __format__(self, fmt):
        _argument(fmt, str, "format", 2)
        return self.strftime(fmt) if fmt else str(self)

    # -- calendar views
    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        return _weekday_of(self.toordinal())

    def isoweekday(self):
        return _weekday_of(self.toordinal()) + 1

    def isocalendar(self):
        return IsoCalendarDate(*_iso_triple(self.toordinal()))

    def replace(self, year=None, month=None, day=None, **extra):
        _no_extra_keywords(extra, "replace")
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    # -- comparison and arithmetic
    def _compare(self, other, equality):
        # A datetime answers for itself (its reflected method runs first).
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day), (other._year, other._month, other._day)
        return NotImplemented

    def __hash__(self):
        return hash((self._year, self._month, self._day))

    def _shifted(self, delta, direction):
        # self moved by a timedelta (whole days for a date).
        return _date_from_ordinal(type(self), self.toordinal() + direction * delta._days)

    def __add__(self, other):
        return self._shifted(other, 1) if isinstance(other, timedelta) else NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other, -1)
        if isinstance(other, date) and not isinstance(other, datetime):
            return _plain_delta((self.toordinal() - other.toordinal()) * _US_PER_DAY)
        return NotImplemented

    def __reduce__(self):
        return type(self), (bytes((self._year >> 8, self._year & 255, self._month, self._day)),)


_with_comparisons(date)
date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(tuple):
    """(year, week, weekday) of an ISO calendar date, with names."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return f"datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})"

    def __reduce__(self):
        # Pickled as a plain tuple, as CPython does.
        return tuple, (tuple(self),)


# -- tzinfo and timezone -------------------------------------------------------------

def _checked_offset(value, method):
    # What a tzinfo's utcoffset() or dst() returned, checked as CPython does.
    if value is None:
        return None
    if not isinstance(value, timedelta):
        raise TypeError(f"tzinfo.{method}() must return None or timedelta, not '{type(value).__name__}'")
    if not -_US_PER_DAY < value._us < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
    return value


def _checked_tzname(value, method):
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"tzinfo.{method}() must return None or a string, not '{type(value).__name__}'")


def _zone_query(method, check, passes_self):
    def query(self):
        zone = self._tzinfo
        if zone is None:
            return None
        return check(getattr(zone, method)(self if passes_self else None), method)
    return query


def _with_zone_queries(cls, passes_self):
    # utcoffset(), dst() and tzname() ask the tzinfo (about the datetime
    # itself, or about None for a time) and check its answer.
    for method, check in (("utcoffset", _checked_offset), ("dst", _checked_offset), ("tzname", _checked_tzname)):
        query = _zone_query(method, check, passes_self)
        query.__name__ = method
        query.__qualname__ = f"{cls.__name__}.{method}"
        setattr(cls, method, query)


def _offset_text(offset, separator):
    # "+HH<sep>MM", with <sep>SS and .ffffff only when not zero.
    total = offset._us
    sign = "-" if total < 0 else "+"
    seconds, micro = divmod(abs(total), _US_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    text = f"{sign}{minutes // 60:02d}{separator}{minutes % 60:02d}"
    if second or micro:
        text += f"{separator}{second:02d}"
        if micro:
            text += f".{micro:06d}"
    return text


class tzinfo:
    """What a time zone says about a datetime: its offset, DST and name."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        # The documented default: shift the UTC time by the zone's standard
        # offset (utcoffset minus dst), then by the dst() in force there.
        _fromutc_argument(self, dt)
        standard = _fromutc_needs(dt.utcoffset(), "utcoffset") - _fromutc_needs(dt.dst(), "dst")
        local_standard = dt + standard if standard else dt
        saving = local_standard.dst()
        if saving is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return local_standard + saving

    def __reduce__(self):
        initargs = getattr(self, "__getinitargs__", None)
        arguments = initargs() if initargs is not None else ()
        return type(self), arguments, getattr(self, "__dict__", None) or None


def _fromutc_needs(answer, method):
    if answer is None:
        raise ValueError(f"fromutc: non-None {method}() result required")
    return answer


def _fromutc_argument(zone, dt):
    if not isinstance(dt, datetime):
        raise TypeError("fromutc: argument must be a datetime")
    if dt.tzinfo is not zone:
        raise ValueError("fromutc: dt.tzinfo is not self")


class timezone(tzinfo):
    """A zone with one fixed offset from UTC."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=_MISSING):
        _argument(offset, timedelta, "timezone", 1)
        if name is _MISSING:
            if not offset and "utc" in timezone.__dict__:
                return timezone.utc
            name = None
        else:
            _argument(name, str, "timezone", 2)
        if not -_US_PER_DAY < offset._us < _US_PER_DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             f"timedelta(hours=24), not {offset!r}.")
        self = object.__new__(cls)
        self._offset, self._name = offset, name
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def _datetime_argument(self, dt, method):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f"{method}(dt) argument must be a datetime instance or None, not {type(dt).__name__}")

    def utcoffset(self, dt):
        self._datetime_argument(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        self._datetime_argument(dt, "dst")
        return None

    def tzname(self, dt):
        self._datetime_argument(dt, "tzname")
        if self._name is not None:
            return self._name
        return "UTC" + _offset_text(self._offset, ":") if self._offset else "UTC"

    def fromutc(self, dt):
        _fromutc_argument(self, dt)
        return dt + self._offset

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        return f"datetime.timezone({', '.join(map(repr, self.__getinitargs__()))})"

    def __str__(self):
        return self.tzname(None)


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# -- time ---------------------------------------------------------------------------

_TIMESPEC_DEPTH = {"hours": 1, "minutes": 2, "seconds": 3, "milliseconds": 4, "microseconds": 5}


def _clock_text(hour, minute, second, micro, timespec):
    if timespec == "auto":
        depth = 5 if micro else 3
    else:
        _argument(timespec, str, "isoformat", 1)
        depth = _TIMESPEC_DEPTH.get(timespec)
        if depth is None:
            raise ValueError("Unknown timespec value")
    pieces = ["%02d" % hour, ":%02d" % minute, ":%02d" % second][:depth]
    if depth == 4:
        pieces.append(".%03d" % (micro // 1000))
    elif depth == 5:
        pieces.append(".%06d" % micro)
    return "".join(pieces)


def _clock_repr(obj, leading, fold_first):
    # Class(<leading>, hour, minute[, second[, microsecond]], ...) where the
    # trailing fold and tzinfo keywords come in the order CPython prints.
    shown = list(leading) + [obj._hour, obj._minute]
    if obj._second or obj._microsecond:
        shown.append(obj._second)
    if obj._microsecond:
        shown.append(obj._microsecond)
    texts = [str(value) for value in shown]
    extras = [", fold=1" if obj._fold else "", "" if obj._tzinfo is None else f", tzinfo={obj._tzinfo!r}"]
    if not fold_first:
        extras.reverse()
    return f"{_type_label(type(obj))}({', '.join(texts)}{''.join(extras)})"


class time:
    """A time of day, optionally in a zone."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if isinstance(hour, bytes) and len(hour) == 6 and hour[0] & 127 < 24:
            # CPython's pickled state; the tzinfo rides as the second argument.
            state = hour
            self._hour, self._fold = state[0] & 127, state[0] >> 7
            self._minute, self._second = state[1], state[2]
            self._microsecond = (state[3] << 16) | (state[4] << 8) | state[5]
            self._tzinfo = _valid_tzinfo(None if minute == 0 else minute)
            return self
        fields = _valid_clock(hour, minute, second, microsecond, fold)
        self._hour, self._minute, self._second, self._microsecond, self._fold = fields
        self._tzinfo = _valid_tzinfo(tzinfo)
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        text = _iso_argument(time_string)
        body = text[1:] if text[:1] == "T" else text
        return cls(*_iso_time(body, text))

    def _since_midnight(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond

    def _compare(self, other, equality):
        if not isinstance(other, time):
            return NotImplemented
        mine, theirs = self._since_midnight(), other._since_midnight()
        if self._tzinfo is other._tzinfo:
            return mine, theirs
        my_offset, their_offset = self.utcoffset(), other.utcoffset()
        if (my_offset is None) != (their_offset is None):
            if equality:
                return _UNEQUAL
            raise TypeError("can't compare offset-naive and offset-aware times")
        if my_offset is not None:
            mine -= my_offset._us
            theirs -= their_offset._us
        return mine, theirs

    def __hash__(self):
        offset = self.utcoffset()
        return hash(self._since_midnight() - (offset._us if offset is not None else 0))

    def __repr__(self):
        return _clock_repr(self, (), False)

    def isoformat(self, timespec="auto"):
        text = _clock_text(self._hour, self._minute, self._second, self._microsecond, timespec)
        offset = self.utcoffset()
        return text if offset is None else text + _offset_text(offset, ":")

    __str__ = isoformat

    def _strftime_facts(self):
        # A time formats as on 1900-01-01, as CPython's does.
        fields = _struct_time(1900, 1, 1, self._hour, self._minute, self._second, -1)
        return fields, self._microsecond, self.utcoffset(), self.tzname()

    strftime = date.strftime
    __format__ = date.__format__

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None, **extra):
        _no_extra_keywords(extra, "replace")
        given = (hour, minute, second, microsecond)
        current = (self._hour, self._minute, self._second, self._microsecond)
        fields = [old if new is None else new for new, old in zip(given, current)]
        return type(self)(*fields, self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def __bool__(self):
        return True

    def __reduce_ex__(self, protocol):
        fold_bit = self._fold << 7 if protocol > 3 else 0
        micro = self._microsecond
        state = bytes((self._hour | fold_bit, self._minute, self._second, micro >> 16, (micro >> 8) & 255, micro & 255))
        return type(self), (state,) if self._tzinfo is None else (state, self._tzinfo)

    def __reduce__(self):
        return self.__reduce_ex__(2)


_with_comparisons(time)
_with_zone_queries(time, False)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# -- datetime -------------------------------------------------------------------------

def _new_datetime(cls, year, month, day, hour, minute, second, micro, tz, fold=0):
    # A datetime of class cls from checked fields; a subclass's __new__ runs.
    if cls is datetime:
        self = object.__new__(datetime)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, micro
        self._tzinfo, self._fold = tz, fold
        return self
    return cls(year, month, day, hour, minute, second, micro, tz, fold=fold)


def _datetime_from_us(cls, total_us, tz):
    # The datetime whose _naive_us() is total_us (fold 0).
    days, rest = divmod(total_us, _US_PER_DAY)
    if not 1 <= days <= _LAST_ORDINAL:
        raise _out_of_range()
    seconds, micro = divmod(rest, _US_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    return _new_datetime(cls, *_civil(days), minutes // 60, minutes % 60, second, micro, tz)


def _utc_datetime(cls, seconds, micro, tz):
    # The UTC wall clock of a POSIX time, labelled with tz.
    days, rest = divmod(seconds, 86400)
    year, month, day = _civil(days + _ORDINAL_OF_EPOCH)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    return _new_datetime(cls, year, month, day, rest // 3600, rest // 60 % 60, rest % 60, micro, tz)


def _timestamp_parts(t, floor=False):
    # (whole seconds, microseconds) of a POSIX timestamp, rounded to the
    # microsecond half to even (or down to the second, for date).
    if isinstance(t, int):
        return int(t), 0
    if not isinstance(t, float):
        raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if t in (float("inf"), float("-inf")):
        raise OverflowError("timestamp out of range for platform time_t")
    fraction, whole = _modf(t)
    if floor:
        return int(whole) - (fraction < 0), 0
    seconds, micro = divmod(int(whole) * _US_PER_SECOND + round(fraction * 1e6), _US_PER_SECOND)
    return seconds, micro


class datetime(date):
    """A date and a time of day, optionally in a zone."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        if isinstance(year, bytes) and len(year) == 10 and 1 <= year[2] & 127 <= 12:
            # CPython's pickled state; the tzinfo rides as the second argument.
            state = year
            self._year, self._month, self._day = state[0] * 256 + state[1], state[2] & 127, state[3]
            self._fold = state[2] >> 7
            self._hour, self._minute, self._second = state[4], state[5], state[6]
            self._microsecond = (state[7] << 16) | (state[8] << 8) | state[9]
            self._tzinfo = _valid_tzinfo(None if month is _MISSING else month)
            return self
        if month is _MISSING or day is _MISSING:
            _report_missing(month)
        self._year, self._month, self._day = _valid_date(year, month, day)
        fields = _valid_clock(hour, minute, second, microsecond, fold)
        self._hour, self._minute, self._second, self._microsecond, self._fold = fields
        self._tzinfo = _valid_tzinfo(tzinfo)
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # -- other constructors
    @classmethod
    def fromtimestamp(cls, t, tz=None):
        seconds, micro = _timestamp_parts(t)
        if tz is None:
            fields = _time._localtime(seconds)[:6]
            local = (_ordinal(*fields[:3]) - _ORDINAL_OF_EPOCH) * 86400 + fields[3] * 3600 + fields[4] * 60 + fields[5]
            fold = 1 if _local_to_posix(local, 0) != seconds else 0
            return cls(*fields, micro, fold=fold)
        _valid_tzinfo(tz)
        return tz.fromutc(_utc_datetime(cls, seconds, micro, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        seconds, micro = _timestamp_parts(t)
        return _utc_datetime(cls, seconds, micro, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        day, clock = _argument(date, _date_class, "combine", 1), _argument(time, _time_class, "combine", 2)
        fields = (day._year, day._month, day._day, clock._hour, clock._minute, clock._second, clock._microsecond)
        return cls(*fields, clock._tzinfo if tzinfo is True else tzinfo, fold=clock._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        text = _iso_argument(date_string)
        length = _iso_date_length(text)
        fields = _iso_date(text[:length], text)
        clock = ()
        if len(text) > length:
            clock = _iso_time(text[length + 1:], text)
        return cls(*fields, *clock)

    @classmethod
    def strptime(cls, date_string, format):
        found = _time._strptime_values(date_string, format)
        year, month, day, hour, minute, second, micro, _weekday, _yday, offset, zone = found
        tz = None
        if offset is not None:
            delta = timedelta(seconds=offset[0], microseconds=offset[1])
            tz = timezone(delta, zone) if zone else timezone(delta)
        return cls(year, month, day, hour, minute, second, micro, tz)

    # -- views
    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _naive_us(self):
        # Microseconds since the start of ordinal day 0, ignoring tzinfo.
        seconds = (self.toordinal() * 24 + self._hour) * 3600 + self._minute * 60 + self._second
        return seconds * _US_PER_SECOND + self._microsecond

    def _utc_us(self):
        # _naive_us() moved to UTC, or None for a naive datetime.
        offset = self.utcoffset()
        return None if offset is None else self._naive_us() - offset._us

    def date(self):
        return _new_date(date, self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def timetuple(self):
        saving = self.dst()
        flag = -1 if saving is None else (1 if saving else 0)
        return _struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        moment = self
        offset = self.utcoffset()
        if offset:
            moment = _datetime_from_us(datetime, self._naive_us() - offset._us, None)
        return _struct_time(moment._year, moment._month, moment._day, moment._hour, moment._minute,
                            moment._second, 0)

    def timestamp(self):
        utc = self._utc_us()
        if utc is not None:
            return (utc - _ORDINAL_OF_EPOCH * _US_PER_DAY) / _US_PER_SECOND
        local = self._naive_us() // _US_PER_SECOND - _ORDINAL_OF_EPOCH * 86400
        return _local_to_posix(local, self._fold) + self._microsecond / 1e6

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None, **extra):
        _no_extra_keywords(extra, "replace")
        given = (year, month, day, hour, minute, second, microsecond)
        current = (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)
        fields = [old if new is None else new for new, old in zip(given, current)]
        return type(self)(*fields, self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is not None:
            _valid_tzinfo(tz)
            if self._tzinfo is tz:
                return self
        utc = self._utc_us()
        if utc is None:
            local = self._naive_us() // _US_PER_SECOND - _ORDINAL_OF_EPOCH * 86400
            seconds = _local_to_posix(local, self._fold)
            utc = (seconds + _ORDINAL_OF_EPOCH * 86400) * _US_PER_SECOND + self._microsecond
        if tz is None:
            seconds = utc // _US_PER_SECOND - _ORDINAL_OF_EPOCH * 86400
            facts = _time._localtime(seconds)
            tz = timezone(timedelta(seconds=facts[10]), facts[9])
        return tz.fromutc(_datetime_from_us(type(self), utc, tz))

    # -- text
    def ctime(self):
        return _ctime_text(self._year, self._month, self._day, self._hour, self._minute, self._second)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError(f"isoformat() argument 1 must be a unicode character, not {type(sep).__name__}")
        text = "%04d-%02d-%02d%s%s" % (self._year, self._month, self._day, sep,
                                       _clock_text(self._hour, self._minute, self._second, self._microsecond, timespec))
        offset = self.utcoffset()
        return text if offset is None else text + _offset_text(offset, ":")

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        return _clock_repr(self, (self._year, self._month, self._day), True)

    def _strftime_facts(self):
        return self.timetuple(), self._microsecond, self.utcoffset(), self.tzname()

    # -- the tzinfo's answers
    # -- comparison and arithmetic
    def _fold_matters(self):
        # Whether this time sits where the zone's offset depends on fold
        # (PEP 495: such times never equal a time in another zone).
        return self.replace(fold=1 - self._fold).utcoffset() != self.utcoffset()

    def _compare(self, other, equality):
        if not isinstance(other, datetime):
            if not isinstance(other, date):
                return NotImplemented
            if equality:
                return _UNEQUAL
            raise TypeError(f"can't compare {_type_label(type(self))} to {_type_label(type(other))}")
        if self._tzinfo is other._tzinfo:
            return self._fields(), other._fields()
        mine, theirs = self._utc_us(), other._utc_us()
        if mine is None and theirs is None:
            return self._fields(), other._fields()
        if mine is None or theirs is None:
            if equality:
                return _UNEQUAL
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if equality and (self._fold_matters() or other._fold_matters()):
            return _UNEQUAL
        return mine, theirs

    def __hash__(self):
        moment = self.replace(fold=0) if self._fold else self
        offset = moment.utcoffset()
        return hash(self._naive_us() - (offset._us if offset is not None else 0))

    def _shifted(self, delta, direction):
        clock = ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond
        days, clock = divmod(clock + direction * delta._us, _US_PER_DAY)
        if days:
            return _datetime_from_us(type(self), (self.toordinal() + days) * _US_PER_DAY + clock, self._tzinfo)
        seconds, micro = divmod(clock, _US_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        return _new_datetime(type(self), self._year, self._month, self._day, minutes // 60, minutes % 60, second,
                             micro, self._tzinfo)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._shifted(other, -1)
        if not isinstance(other, datetime):
            return NotImplemented
        if self._tzinfo is other._tzinfo:
            return _plain_delta(self._naive_us() - other._naive_us())
        mine, theirs = self._utc_us(), other._utc_us()
        if (mine is None) != (theirs is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        if mine is None:
            mine, theirs = self._naive_us(), other._naive_us()
        return _plain_delta(mine - theirs)

    def __reduce_ex__(self, protocol):
        fold_bit = self._fold << 7 if protocol > 3 else 0
        micro = self._microsecond
        state = bytes((self._year >> 8, self._year & 255, self._month | fold_bit, self._day, self._hour,
                       self._minute, self._second, micro >> 16, (micro >> 8) & 255, micro & 255))
        return type(self), (state,) if self._tzinfo is None else (state, self._tzinfo)

    def __reduce__(self):
        return self.__reduce_ex__(2)


_with_zone_queries(datetime, True)
datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_date_class = date
_time_class = time
_OWN_CLASSES = frozenset((date, datetime, time, timedelta, timezone, tzinfo))


# -- local time (the C library's zone) ---------------------------------------------------

def _utc_offset_at(posix_seconds):
    return _time._localtime(posix_seconds)[10]


def _local_to_posix(local, fold):
    # The POSIX time whose local wall clock reads `local` (seconds since the
    # epoch as if local time were UTC). Offsets a day either side bracket
    # any transition; when both fit, the wall time repeats and fold picks
    # the later; when neither fits, it is skipped and fold picks the offset
    # after the jump instead of the one before (PEP 495).
    before, after = _utc_offset_at(local - 86400), _utc_offset_at(local + 86400)
    fitting = [offset for offset in dict.fromkeys((before, after)) if _utc_offset_at(local - offset) == offset]
    if len(fitting) == 1:
        return local - fitting[0]
    return local - (after if fold else before)


def _ctime_text(year, month, day, hour, minute, second):
    weekday = _weekday_of(_ordinal(year, month, day))
    return "%s %s %2d %02d:%02d:%02d %04d" % (_time._DAY_ABBR[weekday], _time._MONTH_ABBR[month], day,
                                              hour, minute, second, year)


# -- strftime ------------------------------------------------------------------------------

_OWN_CODES = {}


def _own_codes(format):
    # format split around its %f, %z and %Z (kept as the one-letter
    # strings "f", "z", "Z" at odd positions), cached: programs format with
    # the same few formats over and over.
    pieces = _OWN_CODES.get(format)
    if pieces is not None:
        return pieces
    pieces = []
    literal = []
    start = 0
    while True:
        at = format.find("%", start)
        if at < 0 or at + 1 >= len(format):
            literal.append(format[start:])
            break
        code = format[at + 1]
        literal.append(format[start:at] if code in "fzZ" else format[start:at + 2])
        if code in "fzZ":
            pieces += ["".join(literal), code]
            literal = []
        start = at + 2
    pieces.append("".join(literal))
    if len(_OWN_CODES) > 100:
        _OWN_CODES.clear()
    _OWN_CODES[format] = pieces
    return pieces


def _strftime(format, fields, micro, offset, zone):
    # %f, %z and %Z come from the object (the C library knows nothing of
    # microseconds or tzinfo); `time` formats everything else.
    pieces = _own_codes(format)
    if len(pieces) > 1:
        own = {"f": "%06d" % micro, "z": "" if offset is None else _offset_text(offset, ""), "Z": zone or ""}
        pieces = [own[piece].replace("%", "%%") if index % 2 else piece for index, piece in enumerate(pieces)]
    return _time._format_fields("".join(pieces), tuple(fields) + ("", None))


# -- ISO 8601 text ---------------------------------------------------------------------------

def _iso_argument(value):
    if not isinstance(value, str):
        raise TypeError("fromisoformat: argument must be str")
    return value


def _iso_error(text):
    return ValueError(f"Invalid isoformat string: {text!r}")


def _number(text, start, width):
    # The ASCII digits text[start:start + width] as an int, or None.
    chunk = text[start:start + width]
    if len(chunk) == width and chunk.isascii() and chunk.isdigit():
        return int(chunk)
    return None


def _iso_date_length(text):
    # How many leading characters of text its ISO date takes: YYYY-MM-DD,
    # YYYYMMDD, YYYY-Www[-D] or YYYYWww[D].
    if text[4:5] == "-":
        if text[5:6] == "W":
            return 10 if text[8:9] == "-" else 8
        return 10
    if text[4:5] == "W":
        return 8 if _number(text, 7, 1) is not None else 7
    return 8


def _iso_date(part, whole):
    # (year, month, day) of an ISO date; ranges of the calendar form are
    # left to the constructor's messages.
    if len(part) == 10 and part[4] == part[7] == "-" and part.isascii() and (part[:4] + part[5:7] + part[8:]).isdigit():
        return int(part[:4]), int(part[5:7]), int(part[8:])
    year = _number(part, 0, 4)
    extended = part[4:5] == "-"
    rest = part[5:] if extended else part[4:]
    if year is None:
        raise _iso_error(whole)
    if rest[:1] == "W":
        week = _number(rest, 1, 2)
        rest = rest[3:]
        weekday = 1
        if rest:
            if extended:
                if rest[0] != "-":
                    raise _iso_error(whole)
                rest = rest[1:]
            weekday = _number(rest, 0, 1) if len(rest) == 1 else None
        if week is None or weekday is None:
            raise _iso_error(whole)
        try:
            return _civil(_iso_to_ordinal(year, week, weekday))
        except ValueError:
            raise _iso_error(whole) from None
    month = _number(rest, 0, 2)
    rest = rest[2:]
    if extended:
        if rest[:1] != "-":
            raise _iso_error(whole)
        rest = rest[1:]
    day = _number(rest, 0, 2) if len(rest) == 2 else None
    if month is None or day is None:
        raise _iso_error(whole)
    return year, month, day


def _iso_clock(part, whole):
    # [hour, minute, second, microsecond] of HH[:MM[:SS]] or HH[MM[SS]],
    # any of them followed by a fraction ([.,] and digits; past six ignored).
    if len(part) == 8 and part[2] == part[5] == ":" and part.isascii() and (part[:2] + part[3:5] + part[6:]).isdigit():
        return [int(part[:2]), int(part[3:5]), int(part[6:]), 0]
    values = [_number(part, 0, 2)]
    if values[0] is None:
        raise _iso_error(whole)
    at = 2
    colons = None
    while at < len(part) and len(values) < 3 and part[at] not in ".,":
        colon = part[at] == ":"
        if colons is not None and colon != colons:
            raise _iso_error(whole)
        colons = colon
        at += colon
        value = _number(part, at, 2)
        if value is None:
            raise _iso_error(whole)
        values.append(value)
        at += 2
    values += [0] * (3 - len(values))
    micro = 0
    if at < len(part):
        digits = part[at + 1:]
        if part[at] not in ".," or not (digits.isascii() and digits.isdigit()):
            raise _iso_error(whole)
        micro = int(digits[:6].ljust(6, "0"))
    return values + [micro]


def _iso_time(part, whole):
    # (hour, minute, second, microsecond, tzinfo) of an ISO time with an
    # optional Z or +-HH[:MM[:SS[.ffffff]]] offset.
    cut = len(part)
    for mark in "+-Z":
        found = part.find(mark)
        if 0 <= found < cut:
            cut = found
    fields = _iso_clock(part[:cut], whole)
    zone_text = part[cut:]
    if not zone_text:
        return (*fields, None)
    if zone_text == "Z":
        return (*fields, timezone.utc)
    if zone_text[0] == "Z":
        raise _iso_error(whole)
    hours, minutes, seconds, micro = _iso_clock(zone_text[1:], whole)
    offset = timedelta(hours=hours, minutes=minutes, seconds=seconds, microseconds=micro)
    return (*fields, timezone(-offset if zone_text[0] == "-" else offset))
