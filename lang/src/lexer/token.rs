//! The tokens the parser consumes.

use num_bigint::BigInt;
use std::fmt;

/// Which prefix letters a string literal carried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrFlags {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

/// One string literal as written: its prefix and where its body lies.
///
/// Decoding escapes (and splitting f-strings) happens in the parser, as in
/// CPython, so that errors found there are reported with parser locations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrTok {
    pub flags: StrFlags,
    /// Byte range of the text between the quotes.
    pub body_start: u32,
    pub body_end: u32,
    /// 1 or 3.
    pub quote_len: u8,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    Imag(f64),
    Str(StrTok),
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    /// Marks the start of a module parse (one parser table serves all entry points).
    StartModule,
    /// Marks the start of an expression parse.
    StartExpression,
    /// The parentheses of `with (a as b, c as d):`, told apart from a
    /// parenthesized expression before parsing (LR(1) cannot).
    WithLpar,
    WithRpar,
    /// The soft keywords `match` and `case` where they begin a `match`
    /// statement or one of its `case` blocks (decided before parsing, by
    /// `parser::soft_keywords`); everywhere else they stay names.
    Match,
    Case,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Operators and delimiters.
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
    /// A character CPython's tokenizer passes on as a one-character operator
    /// that no rule accepts (`$`, `?`, `!`, a backtick): the parser reports
    /// `invalid syntax` there.
    Unknown,
}

/// The keywords, each with its token, written once: the lexer's lookup,
/// the spelling of a keyword token and the `keyword` module's `kwlist` all
/// come from this list.
macro_rules! keywords {
    ($($text:literal => $tok:ident,)*) => {
        /// Every keyword's spelling, in the order of the list below.
        pub(crate) const KEYWORDS: &[&str] = &[$($text),*];

        impl Tok {
            /// The keyword token spelled `name`, if it is one.
            pub fn keyword(name: &str) -> Option<Tok> {
                Some(match name {
                    $($text => Tok::$tok,)*
                    _ => return None,
                })
            }

            /// The spelling of a keyword token.
            pub fn keyword_text(&self) -> Option<&'static str> {
                Some(match self {
                    $(Tok::$tok => $text,)*
                    _ => return None,
                })
            }
        }
    };
}

keywords! {
    "False" => False,
    "None" => None,
    "True" => True,
    "and" => And,
    "as" => As,
    "assert" => Assert,
    "async" => Async,
    "await" => Await,
    "break" => Break,
    "class" => Class,
    "continue" => Continue,
    "def" => Def,
    "del" => Del,
    "elif" => Elif,
    "else" => Else,
    "except" => Except,
    "finally" => Finally,
    "for" => For,
    "from" => From,
    "global" => Global,
    "if" => If,
    "import" => Import,
    "in" => In,
    "is" => Is,
    "lambda" => Lambda,
    "nonlocal" => Nonlocal,
    "not" => Not,
    "or" => Or,
    "pass" => Pass,
    "raise" => Raise,
    "return" => Return,
    "try" => Try,
    "while" => While,
    "with" => With,
    "yield" => Yield,
}

/// Names that are keywords only where the grammar says so (`match`,
/// `case` and the wildcard `_` of patterns), as `keyword.softkwlist`.
pub(crate) const SOFT_KEYWORDS: &[&str] = &["_", "case", "match"];

impl Tok {
    pub fn is_keyword(&self) -> bool {
        self.keyword_text().is_some()
    }

    /// True for tokens that can begin an expression.
    pub fn starts_expression(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::Await
                | Tok::Lambda
                | Tok::Not
                | Tok::Lpar
                | Tok::Lsqb
                | Tok::Lbrace
                | Tok::Plus
                | Tok::Minus
                | Tok::Tilde
                | Tok::Ellipsis
        )
    }
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(k) = self.keyword_text() {
            return f.write_str(k);
        }
        let s = match self {
            Tok::Name(n) => return write!(f, "{n}"),
            Tok::Int(i) => return write!(f, "{i}"),
            Tok::Float(x) | Tok::Imag(x) => return write!(f, "{x}"),
            Tok::Str(_) => "<string>",
            Tok::Newline => "NEWLINE",
            Tok::Indent => "INDENT",
            Tok::Dedent => "DEDENT",
            Tok::EndOfFile => "ENDMARKER",
            Tok::StartModule | Tok::StartExpression => "<start>",
            Tok::Lpar | Tok::WithLpar => "(",
            Tok::WithRpar => ")",
            Tok::Match => "match",
            Tok::Case => "case",
            Tok::Rpar => ")",
            Tok::Lsqb => "[",
            Tok::Rsqb => "]",
            Tok::Lbrace => "{",
            Tok::Rbrace => "}",
            Tok::Colon => ":",
            Tok::Comma => ",",
            Tok::Semi => ";",
            Tok::Plus => "+",
            Tok::Minus => "-",
            Tok::Star => "*",
            Tok::Slash => "/",
            Tok::Vbar => "|",
            Tok::Amper => "&",
            Tok::Less => "<",
            Tok::Greater => ">",
            Tok::Equal => "=",
            Tok::Dot => ".",
            Tok::Percent => "%",
            Tok::EqEqual => "==",
            Tok::NotEqual => "!=",
            Tok::LessEqual => "<=",
            Tok::GreaterEqual => ">=",
            Tok::Tilde => "~",
            Tok::Circumflex => "^",
            Tok::LeftShift => "<<",
            Tok::RightShift => ">>",
            Tok::DoubleStar => "**",
            Tok::PlusEqual => "+=",
            Tok::MinEqual => "-=",
            Tok::StarEqual => "*=",
            Tok::SlashEqual => "/=",
            Tok::PercentEqual => "%=",
            Tok::AmperEqual => "&=",
            Tok::VbarEqual => "|=",
            Tok::CircumflexEqual => "^=",
            Tok::LeftShiftEqual => "<<=",
            Tok::RightShiftEqual => ">>=",
            Tok::DoubleStarEqual => "**=",
            Tok::DoubleSlash => "//",
            Tok::DoubleSlashEqual => "//=",
            Tok::At => "@",
            Tok::AtEqual => "@=",
            Tok::Rarrow => "->",
            Tok::Ellipsis => "...",
            Tok::ColonEqual => ":=",
            Tok::Unknown => "<unknown>",
            _ => "<keyword>",
        };
        f.write_str(s)
    }
}
