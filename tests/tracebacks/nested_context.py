def a():
    raise ValueError("first")


def b():
    try:
        a()
    except ValueError:
        int("second")


def c():
    try:
        b()
    except ValueError as e:
        raise RuntimeError("third") from e


c()
