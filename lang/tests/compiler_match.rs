//! Instruction listings of `match` statements.
//!
//! The expected listings are CPython 3.10's (`python3.10 -m dis` on the
//! same source; 3.10 has the same block-stack instruction set), minus what
//! its optimiser does and towel's does not: line-number `NOP`s and copies
//! of small exit blocks. Jump arguments are instruction indices.

#[path = "compiler/common/mod.rs"]
mod common;

use common::{all_codes, check_stack, compile, compile_mode, find_code, ops};
use towel_lang::compiler::Mode;

/// The instructions of function `f` in `src`, after checking every code
/// object's stack discipline.
fn ops_of_f(src: &str) -> Vec<String> {
    let code = compile(src);
    for c in all_codes(&code) {
        check_stack(&c).unwrap_or_else(|e| panic!("{e}\n{}", common::dis_all(&code)));
    }
    ops(&find_code(&code, "f").expect("a function f"))
}

#[test]
fn sequence_with_star_wildcard_is_subscripted() {
    let src = "def f(x):\n    match x:\n        case [1, *_, y]:\n            return y\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE 23",
            "GET_LEN",
            "LOAD_CONST 2",
            "COMPARE_OP >=",
            "POP_JUMP_IF_FALSE 23",
            "DUP_TOP",
            "LOAD_CONST 0",
            "BINARY_SUBSCR",
            "LOAD_CONST 1",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 23",
            "DUP_TOP",
            "GET_LEN",
            "LOAD_CONST 1",
            "BINARY_OP -",
            "BINARY_SUBSCR",
            "ROT_TWO",
            "POP_TOP",
            "STORE_FAST y",
            "LOAD_FAST y",
            "RETURN_VALUE",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn sequence_with_star_capture_is_unpacked() {
    let src = "def f(x):\n    match x:\n        case [a, *rest, b]:\n            pass\n        case [*r]:\n            pass\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "DUP_TOP",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE 14",
            "GET_LEN",
            "LOAD_CONST 2",
            "COMPARE_OP >=",
            "POP_JUMP_IF_FALSE 14",
            "UNPACK_EX 257",
            "STORE_FAST a",
            "STORE_FAST rest",
            "STORE_FAST b",
            "POP_TOP",
            "JUMP_FORWARD 21",
            "POP_TOP",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE 20",
            "UNPACK_EX 0",
            "STORE_FAST r",
            "JUMP_FORWARD 21",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn mapping_with_rest_and_empty_mapping() {
    let src = "def f(x):\n    match x:\n        case {'k': v, **kw}:\n            pass\n        case {}:\n            pass\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "DUP_TOP",
            "MATCH_MAPPING",
            "POP_JUMP_IF_FALSE 25",
            "GET_LEN",
            "LOAD_CONST 1",
            "COMPARE_OP >=",
            "POP_JUMP_IF_FALSE 25",
            "LOAD_CONST ('k',)",
            "MATCH_KEYS",
            "POP_JUMP_IF_FALSE 23",
            "DUP_TOP",
            "LOAD_CONST 0",
            "BINARY_SUBSCR",
            "ROT_FOUR",
            "POP_TOP",
            "COPY_DICT_WITHOUT_KEYS",
            "ROT_THREE",
            "POP_TOP",
            "STORE_FAST v",
            "STORE_FAST kw",
            "POP_TOP",
            "JUMP_FORWARD 31",
            "POP_TOP",
            "POP_TOP",
            "POP_TOP",
            "MATCH_MAPPING",
            "POP_JUMP_IF_FALSE 30",
            "POP_TOP",
            "JUMP_FORWARD 31",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn class_pattern_with_keyword_as_and_guard() {
    let src = "def f(x):\n    match x:\n        case Point(1, y=z) as p:\n            pass\n        case int(n) if n > 0:\n            pass\n        case _:\n            pass\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "DUP_TOP",
            "DUP_TOP",
            "LOAD_GLOBAL Point",
            "LOAD_CONST ('y',)",
            "MATCH_CLASS 1",
            "POP_JUMP_IF_FALSE 23",
            "DUP_TOP",
            "LOAD_CONST 0",
            "BINARY_SUBSCR",
            "LOAD_CONST 1",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 23",
            "DUP_TOP",
            "LOAD_CONST 1",
            "BINARY_SUBSCR",
            "ROT_THREE",
            "POP_TOP",
            "ROT_TWO",
            "STORE_FAST z",
            "STORE_FAST p",
            "POP_TOP",
            "JUMP_FORWARD 41",
            "POP_TOP",
            "POP_TOP",
            "LOAD_GLOBAL int",
            "LOAD_CONST ()",
            "MATCH_CLASS 1",
            "POP_JUMP_IF_FALSE 40",
            "DUP_TOP",
            "LOAD_CONST 0",
            "BINARY_SUBSCR",
            "ROT_TWO",
            "POP_TOP",
            "STORE_FAST n",
            "LOAD_FAST n",
            "LOAD_CONST 0",
            "COMPARE_OP >",
            "POP_JUMP_IF_FALSE 41",
            "JUMP_FORWARD 41",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn or_pattern_reorders_captures() {
    let src = "def f(x):\n    match x:\n        case [a, b] | [b, a]:\n            pass\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "DUP_TOP",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE 10",
            "GET_LEN",
            "LOAD_CONST 2",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 10",
            "UNPACK_SEQUENCE 2",
            "JUMP_FORWARD 24",
            "POP_TOP",
            "DUP_TOP",
            "MATCH_SEQUENCE",
            "POP_JUMP_IF_FALSE 21",
            "GET_LEN",
            "LOAD_CONST 2",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 21",
            "UNPACK_SEQUENCE 2",
            "ROT_TWO",
            "JUMP_FORWARD 24",
            "POP_TOP",
            "POP_TOP",
            "JUMP_FORWARD 29",
            "ROT_THREE",
            "ROT_THREE",
            "POP_TOP",
            "STORE_FAST a",
            "STORE_FAST b",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn values_singletons_and_or_with_capture() {
    let src = "def f(x):\n    match x:\n        case 1 | -2 | None:\n            return 0\n        case C.K | 'a' 'b' as s:\n            return s\n";
    assert_eq!(
        ops_of_f(src),
        [
            "LOAD_FAST x",
            "DUP_TOP",
            "DUP_TOP",
            "LOAD_CONST 1",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 7",
            "JUMP_FORWARD 19",
            "DUP_TOP",
            "LOAD_CONST -2",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 12",
            "JUMP_FORWARD 19",
            "DUP_TOP",
            "LOAD_CONST None",
            "IS_OP 0",
            "POP_JUMP_IF_FALSE 17",
            "JUMP_FORWARD 19",
            "POP_TOP",
            "JUMP_FORWARD 23",
            "POP_TOP",
            "POP_TOP",
            "LOAD_CONST 0",
            "RETURN_VALUE",
            "DUP_TOP",
            "DUP_TOP",
            "LOAD_GLOBAL C",
            "LOAD_ATTR K",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 30",
            "JUMP_FORWARD 37",
            "DUP_TOP",
            "LOAD_CONST 'ab'",
            "COMPARE_OP ==",
            "POP_JUMP_IF_FALSE 35",
            "JUMP_FORWARD 37",
            "POP_TOP",
            "JUMP_FORWARD 41",
            "POP_TOP",
            "STORE_FAST s",
            "LOAD_FAST s",
            "RETURN_VALUE",
            "POP_TOP",
            "LOAD_CONST None",
            "RETURN_VALUE",
        ]
    );
}

#[test]
fn captures_are_stored_by_scope() {
    // Module level: names; a function: fast locals; a captured cell: deref.
    let code = compile("match x:\n    case [a, *b]:\n        pass\n");
    let module = ops(&code);
    assert!(module.contains(&"STORE_NAME a".to_string()), "{module:?}");
    assert!(module.contains(&"STORE_NAME b".to_string()), "{module:?}");
    let src = "def f(x):\n    match x:\n        case {'k': v}:\n            return lambda: v\n";
    assert!(ops_of_f(src).contains(&"STORE_DEREF v".to_string()));
    // Private names are mangled in class bodies, as other bindings are.
    let code = compile("class C:\n    match x:\n        case __p:\n            pass\n");
    let body = ops(&find_code(&code, "C").expect("class body"));
    assert!(body.contains(&"STORE_NAME _C__p".to_string()), "{body:?}");
}

#[test]
fn match_in_generators_and_interactive_mode() {
    let code = compile(
        "def f(x):\n    match (yield x):\n        case [a] if (yield a):\n            yield a\n        case _:\n            pass\n",
    );
    for c in all_codes(&code) {
        check_stack(&c).unwrap();
    }
    let code = compile_mode("match 1:\n    case x:\n        x\n", Mode::Interactive).unwrap();
    assert!(ops(&code).contains(&"PRINT_EXPR".to_string()));
}
