def f(x):
    return not x.ok


f(1)
