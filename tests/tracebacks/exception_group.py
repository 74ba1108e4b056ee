def f():
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])


f()
