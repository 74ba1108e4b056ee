//! `sqlite3` on SQLite compiled into towel (rusqlite's bundled amalgamation).
//!
//! `_sqlite3` is the native layer: a `Database` handle and functions that
//! run one statement (binding parameters, collecting every row), run a
//! script, and register Python functions and aggregates with SQLite. The
//! DB-API objects (`Connection`, `Cursor`, `Row`), the transaction rules of
//! CPython 3.11 and adapters/converters are towel source (`sqlite3.py`).
//!
//! A statement's rows are read when it runs, not as they are fetched: the
//! cursor hands them out from a list.

mod errors;

use crate::objects::bytes::bytes_like;
use crate::objects::class::Layout as ClassLayout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::new_class;
use crate::vm::Vm;
use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OpenFlags};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_sqlite3", FUNCTIONS);
    for (name, class) in errors::all(vm) {
        super::set(&m, name, Value::Class(class));
    }
    super::set(&m, "sqlite_version", Value::str(rusqlite::version()));
    Ok(m)
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&OPEN, open),
    (&CLOSE, close),
    (&EXECUTE, execute),
    (&EXECUTE_SCRIPT, execute_script),
    (&IN_TRANSACTION, in_transaction),
    (&TOTAL_CHANGES, total_changes),
    (&CREATE_FUNCTION, create_function),
    (&CREATE_AGGREGATE, create_aggregate),
    (&COMPLETE_STATEMENT, complete_statement),
];

/// An open SQLite database and the Python callables registered with it.
struct Database {
    class: Rc<Class>,
    /// `None` once closed.
    connection: RefCell<Option<Connection>>,
    /// Functions and aggregate classes SQLite may call back.
    callbacks: RefCell<Vec<Value>>,
}

impl NativeObject for Database {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.callbacks.borrow().iter().for_each(|v| visit.value(v));
    }
    fn clear(&self) {
        self.callbacks.borrow_mut().clear();
    }
}

fn database_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_sqlite3.Database", |vm| {
        new_class(
            "Database",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "_sqlite3",
        )
    })
}

thread_local! {
    /// The VM running the native call that SQLite is calling back from
    /// (a user function inside `execute`); null outside such calls.
    static ACTIVE_VM: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

/// Makes `vm` the one callbacks use while it lives.
struct ActiveVm(*const Vm);

impl ActiveVm {
    fn enter(vm: &Vm) -> ActiveVm {
        ActiveVm(ACTIVE_VM.with(|active| active.replace(vm)))
    }
}

impl Drop for ActiveVm {
    fn drop(&mut self) {
        ACTIVE_VM.with(|active| active.set(self.0));
    }
}

/// Runs `f` with the VM of the native call SQLite is calling back from.
fn with_active_vm<R>(f: impl FnOnce(&Vm) -> rusqlite::Result<R>) -> rusqlite::Result<R> {
    let vm = ACTIVE_VM.with(Cell::get);
    if vm.is_null() {
        return Err(rusqlite::Error::UserFunctionError(
            "towel: callback outside a statement".into(),
        ));
    }
    // SAFETY: ACTIVE_VM is set only by an `ActiveVm` guard that lives on
    // the stack of a native call holding `&Vm`; SQLite calls back
    // synchronously on this thread within that call, so the VM is alive and
    // not moved.
    f(unsafe { &*vm })
}

/// A str argument the glue has already checked.
fn text(vm: &Vm, value: &Value) -> PyResult<String> {
    match value.builtin_base() {
        Value::Str(s) => Ok(s.as_str().to_string()),
        _ => Err(vm.type_error(format!("expected str, not {}", vm.type_name(value)))),
    }
}

fn database<'a>(vm: &Vm, value: &'a Value) -> PyResult<&'a Database> {
    value
        .downcast_native::<Database>()
        .ok_or_else(|| vm.type_error("expected a _sqlite3.Database"))
}

