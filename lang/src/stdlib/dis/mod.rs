//! `dis`: CPython's disassembler module, plus towel's own `compare`,
//! `states` and `desugar` for seeing how generators and coroutines work.
//!
//! The listing text is made by [`listing`], a pure function of the
//! compiler's code object, so `dis.dis`, `towel -m dis`, the instruction
//! tracer and the snapshot tests all print the same thing. This file is the
//! Python-facing layer: it finds the code object in whatever the user passed
//! (function, method, class, module, generator, coroutine, source string),
//! turns listings into `Instruction` objects and writes to `file=`.

pub mod desugar;
pub mod listing;
pub mod unparse;

use crate::bytecode::{flags, ArgKind, CodeObject, Opcode};
use crate::objects::class::Layout;
use crate::objects::gc::Visitor;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Code, Module, Name, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use listing::ArgVal;
use std::any::Any;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "dis",
        &[
            (&DIS, dis),
            (&DISASSEMBLE, disassemble),
            (&DISTB, distb),
            (&GET_INSTRUCTIONS, get_instructions),
            (&CODE_INFO, code_info),
            (&SHOW_CODE, show_code),
            (&FINDLINESTARTS, findlinestarts),
            (&FINDLABELS, findlabels),
            (&PRETTY_FLAGS, pretty_flags),
            (&STACK_EFFECT, stack_effect),
            (&COMPARE, compare),
            (&STATES, states),
            (&DESUGAR, desugar),
            (&DESUGAR_SOURCE, desugar_source),
            (&DESUGARED, desugared),
            // types.coroutine for builds without a types module (see desugared()).
            (&COROUTINE, coroutine_shim),
        ],
    );
    // `disco` is another name for the same function.
    super::set(
        &m,
        "disco",
        super::module_get(&m, "disassemble").unwrap_or_default(),
    );
    let mut opname: Vec<Value> = (0..256).map(|i| Value::string(format!("<{i}>"))).collect();
    let opmap = crate::objects::PyDict::new();
    for &op in Opcode::ALL {
        opname[op as usize] = Value::str(op.name());
        opmap.set(vm, Value::str(op.name()), Value::Int(op as i64))?;
    }
    super::set(&m, "opname", Value::list(opname));
    super::set(&m, "opmap", Value::Dict(crate::objects::gc::new(opmap)));
    let by_kind = |kinds: &[ArgKind]| {
        Value::list(
            Opcode::ALL
                .iter()
                .filter(|op| kinds.contains(&op.arg_kind()))
                .map(|&op| Value::Int(op as i64))
                .collect(),
        )
    };
    super::set(&m, "hasconst", by_kind(&[ArgKind::Const]));
    super::set(&m, "hasname", by_kind(&[ArgKind::Name]));
    // Every towel jump holds an absolute instruction index.
    super::set(&m, "hasjabs", by_kind(&[ArgKind::Jump]));
    super::set(&m, "hasjrel", Value::list(Vec::new()));
    super::set(&m, "haslocal", by_kind(&[ArgKind::Local]));
    super::set(&m, "hasfree", by_kind(&[ArgKind::Free]));
    super::set(&m, "hascompare", by_kind(&[ArgKind::Compare]));
    super::set(
        &m,
        "cmp_op",
        Value::tuple(
            crate::bytecode::COMPARE_OPS
                .iter()
                .map(|s| Value::str(s))
                .collect(),
        ),
    );
    let names = crate::objects::PyDict::new();
    for &(bit, name) in flags::NAMES.iter() {
        names.set(vm, Value::Int(bit as i64), Value::str(name))?;
    }
    super::set(
        &m,
        "COMPILER_FLAG_NAMES",
        Value::Dict(crate::objects::gc::new(names)),
    );
    super::set(&m, "Bytecode", Value::Class(bytecode_class(vm)));
    super::set(
        &m,
        "Instruction",
        Value::Class(tuple_class(vm, TupleKind::Instruction)),
    );
    super::set(
        &m,
        "Positions",
        Value::Class(tuple_class(vm, TupleKind::Positions)),
    );
    Ok(m)
}

// ---------------------------------------------------------------------------
// Finding the code

/// A code object together with the flags its function really has
/// (`types.coroutine` adds ITERABLE_COROUTINE to the function, not the code).
#[derive(Clone)]
pub struct CodeRef {
    pub code: Rc<Code>,
    pub flags: u32,
}

impl CodeRef {
    fn new(code: Rc<Code>) -> CodeRef {
        let flags = code.co.flags;
        CodeRef { code, flags }
    }

    pub fn co(&self) -> &Rc<CodeObject> {
        &self.code.co
    }
}

/// What `dis.dis` was given: one code object, or a namespace whose functions are each disassembled.
enum Target {
    Code(CodeRef),
    Namespace(Vec<(String, Value)>),
}

/// Compiles source text the way CPython's `_try_compile` does: as an expression if it is one, else as statements.
fn compile_source(vm: &Vm, source: &str, filename: &str) -> PyResult<Rc<Code>> {
    match vm.compile(source, filename, crate::compiler::Mode::Eval) {
        Ok(code) => Ok(code),
        Err(_) => vm
            .compile(source, filename, crate::compiler::Mode::Exec)
            .map_err(|e| vm.syntax_error_value(&e)),
    }
}

