# sqlite3's exception hierarchy and messages for bad SQL, bad parameters,
# constraint violations, closed connections and cursors, and bad arguments.
import sqlite3

for name in ['Warning', 'Error', 'InterfaceError', 'DatabaseError', 'DataError',
             'OperationalError', 'IntegrityError', 'InternalError', 'ProgrammingError',
             'NotSupportedError']:
    cls = getattr(sqlite3, name)
    print(name, [c.__name__ for c in cls.__mro__], cls.__module__)

con = sqlite3.connect(':memory:')
con.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE, c CHECK (c > 0))')
con.execute("INSERT INTO t VALUES (1, 'x', 1)")
cur = con.cursor()
CASES = [
    ('SELEC 1', ()), ('SELECT * FROM nope', ()), ('SELECT nope FROM t', ()),
    ("INSERT INTO t VALUES (1, 'y', 1)", ()), ("INSERT INTO t VALUES (2, 'x', 1)", ()),
    ('INSERT INTO t VALUES (3, NULL, 1)', ()), ("INSERT INTO t VALUES (4, 'z', -1)", ()),
    ('SELECT ?', (1, 2)), ('SELECT ?, ?', (1,)), ('SELECT :a', {'b': 1}),
    ('SELECT ?', {'a': 1}), ('SELECT ?', ([],)), ('SELECT ?', (object(),)),
    ('SELECT ?', (2 ** 63,)), ('SELECT 1; SELECT 2', ()), ('SELECT ?', 5),
    ('SELECT ?', 'ab'), ('SELECT ?', None), ('CREATE TABLE t (x)', ()),
]
for sql, params in CASES:
    try:
        cur.execute(sql, params)
        print(repr(sql), 'ok', cur.fetchall())
    except sqlite3.Error as e:
        print(repr(sql), type(e).__name__, e, getattr(e, 'sqlite_errorcode', None),
              getattr(e, 'sqlite_errorname', None))
    except (OverflowError, TypeError, ValueError) as e:
        print(repr(sql), type(e).__name__, e)

for bad in [lambda: cur.execute(1), lambda: cur.executemany('SELECT 1', [()]),
            lambda: cur.executescript(b'x'), lambda: con.execute(None)]:
    try:
        bad()
    except (TypeError, sqlite3.Error) as e:
        print(type(e).__name__, e)

try:
    sqlite3.connect('/nonexistent/dir/x.db')
except sqlite3.OperationalError as e:
    print('OperationalError', e)

cur.close()
try:
    cur.execute('SELECT 1')
except sqlite3.ProgrammingError as e:
    print('closed cursor:', e)
try:
    cur.fetchall()
except sqlite3.ProgrammingError as e:
    print('closed cursor:', e)
con.close()
for action in [lambda: con.execute('SELECT 1'), lambda: con.cursor(), lambda: con.commit(),
               lambda: con.in_transaction]:
    try:
        action()
    except sqlite3.ProgrammingError as e:
        print('closed connection:', e)
try:
    raise sqlite3.OperationalError('custom')
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e, isinstance(e, sqlite3.Error))
