//! Test helpers: compile a source string and print its code like `dis`.
#![allow(dead_code)]

use std::rc::Rc;
use towel_lang::bytecode::{ArgKind, CodeObject, Constant, Opcode, BINARY_OPS, COMPARE_OPS};
use towel_lang::compiler::{compile_module, Mode};
use towel_lang::source::SyntaxError;

pub fn compile_mode(src: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = towel_lang::parse_module(src, "t.py")?;
    compile_module(&module, "t.py", src, mode)
}

pub fn compile(src: &str) -> Rc<CodeObject> {
    match compile_mode(src, Mode::Exec) {
        Ok(code) => code,
        Err(e) => panic!("compile failed: {}", e.render()),
    }
}

/// The argument as `dis` shows it in parentheses.
fn arg_repr(code: &CodeObject, op: Opcode, arg: u32) -> String {
    let i = arg as usize;
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => match code.consts.get(i) {
            Some(Constant::Code(c)) => format!("{arg} (<code {}>)", c.name),
            Some(c) => format!("{arg} ({c})"),
            None => format!("{arg} (?)"),
        },
        ArgKind::Name => format!("{arg} ({})", code.names.get(i).map_or("?", |n| n)),
        ArgKind::Local => format!("{arg} ({})", code.varnames.get(i).map_or("?", |n| n)),
        ArgKind::Free => {
            let n = code.cellvars.len();
            let name = if i < n {
                code.cellvars.get(i)
            } else {
                code.freevars.get(i - n)
            };
            format!("{arg} ({})", name.map_or("?", |n| n))
        }
        ArgKind::Jump => format!("{arg}"),
        ArgKind::Count | ArgKind::Format => format!("{arg}"),
        ArgKind::Compare => format!("{arg} ({})", COMPARE_OPS.get(i).unwrap_or(&"?")),
        ArgKind::Binary => format!("{arg} ({})", BINARY_OPS.get(i).unwrap_or(&"?")),
    }
}

/// One line per instruction: `index OPNAME arg (repr)`, jump targets marked `>>`.
pub fn dis(code: &CodeObject) -> String {
    let targets: Vec<u32> = code
        .instructions
        .iter()
        .filter(|i| i.op.arg_kind() == ArgKind::Jump)
        .map(|i| i.arg)
        .collect();
    let mut out = String::new();
    for (i, ins) in code.instructions.iter().enumerate() {
        let mark = if targets.contains(&(i as u32)) {
            ">>"
        } else {
            "  "
        };
        let arg = arg_repr(code, ins.op, ins.arg);
        out.push_str(format!("{mark} {i:3} {:<22} {arg}", ins.op.name()).trim_end());
        out.push('\n');
    }
    out
}

/// Just the opcode names and arguments, for exact sequence checks.
pub fn ops(code: &CodeObject) -> Vec<String> {
    code.instructions
        .iter()
        .map(|ins| {
            let arg = arg_repr(code, ins.op, ins.arg);
            let arg = match arg.find('(') {
                Some(p) => arg[p + 1..arg.len() - 1].to_string(),
                None => arg,
            };
            format!("{} {}", ins.op.name(), arg).trim_end().to_string()
        })
        .collect()
}

/// The code constant named `name`, searched depth-first.
pub fn find_code(code: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
    if &*code.name == name {
        return Some(code.clone());
    }
    code.consts.iter().find_map(|c| match c {
        Constant::Code(inner) => find_code(inner, name),
        _ => None,
    })
}

/// Every code object, depth-first.
pub fn all_codes(code: &Rc<CodeObject>) -> Vec<Rc<CodeObject>> {
    let mut out = vec![code.clone()];
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.extend(all_codes(inner));
        }
    }
    out
}

/// Full recursive listing with code headers.
pub fn dis_all(code: &Rc<CodeObject>) -> String {
    let mut out = String::new();
    for c in all_codes(code) {
        out.push_str(&format!(
            "== {} ({}) flags={:#x} args={}/{}/{} stack={} varnames={:?} cells={:?} frees={:?}\n",
            c.name,
            c.qualname,
            c.flags,
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.stacksize,
            c.varnames,
            c.cellvars,
            c.freevars
        ));
        out.push_str(&dis(&c));
    }
    out
}

/// Checks the stack discipline of a code object: every reachable
/// instruction is reached with one depth, never negative, never above
/// `stacksize`, and every instruction is reachable.
pub fn check_stack(code: &CodeObject) -> Result<(), String> {
    let n = code.instructions.len();
    let mut depth_at: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    while let Some((pc, depth)) = work.pop() {
        if pc >= n {
            return Err(format!("{}: falls off the end", code.name));
        }
        if let Some(d) = depth_at[pc] {
            if d != depth {
                return Err(format!(
                    "{}: instruction {pc} reached with depths {d} and {depth}",
                    code.name
                ));
            }
            continue;
        }
        depth_at[pc] = Some(depth);
        let ins = code.instructions[pc];
        let after = depth + ins.op.stack_effect(ins.arg, false);
        let pops = match ins.op {
            // Ops that read below their net effect.
            Opcode::DUP_TOP | Opcode::GET_ITER => 1,
            Opcode::GET_LEN | Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => 1,
            Opcode::MATCH_KEYS | Opcode::COPY_DICT_WITHOUT_KEYS => 2,
            Opcode::MATCH_CLASS => 3,
            Opcode::ROT_N => ins.arg as i32,
            _ => 0,
        };
        if depth - pops < 0 || after < 0 {
            return Err(format!(
                "{}: negative depth at {pc} {}",
                code.name,
                ins.op.name()
            ));
        }
        if after > code.stacksize as i32 {
            return Err(format!(
                "{}: depth {after} above stacksize {} at {pc}",
                code.name, code.stacksize
            ));
        }
        if ins.op.arg_kind() == ArgKind::Jump {
            let taken = depth + ins.op.stack_effect(ins.arg, true);
            if taken > code.stacksize as i32 || taken < 0 {
                return Err(format!("{}: bad jump depth {taken} at {pc}", code.name));
            }
            work.push((ins.arg as usize, taken));
        }
        let stops = matches!(
            ins.op,
            Opcode::JUMP_FORWARD
                | Opcode::JUMP_ABSOLUTE
                | Opcode::RETURN_VALUE
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
        );
        if !stops {
            work.push((pc + 1, after));
        }
    }
    if let Some(pc) = depth_at.iter().position(|d| d.is_none()) {
        return Err(format!("{}: instruction {pc} unreachable", code.name));
    }
    if code.spans.len() != n || code.lines.len() != n {
        return Err(format!(
            "{}: spans/lines not parallel to instructions",
            code.name
        ));
    }
    Ok(())
}
