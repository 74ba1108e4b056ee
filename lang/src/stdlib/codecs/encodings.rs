//! The text encodings towel knows, by name, and their byte-level rules.
//!
//! Decoding is a sequence of [`Step`]s from a position: a character and the
//! bytes it took, a fault (how many bytes, and CPython's reason), or "need
//! more bytes" for incremental decoders. Encoding asks each character's
//! bytes, or `None` when the encoding cannot represent it. The error
//! handlers (`handlers.rs`) work on top of both, the same for every
//! encoding.

/// An encoding, after its name was normalised and its aliases resolved.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Encoding {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Cp1252,
    /// IBM PC code page 437 (the DOS character set).
    Cp437,
    /// UTF-16 with a byte order mark (`utf-16`) or a fixed order.
    Utf16(Order),
    Utf32(Order),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    /// Byte order mark written when encoding, honoured when decoding
    /// (little-endian, the host's order, without one).
    Bom,
    Little,
    Big,
}

impl Encoding {
    /// The encoding of a name as Python programs spell it (`UTF8`, `latin1`,
    /// `ISO-8859-1`, `windows_1252`), as CPython's `encodings` package
    /// resolves it; `None` for names towel does not know.
    pub(crate) fn lookup(name: &str) -> Option<Encoding> {
        let normal: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        use Encoding::*;
        Some(match normal.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Utf8,
            "utf_8_sig" | "utf8_sig" => Utf8Sig,
            "ascii" | "us_ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv_1991" | "iso_ir_6" | "us" => Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Latin1,
            "cp1252" | "windows_1252" | "1252" => Cp1252,
            "cp437" | "437" | "ibm437" => Cp437,
            "utf_16" | "utf16" | "u16" => Utf16(Order::Bom),
            "utf_16_le" | "utf_16le" | "utf16le" => Utf16(Order::Little),
            "utf_16_be" | "utf_16be" | "utf16be" => Utf16(Order::Big),
            "utf_32" | "utf32" | "u32" => Utf32(Order::Bom),
            "utf_32_le" | "utf_32le" | "utf32le" => Utf32(Order::Little),
            "utf_32_be" | "utf_32be" | "utf32be" => Utf32(Order::Big),
            _ => return None,
        })
    }

    /// `CodecInfo.name`.
    pub(crate) fn name(self) -> &'static str {
        use Encoding::*;
        match self {
            Utf8 => "utf-8",
            Utf8Sig => "utf-8-sig",
            Ascii => "ascii",
            Latin1 => "iso8859-1",
            Cp1252 => "cp1252",
            Cp437 => "cp437",
            Utf16(Order::Bom) => "utf-16",
            Utf16(Order::Little) => "utf-16-le",
            Utf16(Order::Big) => "utf-16-be",
            Utf32(Order::Bom) => "utf-32",
            Utf32(Order::Little) => "utf-32-le",
            Utf32(Order::Big) => "utf-32-be",
        }
    }

    /// The name UnicodeErrors carry (CPython's codec functions name
    /// themselves: `latin-1`, `charmap`; BOM codecs report the order they
    /// read or wrote).
    pub(crate) fn error_name(self) -> &'static str {
        use Encoding::*;
        match self {
            Utf8 | Utf8Sig => "utf-8",
            Latin1 => "latin-1",
            Cp1252 | Cp437 => "charmap",
            Utf16(Order::Bom) => "utf-16-le",
            Utf32(Order::Bom) => "utf-32-le",
            other => other.name(),
        }
    }

    /// The stem of CPython's codec functions (`latin_1_encode`), which
    /// TypeErrors of `codecs.encode`/`decode` name.
    pub(crate) fn function_stem(self) -> &'static str {
        use Encoding::*;
        match self {
            Utf8 | Utf8Sig => "utf_8",
            Ascii => "ascii",
            Latin1 => "latin_1",
            Cp1252 | Cp437 => "charmap",
            Utf16(Order::Bom) => "utf_16",
            Utf16(Order::Little) => "utf_16_le",
            Utf16(Order::Big) => "utf_16_be",
            Utf32(Order::Bom) => "utf_32",
            Utf32(Order::Little) => "utf_32_le",
            Utf32(Order::Big) => "utf_32_be",
        }
    }

    /// Why a character cannot be encoded.
    pub(crate) fn encode_reason(self) -> &'static str {
        match self {
            Encoding::Ascii => "ordinal not in range(128)",
            Encoding::Latin1 => "ordinal not in range(256)",
            _ => "character maps to <undefined>",
        }
    }
}

// -- encoding -------------------------------------------------------------------------

/// The bytes that start an encoding's output (its byte order mark).
pub(crate) fn preamble(enc: Encoding) -> &'static [u8] {
    match enc {
        Encoding::Utf8Sig => b"\xef\xbb\xbf",
        Encoding::Utf16(Order::Bom) => b"\xff\xfe",
        Encoding::Utf32(Order::Bom) => b"\xff\xfe\x00\x00",
        _ => b"",
    }
}

