# calendar: layouts with every first weekday and width, the Calendar
# iterators at the ends of datetime's range, the names, the date helpers
# and their errors, locale calendars, and the `python -m calendar` command
# line (through calendar.main).
import calendar
import sys

sys.argv[0] = "calendar.py"


def attempt(label, call):
    try:
        result = call()
    except (Exception, SystemExit) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", repr(result))


print("--- text pieces")
t = calendar.TextCalendar()
print(repr(t.formatmonth(2024, 2, 1, 0)), repr(t.formatmonth(2024, 2, 9, 1)))
for width in (1, 2, 3, 4, 8, 9, 10):
    print(width, repr(t.formatweekheader(width)), repr(t.formatweekday(0, width)))
print(repr(t.formatweek([(0, 0), (1, 1), (12, 2)], 2)), repr(t.formatweek([(0, 0), (31, 1)], 1)))
for day, width in ((0, 3), (5, 3), (7, 1), (17, 1), (7, 4), (7, 5)):
    print(repr(t.formatday(day, 0, width)), end=" ")
print()
print(repr(t.formatmonthname(2024, 2, 20)), repr(t.formatmonthname(2024, 2, 20, False)),
      repr(t.formatmonthname(2024, 1, 3)))
print(t.formatyear(2023, 3, 2, 2, 4))
print(repr(calendar.TextCalendar(6).formatyear(2024, 0, 0, 0, 5)))
print(calendar.TextCalendar(6).formatyear(2025, 2, 1, 3, 12))
print(calendar.TextCalendar(3).formatyear(2026, 2, 1, 6, 1)[:500])
t.prweek([(1, 0), (2, 1), (0, 2)], 2)
t.prmonth(2024, 1)
print("|")
t.pryear(2021, 2, 1, 2, 6)
print("|")
calendar.prweek([(1, 0)], 3)
print("|")
calendar.format(["a", "bb"], 5, 2)
print(repr(calendar.formatstring(["a", "bb"], 5, 2)), repr(calendar.formatstring(["a", "b"])))

print("--- HTML")
h = calendar.HTMLCalendar(2)
print(h.formatday(0, 1), h.formatday(5, 6), h.formatweekday(3), h.formatweekheader())
print(h.formatmonthname(2024, 2), h.formatmonthname(2024, 2, False))
print(h.formatmonth(2024, 3, withyear=False))
for width in (5, 1, 0, 12):
    print(width, h.formatyear(2024, width)[:200], len(h.formatyear(2024, width)))
page = h.formatyearpage(2024)
print(type(page).__name__, page[:420].decode(), page[-120:].decode())
print(h.formatyearpage(2024, 4, None, "ascii")[:300].decode())


class Styled(calendar.HTMLCalendar):
    cssclasses = ["a", "b", "c", "d", "e", "f", "g"]
    cssclass_noday = "none"
    cssclass_month_head = "mh"
    cssclass_year = "yr"


print(Styled().formatmonth(2024, 4)[:330])
print(Styled().formatyear(2024, 6)[:120])
print(calendar.HTMLCalendar.cssclasses, calendar.HTMLCalendar.cssclasses_weekday_head,
      calendar.HTMLCalendar.cssclass_year_head)

print("--- Calendar")
for fw in (0, 6):
    for year, month in ((1, 1), (9999, 12)):
        cal = calendar.Calendar(fw)
        for method in ("itermonthdates", "itermonthdays3", "itermonthdays", "itermonthdays2",
                       "itermonthdays4", "monthdatescalendar"):
            attempt(f"{fw} {year}-{month} {method}",
                    lambda: (lambda r: (r[:2], r[-2:], len(r)))(list(getattr(cal, method)(year, month))))
c7 = calendar.Calendar(7)
print(c7.getfirstweekday(), c7.firstweekday, list(c7.iterweekdays()))
c7.firstweekday = -1
print(c7.getfirstweekday(), list(c7.iterweekdays()))
c7.setfirstweekday(10)
print(c7.firstweekday)
base = calendar.Calendar()
print(base.yeardayscalendar(2024, 5)[2][1][:2], len(base.yeardays2calendar(2024, 4)),
      base.yeardatescalendar(2024, 12)[0][11][-1], len(base.yeardayscalendar(2024, 7)),
      [len(row) for row in base.yeardayscalendar(2024, 5)])
print(base.monthdays2calendar(2024, 2)[0], calendar.Calendar(6).monthdayscalendar(2024, 2))

