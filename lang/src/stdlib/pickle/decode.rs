//! The decoder: CPython's `_pickle.Unpickler.load`, a stack machine that
//! runs the opcodes of a pickle read from bytes or from a file object.

use super::opcodes::*;
use super::{unpickling_error, HIGHEST_PROTOCOL};
use crate::objects::bytes::bytes_like;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Name, PyDict, PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

pub(super) static LOAD: Signature = Signature::new(
    Style::Positional,
    "_load",
    "source, fix_imports, encoding, errors, find_class, persistent_load, memo, buffers, unpickler, /",
)
    .doc("Return the object the pickle data in source encodes.");

/// `_load(source, fix_imports, encoding, errors, find_class,
/// persistent_load, memo, buffers, unpickler)`: the object a pickle holds.
/// `source` is a bytes-like object or a file with `read` and `readline`;
/// `memo` is an Unpickler's memo dict (or None); the callables are None
/// when the Unpickler does not override them; `unpickler` (or None) gets
/// the protocol in its `proto` attribute.
pub(super) fn load(vm: &Vm, args: Args) -> PyResult {
    let (
        [source, fix_imports, encoding, errors, find_class, persistent_load, memo, buffers, unpickler],
        [],
    ) = LOAD.bind(vm, args)?;
    let input = match bytes_like(source) {
        Some(data) => Input::Bytes {
            data: data.into_owned(),
            pos: 0,
        },
        None => Input::File {
            read: vm.get_attr_str(source, "read")?,
            readline: vm.get_attr_str(source, "readline")?,
            frame: Vec::new(),
            frame_pos: 0,
        },
    };
    let optional = |v: &Value| (!v.is_none()).then(|| v.clone());
    let mut dec = Decoder {
        vm,
        input,
        stack: Vec::new(),
        marks: Vec::new(),
        memo: HashMap::new(),
        proto: 0,
        fix_imports: vm.truthy(fix_imports)?,
        encoding: vm.to_str(encoding)?,
        errors: vm.to_str(errors)?,
        find_class: optional(find_class),
        persistent_load: optional(persistent_load),
        buffers: match buffers {
            Value::None => None,
            b => Some(vm.iter(b)?),
        },
        unpickler: optional(unpickler),
    };
    if let Value::Dict(d) = memo {
        for (k, v) in d.items() {
            if let Value::Int(i) = k {
                dec.memo.insert(i as u64, v);
            }
        }
    }
    let result = dec.run();
    if let Value::Dict(d) = memo {
        for (k, v) in &dec.memo {
            d.set(vm, Value::Int(*k as i64), v.clone())?;
        }
    }
    result
}

enum Input {
    Bytes {
        data: Vec<u8>,
        pos: usize,
    },
    File {
        read: Value,
        readline: Value,
        /// The current frame, read whole (protocol 4).
        frame: Vec<u8>,
        frame_pos: usize,
    },
}

struct Decoder<'a> {
    vm: &'a Vm,
    input: Input,
    stack: Vec<Value>,
    /// Stack depths at each MARK.
    marks: Vec<usize>,
    memo: HashMap<u64, Value>,
    proto: u8,
    fix_imports: bool,
    encoding: String,
    errors: String,
    find_class: Option<Value>,
    persistent_load: Option<Value>,
    buffers: Option<Value>,
    unpickler: Option<Value>,
}

fn truncated(vm: &Vm) -> PyErr {
    unpickling_error(vm, "pickle data was truncated")
}

