//! `exec`, `eval` and `compile`: running code in the namespaces a program
//! gives.
//!
//! Frames run in dicts (see `objects::Namespace`), so the dicts handed to
//! `exec` and `eval` are the very namespaces the code runs in: what it binds
//! is in them afterwards, and functions it defines keep reading them.
//! Without dicts, the code runs in the caller's globals and locals, which
//! the dispatch loop provides (`CallerNeeds::Namespaces`).

use crate::bytecode::flags;
use crate::compiler::Mode;
use crate::objects::{
    Args, Code, GenKind, Generator, Name, Namespace, NativeFn, PyResult, Signature, Style, Value,
};
use crate::vm::Vm;
use std::rc::Rc;

/// `exec` and `eval`: they read the caller's namespaces when not given dicts.
pub(super) const NAMESPACE_READERS: &[(&Signature, NativeFn)] = &[(&EXEC, exec), (&EVAL, eval)];

/// `ast.PyCF_ONLY_AST`: compile to an AST instead of code.
const PYCF_ONLY_AST: i64 = 0x400;
/// `ast.PyCF_TYPE_COMMENTS`.
const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await` outside functions makes the code a coroutine.
const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// `__future__` feature flags (`CO_FUTURE_*`), accepted and ignored but
/// for the ones the compiler knows from the source itself.
const FUTURE_FLAGS: i64 = 0x3fe_0000;
/// `PyCF_DONT_IMPLY_DEDENT`, `PyCF_IGNORE_COOKIE` and `PyCF_SOURCE_IS_UTF8`, accepted.
const INTERNAL_FLAGS: i64 = 0x200 | 0x800 | 0x100;

static EXEC: Signature = Signature::new(
    Style::Clinic,
    "exec",
    "source, globals=None, locals=None, /, *, closure=None",
)
.doc("Run statements (source text or a code object) for their effects; return None.\n\nglobals and locals give the namespaces they run in; they default to the caller's.");

static EVAL: Signature = Signature::new(
    Style::Positional,
    "eval",
    "source, globals=None, locals=None, /",
)
.doc("Evaluate an expression (source text or a code object) and return its value.\n\nglobals and locals give the namespaces it runs in; they default to the caller's.");

fn exec(vm: &Vm, args: Args) -> PyResult {
    // Whatever the dispatch loop recorded is for this call only.
    let caller = vm.caller_namespaces.borrow_mut().take();
    let ([source], [globals, locals, closure]) = EXEC.bind(vm, args)?;
    if closure.is_some_and(|c| !c.is_none()) {
        return Err(vm.not_implemented("exec() with a closure"));
    }
    run(vm, "exec", caller, source, globals, locals)
}

fn eval(vm: &Vm, args: Args) -> PyResult {
    let caller = vm.caller_namespaces.borrow_mut().take();
    let ([source], [globals, locals]) = EVAL.bind(vm, args)?;
    run(vm, "eval", caller, source, globals, locals)
}

/// What `exec` and `eval` share: `caller` holds the calling frame's
/// namespaces, the defaults for `globals` and `locals`.
fn run(
    vm: &Vm,
    func: &str,
    caller: Option<(Namespace, Namespace)>,
    source: &Value,
    globals: Option<&Value>,
    locals: Option<&Value>,
) -> PyResult {
    let globals = match globals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            let msg = if func == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(other))
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(msg));
        }
    };
    let locals = match locals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => {
            let is_mapping = vm.class_of(other).lookup_str("__getitem__").is_some();
            return Err(if is_mapping {
                vm.not_implemented(format!("{func}() with locals that are not a dict"))
            } else {
                vm.type_error("locals must be a mapping")
            });
        }
    };
    let (globals, locals) = match (globals, locals) {
        (Some(g), l) => {
            let l = l.unwrap_or_else(|| g.clone());
            (g, l)
        }
        (None, l) => {
            let (g, caller_locals) = match caller {
                Some(ns) => ns,
                None => {
                    let main = vm.main_namespace();
                    (main.clone(), main)
                }
            };
            (g, l.unwrap_or(caller_locals))
        }
    };
    // As CPython: code run with globals that lack `__builtins__` gets the
    // builtins there.
    let builtins_name = Name::new("__builtins__");
    if !globals.contains_name(&builtins_name) {
        globals.set_name(&builtins_name, Value::Dict(vm.builtins.clone()));
    }
    let code = match source {
        Value::Code(code) => code.clone(),
        _ => {
            let text = source_text(vm, source, func)?;
            let (text, mode) = if func == "eval" {
                (text.trim_start_matches([' ', '\t']), Mode::Eval)
            } else {
                (text.as_str(), Mode::Exec)
            };
            vm.compile_with(text, "<string>", mode, vm.compile_options(false))
                .map_err(|e| vm.syntax_error_value(&e))?
        }
    };
    if !code.co.freevars.is_empty() {
        return Err(vm.type_error(format!(
            "code object passed to {func}() may not contain free variables"
        )));
    }
    let result = run_code_in(vm, code, globals, locals)?;
    // `exec` returns None even for code that made a coroutine.
    Ok(if func == "exec" { Value::None } else { result })
}

/// Runs `code` with `globals` and `locals`; a code object that awaits at its
/// top level (compiled with `PyCF_ALLOW_TOP_LEVEL_AWAIT`) gives a coroutine
/// instead, as in CPython.
fn run_code_in(vm: &Vm, code: Rc<Code>, globals: Namespace, locals: Namespace) -> PyResult {
    let frame = vm.new_frame(code.clone(), globals, Some(locals));
    if code.co.flags & flags::COROUTINE != 0 {
        let name: Rc<str> = Rc::from(code.co.name.as_ref());
        return Ok(Value::Generator(crate::objects::gc::new(Generator::new(
            GenKind::Coroutine,
            code,
            frame,
            name.clone(),
            name,
            false,
        ))));
    }
    vm.run_frame_to_completion(frame)
}

/// The text of a source argument: a str, or bytes decoded as UTF-8.
fn source_text(vm: &Vm, source: &Value, func: &str) -> PyResult<String> {
    let text = match source {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8(b.to_vec()).map_err(|e| {
            vm.new_error(
                &vm.exc.syntax_error,
                format!(
                    "(unicode error) 'utf-8' codec can't decode byte {:#04x} in position {}: invalid start byte",
                    b[e.utf8_error().valid_up_to()],
                    e.utf8_error().valid_up_to()
                ),
            )
        })?,
        _ => {
            let what = if func == "compile" {
                "compile() arg 1 must be a string, bytes or AST object".to_string()
            } else {
                format!("{func}() arg 1 must be a string, bytes or code object")
            };
            return Err(vm.type_error(what));
        }
    };
    if text.contains('\0') {
        return Err(vm.new_error(
            &vm.exc.syntax_error,
            "source code string cannot contain null bytes",
        ));
    }
    Ok(text)
}

/// `compile()`'s 'single' mode takes one interactive statement: a compound
/// statement, or one line of simple statements (`a = 1; print(a)`).
fn check_single_statement(vm: &Vm, text: &str, filename: &str) -> PyResult<()> {
    use crate::ast::StmtKind as K;
    let module =
        crate::parser::parse_module(text, filename).map_err(|e| vm.syntax_error_value(&e))?;
    let line_of = |offset: u32| {
        text[..(offset as usize).min(text.len())]
            .matches('\n')
            .count()
    };
    // Statements that follow on the line where the one before them ends
    // were separated by `;`, so all of them are simple statements.
    let Some([first, next]) = module
        .body
        .windows(2)
        .find(|pair| line_of(pair[1].span.start) != line_of(pair[0].span.end))
    else {
        return Ok(());
    };
    let compound = matches!(
        first.kind,
        K::If { .. }
            | K::While { .. }
            | K::For { .. }
            | K::FunctionDef(_)
            | K::ClassDef(_)
            | K::Try { .. }
            | K::With { .. }
            | K::Match { .. }
    );
    let err = if compound {
        // The grammar stops at the next statement's first token.
        let start = next.span.start as usize;
        let token = text[start..]
            .char_indices()
            .find(|&(_, c)| !(c == '_' || c.is_alphanumeric()))
            .map_or(text.len() - start, |(i, _)| i)
            .max(1);
        let at = crate::source::Span {
            start: next.span.start,
            end: next.span.start + token as u32,
        };
        crate::source::SyntaxError::at(
            crate::source::SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            filename,
            text,
            at,
        )
    } else {
        let at = crate::source::Span {
            start: first.span.end,
            end: first.span.end,
        };
        crate::source::SyntaxError::at(
            crate::source::SyntaxErrorKind::SyntaxError,
            "multiple statements found while compiling a single statement",
            filename,
            text,
            at,
        )
    };
    Err(vm.syntax_error_value(&err))
}

pub(super) static COMPILE: Signature = Signature::new(
    Style::Clinic,
    "compile",
    "source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1",
)
.doc("Compile source text (or an AST) into a code object that exec() or eval() can run.\n\nmode is 'exec' for statements, 'eval' for one expression, 'single' for one interactive statement.");

pub(super) fn compile(vm: &Vm, args: Args) -> PyResult {
    let ([source, filename, mode], [flags, _dont_inherit, optimize, _feature_version]) =
        COMPILE.bind(vm, args)?;
    let filename = match filename {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        other => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(other)
            )))
        }
    };
    let mode = match mode.as_str() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Interactive,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            return Err(vm.type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(mode)
            )))
        }
    };
    let flags = match flags {
        None => 0,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => b.get() as i64,
        Some(other) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    let known = PYCF_ONLY_AST
        | PYCF_TYPE_COMMENTS
        | PYCF_ALLOW_TOP_LEVEL_AWAIT
        | FUTURE_FLAGS
        | INTERNAL_FLAGS;
    if flags & !known != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    let mut options = vm.compile_options(flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0);
    if let Some(opt) = optimize {
        match opt {
            Value::Int(-1) => {}
            Value::Int(level @ 0..=2) => options.optimize = *level as u8,
            Value::Int(_) => return Err(vm.value_error("compile(): invalid optimize value")),
            other => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                )))
            }
        }
    }
    if flags & PYCF_ONLY_AST != 0 {
        return Err(vm.not_implemented("compile() with ast.PyCF_ONLY_AST"));
    }
    let text = source_text(vm, source, "compile")?;
    if mode == Mode::Interactive {
        check_single_statement(vm, &text, &filename)?;
    }
    let text = if mode == Mode::Eval {
        text.trim_start_matches([' ', '\t']).to_string()
    } else {
        text
    };
    let code = vm
        .compile_with(&text, &filename, mode, options)
        .map_err(|e| vm.syntax_error_value(&e))?;
    Ok(Value::Code(code))
}
