//! Syntax colouring of the line being edited.
//!
//! The lexer's [`highlight`] pass never fails on half-typed input, so every
//! keystroke can recolour the whole line; lines at a prompt are short enough
//! for that to cost nothing noticeable.

use towel_lang::lexer::{highlight, TokenClass};

const RESET: &str = "\x1b[0m";

/// The escape sequence that starts a token class's colour, if it gets one.
fn colour(class: TokenClass) -> Option<&'static str> {
    match class {
        TokenClass::Keyword => Some("\x1b[1;35m"),
        TokenClass::Number => Some("\x1b[36m"),
        TokenClass::String => Some("\x1b[32m"),
        TokenClass::Comment => Some("\x1b[2;37m"),
        TokenClass::Name | TokenClass::Operator => None,
    }
}

/// `line` with ANSI colours around its keywords, numbers, strings and comments.
///
/// The text itself is unchanged (rustyline needs the same display width), and
/// spans that do not fall on character boundaries are left uncoloured rather
/// than risking a panic on a slice.
pub fn colourize(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let mut at = 0;
    for (span, class) in highlight(line) {
        let (start, end) = (span.start as usize, (span.end as usize).min(line.len()));
        let Some(code) = colour(class) else { continue };
        if start < at
            || start >= end
            || !line.is_char_boundary(start)
            || !line.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&line[at..start]);
        out.push_str(code);
        out.push_str(&line[start..end]);
        out.push_str(RESET);
        at = end;
    }
    out.push_str(&line[at..]);
    out
}

/// Whether colours should be used: not when `NO_COLOR` is set or the terminal is dumb.
pub fn enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn colours_keep_the_text() {
        for line in [
            "async def f(x): return x + 1  # done",
            "s = 'unterminated",
            "é = \"ü\" + 3.5e-3",
            "",
        ] {
            assert_eq!(strip(&colourize(line)), line);
        }
    }

    #[test]
    fn keywords_and_strings_are_coloured() {
        let c = colourize("await f('x')");
        assert!(c.starts_with("\x1b[1;35mawait\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[32m'x'\x1b[0m"), "{c:?}");
    }
}
