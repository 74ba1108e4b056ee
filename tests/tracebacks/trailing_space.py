def f(a):
    return a["k"]    


f({})
