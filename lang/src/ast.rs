//! The abstract syntax tree: what the parser produces and the compiler consumes.
//!
//! It mirrors CPython's `ast` module (same node names and fields, minus
//! `ctx`, which the compiler derives from where an expression appears).
//! Every statement and expression carries the [`Span`] of source it came from.

use crate::source::Span;
use num_bigint::BigInt;

pub type Ident = String;

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: several targets, one value.
    Assign { targets: Vec<Expr>, value: Expr },
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `x: int = 1`; `simple` is true for a bare name target (not in parentheses).
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    Delete(Vec<Expr>),
    Pass,
    Break,
    Continue,
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>, is_async: bool },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    /// `try` / `except` / `else` / `finally`; `is_star` for `except*`.
    Try { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt>, is_star: bool },
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    With { items: Vec<WithItem>, body: Vec<Stmt>, is_async: bool },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from ..mod import a as b, c`; `module` is None for `from . import x`.
    ImportFrom { module: Option<String>, names: Vec<Alias>, level: u32 },
    /// `match subject:` with its `case` blocks, in order.
    Match { subject: Expr, cases: Vec<MatchCase> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Ident,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A function's parameter list, laid out as CPython's `ast.arguments`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per `kwonlyargs` item; None where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` positional parameters (posonly then args).
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// None for `**mapping`.
    pub arg: Option<Ident>,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Dotted name for `import a.b`; a plain name in `from x import name`; `*` for star imports.
    pub name: String,
    pub asname: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// None for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// One `case pattern if guard:` block of a `match` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// A pattern of a `case`, as CPython's `ast.pattern` subclasses.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted name compared with `==`: `1`, `-1.5`, `1+2j`, `"s"`, `Color.RED`.
    MatchValue(Expr),
    /// `None`, `True` or `False`, compared with `is`.
    MatchSingleton(Constant),
    /// `[a, *rest]`, `(a, b)`, `a, b`: at most one item is a `MatchStar`.
    MatchSequence(Vec<Pattern>),
    /// `{"k": v, **rest}`: `keys` (literals or dotted names) pair up with `patterns`.
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Ident> },
    /// `Point(x, y=0)`: positional `patterns`, then `kwd_attrs` paired with `kwd_patterns`.
    MatchClass { cls: Expr, patterns: Vec<Pattern>, kwd_attrs: Vec<Ident>, kwd_patterns: Vec<Pattern> },
    /// `*name` in a sequence pattern; None for `*_`.
    MatchStar(Option<Ident>),
    /// `pattern as name`, a capture `name` (no pattern), or the wildcard `_` (neither).
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Ident> },
    /// `p1 | p2 | ...` (two or more alternatives).
    MatchOr(Vec<Pattern>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `target := value`; target is always a Name.
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    /// `body if test else orelse`
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `{k: v, **m}`: a None key marks a `**m` entry whose mapping is in `values`.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set(Vec<Expr>),
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: ops.len() == comparators.len().
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    /// Positional args may contain `Starred`; keywords with `arg: None` are `**kw`.
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// One `{...}` of an f-string; `conversion` is `'s'`, `'r'` or `'a'`;
    /// `format_spec` is a `JoinedStr` (it may itself hold replacement fields).
    FormattedValue { value: Box<Expr>, conversion: Option<char>, format_spec: Option<Box<Expr>> },
    /// An f-string: `Constant(Str)` and `FormattedValue` parts, in order.
    JoinedStr(Vec<Expr>),
    Constant(Constant),
    Attribute { value: Box<Expr>, attr: Ident },
    Subscript { value: Box<Expr>, slice: Box<Expr> },
    Starred(Box<Expr>),
    Name(Ident),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `lower:upper:step`, only as a subscript's slice (or inside a Tuple slice).
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// Imaginary literal `2j` (value of the imaginary part).
    Complex(f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

impl Pattern {
    pub fn new(kind: PatternKind, span: Span) -> Pattern {
        Pattern { kind, span }
    }

    /// The wildcard `_` (CPython's `WILDCARD_CHECK`).
    pub fn is_wildcard(&self) -> bool {
        matches!(self.kind, PatternKind::MatchAs { pattern: None, name: None })
    }
}
