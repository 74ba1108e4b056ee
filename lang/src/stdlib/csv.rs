//! `_csv`: the CSV reader and writer and the dialect registry, native as
//! in CPython (they run once per character); `csv.py` adds the dialect
//! classes, `DictReader`, `DictWriter` and `Sniffer` on top.

use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// CPython's default `field_size_limit`.
const DEFAULT_FIELD_LIMIT: i64 = 128 * 1024;

thread_local! {
    /// Registered dialects by name, in registration order.
    static REGISTRY: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(DEFAULT_FIELD_LIMIT) };
}

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&READER, reader),
    (&WRITER, writer),
    (&REGISTER_DIALECT, register_dialect),
    (&UNREGISTER_DIALECT, unregister_dialect),
    (&GET_DIALECT, get_dialect),
    (&LIST_DIALECTS, list_dialects),
    (&FIELD_SIZE_LIMIT, field_size_limit),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_csv", FUNCTIONS);
    for (name, value) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        super::set(&m, name, Value::Int(value));
    }
    super::set(&m, "__version__", Value::str("1.0"));
    super::set(&m, "Error", Value::Class(error_class(vm)));
    super::set(&m, "Dialect", Value::Class(dialect_class(vm)));
    Ok(m)
}

fn error_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_csv.Error", |vm| {
        new_class(
            "Error",
            std::slice::from_ref(&vm.exc.exception),
            Layout::Exception,
            "_csv",
        )
    })
}

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&error_class(vm), msg)
}

// -- dialects ---------------------------------------------------------------------

/// The settings of a dialect, validated.
#[derive(Clone)]
struct Spec {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
    lineterminator: String,
}

/// `_csv.Dialect`: an immutable, validated set of formatting parameters.
pub struct Dialect {
    class: Rc<Class>,
    spec: Spec,
}

impl NativeObject for Dialect {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        let s = &self.spec;
        let ch = |c: Option<char>| c.map_or(Value::None, |c| Value::string(c.to_string()));
        Some(Ok(match name {
            "delimiter" => Value::string(s.delimiter.to_string()),
            "quotechar" => ch(s.quotechar),
            "escapechar" => ch(s.escapechar),
            "doublequote" => Value::from_bool(s.doublequote),
            "skipinitialspace" => Value::from_bool(s.skipinitialspace),
            "strict" => Value::from_bool(s.strict),
            "quoting" => Value::Int(s.quoting),
            "lineterminator" => Value::str(&s.lineterminator),
            _ => return None,
        }))
    }
    fn set_attr(&self, vm: &Vm, name: &str, _value: Value) -> Option<PyResult<()>> {
        ATTRIBUTES.contains(&name).then(|| {
            Err(vm.attribute_error(format!(
                "attribute '{name}' of '_csv.Dialect' objects is not writable"
            )))
        })
    }
}

/// The formatting parameters, in the order CPython reads and checks them.
const ATTRIBUTES: [&str; 8] = [
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

fn dialect_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_csv.Dialect", |vm| {
        let c = new_class(
            "Dialect",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_csv",
        );
        add_methods(&c, "Dialect", &[("__new__", dialect_new)]);
        c
    })
}

/// `_csv.Dialect(dialect=None, **fmtparams)`.
fn dialect_new(vm: &Vm, args: Args) -> PyResult {
    let rest = args.skip_first();
    let base = rest.get(0).or_else(|| rest.kw("dialect"));
    let overrides = keyword_params(vm, &rest)?;
    make_dialect(vm, base, &overrides)
}

/// The formatting keywords of a call (everything but `dialect`), checked.
fn keyword_params<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<Vec<(&'a str, &'a Value)>> {
    let mut out = Vec::new();
    for (name, value) in args.kwnames.iter().zip(args.kwvalues) {
        let name = name.as_str().unwrap_or_default();
        if name == "dialect" {
            continue;
        }
        if !ATTRIBUTES.contains(&name) {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for this function"
            )));
        }
        out.push((name, value));
    }
    Ok(out)
}

