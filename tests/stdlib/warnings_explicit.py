# warnings.warn_explicit: a warning said to come from a given place, through
# the same filters and registries as warn().
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("from elsewhere", UserWarning, "lib/helper.py", 12)
    warnings.warn_explicit("runtime", RuntimeWarning, "", 0)
    warnings.warn_explicit(DeprecationWarning("old api"), None, "pkg/mod.py", 3, module="pkg.mod")
for w in caught:
    print(w.category.__name__, str(w.message), w.filename, w.lineno)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", module="lib/helper")
    warnings.warn_explicit("kept", UserWarning, "lib/helper.py", 1)
    warnings.warn_explicit("dropped", UserWarning, "lib/other.py", 1)
print([str(w.message) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn_explicit("now an error", UserWarning, "x.py", 5)
    except UserWarning as e:
        print("raised:", e)

print(warnings.formatwarning("text", UserWarning, "file.py", 7, line="  source()"), end="")
