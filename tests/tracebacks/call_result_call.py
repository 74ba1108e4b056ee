def make():
    return None


def f():
    return make()(1)


f()
