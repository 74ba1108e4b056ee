//! `zlib`: deflate compression on the system's zlib (through flate2's
//! `zlib` backend), so compressed bytes are CPython's byte for byte.
//!
//! `wbits` selects the container as in CPython: 9..15 a zlib stream,
//! -9..-15 raw deflate, 25..31 gzip, and for decompression 40..47 either
//! zlib or gzip (told apart by the gzip magic bytes), or 0 for the window
//! size in the stream's header.

use crate::objects::class::Layout as ClassLayout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyErr, PyResult, Value};
use crate::vm::types::{add_declared_methods, new_class};
use crate::vm::Vm;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[
    (&COMPRESS, compress),
    (&DECOMPRESS, decompress),
    (&CRC32, crc32),
    (&ADLER32, adler32),
    (&COMPRESSOBJ, compressobj),
    (&DECOMPRESSOBJ, decompressobj),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("MAX_WBITS", 15),
    ("DEFLATED", 8),
    ("DEF_MEM_LEVEL", 8),
    ("DEF_BUF_SIZE", 16384),
    ("Z_NO_COMPRESSION", 0),
    ("Z_BEST_SPEED", 1),
    ("Z_BEST_COMPRESSION", 9),
    ("Z_DEFAULT_COMPRESSION", -1),
    ("Z_DEFAULT_STRATEGY", 0),
    ("Z_FILTERED", 1),
    ("Z_HUFFMAN_ONLY", 2),
    ("Z_RLE", 3),
    ("Z_FIXED", 4),
    ("Z_NO_FLUSH", 0),
    ("Z_PARTIAL_FLUSH", 1),
    ("Z_SYNC_FLUSH", 2),
    ("Z_FULL_FLUSH", 3),
    ("Z_FINISH", 4),
    ("Z_BLOCK", 5),
    ("Z_TREES", 6),
];

/// The zlib version towel links (the system's, as CPython's).
const ZLIB_VERSION: &str = "1.2.13";

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "zlib", FUNCTIONS);
    for (name, value) in CONSTANTS {
        super::set(&m, name, Value::Int(*value));
    }
    super::set(&m, "ZLIB_VERSION", Value::str(ZLIB_VERSION));
    super::set(&m, "ZLIB_RUNTIME_VERSION", Value::str(ZLIB_VERSION));
    super::set(&m, "error", Value::Class(error_class(vm)));
    Ok(m)
}

fn error_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("zlib.error", |vm| {
        new_class(
            "error",
            std::slice::from_ref(&vm.exc.exception),
            ClassLayout::Exception,
            "zlib",
        )
    })
}

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&error_class(vm), msg)
}

fn int_arg(vm: &Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    v.map_or(Ok(default), |v| vm.to_index(v))
}

// -- containers and levels ------------------------------------------------------------

/// The stream format `wbits` asks for.
#[derive(Clone, Copy)]
enum Container {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// Decompression only: zlib or gzip, whichever the data is.
    Auto(u8),
}

fn container(wbits: i64, decompressing: bool) -> Option<Container> {
    let bits = |w: i64| u8::try_from(w).ok().filter(|w| (9..=15).contains(w));
    match wbits {
        0 if decompressing => Some(Container::Zlib(15)),
        8..=15 => bits(wbits.max(9)).map(Container::Zlib),
        -15..=-8 => bits((-wbits).max(9)).map(Container::Raw),
        24..=31 => bits((wbits - 16).max(9)).map(Container::Gzip),
        40..=47 if decompressing => bits((wbits - 32).max(9)).map(Container::Auto),
        _ => None,
    }
}

fn level(vm: &Vm, level: i64) -> PyResult<Compression> {
    match level {
        -1 => Ok(Compression::default()),
        0..=9 => Ok(Compression::new(level as u32)),
        _ => Err(error(vm, "Bad compression level")),
    }
}

