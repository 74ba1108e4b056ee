//! The draws of `random.Random` that loop over the generator: bounded ints
//! (`_randbelow`), sampling without replacement, shuffling, unweighted
//! choices and the rejection samplers behind the normal, gamma and von Mises
//! variates. `random.py` keeps the parameter arithmetic (`mu + z * sigma`,
//! argument checks) in Python so that its types and messages are Python's.
//!
//! Every draw takes its uniform floats from a [`Source`]: the native
//! generator when the receiver's class keeps the native `random` and
//! `getrandbits`, else the receiver's own (overriding) methods, which is
//! what makes a subclass that overrides `random()` drive every variate.
//! The order and number of uniforms each draw consumes is fixed: it is what
//! makes a seeded sequence give CPython's numbers.

use super::random::{core_class, generator, Mt};
use crate::builtins::number::to_f64;
use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, NativeFn, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};
use std::cell::RefCell;
use std::f64::consts::{E, PI, TAU};

/// The native methods of the generator class that `random.Random` builds on.
pub(super) const DRAW_METHODS: &[(&Signature, NativeFn)] = &[
    (&RANDBELOW, randbelow),
    (&SAMPLE_INDICES, sample_indices),
    (&SHUFFLE, shuffle),
    (&UNIT_INDICES, unit_indices),
    (&STANDARD_NORMAL, standard_normal),
    (&GAUSSIAN_PAIR, gaussian_pair),
    (&STANDARD_GAMMA, standard_gamma),
    (&VON_MISES_OFFSET, von_mises_offset),
];

static RANDBELOW: Signature = Signature::new(Style::Exact, "Random._randbelow", "$self, n, /")
    .doc("Return a random int in range(n) (0 when n is not positive).");
static SAMPLE_INDICES: Signature =
    Signature::new(Style::Exact, "Random._sample_indices", "$self, n, k, /")
        .doc("Return k distinct indices below n, in selection order (the engine of sample()).");
static SHUFFLE: Signature = Signature::new(Style::Exact, "Random._shuffle", "$self, x, /")
    .doc("Shuffle the mutable sequence x in place.");
static UNIT_INDICES: Signature =
    Signature::new(Style::Exact, "Random._unit_indices", "$self, n, k, /")
        .doc("Return k indices floor(random() * n), with repetition (unweighted choices()).");
static STANDARD_NORMAL: Signature =
    Signature::new(Style::Exact, "Random._standard_normal", "$self, /")
        .doc("Return a normal variate of mean 0 and deviation 1 (Kinderman and Monahan's ratio of uniforms).");
static GAUSSIAN_PAIR: Signature = Signature::new(Style::Exact, "Random._gaussian_pair", "$self, /")
    .doc("Return two independent normal variates of mean 0 and deviation 1 (Box and Muller's method).");
static STANDARD_GAMMA: Signature =
    Signature::new(Style::Exact, "Random._standard_gamma", "$self, alpha, /")
        .doc("Return a gamma variate of shape alpha > 0 and scale 1.");
static VON_MISES_OFFSET: Signature =
    Signature::new(Style::Exact, "Random._von_mises_offset", "$self, kappa, /").doc(
        "Return (angle, around_mu): an offset from the mean direction, or, for a \
         concentration too small to matter, an angle uniform on the circle.",
    );

/// Where a draw takes its randomness from.
enum Source<'a> {
    /// The receiver's class keeps the native methods: draw from the state directly
    /// (borrowed for one draw at a time: a shuffled sequence's own methods may draw too).
    Native(&'a RefCell<Mt>),
    /// A subclass overrides `random()` and/or `getrandbits()`: call them.
    Methods {
        receiver: &'a Value,
        getrandbits: bool,
    },
}

