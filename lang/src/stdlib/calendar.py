# `calendar`: month and year calendars as text and HTML, the weeks of a
# month as lists, and a few date helpers (leap years, weekdays, timegm).
#
# `Calendar` works out which days fill the weeks of a month: the days of
# the previous month before the 1st, the month, the days of the next month
# after its last day, in whole weeks from `firstweekday`. The text and HTML
# calendars render those weeks through small overridable methods (a day, a
# week, a weekday name, a month name), which the month and year layouts
# call. The module functions are bound methods of one TextCalendar.

import datetime
import locale as _locale
import sys

__all__ = ["IllegalMonthError", "IllegalWeekdayError", "setfirstweekday", "firstweekday", "isleap",
           "leapdays", "weekday", "monthrange", "monthcalendar", "prmonth", "month", "prcal",
           "calendar", "timegm", "month_name", "month_abbr", "day_name", "day_abbr", "Calendar",
           "TextCalendar", "HTMLCalendar", "LocaleTextCalendar", "LocaleHTMLCalendar", "weekheader",
           "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return f"bad month number {self.month!r}; must be 1-12"


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return f"bad weekday number {self.weekday!r}; must be 0 (Monday) to 6 (Sunday)"


MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
January = 1
February = 2

# Days per month in a common year (index 0 unused).
mdays = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

EPOCH = 1970
_EPOCH_ORD = datetime.date(EPOCH, 1, 1).toordinal()


# -- names --------------------------------------------------------------------------

class _Names:
    """A sequence of names made on demand with `strftime(format)`, so they
    follow the LC_TIME locale of the moment. Indexing goes through a list
    of the numbers named, which gives list indexing's slices and errors."""

    _numbers = ()

    def __init__(self, format):
        self.format = format

    def __getitem__(self, index):
        chosen = self._numbers[index]
        if isinstance(index, slice):
            return [self._name(number) for number in chosen]
        return self._name(chosen)

    def __len__(self):
        return len(self._numbers)


class _localized_month(_Names):
    """The month names ("%B" or "%b"), index 0 being ""."""

    _numbers = list(range(13))

    def _name(self, number):
        return datetime.date(2001, number, 1).strftime(self.format) if number else ""


class _localized_day(_Names):
    """The weekday names ("%A" or "%a"), Monday first."""

    _numbers = list(range(7))

    def _name(self, number):
        # 2001-01-01 was a Monday.
        return datetime.date(2001, 1, 1 + number).strftime(self.format)


day_name = _localized_day("%A")
day_abbr = _localized_day("%a")
month_name = _localized_month("%B")
month_abbr = _localized_month("%b")


# -- date helpers -------------------------------------------------------------------

def isleap(year):
    """Whether `year` is a leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _leap_years_through(year):
    """The number of leap years from year 1 to `year` (negative below 1)."""
    return year // 4 - year // 100 + year // 400


def leapdays(y1, y2):
    """The number of leap years in `range(y1, y2)` (negative when y2 < y1)."""
    return _leap_years_through(y2 - 1) - _leap_years_through(y1 - 1)


def weekday(year, month, day):
    """The weekday (0 is Monday) of a date; years outside datetime's range
    are taken in the same place of the 400-year cycle."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        year = 2000 + year % 400
    return datetime.date(year, month, day).weekday()


def _days_in(year, month):
    return mdays[month] + (month == February and isleap(year))


def monthrange(year, month):
    """`(weekday of the 1st, number of days)` of a month."""
    if not 1 <= month <= 12:
        raise IllegalMonthError(month)
    return weekday(year, month, 1), _days_in(year, month)


def _month_before(year, month):
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _month_after(year, month):
    return (year, month + 1) if month < 12 else (year + 1, 1)


def timegm(tuple):
    """Seconds since the epoch for a UTC time tuple (the inverse of
    `time.gmtime`)."""
    year, month, day, hour, minute, second = tuple[:6]
    days = datetime.date(year, month, 1).toordinal() - _EPOCH_ORD + day - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


# -- the weeks of a month -----------------------------------------------------------

def _weeks(items):
    return [items[start:start + 7] for start in range(0, len(items), 7)]


class Calendar:
    """The weeks of months and years, starting on `firstweekday` (0 is
    Monday, 6 Sunday)."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._firstweekday % 7

    def setfirstweekday(self, firstweekday):
        self._firstweekday = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday)

    def iterweekdays(self):
        """The weekday numbers of one week, in this calendar's order."""
        first = self.firstweekday
        return (day % 7 for day in range(first, first + 7))

    def _days_shown(self, year, month):
        """`(year, month, day, weekday, in_month)` for every day of the
        month's weeks: the previous month's days that open the first week,
        the month, the next month's days that close the last week."""
        first, length = monthrange(year, month)
        before = (first - self.firstweekday) % 7
        after = -(before + length) % 7
        prev_year, prev_month = _month_before(year, month)
        prev_length = _days_in(prev_year, prev_month)
        next_year, next_month = _month_after(year, month)
        shown = ([(prev_year, prev_month, day, False)
                  for day in range(prev_length - before + 1, prev_length + 1)]
                 + [(year, month, day, True) for day in range(1, length + 1)]
                 + [(next_year, next_month, day, False) for day in range(1, after + 1)])
        for position, (y, m, d, in_month) in enumerate(shown, self.firstweekday):
            yield y, m, d, position % 7, in_month

    def itermonthdays(self, year, month):
        """The days of the month's weeks: the day number, 0 outside it."""
        return (d if in_month else 0 for _, _, d, _, in_month in self._days_shown(year, month))

    def itermonthdays2(self, year, month):
        """`(day, weekday)` for the month's weeks, day 0 outside it."""
        return ((d if in_month else 0, wd)
                for _, _, d, wd, in_month in self._days_shown(year, month))

    def itermonthdays3(self, year, month):
        """`(year, month, day)` for every day of the month's weeks, the
        neighbouring months' days included."""
        return ((y, m, d) for y, m, d, _, _ in self._days_shown(year, month))

    def itermonthdays4(self, year, month):
        """`(year, month, day, weekday)` for every day of the month's weeks."""
        return ((y, m, d, wd) for y, m, d, wd, _ in self._days_shown(year, month))

    def itermonthdates(self, year, month):
        """A `datetime.date` for every day of the month's weeks."""
        return (datetime.date(y, m, d) for y, m, d, _, _ in self._days_shown(year, month))

    def monthdatescalendar(self, year, month):
        return _weeks(list(self.itermonthdates(year, month)))

    def monthdays2calendar(self, year, month):
        return _weeks(list(self.itermonthdays2(year, month)))

    def monthdayscalendar(self, year, month):
        return _weeks(list(self.itermonthdays(year, month)))

    def _year_rows(self, weeks_of, year, width):
        months = [weeks_of(year, number) for number in range(January, January + 12)]
        return [months[start:start + width] for start in range(0, 12, width)]

    def yeardatescalendar(self, year, width=3):
        """The year's months as `monthdatescalendar` gives them, in rows of
        `width` months."""
        return self._year_rows(self.monthdatescalendar, year, width)

    def yeardays2calendar(self, year, width=3):
        return self._year_rows(self.monthdays2calendar, year, width)

    def yeardayscalendar(self, year, width=3):
        return self._year_rows(self.monthdayscalendar, year, width)


# -- text ---------------------------------------------------------------------------

_colwidth = 7 * 3 - 1
_spacing = 6


def formatstring(cols, colwidth=_colwidth, spacing=_spacing):
    """The columns centred in `colwidth` and joined by `spacing` spaces."""
    return (" " * spacing).join(text.center(colwidth) for text in cols)


def format(cols, colwidth=_colwidth, spacing=_spacing):
    print(formatstring(cols, colwidth, spacing))


class TextCalendar(Calendar):
    """Calendars as plain text. `w` is a day column's width (at least 2),
    `l` the lines each week takes (at least 1), `c` the spaces between
    months and `m` the months in a row of a year."""

    def formatday(self, day, weekday, width):
        return ("" if day == 0 else f"{day:2d}").center(width)

    def formatweek(self, theweek, width):
        return " ".join(self.formatday(day, wd, width) for day, wd in theweek)

    def prweek(self, theweek, width):
        print(self.formatweek(theweek, width), end="")

    def formatweekday(self, day, width):
        """A weekday's name cut to `width` (the full name from width 9)."""
        names = day_name if width >= 9 else day_abbr
        return names[day][:width].center(width)

    def formatweekheader(self, width):
        return " ".join(self.formatweekday(day, width) for day in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        title = month_name[themonth]
        if withyear:
            title = f"{title} {theyear!r}"
        return title.center(width)

    def formatmonth(self, theyear, themonth, w=0, l=0):
        w, l = max(2, w), max(1, l)
        rows = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1), self.formatweekheader(w)]
        rows += [self.formatweek(week, w) for week in self.monthdays2calendar(theyear, themonth)]
        return "".join(row.rstrip() + "\n" * l for row in rows)

    def prmonth(self, theyear, themonth, w=0, l=0):
        print(self.formatmonth(theyear, themonth, w, l), end="")

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """The year's months side by side, `m` to a row."""
        w, l, c = max(2, w), max(1, l), max(2, c)
        column = 7 * (w + 1) - 1
        newlines = "\n" * l

        def line(cells):
            return formatstring(cells, column, c).rstrip() + newlines

        text = [repr(theyear).center(column * m + c * (m - 1)).rstrip() + newlines]
        header = self.formatweekheader(w)
        for row_number, row in enumerate(self.yeardays2calendar(theyear, m)):
            first_month = January + row_number * m
            text.append(newlines)
            text.append(line([self.formatmonthname(theyear, number, column, False)
                              for number in range(first_month, first_month + len(row))]))
            text.append(line([header] * len(row)))
            for index in range(max(len(weeks) for weeks in row)):
                text.append(line([self.formatweek(weeks[index], w) if index < len(weeks) else ""
                                  for weeks in row]))
        return "".join(text)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        print(self.formatyear(theyear, w, l, c, m), end="")