/// Runs `f` on the open connection of `db`.
fn with_connection<R>(
    vm: &Vm,
    db: &Value,
    f: impl FnOnce(&Connection) -> PyResult<R>,
) -> PyResult<R> {
    let db = database(vm, db)?;
    let connection = db.connection.borrow();
    match connection.as_ref() {
        Some(connection) => f(connection),
        None => Err(errors::error(
            vm,
            "ProgrammingError",
            "Cannot operate on a closed database.",
        )),
    }
}

static OPEN: Signature = Signature::new(Style::Positional, "_open", "database, timeout, uri, /")
    .doc("Return a handle to the database opened at path or URI.");

/// `_open(database, timeout, uri)`: opens (creating) a database file,
/// `":memory:"`, or a `file:` URI.
fn open(vm: &Vm, args: Args) -> PyResult {
    let ([path, timeout, uri], []) = OPEN.bind(vm, args)?;
    let path = text(vm, path)?;
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if vm.truthy(uri)? {
        flags |= OpenFlags::SQLITE_OPEN_URI;
    }
    let connection = Connection::open_with_flags(&path, flags).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(failure, _) => {
            errors::from_code_alone(vm, failure.extended_code)
        }
        other => errors::from_rusqlite(vm, other),
    })?;
    let seconds = match timeout {
        Value::Float(f) => f.get(),
        other => vm.to_index(other)? as f64,
    }
    .max(0.0);
    connection
        .busy_timeout(std::time::Duration::from_secs_f64(seconds))
        .map_err(|e| errors::from_rusqlite(vm, e))?;
    Ok(Value::native(Database {
        class: database_class(vm),
        connection: RefCell::new(Some(connection)),
        callbacks: RefCell::new(Vec::new()),
    }))
}

static CLOSE: Signature =
    Signature::new(Style::Positional, "_close", "db, /").doc("Close the database handle.");

fn close(vm: &Vm, args: Args) -> PyResult {
    let ([db], []) = CLOSE.bind(vm, args)?;
    let db = database(vm, db)?;
    let Ok(mut connection) = db.connection.try_borrow_mut() else {
        return Err(errors::error(
            vm,
            "OperationalError",
            "cannot close the database from one of its own callbacks",
        ));
    };
    if let Some(connection) = connection.take() {
        connection
            .close()
            .map_err(|(_, e)| errors::from_rusqlite(vm, e))?;
    }
    db.callbacks.borrow_mut().clear();
    Ok(Value::None)
}

// -- statements -----------------------------------------------------------------------

static EXECUTE: Signature = Signature::new(Style::Positional, "_execute", "db, sql, params, /")
    .doc("Run one SQL statement with its parameters and return its rows.");

/// `_execute(db, sql, params)`: runs one statement with `params` (None, a
/// tuple or list for `?`, a dict for `:name`) and returns `(names,
/// decltypes, rows, changes, lastrowid)`; `names` is None for a statement
/// without result columns.
fn execute(vm: &Vm, args: Args) -> PyResult {
    let ([db, sql, params], []) = EXECUTE.bind(vm, args)?;
    let Value::Str(sql) = sql.builtin_base() else {
        return Err(vm.type_error("_execute() argument 2 must be str"));
    };
    let _active = ActiveVm::enter(vm);
    with_connection(vm, db, |connection| {
        let sql_error = |e| errors::from_rusqlite(vm, e);
        let mut statement = connection.prepare(sql.as_str()).map_err(sql_error)?;
        bind(vm, &mut statement, params)?;
        let names: Vec<String> = statement
            .column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let decltypes: Vec<Value> = statement
            .columns()
            .iter()
            .map(|c| c.decl_type().map_or(Value::None, Value::str))
            .collect();
        let mut rows = Vec::new();
        let mut query = statement.raw_query();
        while let Some(row) = query.next().map_err(sql_error)? {
            let mut values = Vec::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                let value = row.get_ref(i).map_err(sql_error)?;
                values.push(from_sql(vm, value, name)?);
            }
            rows.push(Value::tuple(values));
        }
        drop(query);
        let names = if names.is_empty() {
            Value::None
        } else {
            Value::tuple(names.into_iter().map(Value::string).collect())
        };
        Ok(Value::tuple(vec![
            names,
            Value::tuple(decltypes),
            Value::list(rows),
            Value::Int(connection.changes() as i64),
            Value::Int(connection.last_insert_rowid()),
        ]))
    })
}

