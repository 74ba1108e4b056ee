x = [a, b

def f():
    pass
