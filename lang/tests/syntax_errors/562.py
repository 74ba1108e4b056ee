match x:
    case P(x.y=1): pass
