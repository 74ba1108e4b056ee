match x:
    case P(a, b, c, x=1, y=2, 3, 4, z=5, 6): pass
