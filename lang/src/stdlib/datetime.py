# `datetime`: dates, times, datetimes, durations and fixed-offset zones, on
# the proleptic Gregorian calendar, with CPython's rules, reprs and errors.
#
# Dates are kept as (year, month, day) and converted to ordinals (days since
# 0001-01-01, day 1) for arithmetic; durations are whole microseconds split
# into (days, seconds, microseconds). Formatting and parsing share `time`'s
# strftime/strptime engine; `now()` reads the runtime's clock through
# `time.time()`, so virtual time moves it too.

import time as _time

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059
_US_PER_DAY = 86400000000

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ymd_to_ordinal(year, month, day):
    y = year - 1
    return (y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month]
            + (month > 2 and _is_leap(year)) + day)


def _ordinal_to_ymd(n):
    # Days since 1970-01-01 (ordinal 719163) through the civil algorithm.
    return _time._civil_from_days(n - 719163)


def _type_name(obj):
    return type(obj).__name__


def _int_field(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if hasattr(type(value), "__index__"):
        return value.__index__()
    raise TypeError(f"'{_type_name(value)}' object cannot be interpreted as an integer")


def _check_date_fields(year, month, day):
    if not (type(year) is int and type(month) is int and type(day) is int):
        year, month, day = _int_field(year), _int_field(month), _int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    if not (type(hour) is int and type(minute) is int and type(second) is int and type(microsecond) is int):
        hour, minute, second = _int_field(hour), _int_field(minute), _int_field(second)
        microsecond = _int_field(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{_type_name(tz)}'")


def _class_prefix(obj, base_name):
    # CPython names its own types "datetime.X" and a subclass by its bare name.
    cls = type(obj)
    if cls.__module__ == "datetime" and cls.__name__ == base_name:
        return "datetime." + base_name
    return cls.__qualname__


def _round_half_even(numerator, denominator):
    q, r = divmod(numerator, denominator)
    twice = 2 * r
    if twice > denominator or (twice == denominator and q % 2 == 1):
        q += 1
    return q


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


# -- timedelta ----------------------------------------------------------------

class timedelta:
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # The exact sum in microseconds, as a fraction over a power of two
        # when floats take part, rounded half to even once.
        numerator = 0
        denominator = 1
        for value, unit in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                            (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                            (weeks, 604800000000)):
            if isinstance(value, int):
                numerator += int(value) * unit * denominator
            elif isinstance(value, float):
                if value != value or value in (float("inf"), float("-inf")):
                    raise ValueError("cannot convert float NaN to integer" if value != value
                                     else "cannot convert float infinity to integer")
                n, d = value.as_integer_ratio()
                if d > denominator:
                    numerator *= d // denominator
                    denominator = d
                numerator += n * unit * (denominator // d)
            else:
                raise TypeError(f"unsupported type for timedelta {_timedelta_arg_name(value, days, seconds, microseconds, milliseconds, minutes, hours, weeks)} component: {_type_name(value)}")
        return cls._from_microseconds(_round_half_even(numerator, denominator))

    @classmethod
    def _from_microseconds(cls, us):
        days, rest = divmod(us, _US_PER_DAY)
        if not -999999999 <= days <= 999999999:
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        seconds, microseconds = divmod(rest, 1000000)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = microseconds
        self._hashcode = -1
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f"days={self._days}")
        if self._seconds:
            parts.append(f"seconds={self._seconds}")
        if self._microseconds:
            parts.append(f"microseconds={self._microseconds}")
        return f"{_class_prefix(self, 'timedelta')}({', '.join(parts) or '0'})"

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{hours}:{minutes:02d}:{seconds:02d}"
        if self._microseconds:
            text += f".{self._microseconds:06d}"
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            text = f"{self._days} day{plural}, {text}"
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._us() - other._us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._us())

    def __pos__(self):
        return timedelta._from_microseconds(self._us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._us() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._us() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if not other._us():
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._us() // other._us()
        if isinstance(other, int):
            if not other:
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_microseconds(self._us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            if not other._us():
                raise ZeroDivisionError("division by zero")
            return self._us() / other._us()
        if isinstance(other, int):
            if not other:
                raise ZeroDivisionError("division by zero")
            return timedelta._from_microseconds(_round_half_even(self._us(), other) if other > 0
                                                else _round_half_even(-self._us(), -other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if not n:
                raise ZeroDivisionError("division by zero")
            if n < 0:
                n, d = -n, -d
            return timedelta._from_microseconds(_round_half_even(self._us() * d, n))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if not other._us():
                raise ZeroDivisionError("integer division or modulo by zero")
            return timedelta._from_microseconds(self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if not other._us():
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._us(), other._us())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us() != other._us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us() < other._us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us() <= other._us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us() > other._us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us() >= other._us()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


def _timedelta_arg_name(value, *args):
    names = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")
    for name, arg in zip(names, args):
        if arg is value:
            return name
    return "days"


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# -- date ---------------------------------------------------------------------

class date:
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, wd, yd, dst, zone, off = _time._localtime(_timestamp_seconds(t)[0])
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _int_field(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError(f"year {_ordinal_to_ymd(n)[0]} is out of range")
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) not in (7, 8, 10):
            raise ValueError(f"Invalid isoformat string: {date_string!r}")
        try:
            fields = _parse_isoformat_date(date_string)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_from_iso_calendar(year, week, day))

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    def __repr__(self):
        return f"{_class_prefix(self, 'date')}({self._year}, {self._month}, {self._day})"

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (f"{_time._DAY_ABBR[weekday - 1]} {_time._MONTH_ABBR[self._month]} "
                f"{self._day:2d} 00:00:00 {self._year:04d}")

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {_type_name(format)}")
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"must be str, not {_type_name(fmt)}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def timetuple(self):
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _date_key(self):
        return (self._year, self._month, self._day)

    def _compare(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return op(self._date_key(), other._date_key())
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, datetime) and not isinstance(self, datetime):
            return False
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        if isinstance(other, datetime) and not isinstance(self, datetime):
            return True
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAXORDINAL:
                return type(self)(*_ordinal_to_ymd(n))
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year, week = _time._iso_week(self._year, _time._yday(self._year, self._month, self._day), self.weekday())
        return IsoCalendarDate(year, week, self.isoweekday())

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd_to_ordinal(y, m, d) + 6) % 7
    return _time.struct_time((y, m, d, hh, mm, ss, wday, _time._yday(y, m, d), dstflag))


def _from_iso_calendar(year, week, day):
    year, week, day = _int_field(year), _int_field(week), _int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd_to_ordinal(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
    jan4 = _ymd_to_ordinal(year, 1, 4)
    monday = jan4 - (jan4 + 6) % 7
    return _ordinal_to_ymd(monday + (week - 1) * 7 + day - 1)


class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return f"{type(self).__name__}(year={self[0]}, week={self[1]}, weekday={self[2]})"

    def __reduce__(self):
        return (tuple, (tuple(self),))


IsoCalendarDate.__module__ = "datetime"
IsoCalendarDate.__qualname__ = "IsoCalendarDate"
IsoCalendarDate.__name__ = "datetime.IsoCalendarDate"

date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# -- tzinfo and timezone ---------------------------------------------------------

class tzinfo:
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; cannot convert")
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return (type(self), args, getattr(self, "__dict__", None))


def _check_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, not '{_type_name(offset)}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f"offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {offset!r}.")


def _format_offset(off, sep=":"):
    # "+HH:MM[:SS[.ffffff]]" for a utcoffset (empty for None).
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    text = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or off.microseconds:
        text += f"{sep}{ss:02d}"
        if off.microseconds:
            text += f".{off.microseconds:06d}"
    return text


class timezone(tzinfo):
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {_type_name(offset)}")
        if name is not None and not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {_type_name(name)}")
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError(f"offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {offset!r}.")
        if name is None and not offset and cls is timezone and "utc" in cls.__dict__:
            return cls.utc
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        prefix = _class_prefix(self, "timezone")
        if self._name is None:
            return f"{prefix}({self._offset!r})"
        return f"{prefix}({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def _check_arg(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError(f"{what}(dt) argument must be a datetime instance or None, not {_type_name(dt)}")

    def utcoffset(self, dt):
        self._check_arg(dt, "utcoffset")
        return self._offset

    def tzname(self, dt):
        self._check_arg(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def dst(self, dt):
        self._check_arg(dt, "dst")
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# -- time ---------------------------------------------------------------------

class time:
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        try:
            fields = _parse_isoformat_time(text)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {time_string!r}") from None
        return cls(*fields)

    def _time_key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, op, equality):
        if not isinstance(other, time):
            return NotImplemented
        mytz, ottz = self._tzinfo, other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return op(self._time_key(), other._time_key())
        if myoff is None or otoff is None:
            if equality:
                return op(0, 1)
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return op((myhhmm, self._second, self._microsecond), (othhmm, other._second, other._microsecond))

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b, True)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b, True)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b, False)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b, False)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b, False)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b, False)

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if not off:
                self._hashcode = hash(t._time_key())
            else:
                h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - off, timedelta(hours=1))
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash(time(h, m, self._second, self._microsecond))
                else:
                    self._hashcode = hash((h, m, self._second, self._microsecond))
        return self._hashcode

    def __repr__(self):
        if self._microsecond:
            fields = f"{self._hour}, {self._minute}, {self._second}, {self._microsecond}"
        elif self._second:
            fields = f"{self._hour}, {self._minute}, {self._second}"
        else:
            fields = f"{self._hour}, {self._minute}"
        text = f"{_class_prefix(self, 'time')}({fields}"
        if self._tzinfo is not None:
            text += f", tzinfo={self._tzinfo!r}"
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def isoformat(self, timespec="auto"):
        text = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {_type_name(format)}")
        timetuple = _time.struct_time((1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))
        return _wrap_strftime(self, format, timetuple)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"must be str, not {_type_name(fmt)}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_offset("dst", offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second, self._microsecond, self._tzinfo))


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError(f"tzinfo.tzname() must return None or a string, not '{_type_name(name)}'")


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# -- datetime -----------------------------------------------------------------

