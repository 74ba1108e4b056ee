# The Python-facing dis API: each check prints nothing and raises on a mismatch.
import dis
import sys

class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def text(self):
        return "".join(self.parts)

def add(a, b=1):
    c = a + b
    return c

def gen(n):
    for i in range(n):
        got = yield i
        if got:
            return got

async def coro(x):
    return await x

class K:
    def m(self):
        return 1
    @staticmethod
    def s():
        return 2
    @classmethod
    def c(cls):
        return 3

# dis(..., file=) writes there, and the listing is CPython's layout.
out = Collect()
dis.dis(add, file=out)
lines = out.text().splitlines()
assert lines[0] == "%3d           0 LOAD_FAST                0 (a)" % (add.__code__.co_firstlineno + 1), lines[0]
assert lines[-1] == "             10 RETURN_VALUE", lines[-1]

# Methods, generator and coroutine objects, source strings all disassemble.
for x in [K().m, K.s, K.c, gen(1), coro(1), "x = 1", add.__code__]:
    o = Collect()
    dis.dis(x, file=o)
    assert "RETURN_VALUE" in o.text(), x

# A class disassembles each method, sorted by name, as CPython does.
o = Collect()
dis.dis(K, file=o)
heads = [l for l in o.text().splitlines() if l.startswith("Disassembly of")]
assert heads == ["Disassembly of c:", "Disassembly of m:", "Disassembly of s:"], heads

# Instructions are named tuples with CPython's fields.
ins = list(dis.get_instructions(add))
first = ins[0]
assert first.opname == "LOAD_FAST" and first.opcode == dis.opmap["LOAD_FAST"]
assert first.arg == 0 and first.argval == "a" and first.argrepr == "a"
assert first.offset == 0 and first.starts_line == add.__code__.co_firstlineno + 1
assert first.is_jump_target is False
assert first[0] == "LOAD_FAST" and len(first) == 9
assert first.positions.lineno == first.starts_line
assert first.positions.col_offset == 8, first.positions
assert first == list(dis.get_instructions(add))[0]
assert repr(first).startswith("Instruction(opname='LOAD_FAST', opcode=124, arg=0, argval='a', argrepr='a', offset=0, starts_line="), repr(first)
assert ins[-1].arg is None and ins[-1].argval is None
consts = [i.argval for i in ins if i.opname == "LOAD_CONST"]
assert consts == [], consts
shifted = list(dis.get_instructions(add, first_line=100))
assert shifted[0].starts_line == 101

# Jumps: argval is the target offset; the target is marked.
g = list(dis.get_instructions(gen))
jumps = [i for i in g if i.opname == "FOR_ITER"]
assert jumps and jumps[0].argrepr == "to %d" % jumps[0].argval
assert [i for i in g if i.offset == jumps[0].argval][0].is_jump_target
assert jumps[0].offset in dis.findlabels(gen)

# opname / opmap are inverse; names come from the one opcode table.
for name, code in dis.opmap.items():
    assert dis.opname[code] == name
assert dis.opname[1] == "POP_TOP" and dis.opname[0] == "<0>"
assert dis.stack_effect(dis.opmap["POP_TOP"]) == -1
assert dis.stack_effect(dis.opmap["BUILD_LIST"], 3) == -2
assert dis.pretty_flags(0x83) == "OPTIMIZED, NEWLOCALS, COROUTINE"
assert dis.COMPILER_FLAG_NAMES[0x20] == "GENERATOR"

# Bytecode: iterable, .dis(), .info(), repr.
b = dis.Bytecode(add)
assert [i.opname for i in b] == [i.opname for i in ins]
o = Collect()
dis.dis(add, file=o)
assert b.dis() == o.text()
assert b.info() == dis.code_info(add)
assert repr(b).startswith("Bytecode(<function add at 0x")
assert b.codeobj is not None and b.first_line == add.__code__.co_firstlineno
marked = dis.Bytecode(add, current_offset=4).dis()
assert [l for l in marked.splitlines() if "-->" in l][0].split()[1] == "4", marked

# code_info / show_code: CPython's layout, flags by name.
info = dis.code_info(coro)
assert info.splitlines()[0] == "Name:              coro"
assert "Flags:             OPTIMIZED, NEWLOCALS, COROUTINE" in info
assert dis.code_info(gen).splitlines()[7] == "Flags:             OPTIMIZED, NEWLOCALS, GENERATOR"
o = Collect()
dis.show_code(gen, file=o)
assert "States of generator gen (1 resume point):" in o.text()

# states() of a suspended generator says where it waits.
it = gen(3)
next(it)
o = Collect()
dis.states(it, file=o)
assert "Now suspended in state 1" in o.text(), o.text()

# compare / desugar write to file= too.
o = Collect()
dis.compare(gen, gen, file=o)
assert o.text().splitlines()[-1].startswith("Verdict: identical"), o.text()
o = Collect()
dis.desugar(coro, file=o)
assert "@types.coroutine" in o.text() and "yield from x.__await__()" in o.text(), o.text()

# A class is desugared whole, found through the source of its methods.
class AsyncUser:
    async def run(self, aw):
        return await aw
text = dis.desugar_source(AsyncUser)
assert "class AsyncUser:" in text and "@types.coroutine" in text and "yield from aw.__await__()" in text, text

# Errors are TypeErrors / ValueErrors, not crashes.
for bad in [1, None.__class__]:
    try:
        dis.get_instructions(bad)
    except TypeError as e:
        assert "don't know how to disassemble" in str(e)
    else:
        raise AssertionError("no TypeError for %r" % (bad,))
try:
    dis.dis(add, colour=True)
except TypeError as e:
    assert "unexpected keyword argument 'colour'" in str(e)
try:
    dis.desugar_source(lambda: 1)
except ValueError as e:
    assert "lambda" in str(e), str(e)
try:
    dis.stack_effect(dis.opmap["POP_TOP"], 1)
except ValueError:
    pass
try:
    dis.dis()
except RuntimeError as e:
    assert "no last traceback" in str(e)

if "--quiet" not in sys.argv:
    print("dis API checks passed")
