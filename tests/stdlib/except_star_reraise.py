# What leaves an except* statement when handlers raise: new exceptions come
# first in the combined group, then what is left of the original group.


def run(excs, raise_in=(), reraise=False):
    try:
        try:
            raise ExceptionGroup("eg", excs)
        except* ValueError as eg:
            if "value" in raise_in:
                raise KeyError("from value handler")
            if reraise:
                raise
        except* TypeError:
            if "type" in raise_in:
                raise IndexError("from type handler")
    except BaseException as e:
        print(type(e).__name__, repr(e))
    else:
        print("nothing escaped")


run([ValueError(1)])
run([ValueError(1)], raise_in=("value",))
run([ValueError(1), TypeError(2)], raise_in=("value",))
run([ValueError(1), TypeError(2), OSError(3)], raise_in=("value", "type"))
run([ValueError(1), OSError(3)], reraise=True)
run([ValueError(1), TypeError(2)], raise_in=("type",), reraise=True)
run([OSError(3)])
