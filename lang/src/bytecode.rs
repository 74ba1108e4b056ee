//! Bytecode: the opcode table, instructions and code objects.
//!
//! This module is the contract between the compiler, the VM and `dis`; it
//! depends on neither. Every opcode is defined once, in [`opcodes!`]: its
//! name (CPython's where the meaning is CPython's), what its argument means
//! (which decides how `dis` prints it), its stack effect, and one line saying
//! what it does. The instruction set is CPython 3.10's block-stack model with
//! single-value exceptions (as in 3.11) and 3.11's `BINARY_OP`; the await
//! family uses the names of the talk's slides (`GET_YIELD_FROM_ITER`,
//! `GET_AWAITABLE`, `YIELD_FROM`, `CALL_FUNCTION`).
//!
//! ## Conventions
//! * Stack pictures list the top last: `[.., a, b]` means `b` is TOS.
//! * Jump arguments are absolute instruction indices. `dis` shows byte
//!   offsets, two per instruction, as CPython does.
//! * An exception being handled is one value (the exception object); the
//!   traceback lives on it.
//! * **Handlers.** `SETUP_FINALLY h` pushes a block `(h, stack depth)`.
//!   When an exception unwinds to that block, the VM truncates the value
//!   stack to the depth, pushes an *except-handler* block, pushes the
//!   previously handled exception (or None), then the new exception, makes
//!   the new one "currently handled" (`sys.exc_info()`), and jumps to `h`:
//!   the handler starts with `[.., prev_exc, exc]`. `POP_EXCEPT` ends a
//!   handler: it pops the except-handler block and `prev_exc` (which must be
//!   TOS by then) and restores it as currently handled. If an exception
//!   unwinds through an except-handler block, the VM likewise pops down to
//!   its depth and restores the saved `prev_exc`.

use crate::source::Span;
use num_bigint::BigInt;
use std::fmt;
use std::rc::Rc;

/// How an instruction's argument is read: it decides how `dis` prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (the arg is 0 and not shown).
    None,
    /// An index into `consts`.
    Const,
    /// An index into `names` (globals, attributes, module-level names).
    Name,
    /// An index into `varnames` (fast locals).
    Local,
    /// An index into `cellvars ++ freevars`.
    Free,
    /// An absolute jump target (instruction index).
    Jump,
    /// A plain count or flag set, printed as a number.
    Count,
    /// A `COMPARE_OP` operator index into [`COMPARE_OPS`].
    Compare,
    /// A `BINARY_OP` operator index into [`BINARY_OPS`].
    Binary,
    /// `FORMAT_VALUE` flags: conversion in the low two bits, 4 = has spec.
    Format,
}

macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $kind:ident, $effect:expr; )*) => {
        /// One bytecode operation. See the module docs for the conventions.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $code, )*
        }

        impl Opcode {
            /// Every opcode, in numeric order.
            pub const ALL: &'static [Opcode] = &[ $( Opcode::$name, )* ];

            /// The opcode's name as `dis` prints it.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }

            /// How the argument is interpreted.
            pub fn arg_kind(self) -> ArgKind {
                match self { $( Opcode::$name => ArgKind::$kind, )* }
            }

            /// Net change in stack depth; `jump` selects the branch-taken effect.
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                let arg = arg as i32;
                match self {
                    $( Opcode::$name => {
                        let effect: fn(i32, bool) -> i32 = $effect;
                        effect(arg, jump)
                    } )*
                }
            }

            /// The opcode with this number, if any.
            pub fn from_u8(code: u8) -> Option<Opcode> {
                match code { $( $code => Some(Opcode::$name), )* _ => None }
            }

            /// The opcode with this name, if any.
            pub fn from_name(name: &str) -> Option<Opcode> {
                match name { $( stringify!($name) => Some(Opcode::$name), )* _ => None }
            }
        }
    };
}

