# datetime: timedelta, date, time, datetime, timezone and tzinfo subclasses: arithmetic, comparisons, formats, ISO parsing, subclasses.
import os
import time as clock
os.environ["TZ"] = "UTC"
clock.tzset()
from datetime import *
import datetime as dtmod
print(date(2020,1,1) == datetime(2020,1,1), datetime(2020,1,1) == date(2020,1,1))
try: print(date(2020,1,1) < datetime(2020,1,2))
except TypeError as e: print(e)
try: print(datetime(2020,1,1) < date(2020,1,2))
except TypeError as e: print(e)
try: timezone(timedelta(hours=24))
except ValueError as e: print(e)
except TypeError as e: print(e)
print(repr(timedelta(0)), repr(timedelta(-1)), str(timedelta(-1, 5)), repr(timedelta(microseconds=-1)))
print(datetime.min, datetime.max, time.min, time.max, date.resolution, timedelta.min, timedelta.max)
print(datetime(2020,1,1,tzinfo=timezone.utc) == datetime(2020,1,1))
try: datetime(2020,1,1,tzinfo=timezone.utc) < datetime(2020,1,1)
except TypeError as e: print(e)
try: datetime(2020,1,1,tzinfo=timezone.utc) - datetime(2020,1,1)
except TypeError as e: print(e)
try: time(1, tzinfo=timezone.utc) < time(1)
except TypeError as e: print(e)
print(time(1, tzinfo=timezone.utc) == time(1))
print(repr(timezone(timedelta(hours=1),'X')), repr(timezone.utc), str(timezone(-timedelta(minutes=90))), timezone(timedelta(seconds=1)))
class D(date): pass
print(repr(D(2020,1,1)+timedelta(1)), repr(D(2020,1,2)-D(2020,1,1)))
for args in [(2020, 2, 30), (0, 2, 3), (2020, 13, 3)]:
    try: date(*args)
    except ValueError as e: print(e)
try: time(24)
except ValueError as e: print(e)
try: datetime(2020,1,1,0,60)
except ValueError as e: print(e)
try: date(2020.0,1,1)
except TypeError as e: print(e)
try: timedelta(days=1e9)
except OverflowError as e: print(e)
try: datetime.max + timedelta(1)
except OverflowError as e: print(e)
try: date.fromisoformat('2020-1-1')
except ValueError as e: print(e)
try: date.fromisoformat(3)
except TypeError as e: print(e)
except TypeError as e: print(e)
try: datetime(2020,1,1).isoformat(timespec='x')
except ValueError as e: print(e)
print(datetime(2020,1,1).isocalendar(), date(2020,1,1).isocalendar().week)
try: datetime.strptime('x', '%Y')
except ValueError as e: print(e)
try: tzinfo().utcoffset(None)
except NotImplementedError as e: print(e)
try: date.fromordinal(0)
except ValueError as e: print(e)
# timedelta
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7, weeks=1)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds)
print(timedelta(seconds=0.5) * 3, timedelta(hours=1) / 7, timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=1) // timedelta(minutes=7))
print(timedelta(hours=1) % timedelta(minutes=7), divmod(timedelta(hours=1), timedelta(minutes=7)), -timedelta(hours=1), abs(timedelta(-3)))
print(timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(microseconds=-1.5), timedelta(0.1), timedelta(minutes=1.1))
print(timedelta(hours=1) * 0.1, timedelta(hours=1) / 0.3, 2 * timedelta(3), timedelta(3) // 2, timedelta(1) / 3)
print(hash(timedelta(1)) == hash(timedelta(hours=24)), bool(timedelta()), timedelta(1) < timedelta(2), timedelta(1) == 1)
print(str(timedelta(days=-2, seconds=3)), str(timedelta(days=3)), str(timedelta(microseconds=10)))
# date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal(), d.ctime())
print(d + timedelta(days=366), d - timedelta(1), d - date(2000, 1, 1), date.fromordinal(738000), d.replace(day=1), d.replace(year=2023, day=28))
print(d.timetuple(), d.isocalendar(), d.strftime("%A %d %B %Y %j %U %W %f %z %Z|"), format(d, "%y/%m"), f"{d}", f"{d:%d.%m}")
print(date.fromisoformat("2021-12-31"), date.fromisoformat("20211231"), date.fromisoformat("2021-W52-5"), date.fromisoformat("2021W527"), date.fromisocalendar(2020, 53, 7))
print(date.min, date.max, date(2020, 1, 1) < date(2020, 1, 2), sorted([date(2020, 5, 1), date(2019, 1, 1)]))
print(type(date.today()).__name__, type(datetime.now()).__name__)
# time
t = time(12, 30, 15, 500, tzinfo=timezone(timedelta(hours=-5)))
print(t, repr(t), t.isoformat("minutes"), t.utcoffset(), t.tzname(), t.dst(), repr(time()), repr(time(1, 2, 3)), repr(time(0, 0, fold=1)))
print(time.fromisoformat("12:30"), time.fromisoformat("12:30:45.123"), time.fromisoformat("T1230"), time.fromisoformat("12:30:45+01:00"), time.fromisoformat("12:30:45.1234567Z"))
print(t.strftime("%H|%M|%S|%f|%z|%Z|%p|%Y"), time(1) < time(2), t.replace(hour=3), time(5, 6).isoformat("milliseconds"))
# datetime
dt = datetime(2023, 11, 14, 22, 13, 20, 123456)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(" ", "seconds"), dt.date(), dt.time(), dt.timetz(), dt.ctime())
print(repr(datetime(2020, 1, 1)), repr(datetime(2020, 1, 1, 5)), repr(datetime(2020, 1, 1, 0, 0, 7)), repr(datetime(2020, 1, 1, tzinfo=timezone.utc)))
print(dt.timestamp(), datetime.fromtimestamp(1700000000.5), datetime.utcfromtimestamp(0), datetime.fromtimestamp(1700000000, timezone.utc))
print(datetime.fromtimestamp(1700000000.123456789), datetime.fromtimestamp(-1.5), datetime.fromtimestamp(0.0000005), datetime.fromtimestamp(0.0000015))
aware = datetime(2023, 3, 12, 1, 0, tzinfo=timezone(timedelta(hours=2), "EET"))
print(aware, aware.astimezone(timezone.utc), aware.astimezone(timezone(timedelta(hours=-3))), aware.tzname(), aware.utcoffset(), aware.dst())
print(aware.timestamp(), aware.utctimetuple(), aware.timetuple())
print(datetime.combine(date(2020, 1, 1), time(5, tzinfo=timezone.utc)), datetime.combine(date(2020, 1, 1), time(5), tzinfo=timezone.utc))
for s in ["2011-11-04", "2011-11-04T00:05:23", "2011-11-04T00:05:23Z", "20111104T000523", "2011-W01-2T00:05:23.283", "2011-11-04 00:05:23.283+00:00", "2011-11-04T00:05:23+04:00", "2011-11-04T00:05:23.123456789-02:30", "2011-11-04X12"]:
    print(repr(datetime.fromisoformat(s)))
