def check(x, y):
    assert x, "x"
    assert x and y > 1
    assert not x > 5
    assert (x if y < 0 else y) and x < 0


check(1, 2)
