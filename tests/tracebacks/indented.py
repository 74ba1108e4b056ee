def f(items):
    for it in items:
        if it:
            for j in range(2):
                        v = it[j] * 2
    return v


f([[1], [2]])
