def inner():
    return [][0]


def outer():
    try:
        inner()
    except IndexError:
        raise


outer()