opcodes! {
    /// Do nothing (a jump target or a line marker).
    NOP = 9, None, |_, _| 0;
    /// `[.., a] -> [..]`
    POP_TOP = 1, None, |_, _| -1;
    /// `[.., a, b] -> [.., b, a]`
    ROT_TWO = 2, None, |_, _| 0;
    /// `[.., a, b, c] -> [.., c, a, b]`
    ROT_THREE = 3, None, |_, _| 0;
    /// `[.., a, b, c, d] -> [.., d, a, b, c]`
    ROT_FOUR = 6, None, |_, _| 0;
    /// `[.., a] -> [.., a, a]`
    DUP_TOP = 4, None, |_, _| 1;
    /// `[.., a, b] -> [.., a, b, a, b]`
    DUP_TOP_TWO = 5, None, |_, _| 2;
    /// `+TOS`
    UNARY_POSITIVE = 10, None, |_, _| 0;
    /// `-TOS`
    UNARY_NEGATIVE = 11, None, |_, _| 0;
    /// `not TOS`
    UNARY_NOT = 12, None, |_, _| 0;
    /// `~TOS`
    UNARY_INVERT = 15, None, |_, _| 0;
    /// `[.., a, b] -> [.., a OP b]`; OP is `BINARY_OPS[arg]` (13 and up are the in-place forms).
    BINARY_OP = 122, Binary, |_, _| -1;
    /// `[.., a, i] -> [.., a[i]]`
    BINARY_SUBSCR = 25, None, |_, _| -1;
    /// `[.., v, a, i] -> [..]` and `a[i] = v`
    STORE_SUBSCR = 60, None, |_, _| -3;
    /// `[.., a, i] -> [..]` and `del a[i]`
    DELETE_SUBSCR = 61, None, |_, _| -2;
    /// `[.., a, b] -> [.., a OP b]`; OP is `COMPARE_OPS[arg]`.
    COMPARE_OP = 107, Compare, |_, _| -1;
    /// `[.., a, b] -> [.., a is b]` (`is not` when arg is 1).
    IS_OP = 117, Count, |_, _| -1;
    /// `[.., a, b] -> [.., a in b]` (`not in` when arg is 1).
    CONTAINS_OP = 118, Count, |_, _| -1;
    /// `[..] -> [.., consts[arg]]`
    LOAD_CONST = 100, Const, |_, _| 1;
    /// Push the name from the class/module namespace, then globals, then builtins.
    LOAD_NAME = 101, Name, |_, _| 1;
    /// Pop TOS into the class/module namespace.
    STORE_NAME = 90, Name, |_, _| -1;
    /// Delete a name from the class/module namespace.
    DELETE_NAME = 91, Name, |_, _| 0;
    /// Push a global (or builtin) by name.
    LOAD_GLOBAL = 116, Name, |_, _| 1;
    /// Pop TOS into a global.
    STORE_GLOBAL = 97, Name, |_, _| -1;
    /// Delete a global.
    DELETE_GLOBAL = 98, Name, |_, _| 0;
    /// Push fast local `varnames[arg]`; UnboundLocalError if unset.
    LOAD_FAST = 124, Local, |_, _| 1;
    /// Pop TOS into fast local `varnames[arg]`.
    STORE_FAST = 125, Local, |_, _| -1;
    /// Unset fast local `varnames[arg]`.
    DELETE_FAST = 126, Local, |_, _| 0;
    /// Push the cell object itself (for building a closure).
    LOAD_CLOSURE = 135, Free, |_, _| 1;
    /// Push the contents of a cell.
    LOAD_DEREF = 136, Free, |_, _| 1;
    /// In a class body: the namespace first, then the cell (free variable of an enclosing function).
    LOAD_CLASSDEREF = 148, Free, |_, _| 1;
    /// Pop TOS into a cell.
    STORE_DEREF = 137, Free, |_, _| -1;
    /// Empty a cell.
    DELETE_DEREF = 138, Free, |_, _| 0;
    /// `[.., o] -> [.., o.name]`
    LOAD_ATTR = 106, Name, |_, _| 0;
    /// `[.., v, o] -> [..]` and `o.name = v`
    STORE_ATTR = 95, Name, |_, _| -2;
    /// `[.., o] -> [..]` and `del o.name`
    DELETE_ATTR = 96, Name, |_, _| -1;
    /// `[.., o] -> [.., meth, o]` for a plain method, else `[.., attr, NULL]`: saves the bound-method allocation.
    LOAD_METHOD = 160, Name, |_, _| 1;
    /// `[.., meth, self_or_NULL, a1..an] -> [.., result]`
    CALL_METHOD = 161, Count, |a, _| -a - 1;
    /// `[.., f, a1..an] -> [.., f(a1..an)]`
    CALL_FUNCTION = 131, Count, |a, _| -a;
    /// `[.., f, a1..an, names] -> [.., f(...)]`: the last `len(names)` args are keywords named by the tuple `names`.
    CALL_FUNCTION_KW = 141, Count, |a, _| -a - 1;
    /// `[.., f, args_tuple, (kwargs_dict if arg & 1)] -> [.., f(*args, **kwargs)]`
    CALL_FUNCTION_EX = 142, Count, |a, _| -1 - (a & 1);
    /// `[.., (defaults), (kwdefaults), (annotations), (closure), code, qualname] -> [.., function]`; flags 1, 2, 4, 8 say which optional parts are present.
    MAKE_FUNCTION = 132, Count, |a, _| -1 - (a & 1) - ((a >> 1) & 1) - ((a >> 2) & 1) - ((a >> 3) & 1);
    /// Push the `__build_class__` builtin.
    LOAD_BUILD_CLASS = 71, None, |_, _| 1;
    /// Return TOS to the caller.
    RETURN_VALUE = 83, None, |_, _| -1;
    /// `[.., x1..xn] -> [.., (x1, .., xn)]`
    BUILD_TUPLE = 102, Count, |a, _| 1 - a;
    /// `[.., x1..xn] -> [.., [x1, .., xn]]`
    BUILD_LIST = 103, Count, |a, _| 1 - a;
    /// `[.., x1..xn] -> [.., {x1, .., xn}]`
    BUILD_SET = 104, Count, |a, _| 1 - a;
    /// `[.., k1, v1, .., kn, vn] -> [.., {k1: v1, ..}]`
    BUILD_MAP = 105, Count, |a, _| 1 - 2 * a;
    /// `[.., v1..vn, keys_tuple] -> [.., dict(zip(keys, values))]`
    BUILD_CONST_KEY_MAP = 156, Count, |a, _| -a;
    /// `[.., s1..sn] -> [.., s1 + .. + sn]` (strings)
    BUILD_STRING = 157, Count, |a, _| 1 - a;
    /// `[.., start, stop(, step)] -> [.., slice]`; arg is 2 or 3.
    BUILD_SLICE = 133, Count, |a, _| 1 - a;
    /// `[.., list, <arg-1 items>, v] -> [.., list, <items>]`, `list.append(v)` (comprehensions).
    LIST_APPEND = 145, Count, |_, _| -1;
    /// As LIST_APPEND, for a set.
    SET_ADD = 146, Count, |_, _| -1;
    /// `[.., dict, <arg-1 pairs>, k, v] -> [.., dict, <pairs>]`, `dict[k] = v`.
    MAP_ADD = 147, Count, |_, _| -2;
    /// `[.., list, .., it] -> [.., list, ..]`, `list.extend(it)`; the list is `arg` below TOS.
    LIST_EXTEND = 162, Count, |_, _| -1;
    /// As LIST_EXTEND, for a set.
    SET_UPDATE = 163, Count, |_, _| -1;
    /// `[.., d, .., m] -> [.., d, ..]`, `d.update(m)`.
    DICT_UPDATE = 165, Count, |_, _| -1;
    /// As DICT_UPDATE for `f(**m)`: duplicate keys are a TypeError.
    DICT_MERGE = 164, Count, |_, _| -1;
    /// `[.., list] -> [.., tuple(list)]`
    LIST_TO_TUPLE = 82, None, |_, _| 0;
    /// `[.., v(, spec)] -> [.., format(conv(v), spec)]`; see [`ArgKind::Format`].
    FORMAT_VALUE = 155, Format, |a, _| if a & 4 != 0 { -1 } else { 0 };
    /// `[.., seq] -> [.., xn, .., x1]`: unpack exactly `arg` items, first on top.
    UNPACK_SEQUENCE = 92, Count, |a, _| a - 1;
    /// `a, *b, c = seq`: arg = before | (after << 8); pushes after + 1 + before items.
    UNPACK_EX = 94, Count, |a, _| (a & 0xff) + (a >> 8);
    /// Jump to `arg`.
    JUMP_FORWARD = 110, Jump, |_, _| 0;
    /// Jump to `arg` (a backward jump: a loop).
    JUMP_ABSOLUTE = 113, Jump, |_, _| 0;
    /// Pop TOS; jump if it is false.
    POP_JUMP_IF_FALSE = 114, Jump, |_, _| -1;
    /// Pop TOS; jump if it is true.
    POP_JUMP_IF_TRUE = 115, Jump, |_, _| -1;
    /// If TOS is false jump (keeping it), else pop it (`and`).
    JUMP_IF_FALSE_OR_POP = 111, Jump, |_, j| if j { 0 } else { -1 };
    /// If TOS is true jump (keeping it), else pop it (`or`).
    JUMP_IF_TRUE_OR_POP = 112, Jump, |_, j| if j { 0 } else { -1 };
    /// `[.., x] -> [.., iter(x)]`
    GET_ITER = 68, None, |_, _| 0;
    /// `[.., it] -> [.., it, next(it)]`, or pop `it` and jump to `arg` when exhausted.
    FOR_ITER = 93, Jump, |_, j| if j { -1 } else { 1 };
    /// Push a handler block; an exception unwinding to it jumps to `arg` (see module docs).
    SETUP_FINALLY = 120, Jump, |_, j| if j { 2 } else { 0 };
    /// Pop the innermost handler block (leaving a `try` body normally).
    POP_BLOCK = 87, None, |_, _| 0;
    /// End an except handler: pop its block and `prev_exc`, restoring `prev_exc` as currently handled.
    POP_EXCEPT = 89, None, |_, _| -1;
    /// `[.., exc] -> raise exc` again, keeping its traceback. With arg 1, `[.., v, exc]`: also store `v` into the frame's `f_lasti`-less result (used by `with`).
    RERAISE = 119, Count, |_, _| -1;
    /// `raise` (arg 0, re-raise the handled exception), `raise exc` (1), `raise exc from cause` (2).
    RAISE_VARARGS = 130, Count, |a, _| -a;
    /// `[.., exc, type] -> [.., exc]`; jump to `arg` unless `exc` matches `type` (a class or tuple).
    JUMP_IF_NOT_EXC_MATCH = 121, Jump, |_, _| -1;
    /// `except*`: `[.., rest, type] -> [.., rest', match]` where match is the subgroup of `rest` matching `type` (None if none) and rest' the remainder (None if nothing is left).
    CHECK_EG_MATCH = 37, None, |_, _| 0;
    /// `except*` end: `[.., orig, raised_list] -> [.., exc_or_None]`: the group to re-raise (the unhandled rest plus exceptions raised in handlers), or None.
    PREP_RERAISE_STAR = 88, None, |_, _| -1;
    /// Push `AssertionError` (the class).
    LOAD_ASSERTION_ERROR = 74, None, |_, _| 1;
    /// `[.., mgr] -> [.., exit, enter_result]` with a handler block at `arg`, after calling `mgr.__enter__()`.
    SETUP_WITH = 143, Jump, |_, j| if j { 2 } else { 1 };
    /// In a with-handler: `[.., exit, prev_exc, exc] -> [.., exit, prev_exc, exc, exit(type, exc, tb)]`.
    WITH_EXCEPT_START = 49, None, |_, _| 1;
    /// Suspend the frame, yielding TOS to the caller; the value sent in replaces it.
    YIELD_VALUE = 86, None, |_, _| 0;
    /// `[.., it, v] -> [.., result]`: send `v` into `it` (a sub-generator or iterator) and yield what it yields, staying on this instruction until it returns `result`.
    YIELD_FROM = 72, None, |_, _| -1;
    /// `[.., x] -> [.., iter(x)]` for `yield from`; a coroutine passes through only in an iterable-coroutine frame.
    GET_YIELD_FROM_ITER = 69, None, |_, _| 0;
    /// `[.., x] -> [.., awaitable iterator of x]` for `await` (a coroutine, or `x.__await__()`).
    GET_AWAITABLE = 73, Count, |_, _| 0;
    /// `[.., x] -> [.., x.__aiter__()]`
    GET_AITER = 50, None, |_, _| 0;
    /// `[.., ait] -> [.., ait, awaitable of ait.__anext__()]`
    GET_ANEXT = 51, None, |_, _| 1;
    /// Ends an `async for`: `[.., ait, prev_exc, exc]`: if `exc` is StopAsyncIteration, pop all three and the handler block; else re-raise.
    END_ASYNC_FOR = 54, None, |_, _| -3;
    /// `[.., mgr] -> [.., aexit, awaitable of mgr.__aenter__()]`
    BEFORE_ASYNC_WITH = 52, None, |_, _| 1;
    /// After awaiting `__aenter__`: `[.., aexit, res] -> [.., aexit, res]` with a handler block at `arg`.
    SETUP_ASYNC_WITH = 154, Jump, |_, j| if j { 1 } else { 0 };
    /// In an async generator: wrap TOS so that the driver knows it is a value yielded to the consumer, not an await.
    ASYNC_GEN_WRAP = 57, None, |_, _| 0;
    /// `[.., level, fromlist] -> [.., module]`: import `names[arg]`.
    IMPORT_NAME = 108, Name, |_, _| -1;
    /// `[.., module] -> [.., module, module.name]`
    IMPORT_FROM = 109, Name, |_, _| 1;
    /// `[.., module] -> [..]`: `from module import *`.
    IMPORT_STAR = 84, None, |_, _| -1;
    /// Set up `__annotations__` in a module or class namespace.
    SETUP_ANNOTATIONS = 85, None, |_, _| 0;
    /// REPL: print `repr(TOS)` if not None, store it in `builtins._`, and pop it.
    PRINT_EXPR = 70, None, |_, _| -1;
    /// `[.., x1, .., xn] -> [.., xn, x1, .., xn-1]`: move TOS down to position `arg` (pattern captures).
    ROT_N = 99, Count, |_, _| 0;
    /// `[.., x] -> [.., x, len(x)]`
    GET_LEN = 30, None, |_, _| 1;
    /// `[.., x] -> [.., x, b]`: b is whether `x` is a mapping (dict, or a `collections.abc.Mapping`).
    MATCH_MAPPING = 31, None, |_, _| 1;
    /// `[.., x] -> [.., x, b]`: b is whether `x` is a sequence (list, tuple, range, ...; never str, bytes or bytearray).
    MATCH_SEQUENCE = 32, None, |_, _| 1;
    /// `[.., map, keys] -> [.., map, keys, values, True]` if `map` has every key (values a tuple), else `[.., map, keys, None, False]`.
    MATCH_KEYS = 33, None, |_, _| 2;
    /// `[.., map, keys] -> [.., map, rest]`: `rest` is a dict of the items of `map` without `keys`.
    COPY_DICT_WITHOUT_KEYS = 34, None, |_, _| 0;
    /// `[.., x, cls, names] -> [.., attrs, True]` if `x` is a `cls` with `arg` positional (by `__match_args__`) and the keyword attributes `names` (attrs a tuple), else `[.., x, False]`.
    MATCH_CLASS = 152, Count, |_, _| -1;
}

