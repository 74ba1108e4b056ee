class Q:
    def where(self, x):
        return self

    def first(self):
        return None


def f():
    return Q().where(1).first().name


f()