# -- HTML ---------------------------------------------------------------------------

class HTMLCalendar(Calendar):
    """Calendars as HTML tables; the class attributes name the CSS classes
    used."""

    cssclasses = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    cssclasses_weekday_head = cssclasses
    cssclass_noday = "noday"
    cssclass_month_head = "month"
    cssclass_month = "month"
    cssclass_year_head = "year"
    cssclass_year = "year"

    def formatday(self, day, weekday):
        css = self.cssclass_noday if day == 0 else self.cssclasses[weekday]
        return _cell("td", css, day or "&nbsp;")

    def formatweek(self, theweek):
        return _row(self.formatday(day, wd) for day, wd in theweek)

    def formatweekday(self, day):
        return _cell("th", self.cssclasses_weekday_head[day], day_abbr[day])

    def formatweekheader(self):
        return _row(map(self.formatweekday, self.iterweekdays()))

    def formatmonthname(self, theyear, themonth, withyear=True):
        title = f"{month_name[themonth]} {theyear}" if withyear else month_name[themonth]
        return _row([_cell("th", self.cssclass_month_head, title, ' colspan="7"')])

    def formatmonth(self, theyear, themonth, withyear=True):
        weeks = self.monthdays2calendar(theyear, themonth)
        return _TABLE.format(
            css=self.cssclass_month,
            rows="".join(line + "\n" for line in [
                self.formatmonthname(theyear, themonth, withyear=withyear),
                self.formatweekheader(),
                *map(self.formatweek, weeks)]))

    def formatyear(self, theyear, width=3):
        """The year as a table of month tables, `width` to a row."""
        width = max(width, 1)
        title = _row([_cell("th", self.cssclass_year_head, theyear, f' colspan="{width}"')])
        months = [f"<td>{self.formatmonth(theyear, number, withyear=False)}</td>"
                  for number in range(January, January + 12)]
        rows = (_row(months[start:start + width]) for start in range(0, 12, width))
        return _TABLE.format(css=self.cssclass_year, rows=title + "".join(rows)).rstrip("\n")

    def formatyearpage(self, theyear, width=3, css="calendar.css", encoding=None):
        """A whole XHTML page with the year, as bytes in `encoding`."""
        if encoding is None:
            encoding = sys.getdefaultencoding()
        stylesheet = "" if css is None else _STYLESHEET.format(css=css)
        page = _PAGE.format(encoding=encoding, stylesheet=stylesheet, year=theyear,
                            body=self.formatyear(theyear, width))
        return page.encode(encoding, "xmlcharrefreplace")


