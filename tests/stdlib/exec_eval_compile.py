# exec and eval run in the dicts they are given; compile() makes code
# objects that exec and eval run, in 'exec', 'eval' and 'single' modes.
import ast
import asyncio

d = {}
exec("x = 1\ndef f():\n    return x + y\n", d)
d["y"] = 10
print(d["x"], d["f"](), sorted(k for k in d if k != "__builtins__"))
print("__builtins__" in d)
d["x"] = 5
print(d["f"]())

g, l = {}, {}
exec("a = 1\nglobal b\nb = 2", g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l))
print(eval("a + b", g, l))
print(eval("x * 2", {"x": 21}))
print(eval("  1 + 1"))


def runs_in_caller():
    z = 10
    print(eval("z + 1"))
    exec("z = 20")
    return z


print(runs_in_caller())
counter = 0
exec("counter += 1")
print(counter)

try:
    exec("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("pass", [])
except TypeError as e:
    print("TypeError:", e)
try:
    exec(42)
except TypeError as e:
    print("TypeError:", e)

code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code))
code = compile("value = 6 * 7", "<stmts>", "exec")
ns = {}
print(exec(code, ns), ns["value"])
print(eval(code, ns))
ns_value = 1
exec(compile("ns_value\n", "<single>", "single"))
try:
    compile("a = 1\nb = 2\n", "<single>", "single")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
code = compile("40 + 2", "<single>", "single")
exec(code)
exec(compile(b"print('from bytes')", "<bytes>", "exec"))
try:
    compile(code, "x", "exec")
except TypeError as e:
    print("TypeError:", e)
for args in [("1", "<s>", "bogus"), ("1", "<s>", "exec", 1 << 30)]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    compile(1, "<s>", "exec")
except TypeError as e:
    print("TypeError:", e)
try:
    compile("def f(:\n", "<broken>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.filename, e.lineno)

PyCF_ALLOW_TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
CO_COROUTINE = 0x80
code = compile("await asyncio.sleep(0, 'slept')", "<await>", "eval",
               flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(code.co_flags & CO_COROUTINE))
coro = eval(code)
print(type(coro).__name__, asyncio.run(coro))
code = compile("r = await asyncio.sleep(0, 5)\nr += 1", "<await>", "exec",
               flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
space = {"asyncio": asyncio}
coro = eval(code, space)
asyncio.run(coro)
print(space["r"])
plain = compile("1 + 1", "<plain>", "eval", flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(plain.co_flags & CO_COROUTINE), eval(plain))
try:
    compile("await x", "<no flag>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
