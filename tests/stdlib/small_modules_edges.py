# Edges of the small modules: copyreg's registries and helpers, linecache's
# cache (stale entries, hand-made entries, missing lines), secrets' argument
# checks and token lengths, __future__'s feature records, and signal's enum
# conversions of numbers and handlers.
import copyreg
import linecache
import os
import secrets
import signal
import tempfile
import __future__


def attempt(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, 'raises', type(e).__name__, e)
    else:
        print(label, '->', repr(result))


# copyreg
class Thing:
    pass
attempt('pickle non-callable', lambda: copyreg.pickle(Thing, 5))
attempt('pickle bad constructor', lambda: copyreg.pickle(Thing, len, 5))
print('registered anyway:', copyreg.dispatch_table.pop(Thing) is len)
attempt('code 0', lambda: copyreg.add_extension('m', 'n', 0))
attempt('code too big', lambda: copyreg.add_extension('m', 'n', 2 ** 31))
attempt('code as text', lambda: copyreg.add_extension('m', 'n', '4000'))
attempt('same again as float', lambda: copyreg.add_extension('m', 'n', 4000.7))
attempt('same again', lambda: copyreg.add_extension('m', 'n', 4000))
attempt('key taken', lambda: copyreg.add_extension('m', 'n', 4001))
attempt('code taken', lambda: copyreg.add_extension('m', 'other', 4000))
copyreg._extension_cache[4000] = 'loaded'
attempt('remove wrong code', lambda: copyreg.remove_extension('m', 'n', 4001))
attempt('remove code as text', lambda: copyreg.remove_extension('m', 'n', '4000'))
attempt('remove', lambda: copyreg.remove_extension('m', 'n', 4000))
print(('m', 'n') in copyreg._extension_registry, 4000 in copyreg._inverted_registry,
      4000 in copyreg._extension_cache)
attempt('remove again', lambda: copyreg.remove_extension('m', 'n', 4000))
print(copyreg.pickle_union(int | str | None))

class A:
    __slots__ = ('a', '__b', '__c__', '__dict__', '__weakref__')
class _B(A):
    __slots__ = 'x'
class __(A):
    __slots__ = ['__p']
class Plain:
    pass
print(copyreg._slotnames(_B), _B.__dict__['__slotnames__'])
print(copyreg._slotnames(__), copyreg._slotnames(A))
print(copyreg._slotnames(Plain), Plain.__slotnames__, copyreg._slotnames(int))
class Cached:
    __slots__ = ('real',)
    __slotnames__ = ['told']
print(copyreg._slotnames(Cached))
class L(list):
    pass
rebuilt = copyreg._reconstructor(L, list, [1, 2])
print(type(rebuilt).__name__, rebuilt)
print(type(copyreg._reconstructor(Plain, object, None)).__name__)
class S(str):
    pass
print(repr(copyreg._reconstructor(S, str, 'ab')), type(copyreg.__newobj_ex__(L, ([3],), {})).__name__)
class KW:
    def __new__(cls, *args, **kw):
        obj = object.__new__(cls)
        obj.got = (args, kw)
        return obj
print(copyreg.__newobj_ex__(KW, (1,), {'k': 2}).got, copyreg.__newobj__(KW, 5).got)

# linecache
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'mod.py')
    with open(path, 'w') as f:
        f.write('first\nsecond\nthird')
    print(repr(linecache.getline(path, 1)), repr(linecache.getline(path, 3)))
    print(repr(linecache.getline(path, 0)), repr(linecache.getline(path, 4)),
          repr(linecache.getline(path, -1)))
    print(linecache.getlines(path), path in linecache.cache)
    linecache.checkcache(path)
    print('unchanged kept:', path in linecache.cache)
    with open(path, 'w') as f:
        f.write('changed and longer\n')
    linecache.checkcache()
    print('changed dropped:', path in linecache.cache)
    print(linecache.getlines(path))
    os.remove(path)
    linecache.checkcache(path)
    print('removed dropped:', path in linecache.cache)
    print(linecache.getlines(path), repr(linecache.getline(path, 1)))
linecache.cache['<made up>'] = (10, None, ['a\n', 'b\n'], '<made up>')
linecache.checkcache()
print(linecache.getline('<made up>', 2), end='')
linecache.checkcache('<not cached>')
print(linecache.getlines('<stdin>'), linecache.getlines(''))
linecache.clearcache()
print(linecache.cache)

# secrets
for bound in (0, -1, 2.5, '3'):
    attempt(f'randbelow({bound!r})', lambda: secrets.randbelow(bound))
print(secrets.randbelow(1), secrets.randbelow(True), sorted({secrets.randbelow(3) for _ in range(200)}))
print(all(0 <= secrets.randbelow(10 ** 30) < 10 ** 30 for _ in range(50)))
attempt('token_bytes(-1)', lambda: secrets.token_bytes(-1))
attempt('token_bytes(2.0)', lambda: secrets.token_bytes(2.0))
print(secrets.token_bytes(0), repr(secrets.token_hex(0)), repr(secrets.token_urlsafe(0)))
print(len(secrets.token_bytes()), len(secrets.token_hex()), len(secrets.token_urlsafe()))
print([len(secrets.token_urlsafe(n)) for n in range(1, 8)], len(secrets.token_hex(5)))
print(set(secrets.token_urlsafe(300)) <= set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'))
print(set(secrets.token_hex(100)) <= set('0123456789abcdef'), secrets.DEFAULT_ENTROPY)

# __future__
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(),
          hex(feature.compiler_flag))
print(sorted(vars(__future__.division)))

# signal
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_IGN)))
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.signal(signal.SIGUSR1, 0)))
print(repr(signal.signal(int(signal.SIGUSR1), True)), repr(signal.getsignal(signal.SIGUSR1)))
handler = lambda signum, frame: None
print(repr(signal.signal(signal.SIGUSR1, handler)), signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)
attempt('handler 5', lambda: signal.signal(signal.SIGUSR1, 5))
attempt('handler text', lambda: signal.signal(signal.SIGUSR1, 'x'))
attempt('signal 0', lambda: signal.signal(0, signal.SIG_DFL))
valid = signal.valid_signals()
print(signal.SIGINT in valid, type(signal.SIGINT).__name__, repr(signal.SIGTERM),
      all(type(s).__name__ == 'Signals' for s in valid if s < 32 and s not in (32, 33)))
