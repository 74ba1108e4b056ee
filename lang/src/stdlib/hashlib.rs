//! `hashlib`: message digests on RustCrypto's hash crates (MD5, SHA-1, the
//! SHA-2 and SHA-3 families, SHAKE) and on `blake2b_simd`/`blake2s_simd` for
//! BLAKE2, whose every CPython parameter (key, salt, person, the tree
//! parameters, any digest size) they support. Objects look as CPython's do
//! when it is built on OpenSSL: `hashlib.md5` is the function
//! `openssl_md5` and makes `_hashlib.HASH` objects, the SHAKEs make
//! `_hashlib.HASHXOF`, and `blake2b`/`blake2s` are the classes of
//! `_blake2`. `hashlib.py` adds `file_digest`.

use super::binascii::binary;
use crate::objects::bytes::bytes_like;
use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use digest::{DynDigest, ExtendableOutput, Update, XofReader};
use std::any::Any;
use std::cell::RefCell;
use std::fmt::Write;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(vm, "hashlib", &[]);
    // `hashlib.md5` is the native named `openssl_md5`, as in CPython.
    for row in CONSTRUCTORS {
        let name = row.0.name().trim_start_matches("openssl_");
        super::set(&m, name, crate::builtins::native_row(row));
    }
    super::set(
        &m,
        "new",
        crate::builtins::native_row(&(&NEW, new as NativeFn)),
    );
    for (sig, func) in [(&PBKDF2_HMAC, pbkdf2_hmac as NativeFn), (&SCRYPT, scrypt)] {
        super::set(&m, sig.name(), crate::builtins::native_row(&(sig, func)));
    }
    let classes = classes(vm);
    super::set(&m, "blake2b", Value::Class(classes.blake2b.clone()));
    super::set(&m, "blake2s", Value::Class(classes.blake2s.clone()));
    let names = |names: &[&str]| -> PyResult<Rc<crate::objects::PySet>> {
        let set = crate::objects::PySet::new();
        for n in names {
            set.add(vm, Value::str(n))?;
        }
        Ok(Rc::new(set))
    };
    let mut guaranteed: Vec<&str> = ALGORITHMS.iter().map(|a| a.name).collect();
    guaranteed.retain(|n| !n.starts_with("sha512_"));
    guaranteed.extend(["blake2b", "blake2s"]);
    let mut available: Vec<&str> = ALGORITHMS.iter().map(|a| a.name).collect();
    available.extend(["blake2b", "blake2s"]);
    super::set(
        &m,
        "algorithms_guaranteed",
        Value::FrozenSet(names(&guaranteed)?),
    );
    super::set(
        &m,
        "algorithms_available",
        Value::FrozenSet(names(&available)?),
    );
    super::exec_source(vm, &m, super::stdlib_source!("hashlib.py"))?;
    Ok(m)
}

// -- algorithms -------------------------------------------------------------------

/// A digest with a fixed output size or an extendable one (SHAKE).
struct Algorithm {
    name: &'static str,
    block_size: usize,
    start: fn() -> State,
}

fn boxed<D: DynDigest + Default + 'static>() -> State {
    State::Fixed(Box::<D>::default())
}