impl<'a> Source<'a> {
    fn of(vm: &Vm, receiver: &'a Value) -> PyResult<Source<'a>> {
        let class = vm.class_of(receiver);
        let core = core_class(vm);
        let native = |name: &str| match (class.lookup_str(name), core.lookup_str(name)) {
            (Some(Value::Builtin(mine)), Some(Value::Builtin(base))) => {
                std::rc::Rc::ptr_eq(&mine, &base)
            }
            _ => false,
        };
        let (random, getrandbits) = (native("random"), native("getrandbits"));
        if random && getrandbits {
            return Ok(Source::Native(generator(vm, receiver)?));
        }
        Ok(Source::Methods {
            receiver,
            // As CPython: ints come from getrandbits() unless only random() is overridden.
            getrandbits: !getrandbits || random,
        })
    }

    /// The next float in [0, 1).
    fn unit(&mut self, vm: &Vm) -> PyResult<f64> {
        match self {
            Source::Native(mt) => Ok(mt.borrow_mut().random()),
            Source::Methods { receiver, .. } => {
                to_f64(vm, &vm.call_method(receiver, "random", &[])?)
            }
        }
    }

    /// A uniform int in range(n), for n >= 1.
    fn below(&mut self, vm: &Vm, n: &BigInt) -> PyResult<BigInt> {
        let bits = n.bits();
        match self {
            Source::Native(mt) => {
                let mut mt = mt.borrow_mut();
                loop {
                    let candidate = mt.getrandbits(bits);
                    if &candidate < n {
                        return Ok(candidate);
                    }
                }
            }
            Source::Methods {
                receiver,
                getrandbits: true,
            } => loop {
                let drawn = vm.call_method(receiver, "getrandbits", &[Value::Int(bits as i64)])?;
                let candidate = crate::builtins::number::to_bigint(vm, &drawn)?;
                if &candidate < n {
                    return Ok(candidate);
                }
            },
            Source::Methods { .. } => self.below_from_floats(vm, n),
        }
    }

    /// range(n) from random() alone: its 53 bits, as a multiple of 2**-53, are an
    /// int below 2**53; values in the incomplete last stretch of n are drawn again.
    /// Beyond 2**53 there are not enough bits: scale the float instead.
    fn below_from_floats(&mut self, vm: &Vm, n: &BigInt) -> PyResult<BigInt> {
        const SPAN: f64 = 9007199254740992.0; // 2**53
        let Some(n) = n.to_u64().filter(|&n| (n as f64) < SPAN) else {
            let scaled = self.unit(vm)? * n.to_f64().unwrap_or(f64::INFINITY);
            return BigInt::from_f64(scaled.floor())
                .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
        };
        let usable = SPAN as u64 - (SPAN as u64 % n);
        loop {
            let drawn = (self.unit(vm)? * SPAN).floor() as u64;
            if drawn < usable {
                return Ok(BigInt::from(drawn % n));
            }
        }
    }

    fn below_usize(&mut self, vm: &Vm, n: usize) -> PyResult<usize> {
        if let Source::Native(mt) = self {
            return Ok(mt.borrow_mut().below(n as u64) as usize);
        }
        Ok(self.below(vm, &BigInt::from(n))?.to_usize().unwrap_or(0))
    }
}

fn receiver<'a>(args: &Args<'a>) -> &'a Value {
    &args.pos[0]
}

fn count_arg(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(vm.to_index(v)?.max(0) as usize)
}

/// `_randbelow(n)`.
fn randbelow(vm: &Vm, args: Args) -> PyResult {
    RANDBELOW.check(vm, args)?;
    let n = crate::builtins::number::to_bigint(vm, &args.pos[1])?;
    if !n.is_positive() {
        return Ok(Value::Int(0));
    }
    let drawn = Source::of(vm, receiver(&args))?.below(vm, &n)?;
    Ok(Value::from_bigint(drawn))
}

/// `_sample_indices(n, k)`: for a small population a partial Fisher-Yates over
/// a pool of indices; for a large one (where the pool would cost more than
/// remembering the picks) rejection of repeats. The switch point is the one
/// that reproduces CPython's samples: a pool is used while n is at most
/// 21, plus 4**ceil(log4(3k)) once k exceeds 5.
fn sample_indices(vm: &Vm, args: Args) -> PyResult {
    SAMPLE_INDICES.check(vm, args)?;
    let n = count_arg(vm, &args.pos[1])?;
    let k = count_arg(vm, &args.pos[2])?;
    let mut source = Source::of(vm, receiver(&args))?;
    let mut pool_limit = 21usize;
    if k > 5 {
        let mut power = 1usize;
        while power < 3 * k {
            power = power.saturating_mul(4);
        }
        pool_limit = pool_limit.saturating_add(power);
    }
    let mut picks = Vec::with_capacity(k);
    if n <= pool_limit {
        let mut pool: Vec<usize> = (0..n).collect();
        for taken in 0..k {
            let j = source.below_usize(vm, n - taken)?;
            picks.push(pool[j]);
            pool[j] = pool[n - taken - 1];
        }
    } else {
        let mut seen = std::collections::HashSet::with_capacity(k);
        while picks.len() < k {
            let j = source.below_usize(vm, n)?;
            if seen.insert(j) {
                picks.push(j);
            }
        }
    }
    Ok(Value::list(
        picks.into_iter().map(|i| Value::Int(i as i64)).collect(),
    ))
}

/// `_shuffle(x)`: Fisher-Yates from the last position down, each position
/// swapped with a uniform one at or before it.
fn shuffle(vm: &Vm, args: Args) -> PyResult {
    SHUFFLE.check(vm, args)?;
    let x = &args.pos[1];
    let length = vm.len(x)?;
    let mut source = Source::of(vm, receiver(&args))?;
    for i in (1..length).rev() {
        let j = source.below_usize(vm, i + 1)?;
        let (at_i, at_j) = (Value::Int(i as i64), Value::Int(j as i64));
        let (item_i, item_j) = (vm.get_item(x, &at_i)?, vm.get_item(x, &at_j)?);
        vm.set_item(x, &at_i, item_j)?;
        vm.set_item(x, &at_j, item_i)?;
    }
    Ok(Value::None)
}

