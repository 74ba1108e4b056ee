def f(d):
    try:
        return d["a"]
    except KeyError:
        print("logging")
        raise


f({})
