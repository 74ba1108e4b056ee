def f(d):
    try:
        return d["a"]
    except KeyError as e:
        err = e
    raise err


f({})