print("--- helpers")
for bad in (0, 13, -1, "x"):
    try:
        calendar.monthrange(2024, bad)
    except Exception as e:
        print(type(e).__name__, e, repr(e), e.args, getattr(e, "month", None))
for bad in (7, -1, "x"):
    try:
        calendar.setfirstweekday(bad)
    except Exception as e:
        print(type(e).__name__, e, repr(e), e.args, getattr(e, "weekday", None))
print(calendar.IllegalMonthError.__mro__[1], calendar.IllegalWeekdayError.__mro__[1], calendar.error)
print(calendar.weekday(2024, 2, 29), calendar.weekday(10000, 1, 1), calendar.weekday(0, 1, 1),
      calendar.weekday(-400, 3, 1), calendar.weekday(12345, 6, 7), type(calendar.weekday(2024, 1, 1)).__name__)
attempt("weekday", lambda: calendar.weekday(2023, 2, 29))
print([calendar.isleap(y) for y in (1600, 1700, 1900, 2000, 2023, 2024, 0, -4)])
print(calendar.leapdays(1900, 2025), calendar.leapdays(2025, 1900), calendar.leapdays(-5, 5),
      calendar.leapdays(2000, 2001), calendar.leapdays(2001, 2001))
print(calendar.monthrange(2024, 2), calendar.monthrange(1900, 2), calendar.monthrange(2000, 2),
      calendar.monthrange(10000, 2))
print(calendar.timegm((2024, 2, 29, 12, 30, 15)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)),
      calendar.timegm((2024, 1, 40, 25, 61, 61)), calendar.timegm((1, 1, 1, 0, 0, 0)))
attempt("timegm month 13", lambda: calendar.timegm((2024, 13, 1, 0, 0, 0)))
attempt("timegm short", lambda: calendar.timegm((2024, 1)))
print(calendar.month_name[1], calendar.month_name[-1], repr(calendar.month_name[0]),
      calendar.month_name[1:3], calendar.month_abbr[::4], len(calendar.month_name),
      len(calendar.day_abbr), list(calendar.day_abbr), calendar.day_name[-1], calendar.day_name[2:5])
attempt("month_name[13]", lambda: calendar.month_name[13])
attempt("month_name['x']", lambda: calendar.month_name["x"])
attempt("day_abbr[7]", lambda: calendar.day_abbr[7])
print(type(calendar.month_name).__name__, type(calendar.day_name).__name__,
      calendar.month_name.format, calendar.day_abbr.format, list(calendar.month_abbr))
print(calendar.mdays, calendar.EPOCH, calendar.January, calendar.February,
      [calendar.MONDAY, calendar.SUNDAY], calendar.firstweekday())
print(calendar.monthcalendar(2024, 2), repr(calendar.week([(1, 0), (2, 1)], 3)),
      repr(calendar.weekheader(3)))
print(type(calendar.c).__name__, calendar.month.__name__, calendar.calendar.__name__,
      calendar.prcal.__name__, calendar.monthcalendar.__self__ is calendar.c)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.month(2024, 2), calendar.monthcalendar(2024, 2)[0])
calendar.setfirstweekday(0)
print(sorted(calendar.__all__))

print("--- locales")
lt = calendar.LocaleTextCalendar(locale="C")
print(lt.locale, repr(lt.formatweekday(1, 3)), repr(lt.formatmonthname(2024, 3, 12)))
print(lt.formatmonth(2024, 3))
lh = calendar.LocaleHTMLCalendar(6, locale="C")
print(lh.locale, lh.firstweekday, lh.formatweekday(1), lh.formatmonthname(2024, 3))
print(lh.formatmonth(2024, 3)[:250])
print(isinstance(lt, calendar.TextCalendar), isinstance(lh, calendar.HTMLCalendar))
with calendar.different_locale("C") as inside:
    print(inside, calendar.month_name[5])

print("--- command line")
for args in (["2024", "2"], ["-w", "3", "-l", "2", "2024", "2"], ["-s", "2", "-m", "4", "2023"],
             ["2024"], ["-t", "html", "2024"], ["-t", "html", "-c", "my.css", "-e", "ascii", "2022"],
             ["-e", "ascii", "2024", "7"], ["-t", "html", "2024", "2"], ["2024", "2", "3"],
             ["-L", "C", "2024"], ["x"], ["-t", "foo"], ["-w"], ["2024", "13"]):
    sys.stdout.flush()
    try:
        calendar.main(["calendar.py"] + args)
    except SystemExit as e:
        print("exit", e.code)
    except Exception as e:
        print(type(e).__name__, e)
    sys.stdout.flush()
    print("|", args)
