def f(x, y):
    r = x  //  y
    return r


f(10, 0)