impl Decoder<'_> {
    // -- input ------------------------------------------------------------------------

    fn read(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let vm = self.vm;
        match &mut self.input {
            Input::Bytes { data, pos } => {
                if *pos + n > data.len() {
                    return Err(truncated(vm));
                }
                let out = data[*pos..*pos + n].to_vec();
                *pos += n;
                Ok(out)
            }
            Input::File {
                read,
                frame,
                frame_pos,
                ..
            } => {
                if *frame_pos < frame.len() {
                    if *frame_pos + n > frame.len() {
                        return Err(unpickling_error(vm, "pickle exhausted before end of frame"));
                    }
                    let out = frame[*frame_pos..*frame_pos + n].to_vec();
                    *frame_pos += n;
                    return Ok(out);
                }
                let read = read.clone();
                let chunk = vm.call(&read, &[Value::Int(n as i64)])?;
                let Some(bytes) = bytes_like(&chunk) else {
                    return Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(&chunk)
                    )));
                };
                if bytes.len() != n {
                    return Err(truncated(vm));
                }
                Ok(bytes.into_owned())
            }
        }
    }

    /// The next opcode: running out of data here is "Ran out of input".
    fn read_opcode(&mut self) -> PyResult<u8> {
        let vm = self.vm;
        match self.read(1) {
            Ok(b) => Ok(b[0]),
            Err(e) if vm.err_is(&e, &super::errors(vm).unpickling) => {
                Err(vm.new_error(&vm.exc.eof_error, "Ran out of input"))
            }
            Err(e) => Err(e),
        }
    }

    /// A line, without its newline.
    fn readline(&mut self) -> PyResult<Vec<u8>> {
        let vm = self.vm;
        let line = match &mut self.input {
            Input::Bytes { data, pos } => {
                let rest = &data[*pos..];
                let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                    return Err(truncated(vm));
                };
                let line = rest[..end].to_vec();
                *pos += end + 1;
                return Ok(line);
            }
            Input::File {
                readline,
                frame,
                frame_pos,
                ..
            } => {
                if *frame_pos < frame.len() {
                    let rest = &frame[*frame_pos..];
                    let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                        return Err(unpickling_error(vm, "pickle exhausted before end of frame"));
                    };
                    let line = rest[..end].to_vec();
                    *frame_pos += end + 1;
                    return Ok(line);
                }
                let readline = readline.clone();
                vm.call(&readline, &[])?
            }
        };
        let Some(mut bytes) = bytes_like(&line).map(|b| b.into_owned()) else {
            return Err(vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&line)
            )));
        };
        if bytes.last() != Some(&b'\n') {
            return Err(truncated(vm));
        }
        bytes.pop();
        Ok(bytes)
    }

    fn read_u8(&mut self) -> PyResult<u8> {
        Ok(self.read(1)?[0])
    }

    fn read_u16(&mut self) -> PyResult<u16> {
        let b = self.read(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn read_i32(&mut self) -> PyResult<i32> {
        let b = self.read(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn read_u32(&mut self) -> PyResult<u32> {
        Ok(self.read_i32()? as u32)
    }

    fn read_u64(&mut self) -> PyResult<u64> {
        let b = self.read(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(u64::from_le_bytes(a))
    }

    fn size(&self, n: u64) -> PyResult<usize> {
        usize::try_from(n).map_err(|_| self.vm.overflow_error("pickle data too large"))
    }

    // -- the stack --------------------------------------------------------------------

    fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    fn floor(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn pop(&mut self) -> PyResult<Value> {
        if self.stack.len() <= self.floor() {
            return Err(self.underflow());
        }
        Ok(self.stack.pop().unwrap_or(Value::None))
    }

    fn top(&self) -> PyResult<Value> {
        if self.stack.len() <= self.floor() {
            return Err(self.underflow());
        }
        Ok(self.stack[self.stack.len() - 1].clone())
    }

    fn underflow(&self) -> PyErr {
        if self.marks.is_empty() {
            unpickling_error(self.vm, "unpickling stack underflow")
        } else {
            unpickling_error(self.vm, "unexpected MARK found")
        }
    }

    fn pop_mark(&mut self) -> PyResult<Vec<Value>> {
        let Some(mark) = self.marks.pop() else {
            return Err(unpickling_error(self.vm, "could not find MARK"));
        };
        Ok(self.stack.split_off(mark))
    }

    fn memo_get(&self, idx: u64) -> PyResult<Value> {
        self.memo.get(&idx).cloned().ok_or_else(|| {
            unpickling_error(self.vm, format!("Memo value not found at index {idx}"))
        })
    }

    fn memo_put(&mut self, idx: u64) -> PyResult<()> {
        let v = self.top()?;
        self.memo.insert(idx, v);
        Ok(())
    }

    // -- the machine ------------------------------------------------------------------

    fn run(&mut self) -> PyResult<Value> {
        loop {
            let op = self.read_opcode()?;
            if op == STOP {
                return self.pop();
            }
            self.step(op)?;
        }
    }

    fn step(&mut self, op: u8) -> PyResult<()> {
        let vm = self.vm;
        match op {
            PROTO => {
                let p = self.read_u8()?;
                if p as i64 > HIGHEST_PROTOCOL {
                    return Err(vm.value_error(format!("unsupported pickle protocol: {p}")));
                }
                self.proto = p;
                if let Some(u) = &self.unpickler {
                    vm.set_attr(u, &Name::new("proto"), Value::Int(p as i64))?;
                }
            }
            FRAME => {
                let len = self.read_u64()?;
                let len = self.size(len)?;
                if let Input::File { .. } = self.input {
                    let data = self.read(len)?;
                    if let Input::File {
                        frame, frame_pos, ..
                    } = &mut self.input
                    {
                        *frame = data;
                        *frame_pos = 0;
                    }
                } else if let Input::Bytes { data, pos } = &self.input {
                    if *pos + len > data.len() {
                        return Err(truncated(vm));
                    }
                }
            }
            NONE => self.push(Value::None),
            NEWTRUE => self.push(Value::from_bool(true)),
            NEWFALSE => self.push(Value::from_bool(false)),
            INT => {
                let line = self.readline()?;
                let v = match line.as_slice() {
                    b"01" => Value::from_bool(true),
                    b"00" => Value::from_bool(false),
                    text => parse_int(vm, text)?,
                };
                self.push(v);
            }
            BININT => {
                let v = self.read_i32()?;
                self.push(Value::Int(v as i64));
            }
            BININT1 => {
                let v = self.read_u8()?;
                self.push(Value::Int(v as i64));
            }
            BININT2 => {
                let v = self.read_u16()?;
                self.push(Value::Int(v as i64));
            }
            LONG => {
                let mut line = self.readline()?;
                if line.last() == Some(&b'L') {
                    line.pop();
                }
                let v = parse_int(vm, &line)?;
                self.push(v);
            }
            LONG1 | LONG4 => {
                let n = if op == LONG1 {
                    self.read_u8()? as i64
                } else {
                    self.read_i32()? as i64
                };
                if n < 0 {
                    return Err(unpickling_error(vm, "LONG pickle has negative byte count"));
                }
                let bytes = self.read(n as usize)?;
                self.push(Value::from_bigint(BigInt::from_signed_bytes_le(&bytes)));
            }
            FLOAT => {
                let line = self.readline()?;
                let text = String::from_utf8_lossy(&line).into_owned();
                let v = vm.call(
                    &Value::Class(vm.types.float.clone()),
                    &[Value::string(text)],
                )?;
                self.push(v);
            }
            BINFLOAT => {
                let b = self.read(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                self.push(Value::float(f64::from_be_bytes(a)));
            }
            STRING => {
                let line = self.readline()?;
                let inner = match line.as_slice() {
                    [q, inner @ .., q2]
                        if line.len() >= 2 && q == q2 && (*q == b'\'' || *q == b'"') =>
                    {
                        inner.to_vec()
                    }
                    _ => {
                        return Err(unpickling_error(
                            vm,
                            "the STRING opcode argument must be quoted",
                        ))
                    }
                };
                let raw = escape_decode(&inner);
                let v = self.py2_string(raw)?;
                self.push(v);
            }
            BINSTRING | SHORT_BINSTRING => {
                let n = if op == BINSTRING {
                    let n = self.read_i32()?;
                    if n < 0 {
                        return Err(unpickling_error(
                            vm,
                            "BINSTRING pickle has negative byte count",
                        ));
                    }
                    n as usize
                } else {
                    self.read_u8()? as usize
                };
                let raw = self.read(n)?;
                let v = self.py2_string(raw)?;
                self.push(v);
            }
            BINBYTES | SHORT_BINBYTES | BINBYTES8 => {
                let n = match op {
                    BINBYTES => self.read_u32()? as u64,
                    SHORT_BINBYTES => self.read_u8()? as u64,
                    _ => self.read_u64()?,
                };
                let n = self.size(n)?;
                let b = self.read(n)?;
                self.push(Value::Bytes(Rc::new(b)));
            }
            BYTEARRAY8 => {
                let n = self.read_u64()?;
                let n = self.size(n)?;
                let b = self.read(n)?;
                let class = Value::Class(crate::builtins::bytearray::class(vm));
                let v = vm.call(&class, &[Value::Bytes(Rc::new(b))])?;
                self.push(v);
            }
            NEXT_BUFFER => {
                let Some(buffers) = self.buffers.clone() else {
                    return Err(unpickling_error(
                        vm,
                        "pickle stream refers to out-of-band data but no *buffers* argument was given",
                    ));
                };
                let Some(buf) = vm.next(&buffers)? else {
                    return Err(unpickling_error(vm, "not enough out-of-band buffers"));
                };
                self.push(buf);
            }
            READONLY_BUFFER => {
                self.top()?;
            }
            UNICODE => {
                let line = self.readline()?;
                let text = raw_unicode_unescape(vm, &line)?;
                self.push(Value::string(text));
            }
            BINUNICODE | SHORT_BINUNICODE | BINUNICODE8 => {
                let n = match op {
                    BINUNICODE => self.read_u32()? as u64,
                    SHORT_BINUNICODE => self.read_u8()? as u64,
                    _ => self.read_u64()?,
                };
                let n = self.size(n)?;
                let b = self.read(n)?;
                let v = match String::from_utf8(b) {
                    Ok(s) => Value::string(s),
                    Err(e) => {
                        let bytes = Value::Bytes(Rc::new(e.into_bytes()));
                        vm.call_method(
                            &bytes,
                            "decode",
                            &[Value::str("utf-8"), Value::str("surrogatepass")],
                        )?
                    }
                };
                self.push(v);
            }
            EMPTY_TUPLE => self.push(Value::tuple(vec![])),
            TUPLE => {
                let items = self.pop_mark()?;
                self.push(Value::tuple(items));
            }
            TUPLE1 | TUPLE2 | TUPLE3 => {
                let n = (op - TUPLE1 + 1) as usize;
                if self.stack.len() < self.floor() + n {
                    return Err(self.underflow());
                }
                let items = self.stack.split_off(self.stack.len() - n);
                self.push(Value::tuple(items));
            }
            EMPTY_LIST => self.push(Value::list(vec![])),
            EMPTY_DICT => self.push(Value::Dict(Rc::new(PyDict::new()))),
            EMPTY_SET => self.push(Value::Set(Rc::new(crate::objects::PySet::new()))),
            LIST => {
                let items = self.pop_mark()?;
                self.push(Value::list(items));
            }
            DICT => {
                let items = self.pop_mark()?;
                let d = PyDict::new();
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        d.set(vm, k.clone(), v.clone())?;
                    }
                }
                self.push(Value::Dict(Rc::new(d)));
            }
            FROZENSET => {
                let items = self.pop_mark()?;
                let set = crate::objects::PySet::new();
                for item in items {
                    set.add(vm, item)?;
                }
                self.push(Value::FrozenSet(Rc::new(set)));
            }
            APPEND => {
                let v = self.pop()?;
                let list = self.top()?;
                self.extend_list(&list, vec![v])?;
            }
            APPENDS => {
                let items = self.pop_mark()?;
                let list = self.top()?;
                self.extend_list(&list, items)?;
            }
            SETITEM => {
                let v = self.pop()?;
                let k = self.pop()?;
                let d = self.top()?;
                vm.set_item(&d, &k, v)?;
            }
            SETITEMS => {
                let items = self.pop_mark()?;
                if items.len() % 2 != 0 {
                    return Err(unpickling_error(vm, "odd number of items for SETITEMS"));
                }
                let d = self.top()?;
                for pair in items.chunks(2) {
                    vm.set_item(&d, &pair[0], pair[1].clone())?;
                }
            }
            ADDITEMS => {
                let items = self.pop_mark()?;
                let set = self.top()?;
                match &set {
                    Value::Set(s) => {
                        for item in items {
                            s.add(vm, item)?;
                        }
                    }
                    _ => {
                        for item in items {
                            vm.call_method(&set, "add", &[item])?;
                        }
                    }
                }
            }
            POP => {
                if self.marks.last() == Some(&self.stack.len()) {
                    self.marks.pop();
                } else {
                    self.pop()?;
                }
            }
            POP_MARK => {
                self.pop_mark()?;
            }
            DUP => {
                let v = self.top()?;
                self.push(v);
            }
            MARK => self.marks.push(self.stack.len()),
            GET => {
                let line = self.readline()?;
                let idx = parse_index(vm, &line)?;
                let v = self.memo_get(idx)?;
                self.push(v);
            }
            BINGET => {
                let idx = self.read_u8()? as u64;
                let v = self.memo_get(idx)?;
                self.push(v);
            }
            LONG_BINGET => {
                let idx = self.read_u32()? as u64;
                let v = self.memo_get(idx)?;
                self.push(v);
            }
            PUT => {
                let line = self.readline()?;
                let text = String::from_utf8_lossy(&line).into_owned();
                if text.starts_with('-') {
                    return Err(vm.value_error("negative PUT argument"));
                }
                let idx = parse_index(vm, &line)?;
                self.memo_put(idx)?;
            }
            BINPUT => {
                let idx = self.read_u8()? as u64;
                self.memo_put(idx)?;
            }
            LONG_BINPUT => {
                let idx = self.read_i32()?;
                if idx < 0 {
                    return Err(vm.value_error("negative LONG_BINPUT argument"));
                }
                self.memo_put(idx as u64)?;
            }
            MEMOIZE => {
                let idx = self.memo.len() as u64;
                self.memo_put(idx)?;
            }
            GLOBAL => {
                let module = self.readline()?;
                let name = self.readline()?;
                let module = String::from_utf8_lossy(&module).into_owned();
                let name = String::from_utf8_lossy(&name).into_owned();
                let v = self.find(&module, &name)?;
                self.push(v);
            }
            STACK_GLOBAL => {
                let name = self.pop()?;
                let module = self.pop()?;
                let (Some(module), Some(name)) = (module.as_str(), name.as_str()) else {
                    return Err(unpickling_error(vm, "STACK_GLOBAL requires str"));
                };
                let v = self.find(module, name)?;
                self.push(v);
            }
            EXT1 | EXT2 | EXT4 => {
                let code = match op {
                    EXT1 => self.read_u8()? as i64,
                    EXT2 => self.read_u16()? as i64,
                    _ => self.read_i32()? as i64,
                };
                let v = self.extension(code)?;
                self.push(v);
            }
            REDUCE => {
                let args = self.pop()?;
                let callable = self.pop()?;
                let args = vm.to_vec(&args)?;
                let v = vm.call(&callable, &args)?;
                self.push(v);
            }
            NEWOBJ => {
                let args = self.pop()?;
                let cls = self.pop()?;
                let Value::Tuple(args) = &args else {
                    return Err(unpickling_error(vm, "NEWOBJ expected an arg tuple."));
                };
                if !matches!(cls, Value::Class(_)) {
                    return Err(unpickling_error(
                        vm,
                        "NEWOBJ class argument isn't a type object",
                    ));
                }
                let new = vm.get_attr_str(&cls, "__new__")?;
                let mut all = vec![cls];
                all.extend(args.0.iter().cloned());
                let v = vm.call(&new, &all)?;
                self.push(v);
            }
            NEWOBJ_EX => {
                let kwargs = self.pop()?;
                let args = self.pop()?;
                let cls = self.pop()?;
                if !matches!(cls, Value::Class(_)) {
                    return Err(unpickling_error(
                        vm,
                        format!(
                            "NEWOBJ_EX class argument must be a type, not {}",
                            vm.type_name(&cls)
                        ),
                    ));
                }
                let Value::Tuple(args) = &args else {
                    return Err(unpickling_error(
                        vm,
                        format!(
                            "NEWOBJ_EX args argument must be a tuple, not {}",
                            vm.type_name(&args)
                        ),
                    ));
                };
                let Value::Dict(kwargs) = &kwargs else {
                    return Err(unpickling_error(
                        vm,
                        format!(
                            "NEWOBJ_EX kwargs argument must be a dict, not {}",
                            vm.type_name(&kwargs)
                        ),
                    ));
                };
                let new = vm.get_attr_str(&cls, "__new__")?;
                let mut pos = vec![cls];
                pos.extend(args.0.iter().cloned());
                let (names, values): (Vec<Value>, Vec<Value>) = kwargs.items().into_iter().unzip();
                let v = vm.call_args(&new, Args::with_kw(&pos, &names, &values))?;
                self.push(v);
            }
            OBJ => {
                let mut items = self.pop_mark()?;
                if items.is_empty() {
                    return Err(self.underflow());
                }
                let cls = items.remove(0);
                let v = self.instantiate(&cls, items)?;
                self.push(v);
            }
            INST => {
                let module = self.readline()?;
                let name = self.readline()?;
                let module = String::from_utf8_lossy(&module).into_owned();
                let name = String::from_utf8_lossy(&name).into_owned();
                let cls = self.find(&module, &name)?;
                let args = self.pop_mark()?;
                let v = self.instantiate(&cls, args)?;
                self.push(v);
            }
            BUILD => {
                let state = self.pop()?;
                let inst = self.top()?;
                self.build(&inst, state)?;
            }
            PERSID | BINPERSID => {
                let pid = if op == PERSID {
                    let line = self.readline()?;
                    if !line.is_ascii() {
                        return Err(unpickling_error(
                            vm,
                            "persistent IDs in protocol 0 must be ASCII strings",
                        ));
                    }
                    Value::string(String::from_utf8_lossy(&line).into_owned())
                } else {
                    self.pop()?
                };
                let Some(load) = self.persistent_load.clone() else {
                    return Err(unpickling_error(
                        vm,
                        "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
                    ));
                };
                let v = vm.call(&load, &[pid])?;
                self.push(v);
            }
            other => {
                let key = if (0x20..0x7f).contains(&other) {
                    (other as char).to_string()
                } else {
                    format!("\\x{other:02x}")
                };
                return Err(unpickling_error(vm, format!("invalid load key, '{key}'.")));
            }
        }
        Ok(())
    }

    /// APPEND/APPENDS: `extend` on lists (and objects that have it), else
    /// `append` item by item.
    fn extend_list(&mut self, list: &Value, items: Vec<Value>) -> PyResult<()> {
        let vm = self.vm;
        if let Value::List(l) = list {
            l.items.borrow_mut().extend(items);
            return Ok(());
        }
        if items.len() > 1 {
            if let Some(extend) = vm.get_attr_opt(list, &Name::new("extend"))? {
                vm.call(&extend, &[Value::list(items)])?;
                return Ok(());
            }
        }
        let append = vm.get_attr_str(list, "append")?;
        for item in items {
            vm.call(&append, &[item])?;
        }
        Ok(())
    }

    /// OBJ and INST (protocols 0 and 1): `cls(*args)`, or `cls.__new__(cls)`
    /// for a class without arguments or `__getinitargs__`.
    fn instantiate(&mut self, cls: &Value, args: Vec<Value>) -> PyResult<Value> {
        let vm = self.vm;
        if args.is_empty()
            && matches!(cls, Value::Class(_))
            && vm
                .get_attr_opt(cls, &Name::new("__getinitargs__"))?
                .is_none()
        {
            let new = vm.get_attr_str(cls, "__new__")?;
            return vm.call(&new, &[cls.clone()]);
        }
        vm.call(cls, &args)
    }

    /// BUILD: `__setstate__(state)`, or the state's dict set on the
    /// instance (and its slot dict, when the state is a pair).
    fn build(&mut self, inst: &Value, state: Value) -> PyResult<()> {
        let vm = self.vm;
        if let Some(setstate) = vm.get_attr_opt(inst, &Name::new("__setstate__"))? {
            vm.call(&setstate, &[state])?;
            return Ok(());
        }
        let (state, slotstate) = match &state {
            Value::Tuple(t) if t.0.len() == 2 => (t.0[0].clone(), t.0[1].clone()),
            _ => (state, Value::None),
        };
        if !state.is_none() {
            let Value::Dict(d) = &state else {
                return Err(unpickling_error(vm, "state is not a dictionary"));
            };
            for (k, v) in d.items() {
                let name = vm.to_str(&k)?;
                vm.set_attr(inst, &Name::new(&name), v)?;
            }
        }
        if !slotstate.is_none() {
            let Value::Dict(d) = &slotstate else {
                return Err(unpickling_error(vm, "slot state is not a dictionary"));
            };
            for (k, v) in d.items() {
                let name = vm.to_str(&k)?;
                vm.set_attr(inst, &Name::new(&name), v)?;
            }
        }
        Ok(())
    }

    fn find(&mut self, module: &str, name: &str) -> PyResult<Value> {
        match self.find_class.clone() {
            Some(f) => self.vm.call(&f, &[Value::str(module), Value::str(name)]),
            None => find_global(self.vm, module, name, self.proto, self.fix_imports),
        }
    }

    /// EXT1/EXT2/EXT4: the object copyreg registered under the code.
    fn extension(&mut self, code: i64) -> PyResult<Value> {
        let vm = self.vm;
        let copyreg = vm.import_module("copyreg")?;
        let cache = super::super::module_attr(vm, &copyreg, "_extension_cache")?;
        let key = Value::Int(code);
        if let Value::Dict(c) = &cache {
            if let Some(v) = c.get(vm, &key)? {
                return Ok(v);
            }
        }
        let inverted = super::super::module_attr(vm, &copyreg, "_inverted_registry")?;
        let found = match &inverted {
            Value::Dict(d) => d.get(vm, &key)?,
            _ => None,
        };
        let Some(pair) = found else {
            if code <= 0 {
                return Err(unpickling_error(vm, "EXT specifies code <= 0"));
            }
            return Err(vm.value_error(format!("unregistered extension code {code}")));
        };
        let parts = vm.to_vec(&pair)?;
        let (module, name) = match parts.as_slice() {
            [m, n] => (vm.to_str(m)?, vm.to_str(n)?),
            _ => return Err(vm.value_error("_inverted_registry[code] isn't a 2-tuple of strings")),
        };
        let v = self.find(&module, &name)?;
        if let Value::Dict(c) = &cache {
            c.set(vm, key, v.clone())?;
        }
        Ok(v)
    }

    /// A Python 2 str: decoded with the Unpickler's encoding, or kept as
    /// bytes when the encoding is 'bytes'. Latin-1, the usual choice for
    /// such pickles, is decoded here.
    fn py2_string(&mut self, raw: Vec<u8>) -> PyResult<Value> {
        let normalized = self.encoding.to_ascii_lowercase().replace('_', "-");
        if matches!(
            normalized.as_str(),
            "latin1" | "latin-1" | "iso-8859-1" | "l1"
        ) {
            return Ok(Value::string(
                raw.iter().map(|&b| b as char).collect::<String>(),
            ));
        }
        let bytes = Value::Bytes(Rc::new(raw));
        if self.encoding == "bytes" {
            return Ok(bytes);
        }
        self.vm.call_method(
            &bytes,
            "decode",
            &[Value::str(&self.encoding), Value::str(&self.errors)],
        )
    }
}

pub(super) static FIND_CLASS: Signature = Signature::new(
    Style::Positional,
    "_find_class",
    "module, name, proto, fix_imports, /",
)
.doc("Return the global a pickle names by module and name.");

/// `_find_class(module, name, proto, fix_imports)`: what
/// `Unpickler.find_class` does by default.
pub(super) fn find_class(vm: &Vm, args: Args) -> PyResult {
    let ([module, name, proto, fix_imports], []) = FIND_CLASS.bind(vm, args)?;
    let module = vm.to_str(module)?;
    let name = vm.to_str(name)?;
    let proto = vm.to_index(proto)?.clamp(0, 255) as u8;
    find_global(vm, &module, &name, proto, vm.truthy(fix_imports)?)
}

fn find_global(vm: &Vm, module: &str, name: &str, proto: u8, fix_imports: bool) -> PyResult<Value> {
    let (module, name) = if proto < 3 && fix_imports {
        py3_names(module, name)
    } else {
        (module.to_string(), name.to_string())
    };
    let path: Vec<&str> = if proto >= 4 {
        name.split('.').collect()
    } else {
        vec![name.as_str()]
    };
    if path.contains(&"<locals>") {
        let module_value = Value::Module(vm.import_module(&module)?);
        return Err(vm.attribute_error(format!(
            "Can't get local attribute {} on {}",
            vm.repr(&Value::str(&name))?,
            vm.repr(&module_value)?
        )));
    }
    match super::resolve_global(vm, &module, &path)? {
        Some(v) => Ok(v),
        None => {
            let module_repr = match vm.import_module(&module) {
                Ok(m) => vm.repr(&Value::Module(m))?,
                Err(_) => format!("<module '{module}' (built-in)>"),
            };
            Err(vm.attribute_error(format!(
                "Can't get attribute {} on {}",
                vm.repr(&Value::str(&name))?,
                module_repr
            )))
        }
    }
}

/// (module, name) of Python 2 as Python 3 has them.
fn py3_names(module: &str, name: &str) -> (String, String) {
    if let Some((_, (m, n))) = NAME_FROM_PY2
        .iter()
        .find(|((m, n), _)| *m == module && *n == name)
    {
        return (m.to_string(), n.to_string());
    }
    if let Some((_, m)) = MODULE_FROM_PY2.iter().find(|(m, _)| *m == module) {
        return (m.to_string(), name.to_string());
    }
    (module.to_string(), name.to_string())
}

fn parse_int(vm: &Vm, text: &[u8]) -> PyResult<Value> {
    let s = String::from_utf8_lossy(text).into_owned();
    vm.call(&Value::Class(vm.types.int.clone()), &[Value::string(s)])
}

fn parse_index(vm: &Vm, text: &[u8]) -> PyResult<u64> {
    std::str::from_utf8(text)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or_else(|| {
            vm.value_error(format!(
                "invalid literal for int() with base 10: {}",
                crate::objects::bytes::repr_bytes(text)
            ))
        })
}

/// The backslash escapes of a Python 2 string literal.
fn escape_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' || i + 1 == s.len() {
            out.push(s[i]);
            i += 1;
            continue;
        }
        let c = s[i + 1];
        i += 2;
        match c {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'\n' => {}
            b'x' if i + 2 <= s.len() && s[i..i + 2].iter().all(u8::is_ascii_hexdigit) => {
                out.push(
                    u8::from_str_radix(std::str::from_utf8(&s[i..i + 2]).unwrap_or("0"), 16)
                        .unwrap_or(0),
                );
                i += 2;
            }
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < s.len() && (b'0'..=b'7').contains(&s[i]) {
                    v = v * 8 + (s[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(v as u8);
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    out
}

/// Protocol 0's raw-unicode-escape: \uXXXX and \UXXXXXXXX escapes, other
/// bytes Latin-1.
fn raw_unicode_unescape(vm: &Vm, s: &[u8]) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        let width = match (b, s.get(i + 1)) {
            (b'\\', Some(b'u')) => 4,
            (b'\\', Some(b'U')) => 8,
            _ => 0,
        };
        // An escape only counts after an even number of backslashes.
        let preceding = s[..i].iter().rev().take_while(|&&c| c == b'\\').count();
        if width == 0 || preceding % 2 == 1 {
            out.push(b as char);
            i += 1;
            continue;
        }
        let digits = s.get(i + 2..i + 2 + width).unwrap_or(&[]);
        let code = std::str::from_utf8(digits)
            .ok()
            .filter(|d| d.len() == width && d.chars().all(|c| c.is_ascii_hexdigit()))
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        let Some(c) = code.and_then(char::from_u32) else {
            return Err(vm.new_error(
                &vm.exc.unicode_decode_error,
                format!(
                    "'rawunicodeescape' codec can't decode bytes in position {}-{}: truncated \\{}XXXX escape",
                    i,
                    (i + 1 + digits.len()).min(s.len() - 1),
                    if width == 4 { 'u' } else { 'U' }
                ),
            ));
        };
        out.push(c);
        i += 2 + width;
    }
    Ok(out)
}
