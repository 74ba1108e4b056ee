def f(t):
    t[0] = 1


f((1, 2))
