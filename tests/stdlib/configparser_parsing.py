import configparser as cp
def show(src, **kw):
    p = cp.ConfigParser(**kw)
    try:
        p.read_string(src)
    except Exception as e: print(type(e).__name__, e)
    print({s: p.items(s, raw=True) for s in p.sections()}, p.defaults())
show("[a]b]\nx=1\n[c] trailing\ny=2\n[ d ]\nz=3\n")
show("[a]\n=v\nk:v=w\n key with space = 1\n\tcont\n    # comment in value\nq=1 ;c\nr=1;c\ns=1 #c\n", inline_comment_prefixes=('#',';'))
show("[a]\r\nx=1\r\n  y\r\n")
show("[a]\nx=1\n\n\n  y\n")
show("[]\nx=1\n")
show("  [a]\nx=1\n")
show("[a]\nx\n", allow_no_value=True)
show("[a]\nx = 1\n   ; c\n  y\n")
show("[a]\nx = 1\n;c\n  y\n")
show("[a]\n x = 1\n  y\n z = 2\n")
show("[a]\nx = 1\n[a]\n", strict=False)
show("[DEFAULT]\nx=1\n[DEFAULT]\ny=2\n")
show("[a]\nx = 1\n# comment\n  y\n", empty_lines_in_values=False)
show("[a]\nx = 1\n\n  y\n", empty_lines_in_values=False)
show("[a]\nx = 1 # c\ny = 2 #c\n", inline_comment_prefixes=('#',), comment_prefixes=())
show("[a]\n# x = 1\n#y\n", comment_prefixes=('# ',))
show("[a]\nkey: value: more\nother = a = b\n")
show("[a]\nk -> v\nj:x\n", delimiters=('->',))
show("[a]\nk\n")
show("[DEFAULT]\nd=1\n[a]\nd=2\n", defaults={'z': 'q'})
# Reading files, writing them back, reading the result again.
import tempfile, os, io
with tempfile.TemporaryDirectory() as tmp:
    one = os.path.join(tmp, 'one.ini')
    with open(one, 'w') as f:
        f.write("[server]\nhost = example.org\nport = 8080\ndebug = yes\nratio = 0.5\n")
    p = cp.ConfigParser()
    print(p.read([one, os.path.join(tmp, 'missing.ini')]) == [one])
    print(p.getint('server', 'port'), p.getboolean('server', 'debug'), p.getfloat('server', 'ratio'))
    p['server']['extra'] = 'multi\nline'
    p['client'] = {'retries': '3'}
    out = os.path.join(tmp, 'out.ini')
    with open(out, 'w') as f:
        p.write(f)
    print(open(out).read())
    q = cp.ConfigParser()
    with open(out) as f:
        q.read_file(f)
    print({s: dict(q[s]) for s in q})
    import pathlib
    print(q.read(pathlib.Path(out)) == [out])
p = cp.ConfigParser(defaults={'Base': 1}, dict_type=dict)
print(p.defaults(), p.sections(), len(p), 'DEFAULT' in p, 'x' in p)
