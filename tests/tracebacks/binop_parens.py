def f(a, b, c):
    return (a * b) - (c @ a)


f(1, 2, 3)
