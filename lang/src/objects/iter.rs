//! Built-in iterators: over sequences, ranges, dicts and sets, and the lazy
//! builtins (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`).

use super::gc::{GcHead, Kind, Traced, Visitor};
use super::{PyDict, PyResult, PySet, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

#[repr(C)]
pub struct NativeIter {
    /// First, next to the reference counts, so that a collection reads
    /// one cache line per object it only counts (`objects::gc`).
    pub(crate) gc: GcHead,
    pub state: RefCell<IterState>,
}

/// Iterators that hold values are tracked; range iterators (the commonest)
/// are not, as in CPython.
impl Traced for NativeIter {
    const KIND: Kind = Kind::Iter;
    const HEAD_OFFSET: usize = std::mem::offset_of!(NativeIter, gc);
    fn gc_head(&self) -> &GcHead {
        &self.gc
    }
    fn traverse(&self, visit: &mut Visitor<'_>) {
        let Ok(state) = self.state.try_borrow() else {
            return;
        };
        match &*state {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit.value(seq),
            IterState::Dict { dict, .. } => visit.rc(dict),
            IterState::Set { set, .. } => visit.rc(set),
            IterState::Items { items, .. } => visit.values(items),
            IterState::Enumerate { inner, .. } => visit.value(inner),
            IterState::Zip { iters, .. } => visit.values(iters),
            IterState::Map { func, iters } => {
                visit.value(func);
                visit.values(iters);
            }
            IterState::Filter { func, inner } => {
                visit.value(func);
                visit.value(inner);
            }
            IterState::CallableSentinel { func, sentinel } => {
                visit.value(func);
                visit.value(sentinel);
            }
            IterState::GetItem { getitem, .. } => visit.value(getitem),
            IterState::Range { .. } | IterState::Exhausted => {}
        }
    }
    fn clear(&self) {
        let old = self
            .state
            .try_borrow_mut()
            .map(|mut s| std::mem::replace(&mut *s, IterState::Exhausted));
        drop(old);
    }
    fn tracked_when_made(&self) -> bool {
        !matches!(
            &*self.state.borrow(),
            IterState::Range { .. } | IterState::Exhausted
        )
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// A list, tuple or str, read by index so that list growth during iteration is seen.
    Seq {
        seq: Value,
        index: usize,
    },
    /// Reversed list/tuple/str.
    Reversed {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        remaining: i64,
        step: i64,
    },
    Dict {
        dict: Rc<PyDict>,
        index: usize,
        view: DictView,
        len: usize,
    },
    /// A set or frozenset, walked slot by slot; `len` is its size when
    /// iteration began (a change of size is an error, as in CPython).
    Set {
        set: Rc<PySet>,
        pos: usize,
        len: usize,
    },
    /// A snapshot.
    Items {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    CallableSentinel {
        func: Value,
        sentinel: Value,
    },
    /// The old sequence protocol: `getitem(0)`, `getitem(1)`, ... until
    /// IndexError (or StopIteration).
    GetItem {
        getitem: Value,
        index: i64,
    },
    Exhausted,
}

impl NativeIter {
    /// A new iterator, returned as a value.
    #[allow(clippy::new_ret_no_self)]
    pub fn new(state: IterState) -> Value {
        Value::Iter(super::gc::new(NativeIter {
            state: RefCell::new(state),
            gc: GcHead::new(),
        }))
    }

    /// For a range iterator, its next int (`Some(None)` once exhausted);
    /// None for every other iterator. `FOR_ITER`'s fast path.
    #[inline]
    pub fn range_next(&self) -> Option<Option<i64>> {
        let mut state = self.state.try_borrow_mut().ok()?;
        match &mut *state {
            IterState::Range {
                next,
                remaining,
                step,
            } => Some(advance_range(next, remaining, *step)),
            _ => None,
        }
    }

    /// The next item, or None when exhausted.
    pub fn next(&self, vm: &Vm) -> PyResult<Option<Value>> {
        // Take what we need out of the RefCell before calling back into the VM.
        let mut state = self.state.borrow_mut();
        match &mut *state {
            IterState::Seq { seq, index } => {
                let item = match seq {
                    Value::List(l) => l.get(*index),
                    Value::Tuple(t) => t.0.get(*index).cloned(),
                    Value::Str(s) => s.char_at(*index).map(|c| Value::string(c.to_string())),
                    Value::Bytes(b) => b.get(*index).map(|&x| Value::Int(x as i64)),
                    _ => None,
                };
                if item.is_some() {
                    *index += 1;
                } else {
                    *state = IterState::Exhausted;
                }
                Ok(item)
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    *state = IterState::Exhausted;
                    return Ok(None);
                }
                *index -= 1;
                let item = match seq {
                    Value::List(l) => l.get(*index),
                    Value::Tuple(t) => t.0.get(*index).cloned(),
                    Value::Str(s) => s.char_at(*index).map(|c| Value::string(c.to_string())),
                    _ => None,
                };
                Ok(item)
            }
            IterState::Range {
                next,
                remaining,
                step,
            } => Ok(advance_range(next, remaining, *step).map(Value::Int)),
            IterState::Dict {
                dict,
                index,
                view,
                len,
            } => {
                if dict.len() != *len {
                    let dict_len = *len;
                    *state = IterState::Exhausted;
                    let _ = dict_len;
                    return Err(vm.runtime_error("dictionary changed size during iteration"));
                }
                let entry = dict.entry_at(*index);
                *index += 1;
                Ok(entry.map(|(k, v)| match view {
                    DictView::Keys => k,
                    DictView::Values => v,
                    DictView::Items => Value::tuple(vec![k, v]),
                }))
            }
            IterState::Set { set, pos, len } => {
                if set.len() != *len {
                    // Stays in error, as CPython's iterator does.
                    *len = usize::MAX;
                    return Err(vm.runtime_error("Set changed size during iteration"));
                }
                let item = set.next_from(pos);
                if item.is_none() {
                    *state = IterState::Exhausted;
                }
                Ok(item)
            }
            IterState::Items { items, index } => {
                let item = items.get(*index).cloned();
                *index += 1;
                Ok(item)
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = *count;
                *count += 1;
                drop(state);
                Ok(vm
                    .next(&inner)?
                    .map(|v| Value::tuple(vec![Value::Int(n), v])))
            }
            IterState::Zip { iters, strict } => {
                let iters = iters.clone();
                let strict = *strict;
                drop(state);
                let mut items = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match vm.next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && (i > 0 || iters[1..].iter().any(|_| false)) {
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i > 1 { "s" } else { "" },
                                    if i > 1 {
                                        format!("-{i}")
                                    } else {
                                        String::new()
                                    }
                                )));
                            }
                            if strict && i == 0 {
                                for (j, other) in iters.iter().enumerate().skip(1) {
                                    if vm.next(other)?.is_some() {
                                        return Err(vm.value_error(format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            if j > 1 { "s" } else { "" },
                                            if j > 1 {
                                                format!("-{j}")
                                            } else {
                                                String::new()
                                            }
                                        )));
                                    }
                                }
                            }
                            *self.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                if items.is_empty() {
                    return Ok(None);
                }
                Ok(Some(Value::tuple(items)))
            }
            IterState::Map { func, iters } => {
                let (func, iters) = (func.clone(), iters.clone());
                drop(state);
                let mut args = Vec::with_capacity(iters.len());
                for it in &iters {
                    match vm.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                vm.call(&func, &args).map(Some)
            }
            IterState::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(state);
                while let Some(v) = vm.next(&inner)? {
                    let keep = if func.is_none() {
                        vm.truthy(&v)?
                    } else {
                        vm.truthy(&vm.call(&func, std::slice::from_ref(&v))?)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::CallableSentinel { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(state);
                // A StopIteration from the callable ends the iteration too.
                let v = match vm.call(&func, &[]) {
                    Err(e) if vm.err_is(&e, &vm.exc.stop_iteration) => {
                        *self.state.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                    other => other?,
                };
                if vm.eq(&v, &sentinel)? {
                    *self.state.borrow_mut() = IterState::Exhausted;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::GetItem { getitem, index } => {
                let (getitem, i) = (getitem.clone(), *index);
                *index += 1;
                drop(state);
                match vm.call(&getitem, &[Value::Int(i)]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if vm.err_is(&e, &vm.exc.index_error)
                            || vm.err_is(&e, &vm.exc.stop_iteration) =>
                    {
                        *self.state.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// How many items are left, when that is known without running code
    /// (ranges, sequences, dicts and sets); 0 otherwise.
    pub fn length_hint(&self) -> usize {
        match &*self.state.borrow() {
            IterState::Range { remaining, .. } => (*remaining).max(0) as usize,
            IterState::Seq { seq, index } => match seq {
                Value::List(l) => l.len().saturating_sub(*index),
                Value::Tuple(t) => t.0.len().saturating_sub(*index),
                _ => 0,
            },
            IterState::Dict { dict, index, .. } => dict.len().saturating_sub(*index),
            IterState::Set { set, .. } => set.len(),
            IterState::Items { items, index } => items.len().saturating_sub(*index),
            _ => 0,
        }
    }

    /// The type name `type(it).__name__` reports.
    pub fn type_name(&self) -> &'static str {
        match &*self.state.borrow() {
            IterState::Seq { seq, .. } => match seq {
                Value::List(_) => "list_iterator",
                Value::Tuple(_) => "tuple_iterator",
                Value::Str(_) => "str_ascii_iterator",
                Value::Bytes(_) => "bytes_iterator",
                _ => "iterator",
            },
            IterState::Reversed { seq, .. } => match seq {
                Value::List(_) => "list_reverseiterator",
                _ => "reversed",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { view, .. } => match view {
                DictView::Keys => "dict_keyiterator",
                DictView::Values => "dict_valueiterator",
                DictView::Items => "dict_itemiterator",
            },
            IterState::Set { .. } => "set_iterator",
            IterState::Items { .. } => "iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::CallableSentinel { .. } => "callable_iterator",
            IterState::GetItem { .. } | IterState::Exhausted => "iterator",
        }
    }
}

/// One step of a range iterator: the current int, or None once exhausted.
#[inline]
fn advance_range(next: &mut i64, remaining: &mut i64, step: i64) -> Option<i64> {
    if *remaining <= 0 {
        return None;
    }
    let v = *next;
    *remaining -= 1;
    *next = next.wrapping_add(step);
    Some(v)
}