/// `COMPARE_OP` operators, indexed by the argument.
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `BINARY_OP` operators, indexed by the argument (CPython 3.11's numbering).
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// Offset of the in-place variant of a `BINARY_OP` operator.
pub const BINARY_OP_INPLACE: u32 = 13;

/// One instruction: an opcode and its (already extended) argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
}

/// Code flags, numbered as CPython's `co_flags`.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;

    /// Flag names in the order `dis.code_info` prints them.
    pub const NAMES: [(u32, &str); 10] = [
        (OPTIMIZED, "OPTIMIZED"),
        (NEWLOCALS, "NEWLOCALS"),
        (VARARGS, "VARARGS"),
        (VARKEYWORDS, "VARKEYWORDS"),
        (NESTED, "NESTED"),
        (GENERATOR, "GENERATOR"),
        (NOFREE, "NOFREE"),
        (COROUTINE, "COROUTINE"),
        (ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
        (ASYNC_GENERATOR, "ASYNC_GENERATOR"),
    ];
}

/// A compile-time constant. The VM turns these into its own values once, when it loads the code.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// A complex number: its real and imaginary parts.
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A frozenset's distinct items, in the order the VM adds them (see
    /// `compiler::fold::const_frozenset`).
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
    Ellipsis,
}

/// What a suspension point waits on, for `dis.states` and the task listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuspendKind {
    Yield,
    YieldFrom,
    Await,
    AsyncFor,
    AsyncWith,
}

