def gen(xs):
    for x in xs:
        yield 10 // x


def leaky():
    yield 1
    next(iter([]))


def consume():
    try:
        return max(gen([1, 2, 0]))
    except ZeroDivisionError:
        try:
            return sum(leaky())
        except RuntimeError:
            return any(x.missing for x in gen([5]))


consume()
