def f(d):
    try:
        return d["x"]
    except KeyError:
        raise LookupError("no x") from None


f({})