/// A dialect from a registered name, a dialect object or class, or
/// nothing, with keyword overrides; an existing `_csv.Dialect` is reused
/// when nothing overrides it.
fn make_dialect(vm: &Vm, base: Option<&Value>, overrides: &[(&str, &Value)]) -> PyResult {
    let base = match base {
        Some(Value::Str(name)) => Some(lookup_dialect(vm, name.as_str())?),
        Some(Value::None) | None => None,
        Some(other) => Some(other.clone()),
    };
    if let Some(b) = &base {
        if b.downcast_native::<Dialect>().is_some() && overrides.is_empty() {
            return Ok(b.clone());
        }
    }
    let mut values: Vec<Option<Value>> = Vec::with_capacity(ATTRIBUTES.len());
    for name in ATTRIBUTES {
        let given = overrides
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).clone());
        let value = match (given, &base) {
            (Some(v), _) => Some(v),
            (None, Some(b)) => match vm.get_attr_str(b, name) {
                Ok(v) => Some(v),
                Err(e) if vm.err_is(&e, &vm.exc.attribute_error) => None,
                Err(e) => return Err(e),
            },
            (None, None) => None,
        };
        values.push(value);
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        <[Option<Value>; 8]>::try_from(values).map_err(|_| vm.type_error("dialect"))?;
    let flag = |v: &Option<Value>, default: bool| v.as_ref().map_or(Ok(default), |v| vm.truthy(v));
    let delimiter = match &delimiter {
        None => ',',
        Some(v) => one_char(vm, "delimiter", v)?,
    };
    let doublequote = flag(&doublequote, true)?;
    let escapechar = match &escapechar {
        None | Some(Value::None) => None,
        Some(v) => Some(one_char_or_none(vm, "escapechar", v)?),
    };
    let lineterminator = match &lineterminator {
        None => Some("\r\n".to_string()),
        Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(_) => return Err(vm.type_error("\"lineterminator\" must be a string")),
    };
    let quoting_given = quoting.is_some();
    let quotechar = match &quotechar {
        None => Some('"'),
        Some(Value::None) => None,
        Some(v) => Some(one_char_or_none(vm, "quotechar", v)?),
    };
    let mut quoting = match &quoting {
        None => QUOTE_MINIMAL,
        Some(v @ (Value::Int(_) | Value::Bool(_))) => vm.to_index(v)?,
        Some(_) => return Err(vm.type_error("\"quoting\" must be an integer")),
    };
    let skipinitialspace = flag(&skipinitialspace, false)?;
    let strict = flag(&strict, false)?;
    if quotechar.is_none() && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    Ok(Value::native(Dialect {
        class: dialect_class(vm),
        spec: Spec {
            delimiter,
            quotechar,
            escapechar,
            doublequote,
            skipinitialspace,
            strict,
            quoting,
            lineterminator,
        },
    }))
}

fn one_char(vm: &Vm, name: &str, v: &Value) -> PyResult<char> {
    let Value::Str(s) = v else {
        return Err(vm.type_error(format!(
            "\"{name}\" must be string, not {}",
            vm.type_name(v)
        )));
    };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

fn one_char_or_none(vm: &Vm, name: &str, v: &Value) -> PyResult<char> {
    match v {
        Value::Str(_) => one_char(vm, name, v),
        _ => Err(vm.type_error(format!(
            "\"{name}\" must be string or None, not {}",
            vm.type_name(v)
        ))),
    }
}

fn spec_of(v: &Value) -> Spec {
    v.downcast_native::<Dialect>()
        .map(|d| d.spec.clone())
        .expect("make_dialect returns a _csv.Dialect")
}

fn lookup_dialect(vm: &Vm, name: &str) -> PyResult<Value> {
    REGISTRY
        .with(|r| {
            r.borrow()
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, d)| d.clone())
        })
        .ok_or_else(|| error(vm, "unknown dialect"))
}

static REGISTER_DIALECT: Signature = Signature::undocumented(
    Style::Python,
    "register_dialect",
    "name, dialect=None, **fmtparams",
)
.doc("Register a dialect under name, from a dialect object and/or formatting parameters.");

fn register_dialect(vm: &Vm, args: Args) -> PyResult {
    let params = keyword_params(vm, &args)?;
    let name = args.get(0).or_else(|| args.kw("name"));
    let base = args.get(1).or_else(|| args.kw("dialect"));
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "register_dialect() expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let Some(name) = name else {
        return Err(vm.type_error("register_dialect() missing required argument 'name' (pos 1)"));
    };
    let Value::Str(name) = name else {
        return Err(vm.type_error("dialect name must be a string"));
    };
    let dialect = make_dialect(vm, base, &params)?;
    let name = name.as_str().to_string();
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        match r.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = dialect,
            None => r.push((name, dialect)),
        }
    });
    Ok(Value::None)
}

