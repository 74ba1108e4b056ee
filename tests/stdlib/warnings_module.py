import os
import sys
import warnings

sys.stderr = sys.stdout


def show(message, category, filename, lineno, file=None, line=None):
    print(f"{os.path.basename(filename)}:{lineno}: {category.__name__}: {message} [{line}]", os.path.isabs(filename))


warnings.showwarning = show
warnings.warn("careful now")
warnings.warn("careful now")
warnings.warn("deprecated thing", DeprecationWarning)


def old_api():
    warnings.warn("old_api is old", FutureWarning)


old_api()
old_api()
warnings.warn("quiet", PendingDeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", RuntimeWarning)
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised:", repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
warnings.filterwarnings("ignore", message="skip")
warnings.warn("skip me")
warnings.warn("but not me")
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "x = 1"), end="")
