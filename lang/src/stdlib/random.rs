//! `random`: CPython's Mersenne Twister (MT19937) with CPython's seeding, so
//! that `random.seed(n)` followed by `random()`, `randint`, `choice`,
//! `shuffle`, ... gives CPython's sequences. This file is the generator core
//! (seeding, 32-bit words, `random()`, `getrandbits`, state), the native base
//! class `_random.Random` that `random.Random` (random.py) subclasses, as in
//! CPython; the draws that loop over the generator are `random_draws.rs`.

use crate::objects::class::Layout;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Class, Module, NativeFn, NativeObject, PyResult, Value};
use crate::vm::types::{add_declared_methods, add_methods, new_class};
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with(vm, "random", &[]);
    super::set(&m, "_CoreRandom", Value::Class(core_class(vm)));
    super::exec_source(vm, &m, super::stdlib_source!("random.py"))?;
    Ok(m)
}

const N: usize = 624;
const M: usize = 397;

/// MT19937 state.
pub(super) struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt {
            state: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { 0x9908_b0df };
        if self.index >= N {
            if self.index == N + 1 {
                self.init_genrand(5489);
            }
            for k in 0..N {
                let y = (self.state[k] & UPPER) | (self.state[(k + 1) % N] & LOWER);
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag(y);
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A uniform int in range(n), n >= 1: `getrandbits(n.bit_length())` until below n.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        let bits = 64 - n.leading_zeros();
        loop {
            let candidate = if bits <= 32 {
                u64::from(self.next_u32() >> (32 - bits))
            } else {
                let low = u64::from(self.next_u32());
                low | u64::from(self.next_u32() >> (64 - bits)) << 32
            };
            if candidate < n {
                return candidate;
            }
        }
    }

    /// A float in [0, 1) with 53 random bits (CPython's `genrand_res53`).
    pub(super) fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)`: 32-bit words, least significant first, the last one truncated.
    pub(super) fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut remaining = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            digits.push(r);
            remaining = remaining.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::new(digits))
    }
}

pub struct MersenneTwister {
    class: Rc<Class>,
    mt: RefCell<Mt>,
}

impl NativeObject for MersenneTwister {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The generator's own methods (the draws built on it are in `random_draws`).
const MT_METHODS: &[(&Signature, NativeFn)] = &[
    (&SEED, mt_seed),
    (&RANDOM, mt_random),
    (&GETRANDBITS, mt_getrandbits),
    (&GETSTATE, mt_getstate),
    (&SETSTATE, mt_setstate),
];

static SEED: Signature = Signature::new(Style::Positional, "Random.seed", "$self, n=None, /")
    .doc("Reset the generator from n (an int, str, bytes or hashable), or from fresh entropy when n is None.");
static RANDOM: Signature = Signature::new(Style::Exact, "Random.random", "$self, /")
    .doc("random() -> x in the interval [0, 1).");
static GETRANDBITS: Signature = Signature::new(Style::Exact, "Random.getrandbits", "$self, k, /")
    .doc("getrandbits(k) -> x.  Generates an int with k random bits.");
static GETSTATE: Signature = Signature::new(Style::Exact, "Random.getstate", "$self, /")
    .doc("getstate() -> tuple containing the current state.");
static SETSTATE: Signature = Signature::new(Style::Exact, "Random.setstate", "$self, state, /")
    .doc("setstate(state) -> None.  Restores generator state.");

/// `_random.Random`: the generator as a subclassable built-in type.
pub(super) fn core_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("_random.Random", |vm| {
        let c = new_class(
            "Random",
            std::slice::from_ref(&vm.types.object),
            Layout::Builtin,
            "_random",
        );
        add_methods(&c, "Random", &[("__new__", mt_new)]);
        add_declared_methods(&c, "Random", MT_METHODS);
        add_declared_methods(&c, "Random", super::random_draws::DRAW_METHODS);
        c
    })
}

fn mt_new(vm: &Vm, args: Args) -> PyResult {
    let class = core_class(vm);
    crate::builtins::payload::construct(vm, args, &class, |vm, _args, _exact| {
        Ok(Value::native(MersenneTwister {
            class: core_class(vm),
            mt: RefCell::new(Mt::new()),
        }))
    })
}

fn this<'a>(vm: &Vm, args: &Args<'a>) -> PyResult<&'a MersenneTwister> {
    match args.get(0) {
        Some(receiver) => native_generator(vm, receiver),
        None => Err(vm.type_error("descriptor requires a '_random.Random' object")),
    }
}

fn native_generator<'a>(vm: &Vm, receiver: &'a Value) -> PyResult<&'a MersenneTwister> {
    crate::builtins::payload::native_receiver::<MersenneTwister>(receiver).ok_or_else(|| {
        crate::builtins::payload::wrong_receiver(vm, "random", "_random.Random", receiver)
    })
}

/// The generator state of a `_random.Random` (or subclass) instance.
pub(super) fn generator<'a>(vm: &Vm, receiver: &'a Value) -> PyResult<&'a RefCell<Mt>> {
    Ok(&native_generator(vm, receiver)?.mt)
}

/// A seed taken from the clock and the process (CPython reads the OS's random source).
fn entropy_seed() -> Vec<u32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let local = 0u8;
    let addr = &local as *const u8 as usize as u128;
    let mixed = nanos ^ (addr << 64) ^ ((std::process::id() as u128) << 32);
    (0..4).map(|i| (mixed >> (32 * i)) as u32).collect()
}

/// `seed(a)`: None, an int (its absolute value), a float or other hashable
/// (its hash), or str/bytes (the bytes followed by their SHA-512, as one
/// big-endian int: CPython's version 2 seeding).
fn mt_seed(vm: &Vm, args: Args) -> PyResult {
    SEED.check(vm, args)?;
    let mt = this(vm, &args)?;
    let n: BigUint = match args.get(1).unwrap_or(&Value::None) {
        Value::None => {
            mt.mt.borrow_mut().init_by_array(&entropy_seed());
            return Ok(Value::None);
        }
        v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            crate::builtins::number::to_bigint(vm, v)?
                .abs()
                .magnitude()
                .clone()
        }
        Value::Str(s) => bytes_seed(s.as_str().as_bytes()),
        Value::Bytes(b) => bytes_seed(b),
        other => BigUint::from(vm.hash(other)? as u64),
    };
    let key = if n.is_zero() {
        vec![0]
    } else {
        n.to_u32_digits()
    };
    mt.mt.borrow_mut().init_by_array(&key);
    Ok(Value::None)
}

fn bytes_seed(bytes: &[u8]) -> BigUint {
    let mut all = bytes.to_vec();
    all.extend_from_slice(&sha512(bytes));
    BigUint::from_bytes_be(&all)
}

fn mt_random(vm: &Vm, args: Args) -> PyResult {
    RANDOM.check(vm, args)?;
    Ok(Value::float(this(vm, &args)?.mt.borrow_mut().random()))
}

fn mt_getrandbits(vm: &Vm, args: Args) -> PyResult {
    GETRANDBITS.check(vm, args)?;
    let mt = this(vm, &args)?;
    let k = vm.to_index(&args.pos[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k > 1 << 36 {
        return Err(vm.new_exception(&vm.exc.memory_error, Vec::new()));
    }
    Ok(Value::from_bigint(mt.mt.borrow_mut().getrandbits(k as u64)))
}

fn mt_getstate(vm: &Vm, args: Args) -> PyResult {
    GETSTATE.check(vm, args)?;
    let mt = this(vm, &args)?.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(mt.index.min(N) as i64));
    Ok(Value::tuple(items))
}

fn mt_setstate(vm: &Vm, args: Args) -> PyResult {
    SETSTATE.check(vm, args)?;
    let mt = this(vm, &args)?;
    let items = vm.to_vec(&args.pos[1])?;
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, v) in state.iter_mut().zip(&items) {
        *slot = vm.to_index(v)?.to_u32().ok_or_else(|| {
            vm.overflow_error("Python int too large to convert to C unsigned long")
        })?;
    }
    let index = vm.to_index(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mut m = mt.mt.borrow_mut();
    m.state = state;
    m.index = index as usize;
    Ok(Value::None)
}

// -- SHA-512 (for seeding from str and bytes) ----------------------------------------

/// SHA-512 (FIPS 180-4). Its constants are the fractional parts of the square
/// roots (initial hash) and cube roots (round constants) of the first primes,
/// computed here rather than tabulated.
fn sha512(data: &[u8]) -> [u8; 64] {
    let primes = first_primes(80);
    let frac_root = |p: u64, root: u32| -> u64 {
        let scaled = BigUint::from(p) << (64 * root as usize);
        let r = scaled.nth_root(root);
        (r & BigUint::from(u64::MAX)).to_u64().unwrap_or(0)
    };
    let k: Vec<u64> = primes.iter().map(|&p| frac_root(p, 3)).collect();
    let mut h: Vec<u64> = primes[..8].iter().map(|&p| frac_root(p, 2)).collect();

    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());

    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (t, word) in block.chunks(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(word);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let mut v = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]];
        for t in 0..80 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (hi, vi) in h.iter_mut().zip(v) {
            *hi = hi.wrapping_add(vi);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, word) in out.chunks_mut(8).zip(&h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn first_primes(n: usize) -> Vec<u64> {
    let mut primes: Vec<u64> = Vec::with_capacity(n);
    let mut candidate = 2u64;
    while primes.len() < n {
        if primes
            .iter()
            .take_while(|&&p| p * p <= candidate)
            .all(|&p| !candidate.is_multiple_of(p))
        {
            primes.push(candidate);
        }
        candidate += 1;
    }
    primes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_matches_the_standard_vector() {
        let hex: String = sha512(b"abc").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&hex[..32], "ddaf35a193617abacc417349ae204131");
        assert_eq!(&hex[120..], "a54ca49f");
    }

    #[test]
    fn mt_matches_the_reference_output() {
        // genrand_int32 after init_genrand(5489): the first output of MT19937.
        let mut mt = Mt::new();
        assert_eq!(mt.next_u32(), 3499211612);
    }
}