/// A compiled function, class body, module or comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instructions: Vec<Instr>,
    /// The source range each instruction came from, parallel to `instructions`.
    pub spans: Vec<Span>,
    /// The line of each instruction, parallel to `instructions` (for tracebacks).
    pub lines: Vec<u32>,
    pub consts: Vec<Constant>,
    /// Global, attribute and namespace names.
    pub names: Vec<Rc<str>>,
    /// Fast locals; parameters first, in order.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (live in cells).
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, the parameter's index (copied into the cell on entry).
    pub cell2arg: Vec<Option<u32>>,
    /// Maximum value-stack depth, so a frame allocates its stack once.
    pub stacksize: u32,
    /// Suspension points (instruction index, kind, source text of the awaited expression).
    pub suspensions: Vec<(u32, SuspendKind, String)>,
    /// The full source text of the file, for tracebacks, `dis.desugar` and `inspect`.
    pub source: Option<Rc<str>>,
}

impl CodeObject {
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// True for generator, coroutine and async-generator code: calling it makes a suspended frame.
    pub fn is_resumable(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// The line of instruction `index` (the first line if out of range).
    pub fn line_of(&self, index: usize) -> u32 {
        self.lines.get(index).copied().unwrap_or(self.firstlineno)
    }
}

impl fmt::Display for Constant {
    /// Renders the constant as Python's `repr` would (for `dis`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Constant::None => write!(f, "None"),
            Constant::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Constant::Int(i) => write!(f, "{i}"),
            Constant::Float(x) => write!(f, "{}", crate::fmt::float_repr(*x)),
            Constant::Complex(re, im) => {
                write!(
                    f,
                    "{}",
                    crate::objects::complex::Complex::new(*re, *im).repr()
                )
            }
            Constant::Str(s) => write!(f, "{}", crate::objects::str::repr_str(s)),
            Constant::Bytes(b) => write!(f, "{}", crate::objects::bytes::repr_bytes(b)),
            Constant::Tuple(items) => {
                write!(f, "(")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{item}")?;
                }
                if items.len() == 1 {
                    write!(f, ",")?;
                }
                write!(f, ")")
            }
            Constant::FrozenSet(items) => {
                // Listed in the order the built set iterates them.
                let hashes: Vec<i64> = items
                    .iter()
                    .map(|c| crate::compiler::fold::const_hash(c).unwrap_or_default())
                    .collect();
                write!(f, "frozenset({{")?;
                for (i, k) in crate::objects::set::slot_order(&hashes)
                    .into_iter()
                    .enumerate()
                {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{}", items[k])?;
                }
                write!(f, "}})")
            }
            Constant::Code(code) => write!(
                f,
                "<code object {} at {:#x}, file \"{}\", line {}>",
                code.name,
                Rc::as_ptr(code) as usize,
                code.filename,
                code.firstlineno
            ),
            Constant::Ellipsis => write!(f, "Ellipsis"),
        }
    }
}
