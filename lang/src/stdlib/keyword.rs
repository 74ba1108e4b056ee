//! `keyword`: the language's keywords, as the lexer knows them
//! (`lexer::KEYWORDS`), so the module cannot disagree with the parser.

use crate::lexer::{KEYWORDS, SOFT_KEYWORDS};
use crate::objects::{Module, Name, PyResult, PySet, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("keyword", None);
    super::set(
        &m,
        "__doc__",
        Value::str(
            "Keywords (from the lexer's table).\n\n\
             This file lists: kwlist, the keywords; softkwlist, the soft keywords;\n\
             iskeyword() and issoftkeyword(), membership tests for them.",
        ),
    );
    for (name, words, test) in [
        ("kwlist", KEYWORDS, "iskeyword"),
        ("softkwlist", SOFT_KEYWORDS, "issoftkeyword"),
    ] {
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        let items: Vec<Value> = sorted.iter().map(|w| Value::str(w)).collect();
        // As CPython's: the test is the bound `__contains__` of a frozenset.
        let set = PySet::new();
        for item in &items {
            set.add(vm, item.clone())?;
        }
        let contains = vm.get_attr(&Value::frozenset(set), &Name::new("__contains__"))?;
        super::set(&m, name, Value::list(items));
        super::set(&m, test, contains);
    }
    let all = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"];
    super::set(
        &m,
        "__all__",
        Value::list(all.iter().map(|n| Value::str(n)).collect()),
    );
    Ok(m)
}
