//! A no-panic property test: random programs (from a small grammar, with
//! a fixed-seed generator so failures reproduce) that the parser accepts
//! must compile without panicking, and every code object produced must
//! pass the stack-discipline check.

#[path = "compiler/common/mod.rs"]
mod common;

use towel_lang::compiler::Mode;

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &["a", "b", "x", "y", "self", "super", "__x", "e", "it"];

fn expr(r: &mut Rng, depth: u32) -> String {
    if depth == 0 {
        return match r.below(4) {
            0 => r.pick(NAMES).to_string(),
            1 => r
                .pick(&[
                    "1", "0", "-2", "2.5", "'s'", "b'b'", "None", "True", "...", "3j",
                ])
                .to_string(),
            2 => format!("f'{{{}}}'", r.pick(NAMES)),
            _ => r.pick(NAMES).to_string(),
        };
    }
    let d = depth - 1;
    match r.below(26) {
        0 => format!(
            "{} {} {}",
            expr(r, d),
            r.pick(&["+", "-", "*", "/", "//", "%", "**", "<<", "&", "|", "^", "@"]),
            expr(r, d)
        ),
        1 => format!("({} {} {})", expr(r, d), r.pick(&["and", "or"]), expr(r, d)),
        2 => format!("not {}", expr(r, d)),
        3 => format!("-{}", expr(r, d)),
        4 => format!("{} < {} <= {}", expr(r, d), expr(r, d), expr(r, d)),
        5 => format!(
            "{} {} {}",
            expr(r, d),
            r.pick(&["is", "is not", "in", "not in", "=="]),
            expr(r, d)
        ),
        6 => format!("({} if {} else {})", expr(r, d), expr(r, d), expr(r, d)),
        7 => format!(
            "{}({}, *{}, k={}, **{})",
            r.pick(NAMES),
            expr(r, d),
            expr(r, d),
            expr(r, d),
            expr(r, d)
        ),
        8 => format!("{}.m({})", expr(r, d), expr(r, d)),
        9 => format!("[{}, *{}]", expr(r, d), expr(r, d)),
        10 => format!("({}, {})", expr(r, d), expr(r, d)),
        11 => format!("{{{}: {}, **{}}}", expr(r, d), expr(r, d), expr(r, d)),
        12 => format!("{{{}, {}}}", expr(r, d), expr(r, d)),
        13 => format!(
            "[{} for {} in {} if {}]",
            expr(r, d),
            r.pick(NAMES),
            expr(r, d),
            expr(r, d)
        ),
        14 => format!(
            "({} for {} in {} for {} in {})",
            expr(r, d),
            r.pick(NAMES),
            expr(r, d),
            r.pick(NAMES),
            expr(r, d)
        ),
        15 => format!(
            "{{{}: {} for {}, {} in {}}}",
            expr(r, d),
            expr(r, d),
            r.pick(NAMES),
            r.pick(NAMES),
            expr(r, d)
        ),
        16 => format!("(lambda {}, *args, k=1: {})", r.pick(NAMES), expr(r, d)),
        17 => format!("(yield {})", expr(r, d)),
        18 => format!("(yield from {})", expr(r, d)),
        19 => format!("(await {})", expr(r, d)),
        20 => format!("({} := {})", r.pick(NAMES), expr(r, d)),
        21 => format!("{}[{}:{}]", expr(r, d), expr(r, d), expr(r, d)),
        22 => format!("{}[{}]", expr(r, d), expr(r, d)),
        23 => format!("f'{{{}!r:>{{{}}}}} x'", expr(r, d), expr(r, d)),
        24 => format!(
            "[{} async for {} in {}]",
            expr(r, d),
            r.pick(NAMES),
            expr(r, d)
        ),
        _ => format!("{}.attr", expr(r, d)),
    }
}

fn target(r: &mut Rng) -> String {
    match r.below(6) {
        0 => format!("{}, *{}", r.pick(NAMES), r.pick(NAMES)),
        1 => format!("{}.attr", r.pick(NAMES)),
        2 => format!("{}[0]", r.pick(NAMES)),
        3 => format!(
            "[{}, ({}, {})]",
            r.pick(NAMES),
            r.pick(NAMES),
            r.pick(NAMES)
        ),
        _ => r.pick(NAMES).to_string(),
    }
}

fn pattern(r: &mut Rng, depth: u32) -> String {
    if depth == 0 {
        return match r.below(4) {
            0 => r.pick(NAMES).to_string(),
            1 => r
                .pick(&["1", "-2", "'s'", "b'b'", "None", "True", "2.5", "1 + 2j"])
                .to_string(),
            2 => format!("{}.attr", r.pick(NAMES)),
            _ => "_".to_string(),
        };
    }
    let d = depth - 1;
    match r.below(8) {
        0 => format!(
            "[{}, *{}, {}]",
            pattern(r, d),
            r.pick(&["_", "rest"]),
            pattern(r, d)
        ),
        1 => format!("({}, {})", pattern(r, d), pattern(r, d)),
        2 => format!("{} | {}", pattern(r, d), pattern(r, d)),
        3 => format!("({}) as {}", pattern(r, d), r.pick(NAMES)),
        4 => format!("{{'k': {}, 1: {}, **kw}}", pattern(r, d), pattern(r, d)),
        5 => format!("C({}, k={})", pattern(r, d), pattern(r, d)),
        6 => format!("[{}]", pattern(r, d)),
        _ => pattern(r, 0),
    }
}

