//! Declared parameters of native functions, bound with CPython's errors.
//!
//! A native states its parameters once, in CPython's text-signature syntax
//! (`sorted(iterable, /, *, key=None, reverse=False)`), together with the
//! [`Style`] of argument parser CPython uses for the same function: each of
//! CPython's parsers words its `TypeError`s its own way ("len() takes exactly
//! one argument (2 given)", "divmod expected 2 arguments, got 1", "pow()
//! missing required argument 'exp' (pos 2)", "sleep() missing 1 required
//! positional argument: 'delay'"), and programs print those messages. The
//! same text is the function's `__text_signature__`, which
//! `inspect.signature` and `help()` read.
//!
//! ```ignore
//! static SORTED: Signature =
//!     Signature::new(Style::Clinic, "sorted", "iterable, /, *, key=None, reverse=False");
//!
//! fn sorted(vm: &Vm, args: Args) -> PyResult {
//!     let ([iterable], [key, reverse]) = SORTED.bind(vm, args)?;
//!     ...
//! }
//! ```
//!
//! [`Signature::bind`] hands back the required parameters first, then the
//! optional ones (`None` when not given: the native applies its default),
//! each group in declaration order. `$self` as the first parameter stands for
//! the receiver of a method: it is bound as the first required parameter but
//! never counted in messages, as in CPython. [`Signature::bind_all`] also
//! returns what `*args` and `**kwargs` collected.

use super::{Args, PyResult, Value};
use crate::vm::Vm;
use std::sync::OnceLock;

/// Which of CPython's argument parsers a native's errors imitate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `METH_NOARGS`/`METH_O`: "list.append() takes exactly one argument (0
    /// given)", "len() takes no keyword arguments"; the qualified name.
    Exact,
    /// Positional-only parameters checked by count: "divmod expected 2
    /// arguments, got 1", "get expected at most 2 arguments, got 3",
    /// "str.ljust() takes no keyword arguments".
    Positional,
    /// The older tuple parser: "count() takes at least 1 argument (0
    /// given)", "index() takes at most 3 arguments (4 given)".
    ParseTuple,
    /// Argument Clinic's keyword parser: "pow() missing required argument
    /// 'exp' (pos 2)", "'bogus' is an invalid keyword argument for print()".
    Clinic,
    /// A function CPython writes in Python: "sleep() missing 1 required
    /// positional argument: 'delay'"; the qualified name.
    Python,
}

/// A native's parameters: see the module documentation.
pub struct Signature {
    style: Style,
    /// The qualified name messages use (`list.append`, `sorted`).
    qualname: &'static str,
    /// The parameter list, as between the parentheses of a `def`.
    params: &'static str,
    /// False when CPython shows no single signature (see
    /// [`Signature::undocumented`]).
    documented: bool,
    /// The function's docstring (`__doc__`, shown by `help()`), in towel's
    /// own words: see [`Signature::doc`].
    doc: Option<&'static str>,
    /// Counted from `params` when the signature is made (at compile time for
    /// a `static`), so binding a call by position reads no lazily parsed state.
    shape: Shape,
    parsed: OnceLock<Params>,
}

/// What binding a call with positional arguments only needs to know. For
/// such a call, when no keyword-only parameter is required, positional
/// argument `i` binds to output slot `i`: the receiver and the required
/// positional parameters are the first parameters, in declaration order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    /// The receiver (`$self`/`$type`) plus the required positional
    /// parameters: the fewest positional arguments a call may pass.
    min: usize,
    /// The receiver plus every positional parameter.
    max: usize,
    /// Named parameters with a default (the `O` of [`Signature::bind`]).
    optional: usize,
    /// `*args`: any number of positional arguments beyond `max`.
    varargs: bool,
    /// A keyword-only parameter without a default: no call binds by
    /// position alone.
    required_keyword: bool,
}

