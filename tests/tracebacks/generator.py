def gen(xs):
    for x in xs:
        yield 10 // x


def consume():
    return [y for y in gen([1, 2, 0])]


consume()
