class P:
    pass


def show(p):
    print(p.name.upper())


show(P())
