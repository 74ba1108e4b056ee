def f():
    exec("x = 1\ny = x + 'a'\n")


f()