/// Unwraps methods, functions, generators and coroutines to their code
/// (CPython's `_get_code_object`), or says that `x` is a namespace.
fn resolve(vm: &Vm, x: &Value, filename: &str) -> PyResult<Target> {
    let mut x = x.clone();
    // Methods and classmethod/staticmethod objects: their function.
    for _ in 0..4 {
        match &x {
            Value::BoundMethod(m) => x = m.func.clone(),
            Value::Native(_) => match vm.get_attr_opt(&x, &Name::new("__func__"))? {
                Some(f) => x = f,
                None => break,
            },
            _ => break,
        }
    }
    Ok(match &x {
        Value::Function(f) => Target::Code(CodeRef {
            code: f.code.clone(),
            flags: f.flags(),
        }),
        Value::Generator(g) => {
            let mut r = CodeRef::new(g.code.clone());
            if g.iterable_coroutine {
                r.flags |= flags::ITERABLE_COROUTINE;
            }
            Target::Code(r)
        }
        Value::Code(c) => Target::Code(CodeRef::new(c.clone())),
        Value::Str(s) => Target::Code(CodeRef::new(compile_source(vm, s.as_str(), filename)?)),
        Value::Class(c) => Target::Namespace(
            c.dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.as_str().to_string(), v.clone()))
                .collect(),
        ),
        Value::Module(m) => Target::Namespace(
            m.ns.items()
                .into_iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v)))
                .collect(),
        ),
        other => {
            // Objects that carry code the CPython way (a wrapper with __code__, __wrapped__, ...).
            for attr in ["__code__", "gi_code", "ag_code", "cr_code", "__wrapped__"] {
                if let Some(inner) = vm.get_attr_opt(other, &Name::new(attr))? {
                    if !matches!(inner, Value::None) && !inner.is(other) {
                        return resolve(vm, &inner, filename);
                    }
                }
            }
            return Err(vm.type_error(format!(
                "don't know how to disassemble {} objects",
                vm.type_name(other)
            )));
        }
    })
}

/// The code object of `x`; a class or module is an error here, as in CPython.
fn code_of(vm: &Vm, x: &Value) -> PyResult<CodeRef> {
    match resolve(vm, x, "<disassembly>")? {
        Target::Code(c) => Ok(c),
        Target::Namespace(_) => Err(vm.type_error(format!(
            "don't know how to disassemble {} objects",
            vm.type_name(x)
        ))),
    }
}

/// True for the values `dis.dis` disassembles when it walks a class or module (CPython's `_have_code`).
fn has_code(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::BoundMethod(_) | Value::Code(_) | Value::Class(_) => true,
        Value::Native(_) => {
            v.downcast_native::<crate::builtins::descriptors::StaticMethod>()
                .is_some()
                || v.downcast_native::<crate::builtins::descriptors::ClassMethod>()
                    .is_some()
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Arguments and output

/// The optional `file=` argument (None means standard output).
fn file_arg(file: Option<&Value>) -> Option<&Value> {
    file.filter(|f| !f.is_none())
}

/// Writes `text` to `file`, or to `sys.stdout` (honouring a replaced one).
fn emit(vm: &Vm, file: Option<&Value>, text: &str) -> PyResult<()> {
    match file {
        Some(f) => vm.call_method(f, "write", &[Value::str(text)]).map(|_| ()),
        None => crate::builtins::io::write_stdout(vm, text),
    }
}

fn optional_int(vm: &Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => vm.to_index(v).map(Some),
    }
}

/// The one argument of a function declared with a single parameter.
fn the_arg<'a>(vm: &Vm, args: Args<'a>, sig: &Signature) -> PyResult<&'a Value> {
    let ([x], []) = sig.bind(vm, args)?;
    Ok(x)
}

// ---------------------------------------------------------------------------
// dis, disassemble, code_info

/// The text `dis.dis(x)` prints.
fn dis_text(vm: &Vm, x: &Value, depth: Option<usize>) -> PyResult<String> {
    match resolve(vm, x, "<dis>")? {
        Target::Code(c) => Ok(listing::disassemble_recursive(c.co(), depth)),
        Target::Namespace(mut items) => {
            items.sort_by(|a, b| a.0.cmp(&b.0));
            let mut out = String::new();
            for (name, v) in items.iter().filter(|(_, v)| has_code(v)) {
                out.push_str(&format!("Disassembly of {name}:\n"));
                match dis_text(vm, v, depth) {
                    Ok(text) => out.push_str(&text),
                    Err(e) if vm.err_is(&e, &vm.exc.type_error) => {
                        let msg = vm.to_str(&e.value()).unwrap_or_default();
                        out.push_str(&format!("Sorry: {msg}\n"));
                    }
                    Err(e) => return Err(e),
                }
                out.push('\n');
            }
            Ok(out)
        }
    }
}

// The caches and adaptive instructions of CPython's specializing
// interpreter do not exist in towel: `show_caches` and `adaptive` are accepted
// and change nothing.
static DIS: Signature = Signature::new(
    Style::Python,
    "dis",
    "x=None, *, file=None, depth=None, show_caches=False, adaptive=False",
)
.doc("Print the disassembly of a function, method, class, module, code object or source string (of the last traceback when x is None).");

fn dis(vm: &Vm, args: Args) -> PyResult {
    let ([], [x, file, depth, _, _]) = DIS.bind(vm, args)?;
    let Some(x) = x.filter(|x| !x.is_none()) else {
        return distb(vm, Args::new(&[]));
    };
    let depth = optional_int(vm, depth)?.map(|d| d.max(0) as usize);
    let text = dis_text(vm, x, depth)?;
    emit(vm, file_arg(file), &text)?;
    Ok(Value::None)
}

