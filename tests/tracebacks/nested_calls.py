class C:
    def __init__(self):
        return 1


def mk():
    return C()


def outer():
    x = mk()
    return x


outer()
