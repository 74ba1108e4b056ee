# Imported modules and compile() honour coding cookies; undecodable module
# source raises SyntaxError with CPython's message.
import os
import sys
import tempfile

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)
files = {
    'mod_latin1': b'# coding: latin-1\nvalue = "\xe9\xe8"\n',
    'mod_utf8': b'value = "\xc3\xa9"\n',
    'mod_unknown': b'# coding: klingon\nvalue = 1\n',
    'mod_nul': b'value = 1\n\x00\n',
}
for name, data in files.items():
    with open(os.path.join(folder, name + '.py'), 'wb') as f:
        f.write(data)
for name in files:
    try:
        module = __import__(name)
        print(name, repr(module.value), len(module.value) if isinstance(module.value, str) else '')
    except SyntaxError as e:
        print(name, type(e).__name__, str(e).replace(folder + os.sep, ''))
for name in files:
    os.remove(os.path.join(folder, name + '.py'))
os.rmdir(folder)