/// Appends `c` in `enc`; false when `enc` cannot represent it.
pub(crate) fn encode_char(enc: Encoding, c: char, out: &mut Vec<u8>) -> bool {
    let n = c as u32;
    match enc {
        Encoding::Utf8 | Encoding::Utf8Sig => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        Encoding::Ascii if n < 0x80 => out.push(n as u8),
        Encoding::Latin1 if n < 0x100 => out.push(n as u8),
        Encoding::Cp1252 => match cp1252_byte(c) {
            Some(b) => out.push(b),
            None => return false,
        },
        Encoding::Cp437 if n < 0x80 => out.push(n as u8),
        Encoding::Cp437 => match CP437_HIGH.iter().position(|&m| m as u32 == n) {
            Some(i) => out.push(0x80 + i as u8),
            None => return false,
        },
        Encoding::Utf16(order) => {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.extend_from_slice(&match order {
                    Order::Big => unit.to_be_bytes(),
                    _ => unit.to_le_bytes(),
                });
            }
        }
        Encoding::Utf32(order) => out.extend_from_slice(&match order {
            Order::Big => n.to_be_bytes(),
            _ => n.to_le_bytes(),
        }),
        Encoding::Ascii | Encoding::Latin1 => return false,
    }
    true
}

/// Windows-1252's bytes 0x80-0x9f (0 where the code page leaves a byte
/// undefined); the other bytes are Latin-1's.
const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
    0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161,
    0x203a, 0x153, 0, 0x17e, 0x178,
];

/// Code page 437's bytes 0x80-0xff (its others are ASCII's), as CPython's
/// `cp437` codec maps them.
#[rustfmt::skip]
const CP437_HIGH: [u16; 128] = [
    0xc7, 0xfc, 0xe9, 0xe2, 0xe4, 0xe0, 0xe5, 0xe7, 0xea, 0xeb, 0xe8, 0xef, 0xee, 0xec, 0xc4,
    0xc5, 0xc9, 0xe6, 0xc6, 0xf4, 0xf6, 0xf2, 0xfb, 0xf9, 0xff, 0xd6, 0xdc, 0xa2, 0xa3, 0xa5,
    0x20a7, 0x192, 0xe1, 0xed, 0xf3, 0xfa, 0xf1, 0xd1, 0xaa, 0xba, 0xbf, 0x2310, 0xac, 0xbd,
    0xbc, 0xa1, 0xab, 0xbb, 0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510, 0x2514, 0x2534, 0x252c,
    0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256c, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a,
    0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580, 0x3b1, 0xdf, 0x393, 0x3c0, 0x3a3,
    0x3c3, 0xb5, 0x3c4, 0x3a6, 0x398, 0x3a9, 0x3b4, 0x221e, 0x3c6, 0x3b5, 0x2229, 0x2261, 0xb1,
    0x2265, 0x2264, 0x2320, 0x2321, 0xf7, 0x2248, 0xb0, 0x2219, 0xb7, 0x221a, 0x207f, 0xb2,
    0x25a0, 0xa0
];

fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    match n {
        0..=0x7f | 0xa0..=0xff => Some(n as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&m| m != 0 && m as u32 == n)
            .map(|i| 0x80 + i as u8),
    }
}

// -- decoding -------------------------------------------------------------------------

