class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)


def f():
    a = V(1)
    return a + V("s")


f()
