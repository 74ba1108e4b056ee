# sqlite3: connect to memory and a file, cursors, execute/executemany/
# executescript with qmark and named parameters, fetchone/fetchmany/fetchall,
# iteration, rowcount/lastrowid/description, types in and out.
import os
import sqlite3
import tempfile

con = sqlite3.connect(':memory:')
cur = con.cursor()
print(cur.lastrowid, cur.rowcount, cur.description, cur.arraysize, cur.connection is con)
cur.execute('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, '
            'score REAL, photo BLOB)')
print(cur.lastrowid, cur.rowcount, cur.description, con.in_transaction)
cur.execute('INSERT INTO people (name, age, score) VALUES (?, ?, ?)', ('Ann', 31, 4.5))
print(cur.lastrowid, cur.rowcount, con.in_transaction, con.total_changes)
cur.execute('INSERT INTO people (name, age) VALUES (:name, :age)', {'name': 'Bob', 'age': 25})
print(cur.lastrowid, cur.rowcount)
cur.executemany('INSERT INTO people (name, age, photo) VALUES (?, ?, ?)',
                [('Cy', 40, b'\x00\x01'), ('Di', None, bytearray(b'xy')), ('Ed', 19, None)])
print(cur.lastrowid, cur.rowcount)
cur.executemany('INSERT INTO people (name) VALUES (:n)', iter([{'n': 'Fay'}, {'n': 'Gus'}]))
print(cur.rowcount)
con.commit()
print(con.in_transaction)

cur.execute('SELECT id, name, age, score, photo FROM people ORDER BY id')
print(cur.description)
print(cur.rowcount, cur.fetchone())
print(cur.fetchmany(2))
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall(), cur.fetchmany(5))

for row in con.execute('SELECT name, age FROM people WHERE age > ? ORDER BY age', (20,)):
    print(row)
print(con.execute('SELECT count(*), sum(age), avg(score), max(name) FROM people').fetchone())
print(con.execute("SELECT 1, 2.5, 'x', x'00ff', NULL, 9223372036854775807, -1").fetchone())
print(con.execute('SELECT ?, ?, ?, ?, ?, ?', (True, 3, 1.25, 'é', b'b', None)).fetchone())
print(con.execute('SELECT typeof(?), typeof(?), typeof(?)', (1, 1.0, memoryview(b'z'))).fetchone())

cur = con.execute('UPDATE people SET age = age + 1 WHERE age IS NOT NULL')
print(cur.rowcount, cur.description)
cur = con.execute('DELETE FROM people WHERE name = ?', ('Gus',))
print(cur.rowcount)
con.rollback()
print(con.execute('SELECT count(*) FROM people WHERE name = ?', ['Gus']).fetchone())

cur = con.executescript('''
    CREATE TABLE kv (k TEXT PRIMARY KEY, v);
    INSERT INTO kv VALUES ('a', 1);
    INSERT INTO kv VALUES ('b', 2);
''')
print(cur.rowcount, cur.description, cur.fetchall(), con.in_transaction)
print(con.execute('SELECT * FROM kv ORDER BY k').fetchall())
print(con.execute('SELECT * FROM kv WHERE k = :k', {'k': 'b', 'extra': 0}).fetchall())
print(con.execute('  -- comment\n /* c */ SELECT 42').fetchall())
print(con.execute('SELECT 1 WHERE 0').fetchall(), con.execute('SELECT 1 WHERE 0').fetchone())

path = os.path.join(tempfile.mkdtemp(), 'test.db')
with sqlite3.connect(path) as disk:
    disk.execute('CREATE TABLE t (x)')
    disk.executemany('INSERT INTO t VALUES (?)', [(i,) for i in range(5)])
disk.close()
again = sqlite3.connect(path)
print(again.execute('SELECT sum(x), count(*) FROM t').fetchone())
again.close()
os.remove(path)

print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety, sqlite3.version)
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, isinstance(sqlite3.sqlite_version, str))
print(sqlite3.sqlite_version_info >= (3, 7, 15), len(sqlite3.sqlite_version_info))
print(sqlite3.Connection, sqlite3.Cursor, sqlite3.Row, type(con).__name__, type(cur).__name__)
print(sqlite3.complete_statement('SELECT 1;'), sqlite3.complete_statement('SELECT 1'),
      sqlite3.complete_statement("SELECT 'a;"))
con.close()
