//! Fuzz-style property tests: random token soup and mutated valid programs
//! must never panic, and every error must point inside the input.

use towel_lang::lexer::highlight;
use towel_lang::{parse_expression, parse_module};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "x",
    "y",
    "foo",
    "print",
    "1",
    "0x1f",
    "1.5",
    "2j",
    "1e",
    "0o8",
    "'s'",
    "\"t\"",
    "'''",
    "\"\"\"",
    "f'{x}'",
    "f'{",
    "}",
    "{",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    ";",
    ".",
    "...",
    "=",
    "==",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<",
    ">",
    "!=",
    "->",
    "if",
    "else",
    "elif",
    "for",
    "in",
    "while",
    "def",
    "class",
    "return",
    "lambda",
    "yield",
    "await",
    "async",
    "with",
    "as",
    "try",
    "except",
    "finally",
    "import",
    "from",
    "not",
    "and",
    "or",
    "is",
    "del",
    "global",
    "pass",
    "break",
    "match",
    "case",
    "_",
    "|",
    "\n",
    "\n    ",
    "\n\t",
    "\n  ",
    " ",
    "\\",
    "\\\n",
    "#c",
    "€",
    "\u{a0}",
    "é",
    "$",
    "?",
    "!",
    "`",
    "b'x'",
    "rb'\\d'",
    "'\\N{BULLET}'",
    "'\\x4'",
    "\r\n",
];

const PROGRAMS: &[&str] = &[
    "def f(a, b=1, *c, d, **e) -> int:\n    return a + b\n",
    "class A(B, metaclass=M):\n    x: int = 1\n    def m(self):\n        return [i for i in self if i]\n",
    "try:\n    x = f'{a!r:>{w}} {b=}'\nexcept (A, B) as e:\n    raise C from e\nfinally:\n    pass\n",
    "with (open(a) as f, open(b) as g):\n    data = {**x, 'k': [*y, *z]}\n",
    "async def g():\n    async for x in y:\n        await z\n    return (w := 1)\n",
    "x = a[1:2, ::3] if not b else -c ** 2\nwhile (line := read()):\n    print(line, end='')\n",
    "match p:\n    case [a, *_] | {'k': a, **r} if a:\n        pass\n    case P(x, y=-1) as q:\n        match q:\n            case _: pass\n",
];

fn check(source: &str) {
    let lines = source.split('\n').count() as u32 + 1;
    let errors = [
        parse_module(source, "fuzz.py").err(),
        parse_expression(source, "fuzz.py").err(),
    ];
    for e in errors.into_iter().flatten() {
        {
            assert!(
                e.lineno >= 1 && e.lineno <= lines,
                "line {} outside input {source:?}: {e:?}",
                e.lineno
            );
            let width = source
                .split('\n')
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0) as u32;
            assert!(
                e.offset <= width + 2,
                "offset {} outside input {source:?}: {e:?}",
                e.offset
            );
            let _ = e.render();
        }
    }
    for (span, _) in highlight(source) {
        assert!(
            span.start <= span.end && span.end as usize <= source.len(),
            "bad highlight span in {source:?}"
        );
        assert!(
            source.is_char_boundary(span.start as usize)
                && source.is_char_boundary(span.end as usize)
        );
    }
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..iterations() {
        let n = rng.below(24);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        check(&s);
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..iterations() {
        let base = PROGRAMS[rng.below(PROGRAMS.len())];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.below(4) {
            let pos = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 if pos < chars.len() => {
                    chars.remove(pos);
                }
                1 => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    for (i, c) in piece.chars().enumerate() {
                        chars.insert(pos + i, c);
                    }
                }
                2 if pos < chars.len() => {
                    let other = rng.below(chars.len());
                    chars.swap(pos, other);
                }
                _ => chars.truncate(pos),
            }
        }
        let s: String = chars.into_iter().collect();
        check(&s);
    }
}

#[test]
fn every_prefix_never_panics() {
    for base in PROGRAMS {
        let mut end = 0;
        while end <= base.len() {
            if base.is_char_boundary(end) {
                check(&base[..end]);
            }
            end += 1;
        }
    }
}

/// 4000 cases by default; set FUZZ_ITERS for a longer run.
fn iterations() -> usize {
    std::env::var("FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000)
}