/// Binds `params` to the statement's parameters, with CPython's errors.
fn bind(vm: &Vm, statement: &mut rusqlite::Statement, params: &Value) -> PyResult<()> {
    let wanted = statement.parameter_count();
    let programming = |message: String| errors::error(vm, "ProgrammingError", message);
    match params.builtin_base() {
        Value::None if wanted == 0 => Ok(()),
        Value::Dict(dict) => {
            for index in 1..=wanted {
                let Some(name) = statement.parameter_name(index).map(str::to_string) else {
                    return Err(programming(format!(
                        "Binding {index} has no name, but you supplied a dictionary (which has only names)."
                    )));
                };
                let Some(value) = dict.get(vm, &Value::str(&name[1..]))? else {
                    return Err(programming(format!(
                        "You did not supply a value for binding parameter {name}."
                    )));
                };
                bind_one(vm, statement, index, &value)?;
            }
            Ok(())
        }
        Value::Tuple(_) | Value::List(_) => {
            let values = match params.builtin_base() {
                Value::Tuple(t) => t.0.clone(),
                Value::List(l) => l.snapshot(),
                _ => Vec::new(),
            };
            if values.len() != wanted {
                return Err(programming(format!(
                    "Incorrect number of bindings supplied. The current statement uses {wanted}, and there are {} supplied.",
                    values.len()
                )));
            }
            for (i, value) in values.iter().enumerate() {
                bind_one(vm, statement, i + 1, value)?;
            }
            Ok(())
        }
        _ => Err(programming("parameters are of unsupported type".into())),
    }
}

fn bind_one(
    vm: &Vm,
    statement: &mut rusqlite::Statement,
    index: usize,
    value: &Value,
) -> PyResult<()> {
    let value = to_sql(vm, value)?.ok_or_else(|| {
        errors::error(
            vm,
            "ProgrammingError",
            format!(
                "Error binding parameter {index}: type '{}' is not supported",
                vm.type_name(value)
            ),
        )
    })?;
    statement
        .raw_bind_parameter(index, value)
        .map_err(|e| errors::from_rusqlite(vm, e))
}

/// A Python value as SQLite stores it; None for a type SQLite cannot hold.
fn to_sql(vm: &Vm, value: &Value) -> PyResult<Option<SqlValue>> {
    Ok(Some(match value {
        Value::None => SqlValue::Null,
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
            let n = vm.to_index(value).map_err(|_| {
                vm.new_error(
                    &vm.exc.overflow_error,
                    "Python int too large to convert to SQLite INTEGER",
                )
            })?;
            SqlValue::Integer(n)
        }
        Value::Float(f) => SqlValue::Real(f.get()),
        Value::Str(s) => SqlValue::Text(s.as_str().to_string()),
        other => match bytes_like(other) {
            Some(bytes) => SqlValue::Blob(bytes.into_owned()),
            None => return Ok(None),
        },
    }))
}

/// A value SQLite returned, as Python sees it.
fn from_sql(vm: &Vm, value: ValueRef, column: &str) -> PyResult {
    Ok(match value {
        ValueRef::Null => Value::None,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(f) => Value::float(f),
        ValueRef::Text(text) => match std::str::from_utf8(text) {
            Ok(text) => Value::str(text),
            Err(_) => {
                return Err(errors::error(
                    vm,
                    "OperationalError",
                    format!(
                        "Could not decode to UTF-8 column '{column}' with text '{}'",
                        String::from_utf8_lossy(text)
                    ),
                ))
            }
        },
        ValueRef::Blob(bytes) => Value::Bytes(Rc::new(bytes.to_vec())),
    })
}

