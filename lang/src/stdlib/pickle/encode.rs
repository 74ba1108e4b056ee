//! The encoder: CPython's `_pickle.Pickler.dump`, opcode for opcode.
//!
//! How it works: `save` writes one object. Built-in values have their own
//! opcodes; classes and functions are written as references (GLOBAL or
//! STACK_GLOBAL); anything else is reduced to a callable, arguments and
//! optional state, list items and dict items (`save_reduce`). Objects are
//! memoized by identity as they are written, so shared and recursive
//! structures come back as they were. From protocol 4 the output is cut
//! into frames of about 64 KiB, each with a FRAME header, closed at the
//! first object boundary past the target size; payloads of 64 KiB or more
//! are written outside frames.

use super::opcodes::*;
use super::{pickling_error, Memo, DEFAULT_PROTOCOL, HIGHEST_PROTOCOL};
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, Name, PyResult, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use std::rc::Rc;

pub(super) static DUMP: Signature = Signature::new(
    Style::Positional,
    "_dump",
    "obj, protocol, fix_imports, memo, persistent_id, dispatch_table, reducer_override, fast, /",
)
.doc("Return the pickle data of obj for the given protocol.");

/// `_dump(obj, protocol, fix_imports, memo, persistent_id, dispatch_table,
/// reducer_override, fast)`: the pickle of `obj` as bytes. `memo` is a
/// Pickler's memo (or None for a fresh one); the callables are None when
/// the Pickler does not define them.
pub(super) fn dump(vm: &Vm, args: Args) -> PyResult {
    let (
        [obj, protocol, fix_imports, memo, persistent_id, dispatch_table, reducer_override, fast],
        [],
    ) = DUMP.bind(vm, args)?;
    let proto = protocol_number(vm, protocol)?;
    let fresh;
    let memo = match memo.downcast_native::<Memo>() {
        Some(m) => m,
        None => {
            fresh = Memo {
                class: super::memo_class(vm),
                entries: Default::default(),
                names: Default::default(),
            };
            &fresh
        }
    };
    let optional = |v: &Value| (!v.is_none()).then(|| v.clone());
    let mut enc = Encoder {
        vm,
        proto,
        fix_imports: vm.truthy(fix_imports)?,
        fast: vm.truthy(fast)?,
        out: Vec::new(),
        framing: false,
        frame_start: None,
        memo,
        persistent_id: optional(persistent_id),
        dispatch_table: optional(dispatch_table),
        reducer_override: optional(reducer_override),
        copyreg: None,
        codecs_encode: None,
        names: Default::default(),
        depth: 0,
    };
    if proto >= 2 {
        enc.write(&[PROTO, proto]);
        if proto >= 4 {
            enc.framing = true;
        }
    }
    enc.save(obj, false)?;
    enc.write(&[STOP]);
    enc.commit_frame();
    Ok(Value::Bytes(Rc::new(enc.out)))
}

/// The protocol a Pickler uses: the default for None, the highest for a
/// negative number.
pub(super) fn protocol_number(vm: &Vm, protocol: &Value) -> PyResult<u8> {
    let p = match protocol {
        Value::None => DEFAULT_PROTOCOL,
        v => vm.to_index(v)?,
    };
    let p = if p < 0 { HIGHEST_PROTOCOL } else { p };
    if p > HIGHEST_PROTOCOL {
        return Err(vm.value_error(format!("pickle protocol must be <= {HIGHEST_PROTOCOL}")));
    }
    Ok(p as u8)
}

/// How deep `save` may nest before RecursionError (CPython's default
/// recursion limit).
const MAX_DEPTH: usize = 1000;

struct Encoder<'a> {
    vm: &'a Vm,
    proto: u8,
    fix_imports: bool,
    /// The Pickler's `fast` mode: no memo.
    fast: bool,
    out: Vec<u8>,
    framing: bool,
    /// Where the open frame's header space starts.
    frame_start: Option<usize>,
    memo: &'a Memo,
    persistent_id: Option<Value>,
    dispatch_table: Option<Value>,
    reducer_override: Option<Value>,
    copyreg: Option<Rc<Module>>,
    /// `_codecs.encode`, which pickles of bytes before protocol 3 call.
    codecs_encode: Option<Value>,
    /// See [`Encoder::interned`].
    names: std::collections::HashMap<String, Value>,
    depth: usize,
}

