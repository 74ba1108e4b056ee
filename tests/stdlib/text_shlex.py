# shlex: split (POSIX and not, with comments), quote, join and the shlex class.
import shlex

TESTS = ['a b c', 'a "b c" d', "a 'b c' d", 'a\\ b', '"a\\"b"', "'a\\'", 'a#b c', 'x # comment',
         'a"b"c', '""', "''", 'a=b|c>d', '"a\\\\b\\nc"', '  lead  trail  ', 'a\tb\nc', "'it'\"'\"'s'",
         'foo\\', '"unterminated', "'x", 'é ü', 'a "" b', 'a\\"b', "a'b'\"c\"d", '"$HOME" \'$x\'']
for t in TESTS:
    for kw in ({}, {'comments': True}, {'posix': False}):
        try:
            print(repr(t), kw, shlex.split(t, **kw))
        except ValueError as e:
            print(repr(t), kw, 'ValueError:', e)

for s in ['', 'abc', 'a b', "it's", 'a"b', '$x', 'x=1,y:2/z.w-@%+', 'é', '\t']:
    print(repr(s), shlex.quote(s))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
print(shlex.split(shlex.join(['a b', '"c"', "'d'"])))

print(list(shlex.shlex('a && b || c; (d)', punctuation_chars=True)))
print(list(shlex.shlex('foo=bar a.b ~/x "q r" 12')))
print(list(shlex.shlex('foo=bar a.b ~/x "q r" 12', posix=True)))
print(list(shlex.shlex('ls -l >out.txt 2>&1', punctuation_chars=True)))
print(list(shlex.shlex('a|b', punctuation_chars='|')))
lex = shlex.shlex('one two # three\nfour', posix=True)
print(lex.get_token(), lex.lineno)
lex.push_token('pushed')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno, repr(lex.get_token()), lex.eof)
lex = shlex.shlex('x y')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.eof)
lex = shlex.shlex('a,b;c', posix=True)
lex.whitespace += ',;'
lex.whitespace_split = True
print(list(lex), lex.error_leader('f.txt', 3))
lex = shlex.shlex("word 'quoted word' w2", posix=True)
lex.wordchars += "'"
try:
    print(list(lex))
except ValueError as e:
    print('ValueError:', e)
print(shlex.shlex('x').punctuation_chars, shlex.shlex('x', punctuation_chars=True).punctuation_chars)
