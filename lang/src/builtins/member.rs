//! `__slots__`: the instance layout a class statement declares, and the
//! member descriptors (`member_descriptor`) through which slot values are
//! read, written and deleted.
//!
//! A slot is an index into an instance's attribute storage: its first
//! [`Shape::slots`] values (see `objects::class::Attrs`). A class's own
//! slots come after those of its bases, so a base's member descriptor finds
//! its value at the same index in the instances of every subclass; as in
//! CPython, the bases of a class may not bring two different slot layouts.
//! Instances of a class whose MRO declares `__slots__` throughout (without
//! `'__dict__'`) have no `__dict__`, and without `'__weakref__'` they cannot
//! be weakly referenced.

use crate::objects::class::{Layout, Shape};
use crate::objects::{Args, Class, Name, NativeObject, PyDict, PyResult, Value};
use crate::vm::types::{add_methods, new_final_class};
use crate::vm::Vm;
use std::any::Any;
use std::cell::OnceCell;
use std::rc::{Rc, Weak};

/// A slot of a class: `C.x` for `__slots__ = ('x',)`.
pub(crate) struct Member {
    class: Rc<Class>,
    /// The slot's (mangled) name.
    name: Name,
    /// The index of the slot's value in an instance's storage.
    index: u32,
    /// The class that declared the slot, set once it exists (a class's
    /// members are made before it, to sit in its namespace in CPython's
    /// order). Weak: the class holds its members.
    owner: OnceCell<Weak<Class>>,
    owner_name: Rc<str>,
}

impl NativeObject for Member {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn get_attr(&self, _vm: &Vm, name: &str) -> Option<PyResult<Value>> {
        Some(Ok(match name {
            "__name__" => self.name.to_value(),
            "__qualname__" => match self.owner() {
                Some(owner) => Value::string(format!("{}.{}", owner.qualname.borrow(), self.name)),
                None => self.name.to_value(),
            },
            "__objclass__" => self.owner().map_or(Value::None, Value::Class),
            "__doc__" => Value::None,
            _ => return None,
        }))
    }
}

impl Member {
    fn owner(&self) -> Option<Rc<Class>> {
        self.owner.get().and_then(Weak::upgrade)
    }

    /// The slot's index, when `obj` is an instance of the declaring class.
    pub(crate) fn index_for(&self, class: &Class) -> Option<usize> {
        let owner = self.owner()?;
        class.is_subclass(&owner).then_some(self.index as usize)
    }

    /// The instance `obj` whose slot this is, or CPython's TypeError.
    fn receiver<'a>(
        &self,
        vm: &Vm,
        obj: &'a Value,
    ) -> PyResult<(&'a crate::objects::Instance, usize)> {
        if let Value::Instance(inst) = obj {
            if let Some(i) = self.index_for(&inst.class) {
                return Ok((inst, i));
            }
        }
        Err(vm.type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            self.name,
            self.owner_name,
            vm.type_name(obj)
        )))
    }

    /// `obj.x`: the slot's value, or None when it is unset.
    pub(crate) fn get(&self, vm: &Vm, obj: &Value) -> PyResult<Option<Value>> {
        let (inst, i) = self.receiver(vm, obj)?;
        Ok(inst.slot(i))
    }

    /// `obj.x = value`.
    pub(crate) fn set(&self, vm: &Vm, obj: &Value, value: Value) -> PyResult<()> {
        let (inst, i) = self.receiver(vm, obj)?;
        if let Some(old) = inst.set_slot(i, value) {
            old.release();
        }
        Ok(())
    }

    /// `del obj.x`: an unset slot raises AttributeError naming it.
    pub(crate) fn delete(&self, vm: &Vm, obj: &Value) -> PyResult<()> {
        let (inst, i) = self.receiver(vm, obj)?;
        match inst.take_slot(i) {
            Some(old) => {
                old.release();
                Ok(())
            }
            None => Err(vm.attribute_error(self.name.as_str())),
        }
    }
}

/// What a class's `__slots__` make of it: the shape of its instances and
/// the member descriptors of its own slots (to put in its namespace; see
/// [`SlotPlan::adopt`]).
pub(crate) struct SlotPlan {
    pub shape: Shape,
    pub members: Vec<(Name, Value)>,
}

impl SlotPlan {
    /// Makes `class` the owner of the members, once it exists.
    pub(crate) fn adopt(&self, class: &Rc<Class>) {
        for (_, member) in &self.members {
            if let Some(m) = member.downcast_native::<Member>() {
                let _ = m.owner.set(Rc::downgrade(class));
            }
        }
    }
}

/// Built-in types whose values vary in size in CPython, where slots cannot
/// be added after the items.
const VARIABLE_SIZE: &[&str] = &["int", "bytes", "tuple", "type"];

