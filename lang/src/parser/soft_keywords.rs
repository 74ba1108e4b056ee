//! The soft keywords `match` and `case`.
//!
//! CPython's PEG parser tries a `match` statement wherever a statement
//! starts with the name `match`, and backtracks to an ordinary statement if
//! that fails, so `match = 1`, `match(x)` and `match[x]: int` keep working.
//! An LR(1) parser cannot backtrack, so the decision is made on the tokens
//! before parsing, and the names become [`Tok::Match`] / [`Tok::Case`]
//! only where they begin a match statement or one of its case blocks.
//!
//! A statement is a match statement when it starts with `match`, the next
//! token can begin its subject (an expression or `*`), and its logical line
//! ends with `:`. No other statement fits that shape: only compound
//! statements end their line with a colon, and all of them start with a
//! (hard) keyword. Whatever follows the colon is then the match statement's
//! to accept or reject, exactly as in CPython, whose `match_stmt` needs
//! `':' NEWLINE INDENT case_block+` (and whose error rules report a missing
//! block there).
//!
//! Inside the indented block of a match statement, each statement starting
//! with `case` begins a case block; `case` deeper inside a case body, or
//! anywhere else, stays a name.

use crate::lexer::{Spanned, Tok};

/// Turns the `match` and `case` names that begin match statements and
/// case blocks into keyword tokens.
pub fn mark_soft_keywords(tokens: &mut [Spanned]) {
    // Indentation depth (open INDENTs), and the depths at which an open
    // match statement's case blocks start.
    let mut depth = 0usize;
    let mut case_depths: Vec<usize> = Vec::new();
    let mut at_statement_start = true;
    for i in 0..tokens.len() {
        match &tokens[i].1 {
            Tok::Indent => {
                depth += 1;
                at_statement_start = true;
            }
            Tok::Dedent => {
                depth = depth.saturating_sub(1);
                while case_depths.last().is_some_and(|&d| d > depth) {
                    case_depths.pop();
                }
                at_statement_start = true;
            }
            Tok::Newline | Tok::StartModule => at_statement_start = true,
            Tok::Name(name) if at_statement_start => {
                at_statement_start = false;
                let (is_match, is_case) = (name == "match", name == "case");
                if is_match {
                    if let Some(newline) = match_header_end(tokens, i) {
                        tokens[i].1 = Tok::Match;
                        if matches!(tokens.get(newline + 1), Some((_, Tok::Indent, _))) {
                            case_depths.push(depth + 1);
                        }
                    }
                } else if is_case && case_depths.last() == Some(&depth) {
                    tokens[i].1 = Tok::Case;
                }
            }
            _ => at_statement_start = false,
        }
    }
}

/// If `tokens[at]` (the name `match` at a statement start) begins a match
/// statement, the index of the NEWLINE ending its header line.
fn match_header_end(tokens: &[Spanned], at: usize) -> Option<usize> {
    let next = &tokens.get(at + 1)?.1;
    if !(next.starts_expression() || *next == Tok::Star) {
        return None;
    }
    let newline = at + 1 + tokens[at + 1..].iter().position(|t| t.1 == Tok::Newline)?;
    (tokens[newline - 1].1 == Tok::Colon).then_some(newline)
}

#[cfg(test)]
mod tests {
    use crate::lexer::{tokenize, Tok};
    use crate::source::LineIndex;

    /// The source with each `match`/`case` keyword token shown in capitals.
    fn marked(src: &str) -> String {
        let index = LineIndex::new(src);
        let mut tokens = tokenize(src, &index).tokens;
        tokens.insert(0, (0, Tok::StartModule, 0));
        super::mark_soft_keywords(&mut tokens);
        let mut out = src.to_string();
        for (start, tok, end) in tokens {
            if matches!(tok, Tok::Match | Tok::Case) {
                out.replace_range(start..end, &src[start..end].to_uppercase());
            }
        }
        out
    }

    #[test]
    fn keywords_only_where_statements_begin() {
        let src =
            "match x:\n    case [1]:\n        case = match(1)\n    case _:\n        match = 2\n";
        assert_eq!(
            marked(src),
            "MATCH x:\n    CASE [1]:\n        case = match(1)\n    CASE _:\n        match = 2\n"
        );
    }

    #[test]
    fn names_elsewhere() {
        for src in [
            "match = 1\n",
            "match(x)\n",
            "match[x]: int\n",
            "match.x = 1\n",
            "match: int = 2\n",
            "print(match, case)\n",
            "case x:\n    pass\n",
            "x = lambda match: match\n",
        ] {
            assert_eq!(marked(src), src);
        }
    }

    #[test]
    fn nested_and_parenthesized() {
        let src = "match (a,\n       b):\n    case 1:\n        match -a:\n            case 2: pass\n    case 3: pass\ncase = 1\n";
        assert_eq!(
            marked(src),
            "MATCH (a,\n       b):\n    CASE 1:\n        MATCH -a:\n            CASE 2: pass\n    CASE 3: pass\ncase = 1\n"
        );
        // A lambda's colon inside the subject does not end the header.
        assert_eq!(
            marked("match lambda: 1:\n    case _: pass\n"),
            "MATCH lambda: 1:\n    CASE _: pass\n"
        );
    }
}
