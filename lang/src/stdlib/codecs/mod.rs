//! Text codecs: `str.encode`, `bytes.decode`, `str(b, encoding)`,
//! `bytes(s, encoding)`, `open(..., encoding=)` and the `codecs` module all
//! come here.
//!
//! - `encodings.rs`: the encodings by name and their byte-level rules
//!   (UTF-8, UTF-8 with signature, ASCII, Latin-1, Windows-1252, UTF-16 and
//!   UTF-32 in both orders or with a byte order mark).
//! - `handlers.rs`: the encode and decode loops with the error handlers
//!   (`strict`, `ignore`, `replace`, `backslashreplace`,
//!   `xmlcharrefreplace`, `namereplace`, and registered ones).
//! - `errors.rs`: `UnicodeDecodeError`/`UnicodeEncodeError` and their text.
//!
//! `_codecs` is the native module under `codecs.py`, which builds
//! `CodecInfo`, the incremental and stream codecs, `codecs.open` and the
//! handler functions on these natives.

pub(crate) mod encodings;
pub(crate) mod errors;
mod handlers;

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use encodings::Encoding;
use std::rc::Rc;

pub(crate) use errors::install as install_exceptions;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&ENCODE, encode),
    (&DECODE, decode),
    (&LOOKUP, lookup),
    (&ENCODE_TEXT, encode_text),
    (&DECODE_DATA, decode_data),
    (&REGISTER_ERROR, register_error),
    (&LOOKUP_REGISTERED, lookup_registered),
];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    Ok(super::module_with_declared(vm, "_codecs", FUNCTIONS))
}

/// The encoding a name stands for: LookupError "unknown encoding: NAME".
pub(crate) fn encoding(vm: &Vm, name: &str) -> PyResult<Encoding> {
    Encoding::lookup(name)
        .ok_or_else(|| vm.new_error(&vm.exc.lookup_error, format!("unknown encoding: {name}")))
}