/// `dis.distb(tb=None, *, file=None)`: the code of a traceback's innermost
/// frame (of `sys.last_traceback` by default), `-->` at the instruction
/// that raised.
static DISTB: Signature = Signature::new(
    Style::Python,
    "distb",
    "tb=None, *, file=None, show_caches=False, adaptive=False",
)
.doc("Print the disassembly of a traceback's innermost frame (of the last traceback by default), marking the instruction that raised.");

fn distb(vm: &Vm, args: Args) -> PyResult {
    let ([], [tb, file, _, _]) = DISTB.bind(vm, args)?;
    let given = tb.filter(|tb| !tb.is_none()).cloned();
    let last = || vm.sys_attr("last_traceback");
    let Some(tb) = given.or_else(last) else {
        return Err(vm.runtime_error("no last traceback to disassemble"));
    };
    let Some(tb) = crate::vm::traceback::as_traceback(&tb) else {
        return Err(vm.type_error(format!(
            "don't know how to disassemble {} objects",
            vm.type_name(&tb)
        )));
    };
    let Some(innermost) = crate::vm::traceback::Traceback::chain(&tb).last() else {
        return Ok(Value::None);
    };
    let code = Value::Code(innermost.code());
    let file: Vec<Value> = file.into_iter().cloned().collect();
    let names: Vec<Value> = file.iter().map(|_| Value::str("file")).collect();
    let pos = [code, Value::Int(innermost.lasti)];
    disassemble(vm, Args::with_kw(&pos, &names, &file))
}

/// `dis.disassemble(co, lasti=-1, *, file=None)`: one code object, `-->` at `lasti`.
static DISASSEMBLE: Signature = Signature::new(
    Style::Python,
    "disassemble",
    "co, lasti=-1, *, file=None, show_caches=False, adaptive=False",
)
.doc("Print the disassembly of one code object, marking the instruction at offset lasti.");

fn disassemble(vm: &Vm, args: Args) -> PyResult {
    let ([co], [lasti, file, _, _]) = DISASSEMBLE.bind(vm, args)?;
    let c = code_of(vm, co)?;
    let lasti = optional_int(vm, lasti)?
        .filter(|&l| l >= 0)
        .map(|l| l as usize / 2);
    emit(vm, file_arg(file), &listing::disassemble(c.co(), lasti))?;
    Ok(Value::None)
}

static CODE_INFO: Signature = Signature::new(Style::Python, "code_info", "x").doc(
    "Return a description of the code object of x: its names, flags, constants and variables.",
);

fn code_info(vm: &Vm, args: Args) -> PyResult {
    let c = code_of(vm, the_arg(vm, args, &CODE_INFO)?)?;
    Ok(Value::string(listing::code_info(c.co(), c.flags)))
}

/// `dis.show_code(x, *, file=None)`: `code_info`, then (towel's addition) the resume points of a generator or coroutine.
static SHOW_CODE: Signature = Signature::new(Style::Python, "show_code", "co, *, file=None")
    .doc("Print the code_info of co.");

fn show_code(vm: &Vm, args: Args) -> PyResult {
    let ([co], [file]) = SHOW_CODE.bind(vm, args)?;
    let c = code_of(vm, co)?;
    let mut text = listing::code_info(c.co(), c.flags);
    text.push('\n');
    if c.co().is_resumable() {
        text.push_str(&listing::format_states(c.co(), c.flags));
    }
    emit(vm, file_arg(file), &text)?;
    Ok(Value::None)
}

static FINDLINESTARTS: Signature = Signature::new(Style::Python, "findlinestarts", "code")
    .doc("Return an iterator of (offset, line) pairs where the code's source lines start.");

fn findlinestarts(vm: &Vm, args: Args) -> PyResult {
    let c = code_of(vm, the_arg(vm, args, &FINDLINESTARTS)?)?;
    let pairs = listing::line_starts(c.co())
        .into_iter()
        .map(|(i, line)| {
            Value::tuple(vec![
                Value::Int(listing::offset_of(i) as i64),
                Value::Int(line as i64),
            ])
        })
        .collect();
    vm.iter(&Value::list(pairs))
}

static FINDLABELS: Signature = Signature::new(Style::Python, "findlabels", "code")
    .doc("Return the offsets that jumps in the code lead to.");

fn findlabels(vm: &Vm, args: Args) -> PyResult {
    let c = code_of(vm, the_arg(vm, args, &FINDLABELS)?)?;
    Ok(Value::list(
        listing::jump_targets(c.co())
            .into_iter()
            .map(|o| Value::Int(o as i64))
            .collect(),
    ))
}

static PRETTY_FLAGS: Signature = Signature::new(Style::Python, "pretty_flags", "flags")
    .doc("Return the names of the code flags set in flags, joined with commas.");

fn pretty_flags(vm: &Vm, args: Args) -> PyResult {
    let f = vm.to_index(the_arg(vm, args, &PRETTY_FLAGS)?)?;
    Ok(Value::string(listing::pretty_flags(f as u32)))
}

/// `dis.stack_effect(opcode, oparg=None, *, jump=None)`; with `jump=None` the larger of the two effects, as CPython.
static STACK_EFFECT: Signature = Signature::new(
    Style::Clinic,
    "stack_effect",
    "opcode, oparg=None, /, *, jump=None",
)
.doc("Return how many values the instruction opcode (with oparg) adds to the stack, for the jump or the fall-through (the larger when jump is None).");

