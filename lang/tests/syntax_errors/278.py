def f(x, y z): pass
