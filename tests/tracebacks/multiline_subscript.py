def f(d):
    return d[
        "missing"
    ]


f({})
