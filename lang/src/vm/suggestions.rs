//! "Did you mean" hints: the closest name to a mistyped one, appended to
//! the last line of a traceback for `AttributeError` and `NameError`
//! (`AttributeError: module 'math' has no attribute 'sqr'. Did you mean:
//! 'sqrt'?`), as CPython 3.11's interpreter prints them (its `traceback`
//! module does not: `ReportOptions::suggestions`).
//!
//! # How it works
//! The distance between two names is an edit distance in which inserting,
//! deleting or replacing a byte costs 2 and changing only a letter's case
//! costs 1. A candidate is accepted when at most about a third of the
//! bytes involved change (`(len(a) + len(b) + 3) * 2 / 6`), and the closest
//! candidate wins; among equally close ones, the first in the candidates'
//! order. Like CPython, long names and very long candidate lists give no hint.

use crate::objects::{Name, PyResult, Value};
use crate::vm::Vm;

/// What an insertion, a deletion or a replacement costs.
const MOVE_COST: usize = 2;
/// What replacing a letter by itself in the other case costs.
const CASE_COST: usize = 1;
/// Names longer than this (in UTF-8 bytes) are never compared.
const MAX_NAME_BYTES: usize = 40;
/// Candidate lists this long give no hint (comparing would be too slow).
const MAX_CANDIDATES: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b`, or anything above `max_cost` once it
/// is certain to be above it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_NAME_BYTES || b.len() > MAX_NAME_BYTES {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost of turning a[..=i] into the part of b seen so far.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(bc, ac);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `wrong`, if one is close enough.
fn closest<'a>(wrong: &str, candidates: &'a [String]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for candidate in candidates {
        if candidate == wrong {
            continue;
        }
        let allowed = (wrong.len() + candidate.len() + 3) * MOVE_COST / 6;
        let allowed = best.map_or(allowed, |(_, d)| allowed.min(d.saturating_sub(1)));
        let d = distance(wrong.as_bytes(), candidate.as_bytes(), allowed);
        if d <= allowed && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((candidate, d));
        }
    }
    best.map(|(name, _)| name)
}

/// Where the names a `NameError` may have meant are: the code's local
/// variables, then the globals, then the builtins, each searched in turn.
pub(crate) struct NameScopes {
    pub(crate) locals: Vec<String>,
    pub(crate) globals: Vec<String>,
    pub(crate) builtins: Vec<String>,
}

impl Vm {
    /// The hint for `exc`, when it is an `AttributeError` or `NameError`
    /// with a close alternative; `scopes` says where a `NameError` was raised.
    pub(crate) fn suggestion(&self, exc: &Value, scopes: Option<&NameScopes>) -> Option<String> {
        let class = self.class_of(exc);
        let wrong = self.lookup_attr(exc, "name").ok().flatten()?;
        let wrong = wrong.as_str()?.to_string();
        if class.is_subclass(&self.exc.attribute_error) {
            let obj = self.lookup_attr(exc, "obj").ok().flatten()?;
            let names = self.dir_names(&obj).ok()?;
            return closest(&wrong, &names).map(str::to_string);
        }
        if class.is_subclass(&self.exc.name_error) {
            let scopes = scopes?;
            return [&scopes.locals, &scopes.globals, &scopes.builtins]
                .into_iter()
                .find_map(|names| closest(&wrong, names))
                .map(str::to_string);
        }
        None
    }

    /// `sorted(dir(obj))` as strings.
    fn dir_names(&self, obj: &Value) -> PyResult<Vec<String>> {
        let dir = self
            .builtins
            .get_name(&Name::new("dir"))
            .ok_or_else(|| self.runtime_error("dir is missing"))?;
        let names = self.to_vec(&self.call(&dir, std::slice::from_ref(obj))?)?;
        Ok(names
            .iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn distances_weigh_case_changes_half() {
        assert_eq!(distance(b"abc", b"abc", 10), 0);
        assert_eq!(distance(b"abc", b"aBc", 10), CASE_COST);
        assert_eq!(distance(b"abc", b"abd", 10), MOVE_COST);
        assert_eq!(distance(b"abc", b"ab", 10), MOVE_COST);
        assert!(distance(b"abcdef", b"uvwxyz", 3) > 3);
    }

    #[test]
    fn the_closest_candidate_wins_and_ties_keep_the_first() {
        let c = names(&["counter", "count", "print"]);
        assert_eq!(closest("countr", &c), Some("counter"));
        assert_eq!(closest("sqr", &names(&["sqrt", "sqr2"])), Some("sqrt"));
        assert_eq!(closest("zzzz", &c), None);
        assert_eq!(closest("print", &names(&["print"])), None);
    }
}
