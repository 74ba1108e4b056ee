def check(x):
    assert x > 1, "too small: " + str(x)


check(0)
