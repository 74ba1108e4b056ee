//! Instruction listings of representative code, flags, stack discipline
//! and the modes of `compile_module`.

#[path = "compiler/common/mod.rs"]
mod common;

use common::{all_codes, check_stack, compile, compile_mode, find_code, ops};
use towel_lang::bytecode::{flags, SuspendKind};
use towel_lang::compiler::Mode;

fn ops_of(src: &str, name: &str) -> Vec<String> {
    let code = compile(src);
    let f = find_code(&code, name).unwrap_or_else(|| panic!("no code named {name}"));
    for c in all_codes(&code) {
        check_stack(&c).unwrap();
    }
    ops(&f)
}

/// The key slide of the talk: `await` and `yield from` compile to the same shape.
#[test]
fn talk_slide_await_and_yield_from() {
    let expected = |get_iter: &str| {
        vec![
            "LOAD_GLOBAL stuff".to_string(),
            "CALL_FUNCTION 0".to_string(),
            get_iter.to_string(),
            "LOAD_CONST None".to_string(),
            "YIELD_FROM".to_string(),
            "POP_TOP".to_string(),
            "LOAD_CONST None".to_string(),
            "RETURN_VALUE".to_string(),
        ]
    };
    assert_eq!(
        ops_of("async def f():\n    await stuff()\n", "f"),
        expected("GET_AWAITABLE 0")
    );
    assert_eq!(
        ops_of("def f():\n    yield from stuff()\n", "f"),
        expected("GET_YIELD_FROM_ITER")
    );
    let code = compile("import asyncio\nasync def f():\n    await asyncio.sleep(1)\n");
    let f = find_code(&code, "f").unwrap();
    assert_eq!(
        f.suspensions,
        vec![(6, SuspendKind::Await, "asyncio.sleep(1)".to_string())]
    );
    let code = compile("def g():\n    yield from stuff()\n    x = yield 1\n    yield\n");
    let g = find_code(&code, "g").unwrap();
    let kinds: Vec<_> = g
        .suspensions
        .iter()
        .map(|(_, k, t)| (k.clone(), t.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (SuspendKind::YieldFrom, "stuff()"),
            (SuspendKind::Yield, "1"),
            (SuspendKind::Yield, "")
        ]
    );
}

#[test]
fn flags_of_resumable_code() {
    let code = compile(
        "def gen():\n    yield 1\nasync def coro():\n    pass\nasync def agen():\n    yield 1\n\
         g = (x for x in y)\nasync def f():\n    return (await x for x in y)\n\
         def outer():\n    def inner(*a, **k): pass\n",
    );
    let f = |name: &str| find_code(&code, name).unwrap().flags;
    let base = flags::OPTIMIZED | flags::NEWLOCALS;
    assert_eq!(f("gen"), base | flags::GENERATOR);
    assert_eq!(f("coro"), base | flags::COROUTINE);
    assert_eq!(f("agen"), base | flags::ASYNC_GENERATOR);
    assert_eq!(f("<genexpr>"), base | flags::GENERATOR);
    assert_eq!(
        f("inner"),
        base | flags::NESTED | flags::VARARGS | flags::VARKEYWORDS
    );
    assert_eq!(code.flags, 0);
    let f_code = find_code(&code, "f").unwrap();
    let agenexpr = find_code(&f_code, "<genexpr>").unwrap();
    assert_eq!(
        agenexpr.flags,
        base | flags::NESTED | flags::ASYNC_GENERATOR
    );
    assert_eq!(
        ops(&agenexpr)[..8],
        [
            "LOAD_FAST .0",
            "FOR_ITER 11",
            "STORE_FAST x",
            "LOAD_FAST x",
            "GET_AWAITABLE 0",
            "LOAD_CONST None",
            "YIELD_FROM",
            "ASYNC_GEN_WRAP"
        ]
    );
}

