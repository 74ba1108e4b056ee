def apply(fn, x):
    return fn(x)


apply(lambda v: v.strip(), 3)
