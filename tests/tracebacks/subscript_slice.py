def f(t):
    return t[1:2]["x"]


f([1, 2, 3])
