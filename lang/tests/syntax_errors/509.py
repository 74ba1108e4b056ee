match 1:
    case Point(x=1, 2): pass