fn stack_effect(vm: &Vm, args: Args) -> PyResult {
    let ([opcode], [oparg, jump]) = STACK_EFFECT.bind(vm, args)?;
    let code = vm.to_index(opcode)?;
    let op = u8::try_from(code)
        .ok()
        .and_then(Opcode::from_u8)
        .ok_or_else(|| vm.value_error("invalid opcode or oparg"))?;
    let oparg = optional_int(vm, oparg)?;
    if op.arg_kind() == ArgKind::None && oparg.is_some() {
        return Err(
            vm.value_error("stack_effect: opcode does not permit oparg but oparg was specified")
        );
    }
    if op.arg_kind() != ArgKind::None && oparg.is_none() {
        return Err(
            vm.value_error("stack_effect: opcode requires oparg but oparg was not specified")
        );
    }
    let arg = oparg.unwrap_or(0).clamp(0, u32::MAX as i64) as u32;
    let effect = match jump {
        None | Some(Value::None) => op.stack_effect(arg, true).max(op.stack_effect(arg, false)),
        Some(j) => op.stack_effect(arg, vm.truthy(j)?),
    };
    Ok(Value::Int(effect as i64))
}

// ---------------------------------------------------------------------------
// Instruction and Positions: named-tuple-like objects

#[derive(Clone, Copy, PartialEq, Eq)]
enum TupleKind {
    Instruction,
    Positions,
}

impl TupleKind {
    fn name(self) -> &'static str {
        match self {
            TupleKind::Instruction => "Instruction",
            TupleKind::Positions => "Positions",
        }
    }

    fn fields(self) -> &'static [&'static str] {
        match self {
            TupleKind::Instruction => &[
                "opname",
                "opcode",
                "arg",
                "argval",
                "argrepr",
                "offset",
                "starts_line",
                "is_jump_target",
                "positions",
            ],
            TupleKind::Positions => &["lineno", "end_lineno", "col_offset", "end_col_offset"],
        }
    }
}

/// A named tuple: fields readable by name and by index, compared and hashed as a tuple.
pub struct NamedTuple {
    class: Rc<Class>,
    kind: TupleKind,
    values: Vec<Value>,
}

impl NativeObject for NamedTuple {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.values.iter().for_each(|v| visit.value(v));
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        if name == "_fields" {
            return Some(Ok(Value::tuple(
                self.kind.fields().iter().map(|f| Value::str(f)).collect(),
            )));
        }
        let i = self.kind.fields().iter().position(|f| *f == name)?;
        Some(Ok(self.values.get(i).cloned().unwrap_or_default()))
    }
}

fn tuple_class(vm: &Vm, kind: TupleKind) -> Rc<Class> {
    let key = match kind {
        TupleKind::Instruction => "dis.Instruction",
        TupleKind::Positions => "dis.Positions",
    };
    vm.lazy_class(key, |vm| {
        let c = new_class(
            kind.name(),
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "dis",
        );
        add_methods(
            &c,
            kind.name(),
            &[
                ("__repr__", nt_repr),
                ("__eq__", nt_eq),
                ("__hash__", nt_hash),
                ("__len__", nt_len),
                ("__getitem__", nt_getitem),
                ("__iter__", nt_iter),
                ("_asdict", nt_asdict),
            ],
        );
        let new: crate::objects::NativeFn = match kind {
            TupleKind::Instruction => nt_new_instruction,
            TupleKind::Positions => nt_new_positions,
        };
        add_methods(&c, kind.name(), &[("__new__", new)]);
        c
    })
}

/// `Instruction(...)`: every field but `positions` (None) is required.
fn nt_new_instruction(vm: &Vm, args: Args) -> PyResult {
    nt_new(vm, &args, TupleKind::Instruction, 8)
}

/// `Positions(lineno=None, end_lineno=None, col_offset=None, end_col_offset=None)`.
fn nt_new_positions(vm: &Vm, args: Args) -> PyResult {
    nt_new(vm, &args, TupleKind::Positions, 0)
}

/// A named tuple from positional and keyword fields; fields past the
/// first `required` default to None.
fn nt_new(vm: &Vm, args: &Args, kind: TupleKind, required: usize) -> PyResult {
    let fields = kind.fields();
    let given = args.skip_first();
    let name = kind.name();
    if given.pos.len() > fields.len() {
        return Err(vm.type_error(format!(
            "{name}.__new__() takes {} positional arguments but {} were given",
            fields.len() + 1,
            given.pos.len() + 1
        )));
    }
    let mut values: Vec<Option<Value>> = given.pos.iter().cloned().map(Some).collect();
    values.resize(fields.len(), None);
    for (k, v) in given.kwnames.iter().zip(given.kwvalues) {
        let key = k.as_str().unwrap_or("");
        let Some(i) = fields.iter().position(|f| *f == key) else {
            return Err(vm.type_error(format!(
                "{name}.__new__() got an unexpected keyword argument '{key}'"
            )));
        };
        if values[i].is_some() {
            return Err(vm.type_error(format!(
                "{name}.__new__() got multiple values for argument '{key}'"
            )));
        }
        values[i] = Some(v.clone());
    }
    if let Some(i) = values[..required].iter().position(Option::is_none) {
        return Err(vm.type_error(format!(
            "{name}.__new__() missing required argument '{}'",
            fields[i]
        )));
    }
    Ok(new_tuple(
        vm,
        kind,
        values.into_iter().map(Option::unwrap_or_default).collect(),
    ))
}

fn new_tuple(vm: &Vm, kind: TupleKind, values: Vec<Value>) -> Value {
    Value::native(NamedTuple {
        class: tuple_class(vm, kind),
        kind,
        values,
    })
}