for s in ["2011-11-0", "2011-11-04T", "2011-11-04T25:00", "2011-11-04T12:00+1"]:
    try:
        datetime.fromisoformat(s)
    except ValueError as e:
        print(e)
print(datetime.strptime("2023-11-14 22:13:20.5", "%Y-%m-%d %H:%M:%S.%f"), repr(datetime.strptime("2023-11-14 +0530", "%Y-%m-%d %z")), repr(datetime.strptime("10 UTC+0000", "%d %Z%z")))
print(dt.strftime("%Y-%m-%dT%H:%M:%S.%f %a %b %c %x %X %%"), aware.strftime("%z %Z"), datetime(5, 1, 1).strftime("%Y %G %C %y"))
print(dt + timedelta(hours=3), dt - timedelta(days=400), dt - datetime(2000, 1, 1), aware - datetime(2023, 1, 1, tzinfo=timezone.utc))
print(dt.replace(tzinfo=timezone.utc), dt.replace(microsecond=0, fold=1).fold, hash(dt) == hash(dt.replace()), hash(aware) == hash(aware.astimezone(timezone.utc)))
print(aware == aware.astimezone(timezone.utc), aware < datetime(2024, 1, 1, tzinfo=timezone.utc), {aware: 1}[aware.astimezone(timezone.utc)])
class MyDT(datetime):
    def hello(self):
        return "hi"
m = MyDT(2020, 1, 2, 3)
print(repr(m), m.hello(), type(m + timedelta(1)).__name__, type(m.replace(year=2021)).__name__, type(MyDT.now()).__name__, type(MyDT.fromisoformat("2020-01-01")).__name__)
class TZ(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=1)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return "ONE"
x = datetime(2020, 6, 1, 12, tzinfo=TZ())
print(x, x.astimezone(timezone.utc), x.tzname(), x.strftime("%Z %z"), datetime(2020, 6, 1, tzinfo=timezone.utc).astimezone(TZ()))
print(timezone.utc.utcoffset(None), timezone(timedelta(hours=5, minutes=30)).tzname(None), timezone.min, timezone.max, UTC is timezone.utc)
print(dtmod.MINYEAR, dtmod.MAXYEAR, datetime.resolution, isinstance(dt, date), issubclass(datetime, date))
print(sorted([datetime(2020, 1, 1, 5), datetime(2020, 1, 1, 3)]), max(date(2020, 1, 1), date(2021, 1, 1)))
print(datetime(2020, 1, 1).__format__(""), "{:%Y}".format(datetime(2020, 1, 1)), datetime(2020, 1, 1, 0, 0).isoformat(timespec="hours"))
try:
    datetime(2020, 1, 1).isoformat(sep="ab")
except TypeError as e:
    print(e)
try:
    timedelta("1")
except TypeError as e:
    print(e)
try:
    timezone(3)
except TypeError as e:
    print(e)
try:
    datetime(2020, 1, 1, tzinfo=3)
except TypeError as e:
    print(e)
try:
    date.fromisocalendar(2021, 53, 1)
except ValueError as e:
    print(e)
print(datetime(2021, 1, 1) - timedelta(microseconds=1), timedelta(days=999999999).days)
os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
clock.tzset()
naive = datetime(2023, 7, 1, 12)
print(naive.timestamp(), naive.astimezone(), naive.astimezone(timezone.utc), datetime.fromtimestamp(1700000000), datetime.fromtimestamp(1689000000))
print(datetime(2023, 1, 1, 12).astimezone().tzname(), datetime(2023, 1, 1, 12, tzinfo=timezone.utc).astimezone())
print(date.fromtimestamp(1700000000), repr(datetime.fromtimestamp(1699160400)), repr(datetime.fromtimestamp(1699164000)), repr(datetime.fromtimestamp(1699167600)))
print(datetime(2023, 11, 5, 1, 30).timestamp(), datetime(2023, 11, 5, 1, 30, fold=1).timestamp(), datetime(2023, 3, 12, 2, 30).timestamp())
os.environ["TZ"] = "UTC"
clock.tzset()
