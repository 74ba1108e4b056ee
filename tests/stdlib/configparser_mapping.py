import configparser as cp, io, sys
def show(f):
    try: r = f(); print('ok', repr(r))
    except Exception as e: print(type(e).__name__, repr(e), '|', e.args)
p = cp.ConfigParser()
p.read_string("[a]\nx=%(b)s\nb=%(c)s\nd = %(e)s\ne=%(f)s\nf=%(g)s\ng=%(h)s\nh=%(i)s\ni=%(j)s\nj=%(k)s\nk=%(l)s\nl=%(m)s\nm=%(n)s\nn=end\n")
show(lambda: p.get('a','x'))
show(lambda: p.get('a','d'))
show(lambda: p.get('a','e'))
p = cp.ConfigParser(allow_no_value=True, inline_comment_prefixes=(';',))
p.read_string("""
# comment
[DEFAULT]
base = /usr ; inline
name : Foo;notcomment
[sec]
key1 = value1
  continued

  after blank
key2
empty =
multi =
   line1
   line2
   
[sec two]
 k = v
path = %(base)s/lib
""")
print(p.sections(), p.defaults())
for s in p.sections():
    print(s, p.items(s))
    print(s, p.items(s, raw=True))
print(list(p.items()))
buf = io.StringIO(); p.write(buf); print(repr(buf.getvalue()))
buf = io.StringIO(); p.write(buf, space_around_delimiters=False); print(repr(buf.getvalue()))
print(p.get('sec', 'path', fallback='fb'), p.get('sec', 'nope', fallback='fb'), p.get('nope', 'nope', fallback='fb'))
print(p.getint('sec', 'nope', fallback=3), p.get('sec', 'key1', vars={'key1': 'V'}))
print(p.has_option('sec', 'base'), p.has_option('nope', 'x'), p.has_option('DEFAULT', 'base'), p.has_option(None, 'base'))
print(p.remove_option('sec', 'key2'), p.remove_option('sec', 'zz'))
show(lambda: p.remove_option('zz', 'x'))
print(p.popitem())
sp = p['sec two']
print(sp.get('k'), sp.get('zz'), sp.get('zz', 'd'), sp.getint('zz', 4), 'k' in sp, len(sp), list(sp))
sp['new'] = 'val'; del sp['k']; print(dict(sp))
show(lambda: sp.__delitem__('zz'))
show(lambda: sp.__setitem__('n', 5))
print(sp.parser is p, sp.name)
p['x'] = {'a': 1, 'b': None}
print(dict(p['x']))
p['DEFAULT'] = {'q': 'r'}
print(p.defaults())
r = cp.RawConfigParser()
r.read_string("[a]\nx = %(y)s\n")
print(r.get('a', 'x'))
r.set('a', 'n', 5); print(r.get('a', 'n'))
print(cp.ConfigParser.BOOLEAN_STATES)
c = cp.ConfigParser(converters={'list': lambda v: v.split(',')})
c.read_string("[s]\nl = a,b,c\n")
print(c.getlist('s', 'l'), c['s'].getlist('l'), sorted(c.converters))
c2 = cp.ConfigParser(delimiters=('=>',), comment_prefixes=('//',), default_section='general', strict=False, empty_lines_in_values=False)
c2.read_string("[general]\na => 1\n// c\n[s]\nb=>2\nb => 3\nc => x\n\n")
print(c2.items('s'), c2.default_section)
print(p.read(['/nonexistent', '/dev/null']))
show(lambda: p.get('sec', 'key1', raw=True, vars=None))
show(lambda: cp.ConfigParser(interpolation=None).read_string("[a]\nb=%(c)s\n"))
class R(cp.ConfigParser):
    def optionxform(self, o): return o
r = R(); r.read_string("[a]\nKey=V\n"); print(r.options('a'))
print(repr(cp.NoOptionError('a','b')), cp.NoOptionError('a','b').option, cp.NoOptionError('a','b').section)
e = cp.ParsingError('src'); e.append(3, 'line'); print(str(e), e.errors, e.source)
show(lambda: p.getboolean('sec', 'empty'))
show(lambda: p.getfloat('sec', 'empty'))
cc = cp.ConfigParser(); cc.read_file(io.StringIO("[z]\na=1\n"), source='xx'); print(dict(cc['z']))
cc.read_file(["[y]\n", "b=2\n"]); print(cc.sections())
show(lambda: cc.read_string("[y]\nb=3\n"))
show(lambda: cc.read_dict({'q': {'a': 1, 'A': 2}}))
print(cc.sections())
print(isinstance(cc, cp.RawConfigParser), cp.SectionProxy, cp.ConverterMapping, cp.Interpolation)
