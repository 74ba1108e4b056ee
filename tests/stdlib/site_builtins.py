# What the site module adds to the builtins, in scripts as at the prompt.
import builtins

for name in ("help", "exit", "quit"):
    obj = getattr(builtins, name)
    print(name, type(obj).__name__, type(obj).__module__, repr(obj))
print(callable(help), callable(exit))
