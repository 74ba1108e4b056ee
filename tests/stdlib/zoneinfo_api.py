import zoneinfo, datetime, pickle
from zoneinfo import ZoneInfo
def show(f):
    try: r = f(); print('ok', repr(r))
    except Exception as e: print(type(e).__name__, repr(e), '|', str(e))
show(lambda: ZoneInfo('/etc/x'))
show(lambda: ZoneInfo('../x'))
show(lambda: ZoneInfo('a/../../x'))
show(lambda: ZoneInfo('Foo/Bar'))
show(lambda: ZoneInfo(''))
show(lambda: ZoneInfo(5))
show(lambda: ZoneInfo('America/New_York'))
z = ZoneInfo('America/New_York')
print(str(z), z.key, z is ZoneInfo('America/New_York'), z is ZoneInfo.no_cache('America/New_York'))
show(lambda: z.utcoffset(None)); show(lambda: z.dst(None)); show(lambda: z.tzname(None))
show(lambda: z.fromutc(datetime.datetime(2020,1,1)))
show(lambda: z.fromutc(5))
show(lambda: z.utcoffset(5))
show(lambda: pickle.loads(pickle.dumps(z)) is z)
print(zoneinfo.ZoneInfoNotFoundError.__mro__)
print(zoneinfo.TZPATH)
print(sorted(zoneinfo.__all__))
with open('/usr/share/zoneinfo/Europe/Paris', 'rb') as f:
    zf = ZoneInfo.from_file(f); print(repr(zf).startswith("zoneinfo.ZoneInfo.from_file(<"), zf.key)
with open('/usr/share/zoneinfo/Europe/Paris', 'rb') as f:
    zf = ZoneInfo.from_file(f, key='P')
print(repr(zf), str(zf), zf.key)
show(lambda: pickle.dumps(zf))
show(lambda: ZoneInfo.from_file(__import__('io').BytesIO(b'junk')))
a = zoneinfo.available_timezones(); print(type(a), 'UTC' in a, 'America/New_York' in a, 'posixrules' in a, 'Europe/Paris' in a, len(a) > 400)
show(lambda: ZoneInfo.clear_cache(only_keys=['UTC']))
show(lambda: ZoneInfo.clear_cache())
print(ZoneInfo('UTC') is not z)
class MyZone(ZoneInfo):
    pass
m = MyZone('Europe/Paris')
print(repr(m), type(m).__name__, m is MyZone('Europe/Paris'), m is ZoneInfo('Europe/Paris'))
p1 = ZoneInfo('Europe/Paris'); ZoneInfo.clear_cache(only_keys=['Europe/Paris'])
print(p1 is ZoneInfo('Europe/Paris'), m is MyZone('Europe/Paris'))
ZoneInfo.clear_cache()
print(pickle.loads(pickle.dumps(ZoneInfo.no_cache('UTC'))).key, pickle.loads(pickle.dumps(m)) is m)
print(datetime.datetime(2020, 1, 1, tzinfo=ZoneInfo('UTC')).tzname(), ZoneInfo('Etc/GMT-3').utcoffset(None))
try:
    raise zoneinfo.ZoneInfoNotFoundError('x')
except KeyError as e:
    print('caught', repr(e))
for k in ['UTC','Etc/GMT-3','Asia/Kolkata','America/Phoenix']: z=ZoneInfo(k); print(k, z.utcoffset(None), z.dst(None), z.tzname(None))
