def f(pair):
    a, b = pair
    return a


f([1, 2, 3])
