def where():
    return __file__.rsplit("/", 2)[-2:]