static EXECUTE_SCRIPT: Signature =
    Signature::new(Style::Positional, "_execute_script", "db, sql, /")
        .doc("Run every SQL statement of a script.");

fn execute_script(vm: &Vm, args: Args) -> PyResult {
    let ([db, sql], []) = EXECUTE_SCRIPT.bind(vm, args)?;
    let Value::Str(sql) = sql.builtin_base() else {
        return Err(vm.type_error("_execute_script() argument 2 must be str"));
    };
    let _active = ActiveVm::enter(vm);
    with_connection(vm, db, |connection| {
        connection
            .execute_batch(sql.as_str())
            .map_err(|e| errors::from_rusqlite(vm, e))?;
        Ok(Value::None)
    })
}

static IN_TRANSACTION: Signature = Signature::new(Style::Positional, "_in_transaction", "db, /")
    .doc("Return whether a transaction is open.");

fn in_transaction(vm: &Vm, args: Args) -> PyResult {
    let ([db], []) = IN_TRANSACTION.bind(vm, args)?;
    with_connection(vm, db, |c| Ok(Value::from_bool(!c.is_autocommit())))
}

static TOTAL_CHANGES: Signature = Signature::new(Style::Positional, "_total_changes", "db, /")
    .doc("Return how many rows were changed since the database was opened.");

fn total_changes(vm: &Vm, args: Args) -> PyResult {
    let ([db], []) = TOTAL_CHANGES.bind(vm, args)?;
    with_connection(vm, db, |c| Ok(Value::Int(c.total_changes() as i64)))
}

static COMPLETE_STATEMENT: Signature =
    Signature::new(Style::Clinic, "complete_statement", "statement")
        .doc("Return whether the text ends a complete SQL statement.");

/// `complete_statement(statement)`: whether the text ends with a complete
/// statement (SQLite's `sqlite3_complete`).
fn complete_statement(vm: &Vm, args: Args) -> PyResult {
    let ([statement], []) = COMPLETE_STATEMENT.bind(vm, args)?;
    let Value::Str(text) = statement.builtin_base() else {
        return Err(vm.type_error(format!(
            "complete_statement() argument 'statement' must be str, not {}",
            vm.type_name(statement)
        )));
    };
    // SQLite reads the text up to its first NUL, as CPython passes it.
    let text = text.as_str().split('\0').next().unwrap_or("");
    let text = std::ffi::CString::new(text).unwrap_or_default();
    // SAFETY: `text` is a NUL-terminated string that outlives the call, and
    // sqlite3_complete only reads it.
    let complete = unsafe { rusqlite::ffi::sqlite3_complete(text.as_ptr()) };
    Ok(Value::from_bool(complete != 0))
}

// -- user functions -------------------------------------------------------------------

/// A Python value SQLite holds for later calls: SQLite needs `Send`, but
/// a connection never leaves the thread that opened it (the `Database`
/// is not `Send`), so neither do these.
struct Held(Value);

// SAFETY: see `Held`: the callbacks run only on the connection's thread,
// within a native call of that thread's VM.
unsafe impl Send for Held {}

static CREATE_FUNCTION: Signature = Signature::new(
    Style::Positional,
    "_create_function",
    "db, name, narg, func, deterministic, /",
)
.doc("Make the Python callable func available to SQL under name.");

/// `_create_function(db, name, narg, func, deterministic)`.
fn create_function(vm: &Vm, args: Args) -> PyResult {
    let ([db, name, narg, func, deterministic], []) = CREATE_FUNCTION.bind(vm, args)?;
    let name = text(vm, name)?;
    let narg = vm.to_index(narg)? as i32;
    let mut flags = FunctionFlags::SQLITE_UTF8;
    if vm.truthy(deterministic)? {
        flags |= FunctionFlags::SQLITE_DETERMINISTIC;
    }
    database(vm, db)?.callbacks.borrow_mut().push(func.clone());
    let held = Held(func.clone());
    with_connection(vm, db, |connection| {
        connection
            .create_scalar_function(name.as_str(), narg, flags, move |ctx| {
                let held = &held;
                with_active_vm(|vm| {
                    let args = arguments(vm, ctx)?;
                    let result = vm
                        .call(&held.0, &args)
                        .map_err(|_| user_error("user-defined function raised exception"))?;
                    result_value(vm, &result)
                        .ok_or_else(|| user_error("user-defined function raised exception"))
                })
            })
            .map_err(|e| errors::from_rusqlite(vm, e))?;
        Ok(Value::None)
    })
}