/// Every algorithm but BLAKE2, by CPython's name. `sha512_224` and
/// `sha512_256` are available but not guaranteed, as with OpenSSL.
const ALGORITHMS: &[Algorithm] = &[
    Algorithm {
        name: "md5",
        block_size: 64,
        start: boxed::<md5::Md5>,
    },
    Algorithm {
        name: "sha1",
        block_size: 64,
        start: boxed::<sha1::Sha1>,
    },
    Algorithm {
        name: "sha224",
        block_size: 64,
        start: boxed::<sha2::Sha224>,
    },
    Algorithm {
        name: "sha256",
        block_size: 64,
        start: boxed::<sha2::Sha256>,
    },
    Algorithm {
        name: "sha384",
        block_size: 128,
        start: boxed::<sha2::Sha384>,
    },
    Algorithm {
        name: "sha512",
        block_size: 128,
        start: boxed::<sha2::Sha512>,
    },
    Algorithm {
        name: "sha512_224",
        block_size: 128,
        start: boxed::<sha2::Sha512_224>,
    },
    Algorithm {
        name: "sha512_256",
        block_size: 128,
        start: boxed::<sha2::Sha512_256>,
    },
    Algorithm {
        name: "sha3_224",
        block_size: 144,
        start: boxed::<sha3::Sha3_224>,
    },
    Algorithm {
        name: "sha3_256",
        block_size: 136,
        start: boxed::<sha3::Sha3_256>,
    },
    Algorithm {
        name: "sha3_384",
        block_size: 104,
        start: boxed::<sha3::Sha3_384>,
    },
    Algorithm {
        name: "sha3_512",
        block_size: 72,
        start: boxed::<sha3::Sha3_512>,
    },
    Algorithm {
        name: "shake_128",
        block_size: 168,
        start: || State::Shake128(Default::default()),
    },
    Algorithm {
        name: "shake_256",
        block_size: 136,
        start: || State::Shake256(Default::default()),
    },
];

/// The algorithm a name stands for: CPython's names, in any case, and
/// OpenSSL's spellings with a dash (`SHA-256`, `sha3-256`).
fn algorithm(name: &str) -> Option<&'static Algorithm> {
    let name = name.to_ascii_lowercase();
    let canonical = match name.as_str() {
        "sha-1" => "sha1",
        "sha-224" => "sha224",
        "sha-256" => "sha256",
        "sha-384" => "sha384",
        "sha-512" => "sha512",
        "sha-512/224" | "sha512-224" => "sha512_224",
        "sha-512/256" | "sha512-256" => "sha512_256",
        other => other,
    }
    .replace('-', "_");
    ALGORITHMS.iter().find(|a| a.name == canonical)
}

#[derive(Clone)]
enum State {
    Fixed(Box<dyn DynDigest>),
    Shake128(shake::Shake128),
    Shake256(shake::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Fixed(d) => d.update(data),
            State::Shake128(s) => s.update(data),
            State::Shake256(s) => s.update(data),
            State::Blake2b(s) => {
                s.update(data);
            }
            State::Blake2s(s) => {
                s.update(data);
            }
        }
    }

    /// The digest so far, leaving the state as it is; `length` is the
    /// output wanted from an extendable function.
    fn digest(&self, length: usize) -> Vec<u8> {
        fn xof(s: impl ExtendableOutput, length: usize) -> Vec<u8> {
            let mut out = vec![0; length];
            s.finalize_xof().read(&mut out);
            out
        }
        match self {
            State::Fixed(d) => d.box_clone().finalize().into_vec(),
            State::Shake128(s) => xof(s.clone(), length),
            State::Shake256(s) => xof(s.clone(), length),
            State::Blake2b(s) => s.finalize().as_bytes().to_vec(),
            State::Blake2s(s) => s.finalize().as_bytes().to_vec(),
        }
    }
}

/// A hash object of any of the four classes.
pub struct Hash {
    class: Rc<Class>,
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    state: RefCell<State>,
}

impl NativeObject for Hash {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "name" => Value::str(self.name),
            "digest_size" => Value::Int(self.digest_size as i64),
            "block_size" => Value::Int(self.block_size as i64),
            _ => return None,
        }))
    }
}

impl Hash {
    fn feed(&self, vm: &Vm, data: &Value) -> PyResult<()> {
        if let Value::Str(_) = data {
            return Err(vm.type_error("Strings must be encoded before hashing"));
        }
        let bytes = bytes_like(data)
            .ok_or_else(|| vm.type_error("object supporting the buffer API required"))?;
        self.state.borrow_mut().update(&bytes);
        Ok(())
    }
}

/// The classes, made on first use.
struct Classes {
    hash: Rc<Class>,
    hash_xof: Rc<Class>,
    blake2b: Rc<Class>,
    blake2s: Rc<Class>,
}

