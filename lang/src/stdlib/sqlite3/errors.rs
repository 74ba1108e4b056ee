//! sqlite3's exception classes and how SQLite's result codes map onto them.

use crate::objects::class::Layout as ClassLayout;
use crate::objects::{Class, Name, PyErr, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use rusqlite::ffi;
use std::rc::Rc;

/// The DB-API exceptions, each with its base; created once per VM.
const HIERARCHY: &[(&str, Option<&str>)] = &[
    ("Warning", None),
    ("Error", None),
    ("InterfaceError", Some("Error")),
    ("DatabaseError", Some("Error")),
    ("InternalError", Some("DatabaseError")),
    ("OperationalError", Some("DatabaseError")),
    ("ProgrammingError", Some("DatabaseError")),
    ("IntegrityError", Some("DatabaseError")),
    ("DataError", Some("DatabaseError")),
    ("NotSupportedError", Some("DatabaseError")),
];

/// The exception class `name` (one of [`HIERARCHY`]).
pub(crate) fn class(vm: &Vm, name: &'static str) -> Rc<Class> {
    let key: &'static str = match name {
        "Warning" => "sqlite3.Warning",
        "Error" => "sqlite3.Error",
        "InterfaceError" => "sqlite3.InterfaceError",
        "DatabaseError" => "sqlite3.DatabaseError",
        "InternalError" => "sqlite3.InternalError",
        "OperationalError" => "sqlite3.OperationalError",
        "ProgrammingError" => "sqlite3.ProgrammingError",
        "IntegrityError" => "sqlite3.IntegrityError",
        "DataError" => "sqlite3.DataError",
        _ => "sqlite3.NotSupportedError",
    };
    vm.lazy_class(key, |vm| {
        let base = match HIERARCHY.iter().find(|(n, _)| *n == name) {
            Some((_, Some(base))) => class(vm, base),
            _ => vm.exc.exception.clone(),
        };
        new_class(name, &[base], ClassLayout::Exception, "sqlite3")
    })
}

/// Every exception class, by name, for the module namespace.
pub(crate) fn all(vm: &Vm) -> Vec<(&'static str, Rc<Class>)> {
    HIERARCHY
        .iter()
        .map(|(name, _)| (*name, class(vm, name)))
        .collect()
}

pub(crate) fn error(vm: &Vm, class_name: &'static str, message: impl Into<String>) -> PyErr {
    vm.new_error(&class(vm, class_name), message)
}

/// A rusqlite error as the exception CPython raises for it.
pub(crate) fn from_rusqlite(vm: &Vm, err: rusqlite::Error) -> PyErr {
    match err {
        rusqlite::Error::SqliteFailure(failure, message) => {
            let message = message.unwrap_or_else(|| failure.to_string());
            from_code(vm, failure.extended_code, message)
        }
        rusqlite::Error::SqlInputError { error, msg, .. } => {
            from_code(vm, error.extended_code, msg)
        }
        rusqlite::Error::MultipleStatement => error(
            vm,
            "ProgrammingError",
            "You can only execute one statement at a time.",
        ),
        other => error(vm, "DatabaseError", other.to_string()),
    }
}

/// The exception for SQLite result code `code` with SQLite's own
/// description of the code (rusqlite adds the path to an open failure's).
pub(crate) fn from_code_alone(vm: &Vm, code: i32) -> PyErr {
    // SAFETY: sqlite3_errstr returns a pointer to a static NUL-terminated
    // English string for any code.
    let text = unsafe { std::ffi::CStr::from_ptr(ffi::sqlite3_errstr(code)) };
    from_code(vm, code, text.to_string_lossy().into_owned())
}