fn block(r: &mut Rng, depth: u32, indent: usize, out: &mut String) {
    let n = 1 + r.below(3);
    for _ in 0..n {
        stmt(r, depth, indent, out);
    }
}

fn stmt(r: &mut Rng, depth: u32, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent * 4);
    let e = |r: &mut Rng| {
        let depth = 1 + r.below(3) as u32;
        expr(r, depth)
    };
    let simple = depth == 0 || r.below(3) == 0;
    if simple {
        let line = match r.below(16) {
            0 => format!("{} = {}", target(r), e(r)),
            1 => format!("{} += {}", r.pick(&["a", "x.y", "b[0]"]), e(r)),
            2 => format!("return {}", e(r)),
            3 => "return".to_string(),
            4 => r.pick(&["break", "continue", "pass"]).to_string(),
            5 => format!("{}: int = {}", r.pick(&["a", "x.y", "b[0]"]), e(r)),
            6 => format!("del {}", r.pick(&["a", "x.y", "b[0]", "a, b"])),
            7 => format!("global {}", r.pick(NAMES)),
            8 => format!("nonlocal {}", r.pick(NAMES)),
            9 => format!("assert {}, {}", e(r), e(r)),
            10 => format!("raise {} from {}", e(r), e(r)),
            11 => r
                .pick(&[
                    "import a.b as c",
                    "from .m import x as y, z",
                    "import os",
                    "from m import *",
                ])
                .to_string(),
            12 => "raise".to_string(),
            _ => e(r),
        };
        out.push_str(&format!("{pad}{line}\n"));
        return;
    }
    let d = depth - 1;
    if r.below(12) == 0 {
        out.push_str(&format!("{pad}match {}:\n", e(r)));
        for _ in 0..1 + r.below(3) {
            let guard = if r.below(3) == 0 {
                format!(" if {}", e(r))
            } else {
                String::new()
            };
            let pattern_depth = r.below(3) as u32;
            let p = pattern(r, pattern_depth);
            out.push_str(&format!("{pad}    case {p}{guard}:\n"));
            block(r, d, indent + 2, out);
        }
        return;
    }
    let header = match r.below(11) {
        0 => format!("if {}:", e(r)),
        1 => format!("while {}:", e(r)),
        2 => format!("for {} in {}:", target(r), e(r)),
        3 => format!("async for {} in {}:", r.pick(NAMES), e(r)),
        4 => format!("with {} as {}, {}:", e(r), r.pick(NAMES), e(r)),
        5 => format!("async with {}:", e(r)),
        6 => format!(
            "{}def f{}({}, b=1, *args, c, **kw):",
            r.pick(&["", "async "]),
            r.below(3),
            r.pick(NAMES)
        ),
        7 => format!("class C{}({}):", r.below(3), r.pick(NAMES)),
        8 => "try:".to_string(),
        9 => "try:".to_string(),
        _ => format!("@{}\ndef g(x):", r.pick(NAMES)),
    };
    for line in header.lines() {
        out.push_str(&format!("{pad}{line}\n"));
    }
    block(r, d, indent + 1, out);
    if header == "try:" {
        let star = r.below(2) == 0;
        let kw = if star { "except*" } else { "except" };
        out.push_str(&format!("{pad}{kw} {} as e:\n", r.pick(NAMES)));
        block(r, d, indent + 1, out);
        if !star && r.below(2) == 0 {
            out.push_str(&format!("{pad}except:\n"));
            block(r, d, indent + 1, out);
        }
        if r.below(2) == 0 {
            out.push_str(&format!("{pad}else:\n"));
            block(r, d, indent + 1, out);
        }
        if r.below(2) == 0 {
            out.push_str(&format!("{pad}finally:\n"));
            block(r, d, indent + 1, out);
        }
    } else if (header.starts_with("if") || header.starts_with("while") || header.starts_with("for"))
        && r.below(2) == 0
    {
        out.push_str(&format!("{pad}else:\n"));
        block(r, d, indent + 1, out);
    }
}

#[test]
fn random_programs_compile_without_panic() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut parsed, mut compiled) = (0, 0);
    for _ in 0..3000 {
        let mut src = String::new();
        block(&mut r, 3, 0, &mut src);
        let Ok(module) = towel_lang::parse_module(&src, "t.py") else {
            continue;
        };
        parsed += 1;
        for mode in [Mode::Exec, Mode::Interactive] {
            let result = std::panic::catch_unwind(|| {
                towel_lang::compiler::compile_module(&module, "t.py", &src, mode)
            });
            let Ok(result) = result else {
                panic!("compiler panicked on:\n{src}")
            };
            if let Ok(code) = result {
                compiled += 1;
                for c in common::all_codes(&code) {
                    if let Err(e) = common::check_stack(&c) {
                        panic!("{e}\nin:\n{src}\n{}", common::dis_all(&code));
                    }
                }
            }
        }
    }
    println!("{parsed} programs parsed, {compiled} compilations succeeded");
    assert!(
        parsed > 500 && compiled > 200,
        "the generator should exercise the compiler ({parsed}, {compiled})"
    );
}