fn this_tuple<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a NamedTuple> {
    args.get(0)
        .and_then(|v| v.downcast_native::<NamedTuple>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'dis' named tuple"))
}

fn nt_repr(vm: &Vm, args: Args) -> PyResult {
    let t = this_tuple(vm, &args)?;
    let mut parts = Vec::new();
    for (f, v) in t.kind.fields().iter().zip(&t.values) {
        parts.push(format!("{f}={}", vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "{}({})",
        t.kind.name(),
        parts.join(", ")
    )))
}

fn nt_eq(vm: &Vm, args: Args) -> PyResult {
    let a = this_tuple(vm, &args)?;
    let Some(b) = args.get(1).and_then(|v| v.downcast_native::<NamedTuple>()) else {
        // Compared with a plain tuple, compare the items, as a named tuple does.
        return match args.get(1) {
            Some(Value::Tuple(t)) => vm
                .eq(&Value::tuple(a.values.clone()), &Value::Tuple(t.clone()))
                .map(Value::from_bool),
            _ => Ok(Value::NotImplemented),
        };
    };
    vm.eq(
        &Value::tuple(a.values.clone()),
        &Value::tuple(b.values.clone()),
    )
    .map(Value::from_bool)
}

fn nt_hash(vm: &Vm, args: Args) -> PyResult {
    let t = this_tuple(vm, &args)?;
    vm.hash(&Value::tuple(t.values.clone())).map(Value::Int)
}

fn nt_len(vm: &Vm, args: Args) -> PyResult {
    Ok(Value::Int(this_tuple(vm, &args)?.values.len() as i64))
}

fn nt_getitem(vm: &Vm, args: Args) -> PyResult {
    let t = this_tuple(vm, &args)?;
    let key = args.get(1).cloned().unwrap_or_default();
    vm.get_item(&Value::tuple(t.values.clone()), &key)
}

fn nt_iter(vm: &Vm, args: Args) -> PyResult {
    let t = this_tuple(vm, &args)?;
    vm.iter(&Value::tuple(t.values.clone()))
}

fn nt_asdict(vm: &Vm, args: Args) -> PyResult {
    let t = this_tuple(vm, &args)?;
    let d = crate::objects::PyDict::new();
    for (f, v) in t.kind.fields().iter().zip(&t.values) {
        d.set(vm, Value::str(f), v.clone())?;
    }
    Ok(Value::Dict(crate::objects::gc::new(d)))
}

/// The source positions of instruction `index` (CPython's `co_positions`), from its span.
fn positions(
    vm: &Vm,
    co: &CodeObject,
    index: usize,
    lines: Option<&crate::source::LineIndex>,
) -> Value {
    let none = || new_tuple(vm, TupleKind::Positions, vec![Value::None; 4]);
    let (Some(span), Some(source), Some(lines)) =
        (co.spans.get(index), co.source.as_deref(), lines)
    else {
        return none();
    };
    if span.end as usize > source.len() || span.start > span.end {
        return none();
    }
    let (l0, l1) = (
        lines.line(span.start),
        lines.line(span.end.saturating_sub(1).max(span.start)),
    );
    // Columns are UTF-8 byte offsets into the line, as CPython's.
    let c0 = span.start - lines.line_start(l0);
    let c1 = span.end - lines.line_start(l1);
    new_tuple(
        vm,
        TupleKind::Positions,
        vec![
            Value::Int(l0 as i64),
            Value::Int(l1 as i64),
            Value::Int(c0 as i64),
            Value::Int(c1 as i64),
        ],
    )
}

/// Converts a decoded argument into the value `Instruction.argval` holds.
fn argval_value(vm: &Vm, code: &Code, v: &ArgVal, arg: Option<u32>) -> Value {
    match v {
        ArgVal::None => arg.map_or(Value::None, |a| Value::Int(a as i64)),
        ArgVal::Int(i) => Value::Int(*i as i64),
        ArgVal::Const(i) => code.consts.get(*i).cloned().unwrap_or_default(),
        ArgVal::Str(s) => Value::str(s),
        ArgVal::Offset(o) => Value::Int(*o as i64),
        ArgVal::Format(conv, spec) => {
            let f = conv
                .and_then(|c| vm.builtins.get_name(&Name::new(c)))
                .unwrap_or_default();
            Value::tuple(vec![f, Value::from_bool(*spec)])
        }
    }
}

/// The `Instruction` objects of a code object; `line_offset` shifts line numbers (`first_line=`).
fn instruction_values(vm: &Vm, c: &CodeRef, line_offset: i64) -> Vec<Value> {
    let co = c.co();
    let lines = co.source.as_deref().map(crate::source::LineIndex::new);
    listing::instructions(co)
        .into_iter()
        .map(|ins| {
            let values = vec![
                Value::str(ins.op.name()),
                Value::Int(ins.op as i64),
                ins.arg.map_or(Value::None, |a| Value::Int(a as i64)),
                argval_value(vm, &c.code, &ins.argval, ins.arg),
                Value::string(ins.argrepr.clone()),
                Value::Int(ins.offset as i64),
                ins.starts_line
                    .map_or(Value::None, |l| Value::Int(l as i64 + line_offset)),
                Value::from_bool(ins.is_jump_target),
                positions(vm, co, ins.index, lines.as_ref()),
            ];
            new_tuple(vm, TupleKind::Instruction, values)
        })
        .collect()
}

/// `dis.get_instructions(x, *, first_line=None)`: an iterator of `Instruction`s.
static GET_INSTRUCTIONS: Signature = Signature::new(
    Style::Python,
    "get_instructions",
    "x, *, first_line=None, show_caches=False, adaptive=False",
)
.doc("Return an iterator of the Instructions of x's code, numbering lines from first_line when given.");

fn get_instructions(vm: &Vm, args: Args) -> PyResult {
    let ([x], [first_line, _, _]) = GET_INSTRUCTIONS.bind(vm, args)?;
    let c = code_of(vm, x)?;
    let offset = optional_int(vm, first_line)?.map_or(0, |f| f - c.co().firstlineno as i64);
    vm.iter(&Value::list(instruction_values(vm, &c, offset)))
}

// ---------------------------------------------------------------------------
// Bytecode

/// `dis.Bytecode(x)`: the instructions of `x` as an iterable object with `.dis()` and `.info()`.
pub struct Bytecode {
    class: Rc<Class>,
    code: CodeRef,
    original: Value,
    first_line: i64,
    current_offset: Option<i64>,
}

impl NativeObject for Bytecode {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.original);
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "codeobj" => Value::Code(self.code.code.clone()),
            "first_line" => Value::Int(self.first_line),
            "current_offset" => self.current_offset.map_or(Value::None, Value::Int),
            _ => return None,
        }))
    }
}

