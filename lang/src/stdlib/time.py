# The calendar half of `time`: struct_time, gmtime/localtime/mktime,
# strftime/strptime (the C locale's rules, as glibc formats them), asctime,
# ctime, the local zone's names and offsets, and get_clock_info. The clocks
# themselves and the C library's view of the local zone are natives.

_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time(tuple):
    # A 9-tuple of calendar fields with names; tm_zone and tm_gmtoff ride
    # along as attributes, as in CPython's structseq.
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if not 9 <= len(seq) <= 11:
            if len(seq) < 9:
                raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)")
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._extra = seq[9:] + (None,) * (11 - len(seq))
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"time.struct_time({fields})"

    def __reduce__(self):
        return (struct_time, (tuple(self), {}))


struct_time.__module__ = "time"


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_from_civil(year, month, day):
    # Days since 1970-01-01 of a proleptic Gregorian date.
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days):
    # The (year, month, day) of a count of days since 1970-01-01.
    days += 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _yday(year, month, day):
    return _DAYS_BEFORE_MONTH[month] + day + (month > 2 and _is_leap(year))


def _seconds(secs):
    if secs is None:
        return int(time())
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs in (float("inf"), float("-inf")):
            raise OverflowError("timestamp out of range for platform time_t")
        return int(secs)
    if not hasattr(type(secs), "__index__") and not hasattr(type(secs), "__float__"):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if hasattr(type(secs), "__index__"):
        return secs.__index__()
    return _seconds(float(secs))


def gmtime(secs=None):
    t = _seconds(secs)
    days, rest = divmod(t, 86400)
    year, month, day = _civil_from_days(days)
    return struct_time((year, month, day, rest // 3600, rest // 60 % 60, rest % 60,
                        (days + 3) % 7, _yday(year, month, day), 0, "GMT", 0))


def localtime(secs=None):
    return struct_time(_localtime(_seconds(secs)))


def _checked_tuple(t, name):
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{name}(): illegal time tuple argument")
    for v in t:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return t


def mktime(t):
    t = _checked_tuple(t, "mktime")
    result = _mktime(t[0], t[1], t[2], t[3], t[4], t[5], t[8])
    if result is None:
        raise OverflowError("mktime argument out of range")
    return float(result)


def _normalized(t, name):
    # CPython's checks before formatting a tuple; month and day 0 mean 1.
    t = _checked_tuple(t, name)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = t
    if mon == 0:
        mon = 1
    elif not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if mday == 0:
        mday = 1
    elif not 1 <= mday <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    wday %= 7
    if yday == 0:
        yday = 1
    elif not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    if isdst < -1:
        isdst = -1
    elif isdst > 1:
        isdst = 1
    zone = getattr(t, "tm_zone", None)
    gmtoff = getattr(t, "tm_gmtoff", None)
    return (year, mon, mday, hour, minute, sec, wday, yday, isdst, zone, gmtoff)


def _iso_week(year, yday, wday):
    # (ISO year, ISO week) of a date given its 1-based yday and Monday-0 wday.
    week = (yday - wday + 9) // 7
    if week < 1:
        prev = year - 1
        prev_days = 366 if _is_leap(prev) else 365
        return _iso_week(prev, yday + prev_days, wday)
    days_in_year = 366 if _is_leap(year) else 365
    if week == 53 and (yday - wday + 3) > days_in_year:
        # The week's Thursday falls in the next year.
        return year + 1, 1
    return year, week


def _offset_text(gmtoff):
    if gmtoff is None:
        return ""
    sign = "-" if gmtoff < 0 else "+"
    gmtoff = abs(gmtoff)
    return f"{sign}{gmtoff // 3600:02d}{gmtoff // 60 % 60:02d}"


_COMPILED_FORMATS = {}


