# pkgutil: listing folders' modules, walking packages, widening a package's
# path, reading package data, and resolving dotted names.
import os
import pkgutil
import sys
import tempfile

root = tempfile.mkdtemp()
def write(rel, text=''):
    path = os.path.join(root, *rel.split('/'))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

write('plugins/__init__.py', 'from pkgutil import extend_path\n__path__ = extend_path(__path__, __name__)\n')
write('plugins/alpha.py', 'NAME = "alpha"\n')
write('plugins/beta/__init__.py', 'NAME = "beta"\n')
write('plugins/beta/inner.py', 'NAME = "inner"\n')
write('plugins/data/notes.txt', 'some notes\n')
write('more/plugins/gamma.py', 'NAME = "gamma"\n')
write('loose/zeta.py')
write('loose/9lives.py')
write('loose/bad-name/__init__.py')
write('loose/nspkg/member.py')
write('loose/readme.txt')
write('loose/__init__.py')
write('broken/__init__.py')
write('broken/fails/__init__.py', 'raise RuntimeError("cannot import me")\n')

sys.path[:0] = [root, os.path.join(root, 'more')]

def show(infos):
    for info in infos:
        print(' ', info.name, info.ispkg, type(info.module_finder).__name__,
              os.path.relpath(info.module_finder.path, root))

print('iter_modules(loose):')
show(pkgutil.iter_modules([os.path.join(root, 'loose')]))
print('with a prefix:')
show(pkgutil.iter_modules([os.path.join(root, 'loose')], 'loose.'))
print('missing folder:', list(pkgutil.iter_modules([os.path.join(root, 'nowhere')])))
try:
    list(pkgutil.iter_modules(root))
except ValueError as e:
    print('ValueError:', e)

import plugins
print('extended __path__:', [os.path.relpath(p, root) for p in plugins.__path__])
import plugins.gamma
print('gamma from the second folder:', plugins.gamma.NAME)
print('walk_packages(plugins):')
show(pkgutil.walk_packages(plugins.__path__, 'plugins.'))

errors = []
print('walk with onerror:', [i.name for i in pkgutil.walk_packages(
    [os.path.join(root, 'broken')], 'broken.', onerror=errors.append)])
print('onerror saw:', errors)
try:
    list(pkgutil.walk_packages([os.path.join(root, 'broken')], 'broken.'))
except RuntimeError as e:
    print('without onerror:', type(e).__name__, e)

print('get_data:', pkgutil.get_data('plugins', 'data/notes.txt'))
try:
    pkgutil.get_data('plugins', 'data/missing.txt')
except FileNotFoundError as e:
    print('missing data:', type(e).__name__)
print('get_data of a missing package:', pkgutil.get_data('no_such_pkg_here', 'x'))

print('extend_path of a non-list:', pkgutil.extend_path('text', 'plugins'))
print('importer of a folder:', type(pkgutil.get_importer(root)).__name__)
print('importer of nothing:', pkgutil.get_importer(os.path.join(root, 'nowhere')))
print('loader of plugins.alpha:', type(pkgutil.get_loader('plugins.alpha')).__name__)

print('stdlib listed:', {m.name for m in pkgutil.iter_modules()} >= {'json', 'asyncio', 'os'})
import json
print('json.tool listed:', 'tool' in [m.name for m in pkgutil.iter_modules(json.__path__)])

import os.path
print(pkgutil.resolve_name('os.path:join') is os.path.join)
print(pkgutil.resolve_name('os.path.join') is os.path.join)
print(pkgutil.resolve_name('plugins.beta.inner:NAME'))
print(pkgutil.resolve_name('plugins.beta.inner.NAME'))
print(pkgutil.resolve_name('json:') is json)
for bad in ['1x', 'os:a:b', '', 'os..path', 'os:1a', 'a b']:
    try:
        pkgutil.resolve_name(bad)
    except ValueError as e:
        print('ValueError:', e)
for missing in ['os.nothere', 'os:path.nothere', 'no_such_mod_xyz.attr']:
    try:
        pkgutil.resolve_name(missing)
    except (ImportError, AttributeError) as e:
        print(type(e).__name__ + ':', e)

import _imp
print(_imp.is_builtin('sys'), _imp.is_builtin('time'), _imp.is_builtin('json'))
print(_imp.is_frozen('json'), _imp.is_frozen('nonexistent_mod'), _imp.lock_held())
try:
    _imp.is_frozen_package('nonexistent_mod')
except ImportError as e:
    print('ImportError:', e)
try:
    _imp.release_lock()
except RuntimeError as e:
    print('RuntimeError:', e)
_imp.acquire_lock(); print(_imp.lock_held()); _imp.release_lock(); print(_imp.lock_held())
print(pkgutil.ModuleInfo.__doc__, pkgutil.ModuleInfo._fields)