#[test]
fn calls() {
    let src = "def f(o, g, a, b, args, kw):\n    g(a, b)\n    o.m(a)\n    g(a, k=1)\n    o.m(k=1)\n    g(a, *args, **kw)\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST g",
            "LOAD_FAST a",
            "LOAD_FAST b",
            "CALL_FUNCTION 2",
            "POP_TOP",
            "LOAD_FAST o",
            "LOAD_METHOD m",
            "LOAD_FAST a",
            "CALL_METHOD 1",
            "POP_TOP",
            "LOAD_FAST g",
            "LOAD_FAST a",
            "LOAD_CONST 1",
            "LOAD_CONST ('k',)",
            "CALL_FUNCTION_KW 2",
            "POP_TOP",
            "LOAD_FAST o",
            "LOAD_ATTR m",
            "LOAD_CONST 1",
            "LOAD_CONST ('k',)",
            "CALL_FUNCTION_KW 1",
            "POP_TOP",
            "LOAD_FAST g",
            "LOAD_FAST a",
            "BUILD_LIST 1",
            "LOAD_FAST args",
            "LIST_EXTEND 1",
            "LIST_TO_TUPLE",
            "BUILD_MAP 0",
            "LOAD_FAST kw",
            "DICT_MERGE 1",
            "CALL_FUNCTION_EX 1",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn chained_comparison_and_boolops() {
    let src = "def f(a, b, c):\n    x = a < b < c\n    y = a and b or c\n    if not a:\n        return 1\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST a",
            "LOAD_FAST b",
            "DUP_TOP",
            "ROT_THREE",
            "COMPARE_OP <",
            "JUMP_IF_FALSE_OR_POP 9",
            "LOAD_FAST c",
            "COMPARE_OP <",
            "JUMP_FORWARD 11",
            "ROT_TWO",
            "POP_TOP",
            "STORE_FAST x",
            "LOAD_FAST a",
            "JUMP_IF_FALSE_OR_POP 15",
            "LOAD_FAST b",
            "JUMP_IF_TRUE_OR_POP 17",
            "LOAD_FAST c",
            "STORE_FAST y",
            "LOAD_FAST a",
            "POP_JUMP_IF_TRUE 22",
            "LOAD_CONST 1",
            "RETURN_VALUE",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn augmented_assignment_and_unpacking() {
    let src = "def f(o, c, i, v):\n    o.a += v\n    c[i] += v\n    a, *b, d = v\n    x = y = v\n    a, b = b, a\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST o",
            "DUP_TOP",
            "LOAD_ATTR a",
            "LOAD_FAST v",
            "BINARY_OP +=",
            "ROT_TWO",
            "STORE_ATTR a",
            "LOAD_FAST c",
            "LOAD_FAST i",
            "DUP_TOP_TWO",
            "BINARY_SUBSCR",
            "LOAD_FAST v",
            "BINARY_OP +=",
            "ROT_THREE",
            "STORE_SUBSCR",
            "LOAD_FAST v",
            "UNPACK_EX 257",
            "STORE_FAST a",
            "STORE_FAST b",
            "STORE_FAST d",
            "LOAD_FAST v",
            "DUP_TOP",
            "STORE_FAST x",
            "STORE_FAST y",
            "LOAD_FAST b",
            "LOAD_FAST a",
            "ROT_TWO",
            "STORE_FAST a",
            "STORE_FAST b",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn constants_are_folded() {
    let src = "def f():\n    return -1, (1, 2), 2 ** 8, 'a' + 'b', not True, -2.5, 1 / 2\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_CONST (-1, (1, 2), 256, 'ab', False, -2.5, 0.5)",
            "RETURN_VALUE"
        ]
    );
    let code = compile("def f(x):\n    return x in [1, 2, 3], 1 / 0\n");
    assert_eq!(
        ops(&find_code(&code, "f").unwrap()),
        [
            "LOAD_FAST x",
            "LOAD_CONST (1, 2, 3)",
            "CONTAINS_OP 0",
            "LOAD_CONST 1",
            "LOAD_CONST 0",
            "BINARY_OP /",
            "BUILD_TUPLE 2",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn for_while_and_else() {
    let src = "def f(x):\n    for t in x:\n        if t: break\n    else:\n        e()\n    while True:\n        g()\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST x",
            "GET_ITER",
            "FOR_ITER 8",
            "STORE_FAST t",
            "LOAD_FAST t",
            "POP_JUMP_IF_FALSE 2",
            "POP_TOP",
            "JUMP_FORWARD 11",
            "LOAD_GLOBAL e",
            "CALL_FUNCTION 0",
            "POP_TOP",
            // `while True:` keeps its line with a NOP the back edge skips.
            "NOP",
            "LOAD_GLOBAL g",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "JUMP_ABSOLUTE 12",
        ]
    );
    let src = "def f(x):\n    while x:\n        x -= 1\n    return x\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST x",
            "POP_JUMP_IF_FALSE 7",
            "LOAD_FAST x",
            "LOAD_CONST 1",
            "BINARY_OP -=",
            "STORE_FAST x",
            "JUMP_ABSOLUTE 0",
            "LOAD_FAST x",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn try_except_shape() {
    let src = "def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n    except:\n        c()\n    else:\n        d()\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "SETUP_FINALLY 6",
            "LOAD_GLOBAL a",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "POP_BLOCK",
            "JUMP_FORWARD 30",
            "LOAD_GLOBAL E",
            "JUMP_IF_NOT_EXC_MATCH 24",
            "STORE_FAST e",
            "SETUP_FINALLY 20",
            "LOAD_GLOBAL b",
            "LOAD_FAST e",
            "CALL_FUNCTION 1",
            "POP_TOP",
            "POP_BLOCK",
            "POP_EXCEPT",
            "LOAD_CONST None",
            "STORE_FAST e",
            "DELETE_FAST e",
            "JUMP_FORWARD 33",
            "LOAD_CONST None",
            "STORE_FAST e",
            "DELETE_FAST e",
            "RERAISE 0",
            "POP_TOP",
            "LOAD_GLOBAL c",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "POP_EXCEPT",
            "JUMP_FORWARD 33",
            "LOAD_GLOBAL d",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn try_finally_and_return_unwinding() {
    let src = "def f(x):\n    for i in x:\n        try:\n            return i\n        finally:\n            g()\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_FAST x",
            "GET_ITER",
            "FOR_ITER 17",
            "STORE_FAST i",
            "SETUP_FINALLY 13",
            "LOAD_FAST i",
            "POP_BLOCK",
            "LOAD_GLOBAL g",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "ROT_TWO",
            "POP_TOP",
            "RETURN_VALUE",
            "LOAD_GLOBAL g",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "RERAISE 0",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
    let src = "def f():\n    try:\n        pass\n    except E as e:\n        return e\n    finally:\n        return 3\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "SETUP_FINALLY 27",
            "SETUP_FINALLY 4",
            "POP_BLOCK",
            "JUMP_FORWARD 24",
            "LOAD_GLOBAL E",
            "JUMP_IF_NOT_EXC_MATCH 23",
            "STORE_FAST e",
            "SETUP_FINALLY 19",
            "LOAD_FAST e",
            "POP_BLOCK",
            "ROT_TWO",
            "POP_EXCEPT",
            "LOAD_CONST None",
            "STORE_FAST e",
            "DELETE_FAST e",
            "POP_BLOCK",
            "POP_TOP",
            "LOAD_CONST 3",
            "RETURN_VALUE",
            "LOAD_CONST None",
            "STORE_FAST e",
            "DELETE_FAST e",
            "RERAISE 0",
            "RERAISE 0",
            "POP_BLOCK",
            "LOAD_CONST 3",
            "RETURN_VALUE",
            "POP_TOP",
            "POP_EXCEPT",
            "LOAD_CONST 3",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn with_shape() {
    let src = "def f():\n    with m() as v:\n        body()\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_GLOBAL m",
            "CALL_FUNCTION 0",
            "SETUP_WITH 14",
            "STORE_FAST v",
            "LOAD_GLOBAL body",
            "CALL_FUNCTION 0",
            "POP_TOP",
            "POP_BLOCK",
            "LOAD_CONST None",
            "DUP_TOP",
            "DUP_TOP",
            "CALL_FUNCTION 3",
            "POP_TOP",
            "JUMP_FORWARD 20",
            "WITH_EXCEPT_START",
            "POP_JUMP_IF_TRUE 17",
            "RERAISE 1",
            "POP_TOP",
            "POP_EXCEPT",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
    let src = "def f():\n    with a:\n        return 1\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_GLOBAL a",
            "SETUP_WITH 11",
            "POP_TOP",
            "POP_BLOCK",
            "LOAD_CONST None",
            "DUP_TOP",
            "DUP_TOP",
            "CALL_FUNCTION 3",
            "POP_TOP",
            "LOAD_CONST 1",
            "RETURN_VALUE",
            "WITH_EXCEPT_START",
            "POP_JUMP_IF_TRUE 14",
            "RERAISE 1",
            "POP_TOP",
            "POP_EXCEPT",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn async_for_and_async_with() {
    let src = "async def f():\n    async for x in y:\n        pass\n";
    assert_eq!(
        ops_of(src, "f"),
        [
            "LOAD_GLOBAL y",
            "GET_AITER",
            "SETUP_FINALLY 9",
            "GET_ANEXT",
            "LOAD_CONST None",
            "YIELD_FROM",
            "POP_BLOCK",
            "STORE_FAST x",
            "JUMP_ABSOLUTE 2",
            "END_ASYNC_FOR",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
    let code = compile("async def f():\n    async with a as b:\n        pass\n");
    let f = find_code(&code, "f").unwrap();
    let o = ops(&f);
    assert_eq!(
        o[..6],
        [
            "LOAD_GLOBAL a",
            "BEFORE_ASYNC_WITH",
            "GET_AWAITABLE 1",
            "LOAD_CONST None",
            "YIELD_FROM",
            // 18: the body's `pass` is a NOP, for its line.
            "SETUP_ASYNC_WITH 18"
        ]
    );
    assert!(f
        .suspensions
        .iter()
        .all(|(_, k, t)| *k == SuspendKind::AsyncWith && t == "a"));
    assert_eq!(f.suspensions.len(), 3);
}

#[test]
fn class_body() {
    let src = "class C(B, metaclass=M):\n    'doc'\n    x: int = 1\n    def m(self):\n        return super().m()\n";
    let code = compile(src);
    assert_eq!(
        ops(&code)[..9],
        [
            "LOAD_BUILD_CLASS",
            "LOAD_CONST <code C>",
            "LOAD_CONST 'C'",
            "MAKE_FUNCTION 0",
            "LOAD_CONST 'C'",
            "LOAD_NAME B",
            "LOAD_NAME M",
            "LOAD_CONST ('metaclass',)",
            "CALL_FUNCTION_KW 4",
        ]
    );
    let c = find_code(&code, "C").unwrap();
    assert_eq!(
        ops(&c),
        [
            "LOAD_NAME __name__",
            "STORE_NAME __module__",
            "LOAD_CONST 'C'",
            "STORE_NAME __qualname__",
            "SETUP_ANNOTATIONS",
            "LOAD_CONST 'doc'",
            "STORE_NAME __doc__",
            "LOAD_CONST 1",
            "STORE_NAME x",
            "LOAD_NAME int",
            "LOAD_NAME __annotations__",
            "LOAD_CONST 'x'",
            "STORE_SUBSCR",
            "LOAD_CLOSURE __class__",
            "BUILD_TUPLE 1",
            "LOAD_CONST <code m>",
            "LOAD_CONST 'C.m'",
            "MAKE_FUNCTION 8",
            "STORE_NAME m",
            "LOAD_CLOSURE __class__",
            "DUP_TOP",
            "STORE_NAME __classcell__",
            "RETURN_VALUE",
        ]
    );
    let m = find_code(&code, "m").unwrap();
    assert_eq!(m.consts[0], towel_lang::bytecode::Constant::None);
    assert_eq!(&*m.freevars[0], "__class__");
}

#[test]
fn function_definition_parts() {
    let src = "@d\ndef f(a: int, b=1, *, c=2) -> str:\n    'doc'\n    return a\n";
    let code = compile(src);
    assert_eq!(
        ops(&code),
        [
            "LOAD_NAME d",
            "LOAD_CONST (1,)",
            "LOAD_CONST 2",
            "LOAD_CONST ('c',)",
            "BUILD_CONST_KEY_MAP 1",
            "LOAD_CONST 'a'",
            "LOAD_NAME int",
            "LOAD_CONST 'return'",
            "LOAD_NAME str",
            "BUILD_TUPLE 4",
            "LOAD_CONST <code f>",
            "LOAD_CONST 'f'",
            "MAKE_FUNCTION 7",
            "CALL_FUNCTION 1",
            "STORE_NAME f",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
    let f = find_code(&code, "f").unwrap();
    assert_eq!(f.firstlineno, 1);
    assert_eq!(
        f.consts[0],
        towel_lang::bytecode::Constant::Str("doc".into())
    );
}

#[test]
fn comprehensions() {
    let code = compile("def f(xs):\n    return [x * 2 for x in xs if x]\n");
    let f = find_code(&code, "f").unwrap();
    assert_eq!(
        ops(&f),
        [
            "LOAD_CONST <code <listcomp>>",
            "LOAD_CONST 'f.<locals>.<listcomp>'",
            "MAKE_FUNCTION 0",
            "LOAD_FAST xs",
            "GET_ITER",
            "CALL_FUNCTION 1",
            "RETURN_VALUE"
        ]
    );
    let lc = find_code(&code, "<listcomp>").unwrap();
    assert_eq!(
        ops(&lc),
        [
            "BUILD_LIST 0",
            "LOAD_FAST .0",
            "FOR_ITER 11",
            "STORE_FAST x",
            "LOAD_FAST x",
            "POP_JUMP_IF_FALSE 2",
            "LOAD_FAST x",
            "LOAD_CONST 2",
            "BINARY_OP *",
            "LIST_APPEND 2",
            "JUMP_ABSOLUTE 2",
            "RETURN_VALUE",
        ]
    );
    let code = compile("g = (x for x in y)\nd = {k: v for k, v in z}\n");
    let ge = find_code(&code, "<genexpr>").unwrap();
    assert_eq!(
        ops(&ge),
        [
            "LOAD_FAST .0",
            "FOR_ITER 7",
            "STORE_FAST x",
            "LOAD_FAST x",
            "YIELD_VALUE",
            "POP_TOP",
            "JUMP_ABSOLUTE 1",
            "LOAD_CONST None",
            "RETURN_VALUE"
        ]
    );
    let dc = find_code(&code, "<dictcomp>").unwrap();
    assert!(ops(&dc).contains(&"MAP_ADD 2".to_string()));
}

#[test]
fn imports() {
    let code = compile("import a.b\nimport a.b as c\nfrom x import a, b as c\nfrom .m import *\n");
    assert_eq!(
        ops(&code),
        [
            "LOAD_CONST 0",
            "LOAD_CONST None",
            "IMPORT_NAME a.b",
            "STORE_NAME a",
            "LOAD_CONST 0",
            "LOAD_CONST None",
            "IMPORT_NAME a.b",
            "IMPORT_FROM b",
            "STORE_NAME c",
            "POP_TOP",
            "LOAD_CONST 0",
            "LOAD_CONST ('a', 'b')",
            "IMPORT_NAME x",
            "IMPORT_FROM a",
            "STORE_NAME a",
            "IMPORT_FROM b",
            "STORE_NAME c",
            "POP_TOP",
            "LOAD_CONST 1",
            "LOAD_CONST ('*',)",
            "IMPORT_NAME m",
            "IMPORT_STAR",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn fstrings_assert_raise() {
    let code =
        compile("def f(a, b):\n    assert a, 'm'\n    s = f'{a!r:>{b}} x'\n    raise E from a\n");
    assert_eq!(
        ops(&find_code(&code, "f").unwrap()),
        [
            "LOAD_FAST a",
            "POP_JUMP_IF_TRUE 6",
            "LOAD_ASSERTION_ERROR",
            "LOAD_CONST 'm'",
            "CALL_FUNCTION 1",
            "RAISE_VARARGS 1",
            "LOAD_FAST a",
            "LOAD_CONST '>'",
            "LOAD_FAST b",
            "FORMAT_VALUE 0",
            "BUILD_STRING 2",
            "FORMAT_VALUE 6",
            "LOAD_CONST ' x'",
            "BUILD_STRING 2",
            "STORE_FAST s",
            "LOAD_GLOBAL E",
            "LOAD_FAST a",
            "RAISE_VARARGS 2",
        ]
    );
}

#[test]
fn modes() {
    let code = compile_mode("1 + x\ny = 2\nif y:\n    y\n", Mode::Interactive).unwrap();
    assert_eq!(
        ops(&code),
        [
            "LOAD_CONST 1",
            "LOAD_NAME x",
            "BINARY_OP +",
            "PRINT_EXPR",
            "LOAD_CONST 2",
            "STORE_NAME y",
            "LOAD_NAME y",
            "POP_JUMP_IF_FALSE 10",
            "LOAD_NAME y",
            "PRINT_EXPR",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
    let code = compile_mode("await x\n", Mode::Interactive).unwrap();
    assert_eq!(code.flags, flags::COROUTINE);
    let code = compile_mode("async for a in b: pass\n", Mode::Interactive).unwrap();
    assert_eq!(code.flags, flags::COROUTINE);
    let code = compile_mode("[a async for a in b]\n", Mode::Interactive).unwrap();
    assert_eq!(code.flags, flags::COROUTINE);
    assert!(compile_mode("await x\n", Mode::Exec).is_err());
    let code = compile_mode("a + 1\n", Mode::Eval).unwrap();
    assert_eq!(
        ops(&code),
        ["LOAD_NAME a", "LOAD_CONST 1", "BINARY_OP +", "RETURN_VALUE"]
    );
    let code = compile("'module doc'\nx = 1\n");
    assert_eq!(
        ops(&code)[..2],
        ["LOAD_CONST 'module doc'", "STORE_NAME __doc__"]
    );
}

#[test]
fn closures_and_scopes() {
    let src = "def f(x):\n    y = 1\n    def g():\n        nonlocal y\n        y = x\n        return z\n    return g\n";
    let code = compile(src);
    let f = find_code(&code, "f").unwrap();
    assert_eq!(
        ops(&f),
        [
            "LOAD_CONST 1",
            "STORE_DEREF y",
            "LOAD_CLOSURE x",
            "LOAD_CLOSURE y",
            "BUILD_TUPLE 2",
            "LOAD_CONST <code g>",
            "LOAD_CONST 'f.<locals>.g'",
            "MAKE_FUNCTION 8",
            "STORE_FAST g",
            "LOAD_FAST g",
            "RETURN_VALUE",
        ]
    );
    assert_eq!(f.cell2arg, vec![Some(0), None]);
    let g = find_code(&code, "g").unwrap();
    assert_eq!(
        ops(&g),
        [
            "LOAD_DEREF x",
            "STORE_DEREF y",
            "LOAD_GLOBAL z",
            "RETURN_VALUE"
        ]
    );
    let code = compile("def f():\n    x = 1\n    class C:\n        y = x\n");
    let c = find_code(&code, "C").unwrap();
    assert!(ops(&c).contains(&"LOAD_CLASSDEREF x".to_string()));
    let code = compile("def f():\n    [y := 1 for _ in z]\n    return y\n");
    let lc = find_code(&code, "<listcomp>").unwrap();
    assert!(ops(&lc).contains(&"STORE_DEREF y".to_string()));
}

#[test]
fn except_star_stack_contract() {
    let src = "def f():\n    try:\n        a()\n    except* ValueError as e:\n        b(e)\n";
    let o = ops_of(src, "f");
    assert_eq!(
        o[6..13],
        [
            "DUP_TOP",
            "BUILD_LIST 0",
            "ROT_TWO",
            "LOAD_GLOBAL ValueError",
            "CHECK_EG_MATCH",
            "DUP_TOP",
            "LOAD_CONST None"
        ]
    );
    assert!(o.contains(&"PREP_RERAISE_STAR".to_string()));
    assert!(o.contains(&"LIST_APPEND 3".to_string()));
}

#[test]
fn line_numbers_and_spans() {
    let src = "def f(a):\n    x = a\n    return (x +\n            a)\n";
    let code = compile(src);
    let f = find_code(&code, "f").unwrap();
    assert_eq!(f.lines, vec![2, 2, 3, 4, 3, 3]);
    let add = f.spans[4];
    assert_eq!(
        &src[add.start as usize..add.end as usize],
        "x +\n            a"
    );
    assert!(std::rc::Rc::ptr_eq(
        code.source.as_ref().unwrap(),
        f.source.as_ref().unwrap()
    ));
}

#[test]
fn deep_nesting_is_refused_not_crashing() {
    let depth = 5000;
    let src = format!("x = {}1\n", "-".repeat(depth));
    // The parser may refuse first; either way, no stack overflow.
    let result = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            compile_mode(&src, Mode::Exec)
                .map(|_| ())
                .map_err(|e| e.msg)
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(result.is_err());
}

/// Hand-built trees nested right up to the limit compile on a 2 MiB stack
/// (the default for test threads); deeper ones are refused with an error.
#[test]
fn nesting_limit_is_safe_on_small_stacks() {
    use towel_lang::ast::{
        BinOp, BoolOp, Expr, ExprKind, FunctionDef, Module, Stmt, StmtKind, UnaryOp,
    };
    use towel_lang::compiler::{compile_module, MAX_NESTING, STMT_WEIGHT};
    use towel_lang::source::Span;
    let sp = Span::new(0, 1);
    let name = || Expr::new(ExprKind::Name("x".into()), sp);
    let build = |depth: usize, kind: usize| {
        let mut e = name();
        let mut body = vec![Stmt::new(StmtKind::Expr(name()), sp)];
        for _ in 0..depth {
            let k = match kind {
                0 => ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(e),
                },
                1 => ExprKind::BinOp {
                    left: Box::new(e),
                    op: BinOp::Add,
                    right: Box::new(name()),
                },
                2 => ExprKind::Call {
                    func: Box::new(name()),
                    args: vec![e],
                    keywords: vec![],
                },
                3 => ExprKind::List(vec![e, name()]),
                4 => ExprKind::BoolOp {
                    op: BoolOp::And,
                    values: vec![name(), e],
                },
                5 => ExprKind::Lambda {
                    args: Box::default(),
                    body: Box::new(e),
                },
                6 => {
                    body = vec![Stmt::new(
                        StmtKind::If {
                            test: name(),
                            body,
                            orelse: vec![],
                        },
                        sp,
                    )];
                    continue;
                }
                _ => {
                    let def = FunctionDef {
                        name: "f".into(),
                        args: Default::default(),
                        body,
                        decorators: vec![],
                        returns: None,
                        is_async: false,
                    };
                    body = vec![Stmt::new(StmtKind::FunctionDef(Box::new(def)), sp)];
                    continue;
                }
            };
            e = Expr::new(k, sp);
        }
        let body = match kind {
            // A BoolOp as a condition goes through the jump code.
            4 => vec![Stmt::new(
                StmtKind::If {
                    test: e,
                    body,
                    orelse: vec![],
                },
                sp,
            )],
            6 | 7 => body,
            _ => vec![Stmt::new(StmtKind::Expr(e), sp)],
        };
        Module { body }
    };
    let run = |depth: usize, kind: usize| {
        let module = build(depth, kind);
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || compile_module(&module, "t.py", "x", Mode::Exec).is_ok())
            .unwrap()
            .join()
            .unwrap()
    };
    for kind in 0..8 {
        let limit = if kind >= 6 {
            MAX_NESTING / STMT_WEIGHT
        } else {
            MAX_NESTING
        };
        assert!(run(limit - 10, kind), "kind {kind} at the limit");
        assert!(!run(limit + 10, kind), "kind {kind} past the limit");
    }
}
