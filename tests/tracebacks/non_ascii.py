def f(d):
    s = "héllo wörld" ; return d["ключ"] + len(s)


f({"ключ": None})