impl Shape {
    /// Counts the parameters of a `def`'s parameter list, with the same
    /// reading as [`Params::parse`] (which the unit tests check it against).
    const fn of(text: &str) -> Shape {
        let mut shape = Shape {
            min: 0,
            max: 0,
            optional: 0,
            varargs: false,
            required_keyword: false,
        };
        let bytes = text.as_bytes();
        let (mut keyword_only, mut first) = (false, true);
        let (mut start, mut i, mut depth, mut quote) = (0, 0, 0i32, 0u8);
        while i <= bytes.len() {
            let c = if i < bytes.len() { bytes[i] } else { b',' };
            if quote != 0 {
                if c == b'\\' {
                    i += 1;
                } else if c == quote {
                    quote = 0;
                }
            } else if c == b'\'' || c == b'"' {
                quote = c;
            } else if c == b'(' || c == b'[' || c == b'{' {
                depth += 1;
            } else if c == b')' || c == b']' || c == b'}' {
                depth -= 1;
            } else if c == b',' && depth == 0 {
                let item = trim(bytes, start, i);
                if !item.is_empty() {
                    let receiver = first && (same(item, b"$self") || same(item, b"$type"));
                    let module = first && same(item, b"$module");
                    if receiver {
                        shape.min += 1;
                        shape.max += 1;
                    } else if same(item, b"*") {
                        keyword_only = true;
                    } else if item[0] == b'*' {
                        if item.len() < 2 || item[1] != b'*' {
                            shape.varargs = true;
                            keyword_only = true;
                        }
                    } else if !module && !same(item, b"/") {
                        let required = !contains(item, b'=');
                        if !required {
                            shape.optional += 1;
                        }
                        match (keyword_only, required) {
                            (false, true) => {
                                shape.min += 1;
                                shape.max += 1;
                            }
                            (false, false) => shape.max += 1,
                            (true, true) => shape.required_keyword = true,
                            (true, false) => {}
                        }
                    }
                    first = false;
                }
                start = i + 1;
            }
            i += 1;
        }
        shape
    }
}

