class Bad:
    def __format__(self, spec):
        raise ValueError("no format")


def f():
    return f"value: {Bad():>5}"


f()
