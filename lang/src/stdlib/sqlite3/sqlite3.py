"""The DB-API 2.0 interface to SQLite (PEP 249), over towel's bundled SQLite.

Connection, Cursor and Row follow CPython 3.11's sqlite3: qmark and named
parameters, the implicit transactions its isolation_level controls (a
BEGIN before INSERT/UPDATE/DELETE/REPLACE outside a transaction; COMMIT
before executescript), row factories, adapters and converters."""

import datetime
import os
import time

from _sqlite3 import (Warning, Error, InterfaceError, DatabaseError, InternalError,
                      OperationalError, ProgrammingError, IntegrityError, DataError,
                      NotSupportedError, sqlite_version, complete_statement)
import _sqlite3

paramstyle = "qmark"
threadsafety = 3
apilevel = "2.0"
version = "2.6.0"
version_info = (2, 6, 0)
sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime


def DateFromTicks(ticks):
    return Date(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*time.localtime(ticks)[:6])


Binary = memoryview


class PrepareProtocol:
    """The protocol adapters are registered for (PEP 246)."""

    def __init__(self, *args, **kwargs):
        pass


adapters = {}
converters = {}


def register_adapter(type, adapter, /):
    """Register a function that turns objects of type into a value SQLite
    can store."""
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    """Register a function that turns bytes from SQLite into an object, for
    columns declared (or named, with PARSE_COLNAMES) typename."""
    converters[typename.upper()] = converter


_MISSING = object()


def adapt(obj, proto=PrepareProtocol, alt=_MISSING, /):
    """Adapt obj with the registered adapter for its type."""
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    if alt is not _MISSING:
        return alt
    raise ProgrammingError("can't adapt")


_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")
_PLAIN_TYPES = (int, float, str, bytes, type(None))


def _first_keyword(sql):
    """The first word of sql after spaces and comments, upper-cased."""
    i = 0
    n = len(sql)
    while i < n:
        if sql[i].isspace():
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha()):
        j += 1
    return sql[i:j].upper()


def _type_name(value):
    # As CPython's argument errors name them.
    return "None" if value is None else type(value).__name__


