# sqlite3's implicit transactions (isolation_level), commit/rollback, the
# connection as a context manager, and autocommit with isolation_level None.
import sqlite3

con = sqlite3.connect(':memory:')
print(repr(con.isolation_level), con.in_transaction)
con.execute('CREATE TABLE t (x INTEGER UNIQUE)')
print('after DDL', con.in_transaction)
con.execute('SELECT * FROM t')
print('after SELECT', con.in_transaction)
con.execute('INSERT INTO t VALUES (1)')
print('after INSERT', con.in_transaction)
con.rollback()
print('after rollback', con.in_transaction, con.execute('SELECT count(*) FROM t').fetchone())

with con:
    con.execute('INSERT INTO t VALUES (2)')
print('after with', con.in_transaction, con.execute('SELECT x FROM t').fetchall())

try:
    with con:
        con.execute('INSERT INTO t VALUES (3)')
        con.execute('INSERT INTO t VALUES (2)')
except sqlite3.IntegrityError as e:
    print('IntegrityError:', e, e.sqlite_errorcode, e.sqlite_errorname)
print('after failed with', con.in_transaction, con.execute('SELECT x FROM t').fetchall())

try:
    with con:
        con.execute('INSERT INTO t VALUES (4)')
        raise KeyError('boom')
except KeyError as e:
    print('KeyError', e)
print(con.execute('SELECT x FROM t ORDER BY x').fetchall())

con.isolation_level = None
con.execute('INSERT INTO t VALUES (5)')
print('autocommit', con.in_transaction)
con.execute('BEGIN')
con.execute('INSERT INTO t VALUES (6)')
print('explicit', con.in_transaction)
con.rollback()
print(con.execute('SELECT x FROM t ORDER BY x').fetchall())

for level in ['DEFERRED', 'immediate', 'EXCLUSIVE', '']:
    con.isolation_level = level
    con.execute('UPDATE t SET x = x + 10 WHERE x = 5')
    print(repr(con.isolation_level), con.in_transaction)
    con.commit()
for level in ['bogus', 1]:
    try:
        con.isolation_level = level
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

con.execute('INSERT INTO t VALUES (7)')
print('pending', con.in_transaction)
con.executescript('SELECT 1;')
print('executescript commits', con.in_transaction)
con.execute('INSERT INTO t VALUES (8)')
con.isolation_level = None
print('None commits', con.in_transaction, con.execute('SELECT count(*) FROM t').fetchone())

other = sqlite3.connect(':memory:', isolation_level=None)
other.execute('CREATE TABLE u (y)')
other.execute('INSERT INTO u VALUES (1)')
print(other.in_transaction, other.total_changes)
con.close()
con.close()
for attribute in ['isolation_level', 'in_transaction', 'total_changes']:
    try:
        getattr(con, attribute)
    except sqlite3.ProgrammingError as e:
        print(attribute, e)
