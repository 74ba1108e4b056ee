def f():
    return x +