/// `bytes[start..end]` without surrounding spaces.
const fn trim(bytes: &[u8], mut start: usize, mut end: usize) -> &[u8] {
    while start < end && bytes[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    bytes.split_at(end).0.split_at(start).1
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn contains(item: &[u8], byte: u8) -> bool {
    let mut i = 0;
    while i < item.len() {
        if item[i] == byte {
            return true;
        }
        i += 1;
    }
    false
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    PositionalOnly,
    PositionalOrKeyword,
    KeywordOnly,
}

#[derive(Debug)]
struct Param {
    name: &'static str,
    kind: Kind,
    required: bool,
}

/// The parameter list, parsed once on first use.
#[derive(Debug)]
struct Params {
    has_self: bool,
    /// Named parameters in declaration order (no `$self`, `*args`, `**kwargs`).
    list: Vec<Param>,
    /// Positional parameters (positional-only and positional-or-keyword).
    npos: usize,
    nposonly: usize,
    /// Required positional parameters (they come first among the positional ones).
    nreq_pos: usize,
    nrequired: usize,
    varargs: bool,
    varkw: bool,
    /// For each parameter: its index in the output (required ones first).
    slot: Vec<usize>,
}

/// Everything a call bound: see [`Signature::bind_all`].
pub struct Bound<'a, const R: usize, const O: usize> {
    pub required: [&'a Value; R],
    pub optional: [Option<&'a Value>; O],
    /// Positional arguments beyond the named ones (`*args`).
    pub varargs: &'a [Value],
    /// Keyword arguments no parameter named (`**kwargs`): (name, value).
    pub varkw: Vec<(&'a Value, &'a Value)>,
}

/// Stands in for a required parameter only when binding failed (never seen).
const UNBOUND: &Value = &Value::Undef;

impl Signature {
    /// `params` is the parameter list of a `def`, with CPython's `/` and `*`
    /// markers and defaults as CPython shows them (`sep=' '`).
    pub const fn new(style: Style, qualname: &'static str, params: &'static str) -> Signature {
        Signature {
            style,
            qualname,
            params,
            documented: true,
            doc: None,
            shape: Shape::of(params),
            parsed: OnceLock::new(),
        }
    }

    /// For natives that CPython documents with several signatures
    /// (`getattr`, `iter`, `next`): they have no `__text_signature__`.
    pub const fn undocumented(
        style: Style,
        qualname: &'static str,
        params: &'static str,
    ) -> Signature {
        Signature {
            style,
            qualname,
            params,
            documented: false,
            doc: None,
            shape: Shape::of(params),
            parsed: OnceLock::new(),
        }
    }

    /// Gives the native its docstring, declared beside its parameters:
    /// `Signature::new(Style::Clinic, "sorted", "...").doc("Return a new list ...")`.
    /// The first line is a one-line summary; a blank line separates more.
    pub const fn doc(self, text: &'static str) -> Signature {
        let documented = Signature {
            style: self.style,
            qualname: self.qualname,
            params: self.params,
            documented: self.documented,
            doc: Some(text),
            shape: self.shape,
            parsed: OnceLock::new(),
        };
        // A const fn cannot run `self`'s destructor; its `parsed` is still
        // empty (nothing has bound through it yet), so forgetting leaks nothing.
        std::mem::forget(self);
        documented
    }

    /// The docstring declared with [`Signature::doc`], if any.
    pub fn docstring(&self) -> Option<&'static str> {
        self.doc
    }

    /// The function's name without its owner (`append` for `list.append`).
    pub fn name(&self) -> &'static str {
        match self.qualname.rfind('.') {
            Some(dot) => &self.qualname[dot + 1..],
            None => self.qualname,
        }
    }

    /// The type a method belongs to (`list` for `list.append`), if any.
    pub fn owner(&self) -> Option<&'static str> {
        self.qualname.rsplit_once('.').map(|(owner, _)| owner)
    }

    /// CPython's `__text_signature__`: `($module, iterable, /, *, key=None)`
    /// for functions, `($self, ...)` for methods.
    ///
    /// The receiver is positional-only: when the parameters do not say `/`
    /// themselves, CPython puts one right after it.
    pub fn text_signature(&self) -> Option<String> {
        if !self.documented {
            return None;
        }
        let params = self.params.trim();
        let (receiver, rest) = match receiver(params) {
            Some((receiver, rest)) => (receiver, rest),
            None => ("$module", params),
        };
        Some(if rest.is_empty() {
            format!("({receiver}, /)")
        } else if split_params(rest).contains(&"/") {
            format!("({receiver}, {rest})")
        } else {
            format!("({receiver}, /, {rest})")
        })
    }

    /// The signature as `help()` shows it: `sorted(iterable, /, *, key=None, reverse=False)`.
    pub fn display(&self) -> String {
        let params = self.params.trim();
        let params = receiver(params).map_or(params, |(_, rest)| rest);
        format!("{}({params})", self.name())
    }

    #[inline]
    fn parsed(&self) -> &Params {
        self.parsed.get_or_init(|| Params::parse(self.params))
    }

    /// Binds a call without `*args`/`**kwargs` parameters: the required
    /// parameters, then the optional ones.
    ///
    /// A call with positional arguments only, within the counts, binds here
    /// inline, as cheaply as a hand-written length check: argument `i` is
    /// slot `i` (see [`Shape`]), and nothing lazily parsed is read.
    #[inline]
    pub fn bind<'a, const R: usize, const O: usize>(
        &self,
        vm: &Vm,
        args: Args<'a>,
    ) -> PyResult<([&'a Value; R], [Option<&'a Value>; O])> {
        let s = &self.shape;
        let n = args.pos.len();
        if args.kwnames.is_empty()
            && R == s.min
            && O == s.optional
            && !s.required_keyword
            && n >= R
            && n <= s.max
        {
            let (required, rest) = args.pos.split_at(R);
            let required: &'a [Value; R] = required.try_into().expect("n >= R");
            return Ok((required.each_ref(), std::array::from_fn(|i| rest.get(i))));
        }
        self.bind_slow(vm, args)
    }

    /// Everything [`Signature::bind`] does not bind inline: keywords, wrong
    /// counts (their errors) and a native whose `R`/`O` disagree with the
    /// signature.
    #[inline(never)]
    fn bind_slow<'a, const R: usize, const O: usize>(
        &self,
        vm: &Vm,
        args: Args<'a>,
    ) -> PyResult<([&'a Value; R], [Option<&'a Value>; O])> {
        let b = self.bind_all::<R, O>(vm, args)?;
        Ok((b.required, b.optional))
    }

    /// Binds a call: the named parameters, plus what `*args` and `**kwargs`
    /// collected (empty when the signature has none).
    pub fn bind_all<'a, const R: usize, const O: usize>(
        &self,
        vm: &Vm,
        args: Args<'a>,
    ) -> PyResult<Bound<'a, R, O>> {
        let p = self.parsed();
        if p.nrequired + p.has_self as usize != R || p.list.len() - p.nrequired != O {
            return Err(vm.new_error(
                &vm.exc.system_error,
                format!(
                    "{}: the native binds {R} required and {O} optional parameters, its signature declares {} and {}",
                    self.qualname,
                    p.nrequired + p.has_self as usize,
                    p.list.len() - p.nrequired
                ),
            ));
        }
        let mut required = [UNBOUND; R];
        let mut optional = [None; O];
        let (varargs, varkw) = self.bind_into(vm, p, args, &mut required, &mut optional)?;
        Ok(Bound {
            required,
            optional,
            varargs,
            varkw,
        })
    }

    /// Checks a call against the signature without binding it, for natives
    /// whose parameters are all positional-only and which read `args.pos`
    /// themselves (an accepted call has its arguments where they read them).
    #[inline]
    pub fn check(&self, vm: &Vm, args: Args) -> PyResult<()> {
        let s = &self.shape;
        let n = args.pos.len();
        if args.kwnames.is_empty() && !s.required_keyword && n >= s.min && (n <= s.max || s.varargs)
        {
            return Ok(());
        }
        self.check_slow(vm, args)
    }

    /// The binding [`Signature::check`] falls back to, for its errors.
    #[inline(never)]
    fn check_slow(&self, vm: &Vm, args: Args) -> PyResult<()> {
        let p = self.parsed();
        let mut required = vec![UNBOUND; p.nrequired + p.has_self as usize];
        let mut optional = vec![None; p.list.len() - p.nrequired];
        self.bind_into(vm, p, args, &mut required, &mut optional)?;
        Ok(())
    }

    /// The binding itself: fills `required` and `optional` (sized as the
    /// signature declares) and returns what `*args` and `**kwargs` collected.
    #[allow(clippy::type_complexity)]
    fn bind_into<'a>(
        &self,
        vm: &Vm,
        p: &Params,
        args: Args<'a>,
        required: &mut [&'a Value],
        optional: &mut [Option<&'a Value>],
    ) -> PyResult<(&'a [Value], Vec<(&'a Value, &'a Value)>)> {
        let mut pos = args.pos;
        let shift = p.has_self as usize;
        if p.has_self {
            match pos.split_first() {
                Some((receiver, rest)) => {
                    required[0] = receiver;
                    pos = rest;
                }
                None => {
                    return Err(vm.type_error(format!(
                        "unbound method {}() needs an argument",
                        self.qualname
                    )))
                }
            }
        }
        let mut put = |i: usize, v: &'a Value| {
            let s = p.slot[i];
            if s < p.nrequired {
                required[s + shift] = v;
            } else {
                optional[s - p.nrequired] = Some(v);
            }
        };
        // The common case: positional arguments only, within range.
        if args.kwnames.is_empty()
            && pos.len() >= p.nreq_pos
            && (pos.len() <= p.npos || p.varargs)
            && p.nrequired == p.nreq_pos
        {
            let named = pos.len().min(p.npos);
            for (i, v) in pos[..named].iter().enumerate() {
                put(i, v);
            }
            return Ok((&pos[named..], Vec::new()));
        }
        self.check_counts(vm, p, pos.len(), args.kwnames.len())?;
        let named = pos.len().min(p.npos);
        let mut filled = [false; 64];
        for (i, v) in pos[..named].iter().enumerate() {
            put(i, v);
            filled[i] = true;
        }
        let mut varkw = Vec::new();
        let mut posonly_as_kw = Vec::new();
        // Argument Clinic reports a missing argument before an unknown keyword.
        let mut unknown_keyword = None;
        for (name, value) in args.kwnames.iter().zip(args.kwvalues) {
            let key = name.as_str().unwrap_or("");
            let found = p
                .list
                .iter()
                .position(|q| q.name == key && q.kind != Kind::PositionalOnly);
            match found {
                Some(i) if filled[i] => {
                    return Err(vm.type_error(self.given_twice(key, i)));
                }
                Some(i) => {
                    put(i, value);
                    filled[i] = true;
                }
                None if p.varkw => varkw.push((name, value)),
                None => {
                    let posonly = p.list[..p.nposonly].iter().any(|q| q.name == key);
                    if posonly && self.style == Style::Python {
                        posonly_as_kw.push(key);
                        continue;
                    }
                    if self.style == Style::Clinic {
                        unknown_keyword.get_or_insert(key);
                        continue;
                    }
                    return Err(vm.type_error(self.unexpected_keyword(key)));
                }
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(vm.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                self.qualname,
                posonly_as_kw.join(", ")
            )));
        }
        let missing: Vec<usize> = (0..p.list.len())
            .filter(|&i| p.list[i].required && !filled[i])
            .collect();
        if let Some(&first) = missing.first() {
            return Err(vm.type_error(self.missing(p, &missing, first)));
        }
        if let Some(key) = unknown_keyword {
            return Err(vm.type_error(self.unexpected_keyword(key)));
        }
        Ok((&pos[named..], varkw))
    }

    /// The checks on how many arguments came, before any is bound.
    fn check_counts(&self, vm: &Vm, p: &Params, npos: usize, nkw: usize) -> PyResult<()> {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let name = self.name();
        let qualname = self.qualname;
        let message = match self.style {
            Style::Exact => {
                if nkw > 0 {
                    format!("{qualname}() takes no keyword arguments")
                } else if npos >= p.nreq_pos && npos <= p.npos {
                    return Ok(());
                } else if p.list.is_empty() {
                    format!("{qualname}() takes no arguments ({npos} given)")
                } else {
                    format!("{qualname}() takes exactly one argument ({npos} given)")
                }
            }
            Style::Positional => {
                let (min, max) = (p.nreq_pos, p.npos);
                if nkw > 0 && !p.varkw && p.list.iter().all(|q| q.kind == Kind::PositionalOnly) {
                    format!("{qualname}() takes no keyword arguments")
                } else if npos < min && min == max {
                    format!("{name} expected {min} argument{}, got {npos}", plural(min))
                } else if npos < min {
                    format!(
                        "{name} expected at least {min} argument{}, got {npos}",
                        plural(min)
                    )
                } else if npos > max && !p.varargs {
                    if min == max {
                        format!("{name} expected {max} argument{}, got {npos}", plural(max))
                    } else {
                        format!(
                            "{name} expected at most {max} argument{}, got {npos}",
                            plural(max)
                        )
                    }
                } else {
                    return Ok(());
                }
            }
            Style::ParseTuple => {
                let (min, max) = (p.nreq_pos, p.npos);
                if nkw > 0 && !p.varkw && p.list.iter().all(|q| q.kind == Kind::PositionalOnly) {
                    // The method's qualified name, as the method descriptor says it.
                    format!("{qualname}() takes no keyword arguments")
                } else if npos >= min && (npos <= max || p.varargs) {
                    return Ok(());
                } else {
                    let bound = if min == max {
                        "exactly"
                    } else if npos < min {
                        "at least"
                    } else {
                        "at most"
                    };
                    let n = if npos < min { min } else { max };
                    format!(
                        "{name}() takes {bound} {n} argument{} ({npos} given)",
                        plural(n)
                    )
                }
            }
            Style::Clinic => {
                let maxargs = p.list.len();
                let minposonly = p.list[..p.nposonly].iter().filter(|q| q.required).count();
                if !p.varargs && !p.varkw && npos + nkw > maxargs {
                    format!(
                        "{name}() takes at most {maxargs} {}argument{} ({} given)",
                        if npos == 0 { "keyword " } else { "" },
                        plural(maxargs),
                        npos + nkw
                    )
                } else if !p.varargs && npos > p.npos {
                    if p.npos == 0 {
                        format!("{name}() takes no positional arguments")
                    } else {
                        format!(
                            "{name}() takes {} {} positional argument{} ({npos} given)",
                            if p.nreq_pos < p.npos {
                                "at most"
                            } else {
                                "exactly"
                            },
                            p.npos,
                            plural(p.npos)
                        )
                    }
                } else if npos < minposonly {
                    format!(
                        "{name}() takes {} {minposonly} positional argument{} ({npos} given)",
                        if p.varargs || minposonly < p.npos {
                            "at least"
                        } else {
                            "exactly"
                        },
                        plural(minposonly)
                    )
                } else {
                    return Ok(());
                }
            }
            Style::Python => {
                if npos <= p.npos || p.varargs {
                    return Ok(());
                }
                python_style::too_many_positional(qualname, p.npos, p.npos - p.nreq_pos, npos, 0)
            }
        };
        Err(vm.type_error(message))
    }

    fn given_twice(&self, key: &str, i: usize) -> String {
        match self.style {
            Style::Python => format!(
                "{}() got multiple values for argument '{key}'",
                self.qualname
            ),
            _ => format!(
                "argument for {}() given by name ('{key}') and position ({})",
                self.name(),
                i + 1
            ),
        }
    }

    fn unexpected_keyword(&self, key: &str) -> String {
        match self.style {
            Style::Python => format!(
                "{}() got an unexpected keyword argument '{key}'",
                self.qualname
            ),
            Style::Exact => format!("{}() takes no keyword arguments", self.qualname),
            Style::Positional
                if self
                    .parsed()
                    .list
                    .iter()
                    .all(|q| q.kind == Kind::PositionalOnly) =>
            {
                format!("{}() takes no keyword arguments", self.qualname)
            }
            Style::ParseTuple
                if self
                    .parsed()
                    .list
                    .iter()
                    .all(|q| q.kind == Kind::PositionalOnly) =>
            {
                format!("{}() takes no keyword arguments", self.qualname)
            }
            _ => format!(
                "'{key}' is an invalid keyword argument for {}()",
                self.name()
            ),
        }
    }

    fn missing(&self, p: &Params, missing: &[usize], first: usize) -> String {
        match self.style {
            Style::Python => {
                let names = |kind_kw: bool| -> Vec<&str> {
                    missing
                        .iter()
                        .filter(|&&i| (p.list[i].kind == Kind::KeywordOnly) == kind_kw)
                        .map(|&i| p.list[i].name)
                        .collect()
                };
                let positional = names(false);
                if !positional.is_empty() {
                    python_style::missing(self.qualname, "positional", &positional)
                } else {
                    python_style::missing(self.qualname, "keyword-only", &names(true))
                }
            }
            Style::Exact | Style::Positional | Style::ParseTuple | Style::Clinic => format!(
                "{}() missing required argument '{}' (pos {})",
                self.name(),
                p.list[first].name,
                first + 1
            ),
        }
    }
}

