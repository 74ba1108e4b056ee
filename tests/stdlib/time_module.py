# time: struct_time, gmtime/localtime/mktime, strftime/strptime (glibc directives), asctime, zones and clock info.
import os
import time
os.environ["TZ"] = "UTC"
time.tzset()
t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_zone, t.tm_gmtoff, t[0:3], len(t))
print(time.gmtime(0), time.gmtime(-86401))
print(time.gmtime(1e9 + 0.7))
print(time.asctime(t), time.ctime(0))
print(time.mktime(time.localtime(1234567890)))
print(time.localtime(1234567890))
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B %h", "%c|%x|%X", "%j %U %W %V %G %g %u %w", "%I %l %k %p %P", "%e %C %y %D %F %T %R %r", "%-d %_d %-m %-H %^a %^B %#a %0e", "%% %n %t", "%z %Z", "%s", "%Q %E %5Y", "x%"]:
    print(repr(time.strftime(fmt, t)))
for d in range(1, 15):
    tt = time.gmtime(time.mktime((2020 + d % 5, 1, d, 0, 0, 0, 0, 0, 0)))
    print(time.strftime("%Y-%m-%d %a %U %W %V %G %j", tt))
for d in [(2018,12,31),(2021,1,3),(2020,12,31),(2026,12,31),(2027,1,1)]:
    print(time.strftime("%G-%V-%u", d + (0,0,0,0,1,0)))
print(repr(time.strftime("%Z|%z", (2020,1,1,0,0,0,0,1,0))))
print(repr(time.strftime("%Z|%z", (2020,1,1,0,0,0,0,1,-1))))
print(time.strptime("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Tue Nov 14 22:13:20 2023"))
print(time.strptime("14 november 23  10pm", "%d %B %y %I%p"))
print(time.strptime("2020 100", "%Y %j"))
print(time.strptime("2020 10 3", "%Y %U %w"))
print(time.strptime("+0130", "%z").tm_gmtoff)
print(time.strptime("UTC", "%Z"))
for bad in [("2020", "%Y-%m"), ("2020-01x", "%Y-%m"), ("x", "%Q"), ("1", "%")]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print("ValueError", e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.get_clock_info("monotonic"))
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.monotonic, info.adjustable)
print(type(time.process_time()), type(time.thread_time_ns()), type(time.perf_counter_ns()))
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(e)
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print(e)
print(time.strftime("%Y %m %d", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime((2020, 2, 3, 4, 5, 6, 0, 1, 0)))
# A zone with daylight saving time, from a POSIX TZ string (no tz files needed).
os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
for secs in [0, 1700000000, 1689000000, 1678604400, 1678608000]:
    lt = time.localtime(secs)
    print(lt, lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.strftime("%Y-%m-%d %H:%M:%S %Z %z", lt))
print(time.ctime(1689000000), time.asctime(time.localtime(1700000000)))
print(time.mktime((2023, 7, 1, 12, 0, 0, 0, 0, -1)), time.mktime((2023, 1, 1, 12, 0, 0, 0, 0, -1)))
os.environ["TZ"] = "UTC"
time.tzset()
