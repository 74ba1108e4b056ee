def f(n):
    total = 0
    total += n
    return total


f("x")
