"""IANA time zones as `datetime.tzinfo` objects (PEP 615).

Written for towel from the documentation of CPython's zoneinfo, RFC 8536
(the TZif format, with its POSIX TZ footer) and CPython's observed
behaviour. A zone's data is looked up in the TZPATH folders first, as
CPython does, and then in the copy of the IANA database bundled into towel
(`_tzdata`), which stands for CPython's `tzdata` package.

A zone is read into a `_Timeline`: the UTC instants where its offset
changes, the `_Period` (offset, DST amount, abbreviation) in force after
each, and a `_Rule` from the footer for instants after the last one. Every
question a tzinfo answers is a lookup in it, from UTC (`fromutc`) or from
wall time (`utcoffset`, `dst`, `tzname`, with PEP 495's `fold`).
"""

import bisect
import os
import struct
import weakref
from collections import OrderedDict
from datetime import date, datetime, timedelta, tzinfo

import _tzdata

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]


class ZoneInfoNotFoundError(KeyError):
    """No time zone data was found for the key."""


ZoneInfoNotFoundError.__module__ = "zoneinfo._common"


class InvalidTZPathWarning(RuntimeWarning):
    """A TZPATH entry taken from the environment is not absolute."""


InvalidTZPathWarning.__module__ = "zoneinfo._tzpath"


# --- The search path -------------------------------------------------------

_DEFAULT_TZPATH = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo",
                   "/usr/share/lib/zoneinfo", "/etc/zoneinfo")

TZPATH = ()


def _checked_paths(paths):
    if isinstance(paths, (str, bytes)):
        raise TypeError(f"tzpaths must be a list or tuple, not {type(paths)}: "
                        f"{paths!r}")
    relative = [p for p in paths if not os.path.isabs(p)]
    if relative:
        raise ValueError(f"tzpaths must be absolute paths, got: {relative}")
    return tuple(paths)


def reset_tzpath(to=None):
    """Set TZPATH from `to`, or from PYTHONTZPATH (or the default)."""
    global TZPATH
    if to is not None:
        TZPATH = _checked_paths(to)
        return
    from_env = os.environ.get("PYTHONTZPATH")
    if from_env is None:
        TZPATH = _DEFAULT_TZPATH
        return
    kept = []
    for entry in from_env.split(os.pathsep):
        if not entry:
            continue
        if os.path.isabs(entry):
            kept.append(entry)
        else:
            import warnings
            warnings.warn("Invalid paths specified in PYTHONTZPATH environment "
                          f"variable. Paths should be absolute but found the "
                          f"following relative paths:\n    {entry}",
                          InvalidTZPathWarning, stacklevel=2)
    TZPATH = tuple(kept)


reset_tzpath()


def _check_key(key):
    """Refuse keys that would read outside the TZPATH folders."""
    if os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: {key}")
    if os.path.normpath(key) != key:
        raise ValueError(
            f"ZoneInfo keys must be normalized relative paths, got: {key}")
    if key == ".." or key.startswith("../"):
        raise ValueError(
            f"ZoneInfo keys must refer to subdirectories of TZPATH, got: {key}")


def _zone_bytes(key):
    """The TZif bytes for a key: a TZPATH file, else the bundled copy."""
    key = os.fspath(key)
    _check_key(key)
    for folder in TZPATH:
        candidate = os.path.join(folder, key)
        if os.path.isfile(candidate):
            with open(candidate, "rb") as f:
                return f.read()
    data = _tzdata.tzif(key) if isinstance(key, str) else None
    if data is None:
        raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
    return data


def available_timezones():
    """Every key ZoneInfo accepts: the TZPATH folders' zone files (outside
    their `posix` and `right` copies) and the bundled zones."""
    found = set(_tzdata.keys())
    for folder in TZPATH:
        for here, subfolders, files in os.walk(folder):
            if here == folder:
                subfolders[:] = [d for d in subfolders
                                 if d not in ("posix", "right")]
            for name in files:
                path = os.path.join(here, name)
                try:
                    with open(path, "rb") as f:
                        if f.read(4) != b"TZif":
                            continue
                except OSError:
                    continue
                found.add(os.path.relpath(path, folder))
    found.discard("posixrules")
    return found


# --- Periods, rules and timelines ------------------------------------------

class _Period:
    """What a zone says during one stretch of time."""

    __slots__ = ("utcoff", "dstoff", "abbr", "is_dst")

    def __init__(self, utcoff, is_dst, abbr, dstoff=0):
        self.utcoff, self.is_dst, self.abbr, self.dstoff = (
            utcoff, is_dst, abbr, dstoff)

    def offset(self):
        return timedelta(seconds=self.utcoff)

    def dst(self):
        return timedelta(seconds=self.dstoff)


