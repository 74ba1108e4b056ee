//! Snapshot tests of `dis` listings for representative functions of each
//! kind, plus the exact check of the talk's slide: a `yield from` generator
//! and an `await` coroutine differ only in GET_YIELD_FROM_ITER / GET_AWAITABLE.
//!
//! Review changed snapshots with `cargo insta review` (or accept them with
//! `INSTA_UPDATE=always`); a changed listing means the compiler's output
//! changed, which is worth a look.

use std::rc::Rc;
use towel_lang::bytecode::CodeObject;
use towel_lang::stdlib::dis::{self, listing};
use towel_lang::Vm;

/// Compiles `src` and returns the code object of the function `name` in it.
fn code(src: &str, name: &str) -> Rc<CodeObject> {
    let vm = Vm::new();
    let module = vm
        .compile(src, "snap.py", towel_lang::compiler::Mode::Exec)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    dis::find_code(&module.co, name).unwrap_or_else(|| panic!("no function {name}"))
}

/// Code-object addresses change from run to run; snapshots show them as `0x...`.
fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        out.push_str("...");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn listing_of(src: &str, name: &str) -> String {
    redact(&listing::disassemble_recursive(&code(src, name), None))
}

const PY34_VS_PY35: &str = "
def stuff():
    pass

def py34_coro():
    yield from stuff()

async def py35_coro():
    await stuff()
";

/// The slide: `LOAD_GLOBAL, CALL_FUNCTION, GET_YIELD_FROM_ITER | GET_AWAITABLE,
/// LOAD_CONST (None), YIELD_FROM, POP_TOP, LOAD_CONST (None), RETURN_VALUE`.
#[test]
fn talk_pair_is_the_slide() {
    let seq = |name: &str| {
        listing::instructions(&code(PY34_VS_PY35, name))
            .iter()
            .map(|i| {
                if i.argrepr == "None" {
                    format!("{} (None)", i.op.name())
                } else {
                    i.op.name().to_string()
                }
            })
            .collect::<Vec<_>>()
    };
    let expected = |middle: &str| {
        [
            "LOAD_GLOBAL",
            "CALL_FUNCTION",
            middle,
            "LOAD_CONST (None)",
            "YIELD_FROM",
            "POP_TOP",
            "LOAD_CONST (None)",
            "RETURN_VALUE",
        ]
        .map(String::from)
        .to_vec()
    };
    assert_eq!(seq("py34_coro"), expected("GET_YIELD_FROM_ITER"));
    assert_eq!(seq("py35_coro"), expected("GET_AWAITABLE"));
    let a = code(PY34_VS_PY35, "py34_coro");
    let b = code(PY34_VS_PY35, "py35_coro");
    let cmp = listing::compare(&a, a.flags, &b, b.flags);
    assert!(
        cmp.ends_with("Verdict: the same but for GET_YIELD_FROM_ITER / GET_AWAITABLE\n"),
        "{cmp}"
    );
    insta::assert_snapshot!("talk_pair_compare", cmp);
    insta::assert_snapshot!("talk_py34", listing_of(PY34_VS_PY35, "py34_coro"));
    insta::assert_snapshot!("talk_py35", listing_of(PY34_VS_PY35, "py35_coro"));
}

