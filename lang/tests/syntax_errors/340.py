def f(x)
    pass
