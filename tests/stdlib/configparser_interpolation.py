import configparser as cp, warnings, io
warnings.simplefilter('always')
import sys
warnings.showwarning = lambda m, c, f, l, file=None, line=None: print('W', c.__name__, m)
cp.SafeConfigParser()
p = cp.ConfigParser(); p.readfp(io.StringIO("[a]\nb=1\n"))
cp.LegacyInterpolation()
e = cp.ParsingError('s'); e.filename
cp.ParsingError(filename='f')
p = cp.ConfigParser(interpolation=cp.LegacyInterpolation())
p.read_string("[a]\nx=%(y)s!\ny=1%%\nz=%(q)s\n")
print(p.get('a','x'))
try: p.get('a','z')
except Exception as e: print(type(e).__name__, e)
print(p.converters['int'], len(p.converters))
p.converters['up'] = str.upper
print(p.getup('a', 'y'), p['a'].getup('y'))
del p.converters['up']
print(hasattr(p, 'getup'), hasattr(p['a'], 'getup'))
p = cp.ConfigParser()
p.read_string("[a]\n" + "".join(f"k{i}=%%(k{i+1})s\n" for i in range(12)).replace('%%','%') + "k12=end\n")
for i in range(3): 
    try: print(p.get('a', f'k{i}'))
    except Exception as e: print(type(e).__name__, e)
p = cp.ConfigParser(interpolation=cp.ExtendedInterpolation())
p.read_string("[a]\np=${r}\nr=${zz}\nq=${b:x}\n[b]\nx=${y}\n")
for o in 'pq':
    try: print(p.get('a', o))
    except Exception as e: print(type(e).__name__, e.args)
print(cp.__all__)
