def f(d):
    del d["k"]


f({})