class datetime(date):
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        seconds, us = _timestamp_seconds(t)
        if utc:
            days, rest = divmod(seconds, 86400)
            if not -719162 <= days <= 2932896:
                raise ValueError("year is out of range")
            y, m, d = _time._civil_from_days(days)
            hh, rest = divmod(rest, 3600)
            mm, ss = divmod(rest, 60)
        else:
            y, m, d, hh, mm, ss = _time._localtime(seconds)[:6]
        ss = min(ss, 59)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is None and not utc:
            result = _local_fold(result, seconds)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        result = cls._from_timestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError(f"combine() argument 1 must be datetime.date, not {_type_name(date)}")
        if not isinstance(time, _time_class):
            raise TypeError(f"combine() argument 2 must be datetime.time, not {_type_name(time)}")
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) < 7:
            raise ValueError(f"Invalid isoformat string: {date_string!r}")
        try:
            split = _isoformat_date_length(date_string)
            date_fields = _parse_isoformat_date(date_string[:split])
            rest = date_string[split + 1:]
            if split < len(date_string):
                if not rest:
                    raise ValueError
                time_fields = _parse_isoformat_time(rest)
            else:
                time_fields = (0, 0, 0, 0, None)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
        return cls(*date_fields, *time_fields)

    @classmethod
    def strptime(cls, date_string, format):
        v = _time._strptime_values(date_string, format)
        year, month, day, hour, minute, second, micro, weekday, yday, offset, zone = v
        tz = None
        if offset is not None:
            delta = timedelta(seconds=offset[0], microseconds=offset[1])
            tz = timezone(delta, zone) if zone else timezone(delta)
        return cls(year, month, day, hour, minute, second, micro, tz)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        offset = self.utcoffset()
        value = self
        if offset:
            value = self - offset
        return _build_struct_time(value._year, value._month, value._day, value._hour,
                                  value._minute, value._second, 0)

    def _local_seconds(self):
        # Seconds since the epoch of this naive local time, fold deciding.
        local = ((_ymd_to_ordinal(self._year, self._month, self._day) - 719163) * 86400
                 + self._hour * 3600 + self._minute * 60 + self._second)
        return _local_to_utc(local, self._fold)

    def timestamp(self):
        if self._tzinfo is None:
            return self._local_seconds() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return _date_class(self._year, self._month, self._day)

    def time(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _local_timezone(self):
        seconds = (self - _EPOCH) // timedelta(seconds=1) if self._tzinfo is not None else self._local_seconds()
        fields = _time._localtime(seconds)
        return timezone(timedelta(seconds=fields[10]), fields[9])

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be an instance of tzinfo")
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (f"{_time._DAY_ABBR[weekday - 1]} {_time._MONTH_ABBR[self._month]} {self._day:2d} "
                f"{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}")

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            if isinstance(sep, str):
                raise TypeError(f"isoformat() argument 1 must be a unicode character, not str")
            raise TypeError(f"isoformat() argument 1 must be a unicode character, not {_type_name(sep)}")
        text = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
                + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = f"{_class_prefix(self, 'datetime')}({', '.join(map(str, fields))}"
        if self._tzinfo is not None:
            text += f", tzinfo={self._tzinfo!r}"
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def strftime(self, format):
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {_type_name(format)}")
        return _wrap_strftime(self, format, self.timetuple())

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_offset("utcoffset", offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        _check_tzname(name)
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_offset("dst", offset)
        return offset

    def _datetime_key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _us_since_min(self):
        return ((_ymd_to_ordinal(self._year, self._month, self._day) * 86400
                 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond)

    def _compare(self, other, op, equality):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if equality:
                    return op(0, 1)
                raise TypeError(f"can't compare {_qualified(self)} to {_qualified(other)}")
            return NotImplemented
        mytz, ottz = self._tzinfo, other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if equality:
                if myoff != self.replace(fold=not self._fold).utcoffset():
                    return op(0, 1)
                if otoff != other.replace(fold=not other._fold).utcoffset():
                    return op(0, 1)
            base_compare = myoff == otoff
        if base_compare:
            return op(self._datetime_key(), other._datetime_key())
        if myoff is None or otoff is None:
            if equality:
                return op(0, 1)
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = (self - myoff)._us_since_min() - (other - otoff)._us_since_min()
        return op(diff, 0)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b, True)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b, True)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b, False)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b, False)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b, False)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b, False)

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            offset = t.utcoffset()
            if offset is None:
                self._hashcode = hash(t._datetime_key())
            else:
                us = t._us_since_min() - offset._us()
                self._hashcode = hash((us // _US_PER_DAY, us % _US_PER_DAY))
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._us_since_min() + other._us()
        days, rest = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d = _ordinal_to_ymd(days)
        seconds, micro = divmod(rest, 1000000)
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        cls = type(self)
        if cls is not datetime:
            return cls(y, m, d, hh, mm, ss, micro, self._tzinfo)
        # Fields known valid: skip the constructor's checks.
        result = object.__new__(datetime)
        result._year = y
        result._month = m
        result._day = d
        result._hour = hh
        result._minute = mm
        result._second = ss
        result._microsecond = micro
        result._tzinfo = self._tzinfo
        result._fold = 0
        result._hashcode = -1
        return result

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        base = self._us_since_min() - other._us_since_min()
        if self._tzinfo is other._tzinfo:
            return timedelta._from_microseconds(base)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return timedelta._from_microseconds(base)
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return timedelta._from_microseconds(base - myoff._us() + otoff._us())

    def __reduce__(self):
        args = (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)
        if self._tzinfo is None:
            return (type(self), args)
        return (type(self), args + (self._tzinfo,))


_date_class = date
_time_class = time


def _qualified(obj):
    cls = type(obj)
    if cls.__module__ == "datetime":
        return "datetime." + cls.__name__
    return cls.__name__


def _timestamp_seconds(t):
    # (whole seconds, microseconds) of a timestamp, rounded half to even.
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (float("inf"), float("-inf")):
            raise OverflowError("cannot convert float infinity to integer")
        whole = int(t)
        us = round((t - whole) * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        return whole, us
    if isinstance(t, int):
        return int(t), 0
    if hasattr(type(t), "__float__"):
        return _timestamp_seconds(float(t))
    raise TypeError(f"'{_type_name(t)}' object cannot be interpreted as an integer")


def _utc_offset_at(seconds):
    return _time._localtime(seconds)[10]


def _local_fold(result, seconds):
    # fold=1 when the local time shown is the second of a repeated hour: the
    # clock went back within the last day, and as many seconds earlier the
    # wall clock showed the same time.
    now_offset = _utc_offset_at(seconds)
    back = _utc_offset_at(seconds - 86400) - now_offset
    if back > 0 and _time._localtime(seconds - back)[:6] == _time._localtime(seconds)[:6]:
        return result.replace(fold=1)
    return result


def _local_to_utc(local, fold):
    # The Unix time at which the local wall clock reads `local` (seconds as if
    # it were UTC): the earlier of two for fold=0 and the later for fold=1;
    # inside a gap, the instant the offset before (fold=0) or after implies.
    a = _utc_offset_at(local)
    u1 = local - a
    solves1 = u1 + _utc_offset_at(u1) == local
    if solves1:
        b = _utc_offset_at(u1 + (86400 if fold else -86400))
        if a == b:
            return u1
    else:
        b = _utc_offset_at(u1)
    u2 = local - b
    if u2 + _utc_offset_at(u2) == local:
        return u2
    if solves1:
        return u1
    return min(u1, u2) if fold else max(u1, u2)


def _wrap_strftime(obj, format, timetuple):
    # Fills %f, %z and %Z from the object; time's strftime does the rest.
    fields = tuple(timetuple)
    full = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8], "", None)
    if "%f" not in format and "%z" not in format and "%Z" not in format:
        return _time._format_fields(format, full)
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        i += 1
        if ch == "%" and i < n:
            ch = format[i]
            i += 1
            if ch == "f":
                out.append(f"{getattr(obj, 'microsecond', 0):06d}")
            elif ch == "z":
                offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
                out.append(_format_offset(offset, "") if offset is not None else "")
            elif ch == "Z":
                name = obj.tzname() if hasattr(obj, "tzname") else None
                out.append((name or "").replace("%", "%%"))
            else:
                out.append("%" + ch)
        else:
            out.append(ch)
    return _time._format_fields("".join(out), full)


# -- ISO 8601 parsing -------------------------------------------------------------

def _digits(text, start, count):
    part = text[start:start + count]
    if len(part) != count or not part.isdigit() or not part.isascii():
        raise ValueError
    return int(part)


def _isoformat_date_length(text):
    # Where the date part of a datetime string ends (CPython 3.11's rules).
    if len(text) >= 5 and text[4] == "-":
        if text[5:6] == "W":
            return 10 if len(text) > 8 and text[8] == "-" else 8
        return 10
    if text[4:5] == "W":
        if len(text) > 7 and text[7].isdigit():
            return 8
        return 7
    return 8


def _parse_isoformat_date(text):
    year = _digits(text, 0, 4)
    extended = text[4:5] == "-"
    pos = 5 if extended else 4
    if text[pos:pos + 1] == "W":
        week = _digits(text, pos + 1, 2)
        pos += 3
        day = 1
        if pos < len(text):
            if extended:
                if text[pos] != "-":
                    raise ValueError
                pos += 1
            day = _digits(text, pos, 1)
            pos += 1
        if pos != len(text):
            raise ValueError
        return _from_iso_calendar(year, week, day)
    month = _digits(text, pos, 2)
    pos += 2
    if extended:
        if text[pos:pos + 1] != "-":
            raise ValueError
        pos += 1
    day = _digits(text, pos, 2)
    if pos + 2 != len(text):
        raise ValueError
    return year, month, day


def _parse_hms(text):
    # (hour, minute, second, microsecond) of HH[:MM[:SS[.fff]]] or the basic form.
    fields = [0, 0, 0, 0]
    pos = 0
    has_sep = None
    for index in range(3):
        fields[index] = _digits(text, pos, 2)
        pos += 2
        if pos >= len(text):
            return fields
        sep = text[pos]
        if has_sep is None and index == 0:
            has_sep = sep == ":"
        if sep in ".," and index == 2:
            break
        if has_sep:
            if sep != ":":
                if index < 2:
                    raise ValueError
                break
            pos += 1
        elif index == 2:
            break
    if pos < len(text):
        if text[pos] not in ".,":
            raise ValueError
        pos += 1
        digits = text[pos:]
        if not digits or not digits.isdigit() or not digits.isascii():
            raise ValueError
        fields[3] = int(digits[:6].ljust(6, "0"))
    return fields


def _parse_isoformat_time(text):
    # (hour, minute, second, microsecond, tzinfo) of a time with its offset.
    split = len(text)
    for mark in ("Z", "+", "-"):
        found = text.find(mark)
        if 0 <= found < split:
            split = found
    hh, mm, ss, us = _parse_hms(text[:split])
    tz = None
    if split < len(text):
        zone = text[split + 1:]
        if text[split] == "Z":
            if zone:
                raise ValueError
            tz = timezone.utc
        else:
            if len(zone) not in (2, 4, 5, 8, 15):
                raise ValueError
            zh, zm, zs, zus = _parse_hms(zone)
            delta = timedelta(hours=zh, minutes=zm, seconds=zs, microseconds=zus)
            if text[split] == "-":
                delta = -delta
            tz = timezone(delta)
    return hh, mm, ss, us, tz


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