def _cell(tag, css_class, content, attributes=""):
    return f'<{tag}{attributes} class="{css_class}">{content}</{tag}>'


def _row(cells):
    return "<tr>" + "".join(cells) + "</tr>"


_TABLE = '<table border="0" cellpadding="0" cellspacing="0" class="{css}">\n{rows}</table>\n'
_STYLESHEET = '<link rel="stylesheet" type="text/css" href="{css}" />\n'
_PAGE = """\
<?xml version="1.0" encoding="{encoding}"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={encoding}" />
{stylesheet}<title>Calendar for {year}</title>
</head>
<body>
{body}</body>
</html>
"""


# -- names in another locale --------------------------------------------------------

class different_locale:
    """A context in which LC_TIME is `locale` (the names follow it)."""

    def __init__(self, locale):
        self.locale = locale

    def __enter__(self):
        self.oldlocale = _locale.getlocale(_locale.LC_TIME)
        _locale.setlocale(_locale.LC_TIME, self.locale)

    def __exit__(self, *exc_info):
        _locale.setlocale(_locale.LC_TIME, self.oldlocale)


def _get_default_locale():
    """The LC_TIME locale to name things in: the one set, or when none is
    (it is "C"), the one the environment asks for."""
    current = _locale.setlocale(_locale.LC_TIME, None)
    if current != "C":
        return current
    with different_locale(""):
        return _locale.setlocale(_locale.LC_TIME, None)