fn compressor(vm: &Vm, level_arg: i64, wbits: i64) -> PyResult<Compress> {
    let Some(container) = container(wbits, false) else {
        return Err(error(vm, "Bad compression level"));
    };
    let level = level(vm, level_arg)?;
    Ok(match container {
        Container::Zlib(w) => Compress::new_with_window_bits(level, true, w),
        Container::Raw(w) => Compress::new_with_window_bits(level, false, w),
        Container::Gzip(w) | Container::Auto(w) => Compress::new_gzip(level, w),
    })
}

fn decompressor(container: Container, data: &[u8]) -> Decompress {
    match container {
        Container::Zlib(w) => Decompress::new_with_window_bits(true, w),
        Container::Raw(w) => Decompress::new_with_window_bits(false, w),
        Container::Gzip(w) => Decompress::new_gzip(w),
        Container::Auto(w) if data.starts_with(b"\x1f\x8b") => Decompress::new_gzip(w),
        Container::Auto(w) => Decompress::new_with_window_bits(true, w),
    }
}

/// Runs the compressor over all of `input` with `flush`, appending to `out`.
fn run_compress(
    vm: &Vm,
    c: &mut Compress,
    input: &[u8],
    flush: FlushCompress,
    out: &mut Vec<u8>,
    what: &str,
) -> PyResult<()> {
    let start = c.total_in();
    loop {
        out.reserve(input.len() / 2 + 1024);
        let consumed = (c.total_in() - start) as usize;
        let before = c.total_out();
        let status = c
            .compress_vec(&input[consumed..], out, flush)
            .map_err(|e| {
                error(
                    vm,
                    format!(
                        "Error -2 while {what}: {}",
                        e.message().unwrap_or("inconsistent stream state")
                    ),
                )
            })?;
        let done_input = (c.total_in() - start) as usize == input.len();
        let room_left = out.len() < out.capacity();
        match status {
            Status::StreamEnd => return Ok(()),
            _ if done_input && room_left && c.total_out() == before => return Ok(()),
            _ if done_input && room_left && !matches!(flush, FlushCompress::Finish) => {
                return Ok(())
            }
            _ => {}
        }
    }
}

// -- one-shot functions ---------------------------------------------------------------

static COMPRESS: Signature =
    Signature::new(Style::Clinic, "compress", "data, /, level=-1, wbits=15")
        .doc("Return data compressed with the given level.");
static DECOMPRESS: Signature = Signature::new(
    Style::Clinic,
    "decompress",
    "data, /, wbits=15, bufsize=16384",
)
.doc("Return the bytes the compressed data holds.");
static CRC32: Signature = Signature::new(Style::Positional, "zlib.crc32", "data, value=0, /")
    .doc("Return the CRC-32 checksum of data, continuing from value.");
static ADLER32: Signature = Signature::new(Style::Positional, "zlib.adler32", "data, value=1, /")
    .doc("Return the Adler-32 checksum of data, continuing from value.");

fn compress(vm: &Vm, args: Args) -> PyResult {
    let ([data], [lvl, wbits]) = COMPRESS.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let mut c = compressor(vm, int_arg(vm, lvl, -1)?, int_arg(vm, wbits, 15)?)?;
    let mut out = Vec::new();
    run_compress(
        vm,
        &mut c,
        &data,
        FlushCompress::Finish,
        &mut out,
        "compressing data",
    )?;
    Ok(Value::bytes(out))
}

fn decompress(vm: &Vm, args: Args) -> PyResult {
    let ([data], [wbits, bufsize]) = DECOMPRESS.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let wbits = int_arg(vm, wbits, 15)?;
    if int_arg(vm, bufsize, 16384)? < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let Some(container) = container(wbits, true) else {
        return Err(error(
            vm,
            "Error -2 while preparing to decompress data: inconsistent stream state",
        ));
    };
    let mut d = decompressor(container, &data);
    let mut out = Vec::new();
    let (_, ended) = run_decompress(vm, &mut d, &data, &mut out, usize::MAX)?;
    if !ended {
        return Err(error(
            vm,
            "Error -5 while decompressing data: incomplete or truncated stream",
        ));
    }
    Ok(Value::bytes(out))
}