/// The messages of Python functions' argument binding, shared by
/// [`Style::Python`] natives and the VM's binding of real Python functions.
pub(crate) mod python_style {
    /// "f() takes from 1 to 2 positional arguments but 3 were given".
    pub(crate) fn too_many_positional(
        qualname: &str,
        npos: usize,
        ndefaults: usize,
        given: usize,
        kwonly_given: usize,
    ) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {npos} positional arguments",
                npos - ndefaults.min(npos)
            )
        } else {
            format!("{npos} positional argument{}", plural(npos))
        };
        let was = if kwonly_given > 0 {
            format!(
                "{given} positional argument{} (and {kwonly_given} keyword-only argument{}) were given",
                plural(given),
                plural(kwonly_given)
            )
        } else {
            format!("{given} {} given", if given == 1 { "was" } else { "were" })
        };
        format!("{qualname}() takes {takes} but {was}")
    }

    /// "f() missing 2 required positional arguments: 'a' and 'b'"; `kind` is
    /// "positional" or "keyword-only".
    pub(crate) fn missing<S: AsRef<str>>(qualname: &str, kind: &str, names: &[S]) -> String {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n.as_ref())).collect();
        let list = match quoted.len() {
            0 | 1 => quoted.concat(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        format!(
            "{qualname}() missing {} required {kind} argument{}: {list}",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        )
    }
}

