# The sys attributes scripts read, by value where CPython and towel agree
# and by type or shape where they legitimately differ.
import sys

print(type(sys.flags).__name__, len(sys.flags), sys.flags[0], sys.flags.optimize, sys.flags.dont_write_bytecode)
print(sys.flags.isolated, sys.flags.dev_mode, sys.flags.safe_path, sys.flags.quiet, sys.flags.inspect)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[2], sys.float_info.mant_dig)
print(sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info).__name__)
print(sys.version_info.releaselevel, sys.hexversion >> 16 == 0x30B, sys.api_version)
print(type(sys.implementation.name).__name__, type(sys.implementation).__name__)
print(sys.int_info.default_max_str_digits, sys.hash_info.modulus, sys.hash_info.inf)
print(isinstance(sys.executable, str), isinstance(sys.prefix, str), sys.base_prefix == sys.prefix)
print(sys.getrefcount(object()) >= 1, sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(1.5), sys.getsizeof(""), sys.getsizeof("abc"))
print(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}), sys.getsizeof(None))
print(sys.intern("abc") == "abc", sys.getdefaultencoding(), sys.getfilesystemencoding())
try:
    sys.intern(1)
except TypeError as e:
    print(e)
print("sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names)
print(type(sys.stdlib_module_names).__name__, "asyncio" in sys.stdlib_module_names, "towel" in sys.stdlib_module_names)
print(sys.get_asyncgen_hooks())
def first(agen): pass
sys.set_asyncgen_hooks(firstiter=first)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is first, hooks[1], hooks.finalizer)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=3)
except TypeError as e:
    print(e)
print(sys.dont_write_bytecode, sys.warnoptions, sys._xoptions, sys.orig_argv[1:])
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    print(sys.exc_info()[0].__name__, type(sys.exception()).__name__)
print(sys.argv)
print(sys.stdin.name, sys.stdin.mode, sys.stdin.isatty(), sys.stdin.fileno())
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(5)))
for line in sys.stdin:
    print("line:", repr(line))
    if line.startswith("stop"):
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