/// Works out the slots of a new class `name` with `bases` and namespace
/// `ns`, with CPython's errors for bad declarations.
pub(crate) fn plan(
    vm: &Vm,
    name: &str,
    bases: &[Rc<Class>],
    ns: &PyDict,
    payload_base: Option<&Rc<Class>>,
) -> PyResult<SlotPlan> {
    let layout_base = check_layouts(vm, bases)?;
    let inherited = layout_base.map_or(0, |b| b.shape.slots);
    let base_dict = bases.iter().any(|b| b.shape.dict);
    let base_weakref = bases.iter().any(|b| b.shape.weakref);
    let Some(declared) = ns.get_name(&Name::new("__slots__")) else {
        return Ok(SlotPlan {
            shape: Shape {
                slots: inherited,
                ..Shape::OPEN
            },
            members: Vec::new(),
        });
    };
    let items = match &declared {
        Value::Str(_) => vec![declared.clone()],
        other => vm.to_vec(other)?,
    };
    let (mut dict, mut weakref) = (base_dict, base_weakref);
    let mut own = Vec::new();
    for item in items {
        let Some(slot) = item.as_str() else {
            return Err(vm.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                vm.type_name(&item)
            )));
        };
        if !super::str::is_identifier(slot) {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        match slot {
            "__dict__" if dict || own_has(&own, slot) => {
                return Err(vm.type_error("__dict__ slot disallowed: we already got one"))
            }
            "__dict__" => dict = true,
            "__weakref__" if weakref => {
                return Err(vm.type_error(
                    "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                ))
            }
            "__weakref__" => weakref = true,
            _ => {
                let mangled = Name::new(&crate::compiler::mangle(Some(name), slot));
                if mangled.as_str() != "__qualname__" && ns.contains_name(&mangled) {
                    return Err(vm.value_error(format!(
                        "'{mangled}' in __slots__ conflicts with class variable"
                    )));
                }
                own.push(mangled);
            }
        }
    }
    if let Some(base) = payload_base.filter(|_| !own.is_empty()) {
        if VARIABLE_SIZE.contains(&&*base.name) {
            return Err(vm.type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name
            )));
        }
    }
    // CPython lays slots out (and lists their members) in name order.
    own.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    let class = member_class(vm);
    let owner_name: Rc<str> = Rc::from(name);
    let members = own
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let member = Member {
                class: class.clone(),
                name: slot.clone(),
                index: inherited + i as u32,
                owner: OnceCell::new(),
                owner_name: owner_name.clone(),
            };
            (slot, Value::native(member))
        })
        .collect::<Vec<_>>();
    Ok(SlotPlan {
        shape: Shape {
            slots: inherited + members.len() as u32,
            dict,
            weakref,
        },
        members,
    })
}

fn own_has(own: &[Name], slot: &str) -> bool {
    own.iter().any(|n| n.as_str() == slot)
}

/// The base whose slot layout a new class extends (the one with the most
/// slots), after checking that every other base's layout is a prefix of
/// it: "multiple bases have instance lay-out conflict" otherwise.
fn check_layouts<'a>(vm: &Vm, bases: &'a [Rc<Class>]) -> PyResult<Option<&'a Rc<Class>>> {
    let Some(widest) = bases.iter().max_by_key(|b| b.shape.slots) else {
        return Ok(None);
    };
    for base in bases.iter().filter(|b| b.shape.slots > 0) {
        if !widest.is_subclass(&declarer(base)) {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
    }
    Ok(Some(widest))
}

/// The class of `class`'s MRO that added the last of its slots.
fn declarer(class: &Rc<Class>) -> Rc<Class> {
    let mut c = class.clone();
    loop {
        let inherited = c.bases.iter().map(|b| b.shape.slots).max().unwrap_or(0);
        if inherited < c.shape.slots {
            return c;
        }
        match c.bases.iter().find(|b| b.shape.slots == c.shape.slots) {
            Some(b) => c = b.clone(),
            None => return c,
        }
    }
}

/// The shape of a built-in class's instances: `object()` and the
/// built-in values have neither a `__dict__` nor weak references (the
/// latter is checked by kind of value, not here); exceptions and native
/// classes whose instances are instances have both.
pub(crate) fn builtin_shape(bases: &[Rc<Class>], layout: Layout) -> Shape {
    match layout {
        Layout::Object if bases.is_empty() => Shape::CLOSED,
        Layout::Builtin => Shape::CLOSED,
        Layout::Object | Layout::Exception => Shape::OPEN,
    }
}

/// The `member_descriptor` class.
fn member_class(vm: &Vm) -> Rc<Class> {
    vm.lazy_class("member_descriptor", |vm| {
        let class = new_final_class("member_descriptor", &[vm.types.object.clone()], "builtins");
        add_methods(
            &class,
            "member_descriptor",
            &[
                ("__get__", member_get),
                ("__set__", member_set),
                ("__delete__", member_delete),
                ("__repr__", member_repr),
            ],
        );
        class
    })
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Member> {
    args.get(0)
        .and_then(|v| v.downcast_native::<Member>())
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{method}' for 'member_descriptor' objects doesn't apply to a '{}' object",
                args.get(0).map_or_else(|| "NoneType".to_string(), |v| vm.type_name(v))
            ))
        })
}

/// `member.__get__(obj, type=None)`: the descriptor itself for a class.
fn member_get(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__get__", 2, 3)?;
    let member = this(vm, &args, "__get__")?;
    let obj = &args.pos[1];
    if matches!(obj, Value::None) {
        return Ok(args.pos[0].clone());
    }
    member
        .get(vm, obj)?
        .ok_or_else(|| vm.no_attribute(obj, &member.name))
}

fn member_set(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__set__", 3, 3)?;
    let member = this(vm, &args, "__set__")?;
    member.set(vm, &args.pos[1], args.pos[2].clone())?;
    Ok(Value::None)
}

fn member_delete(vm: &Vm, args: Args) -> PyResult {
    args.check(vm, "__delete__", 2, 2)?;
    let member = this(vm, &args, "__delete__")?;
    member.delete(vm, &args.pos[1])?;
    Ok(Value::None)
}

fn member_repr(vm: &Vm, args: Args) -> PyResult {
    let member = this(vm, &args, "__repr__")?;
    Ok(Value::string(format!(
        "<member '{}' of '{}' objects>",
        member.name, member.owner_name
    )))
}
