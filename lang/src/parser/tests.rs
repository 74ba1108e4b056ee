use super::*;
use crate::lexer::{highlight, TokenClass};

fn err(src: &str) -> SyntaxError {
    match parse_module(src, "t.py") {
        Ok(m) => panic!("{src:?} parsed: {m:?}"),
        Err(e) => e,
    }
}

#[test]
fn smoke() {
    let m = parse_module("x = 1\n", "t.py").expect("parses");
    assert_eq!(m.body.len(), 1);
}

#[test]
fn incomplete_input_is_flagged() {
    for src in [
        "if x:\n",
        "def f():\n",
        "class A:\n    def f(self):\n",
        "x = (1,\n",
        "foo(a,\n  b\n",
        "x = '''abc\n",
        "x = 1 + \\\n",
        "@dec\n",
        "for x in y:\n    pass\nelse:\n",
        "try:\n    pass\n",
        "while (x :=\n",
    ] {
        let e = err(src);
        assert!(e.incomplete, "{src:?} should be incomplete: {e:?}");
    }
    for src in [
        "x = 1 +\n",
        "x = 'abc\n",
        "else\n",
        "x = )\n",
        "1 = 2\n",
        "if x\n",
    ] {
        let e = err(src);
        assert!(!e.incomplete, "{src:?} should be a plain error: {e:?}");
    }
}

#[test]
fn expressions() {
    let e = parse_expression("  1 + 2 \n\n", "<eval>").expect("parses");
    assert!(matches!(e.kind, ast::ExprKind::BinOp { .. }));
    let e = parse_expression("a, b", "<eval>").expect("parses");
    assert!(matches!(e.kind, ast::ExprKind::Tuple(_)));
    assert!(parse_expression("x = 1", "<eval>").is_err());
    assert!(parse_expression("1\n+2", "<eval>").is_err());
    assert!(parse_expression("", "<eval>").is_err());
}

#[test]
fn spans_are_byte_offsets() {
    let src = "é = f(x)\n";
    let m = parse_module(src, "t.py").expect("parses");
    let ast::StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "f(x)"
    );
}

#[test]
fn error_render_matches_cpython_layout() {
    let e = err("x = (1,\n");
    assert_eq!(
        e.render(),
        "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
    );
    let e = err("print 'x'\n");
    assert_eq!(
        e.render(),
        "  File \"t.py\", line 1\n    print 'x'\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"
    );
}

#[test]
fn fstring_debug_form() {
    let m = parse_module("f'{ count = }'\n", "t.py").expect("parses");
    let dump = dump::dump_module(&m);
    assert_eq!(
        dump,
        "Expr(JoinedStr([Constant(\" count = \"), FormattedValue(Name(\"count\"), 'r', None)]))\n"
    );
    let m = parse_module("f'{x=:>5}'\n", "t.py").expect("parses");
    assert!(dump::dump_module(&m).contains("FormattedValue(Name(\"x\"), None, JoinedStr"));
}

#[test]
fn highlight_classes() {
    let src = "def f(x): return 'a' + 1  # c\n";
    let classes: Vec<TokenClass> = highlight(src).into_iter().map(|t| t.1).collect();
    assert_eq!(
        classes,
        vec![
            TokenClass::Keyword,
            TokenClass::Name,
            TokenClass::Operator,
            TokenClass::Name,
            TokenClass::Operator,
            TokenClass::Operator,
            TokenClass::Keyword,
            TokenClass::String,
            TokenClass::Operator,
            TokenClass::Number,
            TokenClass::Comment,
        ]
    );
    // Bad input still gets classified.
    assert!(!highlight("x = 'unterminated\n$ 0o9z €").is_empty());
}

#[test]
fn deep_trees_are_refused_not_crashed() {
    // CPython's limit: 2992 chained operators at module level compile, 2993 do not.
    let ok = format!("x = {}1\n", "1+".repeat(2992));
    assert!(parse_module(&ok, "t.py").is_ok());
    let deep = format!("x = {}1\n", "1+".repeat(2993));
    assert_eq!(
        err(&deep).msg,
        "maximum recursion depth exceeded during compilation"
    );
    for src in [
        format!("x = {}1\n", "1+".repeat(30_000)),
        format!("x = {}1\n", "-".repeat(30_000)),
        format!("x = {}b\n", "a.".repeat(30_000)),
        format!("x = {}b\n", "a()".repeat(30_000)),
        format!("x = {}1 )\n", "1+".repeat(30_000)),
        format!("x = f'{{{}1}}'\n", "1+".repeat(30_000)),
        format!("x = {}1\n", "lambda: ".repeat(30_000)),
        format!("x = [{}]\n", "1 if 2 else ".repeat(30_000)),
        "(".repeat(30_000),
    ] {
        let _ = parse_module(&src, "t.py");
        let _ = parse_expression(&src, "t.py");
    }
}

#[test]
fn byte_order_mark_is_skipped() {
    let m = parse_module("\u{feff}x = 1\n", "t.py").expect("parses");
    assert_eq!(m.body[0].span.start, 3);
}