fn bytecode_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("dis.Bytecode", |vm| {
        let c = new_class(
            "Bytecode",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "dis",
        );
        add_methods(
            &c,
            "Bytecode",
            &[
                ("__new__", bytecode_new),
                ("__iter__", bytecode_iter),
                ("__repr__", bytecode_repr),
            ],
        );
        add_declared_methods(
            &c,
            "Bytecode",
            &[
                (&BYTECODE_DIS, bytecode_dis),
                (&BYTECODE_INFO, bytecode_info),
            ],
        );
        c
    })
}

// CPython's Bytecode is a Python class: its methods take `self` as an
// ordinary parameter, which its messages count.
static BYTECODE_NEW: Signature = Signature::new(
    Style::Python,
    "Bytecode.__init__",
    "self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False",
);
static BYTECODE_DIS: Signature = Signature::new(Style::Python, "Bytecode.dis", "self")
    .doc("Return the disassembly, marking the instruction at current_offset.");
static BYTECODE_INFO: Signature =
    Signature::new(Style::Python, "Bytecode.info", "self").doc("Return the code_info of the code.");

fn bytecode_new(vm: &Vm, args: Args) -> PyResult {
    let ([_, x], [first_line, current_offset, _, _]) = BYTECODE_NEW.bind(vm, args)?;
    let original = x.clone();
    let code = code_of(vm, &original)?;
    let first_line = optional_int(vm, first_line)?.unwrap_or(code.co().firstlineno as i64);
    let current_offset = optional_int(vm, current_offset)?;
    Ok(Value::native(Bytecode {
        class: bytecode_class(vm),
        code,
        original,
        first_line,
        current_offset,
    }))
}

fn this_bytecode<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Bytecode> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Bytecode>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'dis.Bytecode' object"))
}

fn bytecode_iter(vm: &Vm, args: Args) -> PyResult {
    let b = this_bytecode(vm, &args)?;
    let offset = b.first_line - b.code.co().firstlineno as i64;
    vm.iter(&Value::list(instruction_values(vm, &b.code, offset)))
}

fn bytecode_repr(vm: &Vm, args: Args) -> PyResult {
    let b = this_bytecode(vm, &args)?;
    Ok(Value::string(format!(
        "Bytecode({})",
        vm.repr(&b.original)?
    )))
}

fn bytecode_dis(vm: &Vm, args: Args) -> PyResult {
    BYTECODE_DIS.check(vm, args)?;
    let b = this_bytecode(vm, &args)?;
    let current = b.current_offset.filter(|&o| o >= 0).map(|o| o as usize / 2);
    Ok(Value::string(listing::disassemble(b.code.co(), current)))
}

fn bytecode_info(vm: &Vm, args: Args) -> PyResult {
    BYTECODE_INFO.check(vm, args)?;
    let b = this_bytecode(vm, &args)?;
    Ok(Value::string(listing::code_info(b.code.co(), b.code.flags)))
}

// ---------------------------------------------------------------------------
// towel's own: compare, states, desugar

/// `dis.compare(a, b, *, file=None)`: the two listings side by side with a verdict.
static COMPARE: Signature = Signature::new(Style::Python, "compare", "a, b, *, file=None")
    .doc("Print the disassemblies of a and b side by side, and whether they differ.");

fn compare(vm: &Vm, args: Args) -> PyResult {
    let ([a, b], [file]) = COMPARE.bind(vm, args)?;
    let a = code_of(vm, a)?;
    let b = code_of(vm, b)?;
    emit(
        vm,
        file_arg(file),
        &listing::compare(a.co(), a.flags, b.co(), b.flags),
    )?;
    Ok(Value::None)
}

/// `dis.states(f, *, file=None)`: the resume points of a generator or coroutine.
static STATES: Signature = Signature::new(Style::Python, "states", "f, *, file=None")
    .doc("Print the resume points of a generator or coroutine (function), and where a suspended one stands.");

fn states(vm: &Vm, args: Args) -> PyResult {
    let ([x], [file]) = STATES.bind(vm, args)?;
    let c = code_of(vm, x)?;
    let mut text = listing::format_states(c.co(), c.flags);
    if let Value::Generator(g) = x {
        if let (Some(ip), crate::objects::GenState::Suspended) = (g.suspended_at(), g.state.get()) {
            text.push_str(&listing::current_state(c.co(), ip));
        }
    }
    emit(vm, file_arg(file), &text)?;
    Ok(Value::None)
}