static UNREGISTER_DIALECT: Signature = Signature::new(Style::Clinic, "unregister_dialect", "name")
    .doc("Remove the dialect registered as name.");

fn unregister_dialect(vm: &Vm, args: Args) -> PyResult {
    let ([name], []) = UNREGISTER_DIALECT.bind(vm, args)?;
    let name = name.as_str().unwrap_or_default().to_string();
    let removed = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let before = r.len();
        r.retain(|(n, _)| *n != name);
        r.len() != before
    });
    if !removed {
        return Err(error(vm, "unknown dialect"));
    }
    Ok(Value::None)
}

static GET_DIALECT: Signature = Signature::new(Style::Clinic, "get_dialect", "name")
    .doc("Return the dialect registered as name.");

fn get_dialect(vm: &Vm, args: Args) -> PyResult {
    let ([name], []) = GET_DIALECT.bind(vm, args)?;
    match name {
        Value::Str(s) => lookup_dialect(vm, s.as_str()),
        _ => Err(error(vm, "unknown dialect")),
    }
}

static LIST_DIALECTS: Signature = Signature::new(Style::Clinic, "list_dialects", "")
    .doc("Return the names of the registered dialects.");

fn list_dialects(vm: &Vm, args: Args) -> PyResult {
    LIST_DIALECTS.bind::<0, 0>(vm, args)?;
    let names = REGISTRY.with(|r| r.borrow().iter().map(|(n, _)| Value::str(n)).collect());
    Ok(Value::list(names))
}

static FIELD_SIZE_LIMIT: Signature = Signature::new(
    Style::Clinic,
    "field_size_limit",
    "new_limit=<unrepresentable>",
)
.doc("Return the largest field the parser accepts, setting a new limit when given.");

/// `field_size_limit([new_limit])`: the limit before the call.
fn field_size_limit(vm: &Vm, args: Args) -> PyResult {
    let ([], [new_limit]) = FIELD_SIZE_LIMIT.bind(vm, args)?;
    let old = FIELD_LIMIT.with(Cell::get);
    if let Some(limit) = new_limit {
        let limit = match limit {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.to_index(limit)?,
            _ => return Err(vm.type_error("limit must be an integer")),
        };
        FIELD_LIMIT.with(|l| l.set(limit));
    }
    Ok(Value::Int(old))
}

// -- reading ----------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrNl,
    AfterEscapedCrNl,
}

/// What the parser is given: a character of a line, or the line's end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Char(char),
    EndOfLine,
}

/// The record being read.
struct Parse {
    state: State,
    fields: Vec<Value>,
    field: String,
    /// Characters in `field`, checked against the field size limit.
    field_len: i64,
    /// The field is unquoted under QUOTE_NONNUMERIC: it becomes a float.
    numeric: bool,
}

/// `_csv.reader`: iterates over the records of an iterable of lines.
pub struct Reader {
    class: Rc<Class>,
    lines: Value,
    dialect: Value,
    spec: Spec,
    line_num: Cell<i64>,
    parse: RefCell<Parse>,
}

impl NativeObject for Reader {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.lines);
        visit.value(&self.dialect);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        match name {
            "dialect" => Some(Ok(self.dialect.clone())),
            "line_num" => Some(Ok(Value::Int(self.line_num.get()))),
            _ => None,
        }
    }
    fn next_item(&self, vm: &Vm) -> Option<PyResult<Option<Value>>> {
        Some(self.next_record(vm))
    }
}

impl Reader {
    fn next_record(&self, vm: &Vm) -> PyResult<Option<Value>> {
        {
            let mut p = self.parse.borrow_mut();
            p.state = State::StartRecord;
            p.fields.clear();
            p.field.clear();
            p.field_len = 0;
            p.numeric = false;
        }
        loop {
            let Some(line) = vm.next(&self.lines)? else {
                let mut p = self.parse.borrow_mut();
                if !p.field.is_empty() || p.state == State::InQuotedField {
                    if self.spec.strict {
                        return Err(error(vm, "unexpected end of data"));
                    }
                    self.save_field(vm, &mut p)?;
                    return Ok(Some(Value::list(std::mem::take(&mut p.fields))));
                }
                return Ok(None);
            };
            let Value::Str(line) = &line else {
                return Err(error(
                    vm,
                    format!(
                        "iterator should return strings, not {} (the file should be opened in text mode)",
                        vm.type_name(&line)
                    ),
                ));
            };
            self.line_num.set(self.line_num.get() + 1);
            let mut p = self.parse.borrow_mut();
            for c in line.as_str().chars() {
                self.process(vm, &mut p, Input::Char(c))?;
            }
            self.process(vm, &mut p, Input::EndOfLine)?;
            if p.state == State::StartRecord {
                return Ok(Some(Value::list(std::mem::take(&mut p.fields))));
            }
        }
    }

