# datetime beyond the basics: the tzinfo protocol (fromutc, fold, a DST zone),
# pickling and copying, hashing, error messages of arithmetic and
# constructors, subclasses, isoformat timespecs and rounding edges.
import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR
import datetime as dtmod


def attempt(label, fn, quiet=False):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, "" if quiet else e)


# A DST zone in the style of the docs' USTimeZone: fold matters at the edges.
def first_sunday_on_or_after(dt):
    days_to_go = 6 - dt.weekday()
    if days_to_go:
        dt += timedelta(days_to_go)
    return dt


class Eastern(tzinfo):
    std = timedelta(hours=-5)

    def _bounds(self, year):
        start = first_sunday_on_or_after(datetime(year, 3, 8, 2))
        end = first_sunday_on_or_after(datetime(year, 11, 1, 2))
        return start, end

    def utcoffset(self, dt):
        return self.std + self.dst(dt)

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return timedelta(0)
        start, end = self._bounds(dt.year)
        naive = dt.replace(tzinfo=None)
        if start + timedelta(hours=1) <= naive < end - timedelta(hours=1):
            return timedelta(hours=1)
        if start <= naive < start + timedelta(hours=1):
            return timedelta(hours=1) if dt.fold == 0 else timedelta(0)
        if end - timedelta(hours=1) <= naive < end:
            return timedelta(hours=1) if dt.fold == 0 else timedelta(0)
        return timedelta(0)

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

    def __repr__(self):
        return "Eastern()"


E = Eastern()
for h in range(4, 8):
    u = datetime(2023, 11, 5, h, 30, tzinfo=timezone.utc)
    loc = u.astimezone(E)
    print(u, "->", loc, loc.fold, loc.tzname(), loc.utcoffset())
for h in range(5, 9):
    u = datetime(2023, 3, 12, h, 30, tzinfo=timezone.utc)
    loc = u.astimezone(E)
    print(u, "->", loc, loc.fold, loc.tzname())
amb0 = datetime(2023, 11, 5, 1, 30, tzinfo=E)
amb1 = amb0.replace(fold=1)
print(amb0.utcoffset(), amb1.utcoffset(), amb0 == amb1, amb0.astimezone(timezone.utc), amb1.astimezone(timezone.utc))
print(hash(amb0) == hash(amb0.replace(fold=1)), amb0 - amb1, amb1 - amb0)
print(repr(amb1), repr(time(1, 2, fold=1)), time(1, fold=1) == time(1))
attempt("fromutc-none", lambda: E.fromutc(datetime(2020, 1, 1)))
attempt("fromutc-other", lambda: E.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)))
attempt("fromutc-type", lambda: E.fromutc(5))
attempt("utc-fromutc", lambda: timezone.utc.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)))
attempt("utc-fromutc-bad", lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
attempt("utc-fromutc-type", lambda: timezone.utc.fromutc(3))
attempt("tz-utcoffset-type", lambda: timezone.utc.utcoffset(3))
attempt("tz-tzname-type", lambda: timezone.utc.tzname("x"))


class NoDst(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=3)

    def dst(self, dt):
        return None


attempt("fromutc-nodst", lambda: datetime(2020, 1, 1, tzinfo=timezone.utc).astimezone(NoDst()))


class BadOffset(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=25)


class WrongType(tzinfo):
    def utcoffset(self, dt):
        return 60

    def tzname(self, dt):
        return 5


attempt("bad-offset", lambda: datetime(2020, 1, 1, tzinfo=BadOffset()).utcoffset())
attempt("wrong-type", lambda: datetime(2020, 1, 1, tzinfo=WrongType()).utcoffset())
attempt("wrong-tzname", lambda: datetime(2020, 1, 1, tzinfo=WrongType()).tzname())
attempt("time-wrong-type", lambda: time(1, tzinfo=WrongType()).utcoffset())
attempt("subsecond-offset", lambda: timezone(timedelta(microseconds=5)).tzname(None))
print(timezone(timedelta(seconds=5)), timezone(timedelta(hours=-1, seconds=-5, microseconds=-7)), repr(timezone(timedelta(0))), repr(timezone(timedelta(0), "Z")))
attempt("tzname-type", lambda: timezone(timedelta(0), 5))
attempt("tz-eq", lambda: (timezone(timedelta(0)) == timezone.utc, timezone(timedelta(0), "A") == timezone(timedelta(0), "B"), timezone.utc == 5))
print(hash(timezone(timedelta(0))) == hash(timezone.utc), repr(timezone.min), repr(timezone.max))
print(datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=5, minutes=30, seconds=15))).isoformat())
print(datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=-5, microseconds=-15))).strftime("%z|%Z"))
print(time(1, tzinfo=timezone(timedelta(hours=1))).isoformat(), time(23, 59, 59, 999999).isoformat("milliseconds"))
# pickle and copy round trips
things = [timedelta(1, 2, 3), date(2020, 2, 29), time(1, 2, 3, 4, timezone.utc, fold=1),
          datetime(2020, 1, 2, 3, 4, 5, 6, timezone(timedelta(hours=2), "X"), fold=1),
          timezone.utc, timezone(timedelta(minutes=-30))]
