# ZoneInfo as a tzinfo: offsets, DST amounts and names across transitions,
# PEP 495's fold in repeated and skipped hours, conversions both ways, and
# dates beyond the last explicit transition (the zone's POSIX rule).
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

def describe(dt):
    return f"{dt.isoformat()} fold={dt.fold} {dt.tzname()} dst={dt.dst()}"

ny = ZoneInfo("America/New_York")
for fold in (0, 1):
    # 2021-11-07 01:30 happens twice; 2021-03-14 02:30 never happens.
    print(describe(datetime(2021, 11, 7, 1, 30, fold=fold, tzinfo=ny)))
    print(describe(datetime(2021, 3, 14, 2, 30, fold=fold, tzinfo=ny)))

start = datetime(2021, 11, 7, 4, 0, tzinfo=timezone.utc)
for minutes in range(0, 240, 30):
    local = (start + timedelta(minutes=minutes)).astimezone(ny)
    print(describe(local), local.astimezone(timezone.utc).time())

start = datetime(2021, 3, 14, 5, 0, tzinfo=timezone.utc)
for minutes in range(0, 180, 30):
    print(describe((start + timedelta(minutes=minutes)).astimezone(ny)))

for key in ("Europe/London", "Europe/Dublin", "Australia/Lord_Howe",
            "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo",
            "Africa/Casablanca", "UTC", "Etc/GMT+5", "America/St_Johns",
            "Antarctica/Troll", "Pacific/Apia", "Asia/Tehran"):
    zone = ZoneInfo(key)
    for when in (datetime(1900, 1, 1), datetime(1944, 7, 1), datetime(1975, 6, 1),
                 datetime(2011, 12, 30, 12), datetime(2024, 1, 15, 12),
                 datetime(2024, 7, 15, 12), datetime(2077, 1, 1),
                 datetime(2077, 7, 1), datetime(2400, 3, 31, 1)):
        aware = when.replace(tzinfo=zone)
        print(key, describe(aware), aware.utcoffset())

paris = ZoneInfo("Europe/Paris")
a = datetime(2024, 3, 31, 1, 59, tzinfo=paris)
b = a + timedelta(minutes=2)
print(describe(b), b - a, b.astimezone(timezone.utc) - a.astimezone(timezone.utc))
print(datetime(2024, 6, 1, 12, tzinfo=paris) == datetime(2024, 6, 1, 6, tzinfo=ny))
print(datetime(2024, 6, 1, 12, tzinfo=paris).astimezone(ZoneInfo("Asia/Tokyo")))
print(datetime.fromtimestamp(1700000000, tz=ZoneInfo("America/Los_Angeles")))
print(datetime(2038, 6, 1, tzinfo=ny).utcoffset(), datetime(2100, 1, 1, tzinfo=ny).tzname())