impl Params {
    /// Parses a parameter list; a malformed one is a bug in towel, caught by
    /// the unit test that parses every registered signature.
    fn parse(text: &'static str) -> Params {
        let mut p = Params {
            has_self: false,
            list: Vec::new(),
            npos: 0,
            nposonly: 0,
            nreq_pos: 0,
            nrequired: 0,
            varargs: false,
            varkw: false,
            slot: Vec::new(),
        };
        let mut kind = Kind::PositionalOrKeyword;
        for (n, item) in split_params(text).into_iter().enumerate() {
            match item {
                "$self" | "$type" | "$module" if n == 0 => p.has_self = item != "$module",
                "/" => {
                    for q in &mut p.list {
                        q.kind = Kind::PositionalOnly;
                    }
                    p.nposonly = p.list.len();
                }
                "*" => kind = Kind::KeywordOnly,
                _ if item.starts_with("**") => p.varkw = true,
                _ if item.starts_with('*') => {
                    p.varargs = true;
                    kind = Kind::KeywordOnly;
                }
                _ => {
                    let (name, required) = match item.split_once('=') {
                        Some((name, _default)) => (name.trim(), false),
                        None => (item, true),
                    };
                    p.list.push(Param {
                        name,
                        kind,
                        required,
                    });
                }
            }
        }
        p.npos = p
            .list
            .iter()
            .filter(|q| q.kind != Kind::KeywordOnly)
            .count();
        p.nreq_pos = p.list[..p.npos].iter().filter(|q| q.required).count();
        p.nrequired = p.list.iter().filter(|q| q.required).count();
        let (mut req, mut opt) = (0, p.nrequired);
        for q in &p.list {
            if q.required {
                p.slot.push(req);
                req += 1;
            } else {
                p.slot.push(opt);
                opt += 1;
            }
        }
        assert!(p.list.len() <= 64, "at most 64 named parameters");
        p
    }
}