for obj in things:
    for proto in (0, 2, 4):
        back = pickle.loads(pickle.dumps(obj, proto))
        assert back == obj and type(back) is type(obj), (obj, proto)
    print(repr(copy.copy(obj)), repr(copy.deepcopy(obj)), getattr(pickle.loads(pickle.dumps(obj)), "fold", "-"))
print(timezone.utc.__reduce__() if False else type(pickle.loads(pickle.dumps(E))).__name__)
print(repr(pickle.loads(pickle.dumps(date(2020, 1, 1).isocalendar()))), repr(date(2020, 1, 1).isocalendar()), date(2020, 1, 1).isocalendar()[0], tuple(date(2021, 1, 3).isocalendar()))
# arithmetic errors
attempt("date+int", lambda: date(2020, 1, 1) + 1, True)
attempt("int+date", lambda: 1 + date(2020, 1, 1), True)
attempt("date-int", lambda: date(2020, 1, 1) - 1, True)
attempt("td+int", lambda: timedelta(1) + 1, True)
attempt("td*td", lambda: timedelta(1) * timedelta(1), True)
attempt("td/0", lambda: timedelta(1) / 0)
attempt("td//0", lambda: timedelta(1) // 0)
attempt("td/td0", lambda: timedelta(1) / timedelta(0))
attempt("td%0", lambda: timedelta(1) % timedelta(0))
attempt("td<int", lambda: timedelta(1) < 1, True)
attempt("date<int", lambda: date(2020, 1, 1) < 1, True)
attempt("time<int", lambda: time() < 1, True)
attempt("dt<int", lambda: datetime(2020, 1, 1) < 1, True)
attempt("time+td", lambda: time(1) + timedelta(1), True)
attempt("dt+dt", lambda: datetime(2020, 1, 1) + datetime(2020, 1, 1), True)
attempt("date-dt", lambda: date(2020, 1, 1) - datetime(2020, 1, 1), True)
attempt("dt-date", lambda: datetime(2020, 1, 1) - date(2020, 1, 1), True)
attempt("min-1", lambda: date.min - timedelta(1))
attempt("td-overflow", lambda: timedelta.max + timedelta(1))
attempt("td-mul-overflow", lambda: timedelta.max * 2)
attempt("td*nan", lambda: timedelta(1) * float("nan"))
attempt("td/inf", lambda: timedelta(1) / float("inf"))
attempt("td-float-overflow", lambda: timedelta(seconds=1e20))
attempt("td-nan", lambda: timedelta(seconds=float("nan")))
print(timedelta(1) * 2.5, 0.5 * timedelta(1), timedelta(1) // 3, timedelta(seconds=7) / 2, timedelta(hours=3) % timedelta(hours=2), -timedelta(hours=3) % timedelta(hours=2))
print(repr(timedelta(days=-1, seconds=86399, microseconds=999999)), repr(timedelta(seconds=-1)), repr(timedelta(weeks=1.5)), repr(timedelta(days=0.1, seconds=0.2, microseconds=0.3)))
print(timedelta(days=1.5, hours=-12), timedelta(microseconds=0.5), timedelta(microseconds=-0.5), timedelta(seconds=1, microseconds=-1), timedelta(milliseconds=-1.0005))
print(timedelta(1).total_seconds(), timedelta(microseconds=1).total_seconds(), timedelta(days=10**6, microseconds=1).total_seconds())
print(timedelta.resolution, repr(timedelta.min), repr(timedelta.max), timedelta(1) != timedelta(2), timedelta(0) == False)
attempt("td-days-range", lambda: timedelta(days=1000000000))
attempt("td-kw", lambda: timedelta(year=1))
attempt("td-type2", lambda: timedelta(seconds="1"))
attempt("td-type3", lambda: timedelta(microseconds=[]))
# constructor errors
attempt("date-type", lambda: date("2020", 1, 1))
attempt("date-none", lambda: date(2020, None, 1))
attempt("date-missing", lambda: date(2020))
attempt("date-month0", lambda: date(2020, 0, 1))
attempt("date-year", lambda: date(10000, 1, 1))
attempt("date-day0", lambda: date(2020, 1, 0))
attempt("time-minute", lambda: time(1, 60))
attempt("time-second", lambda: time(1, 1, 60))
attempt("time-micro", lambda: time(1, 1, 1, 1000000))
attempt("time-fold", lambda: time(fold=2))
attempt("time-tz", lambda: time(tzinfo=1))
attempt("time-hour-neg", lambda: time(-1))
attempt("dt-float", lambda: datetime(2020, 1, 1, 1.5))
attempt("dt-fold", lambda: datetime(2020, 1, 1, fold=-1))
attempt("date-index", lambda: date(True, 2, 3))


class Idx:
    def __index__(self):
        return 7


attempt("date-__index__", lambda: date(2020, Idx(), Idx()))
attempt("fromordinal-big", lambda: date.fromordinal(3652060))
attempt("fromordinal-max", lambda: date.fromordinal(3652059))
attempt("fromordinal-type", lambda: date.fromordinal(1.0))
attempt("fromisocal-week", lambda: date.fromisocalendar(2020, 54, 1))
attempt("fromisocal-day", lambda: date.fromisocalendar(2020, 1, 8))
attempt("fromisocal-year", lambda: date.fromisocalendar(0, 1, 1))
attempt("fromisocal-type", lambda: date.fromisocalendar(2020, "1", 1))
print(date.fromisocalendar(2004, 53, 7), date.fromisocalendar(2020, 1, 1), date(2008, 12, 29).isocalendar(), date(2010, 1, 3).isocalendar())
# replace
attempt("replace-bad", lambda: date(2020, 1, 31).replace(month=2))
attempt("replace-kw", lambda: date(2020, 1, 1).replace(hour=1))
attempt("replace-pos", lambda: datetime(2020, 1, 1).replace(2021, 2, 3, 4, 5, 6, 7, timezone.utc))
attempt("time-replace", lambda: time(1, 2, 3, 4, timezone.utc).replace(tzinfo=None))
attempt("time-replace-fold", lambda: time(1).replace(fold=1).fold)
attempt("dt-replace-tz", lambda: datetime(2020, 1, 1, tzinfo=timezone.utc).replace(tzinfo=None))
# subclasses and alternate constructors
class MyDate(date):
    def __new__(cls, y, m, d, extra="e"):
        self = super().__new__(cls, y, m, d)
        self.extra = extra
        return self


class MyTime(time):
    pass


class MyTD(timedelta):
    pass


print(repr(MyDate(2020, 1, 1)), repr(MyTime(1, 2)), repr(MyTD(1)), MyTD(1) + MyTD(1), type(MyTD(1) + MyTD(1)).__name__, type(-MyTD(1)).__name__)
print(type(MyDate.fromordinal(5)).__name__, type(MyDate.today()).__name__, type(MyDate.fromisoformat("2020-01-01")).__name__, MyDate.fromordinal(5).extra)
print(type(MyDate(2020, 1, 1) + timedelta(1)).__name__, type(MyDate(2020, 1, 1).replace(day=3)).__name__, type(MyTime(1).replace(hour=2)).__name__)


class MyDT(datetime):
    pass


print(type(MyDT.combine(date(2020, 1, 1), time(1))).__name__, type(MyDT.strptime("2020", "%Y")).__name__, type(MyDT.utcfromtimestamp(0)).__name__,
      type(MyDT(2020, 1, 1) - timedelta(1)).__name__, type(MyDT(2020, 1, 1, tzinfo=timezone.utc).astimezone(timezone.utc)).__name__,
      type(MyDT.fromtimestamp(0, timezone.utc)).__name__, type(MyDT(2020, 1, 1).date()).__name__)
print(repr(MyDT(2020, 1, 1, 1, 1, 1, 1, timezone.utc, fold=1)))
# comparisons across types and orderings
print(date(2020, 1, 1) == "x", time(1) != None, datetime(2020, 1, 1) != date(2020, 1, 1), timedelta(1) == timedelta(hours=24))
print(sorted([time(3), time(1, 30), time(1)]), max(timedelta(-1), timedelta(0)), min(date.max, date.min))
print(time(12, tzinfo=timezone(timedelta(hours=1))) == time(11, tzinfo=timezone.utc), time(12, tzinfo=timezone(timedelta(hours=1))) < time(11, 30, tzinfo=timezone.utc))
print(hash(time(12, tzinfo=timezone(timedelta(hours=1)))) == hash(time(11, tzinfo=timezone.utc)), hash(time(1)) == hash(time(1, fold=1)))
print(datetime(2020, 1, 1, tzinfo=timezone.utc) == datetime(2020, 1, 1, 1, tzinfo=timezone(timedelta(hours=1))), bool(time(0)), bool(time(0, tzinfo=timezone.utc)))
# formatting
d = datetime(2009, 7, 8, 9, 10, 11, 12000)
for ts in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
    print(ts, d.isoformat(timespec=ts), d.replace(microsecond=0).isoformat(timespec=ts), d.time().isoformat(ts))
print(d.isoformat(" "), d.isoformat("\u00e9"), str(d.replace(microsecond=0)), f"{d:%Y-%m-%d %% %f}", format(d, ""), format(d.date(), ""), format(d.time(), ""))
attempt("format-type", lambda: format(d, 5))
attempt("strftime-type", lambda: d.strftime(5))
attempt("isoformat-sep-type", lambda: d.isoformat(5))
print(date(1, 1, 1).ctime(), datetime(9999, 12, 31, 23, 59, 59).ctime(), date(1, 1, 1).strftime("%Y|%y|%C|%G"), time(13).strftime("%I %p %H %M"))
print(d.strftime("%z|%Z|%%z|%f|%%f"), time(1, 2, 3, 456).strftime("%f %X"), d.utctimetuple(), d.timetuple().tm_isdst, datetime(2020, 1, 1, tzinfo=E).timetuple().tm_isdst, datetime(2020, 7, 1, tzinfo=E).timetuple().tm_isdst)
print(datetime(2020, 7, 1, 12, tzinfo=E).utctimetuple())
attempt("utctimetuple-min", lambda: datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))).utctimetuple())
# fromisoformat variety
for s in ["2020-01-01T10", "2020-01-01T1020", "2020-01-01T10:20:30,5", "2020-01-01T10:20:30.1", "2020-01-01 10:20:30.12345+05", "2020-01-01T10:20:30-0530",
          "2020-01-01T10:20:30+05:30:15", "2020-01-01T10:20:30+05:30:15.5", "2020-01-01T24:00", "2020-01-01T10:20:30.123456789123Z", "2020-W01", "2020W01", "2020-001", "2020001",
          "2020-01-01T10:20:30.1234567+02:00", "2020-01-01T00:00:00+00:00"]:
    attempt(s, lambda: datetime.fromisoformat(s))
