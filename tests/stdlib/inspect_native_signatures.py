# inspect.signature of natives, read from their __text_signature__.
import inspect

for f in [len, print, sorted, [].sort, list.sort, divmod, max, iter, isinstance, sum, round, getattr, pow]:
    try:
        sig = inspect.signature(f)
    except ValueError as e:
        print("ValueError", e)
        continue
    print(f.__name__, sig)
    for name, p in sig.parameters.items():
        print("   ", name, p.kind, "default" if p.default is not p.empty else "required")

print(inspect.signature(sum).bind([1, 2], start=3).arguments)
try:
    inspect.signature(len).bind(obj=[])
except TypeError as e:
    print("TypeError", e)
