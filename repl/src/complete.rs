//! Tab completion: keywords, names in scope, module members and attributes
//! of live objects.
//!
//! Completion runs on the main thread, because the values it looks into live
//! in the VM; the line editor's thread asks for it through the session (see
//! [`crate::editor`]). Only dotted names are looked up (`asyncio.sl`,
//! `t.get_`), never arbitrary expressions, so pressing Tab cannot call a
//! function; an attribute lookup may still run a property, as in CPython's
//! rlcompleter.

use towel_lang::objects::{Module, Name, Value};
use towel_lang::Vm;

/// Python's keywords, for completion at the start of a name.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// What to insert for a keyword: rlcompleter's spacing, so that the next
/// thing can be typed straight away.
fn keyword_text(k: &str) -> String {
    match k {
        "finally" | "try" => format!("{k}:"),
        "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => k.to_string(),
        _ => format!("{k} "),
    }
}

/// The completions of the word that ends at byte `pos` of `line`: where the
/// replaced text starts, and the candidates (sorted, without duplicates).
pub fn complete(vm: &Vm, main: &Module, line: &str, pos: usize) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    // The dotted name before the cursor: identifier characters and dots.
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '_' || c == '.')
        .last()
        .map_or(pos, |(i, _)| i);
    let word = &before[word_start..];
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return (pos, Vec::new());
    }
    if is_import_context(&before[..word_start]) {
        // A dotted module name is completed from its last dot.
        let start = word
            .rfind('.')
            .map_or(word_start, |dot| word_start + dot + 1);
        let mut out: Vec<String> = module_names(word)
            .into_iter()
            .map(|n| n[start - word_start..].to_string())
            .collect();
        out.sort();
        return (start, out);
    }
    let mut out = match word.rsplit_once('.') {
        Some((base, prefix)) => {
            let start = pos - prefix.len();
            return (start, attributes(vm, main, base, prefix));
        }
        None => global_names(vm, main, word),
    };
    out.sort();
    out.dedup();
    (word_start, out)
}

/// Whether the text before a name makes it a module name (`import x`, `from x`).
fn is_import_context(before: &str) -> bool {
    let t = before.trim();
    (t == "import" || t == "from") && before.ends_with(char::is_whitespace)
}

/// Keywords, `__main__`'s names and the builtins that start with `prefix`
/// (callables with a `(`, as in rlcompleter).
fn global_names(vm: &Vm, main: &Module, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = KEYWORDS
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| keyword_text(k))
        .collect();
    let wanted =
        |n: &str| n.starts_with(prefix) && (prefix.starts_with('_') || !n.starts_with("__"));
    for ns in [&main.ns, &vm.builtins] {
        let names: Vec<(String, Value)> = ns
            .items()
            .into_iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), v)))
            .filter(|(k, _)| wanted(k))
            .collect();
        for (name, value) in names {
            let callable = towel_lang::builtins::is_callable(vm, &value);
            out.push(if callable { format!("{name}(") } else { name });
        }
    }
    out
}

/// Names of towel's own modules that start with `prefix`, one level at a
/// time: submodules (`asyncio.tasks`) once the prefix names their package.
fn module_names(prefix: &str) -> Vec<String> {
    towel_lang::stdlib::module_names()
        .filter(|n| {
            n.strip_prefix(prefix)
                .is_some_and(|rest| !rest.contains('.'))
        })
        .map(|n| n.to_string())
        .collect()
}

/// Attributes of the object named by the dotted name `base` that start with
/// `prefix`; private ones only when `prefix` starts with `_`. Callables get
/// a `(` as in rlcompleter.
fn attributes(vm: &Vm, main: &Module, base: &str, prefix: &str) -> Vec<String> {
    let Some(obj) = resolve(vm, main, base) else {
        return Vec::new();
    };
    let Some(dir) = vm.builtins.get_name(&Name::new("dir")) else {
        return Vec::new();
    };
    let Ok(names) = vm
        .call(&dir, std::slice::from_ref(&obj))
        .and_then(|l| vm.to_vec(&l))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for n in names {
        let Some(name) = n.as_str().map(str::to_string) else {
            continue;
        };
        if !name.starts_with(prefix) || (name.starts_with('_') && !prefix.starts_with('_')) {
            continue;
        }
        let callable = matches!(vm.get_attr_opt(&obj, &Name::new(&name)), Ok(Some(v)) if towel_lang::builtins::is_callable(vm, &v));
        out.push(if callable { format!("{name}(") } else { name });
    }
    out.sort();
    out.dedup();
    out
}

/// The value of a dotted name such as `asyncio.Task`, looked up without
/// evaluating anything else.
fn resolve(vm: &Vm, main: &Module, dotted: &str) -> Option<Value> {
    let mut parts = dotted.split('.');
    let first = parts.next().filter(|p| is_identifier(p))?;
    let name = Name::new(first);
    let mut cur = main
        .ns
        .get_name(&name)
        .or_else(|| vm.builtins.get_name(&name))?;
    for part in parts {
        if !is_identifier(part) {
            return None;
        }
        cur = vm.get_attr_opt(&cur, &Name::new(part)).ok()??;
    }
    Some(cur)
}

fn is_identifier(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(src: &str) -> (Vm, std::rc::Rc<Module>) {
        let vm = Vm::new();
        let m = vm.new_module("__main__", None);
        let code = vm
            .compile(src, "<stdin>", towel_lang::compiler::Mode::Exec)
            .unwrap_or_else(|e| panic!("{}", e.render()));
        assert!(vm.run_code(code, &m).is_ok());
        (vm, m)
    }

    #[test]
    fn names_in_scope_keywords_and_builtins() {
        let (vm, m) = session("prices = 1\nprint_me = 2\n");
        let (start, c) = complete(&vm, &m, "x = pri", 7);
        assert_eq!(start, 4);
        assert_eq!(c, ["prices", "print(", "print_me"]);
        let (_, c) = complete(&vm, &m, "whi", 3);
        assert_eq!(c, ["while "]);
    }

    #[test]
    fn attributes_of_live_objects() {
        let (vm, m) = session(
            "class A:\n    def method(self): pass\n    value = 3\n    _hidden = 1\na = A()\n",
        );
        let (start, c) = complete(&vm, &m, "a.", 2);
        assert_eq!(start, 2);
        assert_eq!(c, ["method(", "value"]);
        let (_, c) = complete(&vm, &m, "a._h", 4);
        assert_eq!(c, ["_hidden"]);
        let (_, c) = complete(&vm, &m, "nothing.x", 9);
        assert!(c.is_empty());
    }

    #[test]
    fn module_members_and_module_names() {
        let (vm, m) = session("import time\n");
        let (_, c) = complete(&vm, &m, "time.mono", 9);
        assert_eq!(c, ["monotonic(", "monotonic_ns("]);
        let (start, c) = complete(&vm, &m, "import asynci", 13);
        assert_eq!((start, c), (7, vec!["asyncio".to_string()]));
        let (start, c) = complete(&vm, &m, "from asyncio.ta", 15);
        assert_eq!((start, c), (13, vec!["taskgroups".into(), "tasks".into()]));
    }
}