/// Decompresses from `input` into `out` until the input is used, the
/// stream ends, or `out` holds `limit` bytes: (input bytes used, ended).
/// Output goes through a buffer no larger than the room left, so zlib
/// never consumes input whose output would not fit (that input stays for
/// `unconsumed_tail`).
fn run_decompress(
    vm: &Vm,
    d: &mut Decompress,
    input: &[u8],
    out: &mut Vec<u8>,
    limit: usize,
) -> PyResult<(usize, bool)> {
    let start = d.total_in();
    let mut chunk = vec![0u8; limit.min(64 * 1024)];
    loop {
        let used = (d.total_in() - start) as usize;
        let room = limit.saturating_sub(out.len()).min(chunk.len());
        if room == 0 {
            return Ok((used, false));
        }
        let before = (d.total_in(), d.total_out());
        let status = d
            .decompress(&input[used..], &mut chunk[..room], FlushDecompress::None)
            .map_err(|e| {
                let msg = e.message().unwrap_or("invalid data");
                let code = if msg == "requires a dictionary" {
                    2
                } else {
                    -3
                };
                error(vm, format!("Error {code} while decompressing data: {msg}"))
            })?;
        let produced = (d.total_out() - before.1) as usize;
        out.extend_from_slice(&chunk[..produced]);
        let used = (d.total_in() - start) as usize;
        match status {
            Status::StreamEnd => return Ok((used, true)),
            _ if (d.total_in(), d.total_out()) == before => return Ok((used, false)),
            _ => {}
        }
    }
}

fn crc32(vm: &Vm, args: Args) -> PyResult {
    let ([data], [value]) = CRC32.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let start = int_arg(vm, value, 0)? as u32;
    let mut hasher = crc32fast::Hasher::new_with_initial(start);
    hasher.update(&data);
    Ok(Value::Int(hasher.finalize() as i64))
}

fn adler32(vm: &Vm, args: Args) -> PyResult {
    let ([data], [value]) = ADLER32.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let start = int_arg(vm, value, 1)? as u32;
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += byte as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    Ok(Value::Int(((b << 16) | a) as i64))
}

// -- compressobj ----------------------------------------------------------------------

static COMPRESSOBJ: Signature = Signature::new(
    Style::Clinic,
    "compressobj",
    "level=-1, method=8, wbits=15, memLevel=8, strategy=0, zdict=None",
)
.doc("Return a compressor for data given in pieces.");

struct Compressor {
    class: Rc<Class>,
    /// `None` once flushed with Z_FINISH.
    state: RefCell<Option<Compress>>,
}

impl NativeObject for Compressor {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn compressobj(vm: &Vm, args: Args) -> PyResult {
    let ([], [lvl, method, wbits, mem_level, strategy, zdict]) = COMPRESSOBJ.bind(vm, args)?;
    let lvl = int_arg(vm, lvl, -1)?;
    let wbits = int_arg(vm, wbits, 15)?;
    let (method, mem_level) = (int_arg(vm, method, 8)?, int_arg(vm, mem_level, 8)?);
    let strategy = int_arg(vm, strategy, 0)?;
    if method != 8 || !(1..=9).contains(&mem_level) || container(wbits, false).is_none() {
        return Err(vm.value_error("Invalid initialization option"));
    }
    if !(-1..=9).contains(&lvl) || !(0..=4).contains(&strategy) {
        return Err(vm.value_error("Invalid initialization option"));
    }
    if mem_level != 8 || strategy != 0 {
        return Err(vm.not_implemented(
            "zlib.compressobj with a memLevel other than 8 or a strategy other than Z_DEFAULT_STRATEGY",
        ));
    }
    let mut c = compressor(vm, lvl, wbits)?;
    if let Some(dict) = zdict.filter(|v| !v.is_none()) {
        let dict = crate::stdlib::binascii::binary(vm, dict)?;
        c.set_dictionary(&dict)
            .map_err(|_| vm.value_error("Invalid dictionary"))?;
    }
    Ok(Value::native(Compressor {
        class: compressor_class(vm),
        state: RefCell::new(Some(c)),
    }))
}

static C_COMPRESS: Signature = Signature::new(Style::Exact, "compress", "$self, data, /")
    .doc("Return compressed output for more data (some may stay buffered).");
static C_FLUSH: Signature =
    Signature::new(Style::Positional, "flush", "$self, mode=zlib.Z_FINISH, /")
        .doc("Return the buffered compressed output; with Z_FINISH, end the stream.");
static C_COPY: Signature = Signature::new(Style::Exact, "copy", "$self, /")
    .doc("Return an independent copy of the compressor.");

fn compressor_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("zlib.Compress", |vm| {
        let c = new_class(
            "Compress",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "zlib",
        );
        add_declared_methods(
            &c,
            "Compress",
            &[
                (&C_COMPRESS, c_compress),
                (&C_FLUSH, c_flush),
                (&C_COPY, c_copy),
            ],
        );
        c
    })
}