/// What the bytes at a position hold.
#[derive(Debug)]
pub(crate) enum Step {
    Char(char, usize),
    /// Undecodable bytes: how many, and why.
    Fault(usize, &'static str),
    /// The data ends inside a character (only when more may come).
    Incomplete,
}

/// The step at the start of `data`. `last` says no more bytes will follow.
pub(crate) fn decode_step(enc: Encoding, data: &[u8], last: bool) -> Step {
    let b = data[0];
    match enc {
        Encoding::Ascii if b < 0x80 => Step::Char(b as char, 1),
        Encoding::Ascii => Step::Fault(1, "ordinal not in range(128)"),
        Encoding::Latin1 => Step::Char(b as char, 1),
        Encoding::Cp1252 => match b {
            0x80..=0x9f => match CP1252_HIGH[(b - 0x80) as usize] {
                0 => Step::Fault(1, "character maps to <undefined>"),
                n => Step::Char(char::from_u32(n as u32).expect("a BMP character"), 1),
            },
            _ => Step::Char(b as char, 1),
        },
        Encoding::Cp437 if b < 0x80 => Step::Char(b as char, 1),
        Encoding::Cp437 => Step::Char(
            char::from_u32(CP437_HIGH[(b - 0x80) as usize] as u32).expect("a BMP character"),
            1,
        ),
        Encoding::Utf8 | Encoding::Utf8Sig => utf8_step(data, last),
        Encoding::Utf16(order) => utf16_step(order, data, last),
        Encoding::Utf32(order) => utf32_step(order, data, last),
    }
}

fn utf8_step(data: &[u8], last: bool) -> Step {
    let b = data[0];
    if b < 0x80 {
        return Step::Char(b as char, 1);
    }
    // Length, and the range the second byte must fall in (which excludes
    // overlong forms, surrogates and code points past U+10FFFF).
    let (len, second) = match b {
        0xc2..=0xdf => (2, 0x80..=0xbf),
        0xe0 => (3, 0xa0..=0xbf),
        0xe1..=0xec | 0xee..=0xef => (3, 0x80..=0xbf),
        0xed => (3, 0x80..=0x9f),
        0xf0 => (4, 0x90..=0xbf),
        0xf1..=0xf3 => (4, 0x80..=0xbf),
        0xf4 => (4, 0x80..=0x8f),
        _ => return Step::Fault(1, "invalid start byte"),
    };
    for k in 1..len {
        let Some(&c) = data.get(k) else {
            return if last {
                Step::Fault(k, "unexpected end of data")
            } else {
                Step::Incomplete
            };
        };
        let ok = if k == 1 {
            second.contains(&c)
        } else {
            (0x80..=0xbf).contains(&c)
        };
        if !ok {
            return Step::Fault(k, "invalid continuation byte");
        }
    }
    match std::str::from_utf8(&data[..len]) {
        Ok(s) => Step::Char(s.chars().next().expect("one character"), len),
        Err(_) => Step::Fault(1, "invalid start byte"),
    }
}

fn unit16(order: Order, b: &[u8]) -> u16 {
    match order {
        Order::Big => u16::from_be_bytes([b[0], b[1]]),
        _ => u16::from_le_bytes([b[0], b[1]]),
    }
}

fn utf16_step(order: Order, data: &[u8], last: bool) -> Step {
    if data.len() < 2 {
        return if last {
            Step::Fault(data.len(), "truncated data")
        } else {
            Step::Incomplete
        };
    }
    let u = unit16(order, data);
    match u {
        0xd800..=0xdbff => {
            if data.len() < 4 {
                return if last {
                    Step::Fault(data.len(), "unexpected end of data")
                } else {
                    Step::Incomplete
                };
            }
            let low = unit16(order, &data[2..]);
            if (0xdc00..=0xdfff).contains(&low) {
                let n = 0x10000 + (((u as u32) - 0xd800) << 10) + (low as u32 - 0xdc00);
                Step::Char(char::from_u32(n).expect("a valid pair"), 4)
            } else {
                Step::Fault(2, "illegal UTF-16 surrogate")
            }
        }
        0xdc00..=0xdfff => Step::Fault(2, "illegal encoding"),
        u => Step::Char(char::from_u32(u as u32).expect("not a surrogate"), 2),
    }
}

fn utf32_step(order: Order, data: &[u8], last: bool) -> Step {
    if data.len() < 4 {
        return if last {
            Step::Fault(data.len(), "truncated data")
        } else {
            Step::Incomplete
        };
    }
    let word = [data[0], data[1], data[2], data[3]];
    let n = match order {
        Order::Big => u32::from_be_bytes(word),
        _ => u32::from_le_bytes(word),
    };
    match char::from_u32(n) {
        Some(c) => Step::Char(c, 4),
        None if (0xd800..0xe000).contains(&n) => Step::Fault(
            4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        ),
        None => Step::Fault(4, "code point not in range(0x110000)"),
    }
}

/// For decoders that read a byte order mark: the order it gives and its
/// length, or the default order when `data` starts without one. `None`
/// while too few bytes have come to tell.
pub(crate) fn read_bom(enc: Encoding, data: &[u8], last: bool) -> Option<(Encoding, usize)> {
    match enc {
        Encoding::Utf16(Order::Bom) => match data {
            [0xff, 0xfe, ..] => Some((Encoding::Utf16(Order::Little), 2)),
            [0xfe, 0xff, ..] => Some((Encoding::Utf16(Order::Big), 2)),
            [_] | [] if !last => None,
            _ => Some((Encoding::Utf16(Order::Little), 0)),
        },
        Encoding::Utf32(Order::Bom) => match data {
            [0xff, 0xfe, 0, 0, ..] => Some((Encoding::Utf32(Order::Little), 4)),
            [0, 0, 0xfe, 0xff, ..] => Some((Encoding::Utf32(Order::Big), 4)),
            _ if data.len() < 4 && !last => None,
            _ => Some((Encoding::Utf32(Order::Little), 0)),
        },
        Encoding::Utf8Sig => match data {
            [0xef, 0xbb, 0xbf, ..] => Some((Encoding::Utf8, 3)),
            _ if data.len() < 3 && b"\xef\xbb\xbf".starts_with(data) && !last => None,
            _ => Some((Encoding::Utf8, 0)),
        },
        other => Some((other, 0)),
    }
}
