//! `html` and `html.entities`: the HTML5 named character references come
//! from the `entities` crate (generated from the WHATWG's `entities.json`),
//! and character references are decoded natively (`unescape` runs over
//! every piece of text an HTML parser hands out). `escape` is towel source
//! (`html.py`).

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyDict, PyResult, Value};
use crate::vm::Vm;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(
        vm,
        "html",
        &[(&UNESCAPE_REFERENCES, unescape_references as NativeFn)],
    );
    super::exec_source(vm, &m, super::stdlib_source!("html.py"))?;
    Ok(m)
}

/// `html.entities`: `html5`, `name2codepoint`, `codepoint2name` and
/// `entitydefs`, built when first imported.
pub fn make_entities(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = vm.new_module("html.entities", None);
    // CPython's dicts list names alphabetically, ignoring case first.
    let mut html5_names: Vec<(&str, &str)> = html5_table().iter().map(|(n, t)| (*n, *t)).collect();
    html5_names.sort_by_key(|(name, _)| (name.to_lowercase(), *name));
    let html5 = PyDict::new();
    for (name, text) in html5_names {
        html5.set(vm, Value::str(name), Value::str(text))?;
    }
    let mut html4_names = HTML4_NAMES.to_vec();
    html4_names.sort_unstable();
    let name2codepoint = PyDict::new();
    let codepoint2name = PyDict::new();
    let entitydefs = PyDict::new();
    for name in html4_names {
        let codepoint = html4_code_point(name);
        name2codepoint.set(vm, Value::str(name), Value::Int(codepoint as i64))?;
        codepoint2name.set(vm, Value::Int(codepoint as i64), Value::str(name))?;
        let text = char::from_u32(codepoint)
            .map(String::from)
            .unwrap_or_default();
        entitydefs.set(vm, Value::str(name), Value::string(text))?;
    }
    super::set(&m, "html5", Value::dict(html5));
    super::set(&m, "name2codepoint", Value::dict(name2codepoint));
    super::set(&m, "codepoint2name", Value::dict(codepoint2name));
    super::set(&m, "entitydefs", Value::dict(entitydefs));
    let all = ["html5", "name2codepoint", "codepoint2name", "entitydefs"];
    super::set(
        &m,
        "__all__",
        Value::list(all.iter().map(|n| Value::str(n)).collect()),
    );
    Ok(m)
}

/// The HTML5 named references without their `&` (`"amp;"`, `"amp"`), to
/// the text each stands for.
fn html5_table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (e.entity.trim_start_matches('&'), e.characters))
            .collect()
    })
}

static UNESCAPE_REFERENCES: Signature =
    Signature::new(Style::Positional, "_unescape_references", "s, /")
        .doc("Return s with its character references replaced by the characters they name.");

/// Replaces every character reference in `s` (a str holding `&`) as HTML5's
/// tokenizer does: numeric ones by code point (with the spec's repairs),
/// named ones by the longest known name, the rest left as they are.
fn unescape_references(vm: &Vm, args: Args) -> PyResult {
    let ([s], []) = UNESCAPE_REFERENCES.bind(vm, args)?;
    let Value::Str(s) = s else {
        return Err(vm.type_error("_unescape_references() argument must be str"));
    };
    Ok(Value::string(unescape(s.as_str())))
}

/// The most characters a named reference may have before its `;`.
const MAX_NAME_CHARS: usize = 32;

pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let consumed = if let Some(numeric) = after.strip_prefix('#') {
            numeric_reference(numeric, &mut out)
        } else {
            named_reference(after, &mut out)
        };
        match consumed {
            Some(len) => rest = &after[len..],
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes `#123;`/`#x1F;` (the text after `&#`) into `out`; returns how
/// many bytes after the `&` it used, or `None` when no digits follow.
fn numeric_reference(numeric: &str, out: &mut String) -> Option<usize> {
    let (digits_at, radix) = match numeric.as_bytes().first() {
        Some(b'x' | b'X') => (1, 16),
        _ => (0, 10),
    };
    let digits = &numeric[digits_at..];
    let len = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if len == 0 {
        return None;
    }
    // Too many digits for a u32 is past the last code point all the same.
    let value = u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX);
    out.push_str(&code_point_text(value));
    let semicolon = digits[len..].starts_with(';') as usize;
    Some(1 + digits_at + len + semicolon)
}

