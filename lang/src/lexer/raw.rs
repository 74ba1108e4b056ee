//! The raw tokens `logos` recognises; the layer in `mod.rs` builds on them.

use super::token::Tok;
use logos::Logos;

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Raw {
    #[regex(r"[ \t\x0c]+")]
    Whitespace,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// A backslash ending a line: the next line continues this one.
    #[regex(r"\\(\r\n|\n|\r)")]
    Continuation,
    /// A backslash followed by anything else: an error.
    #[token("\\")]
    Backslash,
    /// Names and keywords; names with non-ASCII characters are checked
    /// against Unicode's identifier rules afterwards.
    #[regex(r"[A-Za-z_\x80-\u{10FFFF}][A-Za-z0-9_\x80-\u{10FFFF}]*")]
    Name,
    /// The first character(s) of a number; the rest is scanned by hand to
    /// reproduce CPython's errors.
    #[regex(r"[0-9]|\.[0-9]")]
    Number,
    /// A string prefix and opening quote; the body is scanned by hand.
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#)]
    StringStart,
    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    Rarrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

impl Raw {
    /// The parser token for an operator or delimiter.
    pub fn tok(self) -> Tok {
        match self {
            Raw::Lpar => Tok::Lpar,
            Raw::Rpar => Tok::Rpar,
            Raw::Lsqb => Tok::Lsqb,
            Raw::Rsqb => Tok::Rsqb,
            Raw::Lbrace => Tok::Lbrace,
            Raw::Rbrace => Tok::Rbrace,
            Raw::Colon => Tok::Colon,
            Raw::Comma => Tok::Comma,
            Raw::Semi => Tok::Semi,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::Vbar => Tok::Vbar,
            Raw::Amper => Tok::Amper,
            Raw::Less => Tok::Less,
            Raw::Greater => Tok::Greater,
            Raw::Equal => Tok::Equal,
            Raw::Dot => Tok::Dot,
            Raw::Percent => Tok::Percent,
            Raw::EqEqual => Tok::EqEqual,
            Raw::NotEqual => Tok::NotEqual,
            Raw::LessEqual => Tok::LessEqual,
            Raw::GreaterEqual => Tok::GreaterEqual,
            Raw::Tilde => Tok::Tilde,
            Raw::Circumflex => Tok::Circumflex,
            Raw::LeftShift => Tok::LeftShift,
            Raw::RightShift => Tok::RightShift,
            Raw::DoubleStar => Tok::DoubleStar,
            Raw::PlusEqual => Tok::PlusEqual,
            Raw::MinEqual => Tok::MinEqual,
            Raw::StarEqual => Tok::StarEqual,
            Raw::SlashEqual => Tok::SlashEqual,
            Raw::PercentEqual => Tok::PercentEqual,
            Raw::AmperEqual => Tok::AmperEqual,
            Raw::VbarEqual => Tok::VbarEqual,
            Raw::CircumflexEqual => Tok::CircumflexEqual,
            Raw::LeftShiftEqual => Tok::LeftShiftEqual,
            Raw::RightShiftEqual => Tok::RightShiftEqual,
            Raw::DoubleStarEqual => Tok::DoubleStarEqual,
            Raw::DoubleSlash => Tok::DoubleSlash,
            Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
            Raw::At => Tok::At,
            Raw::AtEqual => Tok::AtEqual,
            Raw::Rarrow => Tok::Rarrow,
            Raw::Ellipsis => Tok::Ellipsis,
            Raw::ColonEqual => Tok::ColonEqual,
            _ => Tok::Unknown,
        }
    }

    pub fn is_operator(self) -> bool {
        !matches!(
            self,
            Raw::Whitespace
                | Raw::Comment
                | Raw::Newline
                | Raw::Continuation
                | Raw::Backslash
                | Raw::Name
                | Raw::Number
                | Raw::StringStart
        )
    }
}