/// The desugared source of the function, class body or module `co` comes from.
pub fn desugar_text(co: &CodeObject) -> Result<String, String> {
    let (source, module) = parse_source_of(co)?;
    let result = if &*co.name == "<module>" {
        desugar_whole(&module)?
    } else {
        let stmt = desugar::find_def(&module.body, source, &co.name, co.firstlineno).ok_or_else(|| {
            format!(
                "cannot desugar {}: its definition was not found in {} (lambdas and comprehensions have nothing to desugar)",
                co.qualname, co.filename
            )
        })?;
        desugar::desugar_stmt(stmt)?
    };
    Ok(with_header(&co.qualname, result))
}

fn parse_source_of(co: &CodeObject) -> Result<(&str, crate::ast::Module), String> {
    let source = co
        .source
        .as_deref()
        .ok_or_else(|| format!("no source for {}", co.qualname))?;
    let module = crate::parser::parse_module(source, &co.filename).map_err(|e| e.render())?;
    Ok((source, module))
}

/// A whole module, which must also import what its rewritten coroutines use.
fn desugar_whole(module: &crate::ast::Module) -> Result<desugar::Desugared, String> {
    let mut whole = desugar::desugar_module(module)?;
    whole.notes.retain(|n| !n.ends_with("nothing to desugar"));
    if whole.source.contains("@types.coroutine") {
        whole.source.insert_str(0, "import types\n");
    }
    Ok(whole)
}

fn with_header(title: &str, result: desugar::Desugared) -> String {
    let mut out = format!("# dis.desugar({title}): the generator and async syntax spelled out as the code it means.\n");
    for note in &result.notes {
        out.push_str(&format!("# - {note}\n"));
    }
    out.push_str(&result.source);
    out
}

/// `desugar` of anything `dis` accepts: a class is found in the source of
/// its methods, a module is desugared whole.
fn desugar_value(vm: &Vm, x: &Value) -> PyResult<String> {
    let items = match resolve(vm, x, "<desugar>")? {
        Target::Code(c) => return desugar_text(c.co()).map_err(|e| vm.value_error(e)),
        Target::Namespace(items) => items,
    };
    // Any function defined in the class or module leads to the source.
    let member = items
        .iter()
        .filter(|(_, v)| has_code(v) && !matches!(v, Value::Class(_)))
        .find_map(|(_, v)| match resolve(vm, v, "<desugar>") {
            Ok(Target::Code(c)) if c.co().source.is_some() => Some(c),
            _ => None,
        });
    let Some(member) = member else {
        return Err(vm.value_error(format!(
            "cannot desugar {}: it defines no functions with source",
            vm.repr(x)?
        )));
    };
    let (source, module) = parse_source_of(member.co()).map_err(|e| vm.value_error(e))?;
    let result = match x {
        Value::Class(c) => {
            let stmt = desugar::find_class(&module.body, source, &c.name, member.co().firstlineno)
                .ok_or_else(|| {
                    vm.value_error(format!(
                        "cannot desugar class {}: its definition was not found",
                        c.name
                    ))
                })?;
            desugar::desugar_stmt(stmt)
        }
        _ => desugar_whole(&module),
    }
    .map_err(|e| vm.value_error(e))?;
    let title = match x {
        Value::Class(c) => c.qualname.borrow().to_string(),
        Value::Module(m) => m.name.to_string(),
        _ => vm.repr(x)?,
    };
    Ok(with_header(&title, result))
}

/// The desugared definition of `co` inside `def __dis_desugared__(<free
/// variables>): ... return NAME`, so that it compiles on its own even when
/// it closes over variables of an enclosing function.
pub fn desugar_standalone(co: &CodeObject) -> Result<String, String> {
    let text = desugar_text(co)?;
    let free: Vec<&str> = co.freevars.iter().map(|s| &**s).collect();
    let mut wrapper = format!("def __dis_desugared__({}):\n", free.join(", "));
    for line in text.lines() {
        wrapper.push_str("    ");
        wrapper.push_str(line);
        wrapper.push('\n');
    }
    wrapper.push_str(&format!("    return {}\n", co.name));
    Ok(wrapper)
}

static DESUGAR_SOURCE: Signature = Signature::new(Style::Python, "desugar_source", "f")
    .doc("Return the source of f with its generators, awaits and with-blocks spelt out.");

fn desugar_source(vm: &Vm, args: Args) -> PyResult {
    desugar_value(vm, the_arg(vm, args, &DESUGAR_SOURCE)?).map(Value::string)
}

/// `dis.desugar(f, *, file=None)`: prints the desugared source.
static DESUGAR: Signature = Signature::new(Style::Python, "desugar", "f, *, file=None")
    .doc("Print the source of f with its generators, awaits and with-blocks spelt out.");

fn desugar(vm: &Vm, args: Args) -> PyResult {
    let ([f], [file]) = DESUGAR.bind(vm, args)?;
    let text = desugar_value(vm, f)?;
    emit(vm, file_arg(file), &text)?;
    Ok(Value::None)
}

/// `types.coroutine` for the desugared code when no `types` module can be imported:
/// marks a generator function as an iterable coroutine, as CPython's does.
static COROUTINE: Signature = Signature::new(Style::Python, "_coroutine", "func")
    .doc("Mark the generator function func as an iterable coroutine and return it.");

fn coroutine_shim(vm: &Vm, args: Args) -> PyResult {
    let f = the_arg(vm, args, &COROUTINE)?;
    if let Value::Function(func) = f {
        if func.code.co.has_flag(flags::GENERATOR) {
            func.extra_flags
                .set(func.extra_flags.get() | flags::ITERABLE_COROUTINE);
        }
    }
    Ok(f.clone())
}

/// `dis.desugared(f)`: compiles the desugared source of function `f` and
/// returns the new function, with `f`'s globals and (copies of) its closure.
static DESUGARED: Signature = Signature::new(Style::Python, "desugared", "f")
    .doc("Return f compiled again from its desugared source, with f's globals and closure.");