/// The text HTML5 gives a numeric reference to `value`.
fn code_point_text(value: u32) -> String {
    match value {
        0 => "\u{FFFD}".into(),
        0x0D => "\r".into(),
        0x80..=0x9F => WINDOWS_1252_HIGH[(value - 0x80) as usize].to_string(),
        0xD800..=0xDFFF | 0x110000.. => "\u{FFFD}".into(),
        0x01..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F | 0xFDD0..=0xFDEF => String::new(),
        _ if value & 0xFFFE == 0xFFFE => String::new(),
        _ => char::from_u32(value).map(String::from).unwrap_or_default(),
    }
}

/// What HTML5 reads `&#128;`..`&#159;` as: the windows-1252 character of
/// that byte, or the C1 control itself where windows-1252 has none.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// Decodes a named reference (the text after `&`) into `out`: the whole
/// name with its `;` when known, else the longest known prefix (the legacy
/// names such as `amp` need no `;`). Returns the bytes used.
fn named_reference(after: &str, out: &mut String) -> Option<usize> {
    let name_len: usize = after
        .chars()
        .take_while(|c| !matches!(c, '\t' | '\n' | '\x0c' | ' ' | '<' | '&' | '#' | ';'))
        .take(MAX_NAME_CHARS)
        .map(char::len_utf8)
        .sum();
    if name_len == 0 {
        return None;
    }
    let with_semicolon = name_len + after[name_len..].starts_with(';') as usize;
    let table = html5_table();
    if let Some(text) = table.get(&after[..with_semicolon]) {
        out.push_str(text);
        return Some(with_semicolon);
    }
    // The longest prefix of at least two characters that names an entity;
    // what follows it stays as text.
    let candidate = &after[..with_semicolon];
    let mut ends: Vec<usize> = candidate.char_indices().map(|(i, _)| i).skip(2).collect();
    ends.reverse();
    for end in ends {
        if let Some(text) = table.get(&candidate[..end]) {
            out.push_str(text);
            out.push_str(&candidate[end..]);
            return Some(with_semicolon);
        }
    }
    None
}

/// HTML 4.01's 252 entities, by the groups of its DTD. Each has the code
/// point HTML5 gives its name, but for the two HTML5 moved
/// ([`html4_code_point`]).
const HTML4_NAMES: &[&str] = &[
    // Latin-1: U+00A0..U+00FF in order.
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
    // Symbols, mathematical symbols and Greek letters.
    "fnof", "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi",
    "Psi", "Omega", "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
    "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau",
    "upsilon", "phi", "chi", "psi", "omega", "thetasym", "upsih", "piv", "bull", "hellip", "prime",
    "Prime", "oline", "frasl", "weierp", "image", "real", "trade", "alefsym", "larr", "uarr",
    "rarr", "darr", "harr", "crarr", "lArr", "uArr", "rArr", "dArr", "hArr", "forall", "part",
    "exist", "empty", "nabla", "isin", "notin", "ni", "prod", "sum", "minus", "lowast", "radic",
    "prop", "infin", "ang", "and", "or", "cap", "cup", "int", "there4", "sim", "cong", "asymp",
    "ne", "equiv", "le", "ge", "sub", "sup", "nsub", "sube", "supe", "oplus", "otimes", "perp",
    "sdot", "lceil", "rceil", "lfloor", "rfloor", "lang", "rang", "loz", "spades", "clubs",
    "hearts", "diams", // Markup-significant and internationalisation characters.
    "quot", "amp", "lt", "gt", "OElig", "oelig", "Scaron", "scaron", "Yuml", "circ", "tilde",
    "ensp", "emsp", "thinsp", "zwnj", "zwj", "lrm", "rlm", "ndash", "mdash", "lsquo", "rsquo",
    "sbquo", "ldquo", "rdquo", "bdquo", "dagger", "Dagger", "permil", "lsaquo", "rsaquo", "euro",
];

/// HTML 4's code point for entity `name`: HTML5's, except its angle
/// brackets, which HTML5 moved from U+2329/U+232A to U+27E8/U+27E9.
fn html4_code_point(name: &str) -> u32 {
    match name {
        "lang" => 0x2329,
        "rang" => 0x232A,
        _ => {
            let text = html5_table()[format!("{name};").as_str()];
            text.chars().next().map_or(0, u32::from)
        }
    }
}
