f(*a, **kw, b)
