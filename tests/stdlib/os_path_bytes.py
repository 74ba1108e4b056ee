# os.path with bytes paths: each function computes on the decoded text and
# returns bytes; mixing str and bytes is a TypeError.
import os.path as P, os
def show(name, *a):
    try: r = getattr(P, name)(*a); print(name, repr(r))
    except Exception as e: print(name, type(e).__name__, e)
for n, a in [('normcase', (b'/A/b',)), ('isabs', (b'/x',)), ('isabs', (b'x',)), ('join', (b'/a', b'b', b'c/')), ('join', (b'a', '/b')),
             ('join', ('a', b'b')), ('split', (b'/a/b',)), ('splitext', (b'/a/b.tar.gz',)), ('splitext', (b'.bashrc',)), ('splitdrive', (b'/a',)),
             ('basename', (b'/a/b',)), ('dirname', (b'/a/b',)), ('normpath', (b'/a/./b/../c//d',)), ('normpath', (b'',)),
             ('abspath', (b'/x/../y',)), ('realpath', (b'/tmp/../etc',)), ('relpath', (b'/a/b/c', b'/a')), ('relpath', (b'/a', '/b')),
             ('commonprefix', ([b'/ab/c', b'/ab/d'],)), ('commonpath', ([b'/ab/c', b'/ab/d'],)), ('commonpath', ([b'/a', '/b'],)),
             ('exists', (b'/tmp',)), ('isdir', (b'/tmp',)),
             ('isfile', (b'/etc/passwd',)), ('islink', (b'/tmp',)), ('lexists', (b'/tmp',)), ('ismount', (b'/',)),
             ('samefile', (b'/tmp', b'/tmp')), ('split', (b'',)), ('join', (b'',)), ('relpath', (b'',)), ('normpath', (b'//a',)), ('basename', (bytearray(b'/a'),))]:
    show(n, *a)
print(os.fsencode('x'), os.fsdecode(b'x'), os.getcwdb() == os.fsencode(os.getcwd()))
print(P.expanduser(b'~') == os.fsencode(os.path.expanduser('~')))
import os; os.environ['TOWEL_TEST_VAR'] = 'v'
print(P.expandvars(b'$TOWEL_TEST_VAR/x ${NOPE_X}'), P.expanduser(b'~/x') == os.fsencode(P.expanduser('~/x')))
import tempfile
with tempfile.NamedTemporaryFile() as f:
    f.write(b'abc'); f.flush(); print(P.getsize(os.fsencode(f.name)), P.isfile(os.fsencode(f.name)))