fn this_compressor<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Compressor> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Compressor>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'zlib.Compress' object"))
}

fn c_compress(vm: &Vm, args: Args) -> PyResult {
    let c = this_compressor(vm, &args)?;
    let ([_, data], []) = C_COMPRESS.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let mut state = c.state.borrow_mut();
    let Some(stream) = state.as_mut() else {
        return Err(error(
            vm,
            "Error -2 while compressing data: inconsistent stream state",
        ));
    };
    let mut out = Vec::new();
    run_compress(
        vm,
        stream,
        &data,
        FlushCompress::None,
        &mut out,
        "compressing data",
    )?;
    Ok(Value::bytes(out))
}

fn c_flush(vm: &Vm, args: Args) -> PyResult {
    let c = this_compressor(vm, &args)?;
    let ([_], [mode]) = C_FLUSH.bind(vm, args)?;
    let mode = int_arg(vm, mode, 4)?;
    let flush = match mode {
        0 => return Ok(Value::bytes(Vec::new())),
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        4 => FlushCompress::Finish,
        _ => {
            return Err(error(
                vm,
                "Error -2 while flushing: inconsistent stream state",
            ))
        }
    };
    let mut state = c.state.borrow_mut();
    let Some(stream) = state.as_mut() else {
        return Err(error(
            vm,
            "Error -2 while flushing: inconsistent stream state",
        ));
    };
    let mut out = Vec::new();
    run_compress(vm, stream, &[], flush, &mut out, "flushing")?;
    if mode == 4 {
        *state = None;
    }
    Ok(Value::bytes(out))
}

fn c_copy(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented("zlib.Compress.copy"))
}

// -- decompressobj --------------------------------------------------------------------

static DECOMPRESSOBJ: Signature =
    Signature::new(Style::Clinic, "decompressobj", "wbits=15, zdict=b''")
        .doc("Return a decompressor for a stream given in pieces.");

struct Decompressor {
    class: Rc<Class>,
    container: Container,
    zdict: Option<Vec<u8>>,
    state: RefCell<DecompressState>,
}

struct DecompressState {
    /// Made on the first input (an `Auto` container looks at it first).
    stream: Option<Decompress>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
}

impl NativeObject for Decompressor {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        let state = self.state.borrow();
        match name {
            "unused_data" => Some(Ok(Value::bytes(state.unused_data.clone()))),
            "unconsumed_tail" => Some(Ok(Value::bytes(state.unconsumed_tail.clone()))),
            "eof" => Some(Ok(Value::from_bool(state.eof))),
            _ => None,
        }
    }
}

fn decompressobj(vm: &Vm, args: Args) -> PyResult {
    let ([], [wbits, zdict]) = DECOMPRESSOBJ.bind(vm, args)?;
    let Some(container) = container(int_arg(vm, wbits, 15)?, true) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let zdict = match zdict {
        Some(d) => {
            let d = crate::stdlib::binascii::binary(vm, d)?;
            (!d.is_empty()).then(|| d.into_owned())
        }
        None => None,
    };
    Ok(Value::native(Decompressor {
        class: decompressor_class(vm),
        container,
        zdict,
        state: RefCell::new(DecompressState {
            stream: None,
            unused_data: Vec::new(),
            unconsumed_tail: Vec::new(),
            eof: false,
        }),
    }))
}