    fn add_char(&self, vm: &Vm, p: &mut Parse, c: char) -> PyResult<()> {
        let limit = FIELD_LIMIT.with(Cell::get);
        if p.field_len >= limit {
            return Err(error(
                vm,
                format!("field larger than field limit ({limit})"),
            ));
        }
        p.field.push(c);
        p.field_len += 1;
        Ok(())
    }

    fn save_field(&self, vm: &Vm, p: &mut Parse) -> PyResult<()> {
        let text = std::mem::take(&mut p.field);
        p.field_len = 0;
        let value = if std::mem::take(&mut p.numeric) {
            vm.call(
                &Value::Class(vm.types.float.clone()),
                &[Value::string(text)],
            )?
        } else {
            Value::string(text)
        };
        p.fields.push(value);
        Ok(())
    }

    /// One step of CPython's parser state machine.
    fn process(&self, vm: &Vm, p: &mut Parse, input: Input) -> PyResult<()> {
        let d = &self.spec;
        let is = |c: Option<char>| matches!(input, Input::Char(x) if Some(x) == c);
        let newline = matches!(input, Input::Char('\n' | '\r'));
        let eol = input == Input::EndOfLine;
        let quoting_on = d.quoting != QUOTE_NONE;
        let end_record = |p: &mut Parse| {
            p.state = if eol {
                State::StartRecord
            } else {
                State::EatCrNl
            };
        };
        let mut state = p.state;
        if state == State::StartRecord {
            if eol {
                return Ok(());
            }
            if newline {
                p.state = State::EatCrNl;
                return Ok(());
            }
            state = State::StartField;
            p.state = state;
        }
        if state == State::AfterEscapedCrNl {
            if eol {
                return Ok(());
            }
            state = State::InField;
            p.state = state;
        }
        match state {
            State::StartField => {
                if newline || eol {
                    self.save_field(vm, p)?;
                    end_record(p);
                } else if is(d.quotechar) && quoting_on {
                    p.state = State::InQuotedField;
                } else if is(d.escapechar) {
                    p.state = State::EscapedChar;
                } else if is(Some(' ')) && d.skipinitialspace {
                } else if is(Some(d.delimiter)) {
                    self.save_field(vm, p)?;
                } else if let Input::Char(c) = input {
                    if d.quoting == QUOTE_NONNUMERIC {
                        p.numeric = true;
                    }
                    self.add_char(vm, p, c)?;
                    p.state = State::InField;
                }
            }
            State::EscapedChar => {
                let c = match input {
                    Input::Char(c) => c,
                    Input::EndOfLine => '\n',
                };
                self.add_char(vm, p, c)?;
                p.state = if newline {
                    State::AfterEscapedCrNl
                } else {
                    State::InField
                };
            }
            State::InField => {
                if newline || eol {
                    self.save_field(vm, p)?;
                    end_record(p);
                } else if is(d.escapechar) {
                    p.state = State::EscapedChar;
                } else if is(Some(d.delimiter)) {
                    self.save_field(vm, p)?;
                    p.state = State::StartField;
                } else if let Input::Char(c) = input {
                    self.add_char(vm, p, c)?;
                }
            }
            State::InQuotedField => {
                if eol {
                } else if is(d.escapechar) {
                    p.state = State::EscapeInQuotedField;
                } else if is(d.quotechar) && quoting_on {
                    p.state = if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    };
                } else if let Input::Char(c) = input {
                    self.add_char(vm, p, c)?;
                }
            }
            State::EscapeInQuotedField => {
                let c = match input {
                    Input::Char(c) => c,
                    Input::EndOfLine => '\n',
                };
                self.add_char(vm, p, c)?;
                p.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if quoting_on && is(d.quotechar) {
                    // "" inside quotes is one quote.
                    self.add_char(vm, p, d.quotechar.unwrap_or('"'))?;
                    p.state = State::InQuotedField;
                } else if is(Some(d.delimiter)) {
                    self.save_field(vm, p)?;
                    p.state = State::StartField;
                } else if newline || eol {
                    self.save_field(vm, p)?;
                    end_record(p);
                } else if !d.strict {
                    if let Input::Char(c) = input {
                        self.add_char(vm, p, c)?;
                    }
                    p.state = State::InField;
                } else {
                    return Err(error(
                        vm,
                        format!(
                            "'{}' expected after '{}'",
                            d.delimiter,
                            d.quotechar.unwrap_or('"')
                        ),
                    ));
                }
            }
            State::EatCrNl => {
                if newline {
                } else if eol {
                    p.state = State::StartRecord;
                } else {
                    return Err(error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
            State::StartRecord | State::AfterEscapedCrNl => {
                unreachable!("handled before the match")
            }
        }
        Ok(())
    }
}

static READER: Signature = Signature::undocumented(
    Style::Python,
    "reader",
    "csvfile, dialect='excel', **fmtparams",
)
.doc("Return a reader that yields the rows of csvfile as lists of strings.");

fn reader(vm: &Vm, args: Args) -> PyResult {
    let Some(source) = args.get(0).or_else(|| args.kw("csvfile")) else {
        return Err(vm.type_error("expected at least 1 argument, got 0"));
    };
    let lines = vm.iter(source)?;
    let dialect = dialect_argument(vm, &args)?;
    Ok(Value::native(Reader {
        class: iter_class(vm, "reader"),
        lines,
        spec: spec_of(&dialect),
        dialect,
        line_num: Cell::new(0),
        parse: RefCell::new(Parse {
            state: State::StartRecord,
            fields: Vec::new(),
            field: String::new(),
            field_len: 0,
            numeric: false,
        }),
    }))
}

/// The dialect of a reader or writer call: the second positional argument
/// or `dialect=`, then the formatting keywords.
fn dialect_argument(vm: &Vm, args: &Args) -> PyResult<Value> {
    let base = args.get(1).or_else(|| args.kw("dialect"));
    let params = keyword_params(vm, args)?;
    let excel = Value::str("excel");
    make_dialect(vm, Some(base.unwrap_or(&excel)), &params)
}

fn iter_class(vm: &Vm, name: &'static str) -> Rc<Class> {
    let key = if name == "reader" {
        "_csv.reader"
    } else {
        "_csv.writer"
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(
            name,
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_csv",
        );
        if name == "reader" {
            add_methods(
                &c,
                name,
                &[("__iter__", reader_iter), ("__next__", reader_next)],
            );
        } else {
            add_declared_methods(&c, name, &[(&WRITEROW, writerow), (&WRITEROWS, writerows)]);
        }
        c
    })
}

fn reader_iter(vm: &Vm, args: Args) -> PyResult {
    args.get(0)
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor '__iter__' needs an argument"))
}

fn reader_next(vm: &Vm, args: Args) -> PyResult {
    let r = args
        .get(0)
        .and_then(|v| v.downcast_native::<Reader>())
        .ok_or_else(|| vm.type_error("descriptor '__next__' requires a '_csv.reader' object"))?;
    match r.next_record(vm)? {
        Some(row) => Ok(row),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

// -- writing ----------------------------------------------------------------------

/// `_csv.writer`: formats rows and writes them to a file-like object.
pub struct Writer {
    class: Rc<Class>,
    write: Value,
    dialect: Value,
    spec: Spec,
}

impl NativeObject for Writer {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.write);
        visit.value(&self.dialect);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        (name == "dialect").then(|| Ok(self.dialect.clone()))
    }
}

static WRITER: Signature = Signature::undocumented(
    Style::Python,
    "writer",
    "csvfile, dialect='excel', **fmtparams",
)
.doc("Return a writer that writes rows to csvfile as delimited text.");

fn writer(vm: &Vm, args: Args) -> PyResult {
    let Some(target) = args.get(0).or_else(|| args.kw("csvfile")) else {
        return Err(vm.type_error("expected at least 1 argument, got 0"));
    };
    let write = match vm.get_attr_str(target, "write") {
        Ok(w) => w,
        Err(e) if vm.err_is(&e, &vm.exc.attribute_error) => {
            return Err(vm.type_error("argument 1 must have a \"write\" method"))
        }
        Err(e) => return Err(e),
    };
    let dialect = dialect_argument(vm, &args)?;
    Ok(Value::native(Writer {
        class: iter_class(vm, "writer"),
        write,
        spec: spec_of(&dialect),
        dialect,
    }))
}

static WRITEROW: Signature = Signature::new(Style::Exact, "writerow", "$self, row, /")
    .doc("Write one row, formatted for the dialect.");
static WRITEROWS: Signature = Signature::new(Style::Exact, "writerows", "$self, rows, /")
    .doc("Write every row of the iterable rows.");

fn this_writer<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Writer> {
    v.downcast_native::<Writer>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_csv.writer' object"))
}

fn writerow(vm: &Vm, args: Args) -> PyResult {
    let ([me, row], []) = WRITEROW.bind(vm, args)?;
    let w = this_writer(vm, me)?;
    let line = w.format_row(vm, row)?;
    vm.call(&w.write, &[Value::string(line)])
}

fn writerows(vm: &Vm, args: Args) -> PyResult {
    let ([me, rows], []) = WRITEROWS.bind(vm, args)?;
    let w = this_writer(vm, me)?;
    let rows = vm.iter(rows)?;
    while let Some(row) = vm.next(&rows)? {
        let line = w.format_row(vm, &row)?;
        vm.call(&w.write, &[Value::string(line)])?;
    }
    Ok(Value::None)
}

impl Writer {
    /// A row as one line of the dialect, line terminator included.
    fn format_row(&self, vm: &Vm, row: &Value) -> PyResult<String> {
        let d = &self.spec;
        let items = match vm.iter(row) {
            Ok(it) => it,
            Err(e) if vm.err_is(&e, &vm.exc.type_error) => {
                return Err(error(
                    vm,
                    format!("iterable expected, not {}", vm.type_name(row)),
                ))
            }
            Err(e) => return Err(e),
        };
        let mut line = String::new();
        let mut fields = 0usize;
        while let Some(field) = vm.next(&items)? {
            let quoted = match d.quoting {
                QUOTE_NONNUMERIC => !is_number(vm, &field),
                QUOTE_ALL => true,
                _ => false,
            };
            let text = match &field {
                Value::Str(s) => Some(s.as_str().to_string()),
                Value::None => None,
                other => Some(vm.to_str(other)?),
            };
            if fields > 0 {
                line.push(d.delimiter);
            }
            self.append_field(vm, &mut line, text.as_deref().unwrap_or(""), quoted)?;
            fields += 1;
        }
        // A record of one empty field is written quoted, so it reads back
        // as [''] and not as an empty record.
        if fields == 1 && line.is_empty() {
            if d.quoting == QUOTE_NONE {
                return Err(error(vm, "single empty field record must be quoted"));
            }
            self.append_field(vm, &mut line, "", true)?;
        }
        line.push_str(&d.lineterminator);
        Ok(line)
    }