def _is_dml(sql):
    return _first_keyword(sql) in ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Connection:
    """A connection to an SQLite database."""

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        database = os.fsdecode(os.fspath(database)) if not isinstance(database, str) else database
        self._db = _sqlite3._open(database, float(timeout), bool(uri))
        self._detect_types = detect_types
        self._isolation_level = ""
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str
        self._cursors_closed = False
        for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
                     "OperationalError", "IntegrityError", "InternalError",
                     "ProgrammingError", "NotSupportedError"):
            setattr(self, name, globals()[name])

    def _check(self):
        if self._db is None:
            raise ProgrammingError("Cannot operate on a closed database.")

    @property
    def isolation_level(self):
        self._check()
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, value):
        self._check()
        if value is not None:
            if not isinstance(value, str):
                raise TypeError("isolation_level must be str or None")
            if value.upper() not in _ISOLATION_LEVELS:
                raise ValueError("isolation_level string must be '', 'DEFERRED', "
                                 "'IMMEDIATE', or 'EXCLUSIVE'")
            value = value.upper()
        elif self.in_transaction:
            self.commit()
        self._isolation_level = value

    @property
    def in_transaction(self):
        self._check()
        return _sqlite3._in_transaction(self._db)

    @property
    def total_changes(self):
        self._check()
        return _sqlite3._total_changes(self._db)

    def cursor(self, factory=None):
        """Return a new cursor of this connection."""
        self._check()
        cursor = (Cursor if factory is None else factory)(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not %s" % type(cursor).__name__)
        if self.row_factory is not None and cursor.row_factory is None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        """Commit the current transaction, if there is one."""
        self._check()
        if _sqlite3._in_transaction(self._db):
            _sqlite3._execute(self._db, "COMMIT", None)

    def rollback(self):
        """Roll back the current transaction, if there is one."""
        self._check()
        if _sqlite3._in_transaction(self._db):
            _sqlite3._execute(self._db, "ROLLBACK", None)

    def close(self):
        """Close the connection; a transaction still open is rolled back."""
        if self._db is not None:
            _sqlite3._close(self._db)
            self._db = None

    def create_function(self, name, narg, func, *, deterministic=False):
        """Make func callable from SQL as name(...) with narg arguments."""
        self._check()
        _sqlite3._create_function(self._db, name, narg, func, deterministic)

    def create_aggregate(self, name, n_arg, aggregate_class):
        """Make an aggregate from a class with step() and finalize()."""
        self._check()
        _sqlite3._create_aggregate(self._db, name, n_arg, aggregate_class)

    def _missing(name):
        def method(self, *args, **kwargs):
            raise NotImplementedError("sqlite3.Connection.%s is not implemented in towel" % name)
        method.__name__ = name
        return method

    for _name in ("backup", "blobopen", "create_collation", "create_window_function",
                  "deserialize", "enable_load_extension", "getlimit", "interrupt",
                  "iterdump", "load_extension", "serialize", "set_authorizer",
                  "set_progress_handler", "set_trace_callback", "setlimit"):
        locals()[_name] = _missing(_name)
    del _name, _missing

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        # Commits on success, rolls back on an exception; never closes.
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def _begin_if_needed(self, sql):
        if self._isolation_level is not None and _is_dml(sql) \
                and not _sqlite3._in_transaction(self._db):
            _sqlite3._execute(self._db, "BEGIN " + self._isolation_level, None)


class Cursor:
    """A cursor: runs statements and hands out their rows."""

    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError("argument 1 must be sqlite3.Connection, not %s"
                            % type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self._rows = []
        self._next = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        self.connection._check()

    def _adapt(self, value):
        if type(value) in _PLAIN_TYPES:
            return value
        adapter = adapters.get((type(value), PrepareProtocol))
        if adapter is not None:
            return adapter(value)
        return value

    def _parameters(self, parameters):
        if isinstance(parameters, dict):
            return {key: self._adapt(value) for key, value in parameters.items()}
        if isinstance(parameters, (tuple, list)):
            return tuple(self._adapt(value) for value in parameters)
        if hasattr(parameters, "keys") and hasattr(parameters, "__getitem__"):
            return {key: self._adapt(parameters[key]) for key in parameters.keys()}
        if hasattr(parameters, "__len__") and hasattr(parameters, "__getitem__"):
            return tuple(self._adapt(parameters[i]) for i in range(len(parameters)))
        return parameters

    def _run(self, sql, parameters):
        connection = self.connection
        connection._begin_if_needed(sql)
        names, decltypes, rows, changes, lastrowid = _sqlite3._execute(
            connection._db, sql, parameters)
        if names is not None:
            names, rows = self._convert(names, decltypes, rows)
        return names, rows, changes, lastrowid

    def _convert(self, names, decltypes, rows):
        """Column names for description and rows after converters and the
        text factory."""
        detect = self.connection._detect_types
        column_converters = [None] * len(names)
        shown = list(names)
        for i, name in enumerate(names):
            converter = None
            if detect & PARSE_COLNAMES:
                start = name.find("[")
                if start >= 0:
                    end = name.find("]", start)
                    if end >= 0:
                        converter = converters.get(name[start + 1:end].upper())
                    shown[i] = name[:start].rstrip()
            if converter is None and detect & PARSE_DECLTYPES and decltypes[i]:
                converter = converters.get(decltypes[i].split("(")[0].split()[0].upper())
            column_converters[i] = converter
        text_factory = self.connection.text_factory
        if any(column_converters) or text_factory is not str:
            rows = [tuple(self._value(value, column_converters[i], text_factory)
                          for i, value in enumerate(row)) for row in rows]
        return tuple(shown), rows

    @staticmethod
    def _value(value, converter, text_factory):
        if value is None:
            return None
        if converter is not None:
            if isinstance(value, str):
                value = value.encode()
            elif not isinstance(value, bytes):
                value = str(value).encode()
            return converter(value)
        if isinstance(value, str) and text_factory is not str:
            return text_factory(value.encode())
        return value

    def execute(self, sql, parameters=(), /):
        """Run one SQL statement with parameters (a sequence for ?, a
        mapping for :name)."""
        self._check()
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not %s" % _type_name(sql))
        names, rows, changes, lastrowid = self._run(sql, self._parameters(parameters))
        self._set_result(names, rows)
        self.rowcount = changes if _is_dml(sql) else -1
        self.lastrowid = lastrowid
        return self

    def executemany(self, sql, seq_of_parameters, /):
        """Run one DML statement once for each set of parameters."""
        self._check()
        if not isinstance(sql, str):
            raise TypeError("executemany() argument 1 must be str, not %s"
                            % _type_name(sql))
        if not _is_dml(sql):
            raise ProgrammingError("executemany() can only execute DML statements.")
        total = 0
        names, rows = None, []
        # Unlike execute, executemany leaves lastrowid as it was (3.11).
        for parameters in seq_of_parameters:
            names, rows, changes, _ = self._run(sql, self._parameters(parameters))
            total += changes
        self._set_result(names, rows)
        self.rowcount = total
        return self

    def executescript(self, sql_script, /):
        """Commit any pending transaction, then run every statement of the
        script, without parameters."""
        self._check()
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not %s"
                            % _type_name(sql_script))
        self.connection.commit()
        _sqlite3._execute_script(self.connection._db, sql_script)
        self._set_result(None, [])
        self.rowcount = -1
        return self

    def _set_result(self, names, rows):
        if names is None:
            self.description = None
        else:
            self.description = tuple((name, None, None, None, None, None, None)
                                     for name in names)
        self._rows = rows
        self._next = 0

    def _row(self, values):
        factory = self.row_factory
        return values if factory is None else factory(self, values)

    def fetchone(self):
        """The next row, or None when there are no more."""
        self._check()
        if self._next >= len(self._rows):
            return None
        values = self._rows[self._next]
        self._next += 1
        return self._row(values)

    def fetchmany(self, size=None):
        """The next size rows (arraysize by default)."""
        self._check()
        if size is None:
            size = self.arraysize
        result = []
        while len(result) < size:
            row = self.fetchone()
            if row is None:
                break
            result.append(row)
        return result

    def fetchall(self):
        """Every remaining row."""
        self._check()
        rows = self._rows[self._next:]
        self._next = len(self._rows)
        return [self._row(values) for values in rows]

    def __iter__(self):
        return self

    def __next__(self):
        row = self.fetchone()
        if row is None:
            raise StopIteration
        return row

    def close(self):
        """Close the cursor; it can no longer be used."""
        self._closed = True
        self._rows = []

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


class Row:
    """A row that columns can be read from by index or by name (ignoring
    case)."""

    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("argument 1 must be sqlite3.Cursor, not %s"
                            % type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("argument 2 must be tuple, not %s" % type(data).__name__)
        self._data = data
        self._description = cursor.description

    def keys(self):
        """The column names."""
        return [column[0] for column in self._description or ()]

    def __getitem__(self, key):
        if isinstance(key, str):
            wanted = key.upper()
            for i, column in enumerate(self._description or ()):
                if column[0].upper() == wanted:
                    return self._data[i]
            raise IndexError("No item with that key")
        return self._data[key]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)

    def __repr__(self):
        return "<sqlite3.Row object at %#x>" % id(self)


def connect(database, timeout=5.0, detect_types=0, isolation_level="",
            check_same_thread=True, factory=Connection, cached_statements=128, uri=False):
    """Open a connection to the SQLite database file database (":memory:"
    for a database in memory)."""
    return factory(database, timeout, detect_types, isolation_level,
                   check_same_thread, factory, cached_statements, uri)


def enable_callback_tracebacks(flag, /):
    raise NotImplementedError("sqlite3.enable_callback_tracebacks is not implemented in towel")


def _adapt_date(value):
    return value.isoformat()


def _adapt_datetime(value):
    return value.isoformat(" ")


def _convert_date(value):
    return datetime.date(*map(int, value.split(b"-")))


def _convert_timestamp(value):
    date_part, time_part = value.split(b" ")
    year, month, day = map(int, date_part.split(b"-"))
    time_part = time_part.split(b".")
    hours, minutes, seconds = map(int, time_part[0].split(b":"))
    microseconds = int("{:0<6.6}".format(time_part[1].decode())) if len(time_part) == 2 else 0
    return datetime.datetime(year, month, day, hours, minutes, seconds, microseconds)


register_adapter(datetime.date, _adapt_date)
register_adapter(datetime.datetime, _adapt_datetime)
register_converter("date", _convert_date)
register_converter("timestamp", _convert_timestamp)

for _name in ("Warning", "Error", "InterfaceError", "DatabaseError", "InternalError",
              "OperationalError", "ProgrammingError", "IntegrityError", "DataError",
              "NotSupportedError"):
    globals()[_name].__module__ = "sqlite3"
del _name