static D_DECOMPRESS: Signature =
    Signature::new(Style::Clinic, "decompress", "$self, data, /, max_length=0")
        .doc("Return the decompressed output for more data, at most max_length bytes when given.");
static D_FLUSH: Signature = Signature::new(
    Style::Positional,
    "flush",
    "$self, length=zlib.DEF_BUF_SIZE, /",
)
.doc("Return the remaining decompressed output.");
static D_COPY: Signature = Signature::new(Style::Exact, "copy", "$self, /")
    .doc("Return an independent copy of the decompressor.");

fn decompressor_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("zlib.Decompress", |vm| {
        let c = new_class(
            "Decompress",
            std::slice::from_ref(&vm.types.object),
            ClassLayout::Builtin,
            "zlib",
        );
        add_declared_methods(
            &c,
            "Decompress",
            &[
                (&D_DECOMPRESS, d_decompress),
                (&D_FLUSH, d_flush),
                (&D_COPY, d_copy),
            ],
        );
        c
    })
}

fn this_decompressor<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a Decompressor> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Decompressor>())
        .ok_or_else(|| vm.type_error("descriptor requires a 'zlib.Decompress' object"))
}

impl Decompressor {
    /// Decompresses `data` (up to `limit` output bytes), keeping CPython's
    /// `unused_data` (bytes after the stream's end) and `unconsumed_tail`
    /// (input left because of the limit).
    fn feed(&self, vm: &Vm, data: &[u8], limit: usize) -> PyResult<Vec<u8>> {
        let mut state = self.state.borrow_mut();
        if state.eof {
            state.unused_data.extend_from_slice(data);
            return Ok(Vec::new());
        }
        if state.stream.is_none() {
            let mut d = decompressor(self.container, data);
            if let Some(dict) = &self.zdict {
                if matches!(self.container, Container::Raw(_)) {
                    d.set_dictionary(dict)
                        .map_err(|_| vm.value_error("Invalid dictionary"))?;
                }
            }
            state.stream = Some(d);
        }
        let stream = state.stream.as_mut().expect("made above");
        let base = stream.total_in();
        let mut out = Vec::new();
        let result = run_decompress(vm, stream, data, &mut out, limit);
        let (used, ended) = match result {
            Err(e) if self.zdict.is_some() && vm.err_is(&e, &error_class(vm)) => {
                // A zlib stream asks for its dictionary: give it and go on.
                let dict = self.zdict.as_ref().expect("checked");
                stream.set_dictionary(dict).map_err(|_| {
                    error(
                        vm,
                        "Error -3 while setting zdict: invalid distance too far back",
                    )
                })?;
                let done = ((stream.total_in() - base) as usize).min(data.len());
                let (more, ended) = run_decompress(vm, stream, &data[done..], &mut out, limit)?;
                (done + more, ended)
            }
            other => other?,
        };
        if ended {
            state.eof = true;
            state.unused_data.extend_from_slice(&data[used..]);
            state.unconsumed_tail.clear();
        } else {
            state.unconsumed_tail = data[used..].to_vec();
        }
        Ok(out)
    }
}

fn d_decompress(vm: &Vm, args: Args) -> PyResult {
    let d = this_decompressor(vm, &args)?;
    let ([_, data], [max_length]) = D_DECOMPRESS.bind(vm, args)?;
    let data = crate::stdlib::binascii::binary(vm, data)?;
    let max_length = int_arg(vm, max_length, 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 {
        usize::MAX
    } else {
        max_length as usize
    };
    Ok(Value::bytes(d.feed(vm, &data, limit)?))
}

fn d_flush(vm: &Vm, args: Args) -> PyResult {
    let d = this_decompressor(vm, &args)?;
    let ([_], [length]) = D_FLUSH.bind(vm, args)?;
    if int_arg(vm, length, 16384)? <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let tail = std::mem::take(&mut d.state.borrow_mut().unconsumed_tail);
    Ok(Value::bytes(d.feed(vm, &tail, usize::MAX)?))
}

fn d_copy(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented("zlib.Decompress.copy"))
}