impl Encoder<'_> {
    // -- output and frames ------------------------------------------------------------

    fn write(&mut self, data: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.frame_start = Some(self.out.len());
            self.out.extend_from_slice(&[0xFE; FRAME_HEADER_SIZE]);
        }
        self.out.extend_from_slice(data);
    }

    /// Fills in the open frame's header, or removes the header space of a
    /// frame too small to need one.
    fn commit_frame(&mut self) {
        let Some(start) = self.frame_start.take() else {
            return;
        };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = FRAME;
            self.out[start + 1..start + FRAME_HEADER_SIZE]
                .copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    /// Between objects: closes the frame once it has reached its target size.
    fn opcode_boundary(&mut self) {
        if let Some(start) = self.frame_start {
            if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
                self.commit_frame();
            }
        }
    }

    /// An opcode with its payload; a large payload goes outside frames.
    fn write_payload(&mut self, header: &[u8], data: &[u8]) {
        if data.len() >= FRAME_SIZE_TARGET && self.framing {
            self.commit_frame();
            self.framing = false;
            self.write(header);
            self.write(data);
            self.framing = true;
        } else {
            self.write(header);
            self.write(data);
        }
    }

    // -- the memo ---------------------------------------------------------------------

    fn memo_index(&self, obj: &Value) -> Option<u32> {
        if let Some(name) = interned_name(obj) {
            return self.memo.names.borrow().get(name).copied();
        }
        self.memo.entries.borrow().get(&obj.id()).map(|(i, _)| *i)
    }

    fn memo_put(&mut self, obj: &Value) {
        if self.fast {
            return;
        }
        let idx = {
            let mut entries = self.memo.entries.borrow_mut();
            let idx = entries.len() as u32;
            entries.insert(obj.id(), (idx, obj.clone()));
            idx
        };
        if let Some(name) = interned_name(obj) {
            self.memo.names.borrow_mut().insert(name.to_string(), idx);
        }
        if self.proto >= 4 {
            self.write(&[MEMOIZE]);
        } else if self.proto >= 1 {
            if idx < 256 {
                self.write(&[BINPUT, idx as u8]);
            } else {
                let mut op = vec![LONG_BINPUT];
                op.extend_from_slice(&idx.to_le_bytes());
                self.write(&op);
            }
        } else {
            self.write(format!("p{idx}\n").as_bytes());
        }
    }

    fn memo_get(&mut self, idx: u32) {
        if self.proto >= 1 {
            if idx < 256 {
                self.write(&[BINGET, idx as u8]);
            } else {
                let mut op = vec![LONG_BINGET];
                op.extend_from_slice(&idx.to_le_bytes());
                self.write(&op);
            }
        } else {
            self.write(format!("g{idx}\n").as_bytes());
        }
    }

    // -- save -------------------------------------------------------------------------

    fn save(&mut self, obj: &Value, pers_save: bool) -> PyResult<()> {
        if self.depth >= MAX_DEPTH {
            return Err(self.vm.new_error(
                &self.vm.exc.recursion_error,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        self.depth += 1;
        let result = self.save_inner(obj, pers_save);
        self.depth -= 1;
        result?;
        self.opcode_boundary();
        Ok(())
    }

    fn save_inner(&mut self, obj: &Value, pers_save: bool) -> PyResult<()> {
        let vm = self.vm;
        if !pers_save {
            if let Some(f) = self.persistent_id.clone() {
                let pid = vm.call(&f, &[obj.clone()])?;
                if !pid.is_none() {
                    return self.save_pers(&pid);
                }
            }
        }
        match obj {
            Value::None => {
                self.write(&[NONE]);
                return Ok(());
            }
            Value::Bool(b) => {
                let op: &[u8] = match (self.proto >= 2, b.get()) {
                    (true, true) => &[NEWTRUE],
                    (true, false) => &[NEWFALSE],
                    (false, true) => b"I01\n",
                    (false, false) => b"I00\n",
                };
                self.write(op);
                return Ok(());
            }
            Value::Int(i) => {
                self.save_int(&BigInt::from(*i), Some(*i));
                return Ok(());
            }
            Value::BigInt(b) => {
                self.save_int(b, None);
                return Ok(());
            }
            Value::Float(f) => {
                self.save_float(f.get());
                return Ok(());
            }
            _ => {}
        }
        if let Some(idx) = self.memo_index(obj) {
            self.memo_get(idx);
            return Ok(());
        }
        match obj {
            Value::Bytes(b) => return self.save_bytes(obj, b),
            Value::Str(s) => return self.save_str(obj, s.as_str()),
            Value::Dict(_) => return self.save_dict(obj),
            Value::Set(_) => return self.save_set(obj),
            Value::FrozenSet(_) => return self.save_frozenset(obj),
            Value::List(_) => return self.save_list(obj),
            Value::Tuple(t) => return self.save_tuple(obj, &t.0),
            _ => {}
        }
        if let Some(ba) = obj.downcast_native::<crate::builtins::bytearray::ByteArray>() {
            let data = ba.bytes.borrow().clone();
            return self.save_bytearray(obj, &data);
        }
        let mut reduce_value = None;
        if let Some(f) = self.reducer_override.clone() {
            let r = vm.call(&f, &[obj.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                reduce_value = Some(r);
            }
        }
        let reduce_value = match reduce_value {
            Some(r) => r,
            None => {
                if let Value::Class(c) = obj {
                    return self.save_type(obj, c);
                }
                if let Value::Function(_) = obj {
                    return self.save_global(obj, None);
                }
                match self.dispatch_entry(obj)? {
                    Some(f) => vm.call(&f, &[obj.clone()])?,
                    None => self.reduce_ex(obj)?,
                }
            }
        };
        if let Some(name) = reduce_value.as_str() {
            let name = name.to_string();
            return self.save_global(obj, Some(name));
        }
        let Value::Tuple(t) = &reduce_value else {
            return Err(pickling_error(
                vm,
                "__reduce__ must return a string or tuple",
            ));
        };
        self.save_reduce(&t.0, Some(obj))
    }

    /// The reduction function registered for the object's type, in the
    /// Pickler's `dispatch_table` or copyreg's.
    fn dispatch_entry(&mut self, obj: &Value) -> PyResult<Option<Value>> {
        let vm = self.vm;
        let class = Value::Class(vm.class_of(obj));
        let table = match self.dispatch_table.clone() {
            Some(t) => t,
            None => {
                let copyreg = self.copyreg()?;
                super::super::module_attr(vm, &copyreg, "dispatch_table")?
            }
        };
        if let Value::Dict(d) = &table {
            return d.get(vm, &class);
        }
        match vm.get_item(&table, &class) {
            Ok(f) => Ok(Some(f)),
            Err(e) if vm.err_is(&e, &vm.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn copyreg(&mut self) -> PyResult<Rc<Module>> {
        if let Some(m) = &self.copyreg {
            return Ok(m.clone());
        }
        let m = self.vm.import_module("copyreg")?;
        self.copyreg = Some(m.clone());
        Ok(m)
    }

    fn save_pers(&mut self, pid: &Value) -> PyResult<()> {
        if self.proto >= 1 {
            self.save(pid, true)?;
            self.write(&[BINPERSID]);
        } else {
            let text = self.vm.to_str(pid)?;
            if !text.is_ascii() || text.contains('\n') {
                return Err(pickling_error(
                    self.vm,
                    "persistent IDs in protocol 0 must be ASCII strings",
                ));
            }
            self.write(format!("P{text}\n").as_bytes());
        }
        Ok(())
    }

    // -- atomic values ----------------------------------------------------------------

    fn save_int(&mut self, n: &BigInt, small: Option<i64>) {
        if let Some(v) = small.filter(|v| i32::try_from(*v).is_ok()) {
            if self.proto >= 1 {
                if (0..=0xff).contains(&v) {
                    self.write(&[BININT1, v as u8]);
                } else if (0..=0xffff).contains(&v) {
                    let mut op = vec![BININT2];
                    op.extend_from_slice(&(v as u16).to_le_bytes());
                    self.write(&op);
                } else {
                    let mut op = vec![BININT];
                    op.extend_from_slice(&(v as i32).to_le_bytes());
                    self.write(&op);
                }
            } else {
                self.write(format!("I{v}\n").as_bytes());
            }
            return;
        }
        if self.proto >= 2 {
            let bytes = encode_long(n);
            if bytes.len() < 256 {
                let mut op = vec![LONG1, bytes.len() as u8];
                op.extend_from_slice(&bytes);
                self.write(&op);
            } else {
                let mut op = vec![LONG4];
                op.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
                op.extend_from_slice(&bytes);
                self.write(&op);
            }
        } else {
            self.write(format!("L{n}L\n").as_bytes());
        }
    }

    fn save_float(&mut self, f: f64) {
        if self.proto >= 1 {
            let mut op = vec![BINFLOAT];
            op.extend_from_slice(&f.to_be_bytes());
            self.write(&op);
        } else {
            self.write(format!("F{}\n", crate::fmt::float_repr(f)).as_bytes());
        }
    }

    fn save_bytes(&mut self, obj: &Value, data: &[u8]) -> PyResult<()> {
        let vm = self.vm;
        if self.proto < 3 {
            // Protocols without a bytes opcode rebuild them through
            // codecs.encode(str, 'latin1'), which Python 2 also understands.
            let bytes_type = Value::Class(vm.types.bytes.clone());
            if data.is_empty() {
                return self.save_reduce(&[bytes_type, Value::tuple(vec![])], Some(obj));
            }
            let text: String = data.iter().map(|&b| b as char).collect();
            self.save_codecs_encode()?;
            self.save(
                &Value::tuple(vec![Value::string(text), Value::str("latin1")]),
                false,
            )?;
            self.write(&[REDUCE]);
            if let Some(idx) = self.memo_index(obj) {
                self.write(&[POP]);
                self.memo_get(idx);
            } else {
                self.memo_put(obj);
            }
            return Ok(());
        }
        let len = data.len();
        let header = if len <= 0xff {
            vec![SHORT_BINBYTES, len as u8]
        } else if len as u64 <= 0xffff_ffff {
            let mut h = vec![BINBYTES];
            h.extend_from_slice(&(len as u32).to_le_bytes());
            h
        } else {
            let mut h = vec![BINBYTES8];
            h.extend_from_slice(&(len as u64).to_le_bytes());
            h
        };
        self.write_payload(&header, data);
        self.memo_put(obj);
        Ok(())
    }

    /// The reference to `_codecs.encode`, once per pickle (protocols < 3).
    fn save_codecs_encode(&mut self) -> PyResult<()> {
        let f = match &self.codecs_encode {
            Some(f) => f.clone(),
            None => {
                let f = super::resolve_global(self.vm, "_codecs", &["encode"])?
                    .ok_or_else(|| self.vm.not_implemented("_codecs.encode"))?;
                self.codecs_encode = Some(f.clone());
                f
            }
        };
        if let Some(idx) = self.memo_index(&f) {
            self.memo_get(idx);
            return Ok(());
        }
        self.write(b"c_codecs\nencode\n");
        self.memo_put(&f);
        Ok(())
    }

    fn save_bytearray(&mut self, obj: &Value, data: &[u8]) -> PyResult<()> {
        let vm = self.vm;
        if self.proto < 5 {
            let class = Value::Class(crate::builtins::bytearray::class(vm));
            let args = if data.is_empty() {
                Value::tuple(vec![])
            } else {
                Value::tuple(vec![Value::Bytes(Rc::new(data.to_vec()))])
            };
            return self.save_reduce(&[class, args], Some(obj));
        }
        let mut header = vec![BYTEARRAY8];
        header.extend_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_payload(&header, data);
        self.memo_put(obj);
        Ok(())
    }

    fn save_str(&mut self, obj: &Value, text: &str) -> PyResult<()> {
        if self.proto >= 1 {
            let data = text.as_bytes();
            let len = data.len();
            let header = if len <= 0xff && self.proto >= 4 {
                vec![SHORT_BINUNICODE, len as u8]
            } else if len as u64 > 0xffff_ffff && self.proto >= 4 {
                let mut h = vec![BINUNICODE8];
                h.extend_from_slice(&(len as u64).to_le_bytes());
                h
            } else if len as u64 > 0xffff_ffff {
                return Err(self.vm.overflow_error(
                    "serializing a string larger than 4 GiB requires pickle protocol 4 or higher",
                ));
            } else {
                let mut h = vec![BINUNICODE];
                h.extend_from_slice(&(len as u32).to_le_bytes());
                h
            };
            self.write_payload(&header, data);
        } else {
            let mut op = vec![UNICODE];
            op.extend_from_slice(&raw_unicode_escape(text));
            op.push(b'\n');
            self.write(&op);
        }
        self.memo_put(obj);
        Ok(())
    }

    // -- containers -------------------------------------------------------------------

    fn save_tuple(&mut self, obj: &Value, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            self.write(if self.proto >= 1 {
                &[EMPTY_TUPLE]
            } else {
                b"(t"
            });
            return Ok(());
        }
        let short = items.len() <= 3 && self.proto >= 2;
        if !short {
            self.write(&[MARK]);
        }
        for item in items {
            self.save(item, false)?;
        }
        // The tuple may have been memoized while its items were written
        // (it contains itself through a mutable object): drop the items
        // and fetch it from the memo.
        if let Some(idx) = self.memo_index(obj) {
            if short {
                for _ in items {
                    self.write(&[POP]);
                }
            } else if self.proto >= 1 {
                self.write(&[POP_MARK]);
            } else {
                for _ in 0..=items.len() {
                    self.write(&[POP]);
                }
            }
            self.memo_get(idx);
            return Ok(());
        }
        if short {
            self.write(&[[TUPLE1, TUPLE2, TUPLE3][items.len() - 1]]);
        } else {
            self.write(&[TUPLE]);
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_list(&mut self, obj: &Value) -> PyResult<()> {
        self.write(if self.proto >= 1 {
            &[EMPTY_LIST]
        } else {
            b"(l"
        });
        self.memo_put(obj);
        let Value::List(list) = obj else {
            return Ok(());
        };
        if self.proto == 0 {
            let mut i = 0;
            while let Some(item) = list.items.borrow().get(i).cloned() {
                self.save(&item, false)?;
                self.write(&[APPEND]);
                i += 1;
            }
            return Ok(());
        }
        let len = list.items.borrow().len();
        if len == 0 {
            return Ok(());
        }
        if len == 1 {
            let item = list.items.borrow()[0].clone();
            self.save(&item, false)?;
            self.write(&[APPEND]);
            return Ok(());
        }
        let mut total = 0;
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            while let Some(item) = list.items.borrow().get(total).cloned() {
                self.save(&item, false)?;
                total += 1;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[APPENDS]);
            if total >= list.items.borrow().len() {
                return Ok(());
            }
        }
    }

    /// Items of an iterator, appended (list subclasses, `__reduce__`'s
    /// fourth item).
    fn batch_list(&mut self, iter: &Value) -> PyResult<()> {
        let vm = self.vm;
        if self.proto == 0 {
            while let Some(item) = vm.next(iter)? {
                self.save(&item, false)?;
                self.write(&[APPEND]);
            }
            return Ok(());
        }
        loop {
            let Some(first) = vm.next(iter)? else {
                return Ok(());
            };
            let Some(mut item) = vm.next(iter)? else {
                self.save(&first, false)?;
                self.write(&[APPEND]);
                return Ok(());
            };
            self.write(&[MARK]);
            self.save(&first, false)?;
            let mut n = 1;
            loop {
                self.save(&item, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match vm.next(iter)? {
                    Some(next) => item = next,
                    None => break,
                }
            }
            self.write(&[APPENDS]);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_dict(&mut self, obj: &Value) -> PyResult<()> {
        self.write(if self.proto >= 1 {
            &[EMPTY_DICT]
        } else {
            b"(d"
        });
        self.memo_put(obj);
        let Value::Dict(d) = obj else {
            return Ok(());
        };
        if d.is_empty() {
            return Ok(());
        }
        if self.proto == 0 {
            let items = self.vm.call_method(obj, "items", &[])?;
            let iter = self.vm.iter(&items)?;
            return self.batch_dict(&iter);
        }
        let size = d.len();
        if size == 1 {
            let (k, v) = d.entry_at(0).ok_or_else(|| {
                self.vm
                    .runtime_error("dictionary changed size during iteration")
            })?;
            self.save(&k, false)?;
            self.save(&v, false)?;
            self.write(&[SETITEM]);
            return Ok(());
        }
        let mut i = 0;
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            while let Some((k, v)) = d.entry_at(i) {
                self.save(&k, false)?;
                self.save(&v, false)?;
                i += 1;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[SETITEMS]);
            if d.len() != size {
                return Err(self
                    .vm
                    .runtime_error("dictionary changed size during iteration"));
            }
            if batch != BATCHSIZE {
                return Ok(());
            }
        }
    }

    /// (key, value) pairs of an iterator, set (dict subclasses,
    /// `__reduce__`'s fifth item).
    fn batch_dict(&mut self, iter: &Value) -> PyResult<()> {
        let vm = self.vm;
        let pair = |item: Value| -> PyResult<(Value, Value)> {
            match item {
                Value::Tuple(t) if t.0.len() == 2 => Ok((t.0[0].clone(), t.0[1].clone())),
                _ => Err(vm.type_error("dict items iterator must return 2-tuples")),
            }
        };
        if self.proto == 0 {
            while let Some(item) = vm.next(iter)? {
                let (k, v) = pair(item)?;
                self.save(&k, false)?;
                self.save(&v, false)?;
                self.write(&[SETITEM]);
            }
            return Ok(());
        }
        loop {
            let Some(first) = vm.next(iter)? else {
                return Ok(());
            };
            let first = pair(first)?;
            let Some(mut item) = vm.next(iter)? else {
                self.save(&first.0, false)?;
                self.save(&first.1, false)?;
                self.write(&[SETITEM]);
                return Ok(());
            };
            self.write(&[MARK]);
            self.save(&first.0, false)?;
            self.save(&first.1, false)?;
            let mut n = 1;
            loop {
                let (k, v) = pair(item)?;
                self.save(&k, false)?;
                self.save(&v, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                match vm.next(iter)? {
                    Some(next) => item = next,
                    None => break,
                }
            }
            self.write(&[SETITEMS]);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn set_items(obj: &Value) -> Vec<Value> {
        match obj {
            Value::Set(s) | Value::FrozenSet(s) => s.items(),
            _ => Vec::new(),
        }
    }

    fn save_set(&mut self, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.proto < 4 {
            let reduce = [
                Value::Class(self.vm.types.set.clone()),
                Value::tuple(vec![Value::list(items)]),
            ];
            return self.save_reduce(&reduce, Some(obj));
        }
        self.write(&[EMPTY_SET]);
        self.memo_put(obj);
        for batch in items.chunks(BATCHSIZE) {
            self.write(&[MARK]);
            for item in batch {
                self.save(item, false)?;
            }
            self.write(&[ADDITEMS]);
        }
        Ok(())
    }

    fn save_frozenset(&mut self, obj: &Value) -> PyResult<()> {
        let items = Self::set_items(obj);
        if self.proto < 4 {
            let reduce = [
                Value::Class(self.vm.types.frozenset.clone()),
                Value::tuple(vec![Value::list(items)]),
            ];
            return self.save_reduce(&reduce, Some(obj));
        }
        self.write(&[MARK]);
        for item in &items {
            self.save(item, false)?;
        }
        if let Some(idx) = self.memo_index(obj) {
            self.write(&[POP_MARK]);
            self.memo_get(idx);
            return Ok(());
        }
        self.write(&[FROZENSET]);
        self.memo_put(obj);
        Ok(())
    }

    // -- references to classes and functions ------------------------------------------

    fn save_type(&mut self, obj: &Value, class: &Rc<crate::objects::Class>) -> PyResult<()> {
        let vm = self.vm;
        let t = &vm.types;
        let singleton = if Rc::ptr_eq(class, &t.none_type) {
            Some(Value::None)
        } else if Rc::ptr_eq(class, &t.not_implemented_type) {
            Some(Value::NotImplemented)
        } else if Rc::ptr_eq(class, &t.ellipsis_type) {
            Some(Value::Ellipsis)
        } else {
            None
        };
        match singleton {
            // type(None) and friends are rebuilt as type(None).
            Some(v) => {
                let reduce = [Value::Class(t.type_.clone()), Value::tuple(vec![v])];
                self.save_reduce(&reduce, Some(obj))
            }
            None => self.save_global(obj, None),
        }
    }

    fn save_global(&mut self, obj: &Value, name: Option<String>) -> PyResult<()> {
        let vm = self.vm;
        let global_name = match name {
            Some(n) => n,
            None => {
                let qualname = vm.get_attr_opt(obj, &Name::new("__qualname__"))?;
                let v = match qualname {
                    Some(q) => q,
                    None => vm.get_attr_str(obj, "__name__")?,
                };
                vm.to_str(&v)?
            }
        };
        let path: Vec<&str> = global_name.split('.').collect();
        if path.contains(&"<locals>") {
            return Err(vm.attribute_error(format!(
                "Can't pickle local object {}",
                vm.repr(&Value::str(&global_name))?
            )));
        }
        let module_name = self.which_module(obj, &path)?;
        let found = match super::resolve_global(vm, &module_name, &path) {
            Ok(Some(v)) => v,
            Ok(None) => {
                return Err(pickling_error(
                    vm,
                    format!(
                        "Can't pickle {}: attribute lookup {} on {} failed",
                        vm.repr(obj)?,
                        global_name,
                        module_name
                    ),
                ))
            }
            Err(_) => {
                return Err(pickling_error(
                    vm,
                    format!(
                        "Can't pickle {}: import of module {} failed",
                        vm.repr(obj)?,
                        vm.repr(&Value::str(&module_name))?
                    ),
                ))
            }
        };
        if !found.is(obj) {
            return Err(pickling_error(
                vm,
                format!(
                    "Can't pickle {}: it's not the same object as {}.{}",
                    vm.repr(obj)?,
                    module_name,
                    global_name
                ),
            ));
        }
        if self.proto >= 2 && self.save_extension(&module_name, &global_name)? {
            return Ok(());
        }
        let in_module = path.len() == 1;
        let last = path[path.len() - 1].to_string();
        let global_name = if in_module {
            last.clone()
        } else {
            global_name.clone()
        };
        if self.proto >= 4 {
            let module_value = self.interned(&module_name);
            let name_value = self.interned(&global_name);
            self.save(&module_value, false)?;
            self.save(&name_value, false)?;
            self.write(&[STACK_GLOBAL]);
        } else if !in_module {
            // A nested name, before protocol 4: getattr(parent, last).
            let parent = super::resolve_global(vm, &module_name, &path[..path.len() - 1])?
                .unwrap_or(Value::None);
            let getattr = vm
                .builtins
                .get_name(&Name::new("getattr"))
                .unwrap_or(Value::None);
            let reduce = [getattr, Value::tuple(vec![parent, Value::string(last)])];
            self.save_reduce(&reduce, None)?;
        } else {
            let (module_name, global_name) = if self.fix_imports && self.proto < 3 {
                py2_names(&module_name, &global_name)
            } else {
                (module_name, global_name)
            };
            if self.proto < 3 {
                if !module_name.is_ascii() {
                    return Err(pickling_error(
                        vm,
                        format!("can't pickle module identifier '{module_name}' using pickle protocol {}", self.proto),
                    ));
                }
                if !global_name.is_ascii() {
                    return Err(pickling_error(
                        vm,
                        format!("can't pickle global identifier '{global_name}' using pickle protocol {}", self.proto),
                    ));
                }
            }
            let mut op = vec![GLOBAL];
            op.extend_from_slice(module_name.as_bytes());
            op.push(b'\n');
            op.extend_from_slice(global_name.as_bytes());
            op.push(b'\n');
            self.write(&op);
        }
        self.memo_put(obj);
        Ok(())
    }

    /// One str object per module or global name, as CPython's interned
    /// names are: a name repeated in a pickle is memoized.
    fn interned(&mut self, name: &str) -> Value {
        self.names
            .entry(name.to_string())
            .or_insert_with(|| Value::str(name))
            .clone()
    }

    /// `obj.__module__`, or the first module in sys.modules that holds it.
    fn which_module(&mut self, obj: &Value, path: &[&str]) -> PyResult<String> {
        let vm = self.vm;
        if let Some(m) = vm.get_attr_opt(obj, &Name::new("__module__"))? {
            // towel's module functions are not linked to their module and
            // all say 'builtins': those that builtins does not hold are
            // looked for in sys.modules below.
            let unlinked = matches!(obj, Value::Builtin(_))
                && !super::resolve_global(vm, "builtins", path)
                    .is_ok_and(|found| found.is_some_and(|f| f.is(obj)));
            if !m.is_none() && !unlinked {
                return vm.to_str(&m);
            }
        }
        // builtins comes first in CPython's sys.modules.
        if let Ok(Some(found)) = super::resolve_global(vm, "builtins", path) {
            if found.is(obj) {
                return Ok("builtins".to_string());
            }
        }
        let modules: Vec<(String, Rc<Module>)> = vm
            .imports
            .modules
            .items()
            .into_iter()
            .filter_map(|(k, v)| match (k.as_str(), v) {
                (Some(name), Value::Module(m)) => Some((name.to_string(), m)),
                _ => None,
            })
            .collect();
        for (name, module) in modules {
            if name == "__main__" || name == "__mp_main__" {
                continue;
            }
            let mut v = Value::Module(module);
            let mut ok = true;
            for part in path {
                match vm.get_attr_opt(&v, &Name::new(part))? {
                    Some(next) => v = next,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && v.is(obj) {
                return Ok(name);
            }
        }
        Ok("__main__".to_string())
    }

    /// Writes EXT1/EXT2/EXT4 when copyreg has an extension code for the name.
    fn save_extension(&mut self, module_name: &str, global_name: &str) -> PyResult<bool> {
        let vm = self.vm;
        let copyreg = self.copyreg()?;
        let registry = super::super::module_attr(vm, &copyreg, "_extension_registry")?;
        let Value::Dict(registry) = registry else {
            return Ok(false);
        };
        if registry.is_empty() {
            return Ok(false);
        }
        let key = Value::tuple(vec![Value::str(module_name), Value::str(global_name)]);
        let Some(code) = registry.get(vm, &key)? else {
            return Ok(false);
        };
        let code = match code {
            Value::Int(c) if (1..=0x7fff_ffff).contains(&c) => c as u32,
            other => {
                return Err(pickling_error(
                    vm,
                    format!(
                        "Can't pickle {}.{}: extension code {} is out of range",
                        module_name,
                        global_name,
                        vm.repr(&other)?
                    ),
                ))
            }
        };
        if code <= 0xff {
            self.write(&[EXT1, code as u8]);
        } else if code <= 0xffff {
            let mut op = vec![EXT2];
            op.extend_from_slice(&(code as u16).to_le_bytes());
            self.write(&op);
        } else {
            let mut op = vec![EXT4];
            op.extend_from_slice(&code.to_le_bytes());
            self.write(&op);
        }
        Ok(true)
    }

    // -- the reduce protocol ----------------------------------------------------------

    /// `obj.__reduce_ex__(proto)`, looked up on the class as special methods
    /// are; `object` defines it for every value (see [`super::reduce`]).
    fn reduce_ex(&mut self, obj: &Value) -> PyResult<Value> {
        let vm = self.vm;
        let reduce_ex = vm
            .class_of(obj)
            .lookup_str("__reduce_ex__")
            .unwrap_or_default();
        vm.call_bound(&reduce_ex, obj, &[Value::Int(self.proto as i64)])
    }

    fn save_reduce(&mut self, parts: &[Value], obj: Option<&Value>) -> PyResult<()> {
        let vm = self.vm;
        if !(2..=6).contains(&parts.len()) {
            return Err(pickling_error(
                vm,
                "tuple returned by __reduce__ must contain 2 through 6 elements",
            ));
        }
        let callable = &parts[0];
        let argtup = &parts[1];
        let part = |i: usize| parts.get(i).filter(|v| !v.is_none());
        let state = part(2);
        let listitems = part(3);
        let dictitems = part(4);
        let state_setter = part(5);
        if !crate::builtins::is_callable(vm, callable) {
            return Err(pickling_error(
                vm,
                "first item of the tuple returned by __reduce__ must be callable",
            ));
        }
        let Value::Tuple(argtup) = argtup else {
            return Err(pickling_error(
                vm,
                "second item of the tuple returned by __reduce__ must be a tuple",
            ));
        };
        for (item, ordinal) in [(listitems, "fourth"), (dictitems, "fifth")] {
            if let Some(it) = item {
                if vm.class_of(it).lookup_str("__next__").is_none()
                    && !matches!(it, Value::Iter(_) | Value::Generator(_))
                {
                    return Err(pickling_error(
                        vm,
                        format!("{ordinal} element of the tuple returned by __reduce__ must be an iterator, not {}", vm.type_name(it)),
                    ));
                }
            }
        }
        if let Some(setter) = state_setter {
            if !crate::builtins::is_callable(vm, setter) {
                return Err(pickling_error(
                    vm,
                    format!("sixth element of the tuple returned by __reduce__ must be a function, not {}", vm.type_name(setter)),
                ));
            }
        }
        let name = if self.proto >= 2 {
            vm.get_attr_opt(callable, &Name::new("__name__"))?
                .and_then(|n| n.as_str().map(str::to_string))
        } else {
            None
        };
        match name.as_deref() {
            Some("__newobj_ex__") => self.save_newobj_ex(&argtup.0, obj)?,
            Some("__newobj__") => {
                let Some(cls) = argtup.0.first() else {
                    return Err(pickling_error(vm, "__newobj__ arglist is empty"));
                };
                let Value::Class(c) = cls else {
                    return Err(pickling_error(
                        vm,
                        "args[0] from __newobj__ args is not a type",
                    ));
                };
                if let Some(obj) = obj {
                    if !Rc::ptr_eq(&vm.class_of(obj), c) {
                        return Err(pickling_error(
                            vm,
                            "args[0] from __newobj__ args has the wrong class",
                        ));
                    }
                }
                self.save(cls, false)?;
                self.save(&Value::tuple(argtup.0[1..].to_vec()), false)?;
                self.write(&[NEWOBJ]);
            }
            _ => {
                self.save(callable, false)?;
                self.save(&Value::Tuple(argtup.clone()), false)?;
                self.write(&[REDUCE]);
            }
        }
        if let Some(obj) = obj {
            // Memoized while its arguments were written: the object is
            // recursive; use the memo's copy.
            if let Some(idx) = self.memo_index(obj) {
                self.write(&[POP]);
                self.memo_get(idx);
            } else {
                self.memo_put(obj);
            }
        }
        if let Some(items) = listitems {
            self.batch_list(items)?;
        }
        if let Some(items) = dictitems {
            self.batch_dict(items)?;
        }
        if let Some(state) = state {
            match state_setter {
                None => {
                    self.save(state, false)?;
                    self.write(&[BUILD]);
                }
                Some(setter) => {
                    self.save(setter, false)?;
                    self.save(obj.unwrap_or(&Value::None), false)?;
                    self.save(state, false)?;
                    self.write(&[TUPLE2, REDUCE, POP]);
                }
            }
        }
        Ok(())
    }

    fn save_newobj_ex(&mut self, args: &[Value], obj: Option<&Value>) -> PyResult<()> {
        let vm = self.vm;
        if args.len() != 3 {
            return Err(pickling_error(
                vm,
                format!(
                    "length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                    args.len()
                ),
            ));
        }
        let (cls, cargs, kwargs) = (&args[0], &args[1], &args[2]);
        let Value::Class(c) = cls else {
            return Err(pickling_error(
                vm,
                format!(
                    "first item from NEWOBJ_EX argument tuple must be a class, not {}",
                    vm.type_name(cls)
                ),
            ));
        };
        if let Some(obj) = obj {
            if !Rc::ptr_eq(&vm.class_of(obj), c) {
                return Err(pickling_error(
                    vm,
                    "args[0] from __newobj_ex__ args has the wrong class",
                ));
            }
        }
        let Value::Tuple(cargs) = cargs else {
            return Err(pickling_error(
                vm,
                format!(
                    "second item from NEWOBJ_EX argument tuple must be a tuple, not {}",
                    vm.type_name(cargs)
                ),
            ));
        };
        if !matches!(kwargs, Value::Dict(_)) {
            return Err(pickling_error(
                vm,
                format!(
                    "third item from NEWOBJ_EX argument tuple must be a dict, not {}",
                    vm.type_name(kwargs)
                ),
            ));
        }
        if self.proto >= 4 {
            self.save(cls, false)?;
            self.save(&Value::Tuple(cargs.clone()), false)?;
            self.save(kwargs, false)?;
            self.write(&[NEWOBJ_EX]);
            return Ok(());
        }
        // Before protocol 4: functools.partial(cls.__new__, cls, *args, **kwargs)().
        let functools = vm.import_module("functools")?;
        let partial = super::super::module_attr(vm, &functools, "partial")?;
        let new = vm.get_attr_str(cls, "__new__")?;
        let mut pos = vec![new, cls.clone()];
        pos.extend(cargs.0.iter().cloned());
        let Value::Dict(kw) = kwargs else {
            return Ok(());
        };
        let (names, values): (Vec<Value>, Vec<Value>) = kw.items().into_iter().unzip();
        let callable = vm.call_args(&partial, Args::with_kw(&pos, &names, &values))?;
        self.save(&callable, false)?;
        self.save(&Value::tuple(vec![]), false)?;
        self.write(&[REDUCE]);
        Ok(())
    }
}

/// The text of a str CPython would have interned: one made of name
/// characters (letters, digits, underscore), as identifiers, attribute
/// names and such constants in code are. CPython shares one object per
/// such string, so the memo treats equal ones as the same object; other
/// strs are memoized by identity.
fn interned_name(obj: &Value) -> Option<&str> {
    match obj {
        Value::Str(s) => {
            let text = s.as_str();
            (!text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                .then_some(text)
        }
        _ => None,
    }
}

/// (module, name) as Python 2 spelled them, for protocols < 3.
fn py2_names(module: &str, name: &str) -> (String, String) {
    if let Some((_, (m, n))) = NAME_TO_PY2
        .iter()
        .find(|((m, n), _)| *m == module && *n == name)
    {
        return (m.to_string(), n.to_string());
    }
    if module == "builtins" && PY2_EXCEPTIONS.contains(&name) {
        return ("exceptions".to_string(), name.to_string());
    }
    if let Some((_, m)) = MODULE_TO_PY2.iter().find(|(m, _)| *m == module) {
        return (m.to_string(), name.to_string());
    }
    (module.to_string(), name.to_string())
}

/// An int as LONG1/LONG4 want it: two's complement, little-endian, in as
/// few bytes as hold its sign (zero is no bytes).
pub(super) fn encode_long(n: &BigInt) -> Vec<u8> {
    if n.sign() == Sign::NoSign {
        return Vec::new();
    }
    n.to_signed_bytes_le()
}

/// Protocol 0's text for a str: raw-unicode-escape, with backslash, the
/// NUL, newline, carriage return and \x1a characters escaped too.
fn raw_unicode_escape(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code >= 0x10000 {
            out.extend_from_slice(format!("\\U{code:08x}").as_bytes());
        } else if code >= 256 || matches!(c, '\\' | '\0' | '\n' | '\r' | '\x1a') {
            out.extend_from_slice(format!("\\u{code:04x}").as_bytes());
        } else {
            out.push(code as u8);
        }
    }
    out
}