for s in ["", "2020", "2020-01-01T", "2020-01-01T10:2", "2020-01-01T10:20:3", "2020-01-01T10:20:30.", "2020-13-01", "2020-01-01T10:20+25:00",
          "2020-01-01T10:20:30+05:3", "2020-01-01T10:20:30Z+05", "2020-0101", "202001-01", "2020-01-01T10:20:30.abc", "2020-W54-1", "2020-W01-8"]:
    attempt(repr(s), lambda: datetime.fromisoformat(s))
for s in ["10", "1020", "10:20:30.5+01", "25:00", "10:20:30.5 ", "T10:20", "10:20:30+24:00", "10:20:30-00:00", "10:20Z"]:
    attempt("time " + s, lambda: time.fromisoformat(s))
attempt("time-iso-type", lambda: time.fromisoformat(5))
attempt("date-iso-long", lambda: date.fromisoformat("2020-01-01T00"))
attempt("dt-iso-type", lambda: datetime.fromisoformat(None))
print(MINYEAR, MAXYEAR, sorted(dtmod.__all__))
print(date.__module__, timezone.__module__, type(date(2020, 1, 1).isocalendar()).__name__, dtmod.UTC is timezone.utc)
print(datetime.max - datetime.min, date.max - date.min, datetime.max.timetuple(), time.resolution, datetime.min.replace(tzinfo=timezone.utc).isoformat())
print(timedelta(days=-3, hours=5).days, timedelta(days=-3, hours=5).seconds, divmod(timedelta(hours=-5), timedelta(hours=2)), timedelta(hours=5) // timedelta(hours=-2))
print(abs(timedelta(days=-1, seconds=1)), +timedelta(1), timedelta(1) / 1.5, timedelta(microseconds=3) / 2, timedelta(microseconds=5) / 2, timedelta(microseconds=-5) / 2, timedelta(microseconds=7) // 2)
