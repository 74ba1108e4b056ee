def acc():
    total = 0
    while True:
        v = yield total
        total = total + v


g = acc()
next(g)
g.send(1)
g.send(None)
