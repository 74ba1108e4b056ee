class S:
    pass


def f(s):
    return s.run(1, 2)


f(S())