fn user_error(message: &str) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(message.into())
}

/// The arguments SQLite passes a user function, as Python values.
fn arguments(vm: &Vm, ctx: &Context) -> rusqlite::Result<Vec<Value>> {
    (0..ctx.len())
        .map(|i| from_sql(vm, ctx.get_raw(i), "").map_err(|_| user_error("bad argument")))
        .collect()
}

/// What a user function returned, for SQLite; None for an unsupported type.
fn result_value(vm: &Vm, value: &Value) -> Option<SqlValue> {
    to_sql(vm, value).ok().flatten()
}

static CREATE_AGGREGATE: Signature = Signature::new(
    Style::Positional,
    "_create_aggregate",
    "db, name, narg, aggregate_class, /",
)
.doc("Make the aggregate class available to SQL under name.");

/// An aggregate whose state is an instance of a Python class with `step`
/// and `finalize` methods.
struct PythonAggregate(Held);

impl Aggregate<AssertUnwindSafe<Held>, Option<SqlValue>> for PythonAggregate {
    fn init(&self, _ctx: &mut Context<'_>) -> rusqlite::Result<AssertUnwindSafe<Held>> {
        with_active_vm(|vm| {
            let instance = vm.call(&self.0 .0, &[]).map_err(|_| {
                user_error("user-defined aggregate's '__init__' method raised error")
            })?;
            Ok(AssertUnwindSafe(Held(instance)))
        })
    }

    fn step(
        &self,
        ctx: &mut Context<'_>,
        state: &mut AssertUnwindSafe<Held>,
    ) -> rusqlite::Result<()> {
        with_active_vm(|vm| {
            let args = arguments(vm, ctx)?;
            let step = vm
                .get_attr(&state.0 .0, &crate::objects::Name::new("step"))
                .map_err(|_| user_error("user-defined aggregate's 'step' method not defined"))?;
            vm.call(&step, &args)
                .map_err(|_| user_error("user-defined aggregate's 'step' method raised error"))?;
            Ok(())
        })
    }

    fn finalize(
        &self,
        _ctx: &mut Context<'_>,
        state: Option<AssertUnwindSafe<Held>>,
    ) -> rusqlite::Result<Option<SqlValue>> {
        with_active_vm(|vm| {
            let instance = match state {
                Some(state) => state.0 .0.clone(),
                None => vm.call(&self.0 .0, &[]).map_err(|_| {
                    user_error("user-defined aggregate's '__init__' method raised error")
                })?,
            };
            let finalize = vm
                .get_attr(&instance, &crate::objects::Name::new("finalize"))
                .and_then(|f| vm.call(&f, &[]))
                .map_err(|_| {
                    user_error("user-defined aggregate's 'finalize' method raised error")
                })?;
            Ok(result_value(vm, &finalize))
        })
    }
}

fn create_aggregate(vm: &Vm, args: Args) -> PyResult {
    let ([db, name, narg, class], []) = CREATE_AGGREGATE.bind(vm, args)?;
    let name = text(vm, name)?;
    let narg = vm.to_index(narg)? as i32;
    database(vm, db)?.callbacks.borrow_mut().push(class.clone());
    let aggregate = PythonAggregate(Held(class.clone()));
    with_connection(vm, db, |connection| {
        connection
            .create_aggregate_function(name.as_str(), narg, FunctionFlags::SQLITE_UTF8, aggregate)
            .map_err(|e| errors::from_rusqlite(vm, e))?;
        Ok(Value::None)
    })
}
