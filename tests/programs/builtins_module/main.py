import builtins
print(builtins, builtins.__name__, builtins.print is print, builtins.len is len)
print(__builtins__ is builtins)
builtins.shared_answer = 42
import helper
print(helper.read_shared(), shared_answer)
real_print = builtins.print
def loud(*args, **kwargs):
    real_print("LOUD:", *args, **kwargs)
builtins.print = loud
print("through the replaced print")
helper.speak()
builtins.print = real_print
del builtins.shared_answer
try:
    shared_answer
except NameError as e:
    print(e)
print(type(builtins).__name__, hasattr(builtins, "__import__"), builtins.__spec__.origin)