fn classes(vm: &Vm) -> Classes {
    let class = |key: &'static str,
                 name: &'static str,
                 module: &'static str,
                 methods: &[(&'static Signature, NativeFn)]| {
        vm.lazy_class(key, |vm| {
            let c = new_class(
                name,
                std::slice::from_ref(&vm.types.object),
                Layout::Builtin,
                module,
            );
            add_declared_methods(&c, name, COMMON_METHODS);
            add_declared_methods(&c, name, methods);
            let new: NativeFn = if module == "_blake2" {
                blake2_new
            } else {
                no_new
            };
            add_methods(&c, name, &[("__new__", new)]);
            c
        })
    };
    let classes = Classes {
        hash: class("_hashlib.HASH", "HASH", "_hashlib", FIXED_METHODS),
        hash_xof: class("_hashlib.HASHXOF", "HASHXOF", "_hashlib", XOF_METHODS),
        blake2b: class("_blake2.blake2b", "blake2b", "_blake2", BLAKE2B_METHODS),
        blake2s: class("_blake2.blake2s", "blake2s", "_blake2", BLAKE2S_METHODS),
    };
    for (c, key, salt, person, digest) in [
        (&classes.blake2b, 64, 16, 16, 64),
        (&classes.blake2s, 32, 8, 8, 32),
    ] {
        c.set_attr("SALT_SIZE", Value::Int(salt));
        c.set_attr("PERSON_SIZE", Value::Int(person));
        c.set_attr("MAX_KEY_SIZE", Value::Int(key));
        c.set_attr("MAX_DIGEST_SIZE", Value::Int(digest));
    }
    classes
}

fn hash_object(vm: &Vm, algo: &'static Algorithm) -> Hash {
    let state = (algo.start)();
    let classes = classes(vm);
    let (class, digest_size) = match &state {
        State::Fixed(d) => (classes.hash, d.output_size()),
        _ => (classes.hash_xof, 0),
    };
    Hash {
        class,
        name: algo.name,
        digest_size,
        block_size: algo.block_size,
        state: RefCell::new(state),
    }
}

// -- constructors -----------------------------------------------------------------

/// Defines `openssl_NAME(string=b'', *, usedforsecurity=True)` for each
/// algorithm, and the table that registers them as `hashlib.NAME`.
macro_rules! constructors {
    ($($name:literal => $sig:ident, $func:ident;)*) => {
        $(
            static $sig: Signature = Signature::new(
                Style::Clinic,
                concat!("openssl_", $name),
                "string=b'', *, usedforsecurity=True",
            )
            .doc(concat!("Return a new ", $name, " hash object, fed string first."));
            fn $func(vm: &Vm, args: Args) -> PyResult {
                let ([], [string, _]) = $sig.bind(vm, args)?;
                construct(vm, $name, string)
            }
        )*
        /// The constructors, registered under the algorithm's name.
        const CONSTRUCTORS: &[(&Signature, NativeFn)] = &[$((&$sig, $func)),*];
    };
}

constructors! {
    "md5" => MD5, md5;
    "sha1" => SHA1, sha1;
    "sha224" => SHA224, sha224;
    "sha256" => SHA256, sha256;
    "sha384" => SHA384, sha384;
    "sha512" => SHA512, sha512;
    "sha3_224" => SHA3_224, sha3_224;
    "sha3_256" => SHA3_256, sha3_256;
    "sha3_384" => SHA3_384, sha3_384;
    "sha3_512" => SHA3_512, sha3_512;
    "shake_128" => SHAKE_128, shake_128;
    "shake_256" => SHAKE_256, shake_256;
}

fn construct(vm: &Vm, name: &str, data: Option<&Value>) -> PyResult {
    let algo = algorithm(name).ok_or_else(|| unsupported(vm, name))?;
    let h = hash_object(vm, algo);
    if let Some(data) = data {
        h.feed(vm, data)?;
    }
    Ok(Value::native(h))
}

fn unsupported(vm: &Vm, name: &str) -> crate::objects::PyErr {
    vm.value_error(format!("unsupported hash type {name}"))
}

/// CPython's `hashlib.new` is a function named `__hash_new`, whose name its
/// messages carry.
static NEW: Signature = Signature::new(Style::Python, "__hash_new", "name, data=b'', **kwargs")
    .doc("Return a new hash object for the named algorithm, fed data first.");

/// `hashlib.new(name, data=b'', **kwargs)`: BLAKE2 takes its parameters as
/// keywords; the others take only `usedforsecurity`.
fn new(vm: &Vm, args: Args) -> PyResult {
    let b = NEW.bind_all::<1, 1>(vm, args)?;
    let [name] = b.required;
    let [data] = b.optional;
    let Some(name) = name.as_str() else {
        return Err(vm.type_error(format!(
            "new() argument 'name' must be str, not {}",
            vm.type_name(name)
        )));
    };
    let lower = name.to_ascii_lowercase();
    if lower == "blake2b" || lower == "blake2s" {
        let class = if lower == "blake2b" {
            classes(vm).blake2b
        } else {
            classes(vm).blake2s
        };
        let mut pos = Vec::new();
        pos.extend(data.cloned());
        let (names, values): (Vec<Value>, Vec<Value>) = b
            .varkw
            .iter()
            .map(|(k, v)| ((*k).clone(), (*v).clone()))
            .unzip();
        let mut all = vec![Value::Class(class)];
        all.extend(pos);
        return blake2_new(vm, Args::with_kw(&all, &names, &values));
    }
    if let Some((key, _)) = b
        .varkw
        .iter()
        .find(|(k, _)| k.as_str() != Some("usedforsecurity"))
    {
        return Err(vm.type_error(format!(
            "'{}' is an invalid keyword argument for new()",
            key.as_str().unwrap_or_default()
        )));
    }
    construct(vm, name, data)
}

// -- methods ------------------------------------------------------------------------

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Hash> {
    v.downcast_native::<Hash>()
        .ok_or_else(|| vm.type_error("descriptor requires a hash object"))
}

static UPDATE: Signature = Signature::new(Style::Exact, "HASH.update", "$self, obj, /")
    .doc("Feed the bytes of obj to the hash.");
static COPY: Signature = Signature::new(Style::Exact, "HASH.copy", "$self, /")
    .doc("Return an independent copy of the hash in its current state.");
static DIGEST: Signature = Signature::new(Style::Exact, "HASH.digest", "$self, /")
    .doc("Return the digest of the data fed so far, as bytes.");
static HEXDIGEST: Signature = Signature::new(Style::Exact, "HASH.hexdigest", "$self, /")
    .doc("Return the digest of the data fed so far, as hexadecimal digits.");
static XOF_DIGEST: Signature = Signature::new(Style::Clinic, "digest", "$self, /, length")
    .doc("Return length bytes of the output for the data fed so far.");
static XOF_HEXDIGEST: Signature = Signature::new(Style::Clinic, "hexdigest", "$self, /, length")
    .doc("Return length bytes of the output for the data fed so far, as hexadecimal digits.");
static HASH_REPR: Signature = Signature::new(Style::Exact, "HASH.__repr__", "$self, /")
    .doc("Return the hash written with its algorithm name.");

const COMMON_METHODS: &[(&Signature, NativeFn)] = &[(&UPDATE, update), (&COPY, copy)];
const FIXED_METHODS: &[(&Signature, NativeFn)] = &[
    (&DIGEST, digest),
    (&HEXDIGEST, hexdigest),
    (&HASH_REPR, hash_repr),
];
const XOF_METHODS: &[(&Signature, NativeFn)] = &[
    (&XOF_DIGEST, xof_digest),
    (&XOF_HEXDIGEST, xof_hexdigest),
    (&HASH_REPR, hash_repr),
];

fn update(vm: &Vm, args: Args) -> PyResult {
    let ([me, data], []) = UPDATE.bind(vm, args)?;
    this(vm, me)?.feed(vm, data)?;
    Ok(Value::None)
}

fn copy(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = COPY.bind(vm, args)?;
    let h = this(vm, me)?;
    Ok(Value::native(Hash {
        class: h.class.clone(),
        name: h.name,
        digest_size: h.digest_size,
        block_size: h.block_size,
        state: RefCell::new(h.state.borrow().clone()),
    }))
}

fn digest(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = DIGEST.bind(vm, args)?;
    let h = this(vm, me)?;
    Ok(Value::Bytes(Rc::new(
        h.state.borrow().digest(h.digest_size),
    )))
}

fn hexdigest(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = HEXDIGEST.bind(vm, args)?;
    let h = this(vm, me)?;
    Ok(Value::string(hex(&h.state.borrow().digest(h.digest_size))))
}

/// The output length asked of a SHAKE: CPython fails with a bare
/// `MemoryError` for a negative or huge one.
fn xof_length(vm: &Vm, length: &Value) -> PyResult<usize> {
    let n = vm.to_index(length)?;
    if !(0..=(1 << 30)).contains(&n) {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    Ok(n as usize)
}

fn xof_digest(vm: &Vm, args: Args) -> PyResult {
    let ([me, length], []) = XOF_DIGEST.bind(vm, args)?;
    let n = xof_length(vm, length)?;
    Ok(Value::Bytes(Rc::new(
        this(vm, me)?.state.borrow().digest(n),
    )))
}

fn xof_hexdigest(vm: &Vm, args: Args) -> PyResult {
    let ([me, length], []) = XOF_HEXDIGEST.bind(vm, args)?;
    let n = xof_length(vm, length)?;
    Ok(Value::string(hex(&this(vm, me)?.state.borrow().digest(n))))
}

fn hash_repr(vm: &Vm, args: Args) -> PyResult {
    let ([me], []) = HASH_REPR.bind(vm, args)?;
    let h = this(vm, me)?;
    Ok(Value::string(format!(
        "<{} _hashlib.{} object @ {:#x}>",
        h.name,
        h.class.name,
        me.id()
    )))
}

fn no_new(vm: &Vm, args: Args) -> PyResult {
    let name = match args.get(0) {
        Some(Value::Class(c)) => c.name.to_string(),
        _ => "HASH".to_string(),
    };
    Err(vm.type_error(format!("cannot create '_hashlib.{name}' instances")))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

// -- BLAKE2 -------------------------------------------------------------------------

const BLAKE2_PARAMS: &str = "data=b'', /, *, digest_size=MAX, key=b'', salt=b'', person=b'', \
     fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, \
     last_node=False, usedforsecurity=True";
static BLAKE2B_NEW: Signature = Signature::new(Style::Clinic, "blake2b", BLAKE2_PARAMS)
    .doc("Return a new BLAKE2b hash object.");
static BLAKE2S_NEW: Signature = Signature::new(Style::Clinic, "blake2s", BLAKE2_PARAMS)
    .doc("Return a new BLAKE2s hash object.");
static BLAKE2B_DIGEST: Signature = Signature::new(Style::Exact, "blake2b.digest", "$self, /")
    .doc("Return the digest of the data fed so far, as bytes.");
static BLAKE2S_DIGEST: Signature = Signature::new(Style::Exact, "blake2s.digest", "$self, /")
    .doc("Return the digest of the data fed so far, as bytes.");
static BLAKE2B_HEX: Signature = Signature::new(Style::Exact, "blake2b.hexdigest", "$self, /")
    .doc("Return the digest of the data fed so far, as hexadecimal digits.");
static BLAKE2S_HEX: Signature = Signature::new(Style::Exact, "blake2s.hexdigest", "$self, /")
    .doc("Return the digest of the data fed so far, as hexadecimal digits.");

const BLAKE2B_METHODS: &[(&Signature, NativeFn)] =
    &[(&BLAKE2B_DIGEST, digest), (&BLAKE2B_HEX, hexdigest)];
const BLAKE2S_METHODS: &[(&Signature, NativeFn)] =
    &[(&BLAKE2S_DIGEST, digest), (&BLAKE2S_HEX, hexdigest)];

/// BLAKE2b's and BLAKE2s's limits, in bytes.
struct Blake2Limits {
    size: usize,
    salt: usize,
    /// The largest node offset: 64 bits for BLAKE2b, 48 for BLAKE2s.
    max_node_offset: u64,
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', ...)` and `blake2s`,
/// with CPython's checks in CPython's order.
fn blake2_new(vm: &Vm, args: Args) -> PyResult {
    let is_b = matches!(args.get(0), Some(Value::Class(c)) if c.name.as_ref() == "blake2b");
    let sig = if is_b { &BLAKE2B_NEW } else { &BLAKE2S_NEW };
    let rest = args.skip_first();
    let (
        [],
        [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _],
    ) = sig.bind::<0, 13>(vm, rest)?;
    let limits = if is_b {
        Blake2Limits {
            size: 64,
            salt: 16,
            max_node_offset: u64::MAX,
        }
    } else {
        Blake2Limits {
            size: 32,
            salt: 8,
            max_node_offset: (1 << 48) - 1,
        }
    };
    let size = limits.size;
    let bytes_arg = |v: Option<&Value>| -> PyResult<Vec<u8>> {
        match v {
            None => Ok(Vec::new()),
            Some(v) => binary(vm, v).map(|b| b.into_owned()),
        }
    };
    let int_arg = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        v.map_or(Ok(default), |v| vm.to_index(v))
    };
    let digest_size = int_arg(digest_size, size as i64)?;
    if !(1..=size as i64).contains(&digest_size) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {size} bytes")));
    }
    let salt = bytes_arg(salt)?;
    if salt.len() > limits.salt {
        return Err(vm.value_error(format!("maximum salt length is {} bytes", limits.salt)));
    }
    let person = bytes_arg(person)?;
    if person.len() > limits.salt {
        return Err(vm.value_error(format!("maximum person length is {} bytes", limits.salt)));
    }
    let fanout = int_arg(fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = int_arg(depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf_size = match leaf_size {
        None => 0,
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("value must be positive"));
            }
            u32::try_from(n).map_err(|_| vm.overflow_error("leaf_size is too large"))?
        }
    };
    let node_offset = match node_offset {
        None => 0,
        Some(v) => {
            let n = crate::builtins::number::to_bigint(vm, v)?;
            let n = u64::try_from(&n).map_err(|_| {
                if n.sign() == num_bigint::Sign::Minus {
                    vm.value_error("value must be positive")
                } else {
                    vm.overflow_error("int too big to convert")
                }
            })?;
            if n > limits.max_node_offset {
                return Err(vm.overflow_error("node_offset is too large"));
            }
            n
        }
    };
    let node_depth = int_arg(node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int_arg(inner_size, 0)?;
    if !(0..=size as i64).contains(&inner_size) {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {size}")));
    }
    let key = bytes_arg(key)?;
    if key.len() > size {
        return Err(vm.value_error(format!("maximum key length is {size} bytes")));
    }
    let last_node = match last_node {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    macro_rules! state {
        ($params:ty) => {{
            let mut p = <$params>::new();
            p.hash_length(digest_size as usize)
                .key(&key)
                .salt(&salt)
                .personal(&person)
                .fanout(fanout as u8)
                .max_depth(depth as u8)
                .max_leaf_length(leaf_size)
                .node_offset(node_offset)
                .node_depth(node_depth as u8)
                .inner_hash_length(inner_size as usize)
                .last_node(last_node);
            p.to_state()
        }};
    }
    let (state, class, name, block_size) = if is_b {
        (
            State::Blake2b(state!(blake2b_simd::Params)),
            classes(vm).blake2b,
            "blake2b",
            128,
        )
    } else {
        (
            State::Blake2s(state!(blake2s_simd::Params)),
            classes(vm).blake2s,
            "blake2s",
            64,
        )
    };
    let h = Hash {
        class,
        name,
        digest_size: digest_size as usize,
        block_size,
        state: RefCell::new(state),
    };
    if let Some(data) = data {
        h.feed(vm, data)?;
    }
    Ok(Value::native(h))
}

// -- key derivation -----------------------------------------------------------------

static PBKDF2_HMAC: Signature = Signature::new(
    Style::Clinic,
    "pbkdf2_hmac",
    "hash_name, password, salt, iterations, dklen=None",
)
.doc("Return a key derived from password and salt by PBKDF2 with HMAC over the named hash.");

/// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`.
fn pbkdf2_hmac(vm: &Vm, args: Args) -> PyResult {
    let ([hash_name, password, salt, iterations], [dklen]) = PBKDF2_HMAC.bind(vm, args)?;
    let Some(hash_name) = hash_name.as_str() else {
        return Err(vm.type_error(format!(
            "pbkdf2_hmac() argument 'hash_name' must be str, not {}",
            vm.type_name(hash_name)
        )));
    };
    let password = binary(vm, password)?;
    let salt = binary(vm, salt)?;
    let algo = algorithm(hash_name)
        .filter(|a| matches!((a.start)(), State::Fixed(_)))
        .ok_or_else(|| {
            let class = unsupported_digestmod_error(vm);
            vm.new_error(&class, "[digital envelope routines] unsupported")
        })?;
    let iterations = vm.to_index(iterations)?;
    if iterations < 1 {
        return Err(vm.value_error("iteration value must be greater than 0."));
    }
    let iterations = u32::try_from(iterations)
        .map_err(|_| vm.overflow_error("iteration value is too great."))?;
    let dklen = match dklen {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.to_index(v)?),
    };
    let out_len = match dklen {
        Some(n) if n < 1 => return Err(vm.value_error("key length must be greater than 0.")),
        Some(n) => usize::try_from(n).map_err(|_| vm.overflow_error("key length is too great."))?,
        None => match (algo.start)() {
            State::Fixed(d) => d.output_size(),
            _ => unreachable!("filtered to fixed-size digests above"),
        },
    };
    let mut out = vec![0u8; out_len];
    // SHA-3's sponge has no precomputable HMAC state, so it goes through
    // the generic HMAC; the others through the faster eager one.
    macro_rules! derive {
        (eager: $($name:literal => $ty:ty),*; simple: $($sname:literal => $sty:ty),*) => {
            match algo.name {
                $($name => pbkdf2::pbkdf2_hmac::<$ty>(&password, &salt, iterations, &mut out),)*
                $($sname => pbkdf2::pbkdf2::<pbkdf2::hmac::SimpleHmac<$sty>>(
                    &password, &salt, iterations, &mut out,
                ).map_err(|_| vm.value_error("invalid key length"))?,)*
                other => unreachable!("no PBKDF2 for {other}"),
            }
        };
    }
    derive!(
        eager: "md5" => md5::Md5, "sha1" => sha1::Sha1, "sha224" => sha2::Sha224,
        "sha256" => sha2::Sha256, "sha384" => sha2::Sha384, "sha512" => sha2::Sha512,
        "sha512_224" => sha2::Sha512_224, "sha512_256" => sha2::Sha512_256;
        simple: "sha3_224" => sha3::Sha3_224, "sha3_256" => sha3::Sha3_256,
        "sha3_384" => sha3::Sha3_384, "sha3_512" => sha3::Sha3_512
    );
    Ok(Value::Bytes(Rc::new(out)))
}

/// `_hashlib.UnsupportedDigestmodError`, a `ValueError`.
fn unsupported_digestmod_error(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_hashlib.UnsupportedDigestmodError", |vm| {
        new_class(
            "UnsupportedDigestmodError",
            std::slice::from_ref(&vm.exc.value_error),
            Layout::Exception,
            "_hashlib",
        )
    })
}

static SCRYPT: Signature = Signature::new(
    Style::Clinic,
    "scrypt",
    "password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64",
)
.doc("Return a key derived from password and salt by the scrypt function.");

fn scrypt(vm: &Vm, _args: Args) -> PyResult {
    Err(vm.not_implemented("hashlib.scrypt is not implemented in towel"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_constructor_names_an_algorithm() {
        for (sig, _) in CONSTRUCTORS {
            let name = sig.name().trim_start_matches("openssl_");
            assert!(algorithm(name).is_some(), "{name}");
        }
    }
}
