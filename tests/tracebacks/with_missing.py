def f():
    with open_thing() as t:
        pass


def open_thing():
    return 3


f()