    fn append_field(
        &self,
        vm: &Vm,
        line: &mut String,
        field: &str,
        mut quoted: bool,
    ) -> PyResult<()> {
        let d = &self.spec;
        let mut body = String::with_capacity(field.len());
        for c in field.chars() {
            let special = c == d.delimiter
                || Some(c) == d.escapechar
                || Some(c) == d.quotechar
                || d.lineterminator.contains(c);
            if special {
                let mut want_escape = false;
                if d.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == d.quotechar {
                        if d.doublequote {
                            body.push(c);
                        } else {
                            want_escape = true;
                        }
                    } else if Some(c) == d.escapechar {
                        want_escape = true;
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    let Some(escape) = d.escapechar else {
                        return Err(error(vm, "need to escape, but no escapechar set"));
                    };
                    body.push(escape);
                }
            }
            body.push(c);
        }
        if quoted {
            let q = d.quotechar.unwrap_or('"');
            line.push(q);
            line.push_str(&body);
            line.push(q);
        } else {
            line.push_str(&body);
        }
        Ok(())
    }
}

/// CPython's `PyNumber_Check`: ints, floats and objects with `__index__`,
/// `__int__`, `__float__` or `__complex__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v.builtin_base() {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::BigInt(_) => true,
        Value::Str(_) | Value::None => false,
        _ => {
            let class = vm.class_of(v);
            ["__index__", "__int__", "__float__", "__complex__"]
                .iter()
                .any(|m| class.lookup_str(m).is_some())
        }
    }
}