/// The receiver a method's parameters start with (`$self`, or `$type` for a
/// classmethod) and the parameters after it.
fn receiver(params: &str) -> Option<(&'static str, &str)> {
    ["$self", "$type"].into_iter().find_map(|r| {
        params
            .strip_prefix(r)
            .map(|rest| (r, rest.trim_start_matches([',', ' '])))
    })
}

/// Splits a parameter list at top-level commas (not inside brackets or quotes).
fn split_params(text: &'static str) -> Vec<&'static str> {
    let mut items = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(_) if c == b'\\' => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => {
                    items.push(text[start..i].trim());
                    start = i + 1;
                }
                _ => {}
            },
        }
        i += 1;
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        items.push(last);
    }
    items
}

/// Natives that share one body between types (`list.index`/`tuple.index`):
/// `checked!(list_index: LIST_INDEX => index, ...)` defines `list_index`,
/// which checks its arguments against `LIST_INDEX` (so errors name its own
/// type) and then runs `index`.
macro_rules! checked {
    ($($name:ident: $sig:ident => $body:ident),* $(,)?) => {
        $(fn $name(vm: &Vm, args: Args) -> PyResult {
            $sig.check(vm, args)?;
            $body(vm, args)
        })*
    };
}
pub(crate) use checked;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markers_defaults_and_orders_required_first() {
        let p = Params::parse("a, b=(1, ','), /, c=None, *, d, e='x, y', **kw");
        let names: Vec<_> = p.list.iter().map(|q| q.name).collect();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
        assert_eq!((p.npos, p.nposonly, p.nreq_pos, p.nrequired), (3, 2, 1, 2));
        assert!(p.varkw && !p.varargs && !p.has_self);
        // a and d are required (slots 0, 1); b, c, e optional (2, 3, 4).
        assert_eq!(p.slot, [0, 2, 3, 1, 4]);
    }

    #[test]
    fn shape_counts_as_the_parser_reads() {
        for text in [
            "",
            "$self",
            "$self, /",
            "$type, iterable, value=None, /",
            "$module, a, b=1",
            "a, b=(1, ','), /, c=None, *, d, e='x, y', **kw",
            "$self, *args, sep=' ', end='\\n'",
            "iterable, /, *, key=None, reverse=False",
            "object=b'', encoding='utf-8', errors='strict'",
            "$self, sep=None, maxsplit=-1",
            "a, /, *args, b, **kwargs",
            "x, fmt='[{}]', *, y=\"a,'b\"",
        ] {
            let p = Params::parse(text);
            let shift = p.has_self as usize;
            let expected = Shape {
                min: shift + p.nreq_pos,
                max: shift + p.npos,
                optional: p.list.len() - p.nrequired,
                varargs: p.varargs,
                required_keyword: p.nrequired != p.nreq_pos,
            };
            assert_eq!(Shape::of(text), expected, "{text}");
        }
    }

    #[test]
    fn self_and_varargs() {
        let p = Params::parse("$self, *args, sep=' ', end='\\n'");
        assert!(p.has_self && p.varargs);
        assert_eq!(p.npos, 0);
        assert!(p.list.iter().all(|q| q.kind == Kind::KeywordOnly));
    }

    #[test]
    fn shows_like_cpython() {
        let s = Signature::new(
            Style::Clinic,
            "sorted",
            "iterable, /, *, key=None, reverse=False",
        );
        assert_eq!(
            s.display(),
            "sorted(iterable, /, *, key=None, reverse=False)"
        );
        assert_eq!(
            s.text_signature().as_deref(),
            Some("($module, iterable, /, *, key=None, reverse=False)")
        );
        let m = Signature::new(Style::Exact, "list.append", "$self, object, /");
        assert_eq!(m.display(), "append(object, /)");
        assert_eq!(m.text_signature().as_deref(), Some("($self, object, /)"));
        let k = Signature::new(Style::Clinic, "list.sort", "$self, /, *, key=None");
        assert_eq!(
            k.text_signature().as_deref(),
            Some("($self, /, *, key=None)")
        );
        let p = Signature::new(Style::Clinic, "pow", "base, exp, mod=None");
        assert_eq!(
            p.text_signature().as_deref(),
            Some("($module, /, base, exp, mod=None)")
        );
    }
}