class _NamesInLocale:
    """Makes a calendar's weekday and month names in `locale`."""

    def __init__(self, firstweekday=0, locale=None):
        super().__init__(firstweekday)
        self.locale = _get_default_locale() if locale is None else locale

    def formatweekday(self, *args):
        with different_locale(self.locale):
            return super().formatweekday(*args)

    def formatmonthname(self, *args, **kwargs):
        with different_locale(self.locale):
            return super().formatmonthname(*args, **kwargs)


class LocaleTextCalendar(_NamesInLocale, TextCalendar):
    """A TextCalendar naming weekdays and months in `locale`."""


class LocaleHTMLCalendar(_NamesInLocale, HTMLCalendar):
    """An HTMLCalendar naming weekdays and months in `locale`."""


# -- the module's calendar ----------------------------------------------------------

c = TextCalendar()

monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear


def firstweekday():
    return c.getfirstweekday()


def setfirstweekday(firstweekday):
    """Sets the first weekday of the module's calendar (0 is Monday)."""
    if not MONDAY <= firstweekday <= SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.firstweekday = firstweekday


# -- python -m calendar -------------------------------------------------------------

def _command_line():
    import argparse
    parser = argparse.ArgumentParser()
    text_group = parser.add_argument_group("text only arguments")
    html_group = parser.add_argument_group("html only arguments")
    for flag, name, default, meaning in (
            ("-w", "width", 2, "width of date column"),
            ("-l", "lines", 1, "number of lines for each week"),
            ("-s", "spacing", 6, "spacing between months"),
            ("-m", "months", 3, "months per row")):
        text_group.add_argument(flag, f"--{name}", type=int, default=default,
                                help=f"{meaning} (default {default})")
    html_group.add_argument("-c", "--css", default="calendar.css", help="CSS to use for page")
    parser.add_argument("-L", "--locale", default=None,
                        help="locale to use for month and weekday names")
    parser.add_argument("-e", "--encoding", default=None, help="encoding to use for output")
    parser.add_argument("-t", "--type", default="text", choices=("text", "html"),
                        help="output type (text or html)")
    parser.add_argument("year", nargs="?", type=int, help="year number (1-9999)")
    parser.add_argument("month", nargs="?", type=int, help="month number (1-12, text only)")
    return parser


def _write_bytes(data):
    binary = getattr(sys.stdout, "buffer", None)
    if binary is not None:
        binary.write(data)
        return
    # towel's console stream has no binary layer: the bytes go to its
    # descriptor, after what the stream holds.
    import os
    sys.stdout.flush()
    os.write(sys.stdout.fileno(), data)


def main(args):
    """`python -m calendar [options] [year] [month]`: prints a year's (or a
    month's) calendar as text, or a year's as an HTML page."""
    parser = _command_line()
    options = parser.parse_args(args[1:])
    if options.locale and not options.encoding:
        parser.error("if --locale is specified --encoding is required")
    named_in = (options.locale, options.encoding) if options.locale else None
    year = datetime.date.today().year if options.year is None else options.year
    if options.type == "html":
        if options.month:
            parser.error("incorrect number of arguments")
        maker = HTMLCalendar if named_in is None else LocaleHTMLCalendar
        cal = maker() if named_in is None else maker(locale=named_in)
        page = cal.formatyearpage(year, css=options.css, encoding=options.encoding)
        _write_bytes(page)
        return
    cal = TextCalendar() if named_in is None else LocaleTextCalendar(locale=named_in)
    if options.month is None:
        text = cal.formatyear(year, w=options.width, l=options.lines, c=options.spacing,
                              m=options.months)
    else:
        text = cal.formatmonth(year, options.month, w=options.width, l=options.lines)
    if options.encoding:
        _write_bytes(text.encode(options.encoding))
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