const KINDS: &str = r#"
def loops(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        total += i
    while total > 10:
        total -= 3
    else:
        total = -total
    return total

def comprehensions(xs):
    return [x * 2 for x in xs if x], {k: v for k, v in xs}, {x for x in xs}, (x for x in xs)

def try_finally(f):
    try:
        return f()
    except ValueError as e:
        print("bad", e)
    finally:
        print("done")

def closures(a):
    b = 1
    def inner(c):
        nonlocal b
        b += c
        return a + b
    return inner

def generator(n):
    for i in range(n):
        x = yield i
        print(x)
    return "end"

def delegating():
    r = yield from generator(3)
    return r

async def coroutine(aw):
    r = await aw
    return r + 1

async def async_generator(n):
    for i in range(n):
        yield i
        await sleep(0)

async def async_with(cm):
    async with cm as v:
        print(v)

async def async_for(ait):
    async for x in ait:
        print(x)
    else:
        print("done")

def fstrings(x, y):
    return f"{x!r:>{y}} and {y}"

class Methods:
    def method(self, x):
        return self.attr.call(x, key=1)
"#;

#[test]
fn loops() {
    insta::assert_snapshot!(listing_of(KINDS, "loops"));
}

#[test]
fn comprehensions() {
    insta::assert_snapshot!(listing_of(KINDS, "comprehensions"));
}

#[test]
fn try_finally() {
    insta::assert_snapshot!(listing_of(KINDS, "try_finally"));
}

#[test]
fn closures() {
    insta::assert_snapshot!(listing_of(KINDS, "closures"));
}

#[test]
fn generators() {
    insta::assert_snapshot!(listing_of(KINDS, "generator"));
    insta::assert_snapshot!("delegating", listing_of(KINDS, "delegating"));
}

#[test]
fn coroutines() {
    insta::assert_snapshot!(listing_of(KINDS, "coroutine"));
}

#[test]
fn async_generators() {
    insta::assert_snapshot!(listing_of(KINDS, "async_generator"));
}

#[test]
fn async_with_and_for() {
    insta::assert_snapshot!("async_with", listing_of(KINDS, "async_with"));
    insta::assert_snapshot!("async_for", listing_of(KINDS, "async_for"));
}

#[test]
fn fstrings_and_methods() {
    insta::assert_snapshot!("fstrings", listing_of(KINDS, "fstrings"));
    insta::assert_snapshot!("method", listing_of(KINDS, "Methods.method"));
}

#[test]
fn code_info_layout() {
    let co = code(KINDS, "async_generator");
    insta::assert_snapshot!(redact(&listing::code_info(&co, co.flags)));
}

#[test]
fn states_of_each_kind() {
    let mut out = String::new();
    for name in [
        "generator",
        "delegating",
        "coroutine",
        "async_generator",
        "async_with",
        "async_for",
        "loops",
    ] {
        let co = code(KINDS, name);
        out.push_str(&listing::format_states(&co, co.flags));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn desugared_sources() {
    let mut out = String::new();
    for name in [
        "delegating",
        "coroutine",
        "async_generator",
        "async_with",
        "async_for",
        "loops",
    ] {
        out.push_str(&dis::desugar_text(&code(KINDS, name)).unwrap_or_else(|e| panic!("{e}")));
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

/// The desugared text parses, and printing its tree again gives the same text
/// (the printer is a fixed point, so it does not lose or add parentheses).
#[test]
fn desugared_text_reparses_to_itself() {
    for name in [
        "delegating",
        "coroutine",
        "async_generator",
        "async_with",
        "async_for",
        "loops",
        "comprehensions",
        "fstrings",
        "try_finally",
        "closures",
    ] {
        let text = dis::desugar_text(&code(KINDS, name)).unwrap_or_else(|e| panic!("{e}"));
        let module = towel_lang::parser::parse_module(&text, "d.py")
            .unwrap_or_else(|e| panic!("{name}: {}\n{text}", e.render()));
        let again = dis::unparse::stmts(&module.body, 0);
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(again, body, "{name}");
    }
}

#[test]
fn compare_marks_differences() {
    let a = code(KINDS, "async_with");
    let b = code(KINDS, "coroutine");
    insta::assert_snapshot!(listing::compare(&a, a.flags, &b, b.flags));
    let same = listing::compare(&a, a.flags, &a, a.flags);
    assert!(
        same.ends_with("Verdict: identical: the same 32 instructions\n"),
        "{same}"
    );
}

#[test]
fn trace_line_shows_the_instruction() {
    let co = code(PY34_VS_PY35, "py35_coro");
    assert_eq!(
        listing::trace_line(&co, 2, 1),
        format!(
            "{:<24} {:<60} [stack 1]",
            "py35_coro", "  9      4 GET_AWAITABLE          0"
        )
    );
    assert!(listing::trace_line(&co, 99, 0).contains("no instruction"));
}

/// The source printer round-trips: for every conformance case and example,
/// printing the parsed tree and parsing that text gives the same tree.
#[test]
fn unparse_round_trips_real_programs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["../../shared/conformance/cases", "../examples", "tests/dis"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "py")),
            );
        }
    }
    files.sort();
    assert!(files.len() > 3);
    let mut checked = 0;
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let Ok(module) = towel_lang::parser::parse_module(&source, "a.py") else {
            continue;
        };
        let text = dis::unparse::stmts(&module.body, 0);
        let again = towel_lang::parser::parse_module(&text, "b.py").unwrap_or_else(|e| {
            panic!(
                "{}: printed text does not parse: {}\n{text}",
                path.display(),
                e.render()
            )
        });
        assert_eq!(
            towel_lang::parser::dump::dump_module(&again),
            towel_lang::parser::dump::dump_module(&module),
            "{}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 3);
}