/// The text of an optional `encoding`/`errors` argument of `method`, with
/// Argument Clinic's TypeError for a non-str.
fn text_arg<'a>(
    vm: &Vm,
    method: &str,
    param: &str,
    v: Option<&'a Value>,
    default: &'a str,
) -> PyResult<std::borrow::Cow<'a, str>> {
    match v {
        None => Ok(default.into()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string().into()),
        Some(other) => Err(vm.type_error(format!(
            "{method}() argument '{param}' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// `text.encode(encoding, errors)`: the arguments as given (`None` for the defaults).
pub(crate) fn encode_str(
    vm: &Vm,
    method: &str,
    text: &Value,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let name = text_arg(vm, method, "encoding", encoding, "utf-8")?;
    let errors = text_arg(vm, method, "errors", errors, "strict")?;
    handlers::encode(vm, text, self::encoding(vm, &name)?, &errors)
}

/// `data.decode(encoding, errors)`: the arguments as given (`None` for the defaults).
pub(crate) fn decode_bytes(
    vm: &Vm,
    method: &str,
    data: &[u8],
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<String> {
    let name = text_arg(vm, method, "encoding", encoding, "utf-8")?;
    let errors = text_arg(vm, method, "errors", errors, "strict")?;
    Ok(handlers::decode(vm, data, self::encoding(vm, &name)?, &errors, true)?.0)
}

static ENCODE: Signature = Signature::new(
    Style::Clinic,
    "encode",
    "obj, encoding='utf-8', errors='strict'",
)
.doc("Return obj encoded with the named codec.");
static DECODE: Signature = Signature::new(
    Style::Clinic,
    "decode",
    "obj, encoding='utf-8', errors='strict'",
)
.doc("Return obj decoded with the named codec.");

/// `codecs.encode(obj, encoding='utf-8', errors='strict')`: every codec
/// towel has is a text encoding, so `obj` must be a str.
fn encode(vm: &Vm, args: Args) -> PyResult {
    let ([obj], [name, errors]) = ENCODE.bind(vm, args)?;
    let given = text_arg(vm, "encode", "encoding", name, "utf-8")?;
    let enc = encoding(vm, &given)?;
    if !matches!(obj.builtin_base(), Value::Str(_)) {
        return Err(vm.type_error(format!(
            "encoding with '{given}' codec failed (TypeError: {}_encode() argument 1 must be str, not {})",
            enc.function_stem(),
            vm.type_name(obj)
        )));
    }
    let bytes = encode_str(vm, "encode", obj.builtin_base(), name, errors)?;
    Ok(Value::Bytes(Rc::new(bytes)))
}

/// `codecs.decode(obj, encoding='utf-8', errors='strict')`: `obj` is bytes-like.
fn decode(vm: &Vm, args: Args) -> PyResult {
    let ([obj], [name, errors]) = DECODE.bind(vm, args)?;
    let given = text_arg(vm, "decode", "encoding", name, "utf-8")?;
    encoding(vm, &given)?;
    let Some(data) = crate::objects::buffer::contents(obj) else {
        return Err(vm.type_error(format!(
            "decoding with '{given}' codec failed (TypeError: a bytes-like object is required, not '{}')",
            vm.type_name(obj)
        )));
    };
    Ok(Value::string(decode_bytes(
        vm, "decode", &data, name, errors,
    )?))
}

static LOOKUP: Signature = Signature::new(Style::Exact, "lookup", "encoding, /")
    .doc("Return the CodecInfo of the named encoding.");

/// `_codecs.lookup(name)`: the codec's canonical name (`codecs.py` makes the
/// `CodecInfo`).
fn lookup(vm: &Vm, args: Args) -> PyResult {
    let ([name], []) = LOOKUP.bind(vm, args)?;
    let Value::Str(name) = name else {
        return Err(vm.type_error(format!(
            "lookup() argument must be str, not {}",
            vm.type_name(name)
        )));
    };
    Ok(Value::str(encoding(vm, name.as_str())?.name()))
}

static ENCODE_TEXT: Signature = Signature::new(
    Style::Clinic,
    "encode_text",
    "text, encoding, errors=None, /",
)
.doc("Return the str text encoded to bytes with the named encoding and error handler.");

/// `_codecs.encode_text(text, encoding, errors)`: the bytes.
fn encode_text(vm: &Vm, args: Args) -> PyResult {
    let ([text, name], [errors]) = ENCODE_TEXT.bind(vm, args)?;
    let errors = errors.filter(|v| !v.is_none());
    let Value::Str(_) = text.builtin_base() else {
        return Err(vm.type_error(format!(
            "argument 1 must be str, not {}",
            vm.type_name(text)
        )));
    };
    let bytes = encode_str(vm, "encode", text.builtin_base(), Some(name), errors)?;
    Ok(Value::Bytes(Rc::new(bytes)))
}

static DECODE_DATA: Signature = Signature::new(
    Style::Clinic,
    "decode_data",
    "data, encoding, errors=None, final=True, /",
)
    .doc("Return (text, consumed): the bytes data decoded with the named encoding, stopping before an incomplete sequence unless final.");

/// `_codecs.decode_data(data, encoding, errors, final)`: `(text, bytes
/// used, encoding name for the rest)`; the name changes when a byte order
/// mark chose the order.
fn decode_data(vm: &Vm, args: Args) -> PyResult {
    let ([data, name], [errors, last]) = DECODE_DATA.bind(vm, args)?;
    let bytes = crate::stdlib::binascii::binary(vm, data)?;
    let name = text_arg(vm, "decode", "encoding", Some(name), "")?;
    let errors = text_arg(
        vm,
        "decode",
        "errors",
        errors.filter(|v| !v.is_none()),
        "strict",
    )?;
    let last = last.map_or(Ok(true), |v| vm.truthy(v))?;
    let (text, used, enc) = handlers::decode(vm, &bytes, encoding(vm, &name)?, &errors, last)?;
    Ok(Value::tuple(vec![
        Value::string(text),
        Value::Int(used as i64),
        Value::str(enc.name()),
    ]))
}

static REGISTER_ERROR: Signature =
    Signature::new(Style::Positional, "register_error", "errors, handler, /")
        .doc("Register handler as the error handler called errors.");

fn register_error(vm: &Vm, args: Args) -> PyResult {
    let ([name, handler], []) = REGISTER_ERROR.bind(vm, args)?;
    let Value::Str(name) = name else {
        return Err(vm.type_error(format!(
            "register_error() argument 1 must be str, not {}",
            vm.type_name(name)
        )));
    };
    if !crate::builtins::is_callable(vm, handler) {
        return Err(vm.type_error("handler must be callable"));
    }
    handlers::register(name.as_str(), handler.clone());
    Ok(Value::None)
}

static LOOKUP_REGISTERED: Signature = Signature::new(Style::Exact, "lookup_registered", "name, /")
    .doc("Return the error handler registered as name.");

/// The handler registered under a name, or None.
fn lookup_registered(vm: &Vm, args: Args) -> PyResult {
    let ([name], []) = LOOKUP_REGISTERED.bind(vm, args)?;
    let Value::Str(name) = name else {
        return Err(vm.type_error(format!(
            "lookup_error() argument must be str, not {}",
            vm.type_name(name)
        )));
    };
    Ok(handlers::registered(name.as_str()).unwrap_or(Value::None))
}
