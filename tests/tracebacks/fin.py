def f(d):
    try:
        return d["a"] + 1
    finally:
        print("cleanup")


f({"a": None})
