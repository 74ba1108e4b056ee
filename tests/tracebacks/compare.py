def f(a, b):
    if a < b:
        return 1


f(1, "x")
