# sqlite3 row factories and sqlite3.Row, text_factory, create_function and
# create_aggregate, adapters and converters (detect_types).
import datetime
import sqlite3

con = sqlite3.connect(':memory:')
con.execute('CREATE TABLE p (id INTEGER, Name TEXT, born DATE, seen TIMESTAMP, pt POINT)')
con.execute("INSERT INTO p (id, Name) VALUES (1, 'Ann'), (2, 'Bob')")

con.row_factory = sqlite3.Row
row = con.execute('SELECT id, Name FROM p ORDER BY id').fetchone()
print(type(row).__name__, row.keys(), row[0], row['name'], row['NAME'], row[-1], row[0:2])
print(len(row), list(row), tuple(row), dict(zip(row.keys(), row)))
other = con.execute('SELECT id, Name FROM p ORDER BY id').fetchone()
print(row == other, row != other, hash(row) == hash(other))
try:
    row['missing']
except IndexError as e:
    print('IndexError', e)
try:
    row[5]
except IndexError as e:
    print('IndexError', e)

con.row_factory = lambda cursor, values: {d[0]: v for d, v in zip(cursor.description, values)}
print(con.execute('SELECT id, Name FROM p ORDER BY id').fetchall())
cur = con.cursor()
cur.row_factory = lambda cursor, values: values[::-1]
print(cur.execute('SELECT id, Name FROM p').fetchall())
con.row_factory = None

con.text_factory = bytes
print(con.execute('SELECT Name FROM p').fetchall())
con.text_factory = lambda b: b.decode().upper()
print(con.execute('SELECT Name FROM p').fetchall())
con.text_factory = str

def double(x):
    return x * 2
con.create_function('double', 1, double)
con.create_function('nada', 0, lambda: None, deterministic=True)
con.create_function('join3', 3, lambda a, b, c: '%s-%s-%s' % (a, b, c))
print(con.execute("SELECT double(21), double('ab'), double(1.5), nada(), join3(1, 'x', NULL)").fetchone())
con.create_function('boom', 0, lambda: 1 / 0)
try:
    con.execute('SELECT boom()')
except sqlite3.OperationalError as e:
    print('OperationalError', e)
try:
    con.execute('SELECT double(1, 2)')
except sqlite3.OperationalError as e:
    print('OperationalError', e)

class Spread:
    def __init__(self):
        self.values = []
    def step(self, value):
        if value is not None:
            self.values.append(value)
    def finalize(self):
        return max(self.values) - min(self.values) if self.values else None
con.create_aggregate('spread', 1, Spread)
con.execute('CREATE TABLE n (g, v)')
con.executemany('INSERT INTO n VALUES (?, ?)', [('a', 1), ('a', 7), ('b', 3), ('b', None)])
print(con.execute('SELECT g, spread(v) FROM n GROUP BY g ORDER BY g').fetchall())
print(con.execute('SELECT spread(v) FROM n WHERE 0').fetchall())

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)
sqlite3.register_adapter(Point, lambda p: '%s;%s' % (p.x, p.y))
sqlite3.register_converter('point', lambda b: Point(*map(float, b.split(b';'))))

typed = sqlite3.connect(':memory:', detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
typed.execute('CREATE TABLE p (born DATE, seen TIMESTAMP, pt POINT, n INTEGER)')
typed.execute('INSERT INTO p VALUES (?, ?, ?, ?)',
              (datetime.date(2020, 2, 29), datetime.datetime(2021, 3, 4, 5, 6, 7, 890), Point(1, 2), 5))
print(typed.execute('SELECT * FROM p').fetchone())
print(typed.execute('SELECT pt AS "p [point]", n AS "n [text]" FROM p').fetchone())
print(typed.execute('SELECT pt AS "p [point]" FROM p').description)
plain = sqlite3.connect(':memory:')
plain.execute('CREATE TABLE p (born DATE, pt POINT)')
plain.execute('INSERT INTO p VALUES (?, ?)', (datetime.date(2020, 2, 29), Point(3, 4)))
print(plain.execute('SELECT * FROM p').fetchone())
print(sqlite3.adapt(Point(5, 6)), sqlite3.adapt(1, sqlite3.PrepareProtocol, 'alt'))
try:
    sqlite3.adapt(object())
except sqlite3.ProgrammingError as e:
    print('ProgrammingError', e)