/// `_unit_indices(n, k)`: k times floor(random() * n).
fn unit_indices(vm: &Vm, args: Args) -> PyResult {
    UNIT_INDICES.check(vm, args)?;
    let n = count_arg(vm, &args.pos[1])? as f64;
    let k = vm.to_index(&args.pos[2])?.max(0) as usize;
    let mut source = Source::of(vm, receiver(&args))?;
    let mut picks = Vec::with_capacity(k.min(1 << 20));
    for _ in 0..k {
        picks.push(Value::Int((source.unit(vm)? * n).floor() as i64));
    }
    Ok(Value::list(picks))
}

/// `_standard_normal()`: the ratio-of-uniforms method: with u1 uniform and u2
/// uniform in (0, 1], z = 4 e**-0.5 / sqrt 2 * (u1 - 0.5) / u2 is accepted
/// when z*z/4 <= -ln u2.
fn standard_normal(vm: &Vm, args: Args) -> PyResult {
    STANDARD_NORMAL.check(vm, args)?;
    let scale = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let mut source = Source::of(vm, receiver(&args))?;
    loop {
        let u1 = source.unit(vm)?;
        let u2 = 1.0 - source.unit(vm)?;
        let z = scale * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            return Ok(Value::float(z));
        }
    }
}

/// `_gaussian_pair()`: an angle uniform on the circle and a radius
/// sqrt(-2 ln(1 - u)) give the pair (r cos a, r sin a).
fn gaussian_pair(vm: &Vm, args: Args) -> PyResult {
    GAUSSIAN_PAIR.check(vm, args)?;
    let mut source = Source::of(vm, receiver(&args))?;
    let angle = source.unit(vm)? * TAU;
    let radius = (-2.0 * (1.0 - source.unit(vm)?).ln()).sqrt();
    Ok(Value::tuple(vec![
        Value::float(angle.cos() * radius),
        Value::float(angle.sin() * radius),
    ]))
}

/// `_standard_gamma(alpha)`: Cheng's rejection method (1977) for alpha > 1,
/// the exponential for alpha == 1 and Ahrens and Dieter's GS algorithm for
/// alpha < 1.
fn standard_gamma(vm: &Vm, args: Args) -> PyResult {
    STANDARD_GAMMA.check(vm, args)?;
    let alpha = to_f64(vm, &args.pos[1])?;
    let mut source = Source::of(vm, receiver(&args))?;
    let x = if alpha > 1.0 {
        cheng_gamma(vm, &mut source, alpha)?
    } else if alpha == 1.0 {
        -(1.0 - source.unit(vm)?).ln()
    } else {
        ahrens_dieter_gamma(vm, &mut source, alpha)?
    };
    Ok(Value::float(x))
}

fn cheng_gamma(vm: &Vm, source: &mut Source, alpha: f64) -> PyResult<f64> {
    let a = (2.0 * alpha - 1.0).sqrt();
    let b = alpha - 4.0f64.ln();
    let c = alpha + a;
    let d = 1.0 + 4.5f64.ln();
    loop {
        let u1 = source.unit(vm)?;
        // Values at the very ends would make the logit below blow up.
        if !(1e-7 < u1 && u1 < 0.9999999) {
            continue;
        }
        let u2 = 1.0 - source.unit(vm)?;
        let v = (u1 / (1.0 - u1)).ln() / a;
        let x = alpha * v.exp();
        let z = u1 * u1 * u2;
        let r = b + c * v - x;
        if r + d - 4.5 * z >= 0.0 || r >= z.ln() {
            return Ok(x);
        }
    }
}

fn ahrens_dieter_gamma(vm: &Vm, source: &mut Source, alpha: f64) -> PyResult<f64> {
    let b = (E + alpha) / E;
    loop {
        let p = b * source.unit(vm)?;
        let x = if p <= 1.0 {
            p.powf(1.0 / alpha)
        } else {
            -((b - p) / alpha).ln()
        };
        let u = source.unit(vm)?;
        let accepted = if p > 1.0 {
            u <= x.powf(alpha - 1.0)
        } else {
            u <= (-x).exp()
        };
        if accepted {
            return Ok(x);
        }
    }
}

/// `_von_mises_offset(kappa)`: Best and Fisher's method (1979), which returns
/// the offset +-acos(f) that `random.py` adds to the mean angle; below a
/// concentration of 1e-6 the distribution is uniform on the circle.
fn von_mises_offset(vm: &Vm, args: Args) -> PyResult {
    VON_MISES_OFFSET.check(vm, args)?;
    let kappa = to_f64(vm, &args.pos[1])?;
    let mut source = Source::of(vm, receiver(&args))?;
    if kappa <= 1e-6 {
        let angle = TAU * source.unit(vm)?;
        return Ok(Value::tuple(vec![
            Value::float(angle),
            Value::from_bool(false),
        ]));
    }
    let s = 0.5 / kappa;
    let r = s + (1.0 + s * s).sqrt();
    let z = loop {
        let z = (PI * source.unit(vm)?).cos();
        let d = z / (r + z);
        let u = source.unit(vm)?;
        if u < 1.0 - d * d || u <= (1.0 - d) * d.exp() {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let offset = if source.unit(vm)? > 0.5 {
        f.acos()
    } else {
        -f.acos()
    };
    Ok(Value::tuple(vec![
        Value::float(offset),
        Value::from_bool(true),
    ]))
}
