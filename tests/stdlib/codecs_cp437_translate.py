# The cp437 codec (every byte both ways, errors, aliases) and
# UnicodeTranslateError (arguments, attributes, text).
import codecs

table = bytes(range(256)).decode('cp437')
print(len(table), ascii(table[:8]), table[128:].encode('utf-8').hex())
print(table.encode('cp437') == bytes(range(256)))
for name in ('cp437', 'IBM437', '437', 'Cp437'):
    print(name, codecs.lookup(name).name)
print('é€☺'.encode('cp437', 'replace'), 'é€'.encode('cp437', 'ignore'),
      '€'.encode('cp437', 'xmlcharrefreplace'), '€'.encode('cp437', 'backslashreplace'))
try:
    'a€b'.encode('cp437')
except UnicodeEncodeError as e:
    print(e, e.encoding, e.start, e.end)
print(codecs.decode(b'\xc9\xcd\xbb', 'cp437'), codecs.encode('╔═╗', 'cp437'))

e = UnicodeTranslateError('\xe9abc', 0, 1, 'no way')
print(str(e), '|', repr(e), e.args, e.object, e.start, e.end, e.reason, e.encoding)
print(UnicodeTranslateError('\u20acabc', 1, 3, 'r'))
print(UnicodeTranslateError('\U0001f600', 0, 1, 'r'))
print(UnicodeTranslateError.__mro__)
for args in [(1, 2, 3, 4), ('a', 1, 2), ('a', 'b', 2, 'r'), ('a', 1, 2, 3)]:
    try:
        UnicodeTranslateError(*args)
    except TypeError as x:
        print(x)
e = UnicodeTranslateError('abc', 0, 1, 'r')
e.start = 1
e.reason = 'z'
print(e)
try:
    raise UnicodeTranslateError('xyz', 1, 2, 'bad')
except UnicodeError as caught:
    print(type(caught).__name__, caught)