def _compile_format(fmt):
    # A format as literal text and (directive, flag, width, source) pieces,
    # cached: programs format with the same few formats over and over.
    pieces = _COMPILED_FORMATS.get(fmt)
    if pieces is not None:
        return pieces
    pieces = []
    i = 0
    n = len(fmt)
    while i < n:
        if fmt[i] != "%":
            j = fmt.find("%", i)
            if j < 0:
                j = n
            pieces.append(fmt[i:j])
            i = j
            continue
        start = i
        i += 1
        flag = ""
        while i < n and fmt[i] in ("-", "_", "0", "^", "#"):
            flag = fmt[i]
            i += 1
        width = ""
        while i < n and fmt[i].isdigit():
            width += fmt[i]
            i += 1
        while i < n and fmt[i] in ("E", "O"):
            i += 1
        if i >= n:
            pieces.append(fmt[start:])
            break
        pieces.append((fmt[i], flag, int(width) if width else 0, fmt[start:i + 1]))
        i += 1
    if len(_COMPILED_FORMATS) > 200:
        _COMPILED_FORMATS.clear()
    _COMPILED_FORMATS[fmt] = pieces
    return pieces


def _format_fields(fmt, f):
    # strftime over the tuple of _normalized: glibc's directives in the C
    # locale, with its flags (- _ 0 ^ #), field widths and E/O modifiers.
    out = []
    for piece in _compile_format(fmt):
        if type(piece) is str:
            out.append(piece)
            continue
        d, flag, width, source = piece
        value = _directive(d, f)
        if value is None:
            out.append(source)
            continue
        text, pad, size = value
        if flag:
            if flag == "^":
                text = text.upper()
            elif flag == "#":
                text = text.swapcase() if d not in "aAbBh" else text.upper()
            elif pad is not None:
                if flag == "-":
                    text = text.lstrip("0") or "0" if pad == "0" else text.lstrip() or "0"
                elif flag == "_":
                    text = (text.lstrip("0") or "0").rjust(size, " ")
                elif flag == "0":
                    text = text.strip().rjust(size, "0")
        if width:
            fill = "0" if (pad == "0" and flag not in ("_", "-")) or flag == "0" else " "
            if pad is not None and text[:1] in "+-" and fill == "0":
                text = text[0] + text[1:].rjust(width - 1, "0")
            else:
                text = text.rjust(width, fill)
        out.append(text)
    return "".join(out)