fn desugared(vm: &Vm, args: Args) -> PyResult {
    let f = the_arg(vm, args, &DESUGARED)?;
    let func = match f {
        Value::Function(func) => func.clone(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(func) => func.clone(),
            _ => return Err(vm.type_error("desugared() needs a function defined in towel source")),
        },
        _ => {
            return Err(vm.type_error(format!(
                "desugared() needs a function, not {}",
                vm.type_name(f)
            )))
        }
    };
    let co = func.code.co.clone();
    let wrapper = desugar_standalone(&co).map_err(|e| vm.value_error(e))?;
    let code = vm
        .compile(&wrapper, &co.filename, crate::compiler::Mode::Exec)
        .map_err(|e| vm.syntax_error_value(&e))?;
    let names = crate::objects::new_namespace();
    let types = match vm.import_module("types") {
        Ok(m) => Value::Module(m),
        Err(_) => {
            let shim = vm.new_module("types", None);
            super::set(
                &shim,
                "coroutine",
                crate::builtins::native_row(&(&COROUTINE, coroutine_shim as NativeFn)),
            );
            Value::Module(shim)
        }
    };
    let frame = crate::vm::frame::Frame::new(code, func.globals.clone(), Some(names.clone()));
    vm.run_frame_to_completion(Box::new(frame))?;
    let maker = names
        .get_name(&Name::new("__dis_desugared__"))
        .ok_or_else(|| vm.runtime_error("desugared(): the desugared definition did not run"))?;
    // `types` is looked up as a global when the decorator runs: lend it for the call.
    let key = Name::new("types");
    let previous = func.globals.get_name(&key);
    if previous.is_none() {
        func.globals.set_name(&key, types);
    }
    let cells: Vec<Value> = func.closure.iter().map(|c| c.get()).collect();
    let result = vm.call(&maker, &cells);
    if previous.is_none() {
        func.globals.del_name(&key);
    }
    result
}

// ---------------------------------------------------------------------------
// The command line and the tracer

/// `towel -m dis FILE [--compare A B | --states NAME | --desugar NAME]`.
///
/// Functions are found by name (or qualified name) among the code objects the
/// module compiles to, without running it, so that disassembling a script
/// never runs its side effects. Returns the text to print, or an error message.
pub fn command_line(vm: &Vm, args: &[String]) -> Result<String, String> {
    const USAGE: &str = "usage: towel -m dis [FILE] [--compare NAME1 NAME2 | --states NAME | --desugar NAME]\n(NAME may be qualified, as Class.method; '<module>' names the whole file)";
    let mut file = None;
    let mut action: Option<(&str, Vec<String>)> = None;
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        let take = |n: usize| {
            args.get(i + 1..i + 1 + n)
                .map(|s| s.to_vec())
                .ok_or_else(|| {
                    format!(
                        "{USAGE}\n{a} needs {n} name{}",
                        if n == 1 { "" } else { "s" }
                    )
                })
        };
        match a {
            "--compare" => {
                action = Some(("compare", take(2)?));
                i += 3;
            }
            "--states" | "--desugar" => {
                action = Some((&a[2..], take(1)?));
                i += 2;
            }
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            _ if a.starts_with("--") => return Err(format!("{USAGE}\nunknown option {a}")),
            _ if file.is_none() => {
                file = Some(a.to_string());
                i += 1;
            }
            _ => return Err(format!("{USAGE}\nunexpected argument {a}")),
        }
    }
    let (source, filename) = match &file {
        Some(f) if f != "-" => (
            std::fs::read_to_string(f).map_err(|e| format!("can't open file '{f}': {e}"))?,
            f.clone(),
        ),
        _ => {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            (s, "<stdin>".to_string())
        }
    };
    let code = vm
        .compile(&source, &filename, crate::compiler::Mode::Exec)
        .map_err(|e| e.render())?;
    // `<module>` names the module's own code: `--desugar '<module>'` rewrites the whole file.
    let find = |name: &str| {
        if name == "<module>" {
            return Ok(code.co.clone());
        }
        find_code(&code.co, name).ok_or_else(|| format!("no function named {name} in {filename}"))
    };
    match action {
        None => Ok(listing::disassemble_recursive(&code.co, None)),
        Some(("compare", names)) => {
            let (a, b) = (find(&names[0])?, find(&names[1])?);
            Ok(listing::compare(&a, a.flags, &b, b.flags))
        }
        Some(("states", names)) => {
            let c = find(&names[0])?;
            Ok(listing::format_states(&c, c.flags))
        }
        Some((_, names)) => {
            let c = find(&names[0])?;
            desugar_text(&c)
        }
    }
}

/// The code object named `name` (or with that qualified name) nested anywhere in `co`.
pub fn find_code(co: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
    for c in &co.consts {
        if let crate::bytecode::Constant::Code(inner) = c {
            if &*inner.qualname == name || &*inner.name == name {
                return Some(inner.clone());
            }
            if let Some(found) = find_code(inner, name) {
                return Some(found);
            }
        }
    }
    None
}

/// True when `TOWEL_TRACE` asks for every instruction to be printed before it
/// runs. The environment is read once; the VM should still keep the answer
/// in a field of its own rather than call this per instruction.
pub fn trace_enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED
        .get_or_init(|| std::env::var_os("TOWEL_TRACE").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// The trace line for the instruction at `index` that `frame` is about to run.
pub fn trace_line(frame: &crate::vm::frame::Frame, index: usize) -> String {
    listing::trace_line(&frame.code.co, index, frame.stack.len())
}
