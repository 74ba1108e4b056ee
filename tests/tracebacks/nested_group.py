def f():
    raise ExceptionGroup("outer", [ValueError("v"), ExceptionGroup("inner", [KeyError("k")])])


f()
