//! `UnicodeDecodeError` and `UnicodeEncodeError`: their five arguments
//! (`encoding, object, start, end, reason`), kept as attributes that error
//! handlers read, and CPython's text ("'utf-8' codec can't decode byte 0xff
//! in position 0: invalid start byte"); `UnicodeTranslateError` the same
//! without the encoding (its `encoding` attribute is None).

use crate::objects::{Args, Name, PyErr, PyResult, Value};
use crate::vm::types::add_methods;
use crate::vm::Vm;

const FIELDS: [&str; 5] = ["encoding", "object", "start", "end", "reason"];
/// A translate error's arguments: FIELDS without the encoding.
const TRANSLATE_FIELDS: &[&str] = &["object", "start", "end", "reason"];

pub(crate) fn install(vm: &Vm) {
    add_methods(
        &vm.exc.unicode_decode_error,
        "UnicodeDecodeError",
        &[("__init__", init), ("__str__", decode_str)],
    );
    add_methods(
        &vm.exc.unicode_encode_error,
        "UnicodeEncodeError",
        &[("__init__", init), ("__str__", encode_str)],
    );
    add_methods(
        &vm.exc.unicode_translate_error,
        "UnicodeTranslateError",
        &[("__init__", init), ("__str__", translate_str)],
    );
}

/// `__init__(encoding, object, start, end, reason)` for the decode and
/// encode errors, `__init__(object, start, end, reason)` for translate ones.
fn init(vm: &Vm, args: Args) -> PyResult {
    let Some(Value::Instance(inst)) = args.get(0) else {
        return Err(vm.type_error("descriptor requires a 'UnicodeError' object"));
    };
    let class = vm.class_of(&args.pos[0]);
    let fields: &[&str] = if class.is_subclass(&vm.exc.unicode_translate_error) {
        inst.set_attr(Name::new("encoding"), Value::None);
        TRANSLATE_FIELDS
    } else {
        &FIELDS
    };
    // Each argument's index in FIELDS.
    let skipped = FIELDS.len() - fields.len();
    let given = &args.pos[1..];
    if given.len() != fields.len() || args.has_kwargs() {
        return Err(vm.type_error(format!(
            "function takes exactly {} arguments ({} given)",
            fields.len(),
            given.len()
        )));
    }
    let decoding = class.is_subclass(&vm.exc.unicode_decode_error);
    let expect = |i: usize, ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(vm.type_error(format!(
                "argument {} must be {what}, not {}",
                i + 1,
                vm.type_name(&given[i])
            )))
        }
    };
    let at = |field: usize| field - skipped;
    if skipped == 0 {
        expect(0, matches!(given[0], Value::Str(_)), "str")?;
    }
    if decoding {
        expect(
            at(1),
            crate::objects::buffer::contents(&given[at(1)]).is_some(),
            "bytes-like object",
        )?;
    } else {
        expect(at(1), matches!(given[at(1)], Value::Str(_)), "str")?;
    }
    vm.to_index(&given[at(2)])?;
    vm.to_index(&given[at(3)])?;
    expect(at(4), matches!(given[at(4)], Value::Str(_)), "str")?;
    inst.exc_data().args = given.to_vec();
    for (name, value) in fields.iter().zip(given) {
        let value = match (*name, decoding) {
            // The object is kept as bytes, whatever buffer it came as.
            ("object", true) => Value::Bytes(std::rc::Rc::new(
                crate::objects::buffer::contents(value)
                    .unwrap_or_default()
                    .into_owned(),
            )),
            _ => value.clone(),
        };
        inst.set_attr(Name::new(name), value);
    }
    Ok(Value::None)
}

/// The attributes the text is made from (programs and handlers may change them).
fn fields(vm: &Vm, exc: &Value) -> PyResult<(String, Value, i64, i64, String)> {
    let get = |name: &str| vm.get_attr(exc, &Name::new(name));
    let text = |v: Value| {
        vm.str_value(&v).map(|s| match s {
            Value::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        })
    };
    Ok((
        text(get("encoding")?)?,
        get("object")?,
        vm.to_index(&get("start")?)?,
        vm.to_index(&get("end")?)?,
        text(get("reason")?)?,
    ))
}

fn decode_str(vm: &Vm, args: Args) -> PyResult {
    let exc = &args.pos[0];
    if !has_fields(exc) {
        return Ok(Value::str(""));
    }
    let (encoding, object, start, end, reason) = fields(vm, exc)?;
    let bytes = crate::objects::buffer::contents(&object).unwrap_or_default();
    let text = match bytes.get(start.max(0) as usize) {
        Some(b) if end == start + 1 => {
            format!("'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}")
        }
        _ => format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ),
    };
    Ok(Value::string(text))
}

fn encode_str(vm: &Vm, args: Args) -> PyResult {
    let exc = &args.pos[0];
    if !has_fields(exc) {
        return Ok(Value::str(""));
    }
    let (encoding, object, start, end, reason) = fields(vm, exc)?;
    let ch = match &object {
        Value::Str(s) if end == start + 1 => s.as_str().chars().nth(start.max(0) as usize),
        _ => None,
    };
    let text = match ch {
        Some(c) => format!(
            "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
            escaped(c)
        ),
        None => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ),
    };
    Ok(Value::string(text))
}

fn translate_str(vm: &Vm, args: Args) -> PyResult {
    let exc = &args.pos[0];
    if !has_fields(exc) {
        return Ok(Value::str(""));
    }
    let (_, object, start, end, reason) = fields(vm, exc)?;
    let ch = match &object {
        Value::Str(s) if end == start + 1 => s.as_str().chars().nth(start.max(0) as usize),
        _ => None,
    };
    let text = match ch {
        Some(c) => format!(
            "can't translate character '{}' in position {start}: {reason}",
            escaped(c)
        ),
        None => format!(
            "can't translate characters in position {start}-{}: {reason}",
            end - 1
        ),
    };
    Ok(Value::string(text))
}

/// Whether `__init__` ran (an error made without arguments prints as empty).
fn has_fields(exc: &Value) -> bool {
    match exc {
        Value::Instance(inst) => inst.exc_data().args.len() >= TRANSLATE_FIELDS.len(),
        _ => false,
    }
}

/// `\xe9`, `\u20ac`, `\U0001f600`: how the messages show a character.
pub(crate) fn escaped(c: char) -> String {
    match c as u32 {
        n @ 0..=0xff => format!("\\x{n:02x}"),
        n @ 0x100..=0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

/// A `UnicodeDecodeError(encoding, data, start, end, reason)`.
pub(crate) fn decode_error(
    vm: &Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    make(
        vm,
        &vm.exc.unicode_decode_error,
        [
            Value::str(encoding),
            Value::Bytes(std::rc::Rc::new(data.to_vec())),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}

/// A `UnicodeEncodeError(encoding, text, start, end, reason)`, in code points.
pub(crate) fn encode_error(
    vm: &Vm,
    encoding: &str,
    text: &Value,
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    make(
        vm,
        &vm.exc.unicode_encode_error,
        [
            Value::str(encoding),
            text.clone(),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ],
    )
}

fn make(vm: &Vm, class: &std::rc::Rc<crate::objects::Class>, args: [Value; 5]) -> PyErr {
    match vm.call(&Value::Class(class.clone()), &args) {
        Ok(Value::Instance(inst)) => PyErr(inst),
        Ok(_) => vm.type_error("UnicodeError constructor returned a non-exception"),
        Err(e) => e,
    }
}
