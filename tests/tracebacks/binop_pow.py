def f(a, b):
    return (a**b) + 1


f(None, 2)
