def parse(s):
    return int(s)


def load(s):
    try:
        return parse(s)
    except ValueError:
        return {}[s]


load("abc")