_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class _RuleDate:
    """When in a year a TZ rule switches (`Jn`, `n` or `Mm.w.d`), and at
    what local time of that day (seconds, possibly negative or past 24h)."""

    def __init__(self, kind, numbers, at):
        self.kind, self.numbers, self.at = kind, numbers, at

    def day_ordinal(self, year):
        first = date(year, 1, 1).toordinal()
        if self.kind == "J":
            # 1..365, never counting February 29th.
            day, = self.numbers
            return first + day - 1 + (1 if _is_leap(year) and day > 59 else 0)
        if self.kind == "n":
            day, = self.numbers
            return first + day
        month, week, weekday = self.numbers
        start = date(year, month, 1).toordinal()
        # date.weekday() counts from Monday; the rule counts from Sunday.
        shift = (weekday - (date.fromordinal(start).weekday() + 1)) % 7
        day = start + shift + 7 * (week - 1)
        end = date(year + (month == 12), month % 12 + 1, 1).toordinal()
        while day >= end:
            day -= 7
        return day

    def local_seconds(self, year):
        return (self.day_ordinal(year) - _EPOCH_ORDINAL) * 86400 + self.at


class _Rule:
    """A POSIX TZ string: standard time, and optionally daylight time
    between two dates of every year."""

    def __init__(self, std, dst=None, start=None, end=None):
        self.std, self.dst, self.start, self.end = std, dst, start, end

    def transitions(self, year):
        """The year's switches as (UTC instant, period before, after)."""
        if self.dst is None:
            return []
        on = self.start.local_seconds(year) - self.std.utcoff
        off = self.end.local_seconds(year) - self.dst.utcoff
        return sorted([(on, self.std, self.dst), (off, self.dst, self.std)],
                      key=lambda t: t[0])

    def nearby(self, seconds):
        """Transitions of the years around an instant, in order."""
        year = date.fromordinal(_EPOCH_ORDINAL
                                + max(min(seconds // 86400, 2900000), -719000)
                                ).year
        found = []
        for y in (year - 1, year, year + 1):
            if 1 <= y <= 9999:
                found.extend(self.transitions(y))
        return found


class _Timeline:
    """A zone's periods over time (see the module's doc)."""

    def __init__(self, instants, periods, first, rule):
        self.instants = instants      # UTC seconds where the period changes
        self.periods = periods        # the period from each instant on
        self.first = first            # the period before the first instant
        self.rule = rule              # None, or the _Rule after the last one
        # The one period of a zone that never changes (else None): what it
        # answers even without a datetime.
        self.fixed = None
        if not instants and (rule is None or rule.dst is None):
            self.fixed = first if rule is None else rule.std
        # Wall-clock instants of the same changes: the later of the two
        # readings for fold=0 (the earlier period holds through a gap or
        # repeat), the earlier for fold=1.
        self.wall = ([], [])
        before = first
        for instant, after in zip(instants, periods):
            readings = (instant + before.utcoff, instant + after.utcoff)
            self.wall[0].append(max(readings))
            self.wall[1].append(min(readings))
            before = after

    def _rule_switches(self, seconds):
        """The footer rule's switches near `seconds` that come after the
        explicit ones, and the period in force before the first of them."""
        switches = self.rule.nearby(seconds)
        if self.instants:
            last = self.instants[-1]
            switches = [s for s in switches if s[0] > last]
            return switches, self.periods[-1]
        return switches, switches[0][1] if switches else self.rule.std

    def at_utc(self, seconds):
        """(period, previous period, instant of the change between them)."""
        at = bisect.bisect_right(self.instants, seconds) - 1
        if self.rule is not None and at == len(self.instants) - 1:
            switches, found = self._rule_switches(seconds)
            before = when = None
            for instant, was, now in switches:
                if instant <= seconds:
                    found, before, when = now, was, instant
            return found, before, when
        if at < 0:
            return self.first, None, None
        before = self.periods[at - 1] if at else self.first
        return self.periods[at], before, self.instants[at]

    def at_wall(self, seconds, fold):
        """The period in force at a wall-clock reading."""
        wall = self.wall[fold]
        at = bisect.bisect_right(wall, seconds) - 1
        if self.rule is not None and at == len(wall) - 1:
            switches, found = self._rule_switches(seconds)
            pick = min if fold else max
            for instant, was, now in switches:
                if pick(instant + was.utcoff, instant + now.utcoff) <= seconds:
                    found = now
            return found
        return self.periods[at] if at >= 0 else self.first


# --- Reading TZif data -------------------------------------------------------

def _bad(reason):
    return ValueError(f"Invalid TZif file: {reason}")


def _read_tzif(data):
    """A _Timeline from TZif bytes (version 1, or the 64-bit block of
    version 2 and later with its TZ footer)."""
    if data[:4] != b"TZif":
        raise _bad("magic not found")
    version = data[4:5]
    counts, body = _tzif_block(data, 0, 4)
    footer = None
    if version >= b"2":
        start = 44 + body
        if data[start:start + 4] != b"TZif":
            raise _bad("magic not found")
        counts, body = _tzif_block(data, start, 8)
        footer = data[start + 44 + body:].strip(b"\n").decode("ascii")
    instants, kinds, types = counts
    periods = [types[k] for k in kinds]
    _settle_dst(types, periods)
    rule = _parse_tz_rule(footer) if footer else None
    first = types[0] if types else _Period(0, False, "UTC")
    return _Timeline(instants, periods, first, rule)


def _tzif_block(data, start, width):
    """The transitions and types of one data block, and its length."""
    header = data[start:start + 44]
    if len(header) < 44:
        raise _bad("truncated header")
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = struct.unpack(
        ">6l", header[20:44])
    at = start + 44
    time_format = ">%d%s" % (timecnt, "q" if width == 8 else "l")
    instants = list(struct.unpack_from(time_format, data, at))
    at += timecnt * width
    kinds = list(data[at:at + timecnt])
    at += timecnt
    raw_types = [struct.unpack_from(">lBB", data, at + 6 * i)
                 for i in range(typecnt)]
    at += 6 * typecnt
    names = data[at:at + charcnt]
    types = []
    for utcoff, is_dst, name_at in raw_types:
        end = names.find(b"\0", name_at)
        abbr = names[name_at:end if end >= 0 else None].decode("ascii")
        types.append(_Period(utcoff, bool(is_dst), abbr))
    length = (timecnt * width + timecnt + 6 * typecnt + charcnt
              + leapcnt * (width + 4) + isstdcnt + isutcnt)
    if any(k >= typecnt for k in kinds):
        raise _bad("transition type out of range")
    return (instants, kinds, types), length


def _settle_dst(types, periods):
    """Give each DST type its DST amount: its offset less that of a
    standard-time neighbour in the timeline (the period before it, else the
    one after), from its first appearance; an hour when neither is."""
    amounts = {}
    for i, period in enumerate(periods):
        if not period.is_dst or amounts.get(id(period)):
            continue
        for neighbour in (i - 1, i + 1):
            if 0 <= neighbour < len(periods) and not periods[neighbour].is_dst:
                amounts[id(period)] = period.utcoff - periods[neighbour].utcoff
                if amounts[id(period)]:
                    break
    for period in types:
        if period.is_dst:
            period.dstoff = amounts.get(id(period)) or 3600


# --- The POSIX TZ footer -------------------------------------------------------

class _Text:
    """A cursor over a TZ string."""

    def __init__(self, text):
        self.text, self.at = text, 0

    def peek(self):
        return self.text[self.at:self.at + 1]

    def take_while(self, test):
        start = self.at
        while self.at < len(self.text) and test(self.text[self.at]):
            self.at += 1
        return self.text[start:self.at]

    def take_name(self):
        if self.peek() == "<":
            self.at += 1
            name = self.take_while(lambda c: c != ">")
            self.at += 1
        else:
            name = self.take_while(str.isalpha)
        if not name:
            raise _bad(f"bad TZ string: {self.text!r}")
        return name

    def take_clock(self):
        """[+-]hh[:mm[:ss]] as seconds."""
        sign = -1 if self.peek() == "-" else 1
        if self.peek() in ("+", "-"):
            self.at += 1
        parts = self.take_while(lambda c: c.isdigit() or c == ":").split(":")
        if not parts[0]:
            raise _bad(f"bad TZ string: {self.text!r}")
        seconds = 0
        for scale, part in zip((3600, 60, 1), parts):
            seconds += scale * int(part)
        return sign * seconds

    def take_date(self):
        if self.peek() == "M":
            self.at += 1
            kind = "M"
            numbers = tuple(int(n) for n in
                            self.take_while(lambda c: c.isdigit() or c == ".")
                            .split("."))
        else:
            kind = "n"
            if self.peek() == "J":
                kind = "J"
                self.at += 1
            numbers = (int(self.take_while(str.isdigit)),)
        at = 7200
        if self.peek() == "/":
            self.at += 1
            at = self.take_clock()
        return _RuleDate(kind, numbers, at)


def _parse_tz_rule(text):
    """A _Rule from a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0")."""
    cursor = _Text(text)
    std_name = cursor.take_name()
    # POSIX offsets count west of Greenwich as positive.
    std = _Period(-cursor.take_clock(), False, std_name)
    if not cursor.peek():
        return _Rule(std)
    dst_name = cursor.take_name()
    dst_offset = std.utcoff + 3600
    if cursor.peek() not in (",", ""):
        dst_offset = -cursor.take_clock()
    dst = _Period(dst_offset, True, dst_name, dst_offset - std.utcoff)
    if cursor.peek() != ",":
        raise _bad(f"bad TZ string: {text!r}")
    cursor.at += 1
    start = cursor.take_date()
    if cursor.peek() != ",":
        raise _bad(f"bad TZ string: {text!r}")
    cursor.at += 1
    end = cursor.take_date()
    return _Rule(std, dst, start, end)


# --- ZoneInfo ------------------------------------------------------------------

def _wall_seconds(dt):
    """A datetime's wall-clock reading as seconds from 1970-01-01."""
    return ((dt.toordinal() - _EPOCH_ORDINAL) * 86400
            + dt.hour * 3600 + dt.minute * 60 + dt.second)


class _ZoneCache:
    """The zones ZoneInfo(key) has made for one class: every one still
    alive (weakly held), and the most recently asked for (held)."""

    KEEP = 8

    def __init__(self):
        self.alive = weakref.WeakValueDictionary()
        self.recent = OrderedDict()

    def fetch(self, key, make):
        zone = self.alive.get(key)
        if zone is None:
            zone = self.alive.setdefault(key, make())
        self.recent[key] = zone
        self.recent.move_to_end(key)
        if len(self.recent) > self.KEEP:
            self.recent.popitem(last=False)
        return zone

    def forget(self, keys):
        for table in (self.alive, self.recent):
            if keys is None:
                table.clear()
            for key in keys or ():
                table.pop(key, None)


class ZoneInfo(tzinfo):
    """The time zone of an IANA key ('Europe/Paris'). ZoneInfo(key) returns
    the same object for the same key while one is alive (and keeps the
    eight most recently asked for); each subclass has a cache of its own."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._cache = _ZoneCache()

    def __new__(cls, key):
        return cls._cache.fetch(key, lambda: cls._made(key, True))

    @classmethod
    def _made(cls, key, from_cache, source=None):
        """A new zone of this class, read from `source` (a binary file) or
        found by its key."""
        zone = super().__new__(cls)
        zone._key, zone._from_cache = key, from_cache
        zone._file_repr = None if source is None else repr(source)
        data = _zone_bytes(key) if source is None else source.read()
        zone._timeline = _read_tzif(data)
        return zone

    @classmethod
    def no_cache(cls, key):
        """A new ZoneInfo for the key, bypassing (and not entering) the cache."""
        return cls._made(key, False)

    @classmethod
    def from_file(cls, fobj, /, key=None):
        """A ZoneInfo read from a binary file object holding TZif data."""
        return cls._made(key, False, fobj)

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        """Forget cached zones (all, or those of `only_keys`)."""
        cls._cache.forget(only_keys)

    @property
    def key(self):
        return self._key

    def __repr__(self):
        # The name of the class as CPython's C type reports it.
        cls = type(self)
        name = "zoneinfo.ZoneInfo" if cls is ZoneInfo else cls.__name__
        made = (f"(key={self._key!r})" if self._key is not None
                else f".from_file({self._file_repr})")
        return name + made

    def __str__(self):
        return self._key if self._key is not None else repr(self)

    def __reduce__(self):
        if self._file_repr is None:
            return type(self)._unpickle, (self._key, self._from_cache)
        import pickle
        raise pickle.PicklingError(
            "Cannot pickle a ZoneInfo file from a file stream.")

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        return cls(key) if from_cache else cls.no_cache(key)

    # The tzinfo protocol.

    def _period(self, dt):
        if dt is None:
            return self._timeline.fixed
        return self._timeline.at_wall(_wall_seconds(dt), 1 if dt.fold else 0)

    def utcoffset(self, dt):
        period = self._period(dt)
        return None if period is None else period.offset()

    def dst(self, dt):
        period = self._period(dt)
        return None if period is None else period.dst()

    def tzname(self, dt):
        period = self._period(dt)
        return None if period is None else period.abbr

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        seconds = _wall_seconds(dt)
        period, before, when = self._timeline.at_utc(seconds)
        local = dt + timedelta(seconds=period.utcoff)
        # The second reading of a repeated hour is fold=1.
        repeated = (before is not None and before.utcoff > period.utcoff
                    and seconds - when < before.utcoff - period.utcoff)
        return local.replace(fold=1) if repeated else local


ZoneInfo._cache = _ZoneCache()