def _directive(d, f):
    # One directive's text, its padding character (None for words) and width.
    year, mon, mday, hour, minute, sec, wday, yday, isdst, zone, gmtoff = f
    if d == "Y":
        return str(year), "0", 1
    if d == "m":
        return f"{mon:02d}", "0", 2
    if d == "d":
        return f"{mday:02d}", "0", 2
    if d == "H":
        return f"{hour:02d}", "0", 2
    if d == "M":
        return f"{minute:02d}", "0", 2
    if d == "S":
        return f"{sec:02d}", "0", 2
    if d == "y":
        return f"{year % 100:02d}", "0", 2
    if d == "a":
        return _DAY_ABBR[wday], None, 0
    if d == "A":
        return _DAY_NAMES[wday], None, 0
    if d in "bh":
        return _MONTH_ABBR[mon], None, 0
    if d == "B":
        return _MONTH_NAMES[mon], None, 0
    if d == "e":
        return f"{mday:2d}", " ", 2
    if d == "j":
        return f"{yday:03d}", "0", 3
    if d == "I":
        return f"{(hour + 11) % 12 + 1:02d}", "0", 2
    if d == "l":
        return f"{(hour + 11) % 12 + 1:2d}", " ", 2
    if d == "k":
        return f"{hour:2d}", " ", 2
    if d == "p":
        return ("AM" if hour < 12 else "PM"), None, 0
    if d == "P":
        return ("am" if hour < 12 else "pm"), None, 0
    if d == "C":
        return str(year // 100), "0", 1
    if d == "w":
        return str((wday + 1) % 7), "0", 1
    if d == "u":
        return str(wday + 1), "0", 1
    if d == "U":
        return f"{(yday - 1 + 7 - (wday + 1) % 7) // 7:02d}", "0", 2
    if d == "W":
        return f"{(yday - 1 + 7 - wday) // 7:02d}", "0", 2
    if d == "V":
        return f"{_iso_week(year, yday, wday)[1]:02d}", "0", 2
    if d == "G":
        return str(_iso_week(year, yday, wday)[0]), "0", 1
    if d == "g":
        return f"{_iso_week(year, yday, wday)[0] % 100:02d}", "0", 2
    if d == "z":
        return _offset_text(gmtoff), "0", 0
    if d == "Z":
        return (zone or ""), None, 0
    if d == "s":
        return str(_days_from_civil(year, mon, mday) * 86400 + hour * 3600 + minute * 60 + sec - (gmtoff or 0)), "0", 1
    if d == "n":
        return "\n", None, 0
    if d == "t":
        return "\t", None, 0
    if d == "%":
        return "%", None, 0
    if d == "c":
        return _format_fields("%a %b %e %H:%M:%S %Y", f), None, 0
    if d == "D" or d == "x":
        return _format_fields("%m/%d/%y", f), None, 0
    if d == "F":
        return _format_fields("%Y-%m-%d", f), None, 0
    if d == "T" or d == "X":
        return _format_fields("%H:%M:%S", f), None, 0
    if d == "R":
        return _format_fields("%H:%M", f), None, 0
    if d == "r":
        return _format_fields("%I:%M:%S %p", f), None, 0
    return None


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    if t is None:
        t = localtime()
    f = _normalized(t, "strftime")
    if not isinstance(t, struct_time):
        # A plain tuple names the local zone by its isdst flag.
        if f[8] == -1:
            f = f[:9] + ("", None)
        else:
            f = f[:9] + (tzname[f[8]], -(altzone if f[8] else timezone))
    return _format_fields(format, f)


def asctime(t=None):
    if t is None:
        t = localtime()
    f = _normalized(t, "asctime")
    return f"{_DAY_ABBR[f[6]]} {_MONTH_ABBR[f[1]]} {f[2]:2d} {f[3]:02d}:{f[4]:02d}:{f[5]:02d} {f[0]}"


def ctime(secs=None):
    return asctime(localtime(secs))


# -- strptime ---------------------------------------------------------------

def _match_digits(s, pos, most, allow_space=False):
    # Up to `most` digits at `pos` (after one optional space); (value, end) or None.
    start = pos
    if allow_space and pos < len(s) and s[pos] == " ":
        pos += 1
    end = pos
    while end < len(s) and end - pos < most and "0" <= s[end] <= "9":
        end += 1
    if end == pos:
        return None
    return int(s[pos:end]), end


def _match_name(s, pos, names):
    # The longest of `names` at `pos`, ignoring case: (index, end) or None.
    best = None
    low = s[pos:].lower()
    for index, name in enumerate(names):
        if name and low.startswith(name.lower()) and (best is None or len(name) > len(names[best])):
            best = index
    if best is None:
        return None
    return best, pos + len(names[best])


_DIGIT_DIRECTIVES = {
    "d": (2, 1, 31, True), "m": (2, 1, 12, True), "H": (2, 0, 23, True),
    "I": (2, 1, 12, True), "M": (2, 0, 59, True), "S": (2, 0, 61, True),
    "j": (3, 1, 366, True), "y": (2, 0, 99, False), "Y": (4, 0, 9999, False),
    "U": (2, 0, 53, False), "W": (2, 0, 53, False), "V": (2, 1, 53, False),
    "G": (4, 0, 9999, False), "w": (1, 0, 6, False), "u": (1, 1, 7, False),
}


def _parse(data, format):
    # The directives' values found in `data`, by directive letter.
    found = {}
    fmt = format.replace("%c", "%a %b %d %H:%M:%S %Y").replace("%x", "%m/%d/%y").replace("%X", "%H:%M:%S")
    pos = 0
    i = 0
    n = len(fmt)

    def fail():
        raise ValueError(f"time data {data!r} does not match format {format!r}")

    while i < n:
        c = fmt[i]
        if c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            if pos >= len(data) or not data[pos].isspace():
                fail()
            while pos < len(data) and data[pos].isspace():
                pos += 1
            continue
        if c != "%":
            if pos < len(data) and data[pos].lower() == c.lower():
                pos += 1
                i += 1
                continue
            fail()
        if i + 1 >= n:
            raise ValueError(f"stray % in format {format!r}")
        d = fmt[i + 1]
        i += 2
        if d == "%":
            if data[pos:pos + 1] != "%":
                fail()
            pos += 1
            continue
        if d in _DIGIT_DIRECTIVES:
            most, low, high, space = _DIGIT_DIRECTIVES[d]
            got = _match_digits(data, pos, most, space)
            if got is None or not low <= got[0] <= high:
                fail()
            found[d], pos = got
        elif d == "f":
            got = _match_digits(data, pos, 6)
            if got is None:
                fail()
            text = data[pos:got[1]]
            found["f"] = int(text.ljust(6, "0"))
            pos = got[1]
        elif d in "aA":
            got = _match_name(data, pos, _DAY_NAMES + _DAY_ABBR)
            if got is None:
                fail()
            found["a"] = got[0] % 7
            pos = got[1]
        elif d in "bBh":
            got = _match_name(data, pos, _MONTH_NAMES + _MONTH_ABBR)
            if got is None:
                fail()
            found["m"] = got[0] % 13
            pos = got[1]
        elif d == "p":
            got = _match_name(data, pos, ("am", "pm"))
            if got is None:
                fail()
            found["p"] = got[0]
            pos = got[1]
        elif d == "z":
            pos = _parse_offset(data, pos, found, fail)
        elif d == "Z":
            got = _match_name(data, pos, ("utc", "gmt") + tuple(tzname))
            if got is None:
                fail()
            found["Z"] = data[pos:got[1]]
            pos = got[1]
        else:
            if d in "EO" or d.isalpha():
                raise ValueError(f"{d!r} is a bad directive in format {'%' + d!r}")
            raise ValueError(f"{d!r} is a bad directive in format {format!r}")
    if pos != len(data):
        raise ValueError(f"unconverted data remains: {data[pos:]}")
    return found


def _parse_offset(data, pos, found, fail):
    # %z: Z, or ±HHMM[SS[.ffffff]] with optional colons.
    if data[pos:pos + 1] in ("Z", "z"):
        found["z"] = (0, 0)
        return pos + 1
    sign = data[pos:pos + 1]
    if sign not in ("+", "-"):
        fail()
    end = pos + 1
    while end < len(data) and (data[end].isdigit() or data[end] in ":."):
        end += 1
    text = data[pos + 1:end]
    colon = ":" in text
    parts = text.split(".")
    main = parts[0]
    if colon:
        pieces = main.split(":")
        if len(pieces) not in (2, 3) or any(len(p) != 2 for p in pieces):
            fail()
        main = "".join(pieces)
    if len(main) not in (4, 6) or not main.isdigit():
        fail()
    hours, minutes = int(main[:2]), int(main[2:4])
    seconds = int(main[4:6] or 0)
    micro = 0
    if len(parts) == 2:
        if len(main) != 6 or not parts[1].isdigit() or len(parts[1]) != 6:
            fail()
        micro = int(parts[1])
    elif len(parts) > 2:
        fail()
    if minutes > 59 or seconds > 59:
        fail()
    offset = hours * 3600 + minutes * 60 + seconds
    if sign == "-":
        offset, micro = -offset, -micro
    found["z"] = (offset, micro)
    return end


def _strptime_values(data, format):
    # (year, month, day, hour, minute, second, microsecond, weekday,
    # yearday, offset, zone) as strptime computes them.
    if not isinstance(data, str):
        raise TypeError(f"strptime() argument 1 must be str, not {type(data).__name__}")
    if not isinstance(format, str):
        raise TypeError(f"strptime() argument 2 must be str, not {type(format).__name__}")
    found = _parse(data, format)
    year = found.get("Y")
    if year is None and "y" in found:
        y = found["y"]
        year = y + (2000 if y <= 68 else 1900)
    if "G" in found and "V" not in found or "V" in found and "G" not in found:
        if "G" in found and "Y" not in found or "V" in found and "Y" not in found:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
    month = found.get("m", 1)
    day = found.get("d", 1)
    hour = found.get("H", 0)
    if "I" in found:
        hour = found["I"] % 12
        if found.get("p") == 1:
            hour += 12
    minute = found.get("M", 0)
    second = found.get("S", 0)
    micro = found.get("f", 0)
    weekday = found.get("a")
    if weekday is None and "w" in found:
        weekday = (found["w"] - 1) % 7
    if weekday is None and "u" in found:
        weekday = found["u"] - 1
    leap_fallback = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_fallback = True
        else:
            year = 1900
    yday = found.get("j")
    if "G" in found and "V" in found:
        if weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        jan4 = _days_from_civil(found["G"], 1, 4)
        monday = jan4 - (jan4 + 3) % 7
        days = monday + (found["V"] - 1) * 7 + weekday
        year, month, day = _civil_from_days(days)
        yday = None
    elif yday is None and weekday is not None and ("U" in found or "W" in found):
        first = _days_from_civil(year, 1, 1)
        first_wday = (first + 3) % 7
        if "U" in found:
            week, start = found["U"], 6
        else:
            week, start = found["W"], 0
        first_start = first + (start - first_wday) % 7
        if week == 0:
            days = first_start - 7 + (weekday - start) % 7
        else:
            days = first_start + (week - 1) * 7 + (weekday - start) % 7
        if days < first:
            days = first
        year, month, day = _civil_from_days(days)
    if yday is not None and "m" not in found and "d" not in found:
        year, month, day = _civil_from_days(_days_from_civil(year, 1, 1) + yday - 1)
    days_in = (31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if day > days_in:
        raise ValueError("day is out of range for month")
    if yday is None:
        yday = _yday(year, month, day)
    if weekday is None:
        weekday = (_days_from_civil(year, month, day) + 3) % 7
    if leap_fallback:
        year = 1900
    offset = found.get("z")
    zone = found.get("Z")
    return year, month, day, hour, minute, second, micro, weekday, yday, offset, zone


def strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    v = _strptime_values(data_string, format)
    year, month, day, hour, minute, second, micro, weekday, yday, offset, zone = v
    isdst = -1
    if zone is not None:
        low = zone.lower()
        if low in ("utc", "gmt"):
            isdst = 0
        elif low == tzname[0].lower() and tzname[0] != tzname[1]:
            isdst = 0
        elif low == tzname[1].lower() and tzname[0] != tzname[1]:
            isdst = 1
    gmtoff = None if offset is None else offset[0]
    return struct_time((year, month, day, hour, minute, second, weekday, yday, isdst, zone, gmtoff))


# -- the local zone -----------------------------------------------------------

def _zone_facts():
    # (timezone, altzone, daylight, tzname) from January and July of this year.
    year = gmtime()[0]
    january = _localtime(_days_from_civil(year, 1, 1) * 86400)
    july = _localtime(_days_from_civil(year, 7, 1) * 86400)
    jan_off, jul_off = -january[10], -july[10]
    if jan_off < jul_off:
        # Southern hemisphere: July is standard time.
        return jul_off, jan_off, 1, (july[9], january[9])
    return jan_off, jul_off, int(jan_off != jul_off), (january[9], july[9])


def tzset():
    global timezone, altzone, daylight, tzname
    _tzset()
    timezone, altzone, daylight, tzname = _zone_facts()


timezone, altzone, daylight, tzname = _zone_facts()


class _ClockInfo:
    def __init__(self, implementation, monotonic, adjustable, resolution):
        self.implementation = implementation
        self.monotonic = monotonic
        self.adjustable = adjustable
        self.resolution = resolution

    def __repr__(self):
        return (f"namespace(implementation={self.implementation!r}, monotonic={self.monotonic!r}, "
                f"adjustable={self.adjustable!r}, resolution={self.resolution!r})")


_CLOCKS = {
    "time": ("clock_gettime(CLOCK_REALTIME)", False, True),
    "monotonic": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "perf_counter": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "process_time": ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", True, False),
    "thread_time": ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", True, False),
}


def get_clock_info(name):
    if name not in _CLOCKS:
        raise ValueError("unknown clock")
    implementation, monotonic_, adjustable = _CLOCKS[name]
    return _ClockInfo(implementation, monotonic_, adjustable, 1e-09)


CLOCK_REALTIME = 0
CLOCK_MONOTONIC = 1
CLOCK_PROCESS_CPUTIME_ID = 2
CLOCK_THREAD_CPUTIME_ID = 3