/// The exception for SQLite result code `code` with SQLite's message,
/// carrying `sqlite_errorcode` and `sqlite_errorname` as in CPython 3.11.
pub(crate) fn from_code(vm: &Vm, code: i32, message: String) -> PyErr {
    let class_name = match code & 0xff {
        ffi::SQLITE_INTERNAL | ffi::SQLITE_NOTFOUND => "InternalError",
        ffi::SQLITE_NOMEM => return vm.new_error(&vm.exc.memory_error, ""),
        ffi::SQLITE_ERROR
        | ffi::SQLITE_PERM
        | ffi::SQLITE_ABORT
        | ffi::SQLITE_BUSY
        | ffi::SQLITE_LOCKED
        | ffi::SQLITE_READONLY
        | ffi::SQLITE_INTERRUPT
        | ffi::SQLITE_IOERR
        | ffi::SQLITE_FULL
        | ffi::SQLITE_CANTOPEN
        | ffi::SQLITE_PROTOCOL
        | ffi::SQLITE_EMPTY
        | ffi::SQLITE_SCHEMA => "OperationalError",
        ffi::SQLITE_CORRUPT => "DatabaseError",
        ffi::SQLITE_TOOBIG => "DataError",
        ffi::SQLITE_CONSTRAINT | ffi::SQLITE_MISMATCH => "IntegrityError",
        ffi::SQLITE_MISUSE | ffi::SQLITE_RANGE => "InterfaceError",
        _ => "DatabaseError",
    };
    let err = error(vm, class_name, message);
    let value = err.value();
    let name = code_name(code).map_or(Value::None, Value::str);
    // Fresh instances of plain exception classes take any attribute.
    let _ = vm.set_attr(
        &value,
        &Name::new("sqlite_errorcode"),
        Value::Int(code as i64),
    );
    let _ = vm.set_attr(&value, &Name::new("sqlite_errorname"), name);
    err
}

/// The C name of a result code (`SQLITE_CONSTRAINT_UNIQUE`).
fn code_name(code: i32) -> Option<&'static str> {
    CODE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// SQLite's primary result codes and the extended codes programs meet.
const CODE_NAMES: &[(i32, &str)] = &[
    (ffi::SQLITE_OK, "SQLITE_OK"),
    (ffi::SQLITE_ERROR, "SQLITE_ERROR"),
    (ffi::SQLITE_INTERNAL, "SQLITE_INTERNAL"),
    (ffi::SQLITE_PERM, "SQLITE_PERM"),
    (ffi::SQLITE_ABORT, "SQLITE_ABORT"),
    (ffi::SQLITE_BUSY, "SQLITE_BUSY"),
    (ffi::SQLITE_LOCKED, "SQLITE_LOCKED"),
    (ffi::SQLITE_NOMEM, "SQLITE_NOMEM"),
    (ffi::SQLITE_READONLY, "SQLITE_READONLY"),
    (ffi::SQLITE_INTERRUPT, "SQLITE_INTERRUPT"),
    (ffi::SQLITE_IOERR, "SQLITE_IOERR"),
    (ffi::SQLITE_CORRUPT, "SQLITE_CORRUPT"),
    (ffi::SQLITE_NOTFOUND, "SQLITE_NOTFOUND"),
    (ffi::SQLITE_FULL, "SQLITE_FULL"),
    (ffi::SQLITE_CANTOPEN, "SQLITE_CANTOPEN"),
    (ffi::SQLITE_PROTOCOL, "SQLITE_PROTOCOL"),
    (ffi::SQLITE_EMPTY, "SQLITE_EMPTY"),
    (ffi::SQLITE_SCHEMA, "SQLITE_SCHEMA"),
    (ffi::SQLITE_TOOBIG, "SQLITE_TOOBIG"),
    (ffi::SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"),
    (ffi::SQLITE_MISMATCH, "SQLITE_MISMATCH"),
    (ffi::SQLITE_MISUSE, "SQLITE_MISUSE"),
    (ffi::SQLITE_NOLFS, "SQLITE_NOLFS"),
    (ffi::SQLITE_AUTH, "SQLITE_AUTH"),
    (ffi::SQLITE_FORMAT, "SQLITE_FORMAT"),
    (ffi::SQLITE_RANGE, "SQLITE_RANGE"),
    (ffi::SQLITE_NOTADB, "SQLITE_NOTADB"),
    (ffi::SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"),
    (
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY,
        "SQLITE_CONSTRAINT_FOREIGNKEY",
    ),
    (ffi::SQLITE_CONSTRAINT_NOTNULL, "SQLITE_CONSTRAINT_NOTNULL"),
    (
        ffi::SQLITE_CONSTRAINT_PRIMARYKEY,
        "SQLITE_CONSTRAINT_PRIMARYKEY",
    ),
    (ffi::SQLITE_CONSTRAINT_TRIGGER, "SQLITE_CONSTRAINT_TRIGGER"),
    (ffi::SQLITE_CONSTRAINT_UNIQUE, "SQLITE_CONSTRAINT_UNIQUE"),
    (ffi::SQLITE_CONSTRAINT_ROWID, "SQLITE_CONSTRAINT_ROWID"),
    (ffi::SQLITE_READONLY_DBMOVED, "SQLITE_READONLY_DBMOVED"),
    (ffi::SQLITE_CANTOPEN_ISDIR, "SQLITE_CANTOPEN_ISDIR"),
];
